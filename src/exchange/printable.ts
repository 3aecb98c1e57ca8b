/**
 * Printable amounts: what a shop would print for a converted goodwill amount. €8.99 at 36.5 lira is
 * ₺328.135; a Turkish shop prints ₺330, an Iranian one 4,250,000 rials (425,000 toman), a Japanese
 * one ¥1,440.
 *
 * The rule, by magnitude: an amount is rounded to a multiple of its step, the largest of 1, 2 or 5
 * times a power of ten that is at most 2% of the amount, so that the printed amount is within 1% of
 * the exact one (within 2% when it must be rounded down); and never finer than the currency's
 * smallest printed unit, one minor unit (0.01 lira, 1 yen, 0.001 dinar) except where shops print in
 * coarser units: 10,000 rials (1,000 toman) for IRR.
 */

/** Smallest printed unit, in minor units, where it is not one minor unit. */
const PRINTED_UNIT: Readonly<Record<string, number>> = { IRR: 10_000 };

/** The smallest amount, in minor units, a shop prints in `currency`. */
export function printedUnit(currency: string): number {
  return PRINTED_UNIT[currency] ?? 1;
}

/** The step an amount of `minor` units of `currency` is printed to, in minor units. */
export function printableStep(minor: number, currency: string): number {
  const unit = printedUnit(currency);
  const most = Math.abs(minor) / 50;
  if (most < 1) return unit;
  let power = 10 ** Math.floor(Math.log10(most));
  // log10 may land a hair off a power of ten; the step must not pass 2% of the amount.
  if (power > most) power /= 10;
  else if (power * 10 <= most) power *= 10;
  const step = most >= 5 * power ? 5 * power : most >= 2 * power ? 2 * power : power;
  return Math.max(unit, step);
}

/** How a converted amount is printed: to the nearest printable amount, or the one below. */
export type PrintRounding = 'nearest' | 'down';

/**
 * `minor` rounded to its printable step (half away from zero for `nearest`). An amount that would
 * round to nothing is kept as it is: a remedy is never lost to rounding.
 */
export function printable(minor: number, currency: string, rounding: PrintRounding): number {
  if (minor <= 0) return minor;
  const step = printableStep(minor, currency);
  const steps = rounding === 'nearest' ? Math.floor(minor / step + 0.5) : Math.floor(minor / step);
  return steps > 0 ? steps * step : minor;
}
