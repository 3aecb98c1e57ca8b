import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultRuleSet, loadRuleSet, RedressError, ruleSetJsonSchema } from '../../src/index';
import { thrown } from '../helpers';

type Json = Record<string, unknown>;

const leaf = { fact: 'category', operator: 'equal', value: 'wrong_item' };
function ruleSetWith(rule: Json, extra: Json[] = []): Json {
  return {
    name: 'test',
    version: '1',
    rules: [
      { name: 'r1', priority: 10, conditions: { all: [leaf] }, remedies: [{ type: 'apology' }], ...rule },
      ...extra,
    ],
  };
}

function firstIssue(input: unknown) {
  const error = thrown(() => loadRuleSet(input)) as RedressError;
  expect(error).toBeInstanceOf(RedressError);
  expect(error.code).toBe('INVALID_RULESET');
  return error.issues[0]!;
}

describe('loadRuleSet', () => {
  it('loads the default rule set with defaults filled in', () => {
    expect(defaultRuleSet.rules.length).toBeGreaterThan(10);
    expect(defaultRuleSet.policy.hit).toBe('collect');
    expect(Object.isFrozen(defaultRuleSet.rules[0])).toBe(true);
  });

  it('accepts JSON text', () => {
    expect(loadRuleSet(JSON.stringify(ruleSetWith({}))).rules[0]?.name).toBe('r1');
  });

  it('rejects malformed JSON text with INVALID_JSON', () => {
    const error = thrown(() => loadRuleSet('{"name": ')) as RedressError;
    expect(error.code).toBe('INVALID_JSON');
  });

  it.each([
    [
      'a fact not in the catalogue',
      { conditions: { all: [{ fact: 'categroy', operator: 'equal', value: 'x' }] } },
      '/rules/0/conditions/all/0/fact',
      'unknown_fact',
    ],
    [
      'an unknown operator',
      { conditions: { all: [{ fact: 'category', operator: 'equals', value: 'wrong_item' }] } },
      '/rules/0/conditions/all/0/operator',
      'unknown_operator',
    ],
    [
      'contains, which would match substrings of scalar facts',
      { conditions: { all: [{ fact: 'plan', operator: 'contains', value: 'Pl' }] } },
      '/rules/0/conditions/all/0/operator',
      'unknown_operator',
    ],
    [
      'a JSONPath `path`',
      { conditions: { all: [{ ...leaf, path: '$.x' }] } },
      '/rules/0/conditions/all/0/path',
      'path_not_allowed',
    ],
    [
      '`params` on a condition',
      { conditions: { all: [{ ...leaf, params: { x: 1 } }] } },
      '/rules/0/conditions/all/0/params',
      'params_not_allowed',
    ],
    [
      'a named shared condition',
      { conditions: { all: [{ condition: 'shared' }] } },
      '/rules/0/conditions/all/0/condition',
      'shared_condition_not_supported',
    ],
    ['an empty `all`', { conditions: { all: [] } }, '/rules/0/conditions/all', 'empty_group'],
    [
      'an empty `any` deep inside',
      { conditions: { all: [leaf, { not: { any: [] } }] } },
      '/rules/0/conditions/all/1/not/any',
      'empty_group',
    ],
    [
      'a non-array value for `in`',
      { conditions: { all: [{ fact: 'category', operator: 'in', value: 'wrong_item' }] } },
      '/rules/0/conditions/all/0/value',
      'invalid_value',
    ],
    [
      'a non-array value for `notIn`',
      { conditions: { all: [{ fact: 'tone', operator: 'notIn', value: 'calm' }] } },
      '/rules/0/conditions/all/0/value',
      'invalid_value',
    ],
    [
      'an enum value that does not exist',
      { conditions: { all: [{ fact: 'category', operator: 'equal', value: 'wrong_itme' }] } },
      '/rules/0/conditions/all/0/value',
      'invalid_value',
    ],
    [
      'a number compared with a string',
      { conditions: { all: [{ fact: 'daysLate', operator: 'greaterThan', value: '3' }] } },
      '/rules/0/conditions/all/0/value',
      'invalid_value',
    ],
    [
      'an ordering operator on an enum',
      { conditions: { all: [{ fact: 'tone', operator: 'greaterThan', value: 'calm' }] } },
      '/rules/0/conditions/all/0/operator',
      'operator_mismatch',
    ],
    [
      'a reversed `between` range',
      { conditions: { all: [{ fact: 'daysLate', operator: 'between', value: [5, 1] }] } },
      '/rules/0/conditions/all/0/value',
      'invalid_value',
    ],
    ['a leaf at the top level', { conditions: leaf }, '/rules/0/conditions', 'invalid_top_level'],
    ['a missing priority', { priority: undefined }, '/rules/0/priority', 'invalid_type'],
    ['priority 0', { priority: 0 }, '/rules/0/priority', 'too_small'],
    ['a fractional priority', { priority: 1.5 }, '/rules/0/priority', 'invalid_type'],
    ['a priority given as a string', { priority: 'abc' }, '/rules/0/priority', 'invalid_type'],
    [
      'an unknown remedy type',
      { remedies: [{ type: 'not_a_remedy' }] },
      '/rules/0/remedies/0/type',
      'unknown_remedy',
    ],
    [
      'remedy parameters of another type',
      { remedies: [{ type: 'coupon', months: 2 }] },
      '/rules/0/remedies/0',
      'unrecognized_keys',
    ],
    [
      'a coupon with both percent and amount',
      { remedies: [{ type: 'coupon', percent: 10, amount: 5 }] },
      '/rules/0/remedies/0',
      'custom',
    ],
    [
      'a refund share above 1',
      { remedies: [{ type: 'refund', share: 1.5 }] },
      '/rules/0/remedies/0/share',
      'too_big',
    ],
    ['no remedies', { remedies: [] }, '/rules/0/remedies', 'too_small'],
    [
      'an unknown built-in rationale',
      { rationale: 'no-such-text' },
      '/rules/0/rationale',
      'unknown_rationale',
    ],
    [
      'an unknown placeholder in a rule rationale',
      { rationale: { en: 'Sorry about {orderNumber}.' } },
      '/rules/0/rationale/en',
      'unknown_placeholder',
    ],
  ])('rejects %s, naming the rule and the field', (_name, rule, pointer, code) => {
    const input = ruleSetWith(rule as Json);
    if ('priority' in (rule as Json) && (rule as Json).priority === undefined)
      delete (input.rules as Json[])[0]!.priority;
    const found = firstIssue(input);
    expect(found.pointer).toBe(pointer);
    expect(found.code).toBe(code);
    expect(found.rule).toBe('r1');
    expect(found.message).toContain('rule "r1"');
  });

  it('rejects duplicate rule names', () => {
    const found = firstIssue(
      ruleSetWith({}, [
        { name: 'r1', priority: 5, conditions: { all: [leaf] }, remedies: [{ type: 'apology' }] },
      ]),
    );
    expect(found).toMatchObject({ code: 'duplicate_rule_name', pointer: '/rules/1/name' });
  });

  it('reports every problem in the file at once, in file order', () => {
    const error = thrown(() =>
      loadRuleSet(
        ruleSetWith({ conditions: { all: [{ fact: 'nope', operator: 'equal', value: 1 }] } }, [
          { name: 'r2', priority: 0, conditions: { any: [] }, remedies: [{ type: 'gift' }] },
        ]),
      ),
    ) as RedressError;
    expect(error.issues.map((i) => [i.rule, i.code])).toEqual([
      ['r1', 'unknown_fact'],
      ['r2', 'empty_group'],
      ['r2', 'too_small'],
      ['r2', 'custom'],
    ]);
  });

  it('suggests the nearest fact and operator for typos', () => {
    const found = firstIssue(
      ruleSetWith({ conditions: { all: [{ fact: 'daysLte', operator: 'equal', value: 1 }] } }),
    );
    expect(found.hint).toBe('did you mean "daysLate"?');
  });

  it('refuses nesting deeper than the limit without recursing on it', () => {
    let deep: Json = leaf;
    for (let i = 0; i < 10_000; i++) deep = { not: deep };
    // Far past any condition depth, the general nesting limit stops the walk before conditions are read.
    const error = thrown(() => loadRuleSet(ruleSetWith({ conditions: { all: [deep] } }))) as RedressError;
    expect(error.code).toBe('LIMIT_EXCEEDED');
    expect(error.issues[0]?.code).toBe('nesting_too_deep');
  });

  it('does not let a __proto__ key through', () => {
    const text =
      '{"name":"t","version":"1","rules":[{"name":"r","priority":1,"conditions":{"all":[{"fact":"category","operator":"equal","value":"other","__proto__":{"polluted":true}}]},"remedies":[{"type":"apology"}]}]}';
    const found = firstIssue(text);
    expect(found.code).toBe('forbidden_key');
    expect(({} as Json).polluted).toBeUndefined();
  });
});

describe('ruleSetJsonSchema', () => {
  it('matches the committed schema/ruleset.schema.json (run `npm run schema` after changing the schema)', () => {
    const committed = JSON.parse(
      readFileSync(new URL('../../schema/ruleset.schema.json', import.meta.url), 'utf8'),
    );
    expect(committed).toEqual(JSON.parse(JSON.stringify(ruleSetJsonSchema())));
  });

  it('lists every fact and operator for editors', () => {
    const text = JSON.stringify(ruleSetJsonSchema());
    for (const name of ['daysLate', 'publicReach', 'between', 'notIn', 'free_month'])
      expect(text).toContain(`"${name}"`);
  });
});
