import type { Channel, Complaint } from '../complaint/schema';
import type { Facts } from '../facts/catalogue';
import { isoInstant } from '../time/format-instant';
import { addHours } from '../time/utc-calendar';
import { type CallReason, callReasons } from './call';
import type { Priced } from './caps';
import type { Policy } from './schema';
import { type HandlingStep, handlingSteps } from './steps';

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

/**
 * Why someone inside the business or a partner is told about a recommendation. `incident_partner`: a
 * partner named in the rule set, about an incident whose cause concerns it. `escalation`: a rule
 * escalated the complaint to this team as well, while the owner keeps it and another queue decides.
 */
export type NotifyReason = 'incident_partner' | 'escalation';

/**
 * An internal notification: someone to tell, not the customer. Each is listed once for what it is
 * about (the incident, say), on one recommendation, so that acting on every recommendation's list
 * tells everyone once.
 */
export interface Notification {
  /** Who is told, as the rule set names them (a partner, a team, a queue). */
  readonly to: string;
  readonly reason: NotifyReason;
  /** The incident it is about, when it is about one. */
  readonly incident?: string;
}

/** A public complaint's acknowledgement where it was posted. */
export interface PublicAcknowledgement {
  readonly platform: string;
  readonly dueAt: string;
  /**
   * In an incident: the shared public statement, verbatim, in the recommendation's locale (the same
   * for every public member in that locale and on that kind of site: redress's own statement has a
   * version for review sites, which take no private message). Null outside incidents: the reply is the
   * agent's.
   */
  readonly statement: string | null;
}

/** What handling needs to know of the incident a complaint is part of. */
export interface IncidentHandling {
  /** The incident's one owner. */
  readonly owner: string;
  /** The shared public statement in the recommendation's locale. */
  readonly statement: string;
  /** The notifications this member carries for the incident (its first member carries them all). */
  readonly notify: readonly Notification[];
  /** The incident's deadline: its most severe complaint's `respondBy`. */
  readonly respondBy: string;
}

/** The case a complaint is linked to: what handling needs of it (docs/cases.md). */
export interface CaseHandling {
  /** The id of the case's first complaint. */
  readonly caseId: string;
  /** The case's one owner. */
  readonly owner: string;
}

