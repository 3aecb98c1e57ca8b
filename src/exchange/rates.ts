import { issue, type PathSegment, RedressError, type RedressIssue } from '../errors';
import { knownCurrencies } from '../money';
import { DateOrDateTimeSchema } from '../time/timestamp';

/**
 * Exchange rates from the caller: how many units of each currency one unit of the rule set's currency
 * buys. redress never fetches rates; a backend takes a snapshot from its payment provider or central
 * bank and passes it in, with the date it was taken.
 */
export interface ExchangeRates {
  /** Units of each currency per one unit of the rule set's currency: `{ TRY: 36.5, IRR: 470000 }`. */
  readonly rates: Readonly<Record<string, number>>;
  /** When the rates were taken: an ISO 8601 date or date-time. Every conversion says it. */
  readonly asOf: string;
  /**
   * The currency the rates are per one unit of. Optional; when given it must be the rule set's
   * `currency`, which guards against rates taken for another rule set.
   */
  readonly base?: string;
}

/** Smallest and largest rate accepted: beyond these a rate is a mistake (or a unit slip), not a market. */
export const RATE_BOUNDS = { min: 1e-9, max: 1e12 } as const;

const KEYS = new Set(['rates', 'asOf', 'base']);

const EXAMPLE = '{ rates: { TRY: 36.5, IRR: 470000 }, asOf: "2026-11-01" }';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A value as a message shows it: numbers as they print (NaN, Infinity), the rest as JSON. */
function shown(value: unknown): string {
  return typeof value === 'number' ? String(value) : (JSON.stringify(value) ?? String(value));
}

function rateIssues(
  rates: Record<string, unknown>,
  at: readonly PathSegment[],
  ruleSetCurrency: string,
): RedressIssue[] {
  const found: RedressIssue[] = [];
  for (const [code, rate] of Object.entries(rates)) {
    const path = [...at, code];
    if (!/^[A-Z]{3}$/.test(code) || !knownCurrencies.has(code)) {
      found.push(
        issue('unknown_currency', path, `"${code.slice(0, 64)}" is not an ISO 4217 currency code`, {
          hint: 'write the three capital letters of ISO 4217, e.g. "TRY"',
        }),
      );
      continue;
    }
    const per = `${code} per 1 ${ruleSetCurrency}`;
    if (typeof rate !== 'number' || !Number.isFinite(rate) || rate <= 0) {
      found.push(issue('invalid_rate', path, `must be a positive number of ${per}, got ${shown(rate)}`));
    } else if (rate < RATE_BOUNDS.min || rate > RATE_BOUNDS.max) {
      found.push(
        issue(
          'invalid_rate',
          path,
          `${rate} ${per} is outside ${RATE_BOUNDS.min}–${RATE_BOUNDS.max}; is it per 1 ${ruleSetCurrency}?`,
        ),
      );
    } else if (code === ruleSetCurrency && rate !== 1) {
      found.push(
        issue(
          'invalid_rate',
          path,
          `the rule set's own currency is worth itself: its rate is 1, not ${rate}`,
        ),
      );
    }
  }
  return found;
}

function asOfIssues(asOf: unknown, path: readonly PathSegment[]): RedressIssue[] {
  if (asOf === undefined) {
    return [
      issue('invalid_type', path, 'is required: the date the rates were taken', {
        hint: 'add "asOf": "2026-11-01" (a date, or a date-time with its offset)',
      }),
    ];
  }
  const parsed = DateOrDateTimeSchema.safeParse(asOf);
  return parsed.success ? [] : parsed.error.issues.map((i) => issue(i.code, path, i.message));
}

function baseIssues(base: unknown, path: readonly PathSegment[], ruleSetCurrency: string): RedressIssue[] {
  if (base === undefined || base === ruleSetCurrency) return [];
  return [
    issue(
      'currency_mismatch',
      path,
      `the rates are per 1 ${String(base).slice(0, 64)}, but the rule set's money is in ${ruleSetCurrency}`,
      { hint: `take rates per 1 ${ruleSetCurrency}, or use the rule set they were taken for` },
    ),
  ];
}

/**
 * Validates exchange rates for a rule set priced in `ruleSetCurrency` and returns a frozen copy.
 *
 * @throws RedressError `INVALID_OPTIONS`, every problem at once, each at its path under `path`
 *   (`['exchangeRates', 'rates', 'TRY']`): a rate that is not a positive finite number or is out of
 *   `RATE_BOUNDS`, a code that is not ISO 4217, a missing or invalid `asOf`, a `base` other than the rule
 *   set's currency, or a rule set that names no currency.
 */
export function checkExchangeRates(
  value: unknown,
  ruleSetCurrency: string | undefined,
  path: readonly PathSegment[] = ['exchangeRates'],
): ExchangeRates {
  const fail = (found: RedressIssue[]) => new RedressError('INVALID_OPTIONS', found);
  if (ruleSetCurrency === undefined) {
    throw fail([
      issue(
        'no_rule_set_currency',
        path,
        'the rule set names no currency, so there is nothing to convert to',
        {
          hint: 'add "currency": "EUR" (the currency its amounts are in) at the top of the rule set',
        },
      ),
    ]);
  }
  if (!isRecord(value)) {
    throw fail([issue('invalid_type', path, `expected exchange rates such as ${EXAMPLE}`)]);
  }
  const found: RedressIssue[] = [];
  for (const key of Object.keys(value)) {
    if (!KEYS.has(key)) {
      found.push(
        issue('unrecognized_keys', [...path, key], `unknown field "${key.slice(0, 64)}"`, {
          hint: 'exchange rates have "rates", "asOf" and, optionally, "base"',
        }),
      );
    }
  }
  const rates = value.rates;
  if (!isRecord(rates)) {
    found.push(issue('invalid_type', [...path, 'rates'], `expected an object of rates, e.g. ${EXAMPLE}`));
  } else {
    found.push(...rateIssues(rates, [...path, 'rates'], ruleSetCurrency));
  }
  found.push(...asOfIssues(value.asOf, [...path, 'asOf']));
  found.push(...baseIssues(value.base, [...path, 'base'], ruleSetCurrency));
  if (found.length > 0) throw fail(found);

  const copy: Record<string, number> = Object.create(null);
  for (const [code, rate] of Object.entries(rates as Record<string, number>)) copy[code] = rate;
  return Object.freeze({
    rates: Object.freeze(copy),
    asOf: value.asOf as string,
    ...(value.base === undefined ? {} : { base: value.base as string }),
  });
}

/** The rate of `currency` in `rates` (1 for the rule set's own currency), or undefined without one. */
export function rateOf(
  rates: ExchangeRates | undefined,
  currency: string,
  ruleSetCurrency: string,
): number | undefined {
  if (currency === ruleSetCurrency) return 1;
  if (!rates || !Object.hasOwn(rates.rates, currency)) return undefined;
  return rates.rates[currency];
}
