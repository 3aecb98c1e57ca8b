/** The factors a severity score adds up, in the order they are listed; `cap` takes back what passes 100. */
export const SEVERITY_FACTOR_CODES = [
  'category',
  'daysLate',
  'itemsAffected',
  'public',
  'publicReach',
  'repeat',
  'tone',
  'legalThreat',
  'cap',
] as const;

/** The factors a customer value score adds up, in the order they are listed. */
export const VALUE_FACTOR_CODES = [
  'tenure',
  'lifetimeSpend',
  'orders',
  'recentOrder',
  'subscriber',
  'cap',
] as const;

/** A factor of a severity score. */
export type SeverityFactorCode = (typeof SEVERITY_FACTOR_CODES)[number];

/** A factor of a customer value score. */
export type ValueFactorCode = (typeof VALUE_FACTOR_CODES)[number];

/** A factor of either score. */
export type FactorCode = SeverityFactorCode | ValueFactorCode;

/** One reason a score went up (or, for the cap at 100, down). */
export interface Factor<Code extends FactorCode = FactorCode> {
  /** Stable key of the factor, e.g. `daysLate`, `publicReach`, `repeat`. */
  readonly code: Code;
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
  readonly factors: readonly Factor<SeverityFactorCode>[];
}

/** How much the customer relationship is worth. */
export interface ValueScore {
  /** 0–100. */
  readonly score: number;
  readonly tier: ValueTier;
  readonly factors: readonly Factor<ValueFactorCode>[];
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
