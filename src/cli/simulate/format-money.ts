/**
 * How the analyst's reports write an amount: `€1,234.50`, in English (en-US) whatever the complaints'
 * languages, with `signed` adding a plus sign to positive amounts (for deltas).
 *
 * It stays here rather than in `src/money.ts` because it is presentation for one audience: money.ts is
 * the library's arithmetic (minor units, one rounding, used by every layer), and what a customer reads
 * is formatted by the renderer in the customer's language (`Renderer.money`). The arithmetic behind the
 * reports' sums is money.ts's.
 */
export function formatMoney(amount: number, currency: string, signed = false): string {
  try {
    return new Intl.NumberFormat('en-US', {
      style: 'currency',
      currency,
      ...(signed ? { signDisplay: 'exceptZero' as const } : {}),
    }).format(amount);
  } catch {
    return `${signed && amount > 0 ? '+' : ''}${amount} ${currency}`;
  }
}
