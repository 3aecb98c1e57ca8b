import { z } from 'zod';
import { toMinor } from '../money';
import { isoInstant } from '../time/format-instant';
import { addMonths } from '../time/utc-calendar';
import { dateProblems, isWhole, kindProblems } from './check';
import type { RemedyContext } from './context';
import { defineRemedy, type Given, type MaterialiseResult, type RemedyCheckContext } from './definition';

/** Months of the customer's subscription for free: a service credit for a service that failed. */
export const FreeMonthSpecSchema = z.strictObject({
  type: z.literal('free_month'),
  months: z.number().int().min(1).max(12).default(1),
});

/** A `free_month` as written in a rule. */
export type FreeMonthSpec = z.output<typeof FreeMonthSpecSchema>;

/** A concrete free period. */
export interface FreeMonthParams {
  readonly type: 'free_month';
  readonly plan: string;
  readonly months: number;
  /** The free period starts when the complaint was received… */
  readonly startsAt: string;
  /** …and ends `months` calendar months later. */
  readonly endsAt: string;
}

/** Dates the free period; it costs the subscription's price for each month. */
function materialiseFreeMonth(spec: FreeMonthSpec, ctx: RemedyContext): MaterialiseResult<FreeMonthParams> {
  const subscription = ctx.complaint.subscription;
  if (!subscription) return { notApplicable: 'no_subscription' };
  return {
    type: 'free_month',
    plan: subscription.plan,
    months: spec.months,
    startsAt: isoInstant(ctx.now.getTime()),
    endsAt: isoInstant(addMonths(ctx.now.getTime(), spec.months)),
    costMinor: spec.months * toMinor(subscription.monthlyPrice, ctx.currency),
  };
}

/** The whole free months a cap leaves room for; none when not even one fits. */
function reduceFreeMonth(
  spec: FreeMonthSpec,
  maxMinor: number,
  ctx: RemedyContext,
): FreeMonthSpec | undefined {
  const monthly = toMinor(ctx.complaint.subscription?.monthlyPrice ?? 0, ctx.currency);
  const months = monthly > 0 ? Math.min(spec.months, Math.floor(maxMinor / monthly)) : spec.months;
  return months >= 1 ? { ...spec, months } : undefined;
}

/** The customer's own plan, from the complaint on, each month at the subscription's price. */
function freeMonthProblems(r: Given<FreeMonthParams>, ctx: RemedyCheckContext): string[] {
  const subscription = ctx.complaint.subscription;
  if (!subscription) return ['there is no subscription'];
  const problems: string[] = [];
  if (r.plan !== subscription.plan)
    problems.push(`plan is ${r.plan}, the customer's is ${subscription.plan}`);
  if (!isWhole(r.months, 1, 12)) return [...problems, `months ${r.months} is out of range`];
  const received = new Date(ctx.receivedMs);
  problems.push(...dateProblems('startsAt', r.startsAt, received));
  problems.push(...dateProblems('endsAt', r.endsAt, new Date(addMonths(received.getTime(), r.months))));
  if (ctx.minor(r.estimatedCost) !== r.months * ctx.minor(subscription.monthlyPrice))
    problems.push(`costs ${r.estimatedCost}, not ${r.months} × the monthly price`);
  return problems;
}

/** A free month is goodwill: a cap gives fewer whole months. */
export const freeMonth = defineRemedy({
  type: 'free_month',
  schema: FreeMonthSpecSchema,
  kind: () => 'goodwill',
  materialise: materialiseFreeMonth,
  goodwill: {
    reduce: reduceFreeMonth,
    // Whole months, rounded down (at most 12): 1 month stays 1 below a multiplier of 2; 2 × 1.5 is 3.
    scale: (spec, hundredths) => ({
      ...spec,
      months: Math.min(12, Math.floor((spec.months * hundredths) / 100)),
    }),
    // It costs the monthly price whatever the order was worth, unless the value at stake is that price.
    cost: (spec, basis) =>
      basis.valueIsMonthly ? [{ a: spec.months, b: 0 }] : [{ a: 0, b: spec.months * basis.monthlyPrice }],
  },
  texts: {
    en: {
      'remedy.free_month': 'free month',
      'offer.free_month.one': 'We will add a free month to {subject}, from {startsAt} to {endsAt}.',
      'offer.free_month.other': 'We will add {months} free months to {subject}, from {startsAt} to {endsAt}.',
    },
    tr: {
      'remedy.free_month': 'ücretsiz ay',
      'offer.free_month.other':
        '{subject} için {startsAt} ile {endsAt} arasında geçerli {months} aylık ücretsiz kullanım hakkı tanımlayacağız.',
    },
    fa: {
      'remedy.free_month': 'ماه رایگان',
      'offer.free_month.other':
        'برای جبران، {months} ماه استفادهٔ رایگان (از {startsAt} تا {endsAt}) به {subject} اضافه می‌کنیم.',
    },
  },
  offer: (remedy, say, r, { subject }) =>
    say(
      'offer.free_month',
      {
        months: r.count(remedy.months),
        subject,
        startsAt: r.date(remedy.startsAt),
        endsAt: r.date(remedy.endsAt),
      },
      remedy.months,
    ),
  label: (remedy) => `free month ×${remedy.months}`,
  check: (remedy, ctx) => [...kindProblems(remedy.kind, 'goodwill'), ...freeMonthProblems(remedy, ctx)],
  shapes: [{ optional: { months: { integer: [1, 12] } } }],
});
