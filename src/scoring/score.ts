/** One reason a score went up (or, for the cap at 100, down). */
export interface Factor {
  /** Stable key of the factor, e.g. `daysLate`, `publicReach`, `repeat`. */
  readonly code: string;
  /** Whole points this factor adds; the factors of a score add up to the score exactly. */
  readonly points: number;
  /** The reason in plain English, e.g. "14 days late". Localised text comes from `code` and `params`. */
  readonly reason: string;
  /** The numbers behind the reason, for localised rendering. */
  readonly params: Readonly<Record<string, string | number>>;
}

/** Severity bands, lowest first. */
export const SEVERITY_BANDS = ['low', 'medium', 'high', 'critical'] as const;
/** A severity band. */
export type SeverityBand = (typeof SEVERITY_BANDS)[number];

/** Customer value tiers, lowest first. */
export const VALUE_TIERS = ['standard', 'silver', 'gold', 'platinum'] as const;
/** A customer value tier. */
export type ValueTier = (typeof VALUE_TIERS)[number];

/** How bad the harm is. */
export interface SeverityScore {
  /** 0–100. */
  readonly score: number;
  readonly band: SeverityBand;
  readonly factors: readonly Factor[];
}

/** How much the customer relationship is worth. */
export interface ValueScore {
  /** 0–100. */
  readonly score: number;
  readonly tier: ValueTier;
  readonly factors: readonly Factor[];
}

/** Picks the highest level whose threshold the score reaches. */
export function levelFor<L extends string>(
  score: number,
  lowest: L,
  thresholds: Readonly<Record<string, number>>,
  order: readonly L[],
): L {
  let level = lowest;
  for (const candidate of order) {
    const threshold = thresholds[candidate];
    if (threshold !== undefined && score >= threshold) level = candidate;
  }
  return level;
}
