import { z } from 'zod';
import { fromMinor, toMinor } from '../../src/money';
import { kindProblems } from '../../src/remedies/check';
import type { RemedyContext } from '../../src/remedies/context';
import { defineRemedy, type MaterialiseResult } from '../../src/remedies/definition';

/**
 * A remedy that exists only in the tests: loyalty points worth money on the customer's account. It is
 * written the way CONTRIBUTING.md ("Adding a remedy") says a new remedy is written — one module — so
 * that the tests can register it (one line, through a mock of the registry) and see every part of
 * redress take it up.
 */
export const LoyaltyPointsSpecSchema = z.strictObject({
  type: z.literal('loyalty_points'),
  points: z.number().int().min(1).max(100_000),
  /** What one point is worth, in the complaint's currency. */
  pointValue: z.number().positive().max(1).default(0.01),
});

type LoyaltyPointsSpec = z.output<typeof LoyaltyPointsSpecSchema>;

/** Loyalty points as a recommendation shows them. */
export interface LoyaltyPointsParams {
  readonly type: 'loyalty_points';
  readonly points: number;
  /** What the points are worth, in the complaint's currency. */
  readonly value: number;
}

const worthMinor = (spec: LoyaltyPointsSpec, ctx: RemedyContext) =>
  Math.round(spec.points * toMinor(spec.pointValue, ctx.currency));

function materialiseLoyaltyPoints(
  spec: LoyaltyPointsSpec,
  ctx: RemedyContext,
): MaterialiseResult<LoyaltyPointsParams> {
  const costMinor = worthMinor(spec, ctx);
  if (costMinor <= 0) return { notApplicable: 'zero_value' };
  return {
    type: 'loyalty_points',
    points: spec.points,
    value: fromMinor(costMinor, ctx.currency),
    costMinor,
  };
}

/** Loyalty points are goodwill: a cap gives fewer points. */
export const loyaltyPoints = defineRemedy({
  type: 'loyalty_points',
  schema: LoyaltyPointsSpecSchema,
  kind: () => 'goodwill',
  materialise: materialiseLoyaltyPoints,
  goodwill: {
    reduce: (spec, maxMinor, ctx) => {
      const perPoint = toMinor(spec.pointValue, ctx.currency);
      const points = perPoint > 0 ? Math.min(spec.points, Math.floor(maxMinor / perPoint)) : 0;
      return points >= 1 ? { ...spec, points } : undefined;
    },
    cost: (spec) => [{ a: 0, b: spec.points * spec.pointValue }],
  },
  texts: {
    en: {
      'remedy.loyalty_points': 'loyalty bonus',
      'offer.loyalty_points': 'We have added {points} loyalty points, worth {value}, to your account.',
    },
    tr: {
      'remedy.loyalty_points': 'sadakat puanı',
      'offer.loyalty_points': 'Hesabınıza {value} değerinde {points} sadakat puanı ekledik.',
    },
    fa: {
      'remedy.loyalty_points': 'امتیاز وفاداری',
      'offer.loyalty_points': '{points} امتیاز وفاداری به ارزش {value} به حساب شما افزوده‌ایم.',
    },
  },
  offer: (remedy, say, _r, { money }) =>
    say('offer.loyalty_points', { points: remedy.points, value: money(remedy.value) }),
  label: (remedy) => `loyalty points ×${remedy.points}`,
  check: (remedy, ctx) => [
    ...kindProblems(remedy.kind, 'goodwill'),
    ...(ctx.minor(remedy.value) === ctx.minor(remedy.estimatedCost) && remedy.value > 0
      ? []
      : [`value ${remedy.value} does not match its cost ${remedy.estimatedCost}`]),
  ],
  shapes: [{ required: { points: { integer: [1, 5_000] } }, optional: { pointValue: { share: [0.01, 1] } } }],
});
