import { describe, expect, it } from 'vitest';
import { recommendEach, WORKER_THRESHOLD } from '../../src/batch/many';
import {
  createRecommender,
  isRecommendationError,
  type Recommendation,
  type RecommendationError,
} from '../../src/index';
import { collect, RATES, scenarios } from '../helpers';

const recommender = createRecommender({ exchangeRates: RATES });
const all = [...scenarios().values()];

const label = (r: Recommendation | RecommendationError) =>
  isRecommendationError(r) ? `error@${r.index}` : r.complaintId;

describe('recommendMany in this thread', () => {
  it('numbers error records by their position in the whole batch, past the first thousand too', async () => {
    const inputs = Array.from({ length: WORKER_THRESHOLD + 30 }, (_, i) =>
      i % 250 === 7 ? { id: `bad-${i}` } : { ...all[i % all.length], id: `c-${i}` },
    );
    // From source there is no worker script, so 'auto' stays in this thread however long the batch is.
    const results = await collect(recommender.recommendMany(inputs, { concurrency: 2 }));
    expect(results).toHaveLength(inputs.length);
    expect(results.map(label)).toEqual(inputs.map((c, i) => (c.id.startsWith('bad') ? `error@${i}` : c.id)));
  });

  it('gives the same results whatever the concurrency', async () => {
    const inputs = [...all, 'nonsense', ...all];
    const one = await collect(recommender.recommendMany(inputs, { concurrency: 1 }));
    const four = await collect(recommender.recommendMany(inputs, { concurrency: 4, workers: false }));
    expect(four).toStrictEqual(one);
  });

  it('refuses a concurrency that is not a whole number of at least 1', async () => {
    for (const concurrency of [0, -1, 1.5, Number.NaN]) {
      const error = await collect(recommender.recommendMany(all, { concurrency })).catch((e: unknown) => e);
      expect(error).toMatchObject({
        name: 'RedressError',
        code: 'INVALID_OPTIONS',
        path: ['concurrency'],
        message: `INVALID_OPTIONS: concurrency: must be a whole number ≥ 1, got ${concurrency}`,
      });
    }
  });

  it('says that worker threads need the built package when asked for them from source', async () => {
    await expect(collect(recommender.recommendMany(all, { workers: true, link: false }))).rejects.toThrow(
      /npm run build/,
    );
  });

  it('yields each result as its JSON text with recommendManyAsJson', async () => {
    const inputs = [all[0], { id: 'broken' }, all[1]];
    const texts = await collect(recommender.recommendManyAsJson(inputs));
    const values = await collect(recommender.recommendMany(inputs));
    expect(texts).toEqual(values.map((v) => JSON.stringify(v)));
  });

  it('gives a hostile input, whose every property throws, its error record without an id', async () => {
    const hostile = new Proxy(
      {},
      {
        get: () => {
          throw new Error('hostile getter');
        },
      },
    );
    const results = await collect(recommender.recommendMany([all[0], hostile, all[1]]));
    expect(results.map(label)).toEqual([all[0]?.id, 'error@1', all[1]?.id]);
    expect(results[1]).toMatchObject({ index: 1, complaintId: null });
  });

  it('records a failure that is not an Error as INTERNAL, with its text as the message', async () => {
    const failing = async (): Promise<Recommendation> => {
      throw 'not an Error';
    };
    expect(await collect(recommendEach([{ id: 'x' }], failing))).toEqual([
      {
        index: 0,
        complaintId: 'x',
        error: { code: 'INTERNAL', message: 'not an Error', path: [], pointer: '' },
      },
    ]);
  });

  it('reads a slow async source as it comes, and closes it when the reader stops early', async () => {
    let closed = false;
    let read = 0;
    const source = {
      async *[Symbol.asyncIterator]() {
        try {
          for (let i = 0; ; i++) {
            await new Promise((resolve) => setImmediate(resolve));
            read += 1;
            yield all[i % all.length];
          }
        } finally {
          closed = true;
        }
      },
    };
    const seen: (string | null)[] = [];
    for await (const r of recommender.recommendMany(source, { concurrency: 1 })) {
      seen.push(isRecommendationError(r) ? null : r.complaintId);
      if (seen.length === 5) break;
    }
    expect(seen).toEqual(all.slice(0, 5).map((c) => c.id));
    expect(closed).toBe(true);
    // Bounded: it never read far ahead of what was asked for.
    expect(read).toBeLessThan(5 + 20);
  });
});
