import { isRecommendationError, type Recommender } from '../index';
import type { RawLine } from './line-reader';
import { fromRecommendationError, type LineError, type LineResult, lineError } from './line-record';
import { tee } from './tee';

/** How `recommendLines` runs. */
export interface BatchOptions {
  /** Complaints in flight at once (passed to `recommendMany`); its default when absent. */
  readonly concurrency?: number;
  /** Records (non-blank lines) to skip at the start, already done by an earlier run (`--resume`). */
  readonly skip?: number;
  /** Called with the last skipped record, to check that the earlier run was over the same input. */
  readonly checkSkipped?: (line: number, text: string | undefined) => void;
  /** Called when the input ends before `skip` records were seen. */
  readonly onShortInput?: (records: number) => void;
}

/** One input record with the results of every recommender, in the order the recommenders were given. */
export interface BatchItem {
  readonly line: number;
  /** Input bytes this record accounts for (with any blank or skipped lines before it), for progress. */
  readonly bytes: number;
  readonly results: readonly LineResult[];
}

interface Pending {
  readonly line: number;
  readonly bytes: number;
  /** Set when the line never reached the recommender (not JSON, too long, not UTF-8). */
  readonly failure: LineError | undefined;
  /** Whether the recommenders were given something for this line, so that a result belongs to it. */
  readonly sent: boolean;
}

/**
 * Lines that fail before reaching the recommenders are not sent to them (validating a placeholder costs
 * far more than the failure itself); they wait in order among the lines in flight. So that a long run
 * of such lines cannot pile up while the recommenders wait for input, past this many a placeholder is
 * sent after all, which lets results, and so the waiting failures, flow out.
 */
const MAX_WAITING_FAILURES = 4096;

function parseLine(raw: RawLine, maxLineBytes: number): { value: unknown; failure: LineError | undefined } {
  if ('problem' in raw) {
    const failure =
      raw.problem === 'too_long'
        ? lineError(
            raw.line,
            'LIMIT_EXCEEDED',
            `the line is longer than ${maxLineBytes} bytes (--max-line-bytes)`,
          )
        : lineError(raw.line, 'INVALID_JSON', 'the line is not valid UTF-8 text');
    return { value: null, failure };
  }
  // A malformed line is an expected input, not a bug: skip capturing a stack trace for its error,
  // which would cost more than the parse (a file can have millions of such lines).
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return { value: JSON.parse(raw.text), failure: undefined };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { value: null, failure: lineError(raw.line, 'INVALID_JSON', `not valid JSON: ${message}`) };
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
}

/**
 * Runs JSON Lines through one or more recommenders (the rule sets being compared) and yields, for every
 * non-blank input line, in input order, one result per recommender. A line that is not JSON, not UTF-8
 * or too long yields a line error for every recommender; nothing is dropped and nothing stops the run.
 *
 * Memory is bounded: the recommenders pull input only as fast as results are taken, each through its
 * own `recommendMany` with bounded concurrency; the lines between them are held only until all have
 * taken them, and failed lines wait in order, at most `MAX_WAITING_FAILURES` of them.
 */
export async function* recommendLines(
  lines: AsyncIterable<RawLine>,
  recommenders: readonly Recommender[],
  maxLineBytes: number,
  options: BatchOptions = {},
): AsyncGenerator<BatchItem> {
  const pending: Pending[] = [];
  let unsent = 0; // failures in `pending` that were not sent
  const toSkip = options.skip ?? 0;

  async function* inputs(): AsyncGenerator<unknown> {
    let records = 0;
    let carried = 0; // bytes of lines that are not records of their own
    for await (const raw of lines) {
      carried += raw.bytes;
      if ('text' in raw && raw.text.trim() === '') continue; // blank lines are not records
      records += 1;
      if (records <= toSkip) {
        if (records === toSkip) options.checkSkipped?.(raw.line, 'text' in raw ? raw.text : undefined);
        continue;
      }
      const { value, failure } = parseLine(raw, maxLineBytes);
      const bytes = carried;
      carried = 0;
      if (failure && unsent < MAX_WAITING_FAILURES) {
        pending.push({ line: raw.line, bytes, failure, sent: false });
        unsent += 1;
        continue;
      }
      pending.push({ line: raw.line, bytes, failure, sent: true });
      yield value;
    }
    if (records < toSkip) options.onShortInput?.(records);
  }

  /** The failures at the head of the queue: everything before them has been yielded. */
  function* unsentFailures(): Generator<BatchItem> {
    while (pending[0] !== undefined && !pending[0].sent) {
      const item = pending.shift() as Pending;
      unsent -= 1;
      yield {
        line: item.line,
        bytes: item.bytes,
        results: recommenders.map(() => item.failure as LineError),
      };
    }
  }

  const branches = tee(inputs(), recommenders.length);
  const streams = recommenders.map((r, i) =>
    r
      .recommendMany(
        branches[i] as AsyncIterable<unknown>,
        options.concurrency === undefined ? {} : { concurrency: options.concurrency },
      )
      [Symbol.asyncIterator](),
  );
  for (;;) {
    yield* unsentFailures();
    const next = await Promise.all(streams.map((s) => s.next()));
    if (next.every((n) => n.done)) {
      yield* unsentFailures();
      if (pending.length > 0) throw new Error('internal: inputs were sent that got no result');
      return;
    }
    yield* unsentFailures();
    const item = pending.shift();
    if (item === undefined || next.some((n) => n.done)) {
      throw new Error('internal: the recommenders returned a different number of results than inputs');
    }
    yield {
      line: item.line,
      bytes: item.bytes,
      results: next.map((n) => {
        if (item.failure) return item.failure; // a placeholder was sent: its result is not wanted
        const result = n.value as Exclude<typeof n.value, undefined>;
        return isRecommendationError(result) ? fromRecommendationError(item.line, result) : result;
      }),
    };
  }
}
