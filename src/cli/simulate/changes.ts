import { REMEDY_TYPES, type RemedyType } from '../../index';
import { fromMinor, toMinor } from '../../money';
import { remedyLabel } from './remedy-label';
import { type ConvertedWith, costCurrency, RatesMet, type Reporting } from './reporting';
import { CATEGORY_ORDER } from './side';
import { remediesOf, sameForCustomer, type Tallied, type TalliedRemedies } from './tallied';

/** One complaint whose recommendation differs between the baseline and the new rule set. */
export interface ChangedComplaint {
  readonly line: number;
  readonly complaintId: string;
  readonly category: string;
  readonly tier: string;
  readonly severityBand: string;
  readonly currency: string;
  readonly before: { readonly remedies: readonly string[]; readonly cost: number; readonly handling: string };
  readonly after: { readonly remedies: readonly string[]; readonly cost: number; readonly handling: string };
  /** New cost minus baseline cost. */
  readonly delta: number;
}

/** How the new rule set's recommendations differ from the baseline's. */
export interface ChangesSummary {
  /** Complaints both rule sets recommended for. */
  readonly compared: number;
  readonly changed: number;
  readonly share: number;
  readonly costlier: number;
  readonly cheaper: number;
  /** Same cost, different remedies (or parameters). */
  readonly sameCost: number;
  /** The handling mode (automatic or a person) changed. */
  readonly handlingChanged: number;
  /** Per currency: cost before and after over all compared complaints, and the change by category. */
  readonly currencies: readonly {
    readonly currency: string;
    /** The rates complaints in other currencies were converted into this one with (`--rates`), if any were. */
    readonly converted?: ConvertedWith;
    readonly baselineCost: number;
    readonly cost: number;
    readonly delta: number;
    readonly byCategory: readonly {
      readonly key: string;
      readonly changed: number;
      readonly delta: number;
    }[];
  }[];
  /** Remedy types that appear in recommendations that did not have them before, and the reverse. */
  readonly remediesAdded: readonly { readonly type: RemedyType; readonly complaints: number }[];
  readonly remediesRemoved: readonly { readonly type: RemedyType; readonly complaints: number }[];
  /** The largest changes by absolute cost change (then by line), at most the number asked for. */
  readonly largest: readonly ChangedComplaint[];
}

/** One side of a change as kept while counting: its remedies not yet read back (see `remediesOf`) nor labelled. */
interface Side {
  readonly remedies: TalliedRemedies;
  readonly cost: number;
  readonly handling: string;
}

/** A change as kept while counting, with its size (the absolute change in the reporting currency). */
type Change = Omit<ChangedComplaint, 'before' | 'after'> & {
  readonly before: Side;
  readonly after: Side;
  readonly size: number;
};

const labelled = (side: Side, currency: string): ChangedComplaint['before'] => ({
  remedies: remediesOf(side).map((r) => remedyLabel(r, currency)),
  cost: side.cost,
  handling: side.handling,
});

interface CurrencyDelta {
  before: number;
  after: number;
  readonly byCategory: Map<string, { changed: number; delta: number }>;
}

/**
 * Compares two rule sets' recommendations complaint by complaint, in constant memory: counts, sums and
 * the `keep` largest changes (a bounded selection, so a million changed complaints cost no more memory
 * than a thousand).
 */
export class ChangeTally {
  private compared = 0;
  private changed = 0;
  private costlier = 0;
  private cheaper = 0;
  private sameCost = 0;
  private handlingChanged = 0;
  private readonly currencies = new Map<string, CurrencyDelta>();
  private readonly added = new Map<RemedyType, number>();
  private readonly removed = new Map<RemedyType, number>();
  private largest: Change[] = [];
  /**
   * The smallest size kept at the last trim, once `keep` were: a change smaller than that can never be
   * among the largest, so it is not kept meanwhile (most changes of a long replay are not).
   */
  private floor = Number.NEGATIVE_INFINITY;
  private readonly ratesMet: RatesMet;

  constructor(
    private readonly keep: number,
    private readonly reporting?: Reporting,
  ) {
    this.ratesMet = new RatesMet(reporting);
  }

