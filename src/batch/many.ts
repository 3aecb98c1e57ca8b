import { availableParallelism } from 'node:os';
import { invalidOption, isRedressError } from '../errors';
import type { Recommendation, RecommendationError } from '../recommend/recommendation';
import type {
  BatchCall,
  BatchPool,
  BatchResult,
  BatchThreads,
  ChunkResults,
  LocalRunner,
} from './worker-pool';

/** Options for a batch. */
export interface ManyOptions {
  /**
   * Threads working on the batch: a whole number ≥ 1, by default (and at most) the number of cores,
   * `os.availableParallelism()` — threads beyond the cores would only cost memory. With 1, everything
   * runs in the calling thread (unless `workers` is `true`: then one worker does). Output order is input
   * order whatever this is.
   */
  readonly concurrency?: number;
  /**
   * Whether to use worker threads: `'auto'` (default) once a batch has shown itself large (past its
   * first 1,000 complaints, so a small batch never pays for starting threads) and there are threads
   * enough to gain: 2 for `recommendManyAsJson`, 3 for `recommendMany` (reading each result back into
   * objects costs the calling thread about a third of making it); `true` from the first complaint;
   * `false` never. Needs the built package: from source, `'auto'` stays in this thread and `true` is an
   * error.
   */
  readonly workers?: boolean | 'auto';
  /**
   * Told, with the reason, when a worker thread stops under the batch (a crash, a heap out of memory, or
   * an answer this thread could not read, after which it is stopped). Nothing is lost: that thread's
   * complaints are recommended in the calling thread instead, with the same results, only more slowly;
   * this says why a batch became slower. Called at most once a thread.
   */
  readonly onWorkerLost?: (why: string) => void;
}

/** Complaints handled in this thread before `workers: 'auto'` starts threads. */
export const WORKER_THRESHOLD = 1_000;
/** Complaints sent to a worker at once: enough to make messaging cheap, few enough to share work evenly. */
export const CHUNK_SIZE = 64;
/**
 * Characters of JSON text a chunk carries at most (it always carries at least one complaint). At 64
 * complaints of a few kilobytes this never binds; 64 complaints near the 1 MiB limit would be 64 MB or
 * more in a worker whose heap is sized for its rule set, and the worker ran out of memory (its work
 * was redone here, but the thread was lost). Exported for the worker pool, which sizes heaps from it.
 */
export const CHUNK_TEXT = 1 << 20;
/** Chunks in flight per worker: one being worked on, the next ones queued behind it. */
export const CHUNKS_PER_WORKER = 4;
/** Complaints in flight at once in this thread (they only overlap when the reference engine awaits). */
const LOCAL_WINDOW = 16;

