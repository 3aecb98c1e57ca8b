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
  readonly results: readonly LineResult[];
}

interface Pending {
  readonly line: number;
  /** Set when the line never reached the recommender (not JSON, too long, not UTF-8). */
  readonly failure: LineError | undefined;
}

function parseLine(raw: RawLine, maxLineBytes: number): { value: unknown; failure: LineError | undefined } {
  if ('problem' in raw) {
    const failure =
      raw.problem === 'too_long'
        ? lineError(
            raw.line,
            'LIMIT_EXCEEDED',
            `the line is ${raw.bytes} bytes long; at most ${maxLineBytes} are read (--max-line-bytes)`,
          )
        : lineError(raw.line, 'INVALID_JSON', 'the line is not valid UTF-8 text');
    return { value: null, failure };
  }
  try {
    return { value: JSON.parse(raw.text), failure: undefined };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { value: null, failure: lineError(raw.line, 'INVALID_JSON', `not valid JSON: ${message}`) };
  }
}

/**
 * Runs JSON Lines through one or more recommenders (the rule sets being compared) and yields, for every
 * non-blank input line, in input order, one result per recommender. A line that is not JSON, not UTF-8
 * or too long yields a line error for every recommender; nothing is dropped and nothing stops the run.
 *
 * Memory is bounded: the recommenders pull input only as fast as results are taken, each through its
 * own `recommendMany` with bounded concurrency, and the lines between them are held only until all
 * have taken them.
 */
export async function* recommendLines(
  lines: AsyncIterable<RawLine>,
  recommenders: readonly Recommender[],
  maxLineBytes: number,
  options: BatchOptions = {},
): AsyncGenerator<BatchItem> {
  const pending: Pending[] = [];
  const toSkip = options.skip ?? 0;

  async function* inputs(): AsyncGenerator<unknown> {
    let records = 0;
    for await (const raw of lines) {
      if ('text' in raw && raw.text.trim() === '') continue; // blank lines are not records
      records += 1;
      if (records <= toSkip) {
        if (records === toSkip) options.checkSkipped?.(raw.line, 'text' in raw ? raw.text : undefined);
        continue;
      }
      const { value, failure } = parseLine(raw, maxLineBytes);
      pending.push({ line: raw.line, failure });
      yield value;
    }
    if (records < toSkip) options.onShortInput?.(records);
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
    const next = await Promise.all(streams.map((s) => s.next()));
    if (next.every((n) => n.done)) return;
    const item = pending.shift();
    if (item === undefined || next.some((n) => n.done)) {
      throw new Error('internal: the recommenders returned a different number of results than inputs');
    }
    yield {
      line: item.line,
      results: next.map((n) => {
        if (item.failure) return item.failure;
        const result = n.value as Exclude<typeof n.value, undefined>;
        return isRecommendationError(result) ? fromRecommendationError(item.line, result) : result;
      }),
    };
  }
}
