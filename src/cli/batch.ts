import {
  type IncidentOptions,
  isRecommendationError,
  lineTooLong,
  type Recommendation,
  type RecommendationError,
  type Recommender,
} from '../index';

type RecommendationResult = Recommendation | RecommendationError;

import { parseLine, stringField } from './line-json';
import { isBlank, type RawLine } from './line-reader';
import { fromRecommendationError, type LineError, type LineResult, lineError } from './line-record';
import { tee } from './tee';

/** How `recommendLines` runs. */
export interface BatchOptions<Seen = undefined> {
  /** Complaints in flight at once (passed to `recommendMany`); its default when absent. */
  readonly concurrency?: number;
  /**
   * Crisis mode (`recommendMany`'s `incidents`): every recommender reads the whole input before its
   * first result, so memory then grows with the input, unless it is `timeOrdered` or can be read
   * again (`readAgain`).
   */
  readonly incidents?: IncidentOptions;
  /** `false` (`--no-link`): complaints about one problem are not linked into cases (docs/cases.md). */
  readonly link?: boolean;
  /**
   * With `incidents`: the input is in time order, so crisis mode streams it (`recommendMany`'s
   * `timeOrdered`): memory holds about a window of complaints, not the input.
   */
  readonly timeOrdered?: boolean;
  /**
   * With `incidents`, for a file out of time order: a fresh read of the file's records
   * (`recordTexts`), so that crisis mode reads it in passes (`recommendMany`'s `readAgain`): memory then
   * holds about 30 bytes and the id of each complaint, not the complaints.
   */
  readonly readAgain?: () => AsyncIterable<unknown>;
  /**
   * Looks at each record's JSON value as it is read (not for lines that are not JSON); what it returns
   * comes back on the record's item as `seen`, so that a caller can keep a little of each complaint
   * without parsing the line again.
   */
  readonly inspect?: (value: unknown, line: number) => Seen;
  /** Records (non-blank lines) to skip at the start, already done by an earlier run (`--resume`). */
  readonly skip?: number;
  /**
   * Called with each skipped record in order (its line, and its text unless it is not UTF-8 or too
   * long), to check that the earlier run was over the same input.
   */
  readonly onSkipped?: (line: number, text: string | undefined) => void;
  /** Called when the input ends before `skip` records were seen. */
  readonly onShortInput?: (records: number) => void;
  /** Told why, when a worker thread stops under a recommender's batch (`recommendMany`'s `onWorkerLost`). */
  readonly onWorkerLost?: (why: string) => void;
}

/** One input record with the results of every recommender, in the order the recommenders were given. */
export interface BatchItem<Seen = undefined> {
  readonly line: number;
  /** Input bytes this record accounts for (with any blank or skipped lines before it), for progress. */
  readonly bytes: number;
  readonly results: readonly LineResult[];
  /** What `inspect` returned for the record; undefined for a line that is not JSON, or without `inspect`. */
  readonly seen: Seen | undefined;
}

interface Pending<Seen> {
  readonly line: number;
  readonly bytes: number;
  /** Set when the line never reached the recommender (not JSON, too long, not UTF-8). */
  readonly failure: LineError | undefined;
  /** The line's text while it is in flight, to name its complaint in an error record. */
  readonly text: string | undefined;
  /** Whether the recommenders were given something for this line, so that a result belongs to it. */
  readonly sent: boolean;
  readonly seen: Seen | undefined;
}

/**
 * Lines that are not JSON text are not sent to the recommenders; they wait in order among the lines in
 * flight. So that a long run of such lines cannot pile up while the recommenders wait for
 * input, past this many a placeholder is sent after all, which lets results, and so the waiting
 * failures, flow out.
 */
const MAX_WAITING_FAILURES = 4096;

/** A line as read: its JSON value, or why it never reaches the recommenders. */
export type Read = { readonly failure: LineError } | { readonly failure: undefined; readonly value: unknown };

export function readLine(raw: RawLine, maxLineBytes: number): Read {
  if ('problem' in raw) {
    if (raw.problem === 'invalid_utf8') {
      return { failure: lineError(raw.line, 'INVALID_JSON', 'the line is not valid UTF-8 text') };
    }
    const error = lineTooLong(raw.bytes, { limits: { maxLineBytes } });
    return {
      failure: lineError(
        raw.line,
        error?.code ?? 'LIMIT_EXCEEDED',
        `${error?.message ?? 'line too long'} (--max-line-bytes)`,
      ),
    };
  }
  // A quick syntax check, so that a malformed line costs a failed parse and not a trip through the
  // recommender.
  const parsed = parseLine(raw.text);
  return parsed.ok
    ? { failure: undefined, value: parsed.value }
    : { failure: lineError(raw.line, 'INVALID_JSON', `not valid JSON: ${parsed.message}`) };
}

/**
 * The text of each record of an input as `recommendLines` sends it to the recommenders, read afresh:
 * blank lines and lines that are not text (too long, not UTF-8) are left out. A line that is not JSON
 * is sent as it is: the recommender finds it no complaint, as it finds the same line in the results'
 * pass (where it stays the line's error record).
 */
export async function* recordTexts(lines: AsyncIterable<RawLine>): AsyncGenerator<string> {
  for await (const raw of lines) if ('text' in raw && !isBlank(raw.text)) yield raw.text;
}

/** The complaint id in a line's JSON text, when it has a readable one (for error records). */
function idInText(text: string | undefined): string | null {
  return stringField(text, 'id')?.slice(0, 128) ?? null;
}

/**
 * The lines between reading and results, in input order: each line sent to the recommenders waits for
 * its results; a line that never reached them (its failure) waits for its turn.
 */
class LineQueue<Seen> {
  readonly pending: Pending<Seen>[] = [];
  /** Failures in `pending` that were not sent. */
  private unsent = 0;

