import { daysLate } from '../complaint/measures';
import type { Complaint } from '../complaint/schema';
import type { Locale } from '../i18n/locale';
import { rendererOf } from '../i18n/renderer';
import { fromMinor } from '../money';
import type { Handling } from '../policy/handling';
import type { Policy } from '../policy/schema';
import { composeRationale } from '../rationale/compose';
import type { RationaleSentence } from '../rationale/sentence';
import type { Remedy } from '../remedies/catalogue';
import type { FiredRule } from '../rules/engine/evaluator';
import type { Rule } from '../rules/ruleset';
import type { SeverityScore, ValueScore } from '../scoring/score';
import type { CapStage } from './cap';
import type { IncidentRun } from './select';

/** What the rationale is written from. */
export interface Explained {
  readonly complaint: Complaint;
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
  readonly incident?: IncidentRun;
}

/** Stage "explain": the rationale, for the customer and for the agent, in the recommendation's locale. */
export function explain(e: Explained): RationaleSentence[] {
  const { complaint, currency, policy, capStage } = e;
  const perCustomer = policy.perCustomer;
  const used = capStage.used;
  return composeRationale(rendererOf(e.locale), {
    complaint,
    daysLate: daysLate(complaint),
    currency,
    severity: e.severity,
    value: e.value,
    remedies: e.remedies,
    dropped: capStage.dropped,
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
            maxGoodwill: perCustomer.maxGoodwill ?? null,
            maxCount: perCustomer.maxCount ?? null,
          }
        : null,
    autoApproveMaxCost: policy.autoApproveMaxCost,
    checkSatisfactionAt: e.checkSatisfactionAt,
    ...(e.incident ? { incident: e.incident.mark } : {}),
  });
}