/** The error record for an input that got no recommendation. */
export function errorRecord(index: number, input: unknown, error: unknown): RecommendationError {
  const complaintId = readableId(input);
  if (isRedressError(error)) {
    return {
      index,
      complaintId,
      error: { code: error.code, message: error.message, path: error.path, pointer: error.pointer },
    };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { index, complaintId, error: { code: 'INTERNAL', message, path: [], pointer: '' } };
}

function readableId(input: unknown): string | null {
  try {
    const id = typeof input === 'object' && input !== null ? (input as { id?: unknown }).id : undefined;
    return typeof id === 'string' ? id.slice(0, 128) : null;
  } catch {
    // A hostile input (a throwing getter or proxy) must cost only its own record, not the batch.
    return null;
  }
}

export function threadsFor(options: ManyOptions): number {
  const cores = availableParallelism();
  const value = options.concurrency ?? cores;
  if (!Number.isInteger(value) || value < 1) {
    throw invalidOption(['concurrency'], `must be a whole number ≥ 1, got ${String(value)}`);
  }
  if (options.onWorkerLost !== undefined && typeof options.onWorkerLost !== 'function') {
    throw invalidOption(
      ['onWorkerLost'],
      `must be a function (why: string) => void, got ${typeof options.onWorkerLost}`,
    );
  }
  return Math.min(value, cores);
}

/** The inputs, read one at a time, from a sync or async iterable alike. */
export class Source {
  ended = false;
  /** A read that did not answer at once and was left pending while a partial chunk went out. */
  private waiting: IteratorResult<unknown> | Promise<IteratorResult<unknown>> | undefined;
  private readonly iterator: Iterator<unknown> | AsyncIterator<unknown>;

  constructor(inputs: Iterable<unknown> | AsyncIterable<unknown>) {
    this.iterator =
      Symbol.asyncIterator in inputs
        ? (inputs as AsyncIterable<unknown>)[Symbol.asyncIterator]()
        : (inputs as Iterable<unknown>)[Symbol.iterator]();
  }

  /** Whether another input follows (it is read, and kept for the next read). */
  async hasMore(): Promise<boolean> {
    if (this.ended) return false;
    const step = await this.next();
    if (step.done) return false;
    this.waiting = step;
    return true;
  }

  /** The next input, or `done`. */
  async next(): Promise<IteratorResult<unknown>> {
    const step = this.waiting ?? this.iterator.next();
    this.waiting = undefined;
    const result = step instanceof Promise ? await step : step;
    if (result.done) this.ended = true;
    return result;
  }

  /**
   * Up to `size` inputs, and no more once those given as JSON text reach `maxText` characters. When the
   * source is async and slow, the chunk goes out with what has arrived rather than holding finished
   * work back until it fills. (An input given as an object is not measured: it is in the caller's
   * memory already, and measuring it would cost a walk of its own.)
   */
  async chunk(size: number, maxText: number): Promise<unknown[]> {
    const items: unknown[] = [];
    let text = 0;
    while (items.length < size && text < maxText && !this.ended) {
      const step = this.waiting ?? this.iterator.next();
      this.waiting = undefined;
      let result: IteratorResult<unknown>;
      if (!(step instanceof Promise)) {
        result = step;
      } else if (items.length === 0) {
        result = await step;
      } else {
        const raced = await Promise.race([step, nextTurn()]);
        if (raced === WAITING) {
          this.waiting = step;
          return items;
        }
        result = raced;
      }
      if (result.done) this.ended = true;
      else {
        items.push(result.value);
        if (typeof result.value === 'string') text += result.value.length;
      }
    }
    return items;
  }

  /** Lets the source go (an early `break` by the reader closes it, as `for await` would). */
  async close(): Promise<void> {
    if (!this.ended) await this.iterator.return?.();
  }
}

const WAITING = Symbol('waiting');

function nextTurn(): Promise<typeof WAITING> {
  return new Promise((resolve) => setImmediate(resolve, WAITING));
}

/** Runs inputs in this thread, `LOCAL_WINDOW` at a time, numbering them from `first`; stops after `limit`. */
async function* inThisThread(
  source: Source,
  recommend: (input: unknown) => Promise<Recommendation>,
  first: number,
  limit: number,
): AsyncGenerator<BatchResult> {
  const window: Promise<BatchResult>[] = [];
  for (let index = first; index < first + limit; index++) {
    const step = await source.next();
    if (step.done) break;
    const input = step.value;
    window.push(recommend(input).catch((error: unknown) => errorRecord(index, input, error)));
    if (window.length >= LOCAL_WINDOW) yield await (window.shift() as Promise<BatchResult>);
  }
  while (window.length > 0) yield await (window.shift() as Promise<BatchResult>);
}

/** How results leave the batch: as values, or as JSON texts. */
export interface Output<T> {
  readonly fromValue: (result: BatchResult) => T;
  readonly fromText: (text: string) => T;
  /** The fewest threads `workers: 'auto'` starts workers with. */
  readonly autoFrom: number;
}

// Reading a worker's result back into objects costs this thread about a third of what the worker spent
// making it, so on two cores workers gain nothing for values; JSON text passes through untouched.
export const AS_VALUES: Output<BatchResult> = {
  fromValue: (r) => r,
  fromText: (text) => JSON.parse(text) as BatchResult,
  autoFrom: 3,
};

export const AS_JSON: Output<string> = {
  fromValue: (r) => JSON.stringify(r),
  fromText: (text) => text,
  autoFrom: 2,
};

export function* unpack<T>(chunk: ChunkResults, output: Output<T>): Generator<T> {
  if ('texts' in chunk) for (const text of chunk.texts) yield output.fromText(text);
  else for (const result of chunk.results) yield output.fromValue(result);
}

/** Runs the rest of the source on a pool of workers, a bounded number of chunks in flight, in order. */
async function* onWorkers<T>(
  source: Source,
  pool: BatchPool,
  first: number,
  local: LocalRunner,
  call: BatchCall,
  output: Output<T>,
): AsyncGenerator<T> {
  const inFlight: Promise<ChunkResults>[] = [];
  let index = first;
  for (;;) {
    while (!source.ended && inFlight.length < pool.size * CHUNKS_PER_WORKER) {
      const items = await source.chunk(CHUNK_SIZE, CHUNK_TEXT);
      if (items.length === 0) break;
      inFlight.push(pool.run(items, index, local, call));
      index += items.length;
    }
    const head = inFlight.shift();
    if (!head) return;
    yield* unpack(await head, output);
  }
}

/** Where a batch runs: `size` threads, and the index of the first complaint that goes to them. */
export interface ThreadPlan {
  readonly size: number;
  /** `Infinity` when every complaint stays in this thread. */
  readonly first: number;
}

/**
 * The threads a batch uses, by its options (see `ManyOptions`) and what it outputs.
 * @throws RedressError `INVALID_OPTIONS` for a bad `concurrency`; an Error for `workers: true` when no
 *   worker can be started (running from source).
 */
export function threadPlan(
  options: ManyOptions,
  threads: BatchThreads | undefined,
  output: Output<unknown>,
): ThreadPlan {
  const size = threadsFor(options);
  const mode = options.workers ?? 'auto';
  // Without a recommender to start them for, or a built script to start, there are no workers.
  const canStart = threads?.canStart === true;
  if (mode === true && !canStart) {
    throw new Error('redress: worker threads need the built package (dist/worker.js); run `npm run build`');
  }
  const useWorkers = canStart && (mode === true || (mode === 'auto' && size >= output.autoFrom));
  const first = useWorkers && mode === 'auto' ? WORKER_THRESHOLD : useWorkers ? 0 : Number.POSITIVE_INFINITY;
  return { size, first };
}

/** Runs a chunk in this thread, as a worker would: each input's result or error record, in order. */
function localRunner(recommend: (input: unknown) => Promise<Recommendation>): LocalRunner {
  return async (items, start) => {
    const results: BatchResult[] = [];
    for (const [i, input] of items.entries()) {
      results.push(await recommend(input).catch((error: unknown) => errorRecord(start + i, input, error)));
    }
    return { results };
  };
}

/** Results made in this thread, as the batch's output wants them. */
async function* outputOf<T>(results: AsyncIterable<BatchResult>, output: Output<T>): AsyncGenerator<T> {
  for await (const result of results) yield output.fromValue(result);
}

async function* batch<T>(
  inputs: Iterable<unknown> | AsyncIterable<unknown>,
  recommend: (input: unknown) => Promise<Recommendation>,
  options: ManyOptions,
  threads: BatchThreads | undefined,
  call: BatchCall,
  output: Output<T>,
): AsyncGenerator<T> {
  const { size, first } = threadPlan(options, threads, output);
  const source = new Source(inputs);
  let pool: BatchPool | undefined;
  try {
    let count = 0;
    for await (const result of inThisThread(source, recommend, 0, first)) {
      count += 1;
      yield output.fromValue(result);
    }
    // Threads only if there is more to do.
    if (first === Number.POSITIVE_INFINITY || !(await source.hasMore())) return;
    pool = threads?.acquire(size, options.onWorkerLost);
    // No thread started after all (`acquire` may say so): the rest is recommended here, not dropped.
    if (!pool) yield* outputOf(inThisThread(source, recommend, count, Number.POSITIVE_INFINITY), output);
    else yield* onWorkers(source, pool, count, localRunner(recommend), call, output);
  } finally {
    pool?.leave();
    await source.close();
  }
}

/**
 * Recommends for a (possibly async, possibly endless) sequence of complaints and yields one result per
 * input, in input order: a recommendation, or an error record saying which input failed and why.
 * Nothing is dropped, a bad input never stops the batch, and only a bounded number of complaints is
 * in flight at any time, so a huge stream runs in constant memory. Large batches are spread over
 * the recommender's worker `threads` (see `ManyOptions`), with the batch's own options (`call`).
 */
export function recommendEach(
  inputs: Iterable<unknown> | AsyncIterable<unknown>,
  recommend: (input: unknown) => Promise<Recommendation>,
  options: ManyOptions = {},
  threads?: BatchThreads,
  call: BatchCall = {},
): AsyncGenerator<BatchResult> {
  return batch(inputs, recommend, options, threads, call, AS_VALUES);
}

/** `recommendEach`, with each result as its JSON text (what a JSON Lines writer needs, made in the worker). */
export function recommendEachAsJson(
  inputs: Iterable<unknown> | AsyncIterable<unknown>,
  recommend: (input: unknown) => Promise<Recommendation>,
  options: ManyOptions = {},
  threads?: BatchThreads,
  call: BatchCall = {},
): AsyncGenerator<string> {
  return batch(inputs, recommend, options, threads, call, AS_JSON);
}

/** True when a batch result is an error record rather than a recommendation. */
export function isRecommendationError(
  value: Recommendation | RecommendationError,
): value is RecommendationError {
  return 'error' in value && !('remedies' in value);
}
