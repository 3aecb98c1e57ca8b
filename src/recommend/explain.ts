import type { Complaint } from '../complaint/schema';
import type { Conversion } from '../exchange/conversion';
import type { CurrencyDisplay, Locale } from '../i18n/locale';
import { rendererOf } from '../i18n/renderer';
import { fromMinor } from '../money';
import type { Handling } from '../policy/handling';
import type { IncidentMark } from '../policy/incident-mark';
import type { Policy } from '../policy/schema';
import type { ChoiceInput } from '../rationale/choices';
import { composeRationale } from '../rationale/compose';
import type { RationaleSentence } from '../rationale/sentence';
import type { Remedy } from '../remedies/catalogue';
import type { FiredRule } from '../rules/engine/evaluator';
import type { Rule } from '../rules/ruleset';
import type { SeverityScore, ValueScore } from '../scoring/score';
import type { CapStage } from './cap';
import { timeZoneOf } from './follow-up';

/** What the rationale is written from. */
export interface Explained {
  readonly complaint: Complaint;
  /** `daysLate(complaint)`, which the facts hold already. */
  readonly daysLate: number;
  /** How the complaint's money was read in the rule set's currency. */
  readonly conversion: Conversion;
  readonly currency: string;
  readonly locale: Locale;
  readonly policy: Policy;
  readonly rules: ReadonlyMap<string, Rule>;
  readonly severity: SeverityScore;
  readonly value: ValueScore;
  readonly remedies: readonly Remedy[];
  readonly fired: readonly FiredRule[];
  readonly capStage: CapStage;
  readonly handling: Handling;
  readonly totalCost: number;
  readonly restitutionCost: number;
  readonly checkSatisfactionAt: string;
  /** How amounts are shown, where not as `Intl` prints them (rials in toman). */
  readonly currencyDisplay?: CurrencyDisplay | undefined;
  readonly incident?: IncidentMark;
  /** The other acceptable remedy sets and the customer's preference. */
  readonly choice?: ChoiceInput;
  /** The tier's goodwill multiplier in hundredths (150), when it raised some goodwill. */
  readonly goodwillRaisedBy?: number;
}

/** Stage "explain": the rationale, for the customer and for the agent, in the recommendation's locale. */
export function explain(e: Explained): RationaleSentence[] {
  const { complaint, currency, policy, capStage, conversion } = e;
  // The rule set's amounts the rationale names, in the complaint's currency.
  const inCurrency = (amount: number) => conversion.toComplaint(amount);
  const perCustomer = policy.perCustomer;
  const used = capStage.used;
  return composeRationale(rendererOf(e.locale, timeZoneOf(complaint, e.locale)), {
    complaint,
    daysLate: e.daysLate,
    currency,
    severity: e.severity,
    value: e.value,
    remedies: e.remedies,
    dropped: capStage.dropped(),
    fired: e.fired,
    rules: e.rules,
    handling: e.handling,
    totalCost: e.totalCost,
    cap: capStage.cap,
    severityShare: policy.maxGoodwillShareBySeverity[e.severity.band],
    totalShare: policy.maxTotalShareOfValue,
    restitutionCost: e.restitutionCost,
    perCustomer:
      perCustomer && used
        ? {
            windowDays: perCustomer.windowDays,
            used: fromMinor(used.amountMinor, currency),
            count: used.count,
            maxGoodwill: perCustomer.maxGoodwill === undefined ? null : inCurrency(perCustomer.maxGoodwill),
            maxCount: perCustomer.maxCount ?? null,
          }
        : null,
    autoApproveMaxCost: inCurrency(policy.autoApproveMaxCost),
    publicReachThreshold: policy.publicReachThreshold,
    conversion: conversion.converted ? conversion.used : null,
    checkSatisfactionAt: e.checkSatisfactionAt,
    currencyDisplay: e.currencyDisplay,
    queues: policy.queues,
    incident: e.incident,
    choice: e.choice,
    goodwillRaisedBy: e.goodwillRaisedBy,
  });
}
