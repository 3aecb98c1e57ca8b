import type { RemedySpec, RemedyType } from '../remedies/catalogue';
import type { RemedyOrigin } from '../remedies/context';
import type { RuleOutcome } from '../rules/evaluator';
import type { Rule } from '../rules/ruleset';

/** A remedy a fired rule proposes, before it is made concrete. */
export interface Proposal extends RemedyOrigin {
  readonly spec: RemedySpec;
}

/**
 * One remedy type in a recommendation and every fired rule's proposal for it, highest priority first.
 * The first that applies and fits the cap is given; the others stand by, so that a cap or a missing
 * precondition falls back to a lesser remedy of the same type instead of to nothing.
 */
export interface Slot {
  readonly type: RemedyType;
  readonly candidates: readonly Proposal[];
}

/**
 * Applies the hit policy to the fired rules (already in priority order).
 * `first`: the top fired rule's remedies. `collect`: every fired rule's, one slot per remedy type,
 * slots in the order their best proposal appears.
 */
export function selectSlots(
  hit: 'collect' | 'first',
  fired: readonly RuleOutcome[],
  rules: readonly Rule[],
): Slot[] {
  const slots = new Map<RemedyType, Proposal[]>();
  for (const outcome of hit === 'first' ? fired.slice(0, 1) : fired) {
    const rule = rules[outcome.index] as Rule;
    for (const spec of rule.remedies) {
      const proposal: Proposal = { spec, rule: rule.name, priority: rule.priority };
      const slot = slots.get(spec.type);
      if (slot) slot.push(proposal);
      else slots.set(spec.type, [proposal]);
    }
  }
  return [...slots].map(([type, candidates]) => ({ type, candidates }));
}