/** Who acts on the recommendation, where, and by when. */
export interface Handling {
  /**
   * `automatic`: can be applied as it is; `human`: a person approves first; `linked`: the complaint
   * belongs to an open case (`linkedTo`) and its owner handles it with the case; `reasons`, when
   * there are any, say why the owner must look again before the customer is answered.
   */
  readonly mode: 'automatic' | 'human' | 'linked';
  /** The case's first complaint, when `mode` is `linked`. */
  readonly linkedTo?: string;
  /** Every reason a person must look (empty when automatic). */
  readonly reasons: readonly HandlingReasonCode[];
  /**
   * The one owner of the complaint: the first-contact agent, or the desk of the channel it came in on;
   * for a linked complaint, the case's owner; in an incident, the incident's owner.
   */
  readonly owner: string;
  /**
   * The queue a person picks the case up from; named whenever there are `reasons` (mode `human`, or
   * a `linked` complaint its owner must look at again), else null: the escalation's queue, else the
   * incident's owner, else the policy's default queue.
   */
  readonly queue: string | null;
  /** Answer on the channel the complaint came in on. */
  readonly respondOn: Channel;
  /** When the first answer is due. */
  readonly respondBy: string;
  /** For a public complaint: acknowledge it where it was posted, by this time. */
  readonly publicAcknowledgement: PublicAcknowledgement | null;
  /**
   * Whom to tell internally, besides answering the customer (empty when nobody): an incident's
   * partners, and every team a rule escalated the complaint to besides the queue. Ownership stays
   * with `owner`.
   */
  readonly notify: readonly Notification[];
  /** What to do besides giving the remedies: a carrier trace, a photo of the damage (empty when nothing). */
  readonly steps: readonly HandlingStep[];
  /**
   * Call the customer instead of writing back: a complaint by email or chat with a legal threat or in
   * an angry or abusive tone, where a conflict in writing is better settled by voice.
   */
  readonly suggestCall: boolean;
  /** Why a call is suggested (empty when it is not). */
  readonly callReasons: readonly CallReason[];
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
  /** Set for an incident's member: its owner, statement and notifications. */
  incident?: IncidentHandling;
  /** `policy.evidenceAboveValue` in minor units of the complaint's currency. */
  evidenceAboveMinor: number;
  /** Queues every fired rule escalates to: those other than the queue are told, not given the case. */
  alsoEscalatedTo?: readonly string[];
  /** Set when the complaint is linked to an open case. */
  linked?: CaseHandling;
}): Handling {
  const { complaint, facts, policy, remedies, now, incident, linked } = args;
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

  // A linked complaint stays with its case; an incident's owner wins over a case's (one voice in a crisis).
  const mode = linked && !incident ? 'linked' : reasons.length > 0 ? 'human' : 'automatic';
  const respondWithin = Math.min(
    policy.respondWithinHours,
    escalation?.type === 'escalate' ? escalation.respondWithinHours : Number.POSITIVE_INFINITY,
  );
  const exposure = complaint.exposure;
  const escalationQueue = escalation?.type === 'escalate' ? escalation.queue : undefined;
  const queue = reasons.length > 0 ? (escalationQueue ?? incident?.owner ?? policy.defaultQueue) : null;
  const calls = callReasons(facts);
  const handling: Handling = {
    mode,
    reasons,
    owner: incident?.owner ?? linked?.owner ?? complaint.owner ?? `${complaint.channel}-desk`,
    queue,
    respondOn: complaint.channel,
    respondBy: deadline(addHours(now.getTime(), respondWithin), now.getTime(), incident),
    publicAcknowledgement: exposure?.public
      ? {
          platform: exposure.platform ?? complaint.channel,
          dueAt: isoInstant(addHours(now.getTime(), policy.publicAcknowledgementWithinHours)),
          statement: incident?.statement ?? null,
        }
      : null,
    notify: notifications(incident?.notify, escalations(args.alsoEscalatedTo ?? [], queue)),
    steps: handlingSteps(complaint, facts, policy, args.evidenceAboveMinor),
    suggestCall: calls.length > 0,
    callReasons: calls,
  };
  // Copied only for a linked complaint (a spread in a literal is a slow copy on V8): `linkedTo` comes
  // second, after `mode`, which the copy leaves where it is.
  return mode === 'linked' && linked ? Object.assign({ mode, linkedTo: linked.caseId }, handling) : handling;
}

/**
 * When the first answer is due: `own` (ms), or for an incident's member the incident's deadline when
 * that is sooner and after the member arrived (one deadline for the incident). A member that arrives
 * after the deadline keeps its own: the incident's answer has gone out, and none can be due before the
 * complaint came in.
 */
function deadline(own: number, received: number, incident: IncidentHandling | undefined): string {
  const shared = incident === undefined ? Number.NaN : Date.parse(incident.respondBy);
  return isoInstant(shared > received && shared < own ? shared : own);
}

/** One notification per team escalated to besides the queue, each once, in the order given. */
function escalations(queues: readonly string[], queue: string | null): Notification[] {
  // Most complaints escalate to no team: no set or arrays made for none.
  if (queues.length === 0) return [];
  const teams = new Set(queues.filter((q) => q !== queue));
  return [...teams].map((to) => ({ to, reason: 'escalation' }));
}

/** An incident's notifications (when any) before the escalations'. */
function notifications(
  incident: readonly Notification[] | undefined,
  escalated: Notification[],
): Notification[] {
  return incident === undefined || incident.length === 0 ? escalated : [...incident, ...escalated];
}
