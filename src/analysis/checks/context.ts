import type { Facts } from '../../facts/catalogue';
import type { HitPolicy } from '../../policy/schema';
import type { RuleSet } from '../../rules/ruleset';
import type { RuleModel } from '../model/rule-model';
import { type Sample, searchComplaints } from '../model/search';
import { COST, type LeafCount, OutOfWork, Work } from '../model/work';
import { type CheckName, OpenQuestions } from './not-analysed';

/** Whether a rule fires for these facts. */
export const fires = (r: RuleModel, facts: Facts): boolean => r.test(facts);

/** A question the budget left open. */
const OPEN: unique symbol = Symbol('open');

/**
 * What every check reads: the rule set, the hit policy it is analysed under, its enabled rules as the
 * model sees them, the work budgets, and the seeded search, which runs once and only when a check
 * cannot be settled exactly (so that `exact` in the analysis says whether it ran).
 */
export class CheckContext {
  private samples: Sample[] | undefined;
  private readonly firedSets = new Map<RuleModel, ReadonlySet<Sample>>();
  private liveRules: RuleModel[] | undefined;
  private anyFired: ReadonlySet<Sample> | undefined;
  /** The questions the checks could not answer within the budget. */
  readonly open = new OpenQuestions();

  constructor(
    readonly ruleSet: RuleSet,
    readonly hit: HitPolicy,
    readonly rules: readonly RuleModel[],
    /** Most pieces the remainders of gap and shadow checks may have before they are left to the search. */
    readonly maxPieces: number,
    private readonly searchRuns: number,
    private readonly seed: number,
    /** Most units one question may spend before it is left to the search (`maxWorkPerRule`). */
    private readonly perQuestion: number,
    /** Counts the leaf conditions the rules' tests evaluate (see `RuleModel.test`). */
    private readonly evaluated: LeafCount,
    /** The analysis's whole budget (`maxWork`), from which the search takes its part. */
    private readonly total: Work,
  ) {}

  /** What the check running now may spend, in all (its share of `maxWork`). */
  private budget: Work = new Work(0);
  /** What it may spend on questions' exact answers: half its share, so that the search can answer the rest. */
  private exactShare: Work = new Work(0);

  /** Runs a check within its share of the analysis's budget. */
  during<T>(share: Work, check: () => T): T {
    this.budget = share;
    this.exactShare = share.attempt(Math.floor(share.limit / 2));
    return check();
  }

  /** What the check running now may spend in all. */
  get work(): Work {
    return this.budget;
  }

  /**
   * A fresh budget for one question's exact answer, spent from the check's share for exact answers:
   * when either runs out, the question goes to the search.
   */
  question(): Work {
    return this.exactShare.within(this.perQuestion);
  }

  /**
   * Answers one question of a check, or, when the check's share of the budget is spent (before or
   * while answering it), records it as not analysed and returns undefined. `subject` names it: a
   * rule, a pair, a category and band.
   */
  ask<T>(check: CheckName, subject: () => string, answer: () => T): T | undefined {
    const left = this.tryAnswer(answer);
    if (left === OPEN) this.open.add(check, subject);
    return left === OPEN ? undefined : left;
  }

  /** The answer, or `OPEN` when the check's budget ran out; nothing is recorded. */
  tryAnswer<T>(answer: () => T): T | typeof OPEN {
    // Once spent, no question is tried at all: throwing for each of a million pairs would cost more
    // than the budget saved.
    if (this.budget.exhausted) return OPEN;
    try {
      return answer();
    } catch (e) {
      if (e instanceof OutOfWork) return OPEN;
      throw e;
    }
  }

  /** The complaints of the search, generated on first use. */
  search(): Sample[] {
    // The search serves every check after it, so it is not charged to the check that first needs it:
    // it may spend half of what the analysis has left, and stops early (with fewer complaints) at that.
    this.samples ??= searchComplaints(
      this.ruleSet,
      this.searchRuns,
      this.seed,
      this.total.within(Math.floor(Math.max(0, this.total.limit - this.total.used) / 2)),
    );
    return this.samples;
  }

  /** The searched complaints a rule fires for (charged once, to the check that first asks, then kept). */
  firedSet(r: RuleModel): ReadonlySet<Sample> {
    let set = this.firedSets.get(r);
    if (!set) {
      const samples = this.search();
      set = new Set(this.counted(this.budget, () => samples.filter((s) => fires(r, s.facts))));
      this.firedSets.set(r, set);
    }
    return set;
  }

  /** The searched complaints some rule fires for. */
  firedByAny(): ReadonlySet<Sample> {
    if (!this.anyFired) {
      const union = new Set<Sample>();
      for (const r of this.rules) for (const s of this.firedSet(r)) union.add(s);
      this.anyFired = union;
    }
    return this.anyFired;
  }

  /** The searched complaints a rule fires for, in the search's order. */
  firedIn(r: RuleModel): Sample[] {
    // A fired set is built by filtering the search in order, and sets keep the order of insertion.
    return [...this.firedSet(r)];
  }

  /** Whether a rule fires for some facts, charged to `work` by the size of its conditions. */
  firesAt(r: RuleModel, facts: Facts, work: Work): boolean {
    return this.counted(work, () => fires(r, facts));
  }

  /** Runs rules' tests, then charges the leaves they evaluated to `work`. */
  private counted<T>(work: Work, run: () => T): T {
    const before = this.evaluated.leaves;
    const result = run();
    work.spend((this.evaluated.leaves - before) / COST.leavesPerUnit);
    return result;
  }

  /** Whether a rule the model could not settle fired for no complaint of the search. */
  neverFired(r: RuleModel): boolean {
    return (r.status === 'opaque' || r.status === 'unknown') && this.firedSet(r).size === 0;
  }

  /**
   * The rules that can fire: proved so, or seen to fire in the search. A rule whose question could not
   * be answered within the budget is left out (`unreachableFindings`, which asks it first, reports it).
   */
  get live(): RuleModel[] {
    this.liveRules ??= this.rules.filter(
      (r) =>
        r.status === 'reachable' ||
        ((r.status === 'opaque' || r.status === 'unknown') &&
          this.tryAnswer(() => this.firedSet(r).size > 0) === true),
    );
    return this.liveRules;
  }

  /** How many complaints the search generated; undefined when it never ran. */
  get searched(): number | undefined {
    return this.samples?.length;
  }
}
