import { z } from 'zod';
import { limits } from '../input/limits';
import { fromMinor, toMinor } from '../money';
import { addDays } from '../time/utc-calendar';
import type { Materialised, NotApplicable, RemedyContext } from './context';

/**
 * A discount on a future order: a percentage or a fixed amount, valid for some days. The estimated cost
 * of a percentage coupon is that percentage of the value at stake (the customer's usual basket),
 * limited by `maxDiscount`.
 */
export const CouponSpecSchema = z
  .strictObject({
    type: z.literal('coupon'),
    percent: z.number().int().min(1).max(100).optional(),
    amount: z.number().positive().max(limits.maxMoney).optional(),
    maxDiscount: z.number().positive().max(limits.maxMoney).optional(),
    validDays: z.number().int().min(1).max(730).default(90),
  })
  .refine((c) => (c.percent === undefined) !== (c.amount === undefined), {
    message: 'a coupon needs exactly one of "percent" or "amount"',
  })
  .refine((c) => c.maxDiscount === undefined || c.percent !== undefined, {
    message: '"maxDiscount" only applies to a percentage coupon',
    path: ['maxDiscount'],
  });

/** A `coupon` as written in a rule. */
export type CouponSpec = z.output<typeof CouponSpecSchema>;

/** A concrete coupon. Exactly one of `percent` and `amount` is set. */
export interface CouponParams {
  readonly type: 'coupon';
  readonly percent: number | null;
  readonly amount: number | null;
  readonly maxDiscount: number | null;
  readonly validDays: number;
  /** When the coupon stops working: `validDays` after the complaint was received. */
  readonly expiresAt: string;
}

/** Dates the coupon and estimates what it will cost. */
export function materialiseCoupon(
  spec: CouponSpec,
  ctx: RemedyContext,
): (CouponParams & Materialised) | NotApplicable {
  const cap =
    spec.maxDiscount === undefined ? Number.POSITIVE_INFINITY : toMinor(spec.maxDiscount, ctx.currency);
  const costMinor =
    spec.amount !== undefined
      ? toMinor(spec.amount, ctx.currency)
      : Math.min(cap, Math.round((ctx.affectedValueMinor * (spec.percent ?? 0)) / 100));
  if (costMinor <= 0) return { notApplicable: 'zero_value' };
  return {
    type: 'coupon',
    kind: 'goodwill',
    percent: spec.percent ?? null,
    amount: spec.amount === undefined ? null : fromMinor(toMinor(spec.amount, ctx.currency), ctx.currency),
    maxDiscount:
      spec.maxDiscount === undefined
        ? null
        : fromMinor(toMinor(spec.maxDiscount, ctx.currency), ctx.currency),
    validDays: spec.validDays,
    expiresAt: new Date(addDays(ctx.now.getTime(), spec.validDays)).toISOString(),
    costMinor,
  };
}

/**
 * The coupon a cap leaves room for: an amount coupon worth `maxMinor`, or a percentage coupon whose
 * `maxDiscount` is lowered to it; none when that is nothing.
 */
export function reduceCoupon(spec: CouponSpec, maxMinor: number, ctx: RemedyContext): CouponSpec | undefined {
  if (maxMinor <= 0) return undefined;
  const max = fromMinor(maxMinor, ctx.currency);
  if (spec.amount !== undefined) return { ...spec, amount: max };
  return { ...spec, maxDiscount: Math.min(spec.maxDiscount ?? Number.POSITIVE_INFINITY, max) };
}
