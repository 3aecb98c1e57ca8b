import { z } from 'zod';
import { affectedValue } from '../complaint/measures';
import { limits } from '../input/limits';
import { fromMinor, scaleMinorDown, toMinor } from '../money';
import { isoInstant } from '../time/format-instant';
import { addDays, DAY_MS } from '../time/utc-calendar';
import { dateProblems, isWhole, kindProblems } from './check';
import type { RemedyContext } from './context';
import { defineRemedy, type Given, type MaterialiseResult, type RemedyCheckContext } from './definition';

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
function materialiseCoupon(spec: CouponSpec, ctx: RemedyContext): MaterialiseResult<CouponParams> {
  const cap =
    spec.maxDiscount === undefined ? Number.POSITIVE_INFINITY : toMinor(spec.maxDiscount, ctx.currency);
  const costMinor =
    spec.amount !== undefined
      ? toMinor(spec.amount, ctx.currency)
      : Math.min(cap, Math.round((ctx.affectedValueMinor * (spec.percent ?? 0)) / 100));
  if (costMinor <= 0) return { notApplicable: 'zero_value' };
  return {
    type: 'coupon',
    percent: spec.percent ?? null,
    amount: spec.amount === undefined ? null : fromMinor(toMinor(spec.amount, ctx.currency), ctx.currency),
    maxDiscount:
      spec.maxDiscount === undefined
        ? null
        : fromMinor(toMinor(spec.maxDiscount, ctx.currency), ctx.currency),
    validDays: spec.validDays,
    expiresAt: isoInstant(addDays(ctx.now.getTime(), spec.validDays)),
    costMinor,
  };
}

/**
 * The coupon a cap leaves room for: an amount coupon worth `maxMinor`, or a percentage coupon whose
 * `maxDiscount` is lowered to it; none when that is nothing.
 */
function reduceCoupon(spec: CouponSpec, maxMinor: number, ctx: RemedyContext): CouponSpec | undefined {
  if (maxMinor <= 0) return undefined;
  const max = fromMinor(maxMinor, ctx.currency);
  if (spec.amount !== undefined) return { ...spec, amount: max };
  return { ...spec, maxDiscount: Math.min(spec.maxDiscount ?? Number.POSITIVE_INFINITY, max) };
}

/** The coupon's parameters as the docs give them. */
function couponProblems(r: CouponParams, ctx: RemedyCheckContext): string[] {
  const problems: string[] = [];
  if ((r.percent === null) === (r.amount === null)) problems.push('needs exactly one of percent and amount');
  if (r.percent !== null && !isWhole(r.percent, 1, 100))
    problems.push(`percent ${r.percent} is out of range`);
  if (r.maxDiscount !== null && r.percent === null) problems.push('maxDiscount without a percent');
  if (!isWhole(r.validDays, 1, 730)) problems.push(`validDays ${r.validDays} is out of range`);
  else
    problems.push(...dateProblems('expiresAt', r.expiresAt, new Date(ctx.receivedMs + r.validDays * DAY_MS)));
  return problems;
}

/** What the coupon costs, as the docs say: its amount, or its percentage of the value at stake at most. */
function couponCostProblems(r: Given<CouponParams>, ctx: RemedyCheckContext): string[] {
  const problems: string[] = [];
  const cost = ctx.minor(r.estimatedCost);
  if (cost <= 0) problems.push('costs nothing');
  if (r.amount !== null && cost !== ctx.minor(r.amount))
    problems.push(`costs ${r.estimatedCost}, its amount is ${r.amount}`);
  if (r.percent !== null) {
    const most = Math.round((ctx.minor(affectedValue(ctx.complaint)) * r.percent) / 100);
    if (cost > most) problems.push(`costs ${r.estimatedCost}, more than ${r.percent}% of the value at stake`);
    if (r.maxDiscount !== null && cost > ctx.minor(r.maxDiscount))
      problems.push(`costs more than maxDiscount ${r.maxDiscount}`);
  }
  return problems;
}

/**
 * A coupon `hundredths`/100 times as large: its amount, or its percentage (whole, rounded down, at most
 * 100) and maximum discount, each times the multiplier, amounts rounded down to the minor unit.
 */
function scaleCoupon(spec: CouponSpec, hundredths: number, ctx: RemedyContext): CouponSpec {
  const times = (amount: number) =>
    fromMinor(scaleMinorDown(toMinor(amount, ctx.currency), hundredths), ctx.currency);
  if (spec.amount !== undefined) return { ...spec, amount: times(spec.amount) };
  const percent = Math.min(100, Math.floor(((spec.percent ?? 0) * hundredths) / 100));
  return {
    ...spec,
    percent,
    ...(spec.maxDiscount === undefined ? {} : { maxDiscount: times(spec.maxDiscount) }),
  };
}

