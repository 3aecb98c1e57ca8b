import { FACTS, type FactName } from '../../facts/catalogue';
import { limits } from '../../input/limits';
import { knownCurrencies } from '../../money';
import type { Operator, Scalar } from '../../rules/operators';
import type { Scoring } from '../../scoring/config';
import { SEVERITY_BANDS, type SeverityBand, VALUE_TIERS, type ValueTier } from '../../scoring/score';
import {
  boundsOf,
  complementNum,
  hasNum,
  intersectNum,
  interval,
  isEmptyNum,
  type NumSet,
  numSet,
  sameNum,
} from './num-set';

/**
 * The facts the analyser reasons over. Three facts are functions of others and are rewritten into
 * them: `severityBand` into a range of `severity`, `valueTier` into a range of `value`, `isRepeat`
 * into a range of `complaints90d`.
 */
export type AnalysedFact = Exclude<FactName, 'severityBand' | 'valueTier' | 'isRepeat'>;

/** What one fact may be: a set of numbers, or a set of values (all but `values` when `negated`). */
export type FactSet =
  | { readonly kind: 'num'; readonly set: NumSet }
  | { readonly kind: 'vals'; readonly values: ReadonlySet<Scalar>; readonly negated: boolean };

const int = (lo: number, hi: number): NumSet => numSet(true, [interval(lo, hi)]);
const real = (lo: number, hi: number): NumSet => numSet(false, [interval(lo, hi)]);

/**
 * The largest amount of money a fact can hold for a complaint in the rule set's own currency: the
 * complaint bound (`limits.maxMoneyMinor`) in a currency without decimals, where a minor unit is a
 * major one.
 */
const MAX_MONEY = limits.maxMoneyMinor;

/** Every value a number fact can take in a valid complaint. */
const NUMBER_DOMAINS: Readonly<Record<string, NumSet>> = {
  severity: int(0, 100),
  value: int(0, 100),
  orderTotal: real(0, MAX_MONEY),
  daysLate: int(0, 1_000_000),
  daysOverdue: int(0, 1_000_000),
  itemsAffected: int(0, limits.maxItems * limits.maxQuantity),
  complaints90d: int(1, limits.maxPriorComplaints + 1),
  tenureMonths: int(0, 120_000),
  publicReach: int(0, limits.maxReach),
  monthlyPrice: real(0, MAX_MONEY),
  overcharge: real(0, MAX_MONEY),
  compensation90d: real(0, MAX_MONEY * limits.maxCompensationHistory),
  compensations90d: int(0, limits.maxCompensationHistory),
};

/**
 * The nearest value to `x` a numeric fact can take (`x` itself when it can): the search draws numbers
 * near the rules' constants, which may lie far outside what any complaint can have.
 */
export function clampToDomain(fact: AnalysedFact, x: number): number {
  const domain = NUMBER_DOMAINS[fact];
  if (!domain) return x;
  const { lo, hi } = boundsOf(domain);
  return Math.min(Math.max(x, lo), hi);
}

const CURRENCIES: readonly string[] = [...knownCurrencies].sort();

/** The finite set of values a fact can take, or null for free text (`plan`). */
function universe(fact: AnalysedFact): readonly Scalar[] | null {
  const spec = FACTS[fact];
  if (spec.type === 'enum') return spec.values;
  if (spec.type === 'boolean') return [true, false];
  if (fact === 'currency') return CURRENCIES;
  return null;
}

const FULL = new Map<AnalysedFact, FactSet>();

/** Everything a fact can be. */
export function fullSet(fact: AnalysedFact): FactSet {
  let full = FULL.get(fact);
  if (!full) {
    full = makeFullSet(fact);
    FULL.set(fact, full);
  }
  return full;
}

function makeFullSet(fact: AnalysedFact): FactSet {
  const domain = NUMBER_DOMAINS[fact];
  if (domain) return { kind: 'num', set: domain };
  const all = universe(fact);
  return all
    ? { kind: 'vals', values: new Set(all), negated: false }
    : { kind: 'vals', values: new Set(), negated: true };
}

