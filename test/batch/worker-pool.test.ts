import { describe, expect, it } from 'vitest';
import { recommendEach } from '../../src/batch/many';
import {
  type BatchResult,
  type BatchThreads,
  heapLimits,
  lease,
  oversized,
  WorkerPool,
  type WorkerSetup,
} from '../../src/batch/worker-pool';
import { defaultLimits, defaultRuleSet, isRedressError } from '../../src/index';

// A worker's heap is sized from its rule set and from the largest complaint the limits let in; a
// complaint text over the limit never goes to a worker (it is refused without being parsed).

const setup = (maxComplaintBytes: number): WorkerSetup => ({
  ruleSet: defaultRuleSet,
  locale: 'en',
  fallbackLocale: 'en',
  engine: 'compiled',
  trace: 'fired',
  limits: { ...defaultLimits, maxComplaintBytes },
});

describe('heapLimits', () => {
  it('keeps the measured heap for the default limits, and adds 2 MB per MiB a raised limit allows', () => {
    const base = heapLimits(setup(defaultLimits.maxComplaintBytes));
    const ruleSetMb = JSON.stringify(defaultRuleSet).length / 2 ** 20;
    expect(base).toEqual({
      maxOldGenerationSizeMb: Math.ceil(64 + 32 * ruleSetMb),
      maxYoungGenerationSizeMb: 16,
    });
    const raised = heapLimits(setup(32 * 2 ** 20));
    expect(raised.maxOldGenerationSizeMb).toBe(Math.ceil(64 + 32 * ruleSetMb + 62));
    expect(heapLimits(setup(1024))).toEqual(base); // a lowered limit never shrinks it
  });
});

describe('oversized', () => {
  it('is true for a chunk with a text longer than the limit, false for objects and texts within it', () => {
    expect(oversized(['{}', 'x'.repeat(101)], 100)).toBe(true);
    expect(oversized(['x'.repeat(100), { id: 'x'.repeat(1000) }], 100)).toBe(false);
  });
});

/** A worker that throws as it starts, as one out of heap would. */
const CRASHING = new URL('../fixtures/crashing-worker.mjs', import.meta.url);

/** Threads that can always start, from the crashing script. */
const crashingThreads: BatchThreads = {
  canStart: true,
  acquire: (size, onLost) =>
    lease(new WorkerPool(CRASHING, setup(defaultLimits.maxComplaintBytes), size), onLost),
};

/** What this thread answers for an input: its index, so that order and completeness show. */
const echo = async (input: unknown) => ({ echoed: input }) as unknown as BatchResult;

describe('a worker thread that stops under a batch', () => {
  it('loses no input: its chunks are run in this thread, and the batch hears why, once a thread', async () => {
    const heard: string[] = [];
    const inputs = Array.from({ length: 300 }, (_, i) => i);
    const results: BatchResult[] = [];
    for await (const r of recommendEach(
      inputs,
      echo as never,
      {
        workers: true,
        concurrency: 1,
        onWorkerLost: (why) => heard.push(why),
      },
      crashingThreads,
    )) {
      results.push(r);
    }
    expect(results).toEqual(inputs.map((i) => ({ echoed: i })));
    expect(heard).toEqual(['boom']);
  });

  it('tells only the batches still using the pool', async () => {
    const pool = new WorkerPool(CRASHING, setup(defaultLimits.maxComplaintBytes), 1);
    const gone: string[] = [];
    const staying: string[] = [];
    lease(pool, (why) => gone.push(why)).leave();
    const batch = lease(pool, (why) => staying.push(why));
    const chunk = await batch.run([1, 2], 0, async (items) => ({ results: items as BatchResult[] }));
    batch.leave();
    expect(chunk).toEqual({ results: [1, 2] });
    await pool.close();
    expect(gone).toEqual([]);
    expect(staying).toEqual(['boom']);
  });

  it('tells a batch that stays when another batch with the same listener leaves', async () => {
    const pool = new WorkerPool(CRASHING, setup(defaultLimits.maxComplaintBytes), 1);
    const heard: string[] = [];
    const listen = (why: string) => heard.push(why);
    const leaving = lease(pool, listen);
    const batch = lease(pool, listen);
    leaving.leave();
    await batch.run([1], 0, async (items) => ({ results: items as BatchResult[] }));
    batch.leave();
    await pool.close();
    expect(heard).toEqual(['boom']);
  });

  it('refuses an onWorkerLost that is not a function, naming the option', async () => {
    const batch = recommendEach([1], echo as never, { onWorkerLost: 'stderr' as never });
    const error = await batch.next().then(
      () => undefined,
      (e: unknown) => e,
    );
    if (!isRedressError(error)) throw new Error(`expected a RedressError, got ${String(error)}`);
    expect(error.code).toBe('INVALID_OPTIONS');
    expect(error.issues[0]?.path).toEqual(['onWorkerLost']);
    expect(error.message).toMatch(/must be a function .* got string/);
  });
});
