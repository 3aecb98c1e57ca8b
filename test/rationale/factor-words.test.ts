import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeFactor } from '../../src/i18n/factor-text';
import { Renderer } from '../../src/i18n/renderer';
import { createRecommender } from '../../src/index';
import { complaintArbitrary } from '../../src/testing/index';
import { fcParams } from '../seed';

/**
 * An English rationale names each scoring factor by its `reason` rather than describing it again: the
 * reason must be what describing it in English gives, in any zone and with any display but rials in
 * toman (which the rationale describes itself).
 */
describe("the factors' English reasons", () => {
  const recommender = createRecommender();
  it('are what a fresh English renderer writes for them, in any zone', async () => {
    await fc.assert(
      fc.asyncProperty(
        complaintArbitrary(),
        fc.constantFrom('Europe/London', 'Asia/Kathmandu', 'America/St_Johns'),
        fc.constantFrom(undefined, { IRR: 'rial' as const }),
        async (complaint, zone, display) => {
          const rec = await recommender.recommend(complaint);
          // A renderer that has described nothing yet: no memo shared with scoring's.
          const r = new Renderer('en', zone);
          for (const f of [...rec.severity.factors, ...rec.value.factors]) {
            expect(f.reason).toBe(describeFactor(r, f.code, f.params, display));
          }
        },
      ),
      fcParams(300),
    );
  });
});
