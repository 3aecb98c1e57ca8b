import type { PathSegment } from '../../src/errors';
import { type Json, objectPaths, stringPaths, validRuleSet, withValue } from './base';
import { type Case, RCE_PAYLOADS, REDOS_PAYLOADS, textWithDuplicate, textWithRaw } from './cases';

const base = validRuleSet;
const text = (value: unknown) => JSON.stringify(value);
const FORBIDDEN = ['__proto__', 'constructor', 'prototype'] as const;
const MB10 = 10 * 1024 * 1024;
const LEAF = { fact: 'severity', operator: 'greaterThan', value: 10 };
const CONDITIONS = ['rules', 0, 'conditions'] as const;

/** The base rule set with the first rule's conditions replaced. */
function withConditions(conditions: unknown): Json {
  return withValue(base(), [...CONDITIONS], conditions);
}

/** The base rule set with a leaf condition at `all[0]` replaced. */
function withLeaf(leaf: unknown): Json {
  return withValue(base(), [...CONDITIONS, 'all', 0], leaf);
}

function notChain(depth: number): Json {
  let value: Json = LEAF;
  for (let i = 0; i < depth; i++) value = { not: value };
  return value;
}

/** The rule-set corpus: everything the issue lists about json-rules-engine and hostile files. */
export const ruleSetCases: Case[] = [
  // --- JSON ---
  {
    name: 'text that is not JSON',
    input: () => '{"rules": [',
    code: 'INVALID_JSON',
    issue: 'invalid_json',
    path: [],
  },
  {
    name: 'a duplicate priority (JSON.parse keeps the last, an editor shows the first)',
    input: () => textWithDuplicate(base(), ['rules', 0, 'priority'], '1'),
    code: 'INVALID_JSON',
    issue: 'duplicate_key',
    path: ['rules', 0, 'priority'],
  },
  {
    name: 'a duplicate fact inside a nested condition',
    input: () => textWithDuplicate(base(), [...CONDITIONS, 'all', 1, 'any', 0, 'fact'], '"tone"'),
    code: 'INVALID_JSON',
    issue: 'duplicate_key',
    path: [...CONDITIONS, 'all', 1, 'any', 0, 'fact'],
  },

  // --- What json-rules-engine 7.3.1 would do wrong ---
  {
    name: 'a JSONPath `path` that executes code in jsonpath-plus 10.4',
    input: () =>
      withLeaf({
        ...LEAF,
        path: "$..[?(@.constructor.constructor('globalThis.__redressPwned = 1')())]",
      }),
    code: 'INVALID_RULESET',
    issue: 'path_not_allowed',
    path: [...CONDITIONS, 'all', 0, 'path'],
  },
  {
    name: 'two named conditions that refer to each other (exhaust the heap in json-rules-engine)',
    input: () => {
      const rs = base() as { rules: Record<string, Json>[] };
      (rs.rules[0] as Record<string, Json>).conditions = { all: [{ condition: 'b' }] };
      (rs.rules[1] as Record<string, Json>).conditions = { all: [{ condition: 'a' }] };
      return rs;
    },
    code: 'INVALID_RULESET',
    issue: 'shared_condition_not_supported',
    path: [...CONDITIONS, 'all', 0, 'condition'],
  },
  {
    name: 'a named condition as the whole of a rule',
    input: () => withConditions({ condition: 'shared' }),
    code: 'INVALID_RULESET',
    issue: 'invalid_top_level',
    path: [...CONDITIONS],
  },
  {
    name: 'a "__proto__" key in a condition parsed from JSON (breaks the run in json-rules-engine)',
    input: () =>
      text(base()).replace('{"fact":"category"', '{"__proto__":{"polluted":true},"fact":"category"'),
    code: 'INVALID_RULESET',
    issue: 'forbidden_key',
    path: [...CONDITIONS, 'all', 0, '__proto__'],
  },
  {
    name: 'priority 0 (json-rules-engine makes it 1)',
    input: () => withValue(base(), ['rules', 0, 'priority'], 0),
    code: 'INVALID_RULESET',
    issue: 'too_small',
    path: ['rules', 0, 'priority'],
  },
  {
    name: 'priority "abc" (json-rules-engine makes it NaN)',
    input: () => withValue(base(), ['rules', 0, 'priority'], 'abc'),
    code: 'INVALID_RULESET',
    issue: 'invalid_type',
    path: ['rules', 0, 'priority'],
  },
  {
    name: 'priority "10" (a number as a string)',
    input: () => withValue(base(), ['rules', 1, 'priority'], '10'),
    code: 'INVALID_RULESET',
    issue: 'invalid_type',
    path: ['rules', 1, 'priority'],
  },
  {
    name: 'priority 1.5',
    input: () => withValue(base(), ['rules', 0, 'priority'], 1.5),
    code: 'INVALID_RULESET',
    issue: 'invalid_type',
    path: ['rules', 0, 'priority'],
  },
  {
    name: 'priority NaN (object)',
    input: () => withValue(base(), ['rules', 0, 'priority'], Number.NaN),
    code: 'INVALID_RULESET',
    issue: 'non_finite_number',
    path: ['rules', 0, 'priority'],
  },
  {
    name: 'an empty "all" (true in json-rules-engine)',
    input: () => withConditions({ all: [] }),
    code: 'INVALID_RULESET',
    issue: 'empty_group',
    path: [...CONDITIONS, 'all'],
  },
  {
    name: 'an empty "any" deep inside',
    input: () => withValue(base(), [...CONDITIONS, 'all', 1, 'any'], []),
    code: 'INVALID_RULESET',
    issue: 'empty_group',
    path: [...CONDITIONS, 'all', 1, 'any'],
  },
  {
    name: '"in" against a string (a substring match in json-rules-engine)',
    input: () => withLeaf({ fact: 'category', operator: 'in', value: 'wrong_item,damaged_item' }),
    code: 'INVALID_RULESET',
    issue: 'invalid_value',
    path: [...CONDITIONS, 'all', 0, 'value'],
  },
  {
    name: '"notEqual" on a fact that does not exist (true in json-rules-engine)',
    input: () => withLeaf({ fact: 'customerName', operator: 'notEqual', value: 'x' }),
    code: 'INVALID_RULESET',
    issue: 'unknown_fact',
    path: [...CONDITIONS, 'all', 0, 'fact'],
  },
  {
    name: '"contains" (substring matching on strings)',
    input: () => withLeaf({ fact: 'plan', operator: 'contains', value: 'Plus' }),
    code: 'INVALID_RULESET',
    issue: 'unknown_operator',
    path: [...CONDITIONS, 'all', 0, 'operator'],
  },
  {
    name: 'params on a condition',
    input: () => withLeaf({ ...LEAF, params: { x: 1 } }),
    code: 'INVALID_RULESET',
    issue: 'params_not_allowed',
    path: [...CONDITIONS, 'all', 0, 'params'],
  },
  {
    name: 'a condition value of the wrong type (a number as a string)',
    input: () => withLeaf({ fact: 'daysLate', operator: 'greaterThan', value: '3' }),
    code: 'INVALID_RULESET',
    issue: 'invalid_value',
    path: [...CONDITIONS, 'all', 0, 'value'],
  },
  {
    name: 'an enum value that is not one (a typo never fires silently)',
    input: () => withLeaf({ fact: 'category', operator: 'equal', value: 'wrong_itme' }),
    code: 'INVALID_RULESET',
    issue: 'invalid_value',
    path: [...CONDITIONS, 'all', 0, 'value'],
  },
  {
    name: '"between" with min above max',
    input: () => withLeaf({ fact: 'daysLate', operator: 'between', value: [7, 3] }),
    code: 'INVALID_RULESET',
    issue: 'invalid_value',
    path: [...CONDITIONS, 'all', 0, 'value'],
  },
  {
    name: 'a remedy type that does not exist',
    input: () => withValue(base(), ['rules', 0, 'remedies', 0, 'type'], 'shell'),
    code: 'INVALID_RULESET',
    issue: 'unknown_remedy',
    path: ['rules', 0, 'remedies', 0, 'type'],
  },
  {
    name: 'an event instead of remedies (json-rules-engine shape)',
    input: () => withValue(base(), ['rules', 0, 'event'], { type: 'x' }),
    code: 'INVALID_RULESET',
    issue: 'unrecognized_keys',
    path: ['rules', 0],
  },
  {
    name: 'two rules with one name',
    input: () => withValue(base(), ['rules', 1, 'name'], 'wrong-item'),
    code: 'INVALID_RULESET',
    issue: 'duplicate_rule_name',
    path: ['rules', 1, 'name'],
  },
  {
    name: 'a placeholder that reaches a prototype ({constructor})',
    input: () => withValue(base(), ['rules', 0, 'rationale', 'en'], 'Hello {constructor}'),
    code: 'INVALID_RULESET',
    issue: 'unknown_placeholder',
    path: ['rules', 0, 'rationale', 'en'],
  },
  {
    name: 'a built-in rationale key named after a prototype member',
    input: () => withValue(base(), ['rules', 1, 'rationale'], 'toString'),
    code: 'INVALID_RULESET',
    issue: 'unknown_rationale',
    path: ['rules', 1, 'rationale'],
  },

  // --- Prototype keys at every level ---
  ...objectPaths(base()).flatMap((path) =>
    FORBIDDEN.flatMap((key): Case[] => [
      {
        name: `"${key}" as a key at /${path.join('/')} (JSON text)`,
        input: () => text(withValue(base(), [...path, key], { polluted: true })),
        code: 'INVALID_RULESET',
        issue: 'forbidden_key',
        path: [...path, key],
      },
      {
        name: `"${key}" as an own key at /${path.join('/')} (object)`,
        input: () => withValue(base(), [...path, key], { polluted: true }),
        code: 'INVALID_RULESET',
        issue: 'forbidden_key',
        path: [...path, key],
      },
    ]),
  ),

  // --- Numbers ---
  {
    name: 'Infinity as a cap (object)',
    input: () => withValue(base(), ['policy', 'autoApproveMaxCost'], Number.POSITIVE_INFINITY),
    code: 'INVALID_RULESET',
    issue: 'non_finite_number',
    path: ['policy', 'autoApproveMaxCost'],
  },
  {
    name: '1e400 as a share (JSON text)',
    input: () => textWithRaw(base(), ['policy', 'maxCostShareOfOrder'], '1e400'),
    code: 'INVALID_RULESET',
    issue: 'non_finite_number',
    path: ['policy', 'maxCostShareOfOrder'],
  },
  {
    name: '-0 as a condition value (JSON text)',
    input: () => textWithRaw(base(), [...CONDITIONS, 'all', 1, 'any', 1, 'not', 'value', 0], '-0'),
    code: 'INVALID_RULESET',
    issue: 'negative_zero',
    path: [...CONDITIONS, 'all', 1, 'any', 1, 'not', 'value', 0],
  },
  {
    name: 'a share as a string',
    input: () => withValue(base(), ['policy', 'maxCostShareOfOrder'], '1.5'),
    code: 'INVALID_RULESET',
    issue: 'invalid_type',
    path: ['policy', 'maxCostShareOfOrder'],
  },
  {
    name: 'a negative cap',
    input: () => withValue(base(), ['policy', 'maxCostByTier', 'gold'], -1),
    code: 'INVALID_RULESET',
    issue: 'too_small',
    path: ['policy', 'maxCostByTier', 'gold'],
  },
  {
    name: 'a negative gift',
    input: () => withValue(base(), ['rules', 0, 'remedies', 1, 'max'], -25),
    code: 'INVALID_RULESET',
    issue: 'too_small',
    path: ['rules', 0, 'remedies', 1, 'max'],
  },

  // --- Strings ---
  {
    name: 'a lone surrogate in a rule name',
    input: () => withValue(base(), ['rules', 1, 'name'], 'late\uD800'),
    code: 'INVALID_RULESET',
    issue: 'lone_surrogate',
    path: ['rules', 1, 'name'],
  },
  {
    name: 'a lone surrogate in rationale text (JSON escape)',
    input: () => textWithRaw(base(), ['rules', 0, 'rationale', 'en'], '"sorry \\udfff"'),
    code: 'INVALID_RULESET',
    issue: 'lone_surrogate',
    path: ['rules', 0, 'rationale', 'en'],
  },
  {
    name: 'a 10 MB description (object)',
    input: () => withValue(base(), ['rules', 0, 'description'], 'x'.repeat(MB10)),
    code: 'LIMIT_EXCEEDED',
    issue: 'string_too_long',
    path: ['rules', 0, 'description'],
  },
  {
    name: 'a 10 MB fact name (object): refused before any "did you mean"',
    input: () => withLeaf({ ...LEAF, fact: 'f'.repeat(MB10) }),
    code: 'LIMIT_EXCEEDED',
    issue: 'string_too_long',
    path: [...CONDITIONS, 'all', 0, 'fact'],
  },
  {
    name: 'a 10 MB rule set (JSON text)',
    input: () => text(withValue(base(), ['description'], 'x'.repeat(MB10))),
    code: 'LIMIT_EXCEEDED',
    issue: 'ruleset_too_large',
    path: [],
  },

  // --- Limits ---
  {
    name: '2,001 rules',
    input: () => {
      const rs = base() as { rules: Json[] };
      const rule = rs.rules[1] as Record<string, Json>;
      rs.rules = Array.from({ length: 2_001 }, (_, i) => ({ ...rule, name: `r${i}` }));
      return rs;
    },
    code: 'LIMIT_EXCEEDED',
    issue: 'too_many_rules',
    path: ['rules'],
  },
  {
    name: '3 rules over a limit of 2',
    input: () => {
      const rs = base() as { rules: Json[] };
      rs.rules.push({ ...(rs.rules[1] as Record<string, Json>), name: 'third' });
      return rs;
    },
    limits: { maxRules: 2 },
    code: 'LIMIT_EXCEEDED',
    issue: 'too_many_rules',
    path: ['rules'],
  },
  {
    name: '65 conditions in one group',
    input: () => withConditions({ all: Array.from({ length: 65 }, () => LEAF) }),
    code: 'LIMIT_EXCEEDED',
    issue: 'too_many_conditions',
    path: [...CONDITIONS, 'all'],
  },
  {
    name: '65 conditions spread over small groups',
    input: () =>
      withConditions({
        any: Array.from({ length: 13 }, () => ({ all: Array.from({ length: 5 }, () => LEAF) })),
      }),
    code: 'LIMIT_EXCEEDED',
    issue: 'too_many_conditions',
    path: [...CONDITIONS],
  },
  {
    name: 'nine levels of groups',
    input: () => withConditions({ all: [notChain(8)] }),
    code: 'LIMIT_EXCEEDED',
    issue: 'too_deep',
    path: [...CONDITIONS, 'all', 0, 'not', 'not', 'not', 'not', 'not', 'not', 'not'],
  },
  {
    name: '10,000 levels of "not" (a stack overflow for a recursive checker)',
    input: () => withConditions({ all: [notChain(10_000)] }),
    code: 'LIMIT_EXCEEDED',
    issue: 'nesting_too_deep',
    // The rule set is level 1, rules 2, the rule 3, conditions 4, all 5, all[0] 6: level 65 is the 59th not.
    path: [...CONDITIONS, 'all', 0, ...Array.from({ length: 59 }, () => 'not')],
  },
  {
    name: '257 values in an "in" list',
    input: () =>
      withLeaf({ fact: 'severity', operator: 'in', value: Array.from({ length: 257 }, (_, i) => i) }),
    code: 'LIMIT_EXCEEDED',
    issue: 'too_many_values',
    path: [...CONDITIONS, 'all', 0, 'value'],
  },
  {
    name: '100,000 values in an "in" list',
    input: () =>
      withLeaf({ fact: 'severity', operator: 'in', value: Array.from({ length: 100_000 }, (_, i) => i) }),
    code: 'LIMIT_EXCEEDED',
    issue: 'array_too_long',
    path: [...CONDITIONS, 'all', 0, 'value'],
  },
  {
    name: '100,000 remedies',
    input: () =>
      withValue(
        base(),
        ['rules', 1, 'remedies'],
        Array.from({ length: 100_000 }, () => ({ type: 'apology' })),
      ),
    code: 'LIMIT_EXCEEDED',
    issue: 'array_too_long',
    path: ['rules', 1, 'remedies'],
  },
  {
    name: 'nine remedies: within the limits, over the schema bound for a rule',
    input: () =>
      withValue(
        base(),
        ['rules', 1, 'remedies'],
        Array.from({ length: 9 }, () => ({ type: 'apology' })),
      ),
    code: 'INVALID_RULESET',
    issue: 'too_big',
    path: ['rules', 1, 'remedies'],
  },
  {
    name: 'a rule set over a lowered size limit',
    input: () => text(base()),
    limits: { maxRuleSetBytes: 512 },
    code: 'LIMIT_EXCEEDED',
    issue: 'ruleset_too_large',
    path: [],
  },

  // --- Not JSON ---
  {
    name: 'a function as an operator (object)',
    input: () => withLeaf({ ...LEAF, operator: () => true }),
    code: 'INVALID_RULESET',
    issue: 'not_json',
    path: [...CONDITIONS, 'all', 0, 'operator'],
  },
  {
    name: 'a RegExp as a value',
    input: () => withLeaf({ ...LEAF, value: /x/ }),
    code: 'INVALID_RULESET',
    issue: 'not_json',
    path: [...CONDITIONS, 'all', 0, 'value'],
  },
  { name: 'null', input: () => null, code: 'INVALID_RULESET', issue: 'invalid_type', path: [] },
];

