import { aboveMaxMoney, type Complaint } from '../complaint/schema';
import { issue, type PathSegment, RedressError, type RedressIssue } from '../errors';
import { currencyDigits, fromMinor, toMinor } from '../money';
import { type Decimal, decimalOf, roundRatio } from './decimal';
import { type ExchangeRates, rateOf } from './rates';

/**
 * What a recommendation's money was read in: the rule set's currency, the complaint's, and the rate
 * between them (units of the complaint's currency per unit of the rule set's, 1 when they are the
 * same) with the date it was taken.
 */
export interface MoneyConversion {
  /** The currency the rule set's amounts are in; null when the rule set names none (they are then read in the complaint's). */
  readonly ruleSetCurrency: string | null;
  /** The complaint's currency: every amount of the recommendation is in it. */
  readonly currency: string;
  /** Units of `currency` per one unit of `ruleSetCurrency`; 1 when no conversion happened. */
  readonly rate: number;
  /** When the rate was taken (the caller's `exchangeRates.asOf`); only when a conversion happened. */
  readonly asOf?: string;
}

/**
 * One complaint's money between the rule set's currency and its own. Amounts cross exactly (decimal
 * arithmetic, rounded once, half away from zero, to the target's minor unit).
 */
export interface Conversion {
  /** What the recommendation reports as its `money`. */
  readonly used: MoneyConversion;
  /** True when the complaint's currency is not the rule set's. */
  readonly converted: boolean;
  /** The complaint's currency. */
  readonly currency: string;
  /** The currency the rules read money in: the rule set's, or the complaint's when it names none. */
  readonly ruleSetCurrency: string;
  /** An amount of the complaint's currency, in major units of the rule set's (rounded to its minor unit). */
  toRuleSet(amount: number): number;
  /** Minor units of the complaint's currency, in major units of the rule set's. */
  minorToRuleSet(minor: number): number;
  /** An amount of the rule set's currency, in minor units of the complaint's. */
  toComplaintMinor(amount: number): number;
  /** An amount of the rule set's currency, in major units of the complaint's (on its minor unit). */
  toComplaint(amount: number): number;
  /** An amount of `currency` (a past compensation, what an open case gave), in minor units of the complaint's currency. */
  otherToComplaintMinor(amount: number, currency: string): number;
}

/** An amount in another currency than the complaint's, read with the complaint (what an open case gave). */
export interface OtherMoney {
  readonly currency: string;
  /** The path of its currency field, for an error. */
  readonly path: readonly PathSegment[];
  /** What it is, for an error message: "what an open case gave". */
  readonly what: string;
}

/** Where the complaint names its currency: the order's, else the subscription's. */
export function currencyPath(complaint: Complaint): PathSegment[] {
  return complaint.order ? ['order', 'currency'] : ['subscription', 'currency'];
}

function noRate(currency: string, path: PathSegment[], ruleSetCurrency: string, what: string): RedressIssue {
  return issue(
    'no_exchange_rate',
    path,
    `no exchange rate for ${currency}: ${what} is in ${currency} and the rule set's money is in ${ruleSetCurrency}; ` +
      `pass exchangeRates with the rate for ${currency} (--rates FILE on the command line)`,
    {
      hint: `pass exchangeRates: { rates: { ${currency}: <${currency} per 1 ${ruleSetCurrency}> }, asOf } to createRecommender or recommend (CLI: --rates FILE)`,
    },
  );
}

/** `amount × to / from`, in minor units of a currency with `digits` decimals. */
function cross(amount: number, from: Decimal, to: Decimal, digits: number): number {
  const a = decimalOf(amount);
  return roundRatio(a.digits * to.digits, from.digits, digits + from.scale - a.scale - to.scale);
}

const ONE: Decimal = { digits: 1n, scale: 0 };

/** What a conversion does with money, without what it reports (`used`, which each recommendation owns). */
type Arithmetic = Pick<
  Conversion,
  'toRuleSet' | 'minorToRuleSet' | 'toComplaintMinor' | 'toComplaint' | 'otherToComplaintMinor'
>;

