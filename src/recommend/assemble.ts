import type { Complaint } from '../complaint/schema';
import type { MoneyConversion } from '../exchange/conversion';
import type { Facts } from '../facts/catalogue';
import type { Locale } from '../i18n/locale';
import { fromMinor } from '../money';
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
import type { CapStage } from './cap';
import type { FollowUp } from './follow-up';
import type { CaseMark } from './link';
import type { Decided, Recommendation, Trace } from './recommendation';
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
export type DecidedParts<F extends RuleFired = FiredRule> = Omit<
  Parts,
  'rationale' | 'message' | 'alternatives' | 'followUp' | 'fired'
> & {
  /** The rules that fired: with the conditions that made them fire, but in a replay's decision. */
  readonly fired: readonly F[];
};

// The fields are written out in each literal rather than spread in from a helper's object: a spread in
// a literal is a slow copy on V8, several a recommendation. An optional field comes last, so it is added
// after the literal, in the same order.

/** A trace whose fired rules are `F`, with what the caps dropped when it was asked for. */
type TraceOf<F extends RuleFired> = Omit<Trace, 'fired' | 'dropped'> & {
  readonly fired: readonly F[];
  readonly dropped?: readonly DroppedRemedy[];
};

/**
 * What the rules did: the hit policy, the facts, the rules that fired, what the caps dropped when given
 * (a replay's trace leaves it out: `Decided`), and every rule's outcome when traced, in that order.
 */
function decidedTrace<F extends RuleFired>(p: DecidedParts<F>): TraceOf<F>;
function decidedTrace<F extends RuleFired>(
  p: DecidedParts<F>,
  dropped: readonly DroppedRemedy[],
): TraceOf<F> & Pick<Trace, 'dropped'>;
function decidedTrace<F extends RuleFired>(
  p: DecidedParts<F>,
  dropped?: readonly DroppedRemedy[],
): TraceOf<F> {
  const trace: { -readonly [K in keyof TraceOf<F>]: TraceOf<F>[K] } = {
    hit: p.hit,
    facts: p.facts,
    fired: p.fired,
  };
  if (dropped) trace.dropped = dropped;
  if (p.outcomes) trace.rules = p.outcomes;
  return trace;
}

/** A recommendation's trace: `decidedTrace` with what the caps dropped. */
function traceOf(p: DecidedParts): Trace {
  return decidedTrace(p, p.capStage.dropped());
}

/** The incident and case marks, added to `out` only when the complaint has them. */
function withMarks<T extends Decided>(out: T, p: DecidedParts<RuleFired>): T {
  const marked = out as { -readonly [K in keyof Decided]: Decided[K] };
  if (p.incident) marked.incident = p.incident;
  if (p.caseMark) marked.case = p.caseMark;
  return out;
}

/**
 * A recommendation without its words, for a replay that reads only what was decided: the same fields
 * as `assemble` makes, in the same order, but for `alternatives`, `followUp`, `rationale` and `message`.
 */
export function decided(p: DecidedParts<RuleFired>): Decided {
  const { capped } = p.capStage;
  return withMarks(
    {
      complaintId: p.complaint.id,
      ruleSet: p.stamp,
      redressVersion: REDRESS_VERSION,
      locale: p.locale,
      severity: p.severity,
      value: p.value,
      remedies: p.remedies,
      currency: p.currency,
      money: p.money,
      totalCost: fromMinor(capped.restitutionMinor + capped.goodwillMinor, p.currency),
      restitutionCost: fromMinor(capped.restitutionMinor, p.currency),
      goodwillCost: fromMinor(capped.goodwillMinor, p.currency),
      cap: p.capStage.cap,
      handling: p.handling,
      trace: decidedTrace(p),
    },
    p,
  );
}

/** What "explain" adds to the decided parts: the follow-up, the alternatives' lines, the rationale and the message. */
export type Words = Pick<Parts, 'followUp' | 'alternatives' | 'rationale' | 'message'>;

/**
 * Stage "assemble": the recommendation as plain JSON, money in major units. The words come apart from
 * the decided parts rather than spread into one object with them: a spread of that many fields cost
 * more than the whole of assembling.
 */
export function assemble(p: DecidedParts, words: Words): Recommendation {
  const { capped } = p.capStage;
  return withMarks(
    {
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
      totalCost: fromMinor(capped.restitutionMinor + capped.goodwillMinor, p.currency),
      restitutionCost: fromMinor(capped.restitutionMinor, p.currency),
      goodwillCost: fromMinor(capped.goodwillMinor, p.currency),
      cap: p.capStage.cap,
      handling: p.handling,
      followUp: words.followUp,
      rationale: words.rationale,
      message: words.message,
      trace: traceOf(p),
    },
    p,
  );
}
