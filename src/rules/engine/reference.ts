import { Engine, type RuleResult } from 'json-rules-engine';
import type { Facts } from '../../facts/catalogue';
import type { Condition } from '../condition';
import { compare, type Scalar } from '../operators';
import type { RuleSet } from '../ruleset';
import {
  byPriority,
  type ConditionTrace,
  type EvaluationScope,
  type RuleEvaluator,
  type RuleOutcome,
} from './evaluator';
import { Pool } from './pool';

/** The condition objects json-rules-engine decorates with results while it evaluates. */
interface EvaluatedCondition {
  all?: EvaluatedCondition[];
  any?: EvaluatedCondition[];
  not?: EvaluatedCondition;
  fact?: string;
  operator?: string;
  value?: Scalar | Scalar[];
  factResult?: Scalar;
  result?: boolean;
}

function toTrace(c: EvaluatedCondition, rootResult?: boolean): ConditionTrace {
  const result = rootResult ?? c.result === true;
  if (c.all) return { all: c.all.map((x) => toTrace(x)), result };
  if (c.any) return { any: c.any.map((x) => toTrace(x)), result };
  if (c.not) return { not: toTrace(c.not), result };
  // Leaves were validated against the facts catalogue before the engine saw them.
  return {
    fact: c.fact,
    operator: c.operator,
    value: c.value,
    factResult: c.factResult,
    result,
  } as ConditionTrace;
}

function refusePath(): never {
  // Defence in depth: validation already rejects `path`, and JSONPath evaluation has executed code in
  // the jsonpath-plus that json-rules-engine 7 ships. Nothing reaches it even if validation is bypassed.
  throw new Error('redress: condition paths are refused');
}

function buildEngine(ruleSet: RuleSet): Engine {
  const engine = new Engine([], {
    allowUndefinedFacts: false,
    allowUndefinedConditions: false,
    replaceFactsInEventParams: false,
    pathResolver: refusePath,
  });
  engine.addOperator('between', (fact: Scalar, range: Scalar[]) => compare('between', fact, range));
  ruleSet.rules.forEach((rule, index) => {
    if (!rule.enabled) return;
    engine.addRule({
      name: rule.name,
      priority: rule.priority,
      // json-rules-engine mutates and clones condition objects; hand it a private copy.
      conditions: structuredClone(rule.conditions as Condition) as never,
      event: { type: 'redress.rule', params: { index } },
    });
  });
  return engine;
}

/** Engines per evaluator: enough to keep both cores busy; a burst beyond waits rather than builds. */
const MAX_ENGINES = 8;

/**
 * Runs the rules on json-rules-engine, the reference implementation of the condition language.
 * json-rules-engine keeps run state on its Engine, so runs in flight never share one: each run takes
 * an engine from a bounded pool and returns it afterwards — or discards it when the run threw.
 */
export function referenceEvaluator(ruleSet: RuleSet): RuleEvaluator {
  const pool = new Pool(() => buildEngine(ruleSet), MAX_ENGINES);
  const indexOf = new Map(ruleSet.rules.map((r, i) => [r.name, i]));
  return {
    async evaluate(facts: Facts, scope: EvaluationScope = 'all'): Promise<readonly RuleOutcome[]> {
      const engine = await pool.acquire();
      let healthy = true;
      try {
        const { results, failureResults } = await engine.run({ ...facts });
        const outcome = (r: RuleResult, fired: boolean): RuleOutcome => ({
          name: r.name as string,
          priority: r.priority as number,
          index: indexOf.get(r.name as string) as number,
          fired,
          // json-rules-engine never sets `result` on the top group (it evaluates the group's children
          // directly); the rule's own result is that group's result.
          conditions: toTrace(r.conditions as unknown as EvaluatedCondition, fired),
        });
        const fired = results.map((r) => outcome(r, true));
        if (scope === 'fired') return fired.sort(byPriority);
        return [...fired, ...failureResults.map((r) => outcome(r, false))].sort(byPriority);
      } catch (error) {
        healthy = false;
        throw error;
      } finally {
        pool.release(engine, healthy);
      }
    },
  };
}