/**
 * The arithmetic of no conversion, one per currency (ISO 4217 codes `Intl` knows: a bounded set):
 * nearly every complaint is in its rule set's currency, and five closures of its own each time were
 * about 1% of judging and deciding one.
 */
const identities = new Map<string, Arithmetic>();

function identityArithmetic(currency: string): Arithmetic {
  let arithmetic = identities.get(currency);
  if (arithmetic === undefined) {
    arithmetic = {
      toRuleSet: (amount) => fromMinor(toMinor(amount, currency), currency),
      minorToRuleSet: (minor) => fromMinor(minor, currency),
      toComplaintMinor: (amount) => toMinor(amount, currency),
      toComplaint: (amount) => fromMinor(toMinor(amount, currency), currency),
      otherToComplaintMinor: (amount) => toMinor(amount, currency),
    };
    identities.set(currency, arithmetic);
  }
  return arithmetic;
}

function identity(currency: string, ruleSetCurrency: string | null): Conversion {
  return {
    used: { ruleSetCurrency, currency, rate: 1 },
    converted: false,
    currency,
    ruleSetCurrency: currency,
    ...identityArithmetic(currency),
  };
}

/** Every amount the complaint holds (its past compensations) and every one of `others` is in `currency`. */
function allIn(complaint: Complaint, currency: string, others: readonly OtherMoney[]): boolean {
  for (const h of complaint.customer.compensationHistory) if (h.currency !== currency) return false;
  for (const o of others) if (o.currency !== currency) return false;
  return true;
}

/** Amounts the complaint holds in other currencies: its past compensations, and `others`. */
function otherMoney(complaint: Complaint, others: readonly OtherMoney[]): OtherMoney[] {
  return [
    ...complaint.customer.compensationHistory.map((h, i) => ({
      currency: h.currency,
      path: ['customer', 'compensationHistory', i, 'currency'],
      what: 'a past compensation',
    })),
    ...others,
  ];
}

/** Amounts in other currencies than the complaint's, refused when they cannot be converted. */
function otherIssues(
  amounts: readonly OtherMoney[],
  currency: string,
  problem: (other: OtherMoney) => RedressIssue | undefined,
): RedressIssue[] {
  return amounts.flatMap((other) => (other.currency === currency ? [] : (problem(other) ?? [])));
}

/**
 * Each past compensation in another currency, read in the complaint's, must be within
 * `limits.maxMoneyMinor` as the complaint's own amounts are (the schema checks each in its own
 * currency): then the sum of at most `limits.maxCompensationHistory` of them (1,000 × 10^12 = 10^15
 * minor units) is an exact integer below `Number.MAX_SAFE_INTEGER` (≈ 9.007 × 10^15). Each is
 * converted exactly (decimal arithmetic, rounded once); a rate can make a modest amount huge
 * (100,000,000 dinars are about 142 trillion rials), and that is refused rather than added inexactly.
 *
 * @throws RedressError `INVALID_COMPLAINT` (`above_max_money`) at the entry's amount.
 */
function refuseHistoryAboveMax(
  complaint: Complaint,
  currency: string,
  toComplaintMinor: (amount: number, currency: string) => number,
): void {
  const found: RedressIssue[] = [];
  complaint.customer.compensationHistory.forEach((h, i) => {
    if (h.currency === currency) return;
    const minor = toComplaintMinor(h.amount, h.currency);
    const own = `${h.currency} ${h.amount.toLocaleString('en-US', { maximumFractionDigits: 20 })}`;
    const problem = aboveMaxMoney(
      ['customer', 'compensationHistory', i, 'amount'],
      minor,
      currency,
      (converted) => `${own} (${converted} at the rates given)`,
    );
    if (problem) found.push(issue(problem.reason, problem.path, problem.message));
  });
  if (found.length > 0) throw new RedressError('INVALID_COMPLAINT', found);
}

/**
 * A rule set without a currency reads every amount in the complaint's, so history must be in it too.
 * Called only when some amount is not (money all in one currency was answered before), so it always
 * throws.
 *
 * @throws RedressError `INVALID_COMPLAINT` (`currency_mismatch`) at each amount in another currency.
 */
