import { z } from 'zod';
import type { PathSegment } from '../errors';
import { FACT_NAMES, FACTS, type FactName, type FactSpec } from '../facts/catalogue';
import { defaultLimits, type Limits, limits } from '../input/limits';
import { closest } from './closest';
import { OPERAND_SHAPE, OPERATORS, type Operator, operatorFits, type Scalar } from './operators';

/** A comparison of one fact with a value. */
export interface LeafCondition {
  readonly fact: FactName;
  readonly operator: Operator;
  readonly value: Scalar | readonly Scalar[];
}

/** A json-rules-engine condition as redress allows it: all / any / not over leaf comparisons. */
export type Condition =
  | { readonly all: readonly Condition[] }
  | { readonly any: readonly Condition[] }
  | { readonly not: Condition }
  | LeafCondition;

/** The top of a rule's conditions: always a group, as in json-rules-engine. */
export type TopLevelCondition = Exclude<Condition, LeafCondition>;

function valueSchemaFor(spec: FactSpec) {
  switch (spec.type) {
    case 'number':
      return z.union([z.number(), z.array(z.number())]);
    case 'boolean':
      return z.boolean();
    case 'string':
      return z.union([z.string(), z.array(z.string())]);
    case 'enum': {
      const values = z.enum(spec.values as [string, ...string[]]);
      return z.union([values, z.array(values)]);
    }
  }
}

const leafSchemas = FACT_NAMES.map((name) =>
  z
    .strictObject({ fact: z.literal(name), operator: z.enum(OPERATORS), value: valueSchemaFor(FACTS[name]) })
    .meta({ description: FACTS[name].description }),
);

/**
 * The condition language as a zod schema. It is the source of the condition type's JSON Schema (so an
 * editor completes fact names and enum values); loading uses `checkCondition` below, which reports
 * the same rules with messages that name the fact, the operator and the fix.
 */
export const ConditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.strictObject({ all: z.array(ConditionSchema).min(1) }),
    z.strictObject({ any: z.array(ConditionSchema).min(1) }),
    z.strictObject({ not: ConditionSchema }),
    z.discriminatedUnion('fact', leafSchemas as unknown as [z.ZodObject, ...z.ZodObject[]]),
  ]),
) as z.ZodType<Condition>;

/** One problem in a condition tree, relative to the tree's root. */
export interface ConditionProblem {
  readonly code: string;
  readonly path: PathSegment[];
  readonly message: string;
  readonly hint?: string;
}