  /** Compares the two recommendations for the complaint on `line`; true when they differ. */
  add(line: number, baseline: Tallied, proposed: Tallied): boolean {
    this.compared += 1;
    const currency = proposed.currency;
    const beforeMinor = toMinor(baseline.totalCost, currency);
    const afterMinor = toMinor(proposed.totalCost, currency);
    // Totals are added up in the reporting currency when there is one; each complaint's own change is
    // shown in its own currency.
    const cost = costCurrency(proposed, this.reporting);
    this.ratesMet.note(currency, cost);
    let c = this.currencies.get(cost.currency);
    if (!c) {
      c = { before: 0, after: 0, byCategory: new Map() };
      this.currencies.set(cost.currency, c);
    }
    const reportedBefore = cost.minor(baseline.totalCost);
    const reportedAfter = cost.minor(proposed.totalCost);
    c.before += reportedBefore;
    c.after += reportedAfter;
    if (sameForCustomer(baseline, proposed)) return false;

    this.changed += 1;
    const deltaMinor = afterMinor - beforeMinor;
    if (deltaMinor > 0) this.costlier += 1;
    else if (deltaMinor < 0) this.cheaper += 1;
    else this.sameCost += 1;
    if (baseline.mode !== proposed.mode) this.handlingChanged += 1;
    const category = proposed.category;
    const cat = c.byCategory.get(category) ?? { changed: 0, delta: 0 };
    cat.changed += 1;
    cat.delta += reportedAfter - reportedBefore;
    c.byCategory.set(category, cat);

    const before = new Set(baseline.types);
    const after = new Set(proposed.types);
    for (const type of after) if (!before.has(type)) this.added.set(type, (this.added.get(type) ?? 0) + 1);
    for (const type of before)
      if (!after.has(type)) this.removed.set(type, (this.removed.get(type) ?? 0) + 1);

    // The largest changes are the largest in one currency: the reporting one when there is one.
    const size = Math.abs(fromMinor(reportedAfter - reportedBefore, cost.currency));
    if (this.keep === 0 || size < this.floor) return true;
    // The remedies are labelled only for the changes that are kept (in `summary`): most are not.
    this.largest.push({
      line,
      complaintId: proposed.complaintId,
      category,
      tier: proposed.tier,
      severityBand: proposed.band,
      currency,
      before: { remedies: baseline.remedies, cost: baseline.totalCost, handling: baseline.mode },
      after: { remedies: proposed.remedies, cost: proposed.totalCost, handling: proposed.mode },
      delta: fromMinor(deltaMinor, currency),
      size,
    });
    if (this.largest.length >= this.keep * 2) this.trim();
    return true;
  }

  private trim(): void {
    this.largest.sort((a, b) => b.size - a.size || a.line - b.line);
    this.largest.length = Math.min(this.largest.length, this.keep);
    const last = this.largest[this.keep - 1];
    if (last) this.floor = last.size;
  }

  /** The comparison so far. */
  summary(): ChangesSummary {
    this.trim();
    const counts = (map: Map<RemedyType, number>) =>
      REMEDY_TYPES.filter((t) => map.has(t)).map((type) => ({ type, complaints: map.get(type) as number }));
    return {
      compared: this.compared,
      changed: this.changed,
      share: this.compared === 0 ? 0 : this.changed / this.compared,
      costlier: this.costlier,
      cheaper: this.cheaper,
      sameCost: this.sameCost,
      handlingChanged: this.handlingChanged,
      currencies: [...this.currencies.entries()].map(([currency, c]) => ({
        currency,
        ...(this.ratesMet.of(currency) ? { converted: this.ratesMet.of(currency) as ConvertedWith } : {}),
        baselineCost: fromMinor(c.before, currency),
        cost: fromMinor(c.after, currency),
        delta: fromMinor(c.after - c.before, currency),
        byCategory: CATEGORY_ORDER.filter((k) => c.byCategory.has(k)).map((key) => {
          const v = c.byCategory.get(key) as { changed: number; delta: number };
          return { key, changed: v.changed, delta: fromMinor(v.delta, currency) };
        }),
      })),
      remediesAdded: counts(this.added),
      remediesRemoved: counts(this.removed),
      largest: this.largest.map((c) => ({
        line: c.line,
        complaintId: c.complaintId,
        category: c.category,
        tier: c.tier,
        severityBand: c.severityBand,
        currency: c.currency,
        before: labelled(c.before, c.currency),
        after: labelled(c.after, c.currency),
        delta: c.delta,
      })),
    };
  }
}