function refuseOtherCurrencies(complaint: Complaint, currency: string, others: readonly OtherMoney[]): never {
  const found = otherIssues(otherMoney(complaint, others), currency, ({ currency: other, path, what }) =>
    issue('currency_mismatch', [...path], `is ${other}, not the complaint's currency (${currency})`, {
      hint: `convert ${what === 'a past compensation' ? 'past compensations' : what} to ${currency} first, or give the rule set a "currency" and pass exchangeRates`,
    }),
  );
  throw new RedressError('INVALID_COMPLAINT', found);
}

/**
 * The conversion of one complaint's money for a rule set priced in `ruleSetCurrency` (undefined: a
 * rule set without a currency, whose amounts are read in the complaint's own). `others` are amounts
 * read with the complaint in currencies of their own (what an open case gave), converted as past
 * compensations are.
 *
 * @throws RedressError `NO_EXCHANGE_RATE` when the complaint's currency, or that of a past
 *   compensation or of one of `others`, is not the rule set's and `rates` has no rate for it, at the
 *   path of the currency field; `INVALID_COMPLAINT` (`currency_mismatch`) for a past compensation or
 *   one of `others` in another currency when the rule set names none.
 */
export function conversionFor(
  complaint: Complaint,
  currency: string,
  ruleSetCurrency: string | undefined,
  rates: ExchangeRates | undefined,
  others: readonly OtherMoney[] = [],
): Conversion {
  // Money all in one currency needs no rate and cannot mismatch: answered before the checks, which
  // would list the amounts (with their paths) only to find nothing.
  if ((ruleSetCurrency === undefined || ruleSetCurrency === currency) && allIn(complaint, currency, others))
    return identity(currency, ruleSetCurrency ?? null);
  if (ruleSetCurrency === undefined) refuseOtherCurrencies(complaint, currency, others);
  const rate = rateOf(rates, currency, ruleSetCurrency);
  const found: RedressIssue[] = [];
  if (rate === undefined)
    found.push(noRate(currency, currencyPath(complaint), ruleSetCurrency, 'the complaint'));
  const amounts = otherMoney(complaint, others);
  found.push(
    ...otherIssues(amounts, currency, ({ currency: other, path, what }) =>
      rateOf(rates, other, ruleSetCurrency) === undefined
        ? noRate(other, [...path], ruleSetCurrency, what)
        : undefined,
    ),
  );
  if (found.length > 0 || rate === undefined) throw new RedressError('NO_EXCHANGE_RATE', found);
  const own = decimalOf(rate);
  const digits = currencyDigits(currency);
  const ruleDigits = currencyDigits(ruleSetCurrency);
  const converted = currency !== ruleSetCurrency;
  const toRuleSetMinor = (amount: number) => cross(amount, own, ONE, ruleDigits);
  const otherToComplaintMinor = (amount: number, other: string) =>
    other === currency
      ? toMinor(amount, currency)
      : cross(amount, decimalOf(rateOf(rates, other, ruleSetCurrency) as number), own, digits);
  refuseHistoryAboveMax(complaint, currency, otherToComplaintMinor);
  return {
    used: converted
      ? { ruleSetCurrency, currency, rate, asOf: (rates as ExchangeRates).asOf }
      : { ruleSetCurrency, currency, rate: 1 },
    converted,
    currency,
    ruleSetCurrency,
    toRuleSet: (amount) => fromMinor(toRuleSetMinor(amount), ruleSetCurrency),
    minorToRuleSet: (minor) => fromMinor(toRuleSetMinor(fromMinor(minor, currency)), ruleSetCurrency),
    toComplaintMinor: (amount) => cross(amount, ONE, own, digits),
    toComplaint: (amount) => fromMinor(cross(amount, ONE, own, digits), currency),
    otherToComplaintMinor,
  };
}

/**
 * An amount of a currency at `rate` units per one unit of `target`, in minor units of `target`: how
 * the simulate report adds up costs of complaints in several currencies in the rule set's.
 */
export function toTargetMinor(amount: number, rate: number, target: string): number {
  return cross(amount, decimalOf(rate), ONE, currencyDigits(target));
}