function vals(fact: AnalysedFact, values: Iterable<Scalar>, negated: boolean): FactSet {
  const all = universe(fact);
  const set = new Set(values);
  if (!all) return { kind: 'vals', values: set, negated };
  return { kind: 'vals', values: new Set(all.filter((v) => set.has(v) !== negated)), negated: false };
}

/** The intersection of two sets of one fact. */
export function intersect(fact: AnalysedFact, a: FactSet, b: FactSet): FactSet {
  if (a.kind === 'num' && b.kind === 'num') return { kind: 'num', set: intersectNum(a.set, b.set) };
  if (a.kind === 'vals' && b.kind === 'vals') {
    if (!a.negated && !b.negated)
      return vals(
        fact,
        [...a.values].filter((v) => b.values.has(v)),
        false,
      );
    if (a.negated && b.negated) return vals(fact, [...a.values, ...b.values], true);
    const [pos, neg] = a.negated ? [b, a] : [a, b];
    return vals(
      fact,
      [...pos.values].filter((v) => !neg.values.has(v)),
      false,
    );
  }
  throw new Error(`mixed set kinds for fact ${fact}`);
}

/** Everything the fact can be that is not in `s`. */
export function complement(fact: AnalysedFact, s: FactSet): FactSet {
  if (s.kind === 'num') {
    const domain = fullSet(fact);
    return { kind: 'num', set: complementNum(s.set, (domain as { set: NumSet }).set) };
  }
  return vals(fact, s.values, !s.negated);
}

/** The union of two sets of one fact. */
export function unite(fact: AnalysedFact, a: FactSet, b: FactSet): FactSet {
  if (a.kind === 'num' && b.kind === 'num')
    return { kind: 'num', set: numSet(a.set.integer || b.set.integer, [...a.set.parts, ...b.set.parts]) };
  return complement(fact, intersect(fact, complement(fact, a), complement(fact, b)));
}

/** Whether no value fits. */
export function isEmptySet(s: FactSet): boolean {
  return s.kind === 'num' ? isEmptyNum(s.set) : !s.negated && s.values.size === 0;
}

/** Whether `value` is in the set. */
export function hasValue(s: FactSet, value: Scalar): boolean {
  if (s.kind === 'num') return typeof value === 'number' && hasNum(s.set, value);
  return s.values.has(value) !== s.negated;
}

/** Whether the set is everything the fact can be. */
export function isFull(fact: AnalysedFact, s: FactSet): boolean {
  if (s.kind === 'num') return sameNum(s.set, (fullSet(fact) as { set: NumSet }).set);
  const all = universe(fact);
  // Sets of a fact with a finite universe are kept as the values allowed (see `vals`).
  return all ? !s.negated && s.values.size === all.length : s.negated && s.values.size === 0;
}

function levelRanges<L extends string>(
  levels: readonly L[],
  thresholds: Readonly<Record<string, number>>,
  wanted: ReadonlySet<Scalar>,
): NumSet {
  const parts = levels.flatMap((level, i) => {
    if (!wanted.has(level)) return [];
    const lo = i === 0 ? 0 : (thresholds[level] as number);
    const next = levels[i + 1];
    const hi = next === undefined ? 100 : (thresholds[next] as number);
    return [interval(lo, hi, false, next !== undefined)];
  });
  return intersectNum(numSet(true, parts), int(0, 100));
}

/** The severity scores of some severity bands under a scoring configuration. */
export function severityRange(scoring: Scoring, bands: Iterable<SeverityBand>): NumSet {
  return levelRanges(SEVERITY_BANDS, scoring.severity.bands, new Set(bands));
}

/** The value scores of some tiers under a scoring configuration. */
export function valueRange(scoring: Scoring, tiers: Iterable<ValueTier>): NumSet {
  return levelRanges(VALUE_TIERS, scoring.value.tiers, new Set(tiers));
}

