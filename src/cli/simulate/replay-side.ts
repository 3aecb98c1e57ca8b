import { errorRecord } from '../../batch/many';
import { caseKey } from '../../cases/case-key';
import { parseComplaint } from '../../complaint/parse';
import type { Complaint } from '../../complaint/schema';
import { asRedressError } from '../../errors';
import type { Limits } from '../../input/limits';
import { DEFAULT_CASE_WINDOW_DAYS } from '../../policy/schema';
import type { CaseLink } from '../../recommend/link';
import { createPipeline, type DecidedRun, type Judged, type Pipeline } from '../../recommend/pipeline';
import { pipelineSetup, type RecommenderOptions } from '../../recommender/create-recommender';
import { timestampMs } from '../../time/timestamp';
import { errorLine, readLine } from '../batch';
import type { LineError } from '../line-record';

/** A validated complaint and what linking needs of it, read once for every rule set. */
export interface Read {
  readonly complaint: Complaint;
  readonly key: string;
  readonly at: number;
}

/** A non-blank line of JSON text, with its line number and its position among the records. */
export interface TextRecord {
  readonly line: number;
  /** 0-based position among the non-blank lines (an error record's `index`). */
  readonly index: number;
  readonly text: string;
}

/**
 * Reads, parses, checks for hostile content and validates one line, once for every rule set; or the
 * line error every rule set reports for it, as `recommendLines` reports it (text that is not JSON at
 * all is refused before the library, with the same message).
 */
export function readRecord(record: TextRecord, limits: Limits, maxLineBytes: number): Read | LineError {
  try {
    const complaint = parseComplaint(record.text, { limits });
    return { complaint, key: caseKey(complaint), at: timestampMs(complaint.receivedAt) };
  } catch (error) {
    const raw = { line: record.line, text: record.text, bytes: 0 };
    return readLine(raw, maxLineBytes).failure ?? failedLine(record, error);
  }
}

/** The line error of a record whose complaint got no recommendation under a rule set. */
export function failedLine(record: TextRecord, error: unknown): LineError {
  return errorLine(record.line, record.text, errorRecord(record.index, record.text, asRedressError(error)));
}

/**
 * One rule set of a replay: its pipeline, deciding what `recommendMany` would recommend for a
 * complaint (the same remedies, costs, handling and case) without the words nobody in a replay reads:
 * the rationale and the customer message.
 */
export class ReplaySide {
  private readonly pipeline: Pipeline;
  /** `policy.caseWindowDays`. */
  readonly windowDays: number;

  constructor(options: RecommenderOptions) {
    this.pipeline = createPipeline(pipelineSetup(options));
    this.windowDays = this.pipeline.options.ruleSet.policy.caseWindowDays ?? DEFAULT_CASE_WINDOW_DAYS;
  }

  get limits(): Limits {
    return this.pipeline.options.limits;
  }

  /** What this side's scoring depends on: sides that share it judge a complaint once. */
  get judging(): string {
    return this.pipeline.judging;
  }

  /**
   * The decision for one complaint, linked to `caseLink` when given. `judged[group]` holds what an
   * earlier side with the same scoring made of the complaint, if one did; this side's judgement is
   * left there for the sides after it. Answered at once with the compiled evaluator, else a promise.
   */
  decide(
    { complaint }: Read,
    judged: (Judged | undefined)[],
    group: number,
    caseLink: CaseLink | undefined,
  ): DecidedRun | Promise<DecidedRun> {
    const call = this.pipeline.callFor(complaint);
    // Goodwill a case gave in other currencies is part of the money conversion: then it is judged anew.
    const shared = (caseLink?.goodwillGivenElsewhere?.length ?? 0) === 0;
    // Judged without the factors' reasons, which no replay reads.
    const judgement =
      (shared ? judged[group] : undefined) ?? this.pipeline.judge(complaint, call, caseLink, false);
    if (shared) judged[group] = judgement;
    return this.pipeline.decideOnly(complaint, call, caseLink, judgement);
  }
}

/** The sides of a replay, and which of them judge a complaint alike (sides of one group share it). */
export function sidesOf(options: readonly RecommenderOptions[]): {
  sides: ReplaySide[];
  groups: number[];
} {
  const sides = options.map((side) => new ReplaySide(side));
  const groups = sides.map((side) => sides.findIndex((other) => other.judging === side.judging));
  return { sides, groups };
}
