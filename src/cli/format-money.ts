import { Memo } from '../i18n/memo';

/** The formatter of each currency code, `null` for a code `Intl` does not take; with and without a sign. */
const formatters = {
  plain: new Memo<Intl.NumberFormat | null, string>(),
  signed: new Memo<Intl.NumberFormat | null, string>(),
};

function formatterOf(currency: string, signed: boolean): Intl.NumberFormat | null {
  try {
    return new Intl.NumberFormat('en-US', {
      style: 'currency',
      currency,
      ...(signed ? { signDisplay: 'exceptZero' as const } : {}),
    });
  } catch {
    return null;
  }
}
const plain = (currency: string) => formatterOf(currency, false);
const withSign = (currency: string) => formatterOf(currency, true);

/**
 * How the analyst's reports (`redress simulate`, `outcomes`, `explain`) write an amount: `€1,234.50`,
 * in English (en-US) whatever the complaints' languages, with `signed` adding a plus sign to positive
 * amounts (for deltas). A code `Intl` does not take is written after the number.
 *
 * One formatter per currency and sign, remembered: a report prints thousands of amounts in a few
 * currencies, and building an `Intl.NumberFormat` costs more than formatting with one.
 *
 * It stays in the CLI rather than in `src/money.ts` because it is presentation for one audience:
 * money.ts is the library's arithmetic (minor units, one rounding, used by every layer), and what a
 * customer reads is formatted by the renderer in the customer's language (`Renderer.money`).
 */
export function formatMoney(amount: number, currency: string, signed = false): string {
  const formatter = signed
    ? formatters.signed.get(currency, withSign)
    : formatters.plain.get(currency, plain);
  if (formatter !== null) return formatter.format(amount);
  return `${signed && amount > 0 ? '+' : ''}${amount} ${currency}`;
}
