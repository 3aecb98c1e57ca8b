/**
 * Exact decimal arithmetic for currency conversion. A rate such as 36.5 and an amount such as 8.99 are
 * decimals, but their product in binary floating point is not: 8.99 × 36.5 × 100 is
 * 32813.499999999996, which rounds to the wrong kuruş. Here every number is read as the decimal it
 * prints as (JavaScript prints the shortest decimal that reads back as the same number) and the
 * arithmetic is done on integers, so that a conversion rounds once, exactly, half away from zero.
 */

/** `digits / 10^scale`, with `scale` ≥ 0. */
export interface Decimal {
  readonly digits: bigint;
  readonly scale: number;
}

/** The decimal a finite number prints as: 36.5 → 365 / 10¹, 1e-7 → 1 / 10⁷, 4.7e21 → 47·10²⁰ / 1. */
export function decimalOf(value: number): Decimal {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
  const [mantissa = '0', exponentText = '0'] = String(value).toLowerCase().split('e');
  const negative = mantissa.startsWith('-');
  const [whole = '0', fraction = ''] = (negative ? mantissa.slice(1) : mantissa).split('.');
  let digits = BigInt(`${whole}${fraction}`);
  let scale = fraction.length - Number(exponentText);
  if (scale < 0) {
    digits *= 10n ** BigInt(-scale);
    scale = 0;
  }
  return { digits: negative ? -digits : digits, scale };
}

/**
 * `numerator / denominator × 10^power`, rounded half away from zero to an integer. Both factors are
 * integers; the denominator is positive.
 */
export function roundRatio(numerator: bigint, denominator: bigint, power: number): number {
  let n = numerator;
  let d = denominator;
  if (power >= 0) n *= 10n ** BigInt(power);
  else d *= 10n ** BigInt(-power);
  const negative = n < 0n;
  const magnitude = negative ? -n : n;
  let quotient = magnitude / d;
  if ((magnitude % d) * 2n >= d) quotient += 1n;
  const result = Number(negative ? -quotient : quotient);
  return result === 0 ? 0 : result;
}
