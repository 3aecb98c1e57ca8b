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
export const ConditionSchema: z.ZodType<Condition, Condition> = z.lazy(() =>
  z.union([
    z.strictObject({ all: z.array(ConditionSchema).min(1) }),
    z.strictObject({ any: z.array(ConditionSchema).min(1) }),
    z.strictObject({ not: ConditionSchema }),
    z.discriminatedUnion('fact', leafSchemas as unknown as [z.ZodObject, ...z.ZodObject[]]),
  ]),
) as z.ZodType<Condition, Condition>;

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
    message: 'condition priorities are not supported: every condition is evaluated; remove "priority" here',
  },
  name: {
    code: 'condition_name_not_supported',
    message:
      '`name` on a condition is not supported (json-rules-engine allows it): remove it; the rule\'s own "name" and the condition trace say which condition held',
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

type Problems = ConditionProblem[];

function add(problems: Problems, code: string, path: PathSegment[], message: string, hint?: string): void {
  problems.push(hint === undefined ? { code, path, message } : { code, path, message, hint });
}

/** A node of the tree still to check. */
interface Frame {
  readonly node: unknown;
  readonly path: PathSegment[];
  readonly depth: number;
}

/** The fact a leaf names, or undefined (with the problem) when it names none. */
function leafFact(problems: Problems, fact: unknown, path: PathSegment[]): FactSpec | undefined {
  if (typeof fact !== 'string') {
    add(problems, 'invalid_type', [...path, 'fact'], `"fact" must be a fact name, got ${describe(fact)}`);
    return undefined;
  }
  if (!Object.hasOwn(FACTS, fact)) {
    const guess = closest(fact, FACT_NAMES);
    add(
      problems,
      'unknown_fact',
      [...path, 'fact'],
      `unknown fact "${fact.slice(0, 64)}"`,
      guess ? `did you mean "${guess}"?` : 'see the facts table in docs/rules.md',
    );
    return undefined;
  }
  return FACTS[fact as FactName];
}

/** The operator a leaf names, or undefined (with the problem) when it names none. */
function leafOperator(problems: Problems, operator: unknown, path: PathSegment[]): Operator | undefined {
  if (typeof operator === 'string' && (OPERATORS as readonly string[]).includes(operator)) {
    return operator as Operator;
  }
  const guess = typeof operator === 'string' ? closest(operator, OPERATORS) : undefined;
  add(
    problems,
    'unknown_operator',
    [...path, 'operator'],
    `unknown operator ${describe(operator)}`,
    guess ? `did you mean "${guess}"?` : `use one of ${OPERATORS.join(', ')}`,
  );
  return undefined;
}

/** `between`'s value: two finite numbers, the smaller first. */
function checkRange(problems: Problems, value: readonly unknown[], path: PathSegment[]): void {
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
      problems,
      'invalid_value',
      [...path, 'value'],
      '"between" needs [min, max] with two finite numbers, min ≤ max',
    );
  }
}

/** The list of `in` and `notIn`: not empty, within the limit, each value one the fact can take. */
function checkList(
  problems: Problems,
  spec: FactSpec,
  op: Operator,
  value: readonly unknown[],
  path: PathSegment[],
  bounds: Limits,
): void {
  if (value.length === 0) {
    add(
      problems,
      'invalid_value',
      [...path, 'value'],
      `"${op}" with an empty list`,
      'list at least one value',
    );
  } else if (value.length > bounds.maxListValues) {
    add(
      problems,
      'too_many_values',
      [...path, 'value'],
      `more than ${bounds.maxListValues} values (limits.maxListValues)`,
      'split the list over two rules, or raise limits.maxListValues',
    );
  } else {
    value.forEach((v, i) => {
      if (!scalarFits(spec, v))
        add(problems, 'invalid_value', [...path, 'value', i], `${describe(v)} is not ${expected(spec)}`);
    });
  }
}

