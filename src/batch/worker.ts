import { parentPort, workerData } from 'node:worker_threads';
import { asRedressError } from '../errors';
import { createPipeline } from '../recommend/pipeline';
import { loadRuleSet } from '../rules/ruleset';
import { errorRecord } from './many';
import type { BatchResult, ChunkReply, ChunkRequest, WorkerSetup } from './worker-pool';

/**
 * A batch worker thread: builds the recommender its parent described (the rule set arrives as plain
 * data and is loaded again here) and answers chunks of complaints with their results, in order.
 */
const setup = workerData as WorkerSetup;
const pipeline = createPipeline({ ...setup, ruleSet: loadRuleSet(setup.ruleSet, { limits: setup.limits }) });
const port = parentPort;

port?.on('message', async (request: ChunkRequest) => {
  const options = {
    ...(request.locale === undefined ? {} : { locale: request.locale }),
    ...(request.exchangeRates === undefined ? {} : { exchangeRates: request.exchangeRates }),
    ...(request.currencyDisplay === undefined ? {} : { currencyDisplay: request.currencyDisplay }),
  };
  const texts: string[] = [];
  for (let i = 0; i < request.items.length; i++) {
    const input = request.items[i];
    let result: BatchResult;
    try {
      result = await pipeline.recommend(input, options);
    } catch (error) {
      result = errorRecord(request.start + i, input, asRedressError(error));
    }
    texts.push(JSON.stringify(result));
  }
  let reply: ChunkReply = { id: request.id, texts };
  try {
    port.postMessage(reply);
  } catch (error) {
    reply = { id: request.id, failed: error instanceof Error ? error.message : String(error) };
    port.postMessage(reply);
  }
});
