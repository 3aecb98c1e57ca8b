import type { Complaint } from '../complaint/schema';
import type { MoneyConversion } from '../exchange/conversion';
import type { Facts } from '../facts/catalogue';
import type { Locale } from '../i18n/locale';
import { fromMinor } from '../money';
import type { Handling } from '../policy/handling';
import type { IncidentMark } from '../policy/incident-mark';
import type { HitPolicy } from '../policy/schema';
import type { CustomerMessage } from '../rationale/message';
import type { RationaleSentence } from '../rationale/sentence';
import type { Remedy } from '../remedies/catalogue';
import type { FiredRule, RuleOutcome } from '../rules/engine/evaluator';
import type { RuleSetStamp } from '../rules/stamp';
import type { SeverityScore, ValueScore } from '../scoring/score';
import type { Alternative } from './alternatives';
import type { CapStage } from './cap';
import type { FollowUp } from './follow-up';
import type { CaseMark } from './link';
import type { Decided, Recommendation } from './recommendation';
import { REDRESS_VERSION } from './version';

/** Everything a recommendation is made of. */
export interface Parts {
  readonly complaint: Complaint;
  /** The rule set's stamp, computed once per pipeline. */
  readonly stamp: RuleSetStamp;
  readonly locale: Locale;
  readonly currency: string;
  readonly money: MoneyConversion;
  readonly severity: SeverityScore;
  readonly value: ValueScore;
  readonly facts: Facts;
  readonly remedies: readonly Remedy[];
  readonly alternatives: readonly Alternative[];
  readonly capStage: CapStage;
  readonly handling: Handling;
  readonly followUp: FollowUp;
  readonly rationale: readonly RationaleSentence[];
  readonly message: CustomerMessage;
  readonly hit: HitPolicy;
  readonly fired: readonly FiredRule[];
  /** Every rule's outcome, when the trace covers all rules. */
  readonly outcomes?: readonly RuleOutcome[];
  readonly incident?: IncidentMark;
  /** Set when the complaint is linked to an open case. */
  readonly caseMark?: CaseMark;
}

/**
 * Everything a recommendation is made of but its words (the rationale, the customer message, the
 * alternatives) and its follow-up's dates: what a replay reads.
 */
export type DecidedParts = Omit<Parts, 'rationale' | 'message' | 'alternatives' | 'followUp'>;

/** The recommendation's three costs, in major units of its currency, from the capped totals. */
function costsOf(p: DecidedParts) {
  const { capped } = p.capStage;
  const money = (minor: number) => fromMinor(minor, p.currency);
  return {
    totalCost: money(capped.restitutionMinor + capped.goodwillMinor),
    restitutionCost: money(capped.restitutionMinor),
    goodwillCost: money(capped.goodwillMinor),
  };
}

/** What the rules did: the hit policy, the facts, the rules that fired and what the caps dropped. */
function traceOf(p: DecidedParts) {
  return {
    hit: p.hit,
    facts: p.facts,
    fired: p.fired,
    dropped: p.capStage.dropped,
    ...(p.outcomes ? { rules: p.outcomes } : {}),
  };
}

/** The incident and case marks, present only when the complaint has them. */
function marksOf(p: DecidedParts) {
  return { ...(p.incident ? { incident: p.incident } : {}), ...(p.caseMark ? { case: p.caseMark } : {}) };
}

/**
 * A recommendation without its words, for a replay that reads only what was decided: the same fields
 * as `assemble` makes, in the same order, but for `alternatives`, `followUp`, `rationale` and `message`.
 */
export function decided(p: DecidedParts): Decided {
  return {
    complaintId: p.complaint.id,
    ruleSet: p.stamp,
    redressVersion: REDRESS_VERSION,
    locale: p.locale,
    severity: p.severity,
    value: p.value,
    remedies: p.remedies,
    currency: p.currency,
    money: p.money,
    ...costsOf(p),
    cap: p.capStage.cap,
    handling: p.handling,
    trace: traceOf(p),
    ...marksOf(p),
  };
}

/** What "explain" adds to the decided parts: the follow-up, the alternatives' lines, the rationale and the message. */
export type Words = Pick<Parts, 'followUp' | 'alternatives' | 'rationale' | 'message'>;

/**
 * Stage "assemble": the recommendation as plain JSON, money in major units. The words come apart from
 * the decided parts rather than spread into one object with them: a spread of that many fields cost
 * more than the whole of assembling.
 */
export function assemble(p: DecidedParts, words: Words): Recommendation {
  return {
    complaintId: p.complaint.id,
    ruleSet: p.stamp,
    redressVersion: REDRESS_VERSION,
    locale: p.locale,
    severity: p.severity,
    value: p.value,
    remedies: p.remedies,
    alternatives: words.alternatives,
    currency: p.currency,
    money: p.money,
    ...costsOf(p),
    cap: p.capStage.cap,
    handling: p.handling,
    followUp: words.followUp,
    rationale: words.rationale,
    message: words.message,
    trace: traceOf(p),
    ...marksOf(p),
  };
}
