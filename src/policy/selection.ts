import { issue, RedressError } from '../errors';
import { type RemedySpec, type RemedyType, remedyRank } from '../remedies/catalogue';
import type { RemedyOrigin } from '../remedies/context';
import type { HitPolicy } from './schema';

/*
 * Selection sees rules and their outcomes only through the shapes below: the policy layer comes
 * before the rules layer (the rule set's schema includes the policy's), so it cannot import them.
 */

/** What selection reads of a rule. */
export interface Rule {
  readonly name: string;
  readonly priority: number;
  readonly remedies: readonly RemedySpec[];
}

/** What selection reads of a fired rule: its position in the rule set, and its name. */
export interface RuleOutcome {
  readonly index: number;
  readonly name: string;
}

/** A remedy a fired rule proposes, before it is made concrete. */
export interface Proposal extends RemedyOrigin {
  readonly spec: RemedySpec;
}

/**
 * One remedy type in a recommendation and every fired rule's proposal for it, highest priority first.
 * The first that applies is given; the others stand by, so that a missing precondition falls back to a
 * lesser remedy of the same type instead of to nothing.
 */
export interface Slot {
  readonly type: RemedyType;
  readonly candidates: readonly Proposal[];
}

/**
 * What a rule's remedies are worth under the `priority` hit policy: the ranks of its remedy types in the
 * remedy order, highest first. Rules compare on these lexicographically (DMN's output priority).
 */
export function outputRank(rule: Pick<Rule, 'remedies'>): number[] {
  return rule.remedies.map((r) => remedyRank(r.type)).sort((a, b) => b - a);
}

/** Negative when `a` ranks higher than `b` under `priority` (more valuable output first). */
export function compareOutputRank(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? -1;
    const y = b[i] ?? -1;
    if (x !== y) return y - x;
  }
  return 0;
}

/**
 * The fired rule that decides under `priority`: the one whose remedies rank highest in the remedy order;
 * among equals, the earlier in firing order (higher rule priority, then file order).
 */
export function priorityWinner(
  fired: readonly RuleOutcome[],
  rules: readonly Rule[],
): RuleOutcome | undefined {
  let best: RuleOutcome | undefined;
  let bestRank: number[] = [];
  for (const outcome of fired) {
    const rank = outputRank(rules[outcome.index] as Rule);
    if (best === undefined || compareOutputRank(rank, bestRank) < 0) {
      best = outcome;
      bestRank = rank;
    }
  }
  return best;
}

/**
 * The `unique` hit policy's check: more than one fired rule is an error naming the rules.
 * @throws RedressError `RULE_CONFLICT`, one issue per rule beyond the first, its path into the rule set.
 */
export function assertUnique(fired: readonly RuleOutcome[], complaintId: string): void {
  const [first, ...others] = fired;
  if (!first || others.length === 0) return;
  throw new RedressError(
    'RULE_CONFLICT',
    others.map((o) =>
      issue(
        'rule_conflict',
        ['rules', o.index],
        `rules "${first.name}" and "${o.name}" both fire for complaint "${complaintId}", but the hit policy "unique" allows one`,
        {
          rule: o.name,
          hint: 'make their conditions exclude each other (analyzeRuleSet lists every overlap), or use another hit policy',
        },
      ),
    ),
  );
}

/** The fired rules whose remedies count under a hit policy (fired rules come in priority order). */
function contributing(
  hit: HitPolicy,
  fired: readonly RuleOutcome[],
  rules: readonly Rule[],
): readonly RuleOutcome[] {
  switch (hit) {
    case 'collect':
      return fired;
    case 'first':
    case 'unique':
      return fired.slice(0, 1);
    case 'priority': {
      const winner = priorityWinner(fired, rules);
      return winner ? [winner] : [];
    }
  }
}

/**
 * Each rule's proposals, in rule set order: the same for every complaint, so a pipeline makes them once
 * for its rule set and hands them to `selectSlots` (frozen: every complaint's slots share them).
 */
export function proposalsOf(rules: readonly Rule[]): readonly (readonly Proposal[])[] {
  return rules.map((rule) =>
    Object.freeze(
      rule.remedies.map(
        (spec): Proposal => Object.freeze({ spec, rule: rule.name, priority: rule.priority }),
      ),
    ),
  );
}

/**
 * Applies the hit policy to the fired rules (already in priority order).
 * `collect`: every fired rule's remedies, one slot per remedy type, slots in the order their best
 * proposal appears. `first`: the top fired rule's. `unique`: the one fired rule's (check with
 * `assertUnique` first). `priority`: the remedies of the rule whose output ranks highest.
 * `proposals`: `proposalsOf(rules)`, when the caller keeps it for many complaints.
 */
export function selectSlots(
  hit: HitPolicy,
  fired: readonly RuleOutcome[],
  rules: readonly Rule[],
  proposals: readonly (readonly Proposal[])[] = proposalsOf(rules),
): Slot[] {
  // A list searched in turn, not a map: a complaint's remedies are of a few types, and every complaint
  // selects (a map, and an array per slot made from it, was about 3% of deciding a complaint).
  const selected: { readonly type: RemedyType; readonly candidates: Proposal[] }[] = [];
  for (const outcome of contributing(hit, fired, rules)) {
    for (const proposal of proposals[outcome.index] ?? []) {
      const type = proposal.spec.type;
      const slot = slotOf(selected, type);
      if (slot) slot.candidates.push(proposal);
      else selected.push({ type, candidates: [proposal] });
    }
  }
  return selected;
}

/** The slot of `type` among `slots`, if there is one (a loop: no closure made for every proposal). */
function slotOf<S extends Slot>(slots: readonly S[], type: RemedyType): S | undefined {
  for (const slot of slots) if (slot.type === type) return slot;
  return undefined;
}
