import type { RedressError } from '../errors';
import { limits } from '../input/limits';
import { duplicateIdError, ErrorTally, lineError } from './error-tally';
import { GroupTallies } from './groups';
import { type OutcomeSettings, type OutcomeSummaryOptions, outcomeSettings } from './options';
import { OutcomeIndex } from './outcome-index';
import { safeParseOutcome } from './parse';
import { readRecommendation } from './stored-recommendation';
import type { OutcomeLineError, OutcomeSummary } from './summary';
import { SATISFIED_FROM } from './tally';
import { ruleVerdicts } from './verdicts';

/** The complaint id of a record that failed validation, if one can be read, for its error line. */
function readableId(input: unknown, maxBytes: number): string | null {
  let value = input;
  if (typeof input === 'string') {
    if (input.length > maxBytes) return null;
    try {
      value = JSON.parse(input);
    } catch {
      return null;
    }
  }
  const id = (value as { complaintId?: unknown } | null)?.complaintId;
  return typeof id === 'string' ? id.trim().slice(0, limits.maxIdLength) : null;
}

/**
 * Joins outcomes to recommendations by complaint id and adds up what the summary reports: every
 * outcome first (kept compactly, see `OutcomeIndex`), then the recommendations streamed past them.
 * Every line ends up counted: joined, unmatched, or an error line. @internal
 */
export class OutcomeJoin {
  private readonly settings: OutcomeSettings;
  private readonly index = new OutcomeIndex();
  private readonly groups: GroupTallies;
  private readonly errors: ErrorTally;
  private outcomes = 0;
  private recommendations = 0;
  private matched = 0;
  private notRecommended = 0;
  private readingRecommendations = false;

  /** @throws RedressError `INVALID_OPTIONS` for bad options. */
  constructor(options?: OutcomeSummaryOptions) {
    this.settings = outcomeSettings(options);
    this.groups = new GroupTallies(this.settings.repeatWithinDays);
    this.errors = new ErrorTally(this.settings.listed, this.settings.onError);
  }

  /** Reads the outcome record on `line`. Every outcome comes before the first recommendation. */
  addOutcome(input: unknown, line: number): void {
    if (this.readingRecommendations) throw new Error('add every outcome before the first recommendation');
    const parsed = safeParseOutcome(input, { limits: this.settings.limits });
    if (!parsed.ok) {
      const id = readableId(input, this.settings.limits.maxLineBytes);
      this.errors.add(lineError('outcomes', line, id, parsed.error));
    } else if (!this.index.add(parsed.value)) {
      const id = parsed.value.complaintId;
      this.errors.add(lineError('outcomes', line, id, duplicateIdError('INVALID_OUTCOME', id)));
    } else {
      this.outcomes += 1;
    }
  }

  /** Reads the recommendation on `line` and counts it with its outcome, if it has one. */
  addRecommendation(input: unknown, line: number): void {
    this.readingRecommendations = true;
    const read = readRecommendation(input, this.settings.limits);
    if (read.kind === 'not_recommended') {
      this.notRecommended += 1;
      return;
    }
    if (read.kind === 'invalid') {
      this.errors.add(lineError('recommendations', line, read.complaintId, read.error));
      return;
    }
    const rec = read.recommendation;
    const match = this.index.match(rec.complaintId);
    if (match.kind === 'duplicate') {
      const error = duplicateIdError('INVALID_RECOMMENDATION', rec.complaintId);
      this.errors.add(lineError('recommendations', line, rec.complaintId, error));
      return;
    }
    this.recommendations += 1;
    if (match.kind === 'unmatched') return;
    this.matched += 1;
    this.groups.add(rec, match.outcome);
  }

  /** Counts a line the caller could not read as a record at all (not UTF-8, over the size limit). */
  addUnreadable(source: OutcomeLineError['source'], line: number, error: RedressError): void {
    this.errors.add(lineError(source, line, null, error));
  }

  /** What the join found. */
  summary(): OutcomeSummary {
    const { minSample, repeatWithinDays, listed } = this.settings;
    const unmatched = this.index.unmatched(listed);
    return {
      method: {
        interval: 'wilson',
        confidence: 0.95,
        satisfiedFrom: SATISFIED_FROM,
        minSample,
        repeatWithinDays,
      },
      join: {
        outcomes: this.outcomes,
        recommendations: this.recommendations,
        matched: this.matched,
        notRecommended: this.notRecommended,
        unmatchedRecommendations: unmatched.recommendations,
        unmatchedOutcomes: unmatched.outcomes,
      },
      errors: this.errors.summary(),
      overall: this.groups.overall.summary('all'),
      ...this.groups.summaries(),
      verdicts: ruleVerdicts(this.groups, minSample),
    };
  }
}
