import { toTargetMinor } from '../../exchange/conversion';
import { type ExchangeRates, rateOf } from '../../exchange/rates';

import { toMinor } from '../../money';
import type { Tallied } from './tallied';

/** The currency a simulation adds costs up in, and the rates it converts other currencies with. */
export interface Reporting {
  readonly currency: string;
  readonly rates: ExchangeRates;
}

/** The rates a summary converted with, into one currency. */
export interface ConvertedWith {
  /** When the rates were taken. */
  readonly asOf: string;
  /** Units of each converted currency per one unit of the summary's, for the currencies met. */
  readonly rates: Readonly<Record<string, number>>;
}

/** Where one recommendation's costs are added up: a currency, and its amounts in minor units of it. */
export interface CostCurrency {
  readonly currency: string;
  /** The rate it was converted at, when it was. */
  readonly rate?: number;
  readonly minor: (amount: number) => number;
}

/**
 * Where costs go, made once per reporting and currency (three times a complaint otherwise; the
 * currencies are the schema's codes, a bounded set).
 */
const made = new WeakMap<object, Map<string, CostCurrency>>();
const NO_REPORTING = {};

/**
 * Where a recommendation's costs go: in the reporting currency, converted exactly at the rates when
 * its own currency has one; else in its own currency, as without rates. Costs in different currencies
 * are never added up unconverted.
 */
export function costCurrency(rec: Pick<Tallied, 'currency'>, reporting: Reporting | undefined): CostCurrency {
  const key = reporting ?? NO_REPORTING;
  let known = made.get(key);
  if (!known) {
    known = new Map();
    made.set(key, known);
  }
  let cost = known.get(rec.currency);
  if (!cost) {
    cost = makeCostCurrency(rec.currency, reporting);
    known.set(rec.currency, cost);
  }
  return cost;
}

function makeCostCurrency(currency: string, reporting: Reporting | undefined): CostCurrency {
  const own: CostCurrency = { currency, minor: (amount) => toMinor(amount, currency) };
  if (!reporting || currency === reporting.currency) return own;
  const rate = rateOf(reporting.rates, currency, reporting.currency);
  if (rate === undefined) return own;
  return {
    currency: reporting.currency,
    rate,
    minor: (amount) => toTargetMinor(amount, rate, reporting.currency),
  };
}

/** Collects the rates a tally converted with, per reporting currency. */
export class RatesMet {
  private readonly met = new Map<string, Map<string, number>>();

  constructor(private readonly reporting: Reporting | undefined) {}

  /** Notes that `from` was converted into `cost.currency`, when it was. */
  note(from: string, cost: CostCurrency): void {
    if (cost.rate === undefined) return;
    let rates = this.met.get(cost.currency);
    if (!rates) {
      rates = new Map();
      this.met.set(cost.currency, rates);
    }
    rates.set(from, cost.rate);
  }

  /** The rates used to convert into `currency`, or undefined when nothing was converted into it. */
  of(currency: string): ConvertedWith | undefined {
    const rates = this.met.get(currency);
    if (!rates || !this.reporting) return undefined;
    const sorted = [...rates.entries()].sort((a, b) => a[0].localeCompare(b[0]));
    return { asOf: this.reporting.rates.asOf, rates: Object.fromEntries(sorted) };
  }
}
