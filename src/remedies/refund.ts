import { z } from 'zod';
import { limits } from '../input/limits';
import { fromMinor, toMinor } from '../money';
import type { Materialised, NotApplicable, RemedyContext, RemedyKind } from './context';

/**
 * Money back. `basis` says of what: the overcharge (billing errors), the affected items, or the whole
 * order. Refunding an overcharge or the affected items makes the customer whole (restitution); a share
 * of the order is a gesture (goodwill), and caps may drop it.
 */
export const RefundSpecSchema = z.strictObject({
  type: z.literal('refund'),
  basis: z.enum(['overcharge', 'affected_items', 'order']).default('order'),
  share: z.number().positive().max(1).default(1),
  /** Most it may come to, in the complaint's currency. */
  max: z.number().positive().max(limits.maxMoney).optional(),
});

/** A `refund` as written in a rule. */
export type RefundSpec = z.output<typeof RefundSpecSchema>;

/** A concrete refund. */
export interface RefundParams {
  readonly type: 'refund';
  readonly basis: 'overcharge' | 'affected_items' | 'order';
  readonly share: number;
  /** The most it may come to (set by the rule, or by a cap on a goodwill refund); null without one. */
  readonly max: number | null;
  /** Amount refunded, in the complaint's currency. */
  readonly amount: number;
}

function baseMinor(spec: RefundSpec, ctx: RemedyContext): number {
  switch (spec.basis) {
    case 'overcharge':
      return toMinor(ctx.complaint.order?.overcharge ?? 0, ctx.currency);
    case 'affected_items':
      return ctx.affectedUnits.reduce((sum, u) => sum + u.quantity * u.unitPriceMinor, 0);
    case 'order':
      return ctx.affectedValueMinor;
  }
}

/** Works out the refund amount. */
export function materialiseRefund(
  spec: RefundSpec,
  ctx: RemedyContext,
): (RefundParams & Materialised) | NotApplicable {
  const limit = spec.max === undefined ? Number.POSITIVE_INFINITY : toMinor(spec.max, ctx.currency);
  const minor = Math.min(limit, Math.round(baseMinor(spec, ctx) * spec.share));
  if (minor <= 0) return { notApplicable: 'nothing_to_refund' };
  const kind: RemedyKind = spec.basis === 'order' ? 'goodwill' : 'restitution';
  return {
    type: 'refund',
    kind,
    basis: spec.basis,
    share: spec.share,
    max: spec.max === undefined ? null : fromMinor(toMinor(spec.max, ctx.currency), ctx.currency),
    amount: fromMinor(minor, ctx.currency),
    costMinor: minor,
  };
}

/** The refund a cap leaves room for: at most `maxMinor`; none when that is nothing. */
export function reduceRefund(spec: RefundSpec, maxMinor: number, ctx: RemedyContext): RefundSpec | undefined {
  if (maxMinor <= 0) return undefined;
  return { ...spec, max: Math.min(spec.max ?? Number.POSITIVE_INFINITY, fromMinor(maxMinor, ctx.currency)) };
}
