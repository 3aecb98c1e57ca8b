import type { RedressErrorCode } from '../errors';
import type { MoneyConversion } from '../exchange/conversion';
import type { Facts } from '../facts/catalogue';
import type { Locale } from '../i18n/locale';
import type { Cap } from '../policy/caps';
import type { DroppedRemedy } from '../policy/dropped';
import type { Handling } from '../policy/handling';
import type { IncidentMark } from '../policy/incident-mark';
import type { HitPolicy } from '../policy/schema';
import type { CustomerMessage } from '../rationale/message';
import type { RationaleSentence } from '../rationale/sentence';
import type { Remedy } from '../remedies/catalogue';
import type { FiredRule, RuleFired, RuleOutcome } from '../rules/engine/evaluator';
import type { RuleSetStamp } from '../rules/stamp';
import type { SeverityScore, ValueScore } from '../scoring/score';
import type { Alternative } from './alternatives';
import type { FollowUp } from './follow-up';
import type { CaseMark } from './link';

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

/**
 * What redress recommends for one complaint. Plain JSON: `JSON.parse(JSON.stringify(r))` deep-equals it.
 */
export interface Recommendation {
  readonly complaintId: string;
  /** The rule set that made it: name, version and content hash, to trace it back and replay it. */
  readonly ruleSet: RuleSetStamp;
  /** The version of redress that made it. */
  readonly redressVersion: string;
  readonly locale: Locale;
  readonly severity: SeverityScore;
  readonly value: ValueScore;
  /** The first choice: the rules' remedies, or the customer's preferred set when it is acceptable. */
  readonly remedies: readonly Remedy[];
  /**
   * The other acceptable remedy sets (a refund instead of a resend, store credit instead of a coupon,
   * …), each priced and capped as `remedies` and summed up in one line; empty when there are none.
   */
  readonly alternatives: readonly Alternative[];
  /** The complaint's currency: every amount of the recommendation is in it. */
  readonly currency: string;
  /**
   * What the money was read in: the rule set's currency, the complaint's, and the rate used between
   * them (1, without `asOf`, when they are the same).
   */
  readonly money: MoneyConversion;
  /** Sum of the remedies' estimated costs. */
  readonly totalCost: number;
  /** What makes the customer whole (resend, refund of a loss); caps never cut it. */
  readonly restitutionCost: number;
  /** Gestures beyond the loss (gift, coupon, free month, refund of a share of the order). */
  readonly goodwillCost: number;
  readonly cap: Cap;
  readonly handling: Handling;
  /** When the customer is asked whether all is well, and the satisfaction survey after it. */
  readonly followUp: FollowUp;
  readonly rationale: readonly RationaleSentence[];
  /** The message to send the customer, for the complaint's channel, in `locale` (docs/languages.md). */
  readonly message: CustomerMessage;
  readonly trace: Trace;
  /** Present only when the complaint is part of an incident (`recommendMany` with `incidents`). */
  readonly incident?: IncidentMark;
  /**
   * Present only when the complaint is linked to an open case (`handling.mode: 'linked'`): the case,
   * what this complaint alone would have got, and what linking kept from being paid twice.
   */
  readonly case?: CaseMark;
}

/**
 * A recommendation without its words (`rationale`, `message`, and `alternatives`, each summed up in
 * words) and without its follow-up's dates: what a replay of many complaints reads, made without
 * writing text nor working out dates nobody reads. Internal; callers get a whole `Recommendation`.
 * @internal
 */
export type Decided = Omit<
  Recommendation,
  'rationale' | 'message' | 'alternatives' | 'followUp' | 'trace'
> & {
  readonly trace: DecidedTrace;
};

/**
 * A decision's trace: a replay's fired rules come without the conditions that made them fire, and
 * without the remedies the caps dropped, which it never reads (tracing the conditions was about 3% of
 * deciding; leaving out what was dropped, with its texts, took 1–3% off deciding both rule sets of a
 * replay: 11.07 → 10.95 µs a complaint by the medians, 10.90 → 10.62 by the fastest rounds). @internal
 */
type DecidedTrace = Omit<Trace, 'fired' | 'dropped'> & { readonly fired: readonly RuleFired[] };

/** A complaint that could not get a recommendation, in a batch: which one, and why. */
export interface RecommendationError {
  /** Position of the input in the batch (0-based). */
  readonly index: number;
  /** The complaint's id, when the input had a readable one. */
  readonly complaintId: string | null;
  readonly error: {
    /** The stable code of the `RedressError` behind it (`INTERNAL` for anything else). */
    readonly code: RedressErrorCode;
    readonly message: string;
    readonly path: readonly (string | number)[];
    readonly pointer: string;
  };
}
