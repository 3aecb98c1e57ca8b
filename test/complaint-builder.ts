import type { ComplaintInput } from '../src/complaint/schema';
import { loadRuleSet, type RuleSet, type RuleSetInput } from '../src/rules/ruleset';

/** A valid complaint about one order of 100 EUR (two items of 50), received 2026-03-10 09:00 UTC. */
export function complaint(overrides: Partial<ComplaintInput> = {}): ComplaintInput {
  return {
    id: 'c-test',
    receivedAt: '2026-03-10T09:00:00Z',
    channel: 'email',
    category: 'wrong_item',
    order: {
      id: 'o-1',
      total: 100,
      currency: 'EUR',
      placedAt: '2026-03-01',
      promisedAt: '2026-03-05',
      deliveredAt: '2026-03-05T12:00:00Z',
      items: [{ sku: 'SKU-1', quantity: 2, unitPrice: 50 }],
    },
    customer: { id: 'u-1', since: '2025-03-01', lifetimeSpend: 100, orderCount: 1, priorComplaints: [] },
    ...overrides,
  };
}

/** A subscription-only complaint (Plus at 10 EUR a month). */
export function subscriptionComplaint(overrides: Partial<ComplaintInput> = {}): ComplaintInput {
  const { order: _order, ...rest } = complaint({
    category: 'service_outage',
    subscription: { plan: 'Plus', monthlyPrice: 10, currency: 'EUR' },
    ...overrides,
  });
  return rest;
}

/** A rule set with the given rules and policy, everything else default. */
export function ruleSet(
  rules: RuleSetInput['rules'],
  policy: RuleSetInput['policy'] = {},
  extra: Partial<RuleSetInput> = {},
): RuleSet {
  return loadRuleSet({ name: 'test', version: '1', policy, rules, ...extra });
}

/** A rule that fires for one category. */
export function categoryRule(
  name: string,
  category: string,
  remedies: RuleSetInput['rules'][number]['remedies'],
  priority = 50,
): RuleSetInput['rules'][number] {
  return {
    name,
    priority,
    conditions: { all: [{ fact: 'category', operator: 'equal', value: category }] },
    remedies,
  } as RuleSetInput['rules'][number];
}
