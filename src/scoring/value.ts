import { complaintCurrency, daysSinceLastOrder, type Measures, tenureMonths } from '../complaint/measures';
import type { Complaint } from '../complaint/schema';
import { defaultScoring, type ValueScoring } from './config';
import { FactorList } from './factor-list';
import { levelFor, VALUE_TIERS, type ValueFactorCode, type ValueScore } from './score';

/**
 * Scores how much the customer relationship is worth, 0–100, with a tier and its factors. The lifetime
 * spend is `customer.lifetimeSpend` in the complaint's currency, or `lifetimeSpend` when given: the
 * same spend in the rule set's currency, which the spend weights are in. The `lifetimeSpend` factor's
 * `amount` and `currency` are the customer's own figure; when it was converted, `ruleSetAmount` and
 * `ruleSetCurrency` are the figure the points were read from.
 * Value may only ever add generosity to a remedy; the rules and the fairness kit hold it to that.
 */
export function scoreCustomerValue(
  complaint: Complaint,
  scoring: ValueScoring = defaultScoring.value,
  lifetimeSpend?: { readonly amount: number; readonly currency: string },
): ValueScore {
  return customerValueOf(complaint, scoring, lifetimeSpend, true);
}

/**
 * `scoreCustomerValue`; with `words` false, its factors' reasons are left empty (a replay's); `measures`,
 * the complaint's own when its caller has them already. @internal
 */
export function customerValueOf(
  complaint: Complaint,
  scoring: ValueScoring,
  lifetimeSpend: { readonly amount: number; readonly currency: string } | undefined,
  words: boolean,
  measures?: Measures,
): ValueScore {
  const w = scoring.weights;
  const c = complaint.customer;
  const factors = new FactorList<ValueFactorCode>(words);

  const months = measures ? measures.tenureMonths : tenureMonths(complaint);
  factors.add('tenure', Math.min(months * w.perTenureMonth, w.maxTenurePoints), { months });

  // The spend weights are in the rule set's currency: the spend is read in it when it is given. The
  // factor names the customer's own figure, in the complaint's currency as every amount the agent reads
  // is, and the figure the points were read from when it was converted.
  const currency = complaintCurrency(complaint);
  const spend = lifetimeSpend?.amount ?? c.lifetimeSpend;
  const converted = lifetimeSpend !== undefined && lifetimeSpend.currency !== currency;
  factors.add('lifetimeSpend', Math.min(Math.log10(spend + 1) * w.spendPerDecade, w.maxSpendPoints), {
    amount: c.lifetimeSpend,
    currency,
    ...(converted ? { ruleSetAmount: spend, ruleSetCurrency: lifetimeSpend.currency } : {}),
  });
  factors.add('orders', Math.min(c.orderCount * w.perOrder, w.maxOrderPoints), { orders: c.orderCount });

  const sinceLast = measures ? measures.daysSinceLastOrder : daysSinceLastOrder(complaint);
  if (sinceLast !== undefined && sinceLast <= w.recentOrderDays) {
    factors.add('recentOrder', w.recentOrderPoints, { days: w.recentOrderDays });
  }

  if (complaint.subscription) {
    factors.add('subscriber', w.subscriber, { plan: complaint.subscription.plan });
  }

  const { score, factors: all } = factors.capped();
  return { score, tier: levelFor(score, 'standard', scoring.tiers, VALUE_TIERS), factors: all };
}