const GROUP_KEYS = ['all', 'any', 'not'] as const;
const LEAF_KEYS: ReadonlySet<string> = new Set(['fact', 'operator', 'value']);
const REFUSED_KEYS: Readonly<Record<string, { code: string; message: string }>> = {
  path: { code: 'path_not_allowed', message: '`path` (JSONPath) is not allowed: facts are flat values' },
  params: { code: 'params_not_allowed', message: '`params` is not allowed: facts take no parameters' },
  condition: {
    code: 'shared_condition_not_supported',
    message: 'named shared conditions are not supported; write the condition inline',
  },
  priority: {
    code: 'condition_priority_not_supported',
    message: 'condition priorities are not supported: every condition is evaluated',
  },
};

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  if (value === null) return 'null';
  if (typeof value === 'string') return `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === undefined) return 'nothing';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

function scalarFits(spec: FactSpec, value: unknown): boolean {
  switch (spec.type) {
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'string':
      return typeof value === 'string' && value.length <= limits.maxShortText;
    case 'enum':
      return typeof value === 'string' && spec.values.includes(value);
  }
}

function expected(spec: FactSpec): string {
  switch (spec.type) {
    case 'number':
      return 'a finite number';
    case 'boolean':
      return 'true or false';
    case 'string':
      return 'a string';
    case 'enum':
      return `one of ${spec.values.map((v) => `"${v}"`).join(', ')}`;
  }
}

/**
 * Checks a rule's conditions against the facts catalogue and the operator table, collecting every
 * problem. Iterative over a bounded depth, so a hostile, deeply nested file cannot exhaust the stack; a
 * rule over `maxConditionsPerRule` stops the check at once. Limit problems carry the `LIMIT_CODES`.
 */
export function checkCondition(root: unknown, bounds: Limits = defaultLimits): ConditionProblem[] {
  const problems: ConditionProblem[] = [];
  const add = (code: string, path: PathSegment[], message: string, hint?: string) =>
    problems.push(hint === undefined ? { code, path, message } : { code, path, message, hint });

  if (!isPlainObject(root) || !GROUP_KEYS.some((k) => Object.hasOwn(root, k))) {
    add(
      'invalid_top_level',
      [],
      'conditions must be an object with "all", "any" or "not" at the top',
      'wrap the comparison in { "all": [ … ] }',
    );
    return problems;
  }

  let leaves = 0;
  const stack: { node: unknown; path: PathSegment[]; depth: number }[] = [{ node: root, path: [], depth: 1 }];
  while (stack.length > 0) {
    const { node, path, depth } = stack.pop() as { node: unknown; path: PathSegment[]; depth: number };
    if (!isPlainObject(node)) {
      add('invalid_condition', path, `expected a condition object, got ${describe(node)}`);
      continue;
    }
    const keys = Object.keys(node);
    const group = GROUP_KEYS.find((k) => Object.hasOwn(node, k));
    if (group) {
      if (depth > bounds.maxConditionDepth) {
        add(
          'too_deep',
          path,
          `conditions nest deeper than ${bounds.maxConditionDepth} levels (limits.maxConditionDepth)`,
          'flatten the rule or split it in two, or raise limits.maxConditionDepth',
        );
        continue;
      }
      for (const key of keys) {
        if (key !== group) {
          const refused = REFUSED_KEYS[key];
          add(
            refused?.code ?? 'unknown_key',
            [...path, key],
            refused?.message ?? `unexpected key "${key}" next to "${group}"`,
          );
        }
      }
      const children = node[group];
      if (group === 'not') {
        stack.push({ node: children, path: [...path, 'not'], depth: depth + 1 });
        continue;
      }
      if (!Array.isArray(children)) {
        add(
          'invalid_condition',
          [...path, group],
          `"${group}" must be an array of conditions, got ${describe(children)}`,
        );
      } else if (children.length === 0) {
        add(
          'empty_group',
          [...path, group],
          `"${group}" is empty; json-rules-engine would treat it as always true`,
          'add a condition or remove the group',
        );
      } else if (children.length > bounds.maxConditionsPerRule) {
        add(
          'too_many_conditions',
          [...path, group],
          `more than ${bounds.maxConditionsPerRule} conditions (limits.maxConditionsPerRule)`,
          'split the rule in two, or raise limits.maxConditionsPerRule',
        );
      } else {
        for (let i = children.length - 1; i >= 0; i--)
          stack.push({ node: children[i], path: [...path, group, i], depth: depth + 1 });
      }
      continue;
    }

    leaves += 1;
    if (leaves > bounds.maxConditionsPerRule) {
      add(
        'too_many_conditions',
        [],
        `a rule may have at most ${bounds.maxConditionsPerRule} conditions (limits.maxConditionsPerRule)`,
        'split the rule in two, or raise limits.maxConditionsPerRule',
      );
      break;
    }
    for (const key of keys) {
      if (!LEAF_KEYS.has(key)) {
        const refused = REFUSED_KEYS[key];
        add(
          refused?.code ?? 'unknown_key',
          [...path, key],
          refused?.message ?? `unexpected key "${key}" in a condition`,
          refused ? undefined : 'a condition has "fact", "operator" and "value"',
        );
      }
    }
    // A reference to a named condition, and nothing else: that refusal says it all.
    if (Object.hasOwn(node, 'condition') && !keys.some((k) => LEAF_KEYS.has(k))) continue;
    const { fact, operator, value } = node;
    let spec: FactSpec | undefined;
    if (typeof fact !== 'string') {
      add('invalid_type', [...path, 'fact'], `"fact" must be a fact name, got ${describe(fact)}`);
    } else if (!Object.hasOwn(FACTS, fact)) {
      const guess = closest(fact, FACT_NAMES);
      add(
        'unknown_fact',
        [...path, 'fact'],
        `unknown fact "${fact.slice(0, 64)}"`,
        guess ? `did you mean "${guess}"?` : 'see the facts table in docs/rules.md',
      );
    } else {
      spec = FACTS[fact as FactName];
    }
    let op: Operator | undefined;
    if (typeof operator !== 'string' || !(OPERATORS as readonly string[]).includes(operator)) {
      const guess = typeof operator === 'string' ? closest(operator, OPERATORS) : undefined;
      add(
        'unknown_operator',
        [...path, 'operator'],
        `unknown operator ${describe(operator)}`,
        guess ? `did you mean "${guess}"?` : `use one of ${OPERATORS.join(', ')}`,
      );
    } else {
      op = operator as Operator;
    }
    if (!Object.hasOwn(node, 'value')) {
      add('missing_value', [...path, 'value'], 'a condition needs a "value"');
      continue;
    }
    if (!spec || !op) continue;
    if (!operatorFits(op, spec)) {
      add(
        'operator_mismatch',
        [...path, 'operator'],
        `"${op}" cannot compare the ${spec.type} fact "${String(fact)}"`,
        spec.type === 'boolean' ? 'use "equal" or "notEqual"' : 'use equal, notEqual, in or notIn',
      );
      continue;
    }
    const shape = OPERAND_SHAPE[op];
    if (shape === 'scalar') {
      if (!scalarFits(spec, value))
        add(
          'invalid_value',
          [...path, 'value'],
          `"${String(fact)}" is compared with ${describe(value)}; expected ${expected(spec)}`,
        );
    } else if (!Array.isArray(value)) {
      add(
        'invalid_value',
        [...path, 'value'],
        `"${op}" needs an array of values, got ${describe(value)}`,
        shape === 'range' ? 'write [min, max]' : 'write ["a", "b"]',
      );
    } else if (shape === 'range') {
      const [low, high] = value;
      if (
        value.length !== 2 ||
        typeof low !== 'number' ||
        typeof high !== 'number' ||
        !Number.isFinite(low) ||
        !Number.isFinite(high) ||
        low > high
      ) {
        add(
          'invalid_value',
          [...path, 'value'],
          '"between" needs [min, max] with two finite numbers, min ≤ max',
        );
      }
    } else if (value.length === 0) {
      add('invalid_value', [...path, 'value'], `"${op}" with an empty list`, 'list at least one value');
    } else if (value.length > bounds.maxListValues) {
      add(
        'too_many_values',
        [...path, 'value'],
        `more than ${bounds.maxListValues} values (limits.maxListValues)`,
        'split the list over two rules, or raise limits.maxListValues',
      );
    } else {
      value.forEach((v, i) => {
        if (!scalarFits(spec, v))
          add('invalid_value', [...path, 'value', i], `${describe(v)} is not ${expected(spec)}`);
      });
    }
  }
  return problems;
}
