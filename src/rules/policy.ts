import { z } from 'zod';
import { TONES } from '../complaint';
import { limits } from '../limits';
import { SEVERITY_BANDS, VALUE_TIERS } from '../scoring/score';

const money = z.number().min(0).max(limits.maxMoney);

/**
 * The `policy` section of a rule set: how fired rules combine, the caps on what may be given, and when
 * a person must look. Money here is in major units of the complaint's currency.
 */
export const PolicySchema = z
  .strictObject({
    /** `collect`: every fired rule contributes, one remedy per type, higher priority wins; `first`: the top fired rule decides. */
    hit: z.enum(['collect', 'first']).default('collect'),
    /** Total cost may not exceed this share of the value at stake (order total, or a month of the subscription). */
    maxCostShareOfOrder: z.number().min(0).max(10).default(1.5),
    /** Total cost may not exceed this amount for the customer's tier. */
    maxCostByTier: z
      .strictObject({ standard: money, silver: money, gold: money, platinum: money })
      .default({ standard: 60, silver: 80, gold: 120, platinum: 200 }),
    /** Above this estimated cost a person approves the recommendation. */
    autoApproveMaxCost: money.default(40),
    /** Days after the complaint to ask whether the customer is satisfied. */
    followUpAfterDays: z.number().int().min(0).max(365).default(3),
    /** Hours within which the customer gets a first answer. */
    respondWithinHours: z.number().int().min(1).max(720).default(24),
    /** Hours within which a public complaint is acknowledged where it was posted. */
    publicAcknowledgementWithinHours: z.number().int().min(1).max(168).default(2),
    /** Cost of shipping a resend, by speed. */
    shippingCost: z.strictObject({ standard: money, express: money }).default({ standard: 5, express: 15 }),
    /** The queue a case goes to when a person must look and no rule named one. */
    defaultQueue: z.string().trim().min(1).max(limits.maxIdLength).default('customer-care'),
    /** What sends a case to a person regardless of cost. */
    humanReview: z
      .strictObject({
        legalThreat: z.boolean().default(true),
        tones: z.array(z.enum(TONES)).max(TONES.length).default(['abusive']),
        severityBands: z.array(z.enum(SEVERITY_BANDS)).max(SEVERITY_BANDS.length).default(['critical']),
        valueTiers: z.array(z.enum(VALUE_TIERS)).max(VALUE_TIERS.length).default(['platinum']),
      })
      .prefault({}),
    /**
     * What this rule set promises about treating customers alike; `redress/testing` holds it to this.
     * Two complaints that differ only in customer value may differ in total cost by at most
     * `maxValueCostRatio` times the smaller total, or by `valueCostAllowance` (in major units),
     * whichever is more: `higher ≤ max(maxValueCostRatio × lower, lower + valueCostAllowance)`. The
     * allowance is what makes a smaller total of 0 comparable.
     */
    fairness: z
      .strictObject({
        maxValueCostRatio: z.number().min(1).max(100).default(2),
        valueCostAllowance: money.default(50),
      })
      .prefault({}),
  })
  .prefault({});

/** A resolved policy (defaults filled in). */
export type Policy = z.output<typeof PolicySchema>;
