import type { Condition, LeafCondition } from '../../rules/condition';
import type { Rule, RuleSet } from '../../rules/ruleset';
import type { Box } from './box';
import { toBoxes } from './dnf';
import { atom, intersect, isEmptySet } from './fact-sets';
import { findWitness, type Witness } from './witness';

/** A rule as the model sees it: its conditions as boxes, a complaint that makes it fire, and whether one exists. */
export interface RuleModel {
  readonly rule: Rule;
  /** Its position in the rule set (ties of priority go to the earlier rule). */
  readonly index: number;
  /** Undefined when the conditions are too large to expand: the rule is left to the search. */
  readonly boxes: Box[] | undefined;
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
 */
export function modelRule(rule: Rule, index: number, ruleSet: RuleSet, maxBoxes: number): RuleModel {
  const boxes = toBoxes(rule.conditions as Condition, ruleSet.scoring, maxBoxes);
  const base = { rule, index, boxes };
  if (!boxes) return { ...base, witness: undefined, status: 'opaque', reason: '' };
  if (boxes.length === 0)
    return { ...base, witness: undefined, status: 'contradictory', reason: contradiction(rule, ruleSet) };
  let reason = '';
  let undecided = false;
  for (const box of boxes) {
    const w = findWitness(box, ruleSet.scoring);
    if (w.status === 'found') return { ...base, witness: w, status: 'reachable', reason: '' };
    if (w.status === 'unknown') undecided = true;
    reason ||= w.reason;
  }
  return { ...base, witness: undefined, status: undecided ? 'unknown' : 'impossible', reason };
}

/** A rule the model settled exactly: it fires, and its boxes are known. */
export type ExactRule = RuleModel & { readonly status: 'reachable'; readonly boxes: Box[] };

/** True when the model settled the rule exactly: it fires, and its boxes are known. */
export function isExact(r: RuleModel): r is ExactRule {
  return r.status === 'reachable' && r.boxes !== undefined;
}
