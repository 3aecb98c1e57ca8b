import { z } from 'zod';
import { limits } from '../input/limits';
import { fromMinor, toMinor } from '../money';
import type { Materialised, NotApplicable, RemedyContext } from './context';

/**
 * A gift sent with the fix, to say sorry (the wrong-shoe-size story in the guides: the right size, and
 * a blouse). Either a fixed value, or a share of the order with an optional maximum.
 */
export const GiftSpecSchema = z
  .strictObject({
    type: z.literal('gift'),
    value: z.number().positive().max(limits.maxMoney).optional(),
    shareOfOrder: z.number().positive().max(1.5).optional(),
    max: z.number().positive().max(limits.maxMoney).optional(),
  })
  .refine((g) => (g.value === undefined) !== (g.shareOfOrder === undefined), {
    message: 'a gift needs exactly one of "value" or "shareOfOrder"',
  })
  .refine((g) => g.max === undefined || g.shareOfOrder !== undefined, {
    message: '"max" only applies with "shareOfOrder"',
    path: ['max'],
  });

/** A `gift` as written in a rule. */
export type GiftSpec = z.output<typeof GiftSpecSchema>;

/** A concrete gift. */
export interface GiftParams {
  readonly type: 'gift';
  /** Value of the gift in the complaint's currency. */
  readonly value: number;
}

/** Works out the gift's value in minor units. */
export function materialiseGift(
  spec: GiftSpec,
  ctx: RemedyContext,
): (GiftParams & Materialised) | NotApplicable {
  let minor =
    spec.value !== undefined
      ? toMinor(spec.value, ctx.currency)
      : Math.round(ctx.affectedValueMinor * (spec.shareOfOrder ?? 0));
  if (spec.max !== undefined) minor = Math.min(minor, toMinor(spec.max, ctx.currency));
  if (minor <= 0) return { notApplicable: 'zero_value' };
  return { type: 'gift', kind: 'goodwill', value: fromMinor(minor, ctx.currency), costMinor: minor };
}

/** The gift a cap leaves room for: worth exactly `maxMinor`, or none when that is nothing. */
export function reduceGift(_spec: GiftSpec, maxMinor: number, ctx: RemedyContext): GiftSpec | undefined {
  return maxMinor > 0 ? { type: 'gift', value: fromMinor(maxMinor, ctx.currency) } : undefined;
}
