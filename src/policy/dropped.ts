import type { RemedyType } from '../remedies/catalogue';
import type { NotApplicableCode } from '../remedies/context';
import type { CapLimitName } from './caps';

/**
 * A remedy a fired rule proposed that is not in the recommendation as proposed, and why: `cap` (left out:
 * no goodwill was left under `limit`), `reduced` (given, but made smaller to fit `limit`; it is in
 * `remedies` at `keptCost`), `not_applicable` (it cannot apply to this complaint), `superseded` (a rule
 * the hit policy prefers already gave a remedy of this type), `linked` (the complaint is linked to case
 * `linkedTo`, which already gave this restitution, or enough goodwill: left out, or reduced to
 * `keptCost` when the case warrants a top-up).
 */
export type DroppedRemedy = { readonly type: RemedyType; readonly rule: string; readonly detail: string } & (
  | { readonly reason: 'cap'; readonly limit: CapLimitName; readonly estimatedCost: number }
  | {
      readonly reason: 'reduced';
      readonly limit: CapLimitName;
      /** What it would have cost as the rule proposed it. */
      readonly estimatedCost: number;
      /** What it costs as given. */
      readonly keptCost: number;
    }
  | { readonly reason: 'not_applicable'; readonly code: NotApplicableCode }
  | { readonly reason: 'superseded'; readonly by: string }
  | {
      readonly reason: 'linked';
      readonly linkedTo: string;
      /** Restitution is never given twice; goodwill only tops the case up. */
      readonly kind: 'restitution' | 'goodwill';
      readonly estimatedCost: number;
      /** What it costs as given, when it tops the case's goodwill up; left out when absent. */
      readonly keptCost?: number;
    }
);