function ruleSetStringExpectation(
  path: readonly PathSegment[],
  payload: string,
): 'OK' | [string, PathSegment[]] {
  const p = path.filter((s) => typeof s === 'string').join('.');
  const len = payload.length;
  const here = [...path];
  switch (p) {
    case '$schema':
      return len <= 2048 ? 'OK' : ['too_big', here];
    case 'name':
      return len <= 128 ? 'OK' : ['too_big', here];
    case 'version':
      return len <= 64 ? 'OK' : ['too_big', here];
    case 'policy.hit':
    case 'policy.humanReview.tones':
    case 'policy.humanReview.severityBands':
    case 'rules.remedies.shipping':
      return ['invalid_value', here];
    case 'rules.name':
      return len > 128 ? ['too_big', here] : ['invalid_format', here];
    case 'rules.conditions.all.fact':
    case 'rules.conditions.all.any.fact':
    case 'rules.conditions.all.any.not.fact':
      return ['unknown_fact', here];
    case 'rules.conditions.all.operator':
    case 'rules.conditions.all.any.operator':
    case 'rules.conditions.all.any.not.operator':
      return ['unknown_operator', here];
    case 'rules.conditions.all.value':
    case 'rules.conditions.all.any.value':
      return ['invalid_value', here];
    case 'rules.remedies.type':
      return ['unknown_remedy', here];
    case 'rules.rationale.en':
      return /\{\w+\}/.test(payload) ? ['unknown_placeholder', here] : 'OK';
    case 'rules.rationale':
      return len > 128 ? ['too_big', here] : ['unknown_rationale', here];
    default:
      throw new Error(`no expectation for the string at ${p}`);
  }
}

/** Every RCE and ReDoS payload in every string of a rule set: inert data, or refused at that field. */
export const ruleSetPayloadCases: Case[] = stringPaths(base()).flatMap((path) =>
  [...RCE_PAYLOADS, ...REDOS_PAYLOADS].map((payload, n): Case => {
    const expected = ruleSetStringExpectation(path, payload);
    const name = `payload ${n} at /${path.join('/')}`;
    const input = () => withValue(base(), path, payload);
    return expected === 'OK'
      ? { name, input, code: 'OK' }
      : { name, input, code: 'INVALID_RULESET', issue: expected[0], path: expected[1] };
  }),
);
