/**
 * The Turkish adjective suffix -lık/-lik/-luk/-lük after a number written in digits ("%10'luk", "%20'lik",
 * "%25'lik", "%100'lük"). Turkish chooses it by the last vowel of the number as it is read aloud, so the
 * suffix follows the last word said: the last non-zero digit's ("yirmi beş" → beş), else the tens'
 * ("on", "yirmi"), else "yüz", "bin" or "milyon". A fraction is read after "virgül", so its own last word
 * counts ("12,5" → beş).
 */
const ONES = ['lık', 'lik', 'lik', 'lük', 'lük', 'lik', 'lık', 'lik', 'lik', 'luk'] as const; // sıfır, bir … dokuz
const TENS = ['', 'luk', 'lik', 'luk', 'lık', 'lik', 'lık', 'lik', 'lik', 'lık'] as const; // on … doksan

/** The suffix for a whole number read aloud in Turkish. */
function wholeSuffix(n: number): string {
  if (n === 0) return ONES[0];
  if (n % 10 !== 0) return ONES[n % 10] as string;
  if (n % 100 !== 0) return TENS[(n / 10) % 10] as string;
  if (n % 1000 !== 0) return 'lük'; // yüz
  if (n % 1_000_000 !== 0) return 'lik'; // bin
  return 'luk'; // milyon (larger numbers are never a percentage of a coupon)
}

/** `text`, the Turkish percentage of `n` ("%10"), with the adjective suffix: "%10'luk". */
export function turkishPercentModifier(text: string, n: number): string {
  const abs = Math.abs(n);
  const [, fraction = ''] = String(abs).split('.');
  const trimmed = fraction.replace(/0+$/, '');
  const suffix = trimmed === '' ? wholeSuffix(Math.round(abs)) : wholeSuffix(Number(trimmed));
  return `${text}'${suffix}`;
}
