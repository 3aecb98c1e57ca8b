import { utc } from '@date-fns/utc';
import { addMonths } from 'date-fns';
import { z } from 'zod';
import { toMinor } from '../money';
import type { Materialised, NotApplicable, RemedyContext } from './context';

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
export function materialiseFreeMonth(
  spec: FreeMonthSpec,
  ctx: RemedyContext,
): (FreeMonthParams & Materialised) | NotApplicable {
  const subscription = ctx.complaint.subscription;
  if (!subscription) return { notApplicable: 'no_subscription' };
  return {
    type: 'free_month',
    kind: 'goodwill',
    plan: subscription.plan,
    months: spec.months,
    startsAt: ctx.now.toISOString(),
    endsAt: addMonths(ctx.now, spec.months, { in: utc }).toISOString(),
    costMinor: spec.months * toMinor(subscription.monthlyPrice, ctx.currency),
  };
}

/** The whole free months a cap leaves room for; none when not even one fits. */
export function reduceFreeMonth(
  spec: FreeMonthSpec,
  maxMinor: number,
  ctx: RemedyContext,
): FreeMonthSpec | undefined {
  const monthly = toMinor(ctx.complaint.subscription?.monthlyPrice ?? 0, ctx.currency);
  const months = monthly > 0 ? Math.min(spec.months, Math.floor(maxMinor / monthly)) : spec.months;
  return months >= 1 ? { ...spec, months } : undefined;
}
