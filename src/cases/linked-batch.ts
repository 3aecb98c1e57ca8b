/**
 * Cases: complaints about one problem, on any channel, linked into one case (docs/cases.md). Start at
 * `case-key.ts`: what makes two complaints one case (customer, order or subscription, category,
 * currency; no channel) and the window. Then the two ways a complaint finds its case: `open-case.ts`, a
 * case the helpdesk names in `customer.openCases`, and this file, a batch's earlier complaints
 * (`recommendLinked`; `case-guess.ts` and `ahead.ts` recommend a complaint ahead of its turn on worker
 * threads). What linking then gives is recommend/link.ts.
 *
 * The rest is storage, a batch's open cases held compactly in columns: `case-book.ts` (and the view of
 * one case, `booked-case.ts`), `case-record.ts` and `open-case-record.ts` (what a case gave so far),
 * `case-slots.ts`, `slot-index.ts` and `slot-texts.ts` (case keys to slots, as bytes).
 */
import {
  AS_JSON,
  AS_VALUES,
  CHUNK_SIZE,
  CHUNK_TEXT,
  CHUNKS_PER_WORKER,
  errorRecord,
  type ManyOptions,
  type Output,
  Source,
  threadPlan,
} from '../batch/many';
import type {
  BatchCall,
  BatchPool,
  BatchResult,
  BatchThreads,
  ChunkResults,
  LocalRunner,
} from '../batch/worker-pool';
import { parseComplaint } from '../complaint/parse';
import type { Complaint } from '../complaint/schema';
import type { Limits } from '../input/limits';
import type { CaseLink, CaseNote } from '../recommend/link';
import type { Run } from '../recommend/pipeline';
import { timestampMs } from '../time/timestamp';
import { recommendAhead } from './ahead';
import { CaseBook } from './case-book';
import { guessCase } from './case-guess';
import { caseKey, windowMs } from './case-key';
import { fromOpened, linkOf, opened, record } from './case-record';
import { CaseSlots, NO_SLOT } from './case-slots';
import { openCaseLink } from './open-case';

/** What a linked batch needs of the recommender. */
export interface LinkedBatchSetup {
  /** Recommends for a validated complaint, linked to `caseLink` when given (the pipeline's `run`). */
  readonly run: (complaint: Complaint, caseLink?: CaseLink) => Promise<Run>;
  readonly limits: Limits;
  /** `policy.caseWindowDays`. */
  readonly windowDays: number;
  /** The batch's `workers` and `concurrency`, as for any batch. */
  readonly options?: ManyOptions;
  /** The recommender's worker threads (none: everything runs in this thread). */
  readonly threads?: BatchThreads;
  /** What the batch's workers must know of its options (locale, rates, display). */
  readonly call?: BatchCall;
  /** Called with the case book after each complaint that got a recommendation (tests watch its size). */
  readonly observe?: (book: CaseBook) => void;
}

/** A linked batch in progress: its cases, in input order. */
class Cases {
  readonly book: CaseBook;
  /** Where a complaint's case was guessed to be open already, from the raw inputs read so far. */
  private readonly guesses: CaseSlots;

  constructor(private readonly setup: LinkedBatchSetup) {
    this.book = new CaseBook(windowMs(setup.windowDays));
    this.guesses = new CaseSlots(windowMs(setup.windowDays));
  }

  /**
   * One complaint in its turn, with the cases as they stand after every earlier complaint: linked to
   * its open case, or opening one.
   */
  async inTurn(input: unknown, index: number): Promise<BatchResult> {
    try {
      const complaint = parseComplaint(input, { limits: this.setup.limits });
      const key = caseKey(complaint);
      const time = timestampMs(complaint.receivedAt);
      const open = this.book.find(key, time);
      const caseLink = open ? linkOf(open) : openCaseLink(complaint, this.setup.windowDays);
      const run = await this.setup.run(complaint, caseLink);
      if (open) record(open, run.recommendation);
      else this.book.open(key, opened(complaint, time, run, caseLink));
      this.setup.observe?.(this.book);
      return run.recommendation;
    } catch (error) {
      return errorRecord(index, input, error);
    }
  }

  /**
   * Whether a complaint recommended ahead of its turn keeps that result: yes unless an earlier
   * complaint opened its case (then it is recommended again, in turn, linked). Opens its case.
   */
  keeps(note: CaseNote | null | undefined): boolean {
    if (note === null) return true; // not a valid complaint: its error record stands
    if (note === undefined || this.book.find(note.key, note.at)) return false;
    if (note.opens) {
      this.book.open(note.key, fromOpened(note.opens));
      this.setup.observe?.(this.book);
    }
    return true;
  }

  /**
   * Whether an input is better kept for its turn than recommended ahead: its case looks open
   * already (a guess from the raw input; the batch checks it in turn either way).
   */
  waits(input: unknown): boolean {
    const guess = guessCase(input, this.setup.limits.maxComplaintBytes);
    if (!guess) return false;
    if (this.guesses.find(guess.key, guess.at) !== NO_SLOT) return true;
    this.guesses.open(guess.key, guess.at);
    return false;
  }

  /** Recommends inputs ahead of their turn in this thread, as a worker would. */
  readonly ahead =
    (indices: readonly number[]): LocalRunner =>
    async (items) => {
      const results: BatchResult[] = [];
      const notes: (CaseNote | null)[] = [];
      for (const [i, input] of items.entries()) {
        const { result, note } = await recommendAhead(input, indices[i] ?? 0, {
          run: this.setup.run,
          limits: this.setup.limits,
          windowDays: this.setup.windowDays,
        });
        results.push(result);
        notes.push(note);
      }
      return { results, notes };
    };
}

