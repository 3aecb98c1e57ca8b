import { z } from 'zod';
import { TONES } from '../complaint/schema';
import { limits } from '../input/limits';
import { SEVERITY_BANDS, VALUE_TIERS, type ValueTier } from '../scoring/score';
import { IncidentPolicySchema } from './incident-policy';

const money = z.number().min(0).max(limits.maxMoney);

/** A queue id as rules write it: letters, digits, `-`, `_` and `.`, starting with a letter or digit. */
const queueId = z
  .string()
  .max(limits.maxIdLength)
  .regex(/^[A-Za-z0-9][\w.-]*$/, 'a queue id is letters, digits, "-", "_" or "." (e.g. "billing")');
const queueName = z.string().trim().min(1).max(limits.maxShortText);
/** A queue's team name in each locale; any may be left out. */
const QueueNameSchema = z.strictObject({
  en: queueName.optional(),
  tr: queueName.optional(),
  fa: queueName.optional(),
});
/** More named queues than any shop has; bounds the work of reading a rule file. */
const MAX_QUEUES = 200;
const share = z.number().min(0).max(10);
/** A goodwill multiplier: 1 to 3, in hundredths (1.25), so that scaled amounts are exact in minor units. */
const multiplier = z
  .number()
  .min(1, 'a goodwill multiplier is at least 1: 1 gives goodwill as the rules write it')
  .max(3, "a goodwill multiplier is at most 3: for more, raise the rules' own amounts or maxGoodwillByTier")
  .refine((m) => Math.abs(m * 100 - Math.round(m * 100)) < 1e-9, {
    message: 'give a goodwill multiplier in hundredths at most (1.25, not 1.255)',
  });

/**
 * How fired rules combine (DMN's hit policies): `collect`, `first`, `unique`, `priority`. See
 * docs/rules.md, "Hit policies", for what each does, with examples.
 */
export const HIT_POLICIES = ['collect', 'first', 'unique', 'priority'] as const;
/** A hit policy. */
export type HitPolicy = (typeof HIT_POLICIES)[number];

// Only judged once every value is itself valid, so that a negative cap is reported as negative
// (at its own path), not as out of order.
const rising =
  <K extends string>(keys: readonly K[]) =>
  (t: Readonly<Record<K, number>>) =>
    keys.some((k) => !(typeof t[k] === 'number' && t[k] >= 0)) ||
    keys.every((k, i) => i === 0 || t[keys[i - 1] as K] <= t[k]);

/**
 * Limits on what one customer may receive as goodwill within a rolling window, whatever the harm.
 * Over a limit, goodwill is reduced to what is left and a person looks; restitution is never touched.
 */
export const PerCustomerSchema = z
  .strictObject({
    /** Length of the rolling window, in days up to the complaint (inclusive). */
    windowDays: z.number().int().min(1).max(3650).default(90),
    /** Most goodwill, in money, per window (this recommendation included). */
    maxGoodwill: money.optional(),
    /** Most goodwill compensations per window (this recommendation included). */
    maxCount: z.number().int().min(0).max(limits.maxCompensationHistory).optional(),
  })
  .refine((p) => p.maxGoodwill !== undefined || p.maxCount !== undefined, {
    message: 'give "maxGoodwill", "maxCount" or both',
  });

/**
 * The `policy` section of a rule set: how fired rules combine, the caps on goodwill, and when a person
 * must look. Money here is in major units of the complaint's currency. Restitution (what makes the
 * customer whole) is never capped; every cap below limits goodwill.
 */
