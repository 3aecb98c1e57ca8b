import * as fc from 'fast-check';
import type { ComplaintInput } from '../../complaint/schema';
import { invalidOption } from '../../errors';
import { printableStep } from '../../exchange/printable';
import { checkExchangeRates, type ExchangeRates } from '../../exchange/rates';
import { currencyDigits, fromMinor, toMinor } from '../../money';
import type { Recommendation } from '../../recommend/recommendation';
import { loadRuleSet } from '../../rules/ruleset';
import { complaintArbitrary } from '../complaint-arbitrary';
import { currencyTwinMaker } from '../currency-twin';
import { firstDifference } from '../difference';
import { summarize } from '../generosity';
import { type FairnessOptions, type FairnessSubject, isTarget, resolveSubject } from '../subject';
import { FairnessViolation, indent } from '../violation';

/**
 * Rates the kit tries when a rule set is tested without rates of its own: per one unit of the rule
 * set's currency, currencies with 0, 2 and 3 decimals and a rate of hundreds of thousands. Invariance
 * must hold at any rate, so these need not be a market's.
 */
export const FAIRNESS_EXCHANGE_RATES: ExchangeRates = Object.freeze({
  rates: Object.freeze({ TRY: 36.5, IRR: 470_000, JPY: 160, KWD: 0.33, USD: 1.08 }),
  asOf: '2026-11-01',
});

/** Options of `currencyInvariance`. */
export interface CurrencyInvarianceOptions extends FairnessOptions {
  /**
   * The rates the subject converts with: required when the subject is a recommender (pass the rates it
   * was created with). For a rule set, the recommender the property creates is given these; default
   * `recommender.exchangeRates`, else `FAIRNESS_EXCHANGE_RATES` (without the rule set's own currency).
   */
  readonly exchangeRates?: ExchangeRates;
}

type Remedies = Recommendation['remedies'];

const key = (r: Remedies[number]) => `${r.kind} ${r.type} (${r.rule})`;

/**
 * The remedies that count, on each side: goodwill that one side has and the other has not is none when
 * it is worth at most one minor unit of the rule set's currency (`limits`, in minor units of each
 * side's currency). A gift of 10% of a €0.04 plan rounds to nothing in cents and to 15 kuruş in lira;
 * neither is a remedy anyone would notice, and which side rounds it away is chance.
 */
function counted(
  own: Recommendation,
  other: Recommendation,
  limits: readonly [number, number],
): [Remedies, Remedies] {
  const keys = [new Set(own.remedies.map(key)), new Set(other.remedies.map(key))] as const;
  const keep = (rec: Recommendation, side: 0 | 1) =>
    rec.remedies.filter(
      (r) =>
        r.kind !== 'goodwill' ||
        keys[side === 0 ? 1 : 0].has(key(r)) ||
        toMinor(r.estimatedCost, rec.currency) > limits[side],
    );
  return [keep(own, 0), keep(other, 1)];
}

/** What must not depend on the currency: remedy types and kinds, handling, both scores, the rules that fired. */
function judgement(rec: Recommendation, remedies: Remedies) {
  return {
    remedies: remedies.map(key),
    handling: { mode: rec.handling.mode, reasons: rec.handling.reasons },
    severity: { score: rec.severity.score, band: rec.severity.band },
    value: { score: rec.value.score, tier: rec.value.tier },
    fired: rec.trace.fired.map((f) => f.name),
  };
}

/**
 * Where a remedy's cost in the other currency is further from the cost in the rule set's at the rate
 * than the money page allows: amounts are rounded to the minor unit in each currency (a share of the
 * order rounded in cents is up to half a cent apart, at the rate, from the same share rounded in kuruş),
 * so any remedy may be off by one minor unit of the rule set's currency at the rate (`unit`), plus one
 * minor unit of the other; and goodwill is printed, so it may be off by one more printable step.
 */
function moneyDifference(
  own: Remedies,
  other: Remedies,
  money: { readonly from: string; readonly to: string; readonly rate: number; readonly unit: number },
): string | undefined {
  const { from, to, rate, unit } = money;
  for (const [i, remedy] of own.entries()) {
    const twin = other[i];
    if (!twin) return undefined;
    const exact = toMinor(remedy.estimatedCost * rate, to);
    const got = toMinor(twin.estimatedCost, to);
    const allowed = unit + 1 + (remedy.kind === 'goodwill' ? printableStep(exact, to) : 0);
    if (Math.abs(got - exact) > allowed) {
      return (
        `remedies[${i}] (${remedy.kind} ${remedy.type}) costs ${twin.estimatedCost} ${to}, where ` +
        `${remedy.estimatedCost} ${from} at ${rate} is ${fromMinor(exact, to)} ${to} ` +
        `(at most ${fromMinor(allowed, to)} ${to} apart)`
      );
    }
  }
  return undefined;
}

