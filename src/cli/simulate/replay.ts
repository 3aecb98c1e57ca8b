import { availableParallelism } from 'node:os';
import { CHUNK_SIZE, CHUNK_TEXT, WORKER_THRESHOLD } from '../../batch/many';
import { CaseBook } from '../../cases/case-book';
import { windowMs } from '../../cases/case-key';
import { fromOpened, linkOf, opened, record } from '../../cases/case-record';
import { openCaseLink } from '../../cases/open-case';
import { Memo } from '../../i18n/memo';
import type { ColumnEntry } from '../../incidents/entry-columns';
import type { CaseNote } from '../../recommend/link';
import type { Judged } from '../../recommend/pipeline';
import type { RecommenderOptions } from '../../recommender/create-recommender';
import { thenOf } from '../../result';
import type { IncidentCollector } from '../incident-collector';
import type { RawLine } from '../line-reader';
import { isLineError, type LineError } from '../line-record';
import { type AheadAnswers, aheadRecords } from './ahead-wire';
import { caught, inOrder, setAt } from './in-order';
import { type Line, RecordSource } from './record-source';
import { type AheadRecord, type AheadSetup, ReplayAhead } from './replay-ahead';
import { type AheadPool, ReplayWorkers, replayWorkerScript } from './replay-pool';
import { failedLine, type Read, type ReplaySide, readRecord, sidesOf, type TextRecord } from './replay-side';
import { SAME_FOR_CUSTOMER, type Tallied, tallied } from './tallied';

/** One input record of a replay: each rule set's decision (or why there is none), in rule-set order. */
export interface ReplayItem {
  readonly line: number;
  /** Input bytes this record accounts for (with the blank lines before it), for progress. */
  readonly bytes: number;
  readonly results: readonly (Tallied | LineError)[];
  /** What incident detection read of the record; undefined for a line that is not a valid complaint. */
  readonly seen: ColumnEntry | undefined;
}

/** How a replay runs. */
export interface ReplayOptions {
  /** The rule sets (with their rates), in the order their results are wanted. */
  readonly sides: readonly Pick<RecommenderOptions, 'ruleSet' | 'exchangeRates'>[];
  readonly maxLineBytes: number;
  /** `false` (`--no-link`): complaints about one problem are not linked into cases. */
  readonly link: boolean;
  /** Incident detection, which reads each valid complaint as it is read (its entry comes back as `seen`). */
  readonly incidents?: IncidentCollector;
  /**
   * Worker threads deciding records ahead of their turn: `'auto'` (default) one fewer than the cores
   * (the calling thread decides chunks too), started once the input has shown itself large (past its
   * first 1,000 records) and only with two cores or more; a number: that many from the first record;
   * 0: none. Needs the built command: from source the replay runs in this thread.
   */
  readonly workers?: number | 'auto';
  /**
   * `true`: every decision's remedies are kept (outcome evidence reads the baseline's of every
   * complaint); else a pair of decisions made ahead the same for the customer keeps none (they are
   * marked `SAME_FOR_CUSTOMER`, see tallied.ts).
   */
  readonly keepAllRemedies?: boolean;
  /** The pool to send chunks to instead of worker threads (tests). */
  readonly pool?: (setup: AheadSetup) => AheadPool | undefined;
  /** Records per chunk (tests force small chunks). */
  readonly chunkSize?: number;
  /**
   * Told once for each worker thread that stops under the replay (a crash, a heap out of memory, or an
   * answer this thread could not read, after which it is stopped): its records are decided in this
   * thread instead, so the output is the same, only slower.
   */
  readonly onWorkerLost?: (why: string) => void;
}

/**
 * The replay in input order: each rule set's open cases (as a linked batch keeps them), and the
 * records decided in their turn, here, or settled from what a worker decided ahead of their turn.
 */
class Turns {
  private readonly sides: ReplaySide[];
  private readonly groups: number[];
  private readonly books: CaseBook[];
  /** Case owners met, one string each, for the cases that come from worker threads (a few: bounded). */
  private readonly owners = new Memo<string, string>();

  constructor(private readonly options: ReplayOptions) {
    ({ sides: this.sides, groups: this.groups } = sidesOf(options.sides));
    this.books = this.sides.map((side) => new CaseBook(windowMs(side.windowDays)));
  }

  /** A record that never reached the rule sets: its line error under every one. */
  failed(line: Line & { failure: LineError }): ReplayItem {
    return {
      line: line.line,
      bytes: line.bytes,
      results: this.sides.map(() => line.failure),
      seen: undefined,
    };
  }

