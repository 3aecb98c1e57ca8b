import { describe, expect, it } from 'vitest';
import { createRecommender, parseComplaint } from '../../src/index';
import { capViolations } from '../../src/testing/index';
import { categoryRule, complaint, ruleSet } from '../complaint-builder';

// Red-team finding (issue 13, item 2): under `collect`, a goodwill refund that did not fit was swapped
// for the restitution refund standing by in its slot, but the goodwill already granted to a
// higher-priority gift had been sized as if there were no restitution: 150 of gift plus 100 of
// restitution against a ceiling of 150.
const rules = [
  categoryRule('gift', 'wrong_item', [{ type: 'gift', shareOfOrder: 1.5 }], 95),
  categoryRule('goodwill-refund', 'wrong_item', [{ type: 'refund', basis: 'order', share: 1 }], 90),
  categoryRule('restitution-refund', 'wrong_item', [{ type: 'refund', basis: 'affected_items' }], 80),
];
const policy = {
  maxTotalShareOfValue: 1.5,
  maxGoodwillShareBySeverity: { low: 1.5, medium: 1.5, high: 1.5, critical: 1.5 },
  maxGoodwillByTier: { standard: 1000, silver: 1000, gold: 1000, platinum: 1000 },
};

describe('goodwill after a slot falls back to restitution', () => {
  for (const engine of ['compiled', 'reference'] as const) {
    it(`recomputes the goodwill budget, so the total stays within its ceiling (${engine})`, async () => {
      const rs = ruleSet(rules, policy);
      const input = complaint();
      const r = await createRecommender({ ruleSet: rs, engine }).recommend(input);
      expect(r.remedies.map((x) => [x.type, x.kind, x.estimatedCost])).toEqual([
        ['gift', 'goodwill', 50],
        ['refund', 'restitution', 100],
        ['apology', 'care', 0],
      ]);
      expect(r).toMatchObject({ restitutionCost: 100, goodwillCost: 50, totalCost: 150 });
      expect(r.cap).toMatchObject({ totalLimit: 150, goodwillLimit: 50, binding: 'total' });
      expect(r.trace.dropped).toContainEqual(
        expect.objectContaining({
          type: 'gift',
          reason: 'reduced',
          limit: 'total',
          estimatedCost: 150,
          keptCost: 50,
        }),
      );
      expect(capViolations(parseComplaint(input), r, rs.policy)).toEqual([]);
    });
  }
});
