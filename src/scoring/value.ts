import { complaintCurrency, daysSinceLastOrder, tenureMonths } from '../complaint/measures';
import type { Complaint } from '../complaint/schema';
import { defaultScoring, type ValueScoring } from './config';
import { FactorList } from './factor-list';
import { levelFor, VALUE_TIERS, type ValueFactorCode, type ValueScore } from './score';

/**
 * Scores how much the customer relationship is worth, 0–100, with a tier and its factors. The lifetime
 * spend is `customer.lifetimeSpend` in the complaint's currency, or `lifetimeSpend` when given: the
 * same spend in the rule set's currency, which the spend weights are in.
 * Value may only ever add generosity to a remedy; the rules and the fairness kit hold it to that.
 */
export function scoreCustomerValue(
  complaint: Complaint,
  scoring: ValueScoring = defaultScoring.value,
  lifetimeSpend?: { readonly amount: number; readonly currency: string },
): ValueScore {
  const w = scoring.weights;
  const c = complaint.customer;
  const factors = new FactorList<ValueFactorCode>();

  const months = tenureMonths(complaint);
  factors.add('tenure', Math.min(months * w.perTenureMonth, w.maxTenurePoints), { months });

  // The spend weights are in the rule set's currency: the spend is read in it when it is given.
  const currency = lifetimeSpend?.currency ?? complaintCurrency(complaint);
  const spend = lifetimeSpend?.amount ?? c.lifetimeSpend;
  factors.add('lifetimeSpend', Math.min(Math.log10(spend + 1) * w.spendPerDecade, w.maxSpendPoints), {
    amount: spend,
    currency,
  });
  factors.add('orders', Math.min(c.orderCount * w.perOrder, w.maxOrderPoints), { orders: c.orderCount });

  const sinceLast = daysSinceLastOrder(complaint);
  if (sinceLast !== undefined && sinceLast <= w.recentOrderDays) {
    factors.add('recentOrder', w.recentOrderPoints, { days: w.recentOrderDays });
  }

  if (complaint.subscription) {
    factors.add('subscriber', w.subscriber, { plan: complaint.subscription.plan });
  }

  const { score, factors: all } = factors.capped();
  return { score, tier: levelFor(score, 'standard', scoring.tiers, VALUE_TIERS), factors: all };
}
