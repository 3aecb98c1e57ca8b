import { defaultLimits, REMEDY_TYPES, type RedressError } from '../../index';
import { duplicateIdError, ErrorTally, lineError } from '../../outcomes/error-tally';
import type { OutcomeGroup, OutcomeSummary } from '../../outcomes/index';
import { OutcomeIndex } from '../../outcomes/outcome-index';
import { safeParseOutcome } from '../../outcomes/parse';
import { readRecommendation } from '../../outcomes/stored-recommendation';
import { Tally } from '../../outcomes/tally';
import { remediesOf, type Tallied } from './tallied';

/** Complaints whose recommendation changes in one way: the remedies before and after, and how the old decision fared. */
export interface Transition {
  /** Remedy types under the baseline, in the catalogue's order. */
  readonly before: readonly string[];
  /** Remedy types under the new rules. */
  readonly after: readonly string[];
  /** Complaints that change this way, with an outcome or not. */
  readonly changed: number;
  /** The outcomes of those that have one, under the baseline's decision. */
  readonly outcomes: OutcomeGroup;
}

/** `coupon + apology`, or "the same, other terms" when the types do not change. */
export function afterLabel(t: Transition): string {
  return t.after.join(' + ') === t.before.join(' + ') ? 'the same, other terms' : t.after.join(' + ');
}

/** What the outcomes (`--outcomes`) say about the complaints a simulation compares. */
export interface OutcomeEvidenceSummary {
  /** The outcomes file. */
  readonly file: string;
  /** Valid outcome records read. */
  readonly records: number;
  /** Compared complaints with an outcome. */
  readonly matched: number;
  /** How the baseline's decisions fared for the complaints whose recommendation changes, and for the rest. */
  readonly changed: OutcomeGroup;
  readonly unchanged: OutcomeGroup;
  /** The changes by kind (remedy types before and after), most complaints first. */
  readonly transitions: readonly Transition[];
  /** Outcome lines that could not be read, or repeat a complaint id. */
  readonly errors: OutcomeSummary['errors'];
}

/** Transitions listed at most; the rest are in `changed`. */
const MAX_TRANSITIONS = 50;
const LISTED_ERRORS = 20;
/** The default window for a repeat complaint, as `redress outcomes` has it. */
const REPEAT_WITHIN_DAYS = 30;

function types(rec: Tallied): string[] {
  const present = new Set(rec.types);
  return REMEDY_TYPES.filter((t) => present.has(t));
}

/** A tallied recommendation as `readRecommendation` reads one, under the rule set that made it. */
function stored(rec: Tallied, ruleSet: { readonly name: string; readonly version: string }) {
  return {
    complaintId: rec.complaintId,
    ruleSet,
    currency: rec.currency,
    totalCost: rec.totalCost,
    severity: { band: rec.band },
    remedies: remediesOf(rec),
    trace: { facts: { category: rec.category }, fired: rec.fired.map((name) => ({ name })) },
  };
}

/**
 * The outcomes under the baseline, joined to the complaints of a simulation by id: how the old decision
 * fared for the complaints whose recommendation would change, by kind of change, and for the rest. The
 * outcomes are read first and kept compactly, as `redress outcomes` keeps them.
 */
export class OutcomeEvidence {
  private readonly index = new OutcomeIndex();
  private readonly errors = new ErrorTally(LISTED_ERRORS, undefined);
  private records = 0;
  private matched = 0;
  private readonly changed = new Tally();
  private readonly unchanged = new Tally();
  private readonly transitions = new Map<
    string,
    { before: string[]; after: string[]; changed: number; tally: Tally }
  >();

  /**
   * @param file the outcomes file, as named in the summary
   * @param baseline the name and version of the baseline rule set, whose decisions the outcomes followed
   */
  constructor(
    private readonly file: string,
    private readonly baseline: { readonly name: string; readonly version: string },
  ) {}

  /** Reads the outcome record on `line` of the file. */
  addOutcome(text: string, line: number): void {
    const parsed = safeParseOutcome(text);
    if (!parsed.ok) this.errors.add(lineError('outcomes', line, null, parsed.error));
    else if (this.index.add(parsed.value)) this.records += 1;
    else
      this.errors.add(
        lineError(
          'outcomes',
          line,
          parsed.value.complaintId,
          duplicateIdError('INVALID_OUTCOME', parsed.value.complaintId),
        ),
      );
  }

  /** Counts a line that could not be read as text. */
  addUnreadable(line: number, error: RedressError): void {
    this.errors.add(lineError('outcomes', line, null, error));
  }

  /** Counts a compared complaint: its recommendation under each rule set, and whether it changes. */
  add(baseline: Tallied, proposed: Tallied, changed: boolean): void {
    const transition = changed ? this.transition(baseline, proposed) : undefined;
    if (transition) transition.changed += 1;
    const match = this.index.match(baseline.complaintId);
    if (match.kind !== 'matched') return;
    const read = readRecommendation(stored(baseline, this.baseline), defaultLimits);
    if (read.kind !== 'recommendation') return;
    this.matched += 1;
    const tallies = transition ? [this.changed, transition.tally] : [this.unchanged];
    for (const tally of tallies) tally.add(read.recommendation, match.outcome, REPEAT_WITHIN_DAYS);
  }

  private transition(baseline: Tallied, proposed: Tallied) {
    const before = types(baseline);
    const after = types(proposed);
    const key = `${before.join('+')}>${after.join('+')}`;
    let entry = this.transitions.get(key);
    if (!entry) {
      entry = { before, after, changed: 0, tally: new Tally() };
      this.transitions.set(key, entry);
    }
    return entry;
  }

  /** The evidence so far. */
  summary(): OutcomeEvidenceSummary {
    const transitions = [...this.transitions.values()]
      .sort((a, b) => b.changed - a.changed || a.before.join().localeCompare(b.before.join()))
      .slice(0, MAX_TRANSITIONS)
      .map(({ before, after, changed, tally }) => ({
        before,
        after,
        changed,
        outcomes: tally.summary(`${before.join(' + ')} → ${after.join(' + ')}`),
      }));
    return {
      file: this.file,
      records: this.records,
      matched: this.matched,
      changed: this.changed.summary('changed'),
      unchanged: this.unchanged.summary('unchanged'),
      transitions,
      errors: this.errors.summary(),
    };
  }
}
