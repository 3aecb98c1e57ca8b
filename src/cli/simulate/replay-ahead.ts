import { opened, toOpened } from '../../cases/case-record';
import { openCaseLink } from '../../cases/open-case';
import { EntryReader } from '../../incidents/reader';
import type { IncidentCause } from '../../policy/incident-mark';
import type { CaseNote } from '../../recommend/link';
import type { Judged } from '../../recommend/pipeline';
import type { Decided } from '../../recommend/recommendation';
import type { RecommenderOptions } from '../../recommender/create-recommender';
import { thenOf } from '../../result';
import { isLineError, type LineError } from '../line-record';
import { caught, inOrder, pushOnto } from './in-order';
import { failedLine, type Read, readRecord, sidesOf, type TextRecord } from './replay-side';
import { SAME_FOR_CUSTOMER, sameDecisions, type Tallied, tallied } from './tallied';

/** One rule set's decision of a record ahead of its turn, and the case it would open. */
interface Decision {
  readonly result: Decided | LineError;
  readonly note: CaseNote | undefined;
}

/** What a replay's worker thread is built from (plain data, cloned into it). */
export interface AheadSetup {
  /** The rule sets, with their rates, in the order their results are wanted. */
  readonly sides: readonly Pick<RecommenderOptions, 'ruleSet' | 'exchangeRates'>[];
  readonly maxLineBytes: number;
  /** `false` (`--no-link`): no case notes are made. */
  readonly link: boolean;
  /** How incident detection groups complaints, when it runs: each record's entry is read where it is parsed. */
  readonly groupBy: 'cause' | 'category' | undefined;
  /**
   * `true`: every decision's remedies are kept (outcome evidence reads the baseline's of every
   * complaint); else two decisions the same for the customer keep none (`SAME_FOR_CUSTOMER`).
   */
  readonly keepAllRemedies?: boolean;
}

/** What incident detection keeps of a complaint, as it crosses from a worker thread. */
export interface WireEntry {
  readonly index: number;
  readonly id: string;
  readonly time: number;
  readonly cause: IncidentCause;
  readonly isPublic: boolean;
}

/**
 * One record decided ahead of its turn: for a line that is not a valid complaint, the line error every
 * rule set reports; else, per rule set, its decision as the first complaint of its case (or its line
 * error) and its case note (undefined with `--no-link`), and what detection reads of it.
 */
export type AheadRecord =
  | { readonly failed: LineError }
  | {
      readonly results: readonly (Tallied | LineError)[];
      readonly notes: readonly (CaseNote | undefined)[];
      readonly entry: WireEntry | undefined;
    };

/**
 * Decides records of a replay ahead of their turn, on a worker thread (or in the calling thread when a
 * chunk cannot go to one): each complaint as the first of its case under each rule set, linked only to
 * a matching `customer.openCases`, as `cases/ahead.ts` does for a linked batch. The calling thread
 * reads the records in input order and keeps each decision unless an earlier complaint opened its
 * case (replay.ts); then it decides that one again, linked.
 */
export class ReplayAhead {
  private readonly sides;
  private readonly groups;
  private readonly reader: EntryReader | undefined;

  constructor(private readonly setup: AheadSetup) {
    ({ sides: this.sides, groups: this.groups } = sidesOf(setup.sides));
    this.reader = setup.groupBy ? new EntryReader(setup.groupBy) : undefined;
  }

  /**
   * The records of a chunk, decided one after the other: at once with the compiled evaluator (no
   * promise per record and rule set), else a promise.
   */
  chunk(records: readonly TextRecord[]): AheadRecord[] | Promise<AheadRecord[]> {
    const out: AheadRecord[] = [];
    const done = inOrder(records.length, (r) => pushOnto(out, this.record(records[r] as TextRecord)));
    return done instanceof Promise ? done.then(() => out) : out;
  }

  private record(record: TextRecord): AheadRecord | Promise<AheadRecord> {
    const limits = (this.sides[0] as (typeof this.sides)[number]).limits;
    const read = readRecord(record, limits, this.setup.maxLineBytes);
    if (!('complaint' in read)) return { failed: read };
    const decisions: (Decided | LineError)[] = [];
    const notes: (CaseNote | undefined)[] = [];
    const judged: (Judged | undefined)[] = [];
    const failed = (error: unknown): Decision => ({
      result: failedLine(record, error),
      note: this.setup.link ? { key: read.key, at: read.at } : undefined,
    });
    const keep = ({ result, note }: Decision) => {
      decisions.push(result);
      notes.push(note);
    };
    const done = inOrder(this.sides.length, (i) => {
      const decision = caught(() => this.decide(read, i, judged), failed);
      if (!(decision instanceof Promise)) keep(decision);
      else return decision.then(keep);
    });
    const answer = (): AheadRecord => ({
      results: this.summaries(decisions),
      notes,
      entry: this.entryOf(read, record.line),
    });
    return done instanceof Promise ? done.then(answer) : answer();
  }

  /**
   * What the replay reads of each decision. Two decisions the same for the customer keep no remedies:
   * nothing reads them, and writing them as text to cross from a worker thread cost more than deciding
   * here that they are the same (replay.ts makes them again in the rare case it must).
   */
  private summaries(decisions: readonly (Decided | LineError)[]): (Tallied | LineError)[] {
    const [a, b] = decisions;
    const pair = decisions.length === 2 && !this.setup.keepAllRemedies;
    if (pair && a && b && !isLineError(a) && !isLineError(b) && sameDecisions(a, b))
      return [tallied(a, SAME_FOR_CUSTOMER), tallied(b, SAME_FOR_CUSTOMER)];
    return decisions.map((d) => (isLineError(d) ? d : tallied(d)));
  }

  private decide(read: Read, i: number, judged: (Judged | undefined)[]): Decision | Promise<Decision> {
    const side = this.sides[i] as (typeof this.sides)[number];
    const { complaint, key, at } = read;
    const caseLink = this.setup.link ? openCaseLink(complaint, side.windowDays) : undefined;
    return thenOf(side.decide(read, judged, this.groups[i] as number, caseLink), (run) => {
      const note = this.setup.link
        ? { key, at, opens: toOpened(opened(complaint, at, run, caseLink)) }
        : undefined;
      return { result: run.recommendation, note };
    });
  }

  private entryOf(read: Read, line: number): WireEntry | undefined {
    const entry = this.reader?.readValid(read.complaint, line, read.at);
    if (!entry || Array.isArray(entry)) return undefined;
    return {
      index: entry.index,
      id: entry.id,
      time: entry.time,
      cause: entry.cause,
      isPublic: entry.isPublic,
    };
  }
}
