/**
 * Money is carried in integer minor units (cents, kuruş) inside the library so that totals add up
 * exactly; it crosses the public boundary as numbers in major units, rounded to the currency's digits.
 */

const digitsCache = new Map<string, number>();

/** ISO 4217 codes this runtime knows; anything else is rejected at the boundary. */
export const knownCurrencies: ReadonlySet<string> = new Set(Intl.supportedValuesOf('currency'));

/** Number of minor-unit digits of a currency (2 for EUR, 0 for JPY, 3 for KWD). */
export function currencyDigits(currency: string): number {
  let digits = digitsCache.get(currency);
  if (digits === undefined) {
    digits =
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ??
      2;
    digitsCache.set(currency, digits);
  }
  return digits;
}

/** Major units (e.g. 12.34) to integer minor units (1234), rounding half away from zero. */
export function toMinor(amount: number, currency: string): number {
  const scale = 10 ** currencyDigits(currency);
  const scaled = amount * scale;
  // Guard against binary artefacts such as 1.005 * 100 = 100.49999…
  const rounded = Math.round(Math.abs(scaled) + 1e-9) * Math.sign(scaled);
  return rounded === 0 ? 0 : rounded;
}

/** Integer minor units to major units. */
export function fromMinor(minor: number, currency: string): number {
  const result = minor / 10 ** currencyDigits(currency);
  return result === 0 ? 0 : result;
}

/** True when `amount` has no more fractional digits than the currency allows. */
export function fitsCurrency(amount: number, currency: string): boolean {
  const scale = 10 ** currencyDigits(currency);
  return Math.abs(amount * scale - Math.round(amount * scale)) < 1e-6;
}