  /**
   * One record decided in its turn, in this thread, with the cases as every earlier record left them:
   * at once with the compiled evaluator, else a promise.
   */
  inTurn(line: Line): ReplayItem | Promise<ReplayItem> {
    if (line.failure) return this.failed(line);
    const read = this.read(line);
    if (!('complaint' in read))
      return { line: line.line, bytes: line.bytes, results: this.sides.map(() => read), seen: undefined };
    const seen = this.options.incidents?.readValid(read.complaint, line.line, read.at);
    const judged: (Judged | undefined)[] = [];
    const results: (Tallied | LineError)[] = new Array(this.sides.length);
    const done = inOrder(this.sides.length, (i) =>
      setAt(results, i, this.decideInTurn(i, read, line, judged)),
    );
    const item = (): ReplayItem => ({ line: line.line, bytes: line.bytes, results, seen });
    return done instanceof Promise ? done.then(item) : item();
  }

  /**
   * One record decided ahead of its turn, read in its turn: under each rule set its decision is kept
   * unless an earlier record opened its case (then it is decided again, linked to that case), and the
   * case it opens is opened.
   */
  settle(line: TextRecord & { bytes: number }, ahead: AheadRecord): ReplayItem | Promise<ReplayItem> {
    if ('failed' in ahead)
      return {
        line: line.line,
        bytes: line.bytes,
        results: this.sides.map(() => ahead.failed),
        seen: undefined,
      };
    const results: (Tallied | LineError)[] = new Array(ahead.results.length);
    // Nearly every decision made ahead stands: those settle without a closure or a promise.
    let kept = 0;
    while (kept < results.length && this.keeps(kept, ahead.notes[kept])) {
      results[kept] = ahead.results[kept] as Tallied | LineError;
      kept++;
    }
    if (kept === results.length) return { line: line.line, bytes: line.bytes, results, seen: ahead.entry };
    return this.settleFrom(kept, line, ahead, results);
  }

  /**
   * The rest of `settle` from side `from`, whose decision made ahead does not stand (its case was
   * open): decided again here, linked, and the sides after it settled in turn.
   */
  private settleFrom(
    from: number,
    line: TextRecord & { bytes: number },
    ahead: Extract<AheadRecord, { readonly results: unknown }>,
    results: (Tallied | LineError)[],
  ): ReplayItem | Promise<ReplayItem> {
    let read: Read | undefined;
    const judged: (Judged | undefined)[] = [];
    const done = inOrder(results.length - from, (k) => {
      const i = from + k;
      if (k > 0 && this.keeps(i, ahead.notes[i])) results[i] = ahead.results[i] as Tallied | LineError;
      else {
        read ??= this.read(line) as Read; // valid: it was decided ahead
        return setAt(results, i, this.decideInTurn(i, read, line, judged));
      }
    });
    const item = (): ReplayItem | Promise<ReplayItem> => {
      const whole = (): ReplayItem => ({ line: line.line, bytes: line.bytes, results, seen: ahead.entry });
      // Decided again, one of a pair found the same ahead no longer is: the other's remedies are needed.
      const again = read ? this.remadeAhead(results, read, line) : undefined;
      return again instanceof Promise ? again.then(whole) : whole();
    };
    return done instanceof Promise ? done.then(item) : item();
  }

  /**
   * The decisions made ahead that kept no remedies (`SAME_FOR_CUSTOMER`, as the other rule set's) when
   * the other was decided again here, linked to a case: made again as they were ahead, as the first of
   * their case, so that the two can be compared. Rare (a complaint whose case an earlier one opened,
   * under one rule set and not the other), and the same decision: nothing here depends on the books.
   * A decision that fails here is the record's line error under that rule set, as in its turn: a
   * throw must not end the replay and lose the records after it.
   */
  private remadeAhead(results: (Tallied | LineError)[], read: Read, line: TextRecord): void | Promise<void> {
    const marked = results.flatMap((r, i) =>
      !isLineError(r) && r.remedies === SAME_FOR_CUSTOMER ? [i] : [],
    );
    if (marked.length === 0) return;
    const judged: (Judged | undefined)[] = [];
    return inOrder(marked.length, (m) => {
      const i = marked[m] as number;
      const side = this.sides[i] as ReplaySide;
      const remade = () => {
        const caseLink = this.options.link ? openCaseLink(read.complaint, side.windowDays) : undefined;
        return thenOf(side.decide(read, judged, this.groups[i] as number, caseLink), (run) =>
          tallied(run.recommendation),
        );
      };
      return setAt(
        results,
        i,
        caught(remade, (error) => failedLine(line, error)),
      );
    });
  }