export const PolicySchema = z
  .strictObject({
    /** How fired rules combine: `collect` (default), `first`, `unique` or `priority`. */
    hit: z.enum(HIT_POLICIES).default('collect'),
    /**
     * Restitution plus goodwill may not exceed this share of the affected value (the order total, or one
     * month of the subscription); goodwill gets what restitution leaves. Restitution alone may exceed it.
     */
    maxTotalShareOfValue: share.default(1.5),
    /** Goodwill may not exceed this share of the affected value, by severity band (rising with severity). */
    maxGoodwillShareBySeverity: z
      .strictObject({ low: share, medium: share, high: share, critical: share })
      .refine(rising(SEVERITY_BANDS), {
        message: 'goodwill shares must not fall as severity rises: low ≤ medium ≤ high ≤ critical',
      })
      .default({ low: 0.3, medium: 1, high: 1.25, critical: 1.5 }),
    /** Goodwill may not exceed this amount, by customer tier (never lower for a higher tier). */
    maxGoodwillByTier: z
      .strictObject({ standard: money, silver: money, gold: money, platinum: money })
      .refine(rising(VALUE_TIERS), {
        message: 'a higher tier may not have a lower goodwill cap: standard ≤ silver ≤ gold ≤ platinum',
      })
      .default({ standard: 60, silver: 80, gold: 120, platinum: 200 }),
    /**
     * How much more generous goodwill is for a customer of a higher value tier (the scored tier, as
     * `maxGoodwillByTier` reads it): each goodwill remedy is scaled by its tier's multiplier (1 to 3, in
     * hundredths, never lower for a higher tier) before the caps, which then hold as always; restitution
     * is never scaled. 1 for every tier when left out (no default is written in, so that rule sets
     * written before it keep their content hash and their recommendations). See docs/remedies.md.
     */
    goodwillMultiplierByTier: z
      .strictObject({ standard: multiplier, silver: multiplier, gold: multiplier, platinum: multiplier })
      .refine(rising(VALUE_TIERS), {
        message:
          'a higher tier may not have a lower goodwill multiplier: standard ≤ silver ≤ gold ≤ platinum',
      })
      .optional(),
    /** Per-customer limits on goodwill over a rolling window; none when left out. */
    perCustomer: PerCustomerSchema.optional(),
    /** Above this estimated cost (restitution + goodwill) a person approves the recommendation. */
    autoApproveMaxCost: money.default(40),
    /**
     * Complaints of one customer about one order (or subscription) and category, received within this
     * many days of the case's first, are one case: one owner, remedies given once (docs/cases.md).
     * 3 when left out (`DEFAULT_CASE_WINDOW_DAYS`; no default is written in, so that rule sets written
     * before cases keep their content hash).
     */
    caseWindowDays: z.number().int().min(0).max(365).optional(),
    /** Days after the complaint to ask whether the customer is satisfied. */
    followUpAfterDays: z.number().int().min(0).max(365).default(3),
    /**
     * Days after the follow-up to send the one-question satisfaction survey (`followUp.survey`).
     * 4 when left out (`DEFAULT_SURVEY_AFTER_DAYS`; no default is written in, so that rule sets written
     * before the survey keep their content hash).
     */
    surveyAfterDays: z.number().int().min(0).max(365).optional(),
    /** Hours within which the customer gets a first answer. */
    respondWithinHours: z.number().int().min(1).max(720).default(24),
    /** Hours within which a public complaint is acknowledged where it was posted. */
    publicAcknowledgementWithinHours: z.number().int().min(1).max(168).default(2),
    /** Cost of shipping a resend, by speed. */
    shippingCost: z.strictObject({ standard: money, express: money }).default({ standard: 5, express: 15 }),
    /**
     * Days past the promised date from which an undelivered order counts as lost. Before, the handling
     * asks the carrier to trace it (a `trace` step); from then on the rules resend or refund it.
     */
    lostAfterDays: z.number().int().min(1).max(365).default(7),
    /**
     * Cost of taking an item back, by method: a courier `pickup` or a prepaid `label`. An item worth
     * less than its return would cost is not taken back: the customer keeps it.
     */
    returnCost: z.strictObject({ pickup: money, label: money }).default({ pickup: 8, label: 5 }),
    /**
     * A damaged item worth more than this (the affected items' value) is photographed before the remedy
     * goes out (an `evidence` step); at or below it the remedy goes out at once, no photo asked.
     */
    evidenceAboveValue: money.default(100),
    /**
     * A public complaint that reached fewer people than this is answered in public (the public
     * acknowledgement) but judged as if private: its facts, severity and remedies are exactly what the
     * same complaint in private gets. 0: every public post counts as public.
     */
    publicReachThreshold: z.number().int().min(0).max(limits.maxReach).default(0),
    /** The queue a case goes to when a person must look and no rule named one. */
    defaultQueue: z.string().trim().min(1).max(limits.maxIdLength).default('customer-care'),
    /**
     * The queues' team names, per locale, as the customer reads them after "our … team" ("billing",
     * "fatura işlemleri", «مالی»): `{ "billing": { "name": { "en": "billing", "tr": "…" } } }`. redress
     * names its built-in queues itself; a queue with no name in a locale is not named to the customer.
     */
    queues: z
      .record(queueId, z.strictObject({ name: QueueNameSchema }))
      .refine((q) => Object.keys(q).length <= MAX_QUEUES, {
        message: `at most ${MAX_QUEUES} queues may be named`,
      })
      .default({}),
    /**
     * The name the customer message is signed with, per locale ("Customer Care", "Müşteri Hizmetleri",
     * «تیم خدمات مشتریان» when left out).
     */
    signature: QueueNameSchema.optional(),
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
     * Crisis mode (`recommendMany` with `incidents`): the owner of every complaint in an incident, the
     * shared public statement per locale, and the partners told once per incident. See docs/incidents.md.
     */
    incidents: IncidentPolicySchema,
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

/** The case window when the policy does not set `caseWindowDays`. */
export const DEFAULT_CASE_WINDOW_DAYS = 3;

/**
 * Days from the follow-up to the survey when the policy does not set `surveyAfterDays`: a week after
 * the complaint with the default follow-up, when a resend sent by standard shipping has arrived.
 */
export const DEFAULT_SURVEY_AFTER_DAYS = 4;

/** A resolved policy (defaults filled in). */
export type Policy = z.output<typeof PolicySchema>;

/**
 * The goodwill multiplier of a value tier, in hundredths (150 for 1.5): what `price` scales each
 * goodwill remedy by. 100 when the policy states none.
 */
export function goodwillHundredths(policy: Policy, tier: ValueTier): number {
  return Math.round((policy.goodwillMultiplierByTier?.[tier] ?? 1) * 100);
}

/** Policy fields of earlier versions, and what replaced them (the loader says so instead of "unknown key"). */
export const RENAMED_POLICY_FIELDS: Readonly<Record<string, string>> = {
  maxCostShareOfOrder:
    'replaced by "maxTotalShareOfValue" (restitution + goodwill) and "maxGoodwillShareBySeverity"; restitution is no longer capped',
  maxCostByTier: 'replaced by "maxGoodwillByTier": tier caps now limit goodwill only',
};