/** A chunk of a linked batch on the workers: its inputs, which of them wait for their turn, and what came back. */
interface LinkedChunk {
  readonly inputs: readonly unknown[];
  readonly start: number;
  readonly waiting: readonly boolean[];
  readonly sent: Promise<ChunkResults> | undefined;
}

/** Sends the inputs whose case does not look open yet to the workers; keeps the others for their turn. */
function send(
  cases: Cases,
  pool: BatchPool,
  inputs: readonly unknown[],
  start: number,
  call: BatchCall,
): LinkedChunk {
  const waiting = inputs.map((input) => cases.waits(input));
  const indices = inputs.flatMap((_, i) => (waiting[i] ? [] : [start + i]));
  const items = indices.map((index) => inputs[index - start]);
  const sent =
    items.length === 0
      ? undefined
      : pool.run(items, start, cases.ahead(indices), { ...call, link: true, indices });
  return { inputs, start, waiting, sent };
}

/** A chunk's results in input order: those recommended ahead where they stand, the others in turn. */
async function* settle<T>(cases: Cases, chunk: LinkedChunk, output: Output<T>): AsyncGenerator<T> {
  const ahead = chunk.sent ? await chunk.sent : undefined;
  let k = 0;
  for (const [i, input] of chunk.inputs.entries()) {
    const index = chunk.start + i;
    if (chunk.waiting[i] || !ahead) {
      yield output.fromValue(await cases.inTurn(input, index));
      continue;
    }
    const j = k++;
    if (!cases.keeps(ahead.notes?.[j])) yield output.fromValue(await cases.inTurn(input, index));
    else if ('texts' in ahead) yield output.fromText(ahead.texts[j] as string);
    else yield output.fromValue(ahead.results[j] as BatchResult);
  }
}

/**
 * The rest of a linked batch on the workers. Each complaint whose case does not look open yet is
 * recommended ahead, on a worker, as the first of its case; the results are then read in input
 * order, and each is checked against the cases the earlier complaints opened: kept when its case was
 * not open after all (nearly always), recommended again linked when it was. A complaint whose case
 * looks open is recommended in turn, in this thread. A bounded number of chunks is in flight.
 */
async function* onWorkers<T>(
  cases: Cases,
  source: Source,
  pool: BatchPool,
  first: number,
  call: BatchCall,
  output: Output<T>,
): AsyncGenerator<T> {
  const inFlight: LinkedChunk[] = [];
  let index = first;
  for (;;) {
    while (!source.ended && inFlight.length < pool.size * CHUNKS_PER_WORKER) {
      const inputs = await source.chunk(CHUNK_SIZE, CHUNK_TEXT);
      if (inputs.length === 0) break;
      inFlight.push(send(cases, pool, inputs, index, call));
      index += inputs.length;
    }
    const head = inFlight.shift();
    if (!head) return;
    yield* settle(cases, head, output);
  }
}

async function* linked<T>(
  inputs: Iterable<unknown> | AsyncIterable<unknown>,
  setup: LinkedBatchSetup,
  output: Output<T>,
): AsyncGenerator<T> {
  const { size, first } = threadPlan(setup.options ?? {}, setup.threads, output);
  const cases = new Cases(setup);
  const source = new Source(inputs);
  let pool: BatchPool | undefined;
  let index = 0;
  try {
    for (; index < first; index++) {
      const step = await source.next();
      if (step.done) return;
      // When workers follow, the guesses must know the cases opened here too.
      if (Number.isFinite(first)) cases.waits(step.value);
      yield output.fromValue(await cases.inTurn(step.value, index));
    }
    if (!(await source.hasMore())) return;
    pool = setup.threads?.acquire(size, setup.options?.onWorkerLost);
    if (pool) {
      yield* onWorkers(cases, source, pool, index, setup.call ?? {}, output);
      return;
    }
    for (let step = await source.next(); !step.done; step = await source.next()) {
      yield output.fromValue(await cases.inTurn(step.value, index++));
    }
  } finally {
    pool?.leave();
    await source.close();
  }
}

/**
 * A batch with linking: complaints with one case key (customer, order or subscription, category,
 * currency) within the window are one case. The first in input order gets the remedies and opens the
 * case; each later one is linked to it (same owner, nothing given twice, goodwill topped up when it
 * warrants more). A complaint matching one of its own `customer.openCases` is linked to that case.
 * Yields one result per input, in input order, the same whether or not worker threads are used
 * (`ManyOptions.workers`): complaints are recommended ahead on the workers as the first of their case
 * and checked in input order against the cases before them.
 */
export function recommendLinked(
  inputs: Iterable<unknown> | AsyncIterable<unknown>,
  setup: LinkedBatchSetup,
): AsyncGenerator<BatchResult> {
  return linked(inputs, setup, AS_VALUES);
}

/** `recommendLinked`, with each result as its JSON text (made in the worker when one made it). */
export function recommendLinkedAsJson(
  inputs: Iterable<unknown> | AsyncIterable<unknown>,
  setup: LinkedBatchSetup,
): AsyncGenerator<string> {
  return linked(inputs, setup, AS_JSON);
}
