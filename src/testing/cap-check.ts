import { utc } from '@date-fns/utc';
import { addMonths } from 'date-fns';
import { affectedUnits, affectedValue, complaintCurrency } from '../complaint/measures';
import type { Complaint } from '../complaint/schema';
import { fitsCurrency, fromMinor, toMinor } from '../money';
import type { Policy } from '../policy/schema';
import type { Recommendation } from '../recommend/recommendation';
import type { Remedy, RemedyType } from '../remedies/catalogue';
import { DAY_MS, toMs } from './instants';

/**
 * An independent check of one recommendation against its complaint and its rule set's policy, written
 * from the README ("Remedies", "Caps and handling") rather than from the code that made it:
 *
 * - totals are exact: `totalCost` is the sum of the remedies, split exactly into restitution and
 *   goodwill, and care (apology, escalation) costs nothing;
 * - the cost is within every cap: goodwill stays within `cap.goodwillLimit`, which is at most the tier
 *   limit, the severity share of the affected value, what restitution leaves under the total share, and
 *   the customer's own allowance (restitution is owed and never capped);
 * - every remedy's parameters are valid and priced as documented, with one remedy per type and one
 *   apology;
 * - a recommendation is automatic only when nothing needs a person and its cost is within
 *   `autoApproveMaxCost`; one for a person names its reasons and its queue.
 *
 * Returns one sentence per problem; empty when the recommendation holds.
 */
export function capViolations(complaint: Complaint, rec: Recommendation, policy: Policy): string[] {
  const problems: string[] = [];
  const currency = complaintCurrency(complaint);
  if (rec.currency !== currency) problems.push(`currency is ${rec.currency}, the complaint's is ${currency}`);
  const minor = (amount: number) => toMinor(amount, currency);
  const amount = (what: string, value: number) => {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || !fitsCurrency(value, currency)) {
      problems.push(`${what} is ${String(value)}, not an amount of ${currency}`);
    }
  };

  const seen = new Set<RemedyType>();
  let total = 0;
  let restitution = 0;
  let goodwill = 0;
  for (const r of rec.remedies) {
    if (seen.has(r.type)) problems.push(`more than one ${r.type}`);
    seen.add(r.type);
    amount(`the ${r.type}'s estimatedCost`, r.estimatedCost);
    const cost = minor(r.estimatedCost);
    total += cost;
    if (r.kind === 'restitution') restitution += cost;
    else if (r.kind === 'goodwill') goodwill += cost;
    else if (cost !== 0) problems.push(`the ${r.type} is care but costs ${r.estimatedCost}`);
    for (const p of remedyProblems(r, complaint, policy)) problems.push(`${r.type} (rule ${r.rule}): ${p}`);
  }
  if (!seen.has('apology')) problems.push('there is no apology');

  for (const [field, expected] of [
    ['totalCost', total],
    ['restitutionCost', restitution],
    ['goodwillCost', goodwill],
  ] as const) {
    amount(field, rec[field]);
    if (minor(rec[field]) !== expected) {
      problems.push(`${field} is ${rec[field]}, but the remedies add up to ${fromMinor(expected, currency)}`);
    }
  }

  const value = minor(affectedValue(complaint));
  const expected = {
    tierLimit: minor(policy.maxGoodwillByTier[rec.value.tier]),
    severityLimit: Math.round(value * policy.maxGoodwillShareBySeverity[rec.severity.band]),
    totalLimit: Math.round(value * policy.maxTotalShareOfValue),
  };
  for (const [field, want] of Object.entries(expected) as [keyof typeof expected, number][]) {
    if (minor(rec.cap[field]) !== want) {
      problems.push(`cap.${field} is ${rec.cap[field]}, the policy gives ${fromMinor(want, currency)}`);
    }
  }
  // Goodwill gets the smallest of its limits; restitution is owed and never capped.
  const ceiling = Math.min(
    expected.tierLimit,
    expected.severityLimit,
    Math.max(0, expected.totalLimit - restitution),
    rec.cap.customerLimit === null ? Number.POSITIVE_INFINITY : minor(rec.cap.customerLimit),
  );
  const limit = minor(rec.cap.goodwillLimit);
  if (limit > ceiling) {
    problems.push(`cap.goodwillLimit ${rec.cap.goodwillLimit} is above the smallest goodwill limit`);
  }
  if (goodwill > limit) {
    problems.push(
      `goodwill of ${fromMinor(goodwill, currency)} is over the goodwill limit of ${rec.cap.goodwillLimit}`,
    );
  }

  const h = rec.handling;
  if (h.mode === 'automatic') {
    if (h.reasons.length > 0) problems.push(`handling is automatic despite ${h.reasons.join(', ')}`);
    if (total > minor(policy.autoApproveMaxCost)) {
      problems.push(
        `handling is automatic at ${rec.totalCost}, above autoApproveMaxCost ${policy.autoApproveMaxCost}`,
      );
    }
  } else {
    if (h.reasons.length === 0) problems.push('handling goes to a person without a reason');
    if (!h.queue) problems.push('handling goes to a person without naming a queue');
  }
  if (h.respondOn !== complaint.channel)
    problems.push(`the answer goes out on ${h.respondOn}, not ${complaint.channel}`);
  return problems;
}

const isWhole = (n: number, min: number, max: number) => Number.isInteger(n) && n >= min && n <= max;

