/**
 * Money is carried in integer minor units (cents, kuruş) inside the library so that totals add up
 * exactly; it crosses the public boundary as numbers in major units, rounded to the currency's digits.
 */

const digitsCache = new Map<string, number>();
// The last currency asked for and its digits: nearly every call in a row asks for the same one (a
// complaint's amounts, a replay's whole file), and comparing a three-letter code costs less than the
// map's look-up, which was about 2% of deciding a complaint.
let lastCurrency: string | undefined;
let lastDigits = 2;

/** ISO 4217 codes this runtime knows; anything else is rejected at the boundary. */
export const knownCurrencies: ReadonlySet<string> = new Set(Intl.supportedValuesOf('currency'));

/** Number of minor-unit digits of a currency (2 for EUR, 0 for JPY, 3 for KWD). */
export function currencyDigits(currency: string): number {
  if (currency === lastCurrency) return lastDigits;
  let digits = digitsCache.get(currency);
  if (digits === undefined) {
    digits =
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ??
      2;
    digitsCache.set(currency, digits);
  }
  lastCurrency = currency;
  lastDigits = digits;
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

/**
 * Decimal places of a finite number as JavaScript writes it: its shortest form that reads back as the
 * same number, the one `JSON.stringify` writes (59.9000000001 has 10, 1e-9 has 9, 0.1 + 0.2 has 17).
 */
export function decimalPlaces(x: number): number {
  // Every amount of every complaint is checked: whole amounts are answered without writing them out,
  // the others without splitting their text into arrays.
  if (Number.isInteger(x)) return 0;
  const text = String(Math.abs(x));
  const e = text.indexOf('e');
  const end = e < 0 ? text.length : e;
  const dot = text.indexOf('.');
  const fraction = dot < 0 || dot > end ? 0 : end - dot - 1;
  return Math.max(0, fraction - (e < 0 ? 0 : Number(text.slice(e + 1))));
}

/**
 * True when `amount` has no more decimal places than the currency allows, exactly: no tolerance, so
 * that an amount is never silently rounded to the currency's grid.
 */
export function fitsCurrency(amount: number, currency: string): boolean {
  if (!Number.isFinite(amount)) return false;
  const digits = currencyDigits(currency);
  // Most amounts fit: k / 10^digits (k the nearest whole number of minor units) reads back as the very
  // number given only when a decimal with at most `digits` places does, and writing the number out
  // (the slow part of every complaint's money check) is left for the amounts that may not fit.
  const scale = 10 ** digits;
  if (Math.round(amount * scale) / scale === amount) return true;
  return decimalPlaces(amount) <= digits;
}

/**
 * `minor` times `hundredths`/100 (a multiplier in hundredths: 150 for 1.5), rounded down to a whole
 * minor unit, exactly (integer arithmetic): a multiplier never adds a fraction of a cent.
 */
export function scaleMinorDown(minor: number, hundredths: number): number {
  return Math.floor((minor * hundredths) / 100);
}

/**
 * A share of a value (0.1 of the order) times `hundredths`/100, to six decimal places and never below
 * `share`: the amount it gives is then priced as every share is, to the nearest minor unit.
 */
export function scaleShare(share: number, hundredths: number): number {
  return Math.max(share, Math.round(share * hundredths * 10_000) / 1_000_000);
}
