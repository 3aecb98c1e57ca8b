import { safeParseComplaint } from '../../complaint/parse';
import { CATEGORIES, CHANNELS, type ComplaintInput, TONES } from '../../complaint/schema';
import type { Facts } from '../../facts/catalogue';
import { toFacts } from '../../facts/to-facts';
import { currencyDigits, knownCurrencies } from '../../money';
import { asJudged } from '../../policy/quiet-post';
import type { Condition } from '../../rules/condition';
import type { Scalar } from '../../rules/operators';
import type { RuleSet } from '../../rules/ruleset';
import { type Blueprint, buildComplaint } from './blueprint';
import { type AnalysedFact, clampToDomain } from './fact-sets';
import { COST, type Work } from './work';

/** One complaint the search tried, with its facts. */
export interface Sample {
  readonly complaint: ComplaintInput;
  readonly facts: Facts;
}

/** mulberry32: a small, fast, seeded generator, so that a search gives the same answer every run. */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Every value the rules compare each fact with, and its neighbours: where rules change their minds. */
function constants(ruleSet: RuleSet): Map<string, Scalar[]> {
  const out = new Map<string, Scalar[]>();
  const visit = (c: Condition) => {
    if ('all' in c) c.all.forEach(visit);
    else if ('any' in c) c.any.forEach(visit);
    else if ('not' in c) visit(c.not);
    else {
      const list = out.get(c.fact) ?? [];
      for (const v of Array.isArray(c.value) ? c.value : [c.value]) {
        list.push(v);
        if (typeof v === 'number') list.push(v - 1, v + 1, v - 0.01, v + 0.01);
      }
      out.set(c.fact, list);
    }
  };
  for (const rule of ruleSet.rules) visit(rule.conditions);
  return out;
}

/**
 * A sample's currency. A rule set that names its currency reads every complaint's money in it, so the
 * samples are in it, unless a rule asks for another (the `currency` fact); a rule set without one is
 * tried mostly in euros and now and then in currencies of other scales.
 */
function sampleCurrency(
  random: () => number,
  own: string | undefined,
  pick: (base: readonly string[]) => string,
): string {
  if (random() < 0.85) return own ?? 'EUR';
  return pick(own ? [own] : ['JPY', 'USD', 'KWD']);
}

/**
 * Samples complaints across every category, channel, tone and order or subscription shape, with
 * numbers drawn near the values the rules compare with. Deterministic for a seed.
 */
export function searchComplaints(ruleSet: RuleSet, runs: number, seed: number, work: Work): Sample[] {
  const random = generator(seed);
  const near = constants(ruleSet);
  const one = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
  // One of `base` and `extra` (each of `extra` `times` over), as if drawn from their concatenation,
  // without building it: the rules' constants can number in the tens of thousands.
  const oneOf = <T>(base: readonly T[], extra: readonly T[], times: number): T => {
    const i = Math.floor(random() * (base.length + extra.length * times));
    return (i < base.length ? base[i] : extra[(i - base.length) % extra.length]) as T;
  };
  // Constants are taken only where a complaint can have them (see `withinDomain`), and currencies only
  // those that exist (a rule may compare `currency` with "").
  const numberConstants = memo((fact: string) => withinDomain(fact, near.get(fact) ?? []));
  const stringConstants = memo((fact: string) =>
    (near.get(fact) ?? []).filter(
      (v): v is string => typeof v === 'string' && (fact !== 'currency' || knownCurrencies.has(v)),
    ),
  );
  const numbers = (fact: string, base: readonly number[]) => oneOf(base, numberConstants(fact), 2);
  const strings = (fact: string, base: readonly string[]) => oneOf(base, stringConstants(fact), 1);
  const samples: Sample[] = [];
  for (let i = 0; i < runs; i++) {
    const currency = sampleCurrency(random, ruleSet.currency, (base) => strings('currency', base));
    const scale = 10 ** currencyDigits(currency);
    const money = (x: number) => Math.max(0, Math.round(x * scale) / scale);
    const { order, subscription } = drawShape({ random, numbers, strings, money });
    const count = random() < 0.7 ? 0 : Math.max(1, Math.floor(numbers('compensations90d', [1, 2, 3, 4])));
    const amount =
      count === 0 ? 0 : Math.max(count / scale, money(numbers('compensation90d', [10, 50, 150])));
    const blueprint: Blueprint = {
      category:
        random() < 0.5 ? one(CATEGORIES) : (strings('category', [...CATEGORIES]) as Blueprint['category']),
      channel: one(CHANNELS),
      tone: one(TONES),
      legalThreat: random() < 0.15,
      currency,
      order,
      subscription,
      publicReach:
        random() < 0.7 ? null : Math.floor(numbers('publicReach', [0, 5, 50, 500, 5e3, 5e4, 5e5, 5e6])),
      complaints90d: Math.max(1, Math.floor(numbers('complaints90d', [1, 1, 1, 2, 3, 4]))),
      tenureMonths: Math.floor(numbers('tenureMonths', [Math.floor(random() * 120)])),
      lifetimeSpend: money(one([0, 50, 500, 5000, 50_000, 500_000])),
      orderCount: Math.floor(random() * 40),
      recentOrder: random() < 0.5,
      recentOrderDays: ruleSet.scoring.value.weights.recentOrderDays,
      goodwill: { amount, count },
    };
    // The search stops where its budget does: fewer complaints, never a hang.
    if (!work.trySpend(sampleCost(blueprint))) break;
    const complaint = buildComplaint(blueprint, `search-${i + 1}`);
    const parsed = safeParseComplaint(complaint);
    if (parsed.ok) {
      const judged = asJudged(parsed.value, ruleSet.policy.publicReachThreshold);
      samples.push({ complaint, facts: toFacts(judged, ruleSet.scoring).facts });
    }
  }
  return samples;
}

