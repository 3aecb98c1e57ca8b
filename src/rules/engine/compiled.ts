import type { Facts } from '../../facts/catalogue';
import type { Condition, LeafCondition } from '../condition';
import { compare, type Scalar } from '../operators';
import type { RuleSet } from '../ruleset';
import type { ConditionTrace, EvaluationScope, RuleEvaluator, RuleHit, RuleOutcome } from './evaluator';
import { byPriority } from './evaluator';
import { guardsOf, RuleIndex } from './rule-index';

/**
 * A condition turned into two closures: `test` answers whether it holds (short-circuiting, for rules
 * the index cannot rule out), `trace` evaluates every node the way json-rules-engine does when no
 * condition priorities are set — every child of every group — and records the results.
 */
interface CompiledCondition {
  readonly test: (facts: Facts) => boolean;
  readonly trace: (facts: Facts) => ConditionTrace;
}

interface CompiledRule {
  readonly name: string;
  readonly priority: number;
  readonly index: number;
  readonly condition: CompiledCondition;
  /** The rule as `hits` gives it, made once: every complaint it fires for shares it. */
  readonly hit: RuleHit;
}

/** Lists of at least this many values are looked up in a Set rather than scanned. */
const SET_LOOKUP_FROM = 8;

function compileTest(leaf: LeafCondition): (facts: Facts) => boolean {
  const { fact, operator, value } = leaf;
  // Each operator gets its own closure with the common, well-typed case inline; anything unusual
  // falls back to `compare`, the one statement of the semantics both engines share.
  switch (operator) {
    case 'equal':
      return (f) => f[fact] === value;
    case 'notEqual':
      return (f) => f[fact] !== value;
    case 'lessThan': {
      const v = value as number;
      return (f) => {
        const x = f[fact];
        return typeof x === 'number' ? x < v : compare(operator, x, value);
      };
    }
    case 'lessThanInclusive': {
      const v = value as number;
      return (f) => {
        const x = f[fact];
        return typeof x === 'number' ? x <= v : compare(operator, x, value);
      };
    }
    case 'greaterThan': {
      const v = value as number;
      return (f) => {
        const x = f[fact];
        return typeof x === 'number' ? x > v : compare(operator, x, value);
      };
    }
    case 'greaterThanInclusive': {
      const v = value as number;
      return (f) => {
        const x = f[fact];
        return typeof x === 'number' ? x >= v : compare(operator, x, value);
      };
    }
    case 'between': {
      const [low, high] = value as readonly number[];
      return (f) => {
        const x = f[fact];
        return typeof x === 'number'
          ? x >= (low as number) && x <= (high as number)
          : compare(operator, x, value);
      };
    }
    case 'in':
    case 'notIn': {
      const list = value as readonly Scalar[];
      const wanted = operator === 'in';
      // A Set agrees with `indexOf` (strict equality) on everything but NaN, which rule values never are.
      if (list.length >= SET_LOOKUP_FROM && !list.some((v) => Number.isNaN(v))) {
        const set = new Set(list);
        return (f) => set.has(f[fact]) === wanted;
      }
      return (f) => list.indexOf(f[fact]) > -1 === wanted;
    }
  }
}

type Test = (facts: Facts) => boolean;

/** `all`: every test holds, stopping at the first that does not. */
function allOf(tests: readonly Test[]): Test {
  return (f) => {
    for (let i = 0; i < tests.length; i++) if (!(tests[i] as Test)(f)) return false;
    return true;
  };
}

/** `any`: some test holds, stopping at the first that does. */
function anyOf(tests: readonly Test[]): Test {
  return (f) => {
    for (let i = 0; i < tests.length; i++) if ((tests[i] as Test)(f)) return true;
    return false;
  };
}

function compileCondition(condition: Condition): CompiledCondition {
  if ('all' in condition) {
    const children = condition.all.map(compileCondition);
    return {
      test: allOf(children.map((c) => c.test)),
      trace: (f) => {
        const all = children.map((c) => c.trace(f));
        return { all, result: all.every((t) => t.result) };
      },
    };
  }
  if ('any' in condition) {
    const children = condition.any.map(compileCondition);
    return {
      test: anyOf(children.map((c) => c.test)),
      trace: (f) => {
        const any = children.map((c) => c.trace(f));
        return { any, result: any.some((t) => t.result) };
      },
    };
  }
  if ('not' in condition) {
    const child = compileCondition(condition.not);
    const test = child.test;
    return {
      test: (f) => !test(f),
      trace: (f) => {
        const not = child.trace(f);
        return { not, result: !not.result };
      },
    };
  }
  const { fact, operator, value } = condition;
  const test = compileTest(condition);
  // The trace shares the rule set's (frozen) value: it is the value the analyst wrote, and copying it
  // for every complaint would only cost time. Keys are in json-rules-engine's order.
  return { test, trace: (f) => ({ fact, operator, value, factResult: f[fact], result: test(f) }) };
}

