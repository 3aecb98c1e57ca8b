import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BatchPool, BatchResult, BatchThreads, ChunkResults } from '../../src/batch/worker-pool';
import { type LinkedBatchSetup, recommendLinked, recommendLinkedAsJson } from '../../src/cases/linked-batch';
import type { Complaint, ComplaintInput } from '../../src/complaint/schema';
import { resolveLimits } from '../../src/input/limits';
import { createPipeline } from '../../src/recommend/pipeline';
import { defaultRuleSet } from '../../src/rules/default/rule-set';
import { loadRuleSet } from '../../src/rules/ruleset';
import { expectEqual } from '../cheap-expect';
import { complaint } from '../complaint-builder';
import { fcParams } from '../seed';

// Worker threads run the built package (test/batch/workers.test.ts drives them); here a pool that
// answers each chunk in this thread, out of order and after a delay, stands in for them: it runs the
// batch's own `local` runner, which recommends ahead exactly as a worker does (cases/ahead.ts).

const limits = resolveLimits();
const pipeline = createPipeline({
  ruleSet: loadRuleSet(defaultRuleSet),
  limits,
  locale: 'en',
  fallbackLocale: 'en',
  engine: 'compiled',
  trace: 'fired',
});

interface Counts {
  chunks: number;
  sent: number;
}

/** Threads whose pool answers chunks in this thread, each after a delay chosen by `delay`. */
function fakeThreads(counts: Counts, delay: (chunk: number) => number = () => 0): BatchThreads {
  const pool: BatchPool = {
    size: 2,
    run: (items, start, local): Promise<ChunkResults> => {
      const chunk = counts.chunks++;
      counts.sent += items.length;
      return new Promise((resolve) => setTimeout(() => resolve(local(items, start)), delay(chunk)));
    },
    leave: () => {},
  };
  return { canStart: true, acquire: () => pool };
}

function setup(threads?: BatchThreads): LinkedBatchSetup {
  return {
    run: (c: Complaint, link) => pipeline.run(c, pipeline.callFor(c), undefined, link),
    limits,
    windowDays: 3,
    ...(threads ? { threads, options: { workers: true } } : {}),
  };
}

async function all<T>(results: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const r of results) out.push(r);
  return out;
}

const at = (hours: number) => new Date(Date.UTC(2026, 2, 10) + hours * 3_600_000).toISOString();

/** A complaint about one of a few orders of a few customers, at some hour of a week. */
const arbComplaint = (i: number) =>
  fc
    .record({
      customer: fc.integer({ min: 0, max: 3 }),
      order: fc.integer({ min: 0, max: 2 }),
      category: fc.constantFrom('wrong_item', 'late_delivery'),
      channel: fc.constantFrom('email', 'chat', 'social'),
      hour: fc.integer({ min: 0, max: 24 * 8 }),
      form: fc.constantFrom('object', 'text', 'text', 'invalid', 'yen', 'openCase'),
    })
    .map(({ customer, order, category, channel, hour, form }): unknown => {
      const c: ComplaintInput = complaint({
        id: `c-${i}`,
        receivedAt: at(hour),
        channel,
        category,
        customer: { id: `u-${customer}`, since: '2025-03-01' },
        order: { ...complaint().order, id: `o-${customer}-${order}` } as ComplaintInput['order'],
        ...(channel === 'social' ? { exposure: { public: true, platform: 'X', reach: 5_000 } } : {}),
      });
      switch (form) {
        case 'text':
          return JSON.stringify(c);
        case 'invalid':
          return { ...c, receivedAt: 'yesterday' };
        case 'yen':
          // A currency the default rules have no rate for: valid, but no recommendation.
          return { ...c, order: { ...c.order, currency: 'JPY', total: 10_000 } };
        case 'openCase':
          return {
            ...c,
            customer: {
              ...c.customer,
              openCases: [
                {
                  id: `helpdesk-${customer}`,
                  openedAt: at(hour - 1),
                  category,
                  orderId: `o-${customer}-${order}`,
                  owner: 'agent-7',
                  remedies: [{ type: 'gift', kind: 'goodwill', amount: 2, currency: 'EUR' }],
                },
              ],
            },
          };
        default:
          return c;
      }
    });

const arbBatch = fc
  .integer({ min: 1, max: 200 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => arbComplaint(i))));

describe('a linked batch on worker threads', () => {
  it('gives exactly what it gives in this thread, in input order (property, 60 runs)', async () => {
    await fc.assert(
      fc.asyncProperty(arbBatch, fc.integer({ min: 0, max: 1_000 }), async (inputs, salt) => {
        const here = await all(recommendLinked(inputs, setup()));
        const counts = { chunks: 0, sent: 0 };
        // Chunks come back in a scrambled order: the batch must still read them in input order.
        const there = await all(recommendLinked(inputs, setup(fakeThreads(counts, (k) => (k * salt) % 3))));
        expectEqual(there, here);
        expect(counts.sent).toBeGreaterThan(0);
        const json = await all(recommendLinkedAsJson(inputs, setup(fakeThreads({ chunks: 0, sent: 0 }))));
        expectEqual(
          json,
          here.map((r) => JSON.stringify(r)),
        );
      }),
      fcParams(60),
    );
  }, 120_000);

  it('sends only the complaints whose case does not look open; the rest are recommended in turn', async () => {
    // Two customers, each writing three times about one order within the window: six complaints,
    // two cases.
    const inputs = [0, 1, 2, 3, 4, 5].map((i) =>
      complaint({
        id: `c-${i}`,
        receivedAt: at(i),
        customer: { id: `u-${i % 2}`, since: '2025-03-01' },
        order: { ...complaint().order, id: `o-${i % 2}` } as ComplaintInput['order'],
      }),
    );
    const counts = { chunks: 0, sent: 0 };
    const out = await all(recommendLinked(inputs, setup(fakeThreads(counts))));
    expect(counts).toEqual({ chunks: 1, sent: 2 });
    expect(out.map((r) => ('handling' in r ? r.handling.mode : r.error.code))).toEqual([
      'automatic',
      'automatic',
      'linked',
      'linked',
      'linked',
      'linked',
    ]);
  });

  it('recommends again, linked, a complaint whose case an earlier one opened though it did not look so', async () => {
    // The guess reads the raw input: with an id padded by spaces it sees two customers, while the
    // validated complaints (ids trimmed) are one customer, one case.
    const first = complaint({ id: 'c-1', receivedAt: at(0) });
    const second = complaint({
      id: 'c-2',
      receivedAt: at(1),
      customer: { id: ' u-1 ', since: '2025-03-01' },
    });
    const counts = { chunks: 0, sent: 0 };
    const out = (await all(recommendLinked([first, second], setup(fakeThreads(counts))))) as BatchResult[];
    expect(counts.sent).toBe(2);
    expect(out.map((r) => ('handling' in r ? r.handling.linkedTo : r.error.code))).toEqual([
      undefined,
      'c-1',
    ]);
    expect(out).toEqual(await all(recommendLinked([first, second], setup())));
  });
});
