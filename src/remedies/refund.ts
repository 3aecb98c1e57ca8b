import { z } from 'zod';
import { affectedUnits, affectedValue, overchargeOf, paidForMinor, undelivered } from '../complaint/measures';
import type { Complaint } from '../complaint/schema';
import { limits } from '../input/limits';
import { fromMinor, scaleMinorDown, scaleShare, toMinor } from '../money';
import { kindProblems } from './check';
import type { RemedyContext } from './context';
import { defineRemedy, type Given, type MaterialiseResult, type RemedyCheckContext } from './definition';

/**
 * Money back. `basis` says of what: the overcharge (billing errors), the affected items, an order that
 * never arrived (its total: a lost parcel's full refund), or the whole order. Refunding an overcharge,
 * the affected items or an undelivered order makes the customer whole (restitution); a share of the
 * order is a gesture (goodwill), and caps may drop it.
 */
export const REFUND_BASES = ['overcharge', 'affected_items', 'undelivered', 'order'] as const;
/** What a refund is of. */
export type RefundBasis = (typeof REFUND_BASES)[number];

export const RefundSpecSchema = z.strictObject({
  type: z.literal('refund'),
  basis: z.enum(REFUND_BASES).default('order'),
  share: z.number().positive().max(1).default(1),
  /** Most it may come to, in the rule set's currency. */
  max: z.number().positive().max(limits.maxMoney).optional(),
});

/** A `refund` as written in a rule. */
export type RefundSpec = z.output<typeof RefundSpecSchema>;

/** A concrete refund. */
export interface RefundParams {
  readonly type: 'refund';
  readonly basis: RefundBasis;
  readonly share: number;
  /** The most it may come to (set by the rule, or by a cap on a goodwill refund); null without one. */
  readonly max: number | null;
  /** Amount refunded, in the complaint's currency. */
  readonly amount: number;
}

/** What a refund of `basis` refunds in full, in minor units of the complaint's currency. */
export function refundBaseMinor(basis: RefundBasis, ctx: RemedyContext): number {
  switch (basis) {
    case 'overcharge':
      return toMinor(overchargeOf(ctx.complaint), ctx.currency);
    case 'affected_items':
      return paidForMinor(
        ctx.affectedUnits.reduce((sum, u) => sum + u.quantity * u.unitPriceMinor, 0),
        ctx.complaint,
      );
    case 'undelivered':
      return undeliveredTotalMinor(ctx.complaint);
    case 'order':
      return ctx.affectedValueMinor;
  }
}

/** An undelivered order's total, what the customer paid for it; 0 for a delivered order or none. */
export function undeliveredTotalMinor(c: Complaint): number {
  return c.order && undelivered(c) ? toMinor(c.order.total, c.order.currency) : 0;
}

/** Works out the refund amount. */
function materialiseRefund(spec: RefundSpec, ctx: RemedyContext): MaterialiseResult<RefundParams> {
  const limit = spec.max === undefined ? Number.POSITIVE_INFINITY : toMinor(spec.max, ctx.currency);
  const minor = Math.min(limit, Math.round(refundBaseMinor(spec.basis, ctx) * spec.share));
  if (minor <= 0) return { notApplicable: 'nothing_to_refund' };
  return {
    type: 'refund',
    basis: spec.basis,
    share: spec.share,
    max: spec.max === undefined ? null : fromMinor(toMinor(spec.max, ctx.currency), ctx.currency),
    amount: fromMinor(minor, ctx.currency),
    costMinor: minor,
  };
}

/** The refund a cap leaves room for: at most `maxMinor`; none when that is nothing. */
function reduceRefund(spec: RefundSpec, maxMinor: number, ctx: RemedyContext): RefundSpec | undefined {
  if (maxMinor <= 0) return undefined;
  return { ...spec, max: Math.min(spec.max ?? Number.POSITIVE_INFINITY, fromMinor(maxMinor, ctx.currency)) };
}

/**
 * A goodwill refund `hundredths`/100 times as large: its share times the multiplier (at most all of
 * the order), and its maximum, if it has one, times the multiplier rounded down to the minor unit.
 * Restitution is never scaled: `scaleSpec` only asks goodwill.
 */
