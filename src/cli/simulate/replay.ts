import { errorRecord } from '../../batch/many';
import { CaseBook } from '../../cases/case-book';
import { caseKey, windowMs } from '../../cases/case-key';
import { linkOf, opened, record } from '../../cases/case-record';
import { openCaseLink } from '../../cases/open-case';
import { parseComplaint } from '../../complaint/parse';
import type { Complaint } from '../../complaint/schema';
import { asRedressError } from '../../errors';
import type { Limits } from '../../input/limits';
import { DEFAULT_CASE_WINDOW_DAYS } from '../../policy/schema';
import { createPipeline, type Judged, type Pipeline } from '../../recommend/pipeline';
import type { Decided } from '../../recommend/recommendation';
import { pipelineSetup, type RecommenderOptions } from '../../recommender/create-recommender';
import { timestampMs } from '../../time/timestamp';
import { errorLine, readLine } from '../batch';
import { isBlank, type RawLine } from '../line-reader';
import type { LineError } from '../line-record';

/** One input record of a replay: each rule set's decision (or why there is none), in rule-set order. */
export interface ReplayItem<Seen> {
  readonly line: number;
  /** Input bytes this record accounts for (with the blank lines before it), for progress. */
  readonly bytes: number;
  readonly results: readonly (Decided | LineError)[];
  /** What `inspect` returned for the record; undefined for a line that is not a valid complaint. */
  readonly seen: Seen | undefined;
}

/** A validated complaint and what linking needs of it, read once for every rule set. */
interface Read {
  readonly complaint: Complaint;
  readonly key: string;
  readonly at: number;
}

/**
 * One rule set of a replay: its pipeline, and the cases its linked batch has open. It decides what
 * `recommendMany` would recommend for each complaint in turn (the same remedies, costs, handling and
 * cases), without the words nobody in a replay reads: the rationale and the customer message.
 */
class ReplaySide {
  private readonly pipeline: Pipeline;
  private readonly book: CaseBook;
  private readonly windowDays: number;

  constructor(
    options: RecommenderOptions,
    private readonly link: boolean,
  ) {
    this.pipeline = createPipeline(pipelineSetup(options));
    this.windowDays = this.pipeline.options.ruleSet.policy.caseWindowDays ?? DEFAULT_CASE_WINDOW_DAYS;
    this.book = new CaseBook(windowMs(this.windowDays));
  }

  get limits(): Limits {
    return this.pipeline.options.limits;
  }

  /** What this side's scoring depends on: sides that share it judge a complaint once. */
  get judging(): string {
    return this.pipeline.judging;
  }

  /**
   * The decision for one complaint, in its turn: linked to its open case when there is one (as a
   * linked batch does). `judged[group]` holds what an earlier side with the same scoring made of the
   * complaint, if one did.
   */
  async decide(
    { complaint, key, at }: Read,
    judged: (Judged | undefined)[],
    group: number,
  ): Promise<Decided> {
    const call = this.pipeline.callFor(complaint);
    const open = this.link ? this.book.find(key, at) : undefined;
    const caseLink = !this.link ? undefined : open ? linkOf(open) : openCaseLink(complaint, this.windowDays);
    // Goodwill a case gave in other currencies is part of the money conversion: then it is judged anew.
    const shared = (caseLink?.goodwillGivenElsewhere?.length ?? 0) === 0;
    const judgement = (shared ? judged[group] : undefined) ?? this.pipeline.judge(complaint, call, caseLink);
    if (shared) judged[group] = judgement;
    const run = await this.pipeline.decideOnly(complaint, call, caseLink, judgement);
    if (open) record(open, run.recommendation);
    else if (this.link) this.book.open(key, opened(complaint, at, run, caseLink));
    return run.recommendation;
  }
}

/** How a replay runs. */
export interface ReplayOptions<Seen> {
  /** The rule sets (with their rates), in the order their results are wanted. */
  readonly sides: readonly RecommenderOptions[];
  readonly maxLineBytes: number;
  /** `false` (`--no-link`): complaints about one problem are not linked into cases. */
  readonly link: boolean;
  /** Looks at each valid complaint as it is read; what it returns comes back on its item as `seen`. */
  readonly inspect?: (complaint: Complaint, line: number) => Seen;
}

/**
 * Replays JSON Lines through several rule sets at once: each line is read, parsed, checked for
 * hostile content and validated once, then decided by every rule set; lines that fail do so for
 * every rule set alike, as `recommendLines` reports them (the same codes, messages and ids). Yields
 * one item per non-blank line, in input order, in memory that does not grow with the input (each rule
 * set keeps only its cases of the last window, as a linked batch does).
 */
export async function* replayLines<Seen = undefined>(
  lines: AsyncIterable<RawLine>,
  options: ReplayOptions<Seen>,
): AsyncGenerator<ReplayItem<Seen>> {
  const sides = options.sides.map((side) => new ReplaySide(side, options.link));
  const limits = (sides[0] as ReplaySide).limits;
  // Sides with the same scoring are one group: a complaint is judged once per group.
  const groups = sides.map((side) => sides.findIndex((other) => other.judging === side.judging));
  let carried = 0; // bytes of blank lines, counted with the next record
  let index = 0;
  for await (const raw of lines) {
    carried += raw.bytes;
    if ('text' in raw && isBlank(raw.text)) continue;
    const bytes = carried;
    carried = 0;
    const at = index++;
    if ('problem' in raw) {
      const failure = readLine(raw, options.maxLineBytes).failure as LineError;
      yield { line: raw.line, bytes, results: sides.map(() => failure), seen: undefined };
      continue;
    }
    const text = raw.text;
    const failed = (error: unknown) =>
      errorLine(raw.line, text, errorRecord(at, text, asRedressError(error)));
    let complaint: Read;
    try {
      const c = parseComplaint(text, { limits });
      complaint = { complaint: c, key: caseKey(c), at: timestampMs(c.receivedAt) };
    } catch (error) {
      // Text that is not JSON at all is reported as `recommendLines` reports it, before the library.
      const line = readLine(raw, options.maxLineBytes).failure ?? failed(error);
      yield { line: raw.line, bytes, results: sides.map(() => line), seen: undefined };
      continue;
    }
    const seen = options.inspect?.(complaint.complaint, raw.line);
    const results: (Decided | LineError)[] = [];
    const judged: (Judged | undefined)[] = [];
    for (const [i, side] of sides.entries()) {
      results.push(await side.decide(complaint, judged, groups[i] as number).catch(failed));
    }
    yield { line: raw.line, bytes, results, seen };
  }
}
