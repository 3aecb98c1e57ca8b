import type { Channel } from '../complaint/schema';
import type { Facts } from '../facts/facts';
import type { Locale } from '../i18n/locale';
import type { IncidentCause } from '../incidents/detect';
import type { CapLimitName } from '../policy/caps';
import type { HitPolicy } from '../policy/schema';
import type { Remedy, RemedyType } from '../remedies/catalogue';
import type { NotApplicableCode } from '../remedies/context';
import type { ConditionTrace, RuleOutcome } from '../rules/engine/evaluator';
import type { SeverityScore, ValueScore } from '../scoring/score';

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

/** A rule that fired, and the conditions that made it fire. */
export interface FiredRule {
  readonly name: string;
  readonly priority: number;
  readonly conditions: ConditionTrace;
}

/**
 * A remedy a fired rule proposed that is not in the recommendation as proposed, and why: `cap` (left out:
 * no goodwill was left under `limit`), `reduced` (given, but made smaller to fit `limit`; it is in
 * `remedies` at `keptCost`), `not_applicable` (it cannot apply to this complaint), `superseded` (a rule
 * the hit policy prefers already gave a remedy of this type).
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
);

/** How the recommendation came about, for agents, analysts and audits. */
export interface Trace {
  readonly hit: HitPolicy;
  /** The facts the rules saw. */
  readonly facts: Facts;
  /** Rules that fired, highest priority first. */
  readonly fired: readonly FiredRule[];
  readonly dropped: readonly DroppedRemedy[];
  /** Every rule's outcome, fired or not; present when the recommender was created with `trace: 'all'`. */
  readonly rules?: readonly RuleOutcome[];
}

/** One sentence of the rationale. */
export interface RationaleSentence {
  /** The message key it was rendered from (`rule:NAME` for a rule's own text). */
  readonly key: string;
  /** `customer`: can be read out or sent as it is; `agent`: the reasoning behind it. */
  readonly audience: 'customer' | 'agent';
  readonly text: string;
  /**
   * Present only when the sentence is not in the recommendation's locale: a rule's own English text,
   * where the rule file has none in this language.
   */
  readonly locale?: Locale;
}

/**
 * The incident a complaint is part of, on its recommendation (`recommendMany` with `incidents`). Every
 * member gets at least the remedies of the incident's most severe complaint, within its own caps.
 */
export interface IncidentMark {
  /** The incident's id, as `detectIncidents` reports it. */
  readonly id: string;
  readonly cause: IncidentCause;
  /** Complaints in the incident. */
  readonly count: number;
  /** `receivedAt` of its first and last complaint, in UTC. */
  readonly firstAt: string;
  readonly lastAt: string;
  /** The id of the complaint whose remedies are the incident's policy: its most severe. */
  readonly policyFrom: string;
}

/**
 * The limits goodwill was held to, in the complaint's currency. Restitution is never limited; the
 * total (restitution + goodwill) stays within `totalLimit` unless restitution alone passes it.
 */
export interface Cap {
  /** The value the shares apply to: the order total, or one month of the subscription without an order. */
  readonly affectedValue: number;
  /** The most goodwill this recommendation could carry: the smallest of the limits below (never below 0). */
  readonly goodwillLimit: number;
  /** Which limit set `goodwillLimit`. */
  readonly binding: CapLimitName;
  /** `maxGoodwillShareBySeverity[band]` × `affectedValue`. */
  readonly severityLimit: number;
  /** `maxGoodwillByTier[tier]`. */
  readonly tierLimit: number;
  /** `maxTotalShareOfValue` × `affectedValue`: the ceiling on restitution + goodwill. */
  readonly totalLimit: number;
  /** Goodwill left for this customer in the `perCustomer` window; null without per-customer limits. */
  readonly customerLimit: number | null;
}

/**
 * What redress recommends for one complaint. Plain JSON: `JSON.parse(JSON.stringify(r))` deep-equals it.
 */
export interface Recommendation {
  readonly complaintId: string;
  readonly ruleSet: { readonly name: string; readonly version: string };
  readonly locale: Locale;
  readonly severity: SeverityScore;
  readonly value: ValueScore;
  readonly remedies: readonly Remedy[];
  readonly currency: string;
  /** Sum of the remedies' estimated costs. */
  readonly totalCost: number;
  /** What makes the customer whole (resend, refund of a loss); caps never cut it. */
  readonly restitutionCost: number;
  /** Gestures beyond the loss (gift, coupon, free month, refund of a share of the order). */
  readonly goodwillCost: number;
  readonly cap: Cap;
  readonly handling: Handling;
  readonly followUp: { readonly checkSatisfactionAt: string; readonly channel: Channel };
  readonly rationale: readonly RationaleSentence[];
  readonly trace: Trace;
  /** Present only when the complaint is part of an incident (`recommendMany` with `incidents`). */
  readonly incident?: IncidentMark;
}

/** A complaint that could not get a recommendation, in a batch: which one, and why. */
export interface RecommendationError {
  /** Position of the input in the batch (0-based). */
  readonly index: number;
  /** The complaint's id, when the input had a readable one. */
  readonly complaintId: string | null;
  readonly error: {
    readonly code: string;
    readonly message: string;
    readonly path: readonly (string | number)[];
    readonly pointer: string;
  };
}
