import { describe, expect, it } from 'vitest';
import { createRecommender, isRecommendationError, type Recommendation, RedressError } from '../../src/index';
import { baseComplaint, RATES, scenarios } from '../helpers';

const recommender = createRecommender({ exchangeRates: RATES });
const all = [...scenarios().values()];

describe('recommend', () => {
  it('returns plain JSON: a JSON round trip deep-equals the recommendation', async () => {
    for (const c of all) {
      const r = await recommender.recommend(c);
      expect(JSON.parse(JSON.stringify(r))).toStrictEqual(r);
    }
  });

  it('gives the same results to 100 concurrent calls as to sequential ones', async () => {
    const sequential: Recommendation[] = [];
    for (let i = 0; i < 100; i++) sequential.push(await recommender.recommend(all[i % all.length]));
    const concurrent = await Promise.all(
      Array.from({ length: 100 }, (_, i) => recommender.recommend(all[i % all.length])),
    );
    expect(concurrent).toEqual(sequential);
  });

  it('is deterministic: the same complaint gives a deep-equal recommendation', async () => {
    for (const c of all)
      expect(await recommender.recommend(c)).toEqual(
        await createRecommender({ exchangeRates: RATES }).recommend(structuredClone(c)),
      );
  });

  it('does not change its input', async () => {
    const input = baseComplaint();
    const copy = structuredClone(input);
    await recommender.recommend(input);
    expect(input).toEqual(copy);
  });

  it('rejects an invalid complaint with a RedressError naming the field', async () => {
    await expect(recommender.recommend({ ...baseComplaint(), channel: 'pigeon' })).rejects.toMatchObject({
      code: 'INVALID_COMPLAINT',
      pointer: '/channel',
    });
    await expect(recommender.recommend({})).rejects.toBeInstanceOf(RedressError);
  });

  it('records every rule’s outcome with trace: all', async () => {
    const r = await createRecommender({ trace: 'all' }).recommend(baseComplaint());
    expect(r.trace.rules?.length).toBe(recommender.ruleSet.rules.length);
    const legal = r.trace.rules?.find((o) => o.name === 'legal');
    expect(legal).toMatchObject({
      fired: false,
      conditions: {
        all: [{ fact: 'legalThreat', operator: 'equal', value: true, factResult: false, result: false }],
        result: false,
      },
    });
  });

  it('gives every fact a defined value', async () => {
    const r = await recommender.recommend(scenarios().get('c-outage'));
    for (const value of Object.values(r.trace.facts)) expect(value).not.toBeUndefined();
    expect(r.trace.facts).toMatchObject({ plan: 'Plus', hasOrder: false, orderTotal: 0, daysLate: 0 });
  });
});

describe('recommendMany', () => {
  it('yields one result per input, in input order, with error records for bad inputs', async () => {
    const inputs = [all[0], { id: 'broken', channel: 'fax' }, all[1], 'not even an object', all[2]];
    const results = [];
    for await (const r of recommender.recommendMany(inputs, { concurrency: 3 })) results.push(r);
    expect(results).toHaveLength(5);
    expect(results.map((r) => (isRecommendationError(r) ? `error@${r.index}` : r.complaintId))).toEqual([
      all[0]?.id,
      'error@1',
      all[1]?.id,
      'error@3',
      all[2]?.id,
    ]);
    expect(results[1]).toMatchObject({ complaintId: 'broken', error: { code: 'INVALID_COMPLAINT' } });
  });

  it('reads async iterables', async () => {
    async function* source() {
      for (const c of all.slice(0, 4)) yield c;
    }
    const ids = [];
    for await (const r of recommender.recommendMany(source()))
      ids.push(isRecommendationError(r) ? null : r.complaintId);
    expect(ids).toEqual(all.slice(0, 4).map((c) => c.id));
  });
});
