import { z } from 'zod';
import type { Materialised, NotApplicable, RemedyContext } from './context';

/** Send the affected (or all) items again. Restitution: what the customer paid for and did not get. */
export const ResendSpecSchema = z.strictObject({
  type: z.literal('resend'),
  shipping: z.enum(['standard', 'express']).default('standard'),
  items: z.enum(['affected', 'all']).default('affected'),
});

/** A `resend` as written in a rule. */
export type ResendSpec = z.output<typeof ResendSpecSchema>;

/** A concrete resend. */
export interface ResendParams {
  readonly type: 'resend';
  readonly shipping: 'standard' | 'express';
  readonly items: readonly { sku: string; quantity: number }[];
}

/** Resolves which units go out again and what that costs (goods plus shipping). */
export function materialiseResend(
  spec: ResendSpec,
  ctx: RemedyContext,
): (ResendParams & Materialised) | NotApplicable {
  const units = spec.items === 'all' ? ctx.orderLines : ctx.affectedUnits;
  if (units.length === 0) return { notApplicable: 'no_items' };
  const goods = units.reduce((sum, u) => sum + u.quantity * u.unitPriceMinor, 0);
  return {
    type: 'resend',
    kind: 'restitution',
    shipping: spec.shipping,
    items: units.map((u) => ({ sku: u.sku, quantity: u.quantity })),
    costMinor: goods + ctx.shippingCostMinor[spec.shipping],
  };
}