function scaleRefund(spec: RefundSpec, hundredths: number, ctx: RemedyContext): RefundSpec {
  const share = Math.min(1, scaleShare(spec.share, hundredths));
  if (spec.max === undefined) return { ...spec, share };
  const max = fromMinor(scaleMinorDown(toMinor(spec.max, ctx.currency), hundredths), ctx.currency);
  return { ...spec, share, max };
}

/** What a refund of `basis` refunds in full, worked out from the complaint as the docs say. */
export function checkedBaseMinor(
  basis: RefundBasis,
  complaint: Complaint,
  minor: (amount: number) => number,
): number {
  switch (basis) {
    case 'overcharge':
      return minor(overchargeOf(complaint));
    case 'affected_items':
      return paidForMinor(
        affectedUnits(complaint).reduce((s, u) => s + u.quantity * minor(u.unitPrice), 0),
        complaint,
      );
    case 'undelivered':
      return complaint.order && complaint.order.deliveredAt === undefined ? minor(complaint.order.total) : 0;
    case 'order':
      return minor(affectedValue(complaint));
  }
}

/** The share of its basis, in full when it is restitution, never more when it is goodwill. */
function refundProblems(r: Given<RefundParams>, ctx: RemedyCheckContext): string[] {
  const problems: string[] = [];
  const { minor, complaint } = ctx;
  const cost = minor(r.estimatedCost);
  if (!(r.share > 0 && r.share <= 1)) problems.push(`share ${r.share} is out of range`);
  if (!(r.amount > 0) || minor(r.amount) !== cost)
    problems.push(`amount ${r.amount} does not match its cost ${r.estimatedCost}`);
  const base = checkedBaseMinor(r.basis, complaint, minor);
  const owed = Math.round(base * r.share);
  // Restitution is paid in full; a goodwill refund may be less, never more.
  if (r.kind === 'restitution' ? cost !== owed : cost > owed) {
    problems.push(
      `refunds ${r.estimatedCost}, but ${r.share} of the ${r.basis.replaceAll('_', ' ')} is ${fromMinor(owed, ctx.currency)}`,
    );
  }
  return problems;
}

/**
 * A refund of a loss (the overcharge, the affected items) is restitution, owed in full; a refund of a
 * share of the order is goodwill, which a cap lowers.
 */
export const refund = defineRemedy({
  type: 'refund',
  schema: RefundSpecSchema,
  kind: (spec) => (spec.basis === 'order' ? 'goodwill' : 'restitution'),
  materialise: materialiseRefund,
  money: { max: 'limit' },
  goodwill: {
    reduce: reduceRefund,
    scale: scaleRefund,
    cost: (spec) => [{ a: spec.share, b: 0 }, ...(spec.max === undefined ? [] : [{ a: 0, b: spec.max }])],
  },
  texts: {
    en: {
      'remedy.refund': 'refund',
      'offer.refund': 'We will refund {amount} to your original payment method.',
    },
    tr: {
      'remedy.refund': 'iade',
      'offer.refund': '{amount} tutarını ödeme yaptığınız yönteme iade edeceğiz.',
    },
    fa: {
      'remedy.refund': 'بازپرداخت',
      'offer.refund': 'مبلغ {amount} را به همان روشی که پرداخت کرده‌اید به شما بازمی‌گردانیم.',
    },
  },
  offer: (remedy, say, _r, { money }) => say('offer.refund', { amount: money(remedy.amount) }),
  label: (remedy, money) => `refund ${money(remedy.estimatedCost)}`,
  check: (remedy, ctx) => [
    ...kindProblems(remedy.kind, remedy.basis === 'order' ? 'goodwill' : 'restitution'),
    ...refundProblems(remedy, ctx),
  ],
  shapes: [
    {
      optional: {
        basis: { oneOf: [...REFUND_BASES] },
        share: { share: [0.01, 1] },
        max: { amount: [0.01, 500] },
      },
    },
  ],
});
