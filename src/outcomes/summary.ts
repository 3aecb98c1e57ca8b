import type { Category } from '../complaint/schema';
import type { PathSegment } from '../errors';
import type { Difference, Share } from './share';

/** A line of either input that could not be joined, and why, as `redress recommend` writes errors. */
export interface OutcomeLineError {
  /** Which input the line is in. */
  readonly source: 'recommendations' | 'outcomes';
  /** 1-based line (or position) in that input. */
  readonly line: number;
  /** The complaint's id, when the line had a readable one. */
  readonly complaintId: string | null;
  readonly error: {
    /** `INVALID_OUTCOME`, `INVALID_RECOMMENDATION`, `INVALID_JSON` or `LIMIT_EXCEEDED`. */
    readonly code: string;
    readonly message: string;
    readonly path: readonly PathSegment[];
    readonly pointer: string;
  };
}

/**
 * What the complaints of a group cost, per currency (amounts in different currencies are never added
 * up), and what one satisfied customer cost: the cost of the complaints with a CSAT answer divided by
 * the satisfied ones among them (csat ≥ 4). Complaints without an answer say nothing about
 * satisfaction, so their cost is left out of that figure.
 */
export interface CostPerSatisfied {
  readonly currency: string;
  /** Complaints in this currency with an outcome. */
  readonly complaints: number;
  /** What their recommendations cost in all. */
  readonly totalCost: number;
  /** Of them, those with a CSAT answer. */
  readonly responses: number;
  /** What the recommendations of those cost. */
  readonly responsesCost: number;
  /** Of those, the satisfied ones (csat ≥ 4). */
  readonly satisfied: number;
  /** `responsesCost / satisfied`, in the currency's minor units rounded; null when no one was satisfied. */
  readonly perSatisfied: number | null;
}

/** The outcomes of one group of complaints (a rule, a remedy type, a category, a severity band, a rule set). */
export interface OutcomeGroup {
  /** The rule name, remedy type, category, band, or `name version` of the rule set. */
  readonly key: string;
  /** Complaints in the group with both a recommendation and an outcome. */
  readonly complaints: number;
  readonly csat: {
    /** Mean CSAT of those who answered; null when no one did. */
    readonly mean: number | null;
    /** Satisfied (csat ≥ 4) of those who answered, with its Wilson 95% interval. */
    readonly satisfied: Share;
  };
  /** Complained again within `repeatWithinDays`, of the complaints whose next complaint is tracked. */
  readonly repeat: Share;
  /** Left, of those whose churn is known. */
  readonly churn: Share;
  /** Opened again, of those that say. */
  readonly reopened: Share;
  /** Public posts updated or removed, of the outcomes that say (public complaints). */
  readonly publicResolved: Share;
  /** Took the first choice, of the customers whose answer to the offer is known. */
  readonly firstChoice: Share;
  /** Answers to the offer: first choice, an alternative, refused. */
  readonly acceptance: { readonly first: number; readonly alternative: number; readonly refused: number };
  /** Cost and cost per satisfied customer, one entry per currency, most complaints first. */
  readonly costs: readonly CostPerSatisfied[];
}

/** The outcomes under one rule set, told apart by its content hash. */
export interface RuleSetOutcomes extends OutcomeGroup {
  /** The stamp; `hash` is null for recommendations made before redress stamped them. */
  readonly ruleSet: { readonly name: string; readonly version: string; readonly hash: string | null };
}

/**
 * How a rule's complaints in one category fared against the category's other complaints, on the share
 * of satisfied customers: `worse` or `better` when the whole 95% interval of the difference lies
 * below or above zero; `no_clear_difference` when it spans zero; `too_few` when the rule has fewer
 * CSAT answers in the category than `minSample`, and `too_few_others` when the rest of the category
 * has: then no verdict is given, whatever the shares.
 */
export type Verdict = 'worse' | 'better' | 'no_clear_difference' | 'too_few' | 'too_few_others';

/** The verdict on one rule in one category. */
export interface RuleVerdict {
  readonly rule: string;
  readonly category: Category;
  readonly verdict: Verdict;
  /** Satisfied customers among the rule's complaints in the category. */
  readonly satisfied: Share;
  /** Satisfied customers among the category's other complaints. */
  readonly others: Share;
  /** The rule's share minus the others', with Newcombe's 95% interval; null when either has no answers. */
  readonly difference: Difference | null;
  /** The verdict in words, e.g. `12 CSAT answers, fewer than the 30 needed to judge`. */
  readonly note: string;
}

/** What `summarizeOutcomes` found. */
export interface OutcomeSummary {
  /** How the figures were computed. */
  readonly method: {
    /** Wilson score intervals for shares; Newcombe's hybrid score interval for differences. */
    readonly interval: 'wilson';
    readonly confidence: 0.95;
    /** The lowest CSAT that counts as satisfied. */
    readonly satisfiedFrom: 4;
    readonly minSample: number;
    readonly repeatWithinDays: number;
  };
  /** How the two inputs joined by complaint id. */
  readonly join: {
    /** Valid outcome records read. */
    readonly outcomes: number;
    /** Valid recommendations read. */
    readonly recommendations: number;
    /** Complaints with both. */
    readonly matched: number;
    /** Error records in the recommendations input: complaints that got no recommendation. */
    readonly notRecommended: number;
    /** Recommendations with no outcome. */
    readonly unmatchedRecommendations: { readonly count: number; readonly first: readonly string[] };
    /** Outcomes with no recommendation. */
    readonly unmatchedOutcomes: { readonly count: number; readonly first: readonly string[] };
  };
  /** Lines that could not be read, or repeat a complaint id: counted by code, the first ones listed. */
  readonly errors: {
    readonly count: number;
    readonly byCode: readonly { readonly code: string; readonly lines: number }[];
    readonly first: readonly OutcomeLineError[];
  };
  /** Every matched complaint. */
  readonly overall: OutcomeGroup;
  /** Per rule that gave a remedy (a complaint counts for each); `(no rule)` when none did. Most complaints first. */
  readonly byRule: readonly OutcomeGroup[];
  /** Per remedy type the customer got (a complaint counts for each), in the catalogue's order. */
  readonly byRemedy: readonly OutcomeGroup[];
  /** Per complaint category, in the schema's order. */
  readonly byCategory: readonly OutcomeGroup[];
  /** Per severity band, low to critical. */
  readonly bySeverity: readonly OutcomeGroup[];
  /** Per rule set (name, version and hash), most complaints first. */
  readonly byRuleSet: readonly RuleSetOutcomes[];
  /** Each rule in each category it answered, against the rest of the category: `worse` ones first. */
  readonly verdicts: readonly RuleVerdict[];
}
