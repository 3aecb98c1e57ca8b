const digitsCache = new Map<string, number>();

/** Decimal places of a currency (2 for EUR, 0 for JPY), from `Intl`. */
export function currencyDigits(currency: string): number {
  let digits = digitsCache.get(currency);
  if (digits === undefined) {
    try {
      digits = new Intl.NumberFormat('en-US', { style: 'currency', currency }).resolvedOptions()
        .maximumFractionDigits as number;
    } catch {
      digits = 2;
    }
    digitsCache.set(currency, digits);
  }
  return digits;
}

/** Amount in minor units, so that sums over hundreds of thousands of complaints stay exact. */
export function toMinor(amount: number, currency: string): number {
  return Math.round(amount * 10 ** currencyDigits(currency));
}

/** Back to major units. */
export function fromMinor(minor: number, currency: string): number {
  return minor / 10 ** currencyDigits(currency);
}

/** `€1,234.50`; `signed` adds a plus sign to positive amounts (for deltas). */
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