  constructor(
    private readonly recommenders: readonly Recommender[],
    private readonly maxLineBytes: number,
    private readonly options: BatchOptions<Seen>,
  ) {}

  /** What the recommenders are given: each record's text, or null for a failure sent as a placeholder. */
  async *inputs(lines: AsyncIterable<RawLine>): AsyncGenerator<unknown> {
    const toSkip = this.options.skip ?? 0;
    let records = 0;
    let carried = 0; // bytes of lines that are not records of their own
    for await (const raw of lines) {
      carried += raw.bytes;
      if ('text' in raw && isBlank(raw.text)) continue; // blank lines are not records
      records += 1;
      if (records <= toSkip) {
        this.options.onSkipped?.(raw.line, 'text' in raw ? raw.text : undefined);
        continue;
      }
      const bytes = carried;
      carried = 0;
      if (this.enqueue(raw, bytes)) yield ('text' in raw ? raw.text : undefined) ?? null;
    }
    if (records < toSkip) this.options.onShortInput?.(records);
  }

  /** Queues one record; true when it is to be sent to the recommenders. */
  private enqueue(raw: RawLine, bytes: number): boolean {
    // The recommenders get the line's JSON text as it is: the library parses it again, defensively
    // (size first, duplicate keys refused), which a parsed object could no longer show.
    const read = readLine(raw, this.maxLineBytes);
    const failure = read.failure;
    if (failure && this.unsent < MAX_WAITING_FAILURES) {
      this.pending.push({ line: raw.line, bytes, failure, text: undefined, sent: false, seen: undefined });
      this.unsent += 1;
      return false;
    }
    const text = 'text' in raw ? raw.text : undefined;
    const seen = read.failure === undefined ? this.options.inspect?.(read.value, raw.line) : undefined;
    this.pending.push({ line: raw.line, bytes, failure, text, sent: true, seen });
    return true;
  }

  /** The failures at the head of the queue: everything before them has been yielded. */
  *unsentFailures(): Generator<BatchItem<Seen>> {
    while (this.pending[0] !== undefined && !this.pending[0].sent) {
      const item = this.pending.shift() as Pending<Seen>;
      this.unsent -= 1;
      yield {
        line: item.line,
        bytes: item.bytes,
        results: this.recommenders.map(() => item.failure as LineError),
        seen: undefined,
      };
    }
  }
}

/** A recommender's error record for the line `line` with the JSON text `text`, as a record of the batch. */
export function errorLine(line: number, text: string | undefined, result: RecommendationError): LineError {
  const error = fromRecommendationError(line, result);
  // The library reads no id from text; recover it, unless the text's JSON itself is in doubt.
  const recover = error.complaintId === null && error.error.code !== 'INVALID_JSON';
  return recover ? { ...error, complaintId: idInText(text) } : error;
}

/** The result of one recommender for a sent line, as a record of the batch. */
function lineResult<Seen>(item: Pending<Seen>, result: RecommendationResult): LineResult {
  if (item.failure) return item.failure; // a placeholder was sent: its result is not wanted
  return isRecommendationError(result) ? errorLine(item.line, item.text, result) : result;
}

/**
 * Runs JSON Lines through one or more recommenders (the rule sets being compared) and yields, for every
 * non-blank input line, in input order, one result per recommender. A line that is not JSON, not UTF-8
 * or too long yields a line error for every recommender; nothing is dropped and nothing stops the run.
 * Recommenders are given each line's JSON text, which the library validates (size, duplicate keys,
 * syntax, schema).
 *
 * Memory is bounded: the recommenders pull input only as fast as results are taken, each through its
 * own `recommendMany` with bounded concurrency; the lines between them are held only until all have
 * taken them, and failed lines wait in order, at most `MAX_WAITING_FAILURES` of them. (In crisis mode,
 * `incidents`, an incident's policy may depend on the last line, so every line is held, unless the
 * input is `timeOrdered` (then about a window of lines) or can be read again (`readAgain`: then it is
 * read in passes).)
 */
export async function* recommendLines<Seen = undefined>(
  lines: AsyncIterable<RawLine>,
  recommenders: readonly Recommender[],
  maxLineBytes: number,
  options: BatchOptions<Seen> = {},
): AsyncGenerator<BatchItem<Seen>> {
  const queue = new LineQueue(recommenders, maxLineBytes, options);
  const branches = tee(queue.inputs(lines), recommenders.length);
  const streams = recommenders.map((r, i) =>
    r
      .recommendMany(branches[i] as AsyncIterable<unknown>, {
        ...(options.concurrency === undefined ? {} : { concurrency: options.concurrency }),
        ...(options.incidents === undefined ? {} : { incidents: options.incidents }),
        ...(options.timeOrdered ? { timeOrdered: true } : {}),
        ...(options.readAgain ? { readAgain: options.readAgain } : {}),
        ...(options.link === false ? { link: false } : {}),
        ...(options.onWorkerLost ? { onWorkerLost: options.onWorkerLost } : {}),
      })
      [Symbol.asyncIterator](),
  );
  for (;;) {
    yield* queue.unsentFailures();
    const next = await Promise.all(streams.map((s) => s.next()));
    if (next.every((n) => n.done)) {
      yield* queue.unsentFailures();
      if (queue.pending.length > 0) throw new Error('internal: inputs were sent that got no result');
      return;
    }
    yield* queue.unsentFailures();
    const item = queue.pending.shift();
    if (item === undefined || next.some((n) => n.done)) {
      throw new Error('internal: the recommenders returned a different number of results than inputs');
    }
    yield {
      line: item.line,
      bytes: item.bytes,
      seen: item.seen,
      results: next.map((n) => lineResult(item, n.value as RecommendationResult)),
    };
  }
}