/** A leaf's value, for a fact and an operator that fit each other: the shape the operator takes. */
function checkValue(
  problems: Problems,
  leaf: { fact: unknown; spec: FactSpec; op: Operator; value: unknown },
  path: PathSegment[],
  bounds: Limits,
): void {
  const { fact, spec, op, value } = leaf;
  const shape = OPERAND_SHAPE[op];
  if (isPlainObject(value) && Object.hasOwn(value, 'fact')) {
    add(
      problems,
      'fact_comparison_not_supported',
      [...path, 'value'],
      `comparing "${String(fact)}" with another fact ({ "fact": … }) is not supported: a value is a constant`,
      'compare each fact with a constant, in two conditions if need be',
    );
    return;
  }
  if (shape === 'scalar') {
    if (!scalarFits(spec, value))
      add(
        problems,
        'invalid_value',
        [...path, 'value'],
        `"${String(fact)}" is compared with ${describe(value)}; expected ${expected(spec)}`,
      );
  } else if (!Array.isArray(value)) {
    add(
      problems,
      'invalid_value',
      [...path, 'value'],
      `"${op}" needs an array of values, got ${describe(value)}`,
      shape === 'range' ? 'write [min, max]' : 'write ["a", "b"]',
    );
  } else if (shape === 'range') {
    checkRange(problems, value, path);
  } else {
    checkList(problems, spec, op, value, path, bounds);
  }
}

/** Keys a leaf may not have: the refused json-rules-engine features by name, anything else as unknown. */
function checkLeafKeys(problems: Problems, keys: readonly string[], path: PathSegment[]): void {
  for (const key of keys) {
    if (LEAF_KEYS.has(key)) continue;
    const refused = REFUSED_KEYS[key];
    add(
      problems,
      refused?.code ?? 'unknown_key',
      [...path, key],
      refused?.message ?? `unexpected key "${key}" in a condition`,
      refused ? undefined : 'a condition has "fact", "operator" and "value"',
    );
  }
}

/** One comparison: its keys, its fact, its operator, and a value of the shape they need. */
function checkLeaf(
  problems: Problems,
  node: Record<string, unknown>,
  path: PathSegment[],
  bounds: Limits,
): void {
  const keys = Object.keys(node);
  checkLeafKeys(problems, keys, path);
  // A reference to a named condition, and nothing else: that refusal says it all.
  if (Object.hasOwn(node, 'condition') && !keys.some((k) => LEAF_KEYS.has(k))) return;
  const { fact, operator, value } = node;
  const spec = leafFact(problems, fact, path);
  const op = leafOperator(problems, operator, path);
  if (!Object.hasOwn(node, 'value')) {
    add(problems, 'missing_value', [...path, 'value'], 'a condition needs a "value"');
    return;
  }
  if (!spec || !op) return;
  if (!operatorFits(op, spec)) {
    add(
      problems,
      'operator_mismatch',
      [...path, 'operator'],
      `"${op}" cannot compare the ${spec.type} fact "${String(fact)}"`,
      spec.type === 'boolean' ? 'use "equal" or "notEqual"' : 'use equal, notEqual, in or notIn',
    );
    return;
  }
  checkValue(problems, { fact, spec, op, value }, path, bounds);
}

/** The children of `all` or `any`: a non-empty array within the limit. Returns the frames to check next. */
function groupChildren(
  problems: Problems,
  children: unknown,
  group: 'all' | 'any',
  frame: Frame,
  bounds: Limits,
): Frame[] {
  const { path, depth } = frame;
  if (!Array.isArray(children)) {
    add(
      problems,
      'invalid_condition',
      [...path, group],
      `"${group}" must be an array of conditions, got ${describe(children)}`,
    );
  } else if (children.length === 0) {
    add(
      problems,
      'empty_group',
      [...path, group],
      `"${group}" is empty; json-rules-engine would treat it as always true`,
      'add a condition or remove the group',
    );
  } else if (children.length > bounds.maxConditionsPerRule) {
    add(
      problems,
      'too_many_conditions',
      [...path, group],
      `more than ${bounds.maxConditionsPerRule} conditions (limits.maxConditionsPerRule)`,
      'split the rule in two, or raise limits.maxConditionsPerRule',
    );
  } else {
    // By index, not map: a hole in a sparse array is a child too (and not a condition).
    const frames: Frame[] = [];
    for (let i = 0; i < children.length; i++)
      frames.push({ node: children[i], path: [...path, group, i], depth: depth + 1 });
    return frames;
  }
  return [];
}