/** How the search draws numbers and strings: near the rules' constants, on the currency's grid. */
interface Draw {
  readonly random: () => number;
  readonly numbers: (fact: string, base: readonly number[]) => number;
  readonly strings: (fact: string, base: readonly string[]) => string;
  readonly money: (x: number) => number;
}

/**
 * An order, a subscription or both. An order is undelivered half the time, its days late drawn near
 * the constants of `daysLate` or `daysOverdue` (one number for an undelivered order); without an order
 * the subscription may carry the overcharge.
 */
function drawShape({ random, numbers, strings, money }: Draw): Pick<Blueprint, 'order' | 'subscription'> {
  const shape = random();
  const total = money(numbers('orderTotal', [0, 5, 19.99, 20, 59.9, 100, 250, 1000]));
  const days = [1, 2, 3, 5, 6, 7, 10, 14, 30];
  const order =
    shape < 0.75
      ? {
          total,
          overcharge: random() < 0.6 ? 0 : Math.min(total, money(numbers('overcharge', [1, 4.99, 25]))),
          daysLate:
            random() < 0.4 ? 0 : Math.floor(numbers(random() < 0.5 ? 'daysLate' : 'daysOverdue', days)),
          undelivered: random() < 0.5,
          itemsAffected: Math.floor(numbers('itemsAffected', [0, 1, 1, 2, 3, 4, 6])),
        }
      : null;
  const subscription =
    shape >= 0.5
      ? {
          plan: strings('plan', ['Plus', 'Basic']),
          monthlyPrice: money(numbers('monthlyPrice', [4.99, 9.99, 29.99])),
          ...(order === null && random() < 0.4
            ? { overcharge: money(numbers('overcharge', [1, 4.99, 25])) }
            : {}),
        }
      : null;
  return { order, subscription };
}

/**
 * The numbers a fact is compared with that a complaint can have, non-negative and within the fact's
 * domain; those beyond it stand for the domain's nearest bound, once. A rule may compare
 * `complaints90d` with 1e9: a customer with a billion prior complaints is not a complaint but a crash.
 */
function withinDomain(fact: string, constants: readonly Scalar[]): number[] {
  const numbers = constants.filter((v): v is number => typeof v === 'number' && v >= 0);
  const inside = numbers.filter((v) => clampToDomain(fact as AnalysedFact, v) === v);
  const bounds = new Set(
    numbers.filter((v) => !inside.includes(v)).map((v) => clampToDomain(fact as AnalysedFact, v)),
  );
  return [...inside, ...bounds];
}

/** What building, parsing and scoring a complaint costs: a base, and each listed entry of its history. */
function sampleCost(b: Blueprint): number {
  return COST.sample + (b.complaints90d - 1 + b.goodwill.count) * COST.historyEntry;
}

/** `f`, remembering its answer for each key. */
function memo<T>(f: (key: string) => T): (key: string) => T {
  const seen = new Map<string, T>();
  return (key) => {
    if (!seen.has(key)) seen.set(key, f(key));
    return seen.get(key) as T;
  };
}
