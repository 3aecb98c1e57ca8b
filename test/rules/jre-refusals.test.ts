import { describe, expect, it } from 'vitest';
import { loadRuleSet, type RedressError } from '../../src/index';
import { thrown } from '../helpers';

// What json-rules-engine users hit when they paste their rules (issue 13, the differential test): each
// refusal has its own code, the path, and says what to write instead (docs/rules.md lists them).
const late = { fact: 'daysLate', operator: 'greaterThan', value: 3 };
const ruleSet = (conditions: unknown, priority = 10) => ({
  name: 'pasted',
  version: '1',
  rules: [{ name: 'r', priority, conditions, remedies: [{ type: 'apology' }] }],
});

describe('json-rules-engine rules redress refuses, each with the fix', () => {
  it.each([
    [
      '`name` on a condition',
      ruleSet({ all: [{ name: 'is-late', ...late }] }),
      '/rules/0/conditions/all/0/name',
      'condition_name_not_supported',
      /remove it/,
    ],
    [
      '`name` on a group',
      ruleSet({ name: 'lateness', all: [late] }),
      '/rules/0/conditions/name',
      'condition_name_not_supported',
      /remove it/,
    ],
    [
      'a fact compared with a fact',
      ruleSet({ all: [{ ...late, value: { fact: 'tenureMonths' } }] }),
      '/rules/0/conditions/all/0/value',
      'fact_comparison_not_supported',
      /constant/,
    ],
    [
      '`in` on a boolean fact',
      ruleSet({ all: [{ fact: 'legalThreat', operator: 'in', value: [true] }] }),
      '/rules/0/conditions/all/0/operator',
      'operator_mismatch',
      /"equal" or "notEqual"/,
    ],
    [
      'a priority above 1,000,000',
      ruleSet({ all: [late] }, 2_000_000),
      '/rules/0/priority',
      'too_big',
      /scale your priorities down/,
    ],
    [
      'a group with both all and any',
      ruleSet({ all: [late], any: [{ fact: 'legalThreat', operator: 'equal', value: true }] }),
      '/rules/0/conditions/any',
      'mixed_group',
      /nest one in the other/,
    ],
  ])('%s', (_name, input, pointer, code, fix) => {
    const error = thrown(() => loadRuleSet(input)) as RedressError;
    expect(error.code).toBe('INVALID_RULESET');
    const issue = error.issues.find((i) => i.pointer === pointer);
    expect(issue?.code).toBe(code);
    expect(`${issue?.message} ${issue?.hint ?? ''}`).toMatch(fix);
  });
});