/** A coupon is goodwill: a cap lowers its amount or its maximum discount. */
export const coupon = defineRemedy({
  type: 'coupon',
  schema: CouponSpecSchema,
  kind: () => 'goodwill',
  materialise: materialiseCoupon,
  money: { amount: 'amount', maxDiscount: 'limit' },
  goodwill: {
    reduce: reduceCoupon,
    scale: scaleCoupon,
    cost: (spec) =>
      spec.amount !== undefined
        ? [{ a: 0, b: spec.amount }]
        : [
            { a: (spec.percent ?? 0) / 100, b: 0 },
            ...(spec.maxDiscount === undefined ? [] : [{ a: 0, b: spec.maxDiscount }]),
          ],
  },
  texts: {
    en: {
      'remedy.coupon': 'coupon',
      'offer.coupon.percent':
        'We will send you {percent} discount coupon for your next order, valid until {expiresAt}.',
      'offer.coupon.percentCapped':
        'We will send you {percent} discount coupon for your next order, worth up to {max} and valid until {expiresAt}.',
      'offer.coupon.amount':
        'We will send you a coupon worth {amount} for your next order, valid until {expiresAt}.',
      'offer.coupon.invoicePercent': 'We will take {percent} off your next invoice.',
      'offer.coupon.invoicePercentCapped': 'We will take {percent} off your next invoice, up to {max}.',
      'offer.coupon.invoiceAmount': 'We will take {amount} off your next invoice.',
    },
    tr: {
      'remedy.coupon': 'kupon',
      'offer.coupon.percent':
        'Bir sonraki siparişinizde kullanabileceğiniz, {expiresAt} tarihine kadar geçerli {percent} bir indirim kuponu tanımlayacağız.',
      'offer.coupon.percentCapped':
        'Bir sonraki siparişinizde kullanabileceğiniz, {expiresAt} tarihine kadar geçerli {percent} bir indirim kuponu tanımlayacağız (indirim tutarı en fazla {max}).',
      'offer.coupon.amount':
        'Bir sonraki siparişinizde kullanabileceğiniz, {expiresAt} tarihine kadar geçerli {amount} değerinde bir indirim kuponu tanımlayacağız.',
      'offer.coupon.invoicePercent': 'Bir sonraki faturanıza {percent} bir indirim yansıtılacak.',
      'offer.coupon.invoicePercentCapped':
        'Bir sonraki faturanıza en fazla {max} olmak üzere {percent} bir indirim yansıtılacak.',
      'offer.coupon.invoiceAmount': 'Bir sonraki faturanızdan {amount} düşeceğiz.',
    },
    fa: {
      'remedy.coupon': 'کد تخفیف',
      'offer.coupon.percent':
        'یک کد تخفیف {percent} برای سفارش بعدی شما در نظر گرفته‌ایم که تا {expiresAt} اعتبار دارد.',
      'offer.coupon.percentCapped':
        'یک کد تخفیف {percent} (تا سقف {max}) برای سفارش بعدی شما در نظر گرفته‌ایم که تا {expiresAt} اعتبار دارد.',
      'offer.coupon.amount':
        'یک کد تخفیف به ارزش {amount} برای سفارش بعدی شما در نظر گرفته‌ایم که تا {expiresAt} اعتبار دارد.',
      'offer.coupon.invoicePercent': 'روی صورت‌حساب بعدی شما {percent} تخفیف اعمال می‌شود.',
      'offer.coupon.invoicePercentCapped':
        'روی صورت‌حساب بعدی شما {percent} تخفیف (تا سقف {max}) اعمال می‌شود.',
      'offer.coupon.invoiceAmount': 'مبلغ {amount} از صورت‌حساب بعدی شما کسر می‌شود.',
    },
  },
  offer: (remedy, say, r, { money, subscription }) => {
    // A subscriber's money off goes on the next invoice; a percentage always says its cap, if it has one.
    const expiresAt = r.date(remedy.expiresAt);
    if (remedy.percent === null) {
      const amount = money(remedy.amount ?? 0);
      return subscription
        ? say('offer.coupon.invoiceAmount', { amount })
        : say('offer.coupon.amount', { amount, expiresAt });
    }
    // "%10'luk bir indirim kuponu": the percentage qualifies the coupon, with Turkish's suffix; English
    // writes its article with it ("an 11% discount coupon"), but takes a bare "11%" off an invoice.
    const percent = r.percentModifier(remedy.percent);
    const coupon = r.percentWithArticle(remedy.percent);
    if (remedy.maxDiscount === null) {
      return subscription
        ? say('offer.coupon.invoicePercent', { percent })
        : say('offer.coupon.percent', { percent: coupon, expiresAt });
    }
    const max = money(remedy.maxDiscount);
    return subscription
      ? say('offer.coupon.invoicePercentCapped', { percent, max })
      : say('offer.coupon.percentCapped', { percent: coupon, max, expiresAt });
  },
  label: (remedy, money) =>
    remedy.percent !== null ? `coupon ${remedy.percent}%` : `coupon ${money(remedy.estimatedCost)}`,
  check: (remedy, ctx) => [
    ...kindProblems(remedy.kind, 'goodwill'),
    ...couponProblems(remedy, ctx),
    ...couponCostProblems(remedy, ctx),
  ],
  shapes: [
    {
      required: { percent: { integer: [1, 100] } },
      optional: { maxDiscount: { amount: [0.01, 500] }, validDays: { integer: [1, 730] } },
    },
    { required: { amount: { amount: [0.01, 500] } }, optional: { validDays: { integer: [1, 730] } } },
  ],
});
