import { parentPort, workerData } from 'node:worker_threads';
import { errorRecord } from '../batch/many';
import type {
  BatchResult,
  CaseNoteOrNull,
  ChunkReply,
  ChunkRequest,
  WorkerSetup,
} from '../batch/worker-pool';
import { recommendAhead } from '../cases/ahead';
import { asRedressError } from '../errors';
import { DEFAULT_CASE_WINDOW_DAYS } from '../policy/schema';
import { createPipeline, type RecommendOptions } from '../recommend/pipeline';
import { loadRuleSet } from '../rules/ruleset';

/**
 * A batch worker thread: builds the recommender its parent described (the rule set arrives as plain
 * data and is loaded again here) and answers chunks of complaints with their results, in order. For
 * a linked batch's chunk, each complaint is recommended as the first of its case, with a note on its
 * case for the parent, which checks it in input order (cases/linked-batch.ts). It lives with the
 * recommender, above the batch and case layers whose work it does.
 */
const setup = workerData as WorkerSetup;
const pipeline = createPipeline({ ...setup, ruleSet: loadRuleSet(setup.ruleSet, { limits: setup.limits }) });
const windowDays = setup.ruleSet.policy.caseWindowDays ?? DEFAULT_CASE_WINDOW_DAYS;
const port = parentPort;

/** Each item's result as JSON text, and for a linked chunk its case note. */
async function answer(
  request: ChunkRequest,
  options: RecommendOptions,
): Promise<{ texts: string[]; notes?: CaseNoteOrNull[] }> {
  const texts: string[] = [];
  const notes: CaseNoteOrNull[] = [];
  for (let i = 0; i < request.items.length; i++) {
    const input = request.items[i];
    const index = request.indices?.[i] ?? request.start + i;
    let result: BatchResult;
    if (request.link) {
      const ahead = await recommendAhead(input, index, {
        run: (complaint, caseLink) =>
          pipeline
            .run(complaint, pipeline.callFor(complaint, options), undefined, caseLink)
            .catch((error: unknown) => {
              throw asRedressError(error);
            }),
        limits: setup.limits,
        windowDays,
      });
      result = ahead.result;
      notes.push(ahead.note);
    } else {
      try {
        result = await pipeline.recommend(input, options);
      } catch (error) {
        result = errorRecord(index, input, asRedressError(error));
      }
    }
    texts.push(JSON.stringify(result));
  }
  return request.link ? { texts, notes } : { texts };
}

port?.on('message', async (request: ChunkRequest) => {
  const options = {
    ...(request.locale === undefined ? {} : { locale: request.locale }),
    ...(request.exchangeRates === undefined ? {} : { exchangeRates: request.exchangeRates }),
    ...(request.currencyDisplay === undefined ? {} : { currencyDisplay: request.currencyDisplay }),
  };
  let reply: ChunkReply = { id: request.id, ...(await answer(request, options)) };
  try {
    port.postMessage(reply);
  } catch (error) {
    reply = { id: request.id, failed: error instanceof Error ? error.message : String(error) };
    port.postMessage(reply);
  }
});