  /**
   * Whether a decision made ahead stands: its case was not open after all. Opens the case it opens.
   * The book copies a case's key and id into its own bytes; the owner it keeps as a string, one per
   * owner met (a note from a worker thread brings a copy of its own each time).
   */
  private keeps(i: number, note: CaseNote | undefined): boolean {
    if (!note) return true; // not linked (`--no-link`)
    const book = this.books[i] as CaseBook;
    if (book.find(note.key, note.at)) return false;
    if (note.opens) {
      const owner = this.owners.get(note.opens.owner, (named) => named);
      book.open(note.key, fromOpened(note.opens, owner));
    }
    return true;
  }

  private read(line: TextRecord): Read | LineError {
    const side = this.sides[0] as ReplaySide;
    return readRecord(line, side.limits, this.options.maxLineBytes);
  }

  /** The decision of side `i` in the complaint's turn: linked to its open case when there is one. */
  private decideInTurn(
    i: number,
    read: Read,
    line: TextRecord,
    judged: (Judged | undefined)[],
  ): Tallied | LineError | Promise<Tallied | LineError> {
    const side = this.sides[i] as ReplaySide;
    const book = this.books[i] as CaseBook;
    const link = this.options.link;
    const { complaint, key, at } = read;
    const decide = () => {
      const open = link ? book.find(key, at) : undefined;
      const caseLink = !link ? undefined : open ? linkOf(open) : openCaseLink(complaint, side.windowDays);
      return thenOf(side.decide(read, judged, this.groups[i] as number, caseLink), (run) => {
        if (open) record(open, run.recommendation);
        else if (link) book.open(key, opened(complaint, at, run, caseLink));
        return tallied(run.recommendation);
      });
    };
    return caught(decide, (error) => failedLine(line, error));
  }
}

/** The worker threads a replay asks for, and from which record on. */
function plan(options: ReplayOptions): { size: number; from: number } {
  const workers = options.workers ?? 'auto';
  if (workers !== 'auto') return { size: workers, from: 0 };
  // The calling thread decides chunks too (replay-pool.ts): one worker fewer than the cores.
  const cores = availableParallelism();
  return cores < 2 ? { size: 0, from: 0 } : { size: cores - 1, from: WORKER_THRESHOLD };
}

function startPool(options: ReplayOptions, size: number): AheadPool | undefined {
  if (size === 0) return undefined;
  const setup: AheadSetup = {
    sides: options.sides.map(({ ruleSet, exchangeRates }) => ({
      ruleSet,
      ...(exchangeRates ? { exchangeRates } : {}),
    })),
    maxLineBytes: options.maxLineBytes,
    link: options.link,
    groupBy: options.incidents?.groupBy,
    ...(options.keepAllRemedies ? { keepAllRemedies: true } : {}),
  };
  if (options.pool) return options.pool(setup);
  const script = replayWorkerScript();
  // A custom grouping is a function, which cannot cross to a thread; the CLI's never is.
  if (!script || (options.incidents && setup.groupBy === undefined)) return undefined;
  return new ReplayWorkers(script, setup, size, () => new ReplayAhead(setup), options.onWorkerLost);
}

/**
 * A chunk of records decided ahead of its turn, on a worker or here: the records in order, the answers
 * for those with text, and whether those answers are in yet.
 */
interface Chunk {
  readonly lines: readonly Line[];
  readonly answers: Promise<AheadAnswers>;
  ready: boolean;
}

/** How a chunk's records with text are decided ahead: sent to a worker, or decided here. */
type Decide = (records: readonly TextRecord[]) => Promise<AheadAnswers>;

/** Up to `size` records (fewer once their text reaches `CHUNK_TEXT` characters), decided by `decide`. */
async function nextChunk(source: RecordSource, decide: Decide, size: number): Promise<Chunk | undefined> {
  const lines: Line[] = [];
  const texts: TextRecord[] = [];
  let chars = 0;
  while (lines.length < size && chars < CHUNK_TEXT) {
    const line = source.take() ?? (await source.next());
    if (line === undefined) break;
    lines.push(line);
    if (line.failure) continue;
    texts.push(line);
    chars += line.text.length;
  }
  if (lines.length === 0) return undefined;
  const chunk: Chunk = {
    lines,
    answers: texts.length === 0 ? Promise.resolve([]) : decide(texts),
    ready: false,
  };
  const answered = () => {
    chunk.ready = true;
  };
  // A rejection reaches the replay where it awaits the answers; this only marks them in.
  void chunk.answers.then(answered, answered);
  return chunk;
}

