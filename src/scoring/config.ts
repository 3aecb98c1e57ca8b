import { z } from 'zod';
import { CATEGORIES, TONES } from '../complaint/schema';

const points = z.number().min(0).max(100);
const threshold = z.number().min(0).max(100);

const categoryPoints = z.strictObject(
  Object.fromEntries(CATEGORIES.map((c) => [c, points.optional()])) as Record<
    (typeof CATEGORIES)[number],
    z.ZodOptional<typeof points>
  >,
);
const tonePoints = z.strictObject(
  Object.fromEntries(TONES.map((t) => [t, points.optional()])) as Record<
    (typeof TONES)[number],
    z.ZodOptional<typeof points>
  >,
);

/** Default severity weights: what each aspect of the harm adds to the 0–100 severity score. */
export const defaultSeverityWeights = {
  category: {
    wrong_item: 25,
    damaged_item: 30,
    missing_item: 30,
    late_delivery: 10,
    billing_error: 25,
    service_outage: 25,
    poor_quality: 20,
    staff_behavior: 20,
    other: 10,
  },
  perDayLate: 2,
  maxDaysLatePoints: 20,
  perItemAffected: 3,
  maxItemsPoints: 12,
  public: 10,
  perReachDecade: 3,
  maxReachPoints: 15,
  perRecentComplaint: 5,
  maxRepeatPoints: 15,
  tone: { calm: 0, upset: 3, angry: 6, abusive: 6 },
  legalThreat: 10,
} as const;

/** Default severity band thresholds: the lowest score of each band above `low`. */
export const defaultSeverityBands = { medium: 25, high: 50, critical: 75 } as const;

/** Default customer-value weights. */
export const defaultValueWeights = {
  perTenureMonth: 0.5,
  maxTenurePoints: 20,
  spendPerDecade: 8,
  maxSpendPoints: 35,
  perOrder: 1,
  maxOrderPoints: 20,
  recentOrderDays: 60,
  recentOrderPoints: 10,
  subscriber: 10,
} as const;

/** Default value tier thresholds: the lowest score of each tier above `standard`. */
export const defaultValueTiers = { silver: 25, gold: 50, platinum: 75 } as const;

const ordered = (keys: readonly string[]) => (t: Record<string, number>) =>
  keys.every((k, i) => i === 0 || (t[keys[i - 1] as string] as number) <= (t[k] as number));

/** The `scoring` section of a rule set; every field optional, defaults above. */
export const ScoringSchema = z
  .strictObject({
    severity: z
      .strictObject({
        weights: z
          .strictObject({
            category: categoryPoints.optional(),
            perDayLate: points.optional(),
            maxDaysLatePoints: points.optional(),
            perItemAffected: points.optional(),
            maxItemsPoints: points.optional(),
            public: points.optional(),
            perReachDecade: points.optional(),
            maxReachPoints: points.optional(),
            perRecentComplaint: points.optional(),
            maxRepeatPoints: points.optional(),
            tone: tonePoints.optional(),
            legalThreat: points.optional(),
          })
          .optional(),
        bands: z
          .strictObject({
            medium: threshold.optional(),
            high: threshold.optional(),
            critical: threshold.optional(),
          })
          .optional(),
      })
      .optional(),
    value: z
      .strictObject({
        weights: z
          .strictObject({
            perTenureMonth: points.optional(),
            maxTenurePoints: points.optional(),
            spendPerDecade: points.optional(),
            maxSpendPoints: points.optional(),
            perOrder: points.optional(),
            maxOrderPoints: points.optional(),
            recentOrderDays: z.number().int().min(0).max(3650).optional(),
            recentOrderPoints: points.optional(),
            subscriber: points.optional(),
          })
          .optional(),
        tiers: z
          .strictObject({
            silver: threshold.optional(),
            gold: threshold.optional(),
            platinum: threshold.optional(),
          })
          .optional(),
      })
      .optional(),
  })
  .default({})
  .transform((s) => ({
    severity: {
      weights: {
        ...defaultSeverityWeights,
        ...s.severity?.weights,
        category: { ...defaultSeverityWeights.category, ...s.severity?.weights?.category },
        tone: { ...defaultSeverityWeights.tone, ...s.severity?.weights?.tone },
      },
      bands: { ...defaultSeverityBands, ...s.severity?.bands },
    },
    value: {
      weights: { ...defaultValueWeights, ...s.value?.weights },
      tiers: { ...defaultValueTiers, ...s.value?.tiers },
    },
  }))
  .refine((s) => ordered(['medium', 'high', 'critical'])(s.severity.bands), {
    message: 'severity band thresholds must rise: medium ≤ high ≤ critical',
    path: ['severity', 'bands'],
  })
  .refine((s) => ordered(['silver', 'gold', 'platinum'])(s.value.tiers), {
    message: 'value tier thresholds must rise: silver ≤ gold ≤ platinum',
    path: ['value', 'tiers'],
  });

/** Resolved scoring configuration (defaults merged). */
export type Scoring = z.output<typeof ScoringSchema>;
/** Resolved severity configuration. */
export type SeverityScoring = Scoring['severity'];
/** Resolved customer-value configuration. */
export type ValueScoring = Scoring['value'];

/** The scoring used when a rule set has no `scoring` section. */
export const defaultScoring: Scoring = ScoringSchema.parse({});
