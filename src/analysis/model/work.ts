/**
 * What the analysis may spend, counted in units of work rather than measured in time, so that the same
 * rule set and options give the same findings on every machine, however busy. One unit is one operation
 * on two boxes (a meet, or one box taken from another); the costlier steps are charged in these units
 * (`COST`).
 */

/** What the steps that are not box operations cost, in units. */
export const COST = {
  /** Taking one box from another (about two meets). */
  subtract: 2,
  /** Looking for a complaint in one box (choosing its factors, building it, parsing it). */
  witness: 300,
  /** Generating one complaint of the search (building, parsing and scoring it). */
  sample: 100,
  /** Each prior complaint or compensation a generated complaint lists (built, parsed, counted). */
  historyEntry: 2,
  /** Leaf conditions evaluated on a complaint's facts for one unit. */
  leavesPerUnit: 100,
  /** Searched complaints looked up in a set of them for one unit. */
  lookupsPerUnit: 100,
} as const;

/** Leaf conditions evaluated so far: how the checks count the work of running rules on complaints. */
export interface LeafCount {
  leaves: number;
}

/** Thrown when a budget runs out; `budget` says which (a question's own, or the analysis's total). */
export class OutOfWork extends Error {
  constructor(readonly budget: Work) {
    super('the analysis ran out of work units');
    this.name = 'OutOfWork';
  }
}

/**
 * A budget of work units, possibly within a larger one: spending here spends there too, and the budget
 * is exhausted when either is. `spend` throws `OutOfWork` rather than returning a flag, so that the box
 * operations deep inside a check need not pass the news up by hand: the check that asked catches it.
 */
export class Work {
  private spent = 0;

  constructor(
    /** Most units this budget allows. */
    readonly limit: number,
    private readonly parent?: Work,
    /**
     * Whether running out of it only ends an attempt (the questions under it go to the search instead,
     * see `withinBudget`), rather than the work of the check.
     */
    readonly soft = false,
  ) {}

  /** Units spent so far. */
  get used(): number {
    return this.spent;
  }

  /** Whether nothing more may be spent. */
  get exhausted(): boolean {
    return this.spent >= this.limit || (this.parent?.exhausted ?? false);
  }

  /**
   * Spends `units`, or throws `OutOfWork` naming the budget that cannot afford them (the outermost
   * one first, so that a caller can tell "this question was too large" from "the analysis is over").
   */
  spend(units = 1): void {
    this.parent?.spend(units);
    if (this.spent + units > this.limit) {
      this.spent = this.limit;
      throw new OutOfWork(this);
    }
    this.spent += units;
  }

  /** Whether `units` can be spent here and in every budget around this one. */
  canAfford(units: number): boolean {
    return this.spent + units <= this.limit && (this.parent?.canAfford(units) ?? true);
  }

  /** Spends `units` when they can be afforded (see `canAfford`) and says whether they were. */
  trySpend(units: number): boolean {
    if (!this.canAfford(units)) return false;
    this.spend(units);
    return true;
  }

  /** A budget of at most `limit` units, spent from this one. */
  within(limit: number): Work {
    return new Work(limit, this);
  }

  /** A soft budget of at most `limit` units, spent from this one: for attempts that have a way out. */
  attempt(limit: number): Work {
    return new Work(limit, this, true);
  }

  /** Whether `budget` running out ends the work under this one: it is this one, or a soft one around it. */
  endsAt(budget: Work): boolean {
    if (budget === this) return true;
    return this.parent?.soft === true && this.parent.endsAt(budget);
  }
}

/**
 * Runs `step`; undefined when `budget`, or a soft budget around it, ran out on the way (an outer, hard
 * one running out is thrown on).
 */
export function withinBudget<T>(budget: Work, step: () => T): T | undefined {
  try {
    return step();
  } catch (e) {
    if (e instanceof OutOfWork && budget.endsAt(e.budget)) return undefined;
    throw e;
  }
}

/**
 * Shares a budget out among steps run in turn, by weight: each step may spend its part of what is left
 * when it starts, so that no step can starve the ones after it, and what one leaves passes on to them.
 */
export function shareOut(total: Work, weights: readonly number[]): () => Work {
  let step = 0;
  return () => {
    const left = weights.slice(step).reduce((a, b) => a + b, 0);
    const weight = weights[step++] ?? 0;
    const remaining = Math.max(0, total.limit - total.used);
    return total.within(left > 0 ? Math.floor((remaining * weight) / left) : 0);
  };
}