/**
 * Chunks decided ahead and not yet settled, at most: the calling thread decides chunks itself only
 * while the oldest is not answered, so the window stays near the workers' queues plus the chunk or two
 * it decides meanwhile; this bounds it (and the memory the decisions held here take) all the same.
 */
const WINDOW_PER_WORKER = 8;

/** One turn of the event loop: the workers' answers that came in meanwhile are taken. */
const turnOfLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * The rest of the replay on the pool, settled in input order. Each worker is kept a few chunks ahead;
 * while the oldest chunk in flight is not answered yet, the calling thread decides the next chunk
 * itself rather than wait for it, so neither thread waits on the other while there is input left.
 */
async function* onPool(
  turns: Turns,
  source: RecordSource,
  pool: AheadPool,
  size: number,
): AsyncGenerator<ReplayItem[]> {
  const inFlight: Chunk[] = [];
  const window = pool.size * WINDOW_PER_WORKER;
  const send: Decide = (records) => pool.run(records);
  const here: Decide = (records) => pool.here(records);
  let ended = false;
  const more = async (decide: Decide): Promise<void> => {
    const chunk = await nextChunk(source, decide, size);
    if (!chunk) ended = true;
    else inFlight.push(chunk);
  };
  for (;;) {
    while (!ended && !pool.busy && inFlight.length < window) await more(send);
    const head = inFlight[0];
    if (!head) return;
    if (!head.ready && !ended && inFlight.length < window) {
      await turnOfLoop();
      if (!head.ready && pool.busy) await more(here);
      continue;
    }
    inFlight.shift();
    yield await settled(turns, head);
  }
}

/** A chunk's items in input order, from its answers. */
async function settled(turns: Turns, chunk: Chunk): Promise<ReplayItem[]> {
  const answers = aheadRecords(await chunk.answers);
  const items: ReplayItem[] = [];
  for (const line of chunk.lines) {
    const item = line.failure ? turns.failed(line) : turns.settle(line, answers.next().value as AheadRecord);
    items.push(item instanceof Promise ? await item : item);
  }
  return items;
}

/** Records decided in their turn, in this thread, yielded a few at a time. */
async function* inTurns(
  turns: Turns,
  source: RecordSource,
  size: number,
  until = Number.POSITIVE_INFINITY,
): AsyncGenerator<ReplayItem[]> {
  let items: ReplayItem[] = [];
  for (let n = 0; n < until; n++) {
    const line = source.take() ?? (await source.next());
    if (line === undefined) break;
    const item = turns.inTurn(line);
    items.push(item instanceof Promise ? await item : item);
    if (items.length === size) {
      yield items;
      items = [];
    }
  }
  if (items.length > 0) yield items;
}

/**
 * Replays JSON Lines (read a batch at a time, `readLineBatches`) through several rule sets at once:
 * each line is read, parsed, checked for
 * hostile content and validated once, then decided by every rule set; lines that fail do so for
 * every rule set alike, as `recommendLines` reports them (the same codes, messages and ids). Yields
 * one item per non-blank line, in input order, in memory that does not grow with the input (each rule
 * set keeps only its cases of the last window, as a linked batch does).
 *
 * With worker threads (`workers`), chunks of lines are decided on them ahead of their turn, each
 * complaint as the first of its case, and read here in input order: a decision stands unless an
 * earlier complaint opened its case, and then that complaint is decided again here, linked. The items
 * are the same either way.
 */
export async function* replayLines(
  batches: AsyncIterable<readonly RawLine[]>,
  options: ReplayOptions,
): AsyncGenerator<ReplayItem> {
  for await (const items of replayChunks(batches, options)) yield* items;
}

/**
 * `replayLines`, a chunk of items at a time (at most the chunk size, in input order): a replay's
 * caller waits once a chunk rather than once a record (an async generator's step is a few microtasks).
 */
export async function* replayChunks(
  batches: AsyncIterable<readonly RawLine[]>,
  options: ReplayOptions,
): AsyncGenerator<ReplayItem[]> {
  const turns = new Turns(options);
  const source = new RecordSource(batches[Symbol.asyncIterator](), options.maxLineBytes);
  const { size, from } = plan(options);
  const chunkSize = options.chunkSize ?? CHUNK_SIZE;
  if (size === 0) {
    yield* inTurns(turns, source, chunkSize);
    return;
  }
  yield* inTurns(turns, source, chunkSize, from);
  // Workers only for an input that goes on past the first records.
  const next = await source.next();
  if (next === undefined) return;
  source.giveBack(next);
  const pool = startPool(options, size);
  try {
    yield* pool ? onPool(turns, source, pool, chunkSize) : inTurns(turns, source, chunkSize);
  } finally {
    await pool?.close();
  }
}