/** A group (`all`, `any`, `not`): its depth, its keys and its children. Returns the frames to check next. */
function checkGroup(
  problems: Problems,
  node: Record<string, unknown>,
  group: (typeof GROUP_KEYS)[number],
  frame: Frame,
  bounds: Limits,
): Frame[] {
  const { path, depth } = frame;
  if (depth > bounds.maxConditionDepth) {
    add(
      problems,
      'too_deep',
      path,
      `conditions nest deeper than ${bounds.maxConditionDepth} levels (limits.maxConditionDepth)`,
      'flatten the rule or split it in two, or raise limits.maxConditionDepth',
    );
    return [];
  }
  for (const key of Object.keys(node)) {
    if (key === group) continue;
    const refused = REFUSED_KEYS[key];
    if ((GROUP_KEYS as readonly string[]).includes(key)) {
      add(
        problems,
        'mixed_group',
        [...path, key],
        `a group has one of "all", "any" or "not", not "${key}" next to "${group}"`,
        `nest one in the other: { "${group}": [ …, { "${key}": [ … ] } ] }`,
      );
      continue;
    }
    add(
      problems,
      refused?.code ?? 'unknown_key',
      [...path, key],
      refused?.message ?? `unexpected key "${key}" next to "${group}"`,
    );
  }
  const children = node[group];
  if (group === 'not') return [{ node: children, path: [...path, 'not'], depth: depth + 1 }];
  return groupChildren(problems, children, group, frame, bounds);
}

/**
 * Checks a rule's conditions against the facts catalogue and the operator table, collecting every
 * problem. Iterative over a bounded depth, so a hostile, deeply nested file cannot exhaust the stack; a
 * rule over `maxConditionsPerRule` stops the check at once. Limit problems carry the `LIMIT_CODES`.
 */
export function checkCondition(root: unknown, bounds: Limits = defaultLimits): ConditionProblem[] {
  const problems: Problems = [];
  if (!isPlainObject(root) || !GROUP_KEYS.some((k) => Object.hasOwn(root, k))) {
    add(
      problems,
      'invalid_top_level',
      [],
      'conditions must be an object with "all", "any" or "not" at the top',
      'wrap the comparison in { "all": [ … ] }',
    );
    return problems;
  }

  let leaves = 0;
  // Depth first, children in order: the stack holds them last first.
  const stack: Frame[] = [{ node: root, path: [], depth: 1 }];
  while (stack.length > 0) {
    const frame = stack.pop() as Frame;
    const { node, path } = frame;
    if (!isPlainObject(node)) {
      add(problems, 'invalid_condition', path, `expected a condition object, got ${describe(node)}`);
      continue;
    }
    const group = GROUP_KEYS.find((k) => Object.hasOwn(node, k));
    if (group) {
      const next = checkGroup(problems, node, group, frame, bounds);
      for (let i = next.length - 1; i >= 0; i--) stack.push(next[i] as Frame);
      continue;
    }
    leaves += 1;
    if (leaves > bounds.maxConditionsPerRule) {
      add(
        problems,
        'too_many_conditions',
        [],
        `a rule may have at most ${bounds.maxConditionsPerRule} conditions (limits.maxConditionsPerRule)`,
        'split the rule in two, or raise limits.maxConditionsPerRule',
      );
      break;
    }
    checkLeaf(problems, node, path, bounds);
  }
  return problems;
}
