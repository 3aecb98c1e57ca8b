import { describe, expect, test } from 'vitest';
import { isRedressError } from '../../src/errors';
import { defaultRuleSet } from '../../src/rules/default/rule-set';
import { loadRuleSet } from '../../src/rules/ruleset';

const minimal = { name: 'r', version: '1', rules: [] };

describe('policy.fairness, the bound a rule set declares for bounded disparity', () => {
  test('defaults to twice the lower total, or 50 above it', () => {
    expect(loadRuleSet(minimal).policy.fairness).toEqual({ maxValueCostRatio: 2, valueCostAllowance: 50 });
    expect(defaultRuleSet.policy.fairness).toEqual({ maxValueCostRatio: 2, valueCostAllowance: 50 });
  });

  test('takes a declared bound', () => {
    const ruleSet = loadRuleSet({
      ...minimal,
      policy: { fairness: { maxValueCostRatio: 1.25, valueCostAllowance: 0 } },
    });
    expect(ruleSet.policy.fairness).toEqual({ maxValueCostRatio: 1.25, valueCostAllowance: 0 });
  });

  test('refuses a ratio below 1, a negative allowance and unknown keys, naming each path', () => {
    try {
      loadRuleSet({
        ...minimal,
        policy: { fairness: { maxValueCostRatio: 0.5, valueCostAllowance: -1, maxRatio: 3 } },
      });
      expect.unreachable();
    } catch (e) {
      expect(isRedressError(e) && e.code).toBe('INVALID_RULESET');
      const pointers = isRedressError(e) ? e.issues.map((i) => i.pointer) : [];
      expect(pointers).toEqual(
        expect.arrayContaining([
          '/policy/fairness/maxValueCostRatio',
          '/policy/fairness/valueCostAllowance',
          '/policy/fairness',
        ]),
      );
    }
  });
});
