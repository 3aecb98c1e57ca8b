import { z } from 'zod';
import { fromZodIssues, RedressError } from '../errors';
import { type Limits, resolveLimits } from '../input/limits';
import { MAX_REPEAT_DAYS } from './outcome';
import type { OutcomeLineError } from './summary';

const count = (max: number) => z.number().int().min(0).max(max);

const OptionsSchema = z.strictObject({
  minSample: count(1_000_000_000).min(1).optional(),
  repeatWithinDays: count(MAX_REPEAT_DAYS).optional(),
  listed: count(100_000).optional(),
  limits: z.record(z.string(), z.unknown()).optional(),
  onError: z
    .custom<(error: OutcomeLineError) => void>((v) => typeof v === 'function', 'expected a function')
    .optional(),
});

/** Options of `summarizeOutcomes`. */
export interface OutcomeSummaryOptions {
  /**
   * The fewest CSAT answers on each side (the rule's complaints in a category, and the category's
   * others) for a verdict on a rule; below it the rule is listed as `too_few`. Default 30.
   */
  readonly minSample?: number;
  /** A next complaint within this many days counts as a repeat. Default 30. */
  readonly repeatWithinDays?: number;
  /** Unmatched ids (per side) and error lines listed in the summary, at most. Default 20. */
  readonly listed?: number;
  /** Limits for the records; `maxLineBytes` bounds each record's JSON text. */
  readonly limits?: Partial<Limits>;
  /** Called with every error line as it is found (the summary keeps counts and the first `listed`). */
  readonly onError?: (error: OutcomeLineError) => void;
}

/** The options with their defaults filled in. */
export interface OutcomeSettings {
  readonly minSample: number;
  readonly repeatWithinDays: number;
  readonly listed: number;
  readonly limits: Limits;
  readonly onError: ((error: OutcomeLineError) => void) | undefined;
}

/** The defaults of `OutcomeSummaryOptions`. */
export const OUTCOME_DEFAULTS = { minSample: 30, repeatWithinDays: 30, listed: 20 } as const;

/** Validates options, filling in defaults. @throws RedressError `INVALID_OPTIONS` naming the option. */
export function outcomeSettings(options: OutcomeSummaryOptions = {}): OutcomeSettings {
  const parsed = OptionsSchema.safeParse(options);
  if (!parsed.success) {
    throw new RedressError('INVALID_OPTIONS', fromZodIssues(parsed.error.issues));
  }
  const o = parsed.data;
  const limits = resolveLimits(o.limits as Partial<Limits> | undefined);
  return {
    minSample: o.minSample ?? OUTCOME_DEFAULTS.minSample,
    repeatWithinDays: o.repeatWithinDays ?? OUTCOME_DEFAULTS.repeatWithinDays,
    listed: o.listed ?? OUTCOME_DEFAULTS.listed,
    limits,
    onError: o.onError,
  };
}