/**
 * The rates currency invariance converts with for a rule set in `currency`: `given`, checked, else
 * `FAIRNESS_EXCHANGE_RATES` without the rule set's own currency.
 *
 * @throws RedressError `INVALID_OPTIONS` for bad rates.
 */
export function exchangeRatesFor(currency: string, given: ExchangeRates | undefined): ExchangeRates {
  if (given !== undefined) return checkExchangeRates(given, currency);
  const rates = Object.fromEntries(
    Object.entries(FAIRNESS_EXCHANGE_RATES.rates).filter(([code]) => code !== currency),
  );
  return { ...FAIRNESS_EXCHANGE_RATES, rates };
}

/** The rates the property converts with, checked for the rule set's currency. */
function ratesOf(subject: FairnessSubject, options: CurrencyInvarianceOptions, currency: string) {
  const given = options.exchangeRates ?? options.recommender?.exchangeRates;
  if (given === undefined && isTarget(subject)) {
    throw invalidOption(
      ['exchangeRates'],
      'is needed with a recommender: pass the exchange rates it was created with, so that the property converts at the same rates',
    );
  }
  return exchangeRatesFor(currency, given);
}

/**
 * Currency invariance: the same complaint expressed in another currency at the given rate gets the
 * same remedy types and kinds, the same handling (mode and reasons), the same severity and value
 * scores and the same rules firing; restitution is the same amount at the rate (to the minor unit),
 * and goodwill is within the documented printing of it (one printable step). Complaints are generated
 * in the rule set's currency; each run takes one currency of the rates.
 *
 * @throws RedressError `INVALID_OPTIONS` when the rule set names no currency (it reads amounts in each
 *   complaint's own, so it is not currency-invariant; `ruleSetWarnings` says so), when the subject is a
 *   recommender and no `exchangeRates` are given, or for bad rates.
 */
export function currencyInvariance(
  subject: FairnessSubject,
  options: CurrencyInvarianceOptions = {},
): fc.IAsyncPropertyWithHooks<[ComplaintInput, string]> {
  const ruleSet = loadRuleSet(isTarget(subject) ? subject.ruleSet : subject);
  const currency = ruleSet.currency;
  if (currency === undefined) {
    throw invalidOption(
      ['ruleSet', 'currency'],
      'the rule set names no currency, so it reads its amounts in each complaint\'s own and cannot be currency-invariant; add "currency": "EUR" (the currency its amounts are in)',
    );
  }
  const rates = ratesOf(subject, options, currency);
  const currencies = Object.keys(rates.rates).filter((code) => code !== currency);
  if (currencies.length === 0) {
    throw invalidOption(['exchangeRates', 'rates'], `has no currency other than ${currency} to try`);
  }
  const target = isTarget(subject)
    ? resolveSubject(subject, options)
    : resolveSubject(subject, { ...options, recommender: { ...options.recommender, exchangeRates: rates } });
  const makers = new Map(
    currencies.map((code) => [code, currencyTwinMaker(currency, code, rates.rates[code] as number)]),
  );
  return fc.asyncProperty(
    complaintArbitrary({ ...options.complaints, currency }),
    fc.constantFrom(...currencies),
    async (complaint, code) => {
      const twin = (makers.get(code) as ReturnType<typeof currencyTwinMaker>)(complaint);
      const own = await target.recommend(twin.own);
      const other = await target.recommend(twin.other);
      // One minor unit of the rule set's currency, in minor units of the other (36.5 kuruş per cent).
      const unit = Math.ceil(twin.rate * 10 ** (currencyDigits(code) - currencyDigits(currency)));
      const [ownRemedies, otherRemedies] = counted(own, other, [1, unit]);
      const difference =
        firstDifference(judgement(other, otherRemedies), judgement(own, ownRemedies)) ??
        moneyDifference(ownRemedies, otherRemedies, { from: currency, to: code, rate: twin.rate, unit });
      if (difference !== undefined) {
        throw new FairnessViolation(
          [
            `the same complaint in ${code} at ${twin.rate} per ${currency} is treated differently: ${difference}`,
            `in ${currency}:`,
            indent(summarize(own), '    '),
            `in ${code}:`,
            indent(summarize(other), '    '),
            `the complaint in ${code}:`,
            indent(JSON.stringify(twin.other), '    '),
          ].join('\n'),
        );
      }
    },
  );
}
