import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EntryColumns } from '../../src/incidents/entry-columns';
import { EntryReader } from '../../src/incidents/reader';
import type { Entry } from '../../src/incidents/types';
import {
  createRecommender,
  isRedressError,
  type Recommendation,
  type RecommendationError,
  type RecommendManyOptions,
} from '../../src/index';
import { scenario } from '../helpers';
import { fcParams } from '../seed';
import { afternoon } from './afternoon';

const template = scenario('c-wrong-item') as unknown as Record<string, unknown>;
const T0 = Date.parse('2026-03-10T00:00:00Z');

interface Shape {
  readonly minutes: number;
  readonly sku: string;
  readonly tone: 'calm' | 'angry';
  readonly isPublic: boolean;
  /** Not EUR: no exchange rate, so it cannot be recommended for (nor give its incident's policy). */
  readonly usd: boolean;
  /** Not a complaint at all (an error record, no part of detection). */
  readonly broken: boolean;
}

function complaint(id: string, s: Shape): unknown {
  const order = template.order as Record<string, unknown>;
  return {
    ...template,
    id,
    receivedAt: new Date(T0 + s.minutes * 60_000).toISOString(),
    channel: s.broken ? 'carrier pigeon' : s.isPublic ? 'social' : 'email',
    tone: s.tone,
    order: {
      ...order,
      id: `o-${id}`,
      currency: s.usd ? 'USD' : 'EUR',
      items: [{ sku: s.sku, quantity: 1, unitPrice: 59.9 }],
      total: 59.9,
    },
    ...(s.isPublic ? { exposure: { public: true, platform: 'Instagram', reach: 80_000 } } : {}),
  };
}

async function all(results: AsyncIterable<Recommendation | RecommendationError>) {
  const out: (Recommendation | RecommendationError)[] = [];
  for await (const r of results) out.push(r);
  return out;
}

/** An async source that counts how often it was read. */
function source(items: readonly unknown[]) {
  const reads = { count: 0 };
  const read = async function* () {
    reads.count++;
    yield* items;
  };
  return { read, reads };
}

describe('crisis mode in passes (readAgain): the results of holding the batch, without holding it', () => {
  const recommender = createRecommender({ locale: 'auto' });

  it('gives every complaint of a batch out of time order what the whole-batch read gives', async () => {
    const shape = fc.record({
      minutes: fc.integer({ min: 0, max: 240 }),
      sku: fc.constantFrom('A', 'B', 'BURST'),
      tone: fc.constantFrom('calm' as const, 'angry' as const),
      isPublic: fc.boolean(),
      usd: fc.boolean(),
      broken: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
    });
    let members = 0;
    let fallbacks = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(shape, { maxLength: 24 }),
        fc.integer({ min: 0, max: 200 }),
        fc.array(shape, { minLength: 3, maxLength: 8 }),
        fc.integer({ min: 1, max: 6 }),
        async (background, start, planted, concurrency) => {
          // A burst of one SKU within minutes, in among the rest: the batch is in no particular order.
          const burst = planted.map((s) => ({ ...s, sku: 'BURST', minutes: start + (s.minutes % 15) }));
          const shapes = [...background, ...burst];
          const batch = shapes.map((s, i) => complaint(`c-${String(i % 7)}-${i}`, s));
          const options: RecommendManyOptions = {
            incidents: { window: '30m', baseline: '1h', minCount: 3, ratio: 2 },
            concurrency,
          };
          const whole = await all(recommender.recommendMany(batch, options));
          const { read, reads } = source(batch);
          const passes = await all(recommender.recommendMany(read(), { ...options, readAgain: read }));
          expect(passes).toEqual(whole);
          expect(reads.count).toBeGreaterThanOrEqual(3);
          for (const r of whole) if ('incident' in r && r.incident) members++;
          if (
            whole.some((r) => 'incident' in r && r.incident) &&
            shapes.some((s) => s.usd && s.sku === 'BURST')
          )
            fallbacks++;
        },
      ),
      fcParams(40),
    );
    expect(members).toBeGreaterThan(40);
    expect(fallbacks).toBeGreaterThan(3);
  });

  it('gives the afternoon’s outage, shuffled, the same incident and remedies', async () => {
    const lines = afternoon({ background: { outagesPerDay: 2 } }).map((c) => JSON.stringify(c));
    // Every seventh line moved to the end: far out of time order.
    const shuffled = [...lines.filter((_, i) => i % 7 !== 0), ...lines.filter((_, i) => i % 7 === 0)];
    const whole = await all(createRecommender().recommendMany(shuffled, { incidents: true }));
    const passes = await all(
      createRecommender().recommendMany(shuffled, { incidents: true, readAgain: () => shuffled }),
    );
    expect(passes.filter((r) => 'incident' in r && r.incident)).toHaveLength(50);
    expect(passes).toEqual(whole);
  });

  it('refuses a second read that differs from the first', async () => {
    const batch = afternoon().map((c) => JSON.stringify(c));
    const other = [...batch.slice(0, 10), ...batch.slice(11)];
    const run = all(createRecommender().recommendMany(batch, { incidents: true, readAgain: () => other }));
    await expect(run).rejects.toSatisfy(
      (e) => isRedressError(e) && e.code === 'INVALID_OPTIONS' && e.issues[0]?.code === 'changed',
    );
  });
});

describe('the columns the first pass keeps', () => {
  it('give back each entry, and take them in detection’s order (time, then id, then input order)', () => {
    const reader = new EntryReader('cause');
    const columns = new EntryColumns();
    const entries: Entry[] = [];
    const ids = ['z', 'é-ü', 'a', 'a', 'm', '日本', 'b'];
    ids.forEach((id, i) => {
      const minutes = i % 3; // many equal times
      const read = reader.read(
        complaint(id, { minutes, sku: 'A', tone: 'calm', isPublic: i % 2 === 0, usd: false, broken: false }),
        i,
      );
      const entry = read as Entry;
      entries.push(entry);
      columns.add(entry);
    });
    for (const [k, e] of entries.entries()) {
      expect(columns.entry(k)).toEqual({ ...e, index: k });
    }
    const expected = [...entries].sort(
      (a, b) => a.time - b.time || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) || a.index - b.index,
    );
    expect([...columns.timeOrder()]).toEqual(expected.map((e) => e.index));
  });

  it('grow past their first size', () => {
    const reader = new EntryReader('category');
    const columns = new EntryColumns();
    const shape: Shape = { minutes: 0, sku: 'A', tone: 'calm', isPublic: false, usd: false, broken: false };
    for (let i = 0; i < 5_000; i++) {
      columns.add(
        reader.read(complaint(`id-${'x'.repeat(i % 40)}-${i}`, { ...shape, minutes: 5_000 - i }), i) as Entry,
      );
    }
    expect(columns.length).toBe(5_000);
    expect(columns.entry(4_321).id).toBe(`id-${'x'.repeat(4_321 % 40)}-4321`);
    expect(columns.timeOrder()[0]).toBe(4_999);
  });
});
