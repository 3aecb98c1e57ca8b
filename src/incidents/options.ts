import { z } from 'zod';
import { fromZodIssues, RedressError } from '../errors';
import { type Limits, resolveLimits } from '../input/limits';
import { durationMs } from '../time/duration';
import type { IncidentComplaint } from './types';

/** What makes two complaints "the same cause". A function returns a key, or null to leave a complaint out. */
export type IncidentGroupBy =
  | 'cause'
  | 'category'
  | ((complaint: IncidentComplaint) => string | null | undefined);

const duration = (what: string) =>
  z.union([z.number(), z.string()]).refine((v) => durationMs(v) !== undefined, {
    message: `expected the ${what} as a duration: milliseconds, "90m", "24h", "7d", "2w" or ISO 8601 "PT24H"`,
  });

/** Options of `detectIncidents` (and of `recommendMany`'s `incidents`). */
export const IncidentOptionsSchema = z.strictObject({
  /** Length of the sliding window. Default `24h`. */
  window: duration('window')
    .refine((v) => (durationMs(v) ?? 0) > 0, { message: 'the window must be longer than 0' })
    .optional(),
  /** History before the window that sets a cause's usual rate. Default `28d`; `0` judges by `minCount` alone. */
  baseline: duration('baseline').optional(),
  /** Fewest complaints of one cause in one window for a burst. Default 10; at least 2. */
  minCount: z.number().int().min(2).max(1_000_000_000).optional(),
  /** How many times the usual count a window must reach. Default 4; at least 1. */
  ratio: z.number().min(1).max(1_000_000).optional(),
  /** Limits for each complaint, as `parseComplaint` takes them (see `Limits`); any left out keep their default. */
  limits: z
    .custom<Partial<Limits>>((v) => typeof v === 'object' && v !== null && !Array.isArray(v), {
      message: 'expected an object of limits, such as { maxComplaintBytes: 2097152 }',
    })
    .optional(),
  /** `cause` (default): category plus product or service; `category`; or a function returning a key. */
  groupBy: z
    .union([
      z.enum(['cause', 'category']),
      z.custom<(complaint: IncidentComplaint) => string | null | undefined>((v) => typeof v === 'function', {
        message: 'expected "cause", "category" or a function',
      }),
    ])
    .optional(),
});

/** Options of `detectIncidents`. */
export type IncidentOptions = z.input<typeof IncidentOptionsSchema>;

/** The defaults: a day's window against four weeks of history, ten complaints and four times the usual rate. */
export const INCIDENT_DEFAULTS = {
  window: '24h',
  baseline: '28d',
  minCount: 10,
  ratio: 4,
  groupBy: 'cause',
} as const;

/** Validated options, with the defaults filled in and durations in milliseconds. */
export interface Settings {
  readonly windowMs: number;
  readonly baselineMs: number;
  readonly minCount: number;
  readonly ratio: number;
  readonly groupBy: IncidentGroupBy;
  /** The limits every complaint is read within. */
  readonly limits: Limits;
}

/** Validates options, filling in defaults. @throws RedressError `INVALID_OPTIONS` */
export function settings(options: IncidentOptions | undefined): Settings {
  const parsed = IncidentOptionsSchema.safeParse(options ?? {});
  if (!parsed.success) {
    throw new RedressError('INVALID_OPTIONS', fromZodIssues(parsed.error.issues));
  }
  const o = parsed.data;
  return {
    windowMs: durationMs(o.window ?? INCIDENT_DEFAULTS.window) as number,
    baselineMs: durationMs(o.baseline ?? INCIDENT_DEFAULTS.baseline) as number,
    minCount: o.minCount ?? INCIDENT_DEFAULTS.minCount,
    ratio: o.ratio ?? INCIDENT_DEFAULTS.ratio,
    groupBy: o.groupBy ?? INCIDENT_DEFAULTS.groupBy,
    limits: resolveLimits(o.limits),
  };
}
