import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildComplaint } from '../../src/analysis/model/blueprint';
import {
  type ComplaintInput,
  createRecommender,
  defaultRuleSet,
  loadRuleSet,
  type Recommendation,
} from '../../src/index';
import { withoutGreeting } from '../../src/testing/difference';
import { blueprintArbitrary } from '../analysis/blueprint-arbitrary';
import { fcParams } from '../seed';

// The fairness kit's property for compensation history: history only ever reduces goodwill, never
// restitution; and two customers with the same harm and the same history get the same result.
// `redress/testing` runs the same rule as its `compensationHistory` property; this test also covers
// history that moves `since` back, and a strict per-customer policy.

type History = NonNullable<ComplaintInput['customer']['compensationHistory']>;

/** Past compensations within the last 200 days before the example clock (2026-06-15T12:00Z). */
const historyArbitrary: fc.Arbitrary<History> = fc
  .array(
    fc.record({
      daysBefore: fc.integer({ min: 0, max: 200 }),
      cents: fc.integer({ min: 1, max: 20_000 }),
      type: fc.constantFrom('goodwill' as const, 'goodwill' as const, 'restitution' as const),
    }),
    { maxLength: 6 },
  )
  .map((entries) =>
    entries.map((e) => ({
      at: new Date(Date.parse('2026-06-15T12:00:00Z') - e.daysBefore * 86_400_000).toISOString(),
      amount: e.cents / 100,
      currency: 'EUR',
      type: e.type,
    })),
  );

const withHistory = (c: ComplaintInput, history: History): ComplaintInput => {
  // History may not start before the customer did; move `since` back when needed.
  // biome-ignore lint/complexity/useMathMinMax: ISO date strings, compared as text
  const since = history.reduce((min, h) => (h.at < min ? h.at : min), c.customer.since);
  return { ...c, customer: { ...c.customer, since, compensationHistory: history } };
};

const strict = loadRuleSet({
  ...structuredClone(defaultRuleSet),
  name: 'strict',
  policy: {
    ...structuredClone(defaultRuleSet.policy),
    perCustomer: { windowDays: 60, maxGoodwill: 20, maxCount: 1 },
  },
});

describe.each([
  ['the default rules', defaultRuleSet],
  ['strict per-customer limits', strict],
])('compensation history under %s (property)', (_, ruleSet) => {
  const recommender = createRecommender({ ruleSet });
  const restitution = (r: Recommendation) => r.remedies.filter((x) => x.kind === 'restitution');

  it('only ever reduces goodwill, never restitution', async () => {
    await fc.assert(
      fc.asyncProperty(blueprintArbitrary, historyArbitrary, async (b, history) => {
        const base = buildComplaint(b);
        const none = await recommender.recommend(withHistory(base, []));
        const some = await recommender.recommend(withHistory(base, history));
        expect(some.restitutionCost).toBe(none.restitutionCost);
        expect(restitution(some)).toEqual(restitution(none));
        expect(some.goodwillCost).toBeLessThanOrEqual(none.goodwillCost);
        if (some.goodwillCost < none.goodwillCost)
          expect(some.handling.reasons).toContain('compensation_limit');
      }),
      fcParams(100),
    );
  });

  it('gives two customers with the same harm and the same history the same result', async () => {
    await fc.assert(
      fc.asyncProperty(blueprintArbitrary, historyArbitrary, async (b, history) => {
        const one = withHistory(buildComplaint(b), history);
        const other = structuredClone(one);
        other.customer = {
          ...other.customer,
          id: 'someone-else',
          name: 'Zeynep',
          email: 'z@example.com',
          locale: 'fa',
          region: 'IR-23',
          attributes: { segment: 'b2b' },
        };
        // Only the message's greeting may name the customer.
        expect(withoutGreeting(await recommender.recommend(other))).toEqual(
          withoutGreeting(await recommender.recommend(one)),
        );
      }),
      fcParams(60),
    );
  });
});
