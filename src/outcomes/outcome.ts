import { z } from 'zod';
import { limits } from '../input/limits';
import { DateTimeSchema } from '../time/timestamp';

/** What the customer did with the offer: took the first choice, took an alternative, or refused. */
export const ACCEPTANCES = ['first', 'alternative', 'refused'] as const;
/** One of `ACCEPTANCES`. */
export type Acceptance = (typeof ACCEPTANCES)[number];

/** Days a repeat complaint may come after the first, at most (ten years). */
export const MAX_REPEAT_DAYS = 3650;

/**
 * The outcome schema: what became of one complaint after its recommendation, one JSON Lines record per
 * complaint id. The single source of the `Outcome` type and of its JSON Schema (`outcomeJsonSchema`).
 * Every field but the id is optional, and a field left out means "not known", never "no": the summary
 * counts each measure over the records that give it, and says how many that was.
 */
export const OutcomeSchema = z.strictObject({
  /** The complaint's id, as in its recommendation (`complaintId`). */
  complaintId: z.string().trim().min(1).max(limits.maxIdLength),
  /** The customer's satisfaction afterwards, 1 (very dissatisfied) to 5 (very satisfied). */
  csat: z.number().int().min(1).max(5).optional(),
  /** When the complaint was resolved (ISO 8601 with an offset). */
  resolvedAt: DateTimeSchema.optional(),
  /** Whether the complaint was opened again after it was resolved. */
  reopened: z.boolean().optional(),
  /**
   * Whole days from this complaint to the customer's next one; `null` when there was none (as far as
   * the data goes). Left out: not tracked.
   */
  repeatWithinDays: z.number().int().min(0).max(MAX_REPEAT_DAYS).nullable().optional(),
  /** Whether the customer left: cancelled, or placed no order within a period you define. */
  churned: z.boolean().optional(),
  /** For a public complaint: whether the customer updated or removed the public post. */
  publicResolved: z.boolean().optional(),
  /** What the customer did with the offer. */
  accepted: z.enum(ACCEPTANCES).optional(),
});

/** One complaint's outcome, validated. */
export type Outcome = z.output<typeof OutcomeSchema>;
/** An outcome record as written (the same as `Outcome`: no field has a default). */
export type OutcomeInput = z.input<typeof OutcomeSchema>;

/** The outcome JSON Schema (draft 2020-12), generated from `OutcomeSchema`, for editors and data pipelines. */
export function outcomeJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(OutcomeSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
}
