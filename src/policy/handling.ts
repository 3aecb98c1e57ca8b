import type { Channel, Complaint } from '../complaint/schema';
import type { Facts } from '../facts/catalogue';
import { addHours } from '../time/utc-calendar';
import type { Priced } from './caps';
import type { Policy } from './schema';

/** Why a recommendation must go to a person. */
export type HandlingReasonCode =
  | 'legal_threat'
  | 'tone'
  | 'severity_band'
  | 'value_tier'
  | 'escalate_remedy'
  | 'cost_above_auto_approve'
  | 'no_rule_matched'
  | 'compensation_limit';

/** Who acts on the recommendation, where, and by when. */
export interface Handling {
  /** `automatic`: can be applied as it is; `human`: a person approves first. */
  readonly mode: 'automatic' | 'human';
  /** Every reason a person must look (empty when automatic). */
  readonly reasons: readonly HandlingReasonCode[];
  /** The one owner of the complaint: the first-contact agent, or the desk of the channel it came in on. */
  readonly owner: string;
  /** The queue a person picks the case up from; named whenever the mode is `human`, else null. */
  readonly queue: string | null;
  /** Answer on the channel the complaint came in on. */
  readonly respondOn: Channel;
  /** When the first answer is due. */
  readonly respondBy: string;
  /** For a public complaint: acknowledge it where it was posted, by this time. */
  readonly publicAcknowledgement: { readonly platform: string; readonly dueAt: string } | null;
}

/**
 * Decides who acts: automatic when the cost is within the auto-approval limit and nothing requires a
 * person; otherwise a named queue, with every reason. The complaint keeps one owner either way.
 */
export function decideHandling(args: {
  complaint: Complaint;
  facts: Facts;
  policy: Policy;
  remedies: readonly Priced[];
  totalMinor: number;
  autoApproveMinor: number;
  anyRuleFired: boolean;
  /** The per-customer limit cut goodwill: a person looks before the customer is told. */
  compensationLimitReached: boolean;
  now: Date;
}): Handling {
  const { complaint, facts, policy, remedies, now } = args;
  const review = policy.humanReview;
  const reasons: HandlingReasonCode[] = [];
  if (review.legalThreat && facts.legalThreat) reasons.push('legal_threat');
  if (review.tones.includes(facts.tone)) reasons.push('tone');
  if (review.severityBands.includes(facts.severityBand)) reasons.push('severity_band');
  if (review.valueTiers.includes(facts.valueTier)) reasons.push('value_tier');
  const escalation = remedies.find((r) => r.type === 'escalate');
  if (escalation) reasons.push('escalate_remedy');
  if (args.totalMinor > args.autoApproveMinor) reasons.push('cost_above_auto_approve');
  if (!args.anyRuleFired) reasons.push('no_rule_matched');
  if (args.compensationLimitReached) reasons.push('compensation_limit');

  const mode = reasons.length > 0 ? 'human' : 'automatic';
  const respondWithin = Math.min(
    policy.respondWithinHours,
    escalation?.type === 'escalate' ? escalation.respondWithinHours : Number.POSITIVE_INFINITY,
  );
  const exposure = complaint.exposure;
  return {
    mode,
    reasons,
    owner: complaint.owner ?? `${complaint.channel}-desk`,
    queue:
      mode === 'human' ? (escalation?.type === 'escalate' ? escalation.queue : policy.defaultQueue) : null,
    respondOn: complaint.channel,
    respondBy: new Date(addHours(now.getTime(), respondWithin)).toISOString(),
    publicAcknowledgement: exposure?.public
      ? {
          platform: exposure.platform ?? complaint.channel,
          dueAt: new Date(addHours(now.getTime(), policy.publicAcknowledgementWithinHours)).toISOString(),
        }
      : null,
  };
}
