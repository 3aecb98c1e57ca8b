import { CATEGORIES, type Category } from '../complaint/schema';
import { REMEDY_TYPES } from '../remedies/catalogue';
import { SEVERITY_BANDS } from '../scoring/score';
import type { CompactOutcome } from './outcome-index';
import type { StoredRecommendation } from './stored-recommendation';
import type { OutcomeGroup, RuleSetOutcomes } from './summary';
import { Tally } from './tally';

/** The `byRule` key of complaints no fired rule gave a remedy to (a rule name cannot start with "("). */
export const NO_RULE = '(no rule)';
/** The `byRemedy` key of recommendations with no remedy. */
export const NO_REMEDY = '(none)';

type RuleSetKey = RuleSetOutcomes['ruleSet'];

function tallyOf<K>(map: Map<K, Tally>, key: K): Tally {
  let tally = map.get(key);
  if (!tally) {
    tally = new Tally();
    map.set(key, tally);
  }
  return tally;
}

function inOrder(map: Map<string, Tally>, order: readonly string[]): OutcomeGroup[] {
  const rank = (key: string) => (order.includes(key) ? order.indexOf(key) : order.length);
  return [...map.keys()]
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
    .map((key) => (map.get(key) as Tally).summary(key));
}

function largestFirst(groups: OutcomeGroup[]): OutcomeGroup[] {
  return groups.sort((a, b) => b.complaints - a.complaints || a.key.localeCompare(b.key));
}

/** The name of a rule set's group: name and version, and the start of its hash. */
export function ruleSetKey(ruleSet: RuleSetKey): string {
  return `${ruleSet.name} ${ruleSet.version}${ruleSet.hash ? ` ${ruleSet.hash.slice(0, 19)}` : ' (unstamped)'}`;
}

/** Every group's tally: one per rule, remedy type, category, band and rule set, and per rule and category. */
export class GroupTallies {
  readonly overall = new Tally();
  private readonly rules = new Map<string, Tally>();
  private readonly remedies = new Map<string, Tally>();
  /** Per category; the verdicts compare a rule's cell with the rest of its category. */
  readonly categories = new Map<string, Tally>();
  private readonly bands = new Map<string, Tally>();
  private readonly ruleSets = new Map<string, { ruleSet: RuleSetKey; tally: Tally }>();
  /** Per rule, per category. */
  readonly cells = new Map<string, Map<Category, Tally>>();

  constructor(private readonly repeatWithinDays: number) {}

  /** Counts a matched complaint in every group it belongs to. */
  add(rec: StoredRecommendation, outcome: CompactOutcome): void {
    const tallies = [
      this.overall,
      tallyOf(this.categories, rec.category),
      tallyOf(this.bands, rec.band),
      this.ruleSetTally(rec.ruleSet),
      ...(rec.rules.length === 0 ? [NO_RULE] : rec.rules).map((rule) => tallyOf(this.rules, rule)),
      ...rec.rules.map((rule) => tallyOf(this.cellsOf(rule), rec.category)),
      ...(rec.remedyTypes.length === 0 ? [NO_REMEDY] : rec.remedyTypes).map((type) =>
        tallyOf(this.remedies, type),
      ),
    ];
    for (const tally of tallies) tally.add(rec, outcome, this.repeatWithinDays);
  }

  private cellsOf(rule: string): Map<Category, Tally> {
    let cells = this.cells.get(rule);
    if (!cells) {
      cells = new Map();
      this.cells.set(rule, cells);
    }
    return cells;
  }

  private ruleSetTally(ruleSet: RuleSetKey): Tally {
    const key = ruleSetKey(ruleSet);
    let entry = this.ruleSets.get(key);
    if (!entry) {
      entry = { ruleSet, tally: new Tally() };
      this.ruleSets.set(key, entry);
    }
    return entry.tally;
  }

  /** Every group's figures, in the order the summary lists them. */
  summaries(): {
    byRule: OutcomeGroup[];
    byRemedy: OutcomeGroup[];
    byCategory: OutcomeGroup[];
    bySeverity: OutcomeGroup[];
    byRuleSet: RuleSetOutcomes[];
  } {
    return {
      byRule: largestFirst(inOrder(this.rules, [])),
      byRemedy: inOrder(this.remedies, REMEDY_TYPES),
      byCategory: inOrder(this.categories, CATEGORIES),
      bySeverity: inOrder(this.bands, SEVERITY_BANDS),
      byRuleSet: [...this.ruleSets.entries()]
        .map(([key, { ruleSet, tally }]) => ({ ...tally.summary(key), ruleSet }))
        .sort((a, b) => b.complaints - a.complaints || a.key.localeCompare(b.key)),
    };
  }
}
