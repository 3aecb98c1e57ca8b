import { describe, expect, it } from 'vitest';
import { version } from '../../package.json';
import { createRecommender, LOCALE_CODES, type Recommendation } from '../../src/index';
import { scenario, scenarios } from '../helpers';

/**
 * The recommendation as snapshotted: without redress's version, which changes with every release and
 * is checked here instead. The rule set's hash stays in: it changes only when the default rules do.
 */
function withoutVersion({ redressVersion, ...rest }: Recommendation): Omit<Recommendation, 'redressVersion'> {
  expect(redressVersion).toBe(version);
  return rest;
}

// Snapshots are the review surface for the translations: a change to any sentence in any locale shows
// up here as a diff a native speaker can read. Regenerate with `npx vitest run -u` after checking it.
describe.each(LOCALE_CODES)('rationale in %s', (locale) => {
  const recommender = createRecommender({ locale });

  it('gives a full recommendation for a wrong item', async () => {
    const complaint = scenario('c-wrong-item');
    expect(withoutVersion(await recommender.recommend(complaint))).toMatchSnapshot();
  });

  it('gives a full recommendation for a subscription outage', async () => {
    const complaint = scenario('c-outage-severe');
    expect(withoutVersion(await recommender.recommend(complaint))).toMatchSnapshot();
  });

  it('explains every hand-written scenario', async () => {
    const texts: Record<string, string[]> = {};
    for (const complaint of scenarios().values()) {
      const rec = await recommender.recommend(complaint);
      texts[rec.complaintId] = rec.rationale.map((s) => `${s.audience === 'customer' ? '»' : '·'} ${s.text}`);
    }
    expect(texts).toMatchSnapshot();
  });
});
