import { CATEGORIES, REMEDY_TYPES, type RemedyType, type RuleSet, VALUE_TIERS } from '../../index';
import { fromMinor } from '../../money';
import { type ConvertedWith, costCurrency, RatesMet, type Reporting } from './reporting';
import type { Tallied } from './tallied';

/** Complaints and their cost in one group (a tier, a category). */
export interface CostGroup {
  readonly key: string;
  readonly complaints: number;
  readonly totalCost: number;
  readonly meanCost: number;
}

/** Costs in one currency: totals, and by tier and category. */
export interface CurrencyCosts {
  readonly currency: string;
  /** The rates complaints in other currencies were converted into this one with (`--rates`), if any were. */
  readonly converted?: ConvertedWith;
  readonly complaints: number;
  readonly totalCost: number;
  readonly meanCost: number;
  readonly restitutionCost: number;
  readonly goodwillCost: number;
  /**
   * What linking kept from being paid twice: for each complaint linked to a case, what it would have
   * got alone minus what it got (docs/cases.md). Not in `totalCost`.
   */
  readonly savedByLinking: number;
  readonly byTier: readonly CostGroup[];
  readonly byCategory: readonly CostGroup[];
}

/** What one rule set did to the complaints. */
export interface SideSummary {
  readonly ruleSet: { readonly name: string; readonly version: string; readonly source: string };
  readonly recommendations: number;
  /** For each remedy type: how many recommendations include it, and their share. */
  readonly remedies: readonly {
    readonly type: RemedyType;
    readonly complaints: number;
    readonly share: number;
  }[];
  /**
   * Money is summed per currency: amounts in different currencies are never added up unconverted. With
   * `--rates`, complaints in other currencies are converted into the rule set's currency and summed in it.
   */
  readonly currencies: readonly CurrencyCosts[];
  readonly handling: {
    readonly automatic: number;
    readonly human: number;
    /** Complaints linked to an earlier complaint's case (`handling.mode: 'linked'`). */
    readonly linked: number;
    readonly automaticShare: number;
    readonly reasons: readonly { readonly reason: string; readonly complaints: number }[];
  };
  /** How often each rule fired, in rule-file order. */
  readonly rules: readonly { readonly name: string; readonly fired: number }[];
}

interface Bucket {
  complaints: number;
  minor: number;
}

class CurrencyTally {
  complaints = 0;
  total = 0;
  restitution = 0;
  goodwill = 0;
  saved = 0;
  readonly byTier = new Map<string, Bucket>();
  readonly byCategory = new Map<string, Bucket>();
}

const share = (part: number, whole: number) => (whole === 0 ? 0 : part / whole);

function add(map: Map<string, Bucket>, key: string, minor: number): void {
  const bucket = map.get(key) ?? { complaints: 0, minor: 0 };
  bucket.complaints += 1;
  bucket.minor += minor;
  map.set(key, bucket);
}

function groups(map: Map<string, Bucket>, currency: string, order: readonly string[]): CostGroup[] {
  const rank = (key: string) => (order.includes(key) ? order.indexOf(key) : order.length);
  const keys = [...map.keys()].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  return keys.map((key) => {
    const b = map.get(key) as Bucket;
    return {
      key,
      complaints: b.complaints,
      totalCost: fromMinor(b.minor, currency),
      meanCost: fromMinor(Math.round(b.minor / b.complaints), currency),
    };
  });
}

const withRates = (converted: ConvertedWith | undefined) => (converted ? { converted } : {});

/** Categories in the order people think of them (the schema's order). */
export const CATEGORY_ORDER: readonly string[] = CATEGORIES;

/** Adds up what one rule set recommended, one recommendation at a time, in constant memory. */
export class SideTally {
  private recommendations = 0;
  private readonly remedyCounts = new Map<RemedyType, number>();
  private readonly currencies = new Map<string, CurrencyTally>();
  private automatic = 0;
  private linked = 0;
  private readonly reasons = new Map<string, number>();
  private readonly fired = new Map<string, number>();
  private readonly ratesMet: RatesMet;

  constructor(
    private readonly ruleSet: RuleSet,
    private readonly source: string,
    private readonly reporting?: Reporting,
  ) {
    this.ratesMet = new RatesMet(reporting);
  }

  /** Counts one recommendation. */
  add(rec: Tallied): void {
    this.recommendations += 1;
    for (const type of rec.types) {
      this.remedyCounts.set(type, (this.remedyCounts.get(type) ?? 0) + 1);
    }
    const cost = costCurrency(rec, this.reporting);
    this.ratesMet.note(rec.currency, cost);
    let c = this.currencies.get(cost.currency);
    if (!c) {
      c = new CurrencyTally();
      this.currencies.set(cost.currency, c);
    }
    const minor = cost.minor(rec.totalCost);
    c.complaints += 1;
    c.total += minor;
    c.restitution += cost.minor(rec.restitutionCost);
    c.goodwill += cost.minor(rec.goodwillCost);
    add(c.byTier, rec.tier, minor);
    add(c.byCategory, rec.category, minor);
    if (rec.saved !== undefined) c.saved += cost.minor(rec.saved);
    if (rec.mode === 'automatic') this.automatic += 1;
    if (rec.mode === 'linked') this.linked += 1;
    for (const reason of rec.reasons) this.reasons.set(reason, (this.reasons.get(reason) ?? 0) + 1);
    for (const rule of rec.fired) this.fired.set(rule, (this.fired.get(rule) ?? 0) + 1);
  }

  /** The totals so far. */
  summary(): SideSummary {
    const n = this.recommendations;
    return {
      ruleSet: { name: this.ruleSet.name, version: this.ruleSet.version, source: this.source },
      recommendations: n,
      remedies: REMEDY_TYPES.map((type) => {
        const complaints = this.remedyCounts.get(type) ?? 0;
        return { type, complaints, share: share(complaints, n) };
      }),
      currencies: [...this.currencies.entries()]
        .sort((a, b) => b[1].complaints - a[1].complaints || a[0].localeCompare(b[0]))
        .map(([currency, c]) => ({
          currency,
          ...withRates(this.ratesMet.of(currency)),
          complaints: c.complaints,
          totalCost: fromMinor(c.total, currency),
          meanCost: fromMinor(Math.round(c.total / c.complaints), currency),
          restitutionCost: fromMinor(c.restitution, currency),
          goodwillCost: fromMinor(c.goodwill, currency),
          savedByLinking: fromMinor(c.saved, currency),
          byTier: groups(c.byTier, currency, VALUE_TIERS),
          byCategory: groups(c.byCategory, currency, CATEGORY_ORDER),
        })),
      handling: {
        automatic: this.automatic,
        human: n - this.automatic - this.linked,
        linked: this.linked,
        automaticShare: share(this.automatic, n),
        reasons: [...this.reasons.entries()]
          .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
          .map(([reason, complaints]) => ({ reason, complaints })),
      },
      rules: this.ruleSet.rules.map((r) => ({ name: r.name, fired: this.fired.get(r.name) ?? 0 })),
    };
  }
}
