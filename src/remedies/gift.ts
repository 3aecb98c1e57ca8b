import { z } from 'zod';
import { fromMinor } from '../money';
import { kindProblems } from './check';
import type { RemedyContext } from './context';
import { defineRemedy, type MaterialiseResult } from './definition';
import {
  maxNeedsShare,
  scaleValueOrShare,
  valueOrShareCost,
  valueOrShareFields,
  valueOrShareMinor,
} from './value-or-share';

/**
 * A gift sent with the fix, to say sorry (the wrong-shoe-size story in the guides: the right size, and
 * a blouse). Either a fixed value, or a share of the order with an optional maximum.
 */
export const GiftSpecSchema = z
  .strictObject({
    type: z.literal('gift'),
    ...valueOrShareFields,
  })
  .refine((g) => (g.value === undefined) !== (g.shareOfOrder === undefined), {
    message: 'a gift needs exactly one of "value" or "shareOfOrder"',
  })
  .refine(...maxNeedsShare);

/** A `gift` as written in a rule. */
export type GiftSpec = z.output<typeof GiftSpecSchema>;

/** A concrete gift. */
export interface GiftParams {
  readonly type: 'gift';
  /** Value of the gift in the complaint's currency. */
  readonly value: number;
}

/** Works out the gift's value in minor units. */
function materialiseGift(spec: GiftSpec, ctx: RemedyContext): MaterialiseResult<GiftParams> {
  const minor = valueOrShareMinor(spec, ctx);
  if (minor <= 0) return { notApplicable: 'zero_value' };
  return { type: 'gift', value: fromMinor(minor, ctx.currency), costMinor: minor };
}

/** The gift a cap leaves room for: worth exactly `maxMinor`, or none when that is nothing. */
function reduceGift(_spec: GiftSpec, maxMinor: number, ctx: RemedyContext): GiftSpec | undefined {
  return maxMinor > 0 ? { type: 'gift', value: fromMinor(maxMinor, ctx.currency) } : undefined;
}

/** A gift is goodwill: a cap gives one of smaller value. */
export const gift = defineRemedy({
  type: 'gift',
  schema: GiftSpecSchema,
  kind: () => 'goodwill',
  materialise: materialiseGift,
  money: { value: 'amount', max: 'limit' },
  goodwill: {
    reduce: reduceGift,
    scale: scaleValueOrShare,
    cost: valueOrShareCost,
  },
  texts: {
    en: {
      'remedy.gift': 'gift',
      'offer.gift': 'As a token of our apology, we will send you a small gift.',
    },
    tr: {
      'remedy.gift': 'hediye',
      'offer.gift': 'Özrümüzün bir göstergesi olarak size küçük bir hediye göndereceğiz.',
    },
    fa: {
      'remedy.gift': 'هدیه',
      'offer.gift': 'به نشانهٔ عذرخواهی، هدیهٔ کوچکی برای شما ارسال می‌کنیم.',
    },
  },
  // The gift's value is for the agent (its label and cost); the customer hears of a small gift.
  offer: (_remedy, say) => say('offer.gift'),
  label: (remedy, money) => `gift ${money(remedy.estimatedCost)}`,
  check: (remedy, ctx) => [
    ...kindProblems(remedy.kind, 'goodwill'),
    ...(!(remedy.value > 0) || ctx.minor(remedy.value) !== ctx.minor(remedy.estimatedCost)
      ? [`value ${remedy.value} does not match its cost ${remedy.estimatedCost}`]
      : []),
  ],
  shapes: [
    { required: { value: { amount: [0.01, 500] } } },
    { required: { shareOfOrder: { share: [0.01, 1.5] } }, optional: { max: { amount: [0.01, 500] } } },
  ],
});