function remedyProblems(r: Remedy, complaint: Complaint, policy: Policy): string[] {
  const problems: string[] = [];
  const currency = complaintCurrency(complaint);
  const minor = (amount: number) => toMinor(amount, currency);
  const cost = minor(r.estimatedCost);
  const received = toMs(complaint.receivedAt);
  const expectKind = (kind: Remedy['kind']) => {
    if (r.kind !== kind) problems.push(`kind is ${r.kind}, expected ${kind}`);
  };
  const expectDate = (field: string, actual: string, expected: Date) => {
    if (actual !== expected.toISOString())
      problems.push(`${field} is ${actual}, expected ${expected.toISOString()}`);
  };
  switch (r.type) {
    case 'apology':
      expectKind('care');
      if (r.form !== 'standard' && r.form !== 'personal')
        problems.push(`form "${String(r.form)}" is unknown`);
      break;
    case 'escalate':
      expectKind('care');
      if (typeof r.queue !== 'string' || r.queue.trim() === '') problems.push('no queue');
      if (!['normal', 'high', 'urgent'].includes(r.urgency))
        problems.push(`urgency "${r.urgency}" is unknown`);
      if (!isWhole(r.respondWithinHours, 1, 720))
        problems.push(`respondWithinHours ${r.respondWithinHours} is out of range`);
      else expectDate('dueAt', r.dueAt, new Date(received + r.respondWithinHours * 3_600_000));
      break;
    case 'coupon': {
      expectKind('goodwill');
      if ((r.percent === null) === (r.amount === null))
        problems.push('needs exactly one of percent and amount');
      if (r.percent !== null && !isWhole(r.percent, 1, 100))
        problems.push(`percent ${r.percent} is out of range`);
      if (r.maxDiscount !== null && r.percent === null) problems.push('maxDiscount without a percent');
      if (!isWhole(r.validDays, 1, 730)) problems.push(`validDays ${r.validDays} is out of range`);
      else expectDate('expiresAt', r.expiresAt, new Date(received + r.validDays * DAY_MS));
      if (cost <= 0) problems.push('costs nothing');
      if (r.amount !== null && cost !== minor(r.amount))
        problems.push(`costs ${r.estimatedCost}, its amount is ${r.amount}`);
      if (r.percent !== null) {
        const most = Math.round((minor(affectedValue(complaint)) * r.percent) / 100);
        if (cost > most)
          problems.push(`costs ${r.estimatedCost}, more than ${r.percent}% of the value at stake`);
        if (r.maxDiscount !== null && cost > minor(r.maxDiscount))
          problems.push(`costs more than maxDiscount ${r.maxDiscount}`);
      }
      break;
    }
    case 'gift':
      expectKind('goodwill');
      if (!(r.value > 0) || minor(r.value) !== cost)
        problems.push(`value ${r.value} does not match its cost ${r.estimatedCost}`);
      break;
    case 'free_month': {
      expectKind('goodwill');
      const subscription = complaint.subscription;
      if (!subscription) {
        problems.push('there is no subscription');
        break;
      }
      if (r.plan !== subscription.plan)
        problems.push(`plan is ${r.plan}, the customer's is ${subscription.plan}`);
      if (!isWhole(r.months, 1, 12)) problems.push(`months ${r.months} is out of range`);
      else {
        expectDate('startsAt', r.startsAt, new Date(received));
        expectDate('endsAt', r.endsAt, addMonths(new Date(received), r.months, { in: utc }));
        if (cost !== r.months * minor(subscription.monthlyPrice))
          problems.push(`costs ${r.estimatedCost}, not ${r.months} × the monthly price`);
      }
      break;
    }
    case 'resend': {
      expectKind('restitution');
      if (r.shipping !== 'standard' && r.shipping !== 'express')
        problems.push(`shipping "${String(r.shipping)}" is unknown`);
      if (r.items.length === 0) problems.push('sends nothing');
      const lines = [...(complaint.order?.items ?? [])];
      let goods = 0;
      for (const item of r.items) {
        // Items are matched to order lines in order, so repeated SKUs each find their own line.
        const at = lines.findIndex((l) => l.sku === item.sku);
        const line = at >= 0 ? lines.splice(at, 1)[0] : undefined;
        if (!line) problems.push(`sends ${item.sku}, which is not in the order`);
        else if (!isWhole(item.quantity, 1, line.quantity))
          problems.push(`sends ${item.quantity} × ${item.sku} of ${line.quantity} ordered`);
        else goods += item.quantity * minor(line.unitPrice);
      }
      const shipping = r.shipping === 'express' ? policy.shippingCost.express : policy.shippingCost.standard;
      if (cost !== goods + minor(shipping))
        problems.push(`costs ${r.estimatedCost}, not the goods plus ${r.shipping} shipping`);
      break;
    }
    case 'refund': {
      expectKind(r.basis === 'order' ? 'goodwill' : 'restitution');
      if (!(r.share > 0 && r.share <= 1)) problems.push(`share ${r.share} is out of range`);
      if (!(r.amount > 0) || minor(r.amount) !== cost)
        problems.push(`amount ${r.amount} does not match its cost ${r.estimatedCost}`);
      const base =
        r.basis === 'overcharge'
          ? minor(complaint.order?.overcharge ?? 0)
          : r.basis === 'affected_items'
            ? affectedUnits(complaint).reduce((s, u) => s + u.quantity * minor(u.unitPrice), 0)
            : minor(affectedValue(complaint));
      const owed = Math.round(base * r.share);
      // Restitution is paid in full; a goodwill refund may be less, never more.
      if (r.kind === 'restitution' ? cost !== owed : cost > owed) {
        problems.push(
          `refunds ${r.estimatedCost}, but ${r.share} of the ${r.basis.replace('_', ' ')} is ${fromMinor(owed, currency)}`,
        );
      }
      break;
    }
    default: {
      const unhandled: never = r;
      problems.push(`unknown remedy ${JSON.stringify(unhandled)}`);
    }
  }
  return problems;
}