/**
 * A condition as a test of facts alone, without a trace: what the analyser runs on the complaints it
 * generates. Built from the closures `compiledEvaluator` runs, so it gives the same answers; each leaf
 * evaluated adds one to `counter.leaves`, so that the analyser can count its work.
 */
export function conditionTest(condition: Condition, counter: { leaves: number }): Test {
  if ('all' in condition) return allOf(condition.all.map((c) => conditionTest(c, counter)));
  if ('any' in condition) return anyOf(condition.any.map((c) => conditionTest(c, counter)));
  if ('not' in condition) {
    const test = conditionTest(condition.not, counter);
    return (f) => !test(f);
  }
  const test = compileTest(condition);
  return (f) => {
    counter.leaves++;
    return test(f);
  };
}

function outcome(rule: CompiledRule, conditions: ConditionTrace): RuleOutcome {
  return {
    name: rule.name,
    priority: rule.priority,
    index: rule.index,
    fired: conditions.result,
    conditions,
  };
}

/** Every fact a condition reads. */
function factsOf(condition: Condition, into: Set<string>): Set<string> {
  if ('all' in condition) for (const c of condition.all) factsOf(c, into);
  else if ('any' in condition) for (const c of condition.any) factsOf(c, into);
  else if ('not' in condition) factsOf(condition.not, into);
  else into.add(condition.fact);
  return into;
}

/** The compiled form of one rule set: its enabled rules in winning order, and their index. */
class CompiledEvaluator implements RuleEvaluator {
  private readonly rules: readonly CompiledRule[];
  private readonly index: RuleIndex<CompiledRule>;
  /** The facts the enabled rules read: each must be given, as json-rules-engine requires. */
  private readonly read: readonly string[];

  constructor(ruleSet: RuleSet) {
    const enabled: { rule: CompiledRule; source: Condition }[] = [];
    ruleSet.rules.forEach((rule, index) => {
      if (!rule.enabled) return;
      const source = rule.conditions as Condition;
      enabled.push({
        rule: {
          name: rule.name,
          priority: rule.priority,
          index,
          condition: compileCondition(source),
          hit: { name: rule.name, priority: rule.priority, index },
        },
        source,
      });
    });
    enabled.sort((a, b) => byPriority(a.rule, b.rule));
    const read = new Set<string>();
    for (const { source } of enabled) factsOf(source, read);
    this.read = [...read];
    this.rules = enabled.map((e) => e.rule);
    this.index = new RuleIndex(enabled.map((e) => ({ item: e.rule, guards: guardsOf(e.source) })));
  }

  evaluate(facts: Facts, scope: EvaluationScope = 'all', complete = false): readonly RuleOutcome[] {
    // json-rules-engine (allowUndefinedFacts: false) refuses a run that lacks a fact a rule reads;
    // without this, `notEqual`, `notIn` and `not` would fire on the missing value. Facts built by
    // toFacts always hold every fact (`complete`), so this only guards callers of the evaluator itself.
    if (!complete) this.checkRead(facts);
    const out: RuleOutcome[] = [];
    if (scope === 'all') {
      for (const rule of this.rules) out.push(outcome(rule, rule.condition.trace(facts)));
      return out;
    }
    for (const rule of this.index.candidates(facts)) {
      if (rule.condition.test(facts)) out.push(outcome(rule, rule.condition.trace(facts)));
    }
    return out;
  }

  hits(facts: Facts, complete = false): readonly RuleHit[] {
    if (!complete) this.checkRead(facts);
    const out: RuleHit[] = [];
    for (const rule of this.index.candidates(facts)) if (rule.condition.test(facts)) out.push(rule.hit);
    return out;
  }

  /** Throws json-rules-engine's error for the first fact a rule reads that `facts` do not hold. */
  private checkRead(facts: Facts): void {
    for (const name of this.read) {
      if (!Object.hasOwn(facts, name)) throw new Error(`Undefined fact: ${name}`);
    }
  }
}

const compiled = new WeakMap<RuleSet, RuleEvaluator>();

/**
 * The compiled evaluator of a rule set: its conditions as plain closures (no `eval`, no code
 * generation), rules indexed by their equality conditions, synchronous, and built once per rule set.
 * It returns exactly what `referenceEvaluator` (json-rules-engine) returns for the same facts.
 */
export function compiledEvaluator(ruleSet: RuleSet): RuleEvaluator {
  let evaluator = compiled.get(ruleSet);
  if (!evaluator) {
    evaluator = new CompiledEvaluator(ruleSet);
    compiled.set(ruleSet, evaluator);
  }
  return evaluator;
}
