import { fromMinor, toMinor } from '../money';
import type { CompactOutcome } from './outcome-index';
import { type Share, wilson } from './share';
import type { StoredRecommendation } from './stored-recommendation';
import type { CostPerSatisfied, OutcomeGroup } from './summary';

/** The lowest CSAT that counts as satisfied ("top-two box" on a 1–5 scale). */
export const SATISFIED_FROM = 4;

/** Records that say yes of those that say at all. */
class YesCount {
  known = 0;
  yes = 0;

  add(value: boolean | null | undefined): void {
    if (value === null || value === undefined) return;
    this.known += 1;
    if (value) this.yes += 1;
  }

  share(): Share {
    return wilson(this.yes, this.known);
  }
}

interface CostCount {
  complaints: number;
  minor: number;
  responses: number;
  responsesMinor: number;
  satisfied: number;
}

/** Adds up the outcomes of one group of complaints, in constant memory. */
export class Tally {
  private complaints = 0;
  private csatSum = 0;
  /** Of the CSAT answers, the satisfied ones. */
  readonly satisfied = new YesCount();
  private readonly repeat = new YesCount();
  private readonly churn = new YesCount();
  private readonly reopened = new YesCount();
  private readonly publicResolved = new YesCount();
  private readonly acceptance = { first: 0, alternative: 0, refused: 0 };
  private readonly costs = new Map<string, CostCount>();

  /** Counts one complaint: its recommendation and its outcome. */
  add(rec: StoredRecommendation, o: CompactOutcome, repeatWithinDays: number): void {
    this.complaints += 1;
    if (o.csat !== null) {
      this.csatSum += o.csat;
      this.satisfied.add(o.csat >= SATISFIED_FROM);
    }
    if (o.repeatWithinDays !== undefined)
      this.repeat.add(o.repeatWithinDays !== null && o.repeatWithinDays <= repeatWithinDays);
    this.churn.add(o.churned);
    this.reopened.add(o.reopened);
    this.publicResolved.add(o.publicResolved);
    if (o.accepted !== null) this.acceptance[o.accepted] += 1;
    this.addCost(rec, o);
  }

  private addCost(rec: StoredRecommendation, o: CompactOutcome): void {
    let c = this.costs.get(rec.currency);
    if (!c) {
      c = { complaints: 0, minor: 0, responses: 0, responsesMinor: 0, satisfied: 0 };
      this.costs.set(rec.currency, c);
    }
    const minor = toMinor(rec.totalCost, rec.currency);
    c.complaints += 1;
    c.minor += minor;
    if (o.csat === null) return;
    c.responses += 1;
    c.responsesMinor += minor;
    if (o.csat >= SATISFIED_FROM) c.satisfied += 1;
  }

  /** The group's figures under `key`. */
  summary(key: string): OutcomeGroup {
    const { first, alternative, refused } = this.acceptance;
    const answers = this.satisfied.known;
    return {
      key,
      complaints: this.complaints,
      csat: { mean: answers === 0 ? null : this.csatSum / answers, satisfied: this.satisfied.share() },
      repeat: this.repeat.share(),
      churn: this.churn.share(),
      reopened: this.reopened.share(),
      publicResolved: this.publicResolved.share(),
      firstChoice: wilson(first, first + alternative + refused),
      acceptance: { first, alternative, refused },
      costs: [...this.costs.entries()]
        .sort((a, b) => b[1].complaints - a[1].complaints || a[0].localeCompare(b[0]))
        .map(([currency, c]) => costSummary(currency, c)),
    };
  }
}

function costSummary(currency: string, c: CostCount): CostPerSatisfied {
  return {
    currency,
    complaints: c.complaints,
    totalCost: fromMinor(c.minor, currency),
    responses: c.responses,
    responsesCost: fromMinor(c.responsesMinor, currency),
    satisfied: c.satisfied,
    perSatisfied: c.satisfied === 0 ? null : fromMinor(Math.round(c.responsesMinor / c.satisfied), currency),
  };
}
