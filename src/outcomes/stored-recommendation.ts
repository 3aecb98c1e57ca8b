import { z } from 'zod';
import { CATEGORIES, type Category } from '../complaint/schema';
import { fromZodIssues, RedressError } from '../errors';
import { parseJsonText } from '../input/json-text';
import { type Limits, limits } from '../input/limits';
import { fitsCurrency, knownCurrencies } from '../money';
import { REMEDY_TYPES, type RemedyType } from '../remedies/catalogue';
import { SEVERITY_BANDS, type SeverityBand } from '../scoring/score';

/** What the outcome summary reads of a recommendation. */
export interface StoredRecommendation {
  readonly complaintId: string;
  /** The stamp; `hash` is null for a recommendation made before redress stamped them. */
  readonly ruleSet: { readonly name: string; readonly version: string; readonly hash: string | null };
  readonly currency: string;
  readonly totalCost: number;
  readonly category: Category;
  readonly band: SeverityBand;
  /** The rules that fired and gave a remedy the customer got, each once, in the order they gave them. */
  readonly rules: readonly string[];
  /** The types of the remedies, each once. */
  readonly remedyTypes: readonly RemedyType[];
}

const id = z.string().trim().min(1).max(limits.maxIdLength);

// Only the fields the summary reads; the rest of the recommendation is not looked at, so that a file
// written by an older or newer redress is still read.
const StoredSchema = z
  .object({
    complaintId: id,
    ruleSet: z.object({
      name: z.string().min(1).max(limits.maxIdLength),
      version: z.string().min(1).max(64),
      hash: z
        .string()
        .regex(/^sha256:[0-9a-f]{64}$/, 'expected "sha256:" and 64 hex digits')
        .optional(),
    }),
    currency: z.string().refine((c) => knownCurrencies.has(c), 'expected an ISO 4217 currency code'),
    totalCost: z.number().nonnegative(),
    severity: z.object({ band: z.enum(SEVERITY_BANDS) }),
    remedies: z.array(z.object({ type: z.enum(REMEDY_TYPES), rule: z.string().max(limits.maxIdLength) })),
    trace: z.object({
      facts: z.object({ category: z.enum(CATEGORIES) }),
      fired: z.array(z.object({ name: z.string().max(limits.maxIdLength) })),
    }),
  })
  .refine((r) => fitsCurrency(r.totalCost, r.currency), {
    message: 'has more decimal places than its currency allows',
    path: ['totalCost'],
  });

/** A line of a recommendations file, as the summary reads it. */
export type ReadRecommendation =
  | { readonly kind: 'recommendation'; readonly recommendation: StoredRecommendation }
  /** An error record (`redress recommend` writes one for a complaint it could not recommend for). */
  | { readonly kind: 'not_recommended'; readonly complaintId: string | null }
  | { readonly kind: 'invalid'; readonly complaintId: string | null; readonly error: RedressError };

const RECOMMENDATION_TEXT = { noun: 'recommendation', sizeLimit: 'maxLineBytes' } as const;

function idOf(value: unknown): string | null {
  const complaintId = (value as { complaintId?: unknown } | null)?.complaintId;
  return typeof complaintId === 'string' ? complaintId.trim().slice(0, limits.maxIdLength) : null;
}

/**
 * Reads one recommendation (a value, or its JSON text) for the outcome summary. Error records, as
 * `redress recommend` and `recommendMany` write them, are complaints that got no recommendation.
 */
export function readRecommendation(input: unknown, bounds: Limits): ReadRecommendation {
  let value = input;
  if (typeof input === 'string') {
    try {
      value = parseJsonText(input, { ...RECOMMENDATION_TEXT, maxBytes: bounds.maxLineBytes });
    } catch (error) {
      return { kind: 'invalid', complaintId: null, error: error as RedressError };
    }
  }
  if (typeof value === 'object' && value !== null && 'error' in value && !('remedies' in value)) {
    return { kind: 'not_recommended', complaintId: idOf(value) };
  }
  const parsed = StoredSchema.safeParse(value);
  if (!parsed.success) {
    const error = new RedressError('INVALID_RECOMMENDATION', fromZodIssues(parsed.error.issues));
    return { kind: 'invalid', complaintId: idOf(value), error };
  }
  return { kind: 'recommendation', recommendation: stored(parsed.data) };
}

function stored(r: z.output<typeof StoredSchema>): StoredRecommendation {
  const fired = new Set(r.trace.fired.map((f) => f.name));
  return {
    complaintId: r.complaintId,
    ruleSet: { name: r.ruleSet.name, version: r.ruleSet.version, hash: r.ruleSet.hash ?? null },
    currency: r.currency,
    totalCost: r.totalCost,
    category: r.trace.facts.category,
    band: r.severity.band,
    rules: [...new Set(r.remedies.map((x) => x.rule).filter((rule) => fired.has(rule)))],
    remedyTypes: [...new Set(r.remedies.map((x) => x.type))],
  };
}
