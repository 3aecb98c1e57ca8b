import { z } from 'zod';
import { fromMinor } from '../money';
import { isoInstant } from '../time/format-instant';
import { addDays, DAY_MS } from '../time/utc-calendar';
import { dateProblems, isWhole, kindProblems } from './check';
import type { RemedyContext } from './context';
import { defineRemedy, type Given, type MaterialiseResult, type RemedyCheckContext } from './definition';
import { checkedBaseMinor, refundBaseMinor } from './refund';
import {
  maxNeedsShare,
  scaleValueOrShare,
  valueOrShareCost,
  valueOrShareFields,
  valueOrShareMinor,
} from './value-or-share';

/** The refunds a store credit can stand in for: it is then worth exactly what that refund would be. */
export const CREDIT_REPLACES = ['overcharge', 'affected_items', 'undelivered'] as const;

/**
 * Credit in the shop's own money, to spend on any order until it expires: what many shops give instead
 * of cash. In place of a refund (`replaces`: the overcharge, the affected items or an undelivered
 * order) it is worth that refund in full and is restitution; otherwise it is a gesture (goodwill) of a
 * fixed `value` or a `shareOfOrder` with an optional `max`, and caps lower it.
 */
export const StoreCreditSpecSchema = z
  .strictObject({
    type: z.literal('store_credit'),
    ...valueOrShareFields,
    replaces: z.enum(CREDIT_REPLACES).optional(),
    validDays: z.number().int().min(1).max(730).default(365),
  })
  .refine((s) => [s.value, s.shareOfOrder, s.replaces].filter((x) => x !== undefined).length === 1, {
    message: 'a store credit needs exactly one of "value", "shareOfOrder" or "replaces"',
  })
  .refine(...maxNeedsShare);

/** A `store_credit` as written in a rule. */
export type StoreCreditSpec = z.output<typeof StoreCreditSpecSchema>;

/** A concrete store credit. */
export interface StoreCreditParams {
  readonly type: 'store_credit';
  /** What the credit is worth, in the complaint's currency. */
  readonly amount: number;
  /** The refund it stands in for (restitution), or null for a gesture (goodwill). */
  readonly replaces: (typeof CREDIT_REPLACES)[number] | null;
  readonly validDays: number;
  /** When the credit expires: `validDays` after the complaint was received. */
  readonly expiresAt: string;
}

function creditMinor(spec: StoreCreditSpec, ctx: RemedyContext): number {
  return spec.replaces !== undefined ? refundBaseMinor(spec.replaces, ctx) : valueOrShareMinor(spec, ctx);
}

/** Works out the credit's amount and expiry. */
function materialiseStoreCredit(
  spec: StoreCreditSpec,
  ctx: RemedyContext,
): MaterialiseResult<StoreCreditParams> {
  const minor = creditMinor(spec, ctx);
  if (minor <= 0) return { notApplicable: spec.replaces ? 'nothing_to_refund' : 'zero_value' };
  return {
    type: 'store_credit',
    amount: fromMinor(minor, ctx.currency),
    replaces: spec.replaces ?? null,
    validDays: spec.validDays,
    expiresAt: isoInstant(addDays(ctx.now.getTime(), spec.validDays)),
    costMinor: minor,
  };
}

/** The credit a cap leaves room for: worth exactly `maxMinor`, or none when that is nothing. */
function reduceStoreCredit(
  spec: StoreCreditSpec,
  maxMinor: number,
  ctx: RemedyContext,
): StoreCreditSpec | undefined {
  if (maxMinor <= 0) return undefined;
  return { type: 'store_credit', value: fromMinor(maxMinor, ctx.currency), validDays: spec.validDays };
}

/** Worth its cost; in place of a refund, exactly that refund; dated as the docs say. */
function creditProblems(r: Given<StoreCreditParams>, ctx: RemedyCheckContext): string[] {
  const problems: string[] = [];
  const cost = ctx.minor(r.estimatedCost);
  if (!(r.amount > 0) || ctx.minor(r.amount) !== cost)
    problems.push(`amount ${r.amount} does not match its cost ${r.estimatedCost}`);
  if (r.replaces !== null) {
    const owed = checkedBaseMinor(r.replaces, ctx.complaint, ctx.minor);
    if (cost !== owed)
      problems.push(`credits ${r.estimatedCost} in place of a refund of ${fromMinor(owed, ctx.currency)}`);
  }
  if (!isWhole(r.validDays, 1, 730)) problems.push(`validDays ${r.validDays} is out of range`);
  else
    problems.push(...dateProblems('expiresAt', r.expiresAt, new Date(ctx.receivedMs + r.validDays * DAY_MS)));
  return problems;
}

/** A gesture of credit raised by a value tier; credit in place of a refund is restitution: never scaled. */
function scaleStoreCredit(spec: StoreCreditSpec, hundredths: number, ctx: RemedyContext): StoreCreditSpec {
  return spec.replaces === undefined ? scaleValueOrShare(spec, hundredths, ctx) : spec;
}

/**
 * Store credit: restitution when it replaces a refund (never capped), goodwill otherwise (a cap gives
 * one of smaller value).
 */
export const storeCredit = defineRemedy({
  type: 'store_credit',
  schema: StoreCreditSpecSchema,
  kind: (spec) => (spec.replaces === undefined ? 'goodwill' : 'restitution'),
  materialise: materialiseStoreCredit,
  money: { value: 'amount', max: 'limit' },
  goodwill: {
    reduce: reduceStoreCredit,
    scale: scaleStoreCredit,
    cost: valueOrShareCost,
  },
  texts: {
    en: {
      'remedy.store_credit': 'store credit',
      'offer.store_credit': 'We will add {amount} of store credit to your account, valid until {expiresAt}.',
    },
    tr: {
      'remedy.store_credit': 'hesap bakiyesi',
      'offer.store_credit':
        'Hesabınıza, {expiresAt} tarihine kadar alışverişlerinizde kullanabileceğiniz {amount} tutarında bakiye tanımlayacağız.',
    },
    fa: {
      'remedy.store_credit': 'اعتبار خرید',
      'offer.store_credit':
        'مبلغ {amount} به‌صورت اعتبار خرید به حساب کاربری شما در فروشگاه افزوده می‌شود؛ این اعتبار تا {expiresAt} قابل استفاده است.',
    },
  },
  offer: (remedy, say, r, { money }) =>
    say('offer.store_credit', { amount: money(remedy.amount), expiresAt: r.date(remedy.expiresAt) }),
  label: (remedy, money) => `store credit ${money(remedy.estimatedCost)}`,
  check: (remedy, ctx) => [
    ...kindProblems(remedy.kind, remedy.replaces === null ? 'goodwill' : 'restitution'),
    ...creditProblems(remedy, ctx),
  ],
  shapes: [
    { required: { value: { amount: [0.01, 500] } }, optional: { validDays: { integer: [1, 730] } } },
    {
      required: { shareOfOrder: { share: [0.01, 1.5] } },
      optional: { max: { amount: [0.01, 500] }, validDays: { integer: [1, 730] } },
    },
    {
      required: { replaces: { oneOf: [...CREDIT_REPLACES] } },
      optional: { validDays: { integer: [1, 730] } },
    },
  ],
});
