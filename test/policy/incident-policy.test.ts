import { describe, expect, it } from 'vitest';
import { isRedressError, loadRuleSet } from '../../src/index';
import type { IncidentCause } from '../../src/policy/incident-mark';
import { IncidentPolicySchema, partnersFor, statementFor } from '../../src/policy/incident-policy';

const cause = (over: Partial<IncidentCause>): IncidentCause => ({
  key: 'k',
  category: 'late_delivery',
  sku: null,
  family: null,
  service: null,
  carrier: null,
  ...over,
});

describe('policy.incidents', () => {
  const policy = IncidentPolicySchema.parse({
    partners: [
      { to: 'dhl', carrier: 'DHL' },
      { to: 'payments', categories: ['billing_error'] },
      { to: 'shoe-maker', product: 'SHOE' },
      { to: 'store-management' },
      { to: 'dhl', categories: ['late_delivery'] },
    ],
  });

  it('has a crisis team as owner, redress’s statements and no partners by default', () => {
    const defaults = IncidentPolicySchema.parse(undefined);
    expect(defaults).toEqual({ owner: 'crisis-team', statement: {}, partners: [] });
    expect(statementFor(defaults, 'tr')).toMatch(/^Birçok müşterimizi etkileyen/);
  });

  it('tells each partner whose every given field matches the cause, once, in the rule set’s order', () => {
    expect(partnersFor(policy, cause({ carrier: 'DHL' }))).toEqual(['dhl', 'store-management']);
    expect(partnersFor(policy, cause({ carrier: 'UPS' }))).toEqual(['store-management', 'dhl']);
    expect(partnersFor(policy, cause({ category: 'billing_error' }))).toEqual([
      'payments',
      'store-management',
    ]);
    expect(partnersFor(policy, cause({ category: 'wrong_item', family: 'SHOE' }))).toEqual([
      'shoe-maker',
      'store-management',
    ]);
    expect(partnersFor(policy, cause({ category: null }))).toEqual(['store-management']);
  });

  it('uses the rule set’s statement for a locale it gives, and redress’s for the others', () => {
    const own = IncidentPolicySchema.parse({ statement: { en: '  We are on it. Please write to us.  ' } });
    expect(statementFor(own, 'en')).toBe('We are on it. Please write to us.');
    expect(statementFor(own, 'fa')).toMatch(/^از مشکلی/);
  });

  it('refuses a bad section with the path of the field', () => {
    const load = (incidents: unknown) => () =>
      loadRuleSet({ name: 'x', version: '1', rules: [], policy: { incidents } } as never);
    for (const [incidents, pointer] of [
      [{ owner: ' ' }, '/policy/incidents/owner'],
      [{ statement: { de: 'Hallo' } }, '/policy/incidents/statement'],
      [{ statement: { en: '' } }, '/policy/incidents/statement/en'],
      [{ partners: [{ to: 'x', categories: ['weather'] }] }, '/policy/incidents/partners/0/categories/0'],
      [{ partners: [{ carrier: 'DHL' }] }, '/policy/incidents/partners/0/to'],
    ] as const) {
      let error: unknown;
      try {
        load(incidents)();
      } catch (e) {
        error = e;
      }
      expect(isRedressError(error) && error.pointer, JSON.stringify(incidents)).toBe(pointer);
    }
  });
});
