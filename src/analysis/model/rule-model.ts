import type { Facts } from '../../facts/catalogue';
import type { Condition, LeafCondition } from '../../rules/condition';
import { conditionTest } from '../../rules/engine/compiled';
import type { Rule, RuleSet } from '../../rules/ruleset';
import { type Box, hullOf } from './box';
import { toBoxes } from './dnf';
import { atom, intersect, isEmptySet } from './fact-sets';
import { type Witness, witnessIn } from './witness';
import { COST, type LeafCount, type Work, withinBudget } from './work';

/** A rule as the model sees it: its conditions as boxes, a complaint that makes it fire, and whether one exists. */
export interface RuleModel {
  readonly rule: Rule;
  /** Whether it fires for some facts (its conditions compiled, as `recommend` runs them; leaves counted). */
  readonly test: (facts: Facts) => boolean;
  /** Its position in the rule set (ties of priority go to the earlier rule). */
  readonly index: number;
  /** Undefined when the conditions are too large to expand: the rule is left to the search. */
  readonly boxes: Box[] | undefined;
  /** The smallest box holding all of them (see `hullOf`); undefined with them. */
  readonly hull: Box | undefined;
  readonly witness: Extract<Witness, { status: 'found' }> | undefined;
  readonly status: 'reachable' | 'contradictory' | 'impossible' | 'unknown' | 'opaque';
  /** Why it cannot fire (`contradictory`, `impossible`); empty otherwise. */
  readonly reason: string;
}

const describeLeaf = (l: LeafCondition) => `${l.fact} ${l.operator} ${JSON.stringify(l.value)}`;

/** Names the leaves of a rule's top-level `all` that contradict each other on one fact, if any. */
function contradiction(rule: Rule, ruleSet: RuleSet): string {
  const top = rule.conditions as Condition;
  if ('all' in top) {
    const leaves = top.all.filter((c): c is LeafCondition => 'fact' in c);
    const byFact = new Map<string, { leaves: LeafCondition[]; set: ReturnType<typeof atom>['set'] }>();
    for (const leaf of leaves) {
      const a = atom(leaf.fact, leaf.operator, leaf.value, ruleSet.scoring);
      const seen = byFact.get(a.fact);
      const set = seen ? intersect(a.fact, seen.set, a.set) : a.set;
      byFact.set(a.fact, { leaves: [...(seen?.leaves ?? []), leaf], set });
      if (isEmptySet(set))
        return `${[...(seen?.leaves ?? []), leaf].map(describeLeaf).join(' and ')} cannot both hold`;
    }
  }
  return 'no combination of its conditions can hold at once';
}

/**
 * Models one rule: expands its conditions into at most `maxBoxes` boxes and looks for a complaint in
 * each, so that the rule is known to fire (`reachable`), known never to (`contradictory`: no box;
 * `impossible`: boxes, but no complaint in any), undecided (`unknown`) or too large (`opaque`).
 * `work` is the rule's own budget: a rule that needs more is `opaque` (it ran out expanding) or
 * `unknown` (looking for a complaint), and left to the search. An outer budget running out throws.
 */
export function modelRule(
  rule: Rule,
  index: number,
  ruleSet: RuleSet,
  maxBoxes: number,
  work: Work,
  evaluated: LeafCount,
): RuleModel {
  const boxes = withinBudget(work, () =>
    toBoxes(rule.conditions as Condition, ruleSet.scoring, maxBoxes, work),
  );
  const test = conditionTest(rule.conditions as Condition, evaluated);
  const base = { rule, test, index, boxes, hull: boxes && hullOf(boxes) };
  if (!boxes) return { ...base, witness: undefined, status: 'opaque', reason: '' };
  if (boxes.length === 0)
    return { ...base, witness: undefined, status: 'contradictory', reason: contradiction(rule, ruleSet) };
  let reason = '';
  let undecided = false;
  for (const box of boxes) {
    const affordable = withinBudget(work, () => {
      work.spend(COST.witness);
      return true;
    });
    if (!affordable) return { ...base, witness: undefined, status: 'unknown', reason: 'too much work' };
    const w = witnessIn(box, ruleSet);
    if (w.status === 'found') return { ...base, witness: w, status: 'reachable', reason: '' };
    if (w.status === 'unknown') undecided = true;
    reason ||= w.reason;
  }
  return { ...base, witness: undefined, status: undecided ? 'unknown' : 'impossible', reason };
}

/** A rule the model does not reason about (too large, or not reached): the search settles its questions. */
export function opaque(rule: Rule, index: number, evaluated: LeafCount): RuleModel {
  const test = conditionTest(rule.conditions as Condition, evaluated);
  return {
    rule,
    test,
    index,
    boxes: undefined,
    hull: undefined,
    witness: undefined,
    status: 'opaque',
    reason: '',
  };
}

/** A rule the model settled exactly: it fires, and its boxes are known. */
export type ExactRule = RuleModel & {
  readonly status: 'reachable';
  readonly boxes: Box[];
  readonly hull: Box;
};

/** True when the model settled the rule exactly: it fires, and its boxes are known. */
export function isExact(r: RuleModel): r is ExactRule {
  return r.status === 'reachable' && r.boxes !== undefined;
}