/**
 * What one comparison allows, as a set of one analysed fact (derived facts rewritten). Operators have
 * json-rules-engine's meaning: strict equality, `in` by membership, `between` inclusive.
 */
export function atom(
  fact: FactName,
  operator: Operator,
  value: Scalar | readonly Scalar[],
  scoring: Scoring,
): { fact: AnalysedFact; set: FactSet } {
  if (fact === 'severityBand' || fact === 'valueTier' || fact === 'isRepeat') {
    const universeOf: readonly Scalar[] =
      fact === 'severityBand' ? SEVERITY_BANDS : fact === 'valueTier' ? VALUE_TIERS : [true, false];
    const chosen = new Set(universeOf.filter((v) => allows(operator, value, v)));
    if (fact === 'severityBand')
      return {
        fact: 'severity',
        set: { kind: 'num', set: severityRange(scoring, chosen as Set<SeverityBand>) },
      };
    if (fact === 'valueTier')
      return { fact: 'value', set: { kind: 'num', set: valueRange(scoring, chosen as Set<ValueTier>) } };
    const parts = [
      ...(chosen.has(true) ? [interval(2, Number.POSITIVE_INFINITY)] : []),
      ...(chosen.has(false) ? [interval(1, 1)] : []),
    ];
    return {
      fact: 'complaints90d',
      set: { kind: 'num', set: intersectNum(numSet(true, parts), NUMBER_DOMAINS.complaints90d as NumSet) },
    };
  }
  const f = fact as AnalysedFact;
  const domain = fullSet(f);
  if (domain.kind === 'num') {
    const n = domain.set;
    const v = value as number;
    const list = value as readonly number[];
    const raw = (() => {
      switch (operator) {
        case 'equal':
          return numSet(false, [interval(v, v)]);
        case 'notEqual':
          return complementNum(
            numSet(false, [interval(v, v)]),
            numSet(false, [interval(-Infinity, Infinity)]),
          );
        case 'lessThan':
          return numSet(false, [interval(Number.NEGATIVE_INFINITY, v, true, true)]);
        case 'lessThanInclusive':
          return numSet(false, [interval(Number.NEGATIVE_INFINITY, v)]);
        case 'greaterThan':
          return numSet(false, [interval(v, Number.POSITIVE_INFINITY, true)]);
        case 'greaterThanInclusive':
          return numSet(false, [interval(v, Number.POSITIVE_INFINITY)]);
        case 'in':
          return numSet(
            false,
            list.map((x) => interval(x, x)),
          );
        case 'notIn':
          return complementNum(
            numSet(
              false,
              list.map((x) => interval(x, x)),
            ),
            numSet(false, [interval(-Infinity, Infinity)]),
          );
        case 'between':
          return numSet(false, [interval(list[0] as number, list[1] as number)]);
      }
    })();
    return { fact: f, set: { kind: 'num', set: intersectNum(raw, n) } };
  }
  switch (operator) {
    case 'equal':
      return { fact: f, set: vals(f, [value as Scalar], false) };
    case 'notEqual':
      return { fact: f, set: vals(f, [value as Scalar], true) };
    case 'in':
      return { fact: f, set: vals(f, value as readonly Scalar[], false) };
    case 'notIn':
      return { fact: f, set: vals(f, value as readonly Scalar[], true) };
    default:
      // The loader refuses ordering operators on facts that are not numbers.
      throw new Error(`operator ${operator} on ${fact}`);
  }
}

function allows(operator: Operator, value: Scalar | readonly Scalar[], candidate: Scalar): boolean {
  switch (operator) {
    case 'equal':
      return candidate === value;
    case 'notEqual':
      return candidate !== value;
    case 'in':
      return (value as readonly Scalar[]).includes(candidate);
    case 'notIn':
      return !(value as readonly Scalar[]).includes(candidate);
    default:
      return false;
  }
}
