import type { IncidentMark } from '../policy/incident-mark';
import type { HitPolicy } from '../policy/schema';
import { assertUnique, type Proposal, proposalsOf, type Slot, selectSlots } from '../policy/selection';
import type { RuleHit } from '../rules/engine/evaluator';
import type { Rule } from '../rules/ruleset';

/** An incident's shared policy, as one of its members is recommended for. @internal */
export interface IncidentRun {
  /** The incident's mark but its statement, which is written in each member's locale. */
  readonly mark: Omit<IncidentMark, 'statement'>;
  /** Whether this member carries the incident's notifications (one member does: its first). */
  readonly notifies: boolean;
  /** The remedies of the incident's most severe complaint, as rule proposals marked with the incident. */
  readonly policy: readonly Proposal[];
}

/** The apology every recommendation carries when no rule gave one. */
const APOLOGY: Proposal = { spec: { type: 'apology', form: 'standard' }, rule: 'policy', priority: 0 };

/**
 * Stage "select": the fired rules' proposals under the hit policy, one slot per remedy type, with the
 * standard apology added when no rule gave one and, for an incident's member, the incident's policy
 * in front of its own proposals. `proposals`: the rules' (`proposalsOf`), made once per rule set.
 * @throws RedressError `RULE_CONFLICT` under `unique` when more than one rule fired.
 */
export function select(
  hit: HitPolicy,
  fired: readonly RuleHit[],
  rules: readonly Rule[],
  complaintId: string,
  incident?: IncidentRun,
  proposals: readonly (readonly Proposal[])[] = proposalsOf(rules),
): Slot[] {
  if (hit === 'unique') assertUnique(fired, complaintId);
  const slots = selectSlots(hit, fired, rules, proposals);
  if (!slots.some((slot) => slot.type === 'apology')) slots.push({ type: 'apology', candidates: [APOLOGY] });
  if (incident) withIncidentPolicy(slots, incident.policy);
  return slots;
}

/**
 * Puts an incident's policy in front of the complaint's own proposals, one per remedy type, so that
 * each type is offered as the policy has it (or more, if the complaint's own rules give more).
 */
function withIncidentPolicy(slots: Slot[], policy: readonly Proposal[]): void {
  for (const proposal of policy) {
    const index = slots.findIndex((slot) => slot.type === proposal.spec.type);
    const slot = slots[index];
    // The complaint's own proposal of the very same remedy is the policy's: keep it once, marked.
    const own = slot?.candidates.filter((c) => c.spec !== proposal.spec) ?? [];
    if (slot) slots[index] = { type: slot.type, candidates: [proposal, ...own] };
    else slots.push({ type: proposal.spec.type, candidates: [proposal] });
  }
}
