/**
 * What a rule evaluator is and what it answers: the `RuleEvaluator` interface and the outcomes' types,
 * no evaluator. redress's own evaluator, the default, is `compiled.ts` (`compiledEvaluator`: the rule
 * set compiled into closures); `reference.ts` runs json-rules-engine, the yardstick it is proven equal to.
 */
import type { FactName, Facts } from '../../facts/catalogue';
import type { Operator, Scalar } from '../operators';

/** A condition tree after evaluation: every node says whether it held, every leaf what the fact was. */
export type ConditionTrace =
  | { readonly all: readonly ConditionTrace[]; readonly result: boolean }
  | { readonly any: readonly ConditionTrace[]; readonly result: boolean }
  | { readonly not: ConditionTrace; readonly result: boolean }
  | {
      readonly fact: FactName;
      readonly operator: Operator;
      readonly value: Scalar | readonly Scalar[];
      /** The fact's actual value for this complaint. */
      readonly factResult: Scalar;
      readonly result: boolean;
    };

/** What happened to one rule for one complaint. */
export interface RuleOutcome {
  readonly name: string;
  readonly priority: number;
  /** Position of the rule in the rule file. */
  readonly index: number;
  readonly fired: boolean;
  readonly conditions: ConditionTrace;
}

/**
 * Which outcomes an evaluation returns: `all` (every enabled rule, fired or not) or `fired` (only the
 * rules that fired — what a recommendation needs, and far less work for a large rule set).
 */
export type EvaluationScope = 'all' | 'fired';

/**
 * Runs a rule set's conditions against facts. Outcomes come back for every enabled rule (or, with
 * scope `fired`, for every rule that fired), highest priority first and, within a priority, in file
 * order — the order in which rules win. Either way each outcome carries its full condition trace.
 */
export interface RuleEvaluator {
  /**
   * @param complete true when `facts` are known to hold every fact of the catalogue (the pipeline's,
   *   from `factsOf`; a rule set reads no other): the compiled evaluator then leaves out its check for
   *   a missing fact, which was a third of its own time.
   */
  evaluate(
    facts: Facts,
    scope?: EvaluationScope,
    complete?: boolean,
  ): Promise<readonly RuleOutcome[]> | readonly RuleOutcome[];
  /**
   * The rules that fire, in the order of `evaluate`'s outcomes, without their conditions' trace: for a
   * caller that reads none (a replay), which then has no trace made, nor a condition tested twice.
   * Only an evaluator that answers at once has it (the compiled one); `complete` as for `evaluate`.
   */
  hits?(facts: Facts, complete?: boolean): readonly RuleHit[];
}

/** A rule that fired, without its trace: its name, its priority and its position in the rule file. */
export interface RuleHit extends RuleFired {
  readonly index: number;
}

/** The canonical order of outcomes: priority descending, then file order. */
export function byPriority(
  a: { priority: number; index: number },
  b: { priority: number; index: number },
): number {
  return b.priority - a.priority || a.index - b.index;
}

/** A rule that fired, and the conditions that made it fire. */
export interface FiredRule {
  readonly name: string;
  readonly priority: number;
  readonly conditions: ConditionTrace;
}

/** A rule that fired, without the conditions that made it fire (a replay's, which reads none). */
export type RuleFired = Omit<FiredRule, 'conditions'>;
