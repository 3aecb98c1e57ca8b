import { Worker } from 'node:worker_threads';
import { describe, expect, it, vi } from 'vitest';
import {
  type BatchPool,
  type BatchResult,
  type ChunkResults,
  type LocalRunner,
  lease,
  WorkerPool,
  WorkerThreads,
} from '../../src/batch/worker-pool';
import { defaultLimits } from '../../src/index';
import { BATCH_SETUP, MISBEHAVING_BATCH_WORKER } from '../fixtures/misbehaving-batch-setup';
import {
  allExited,
  escapedWhile,
  unhung,
  watchThreadsOfEachTest,
  withNextAnswerUnreadable,
} from '../fixtures/started-threads';

// The failure paths of a batch's worker pool, on real threads that misbehave on purpose (the first
// item of a chunk says how: test/fixtures/misbehaving-batch-worker.mjs). Whatever a thread does, every
// chunk is answered, by it or by this thread, once, with one result per input in input order; the
// batch hears of a lost thread once, with the reason; and once the pool is done no thread is left.

/** This thread's answer for an input: the input and its batch index, so that order and place show. */
const local: LocalRunner = async (items, start) => ({
  results: items.map((item, i) => ({ here: item, index: start + i }) as unknown as BatchResult),
});

/** What a chunk of `items` starting at `start` is when this thread runs it. */
const ranHere = (items: readonly unknown[], start: number): ChunkResults => ({
  results: items.map((item, i) => ({ here: item, index: start + i }) as unknown as BatchResult),
});

/** What a chunk of `items` is when a thread of the fixture answers it. */
const ranThere = (items: readonly unknown[]): ChunkResults => ({
  texts: items.map((item) => JSON.stringify({ worker: item })),
});

const threads = watchThreadsOfEachTest();

/** A pool of `size` misbehaving threads, a batch using it, and what the batch heard of lost threads. */
function started(size: number): { pool: WorkerPool; batch: BatchPool; heard: string[] } {
  const pool = new WorkerPool(MISBEHAVING_BATCH_WORKER, BATCH_SETUP, size);
  const heard: string[] = [];
  return { pool, batch: lease(pool, (why) => heard.push(why)), heard };
}

/** The batch leaves, the pool closes, and every thread it started has exited. */
async function done(pool: WorkerPool, batch: BatchPool): Promise<void> {
  batch.leave();
  await pool.close();
  await allExited(threads.started());
}

describe('a batch thread that stops mid-chunk', () => {
  it('has that chunk and the ones queued behind it run here, in place; the batch hears the exit once', async () => {
    const { pool, batch, heard } = started(1);
    const first = batch.run(['exit', 'a'], 0, local);
    const second = batch.run(['b', 'c'], 2, local);
    expect(await first).toEqual(ranHere(['exit', 'a'], 0));
    expect(await second).toEqual(ranHere(['b', 'c'], 2));
    expect(heard).toEqual(['it exited with code 3']);
    // A chunk after the loss is run here at once: the pool has no thread left.
    expect(await batch.run(['d'], 4, local)).toEqual(ranHere(['d'], 4));
    expect(pool.healthy).toBe(false);
    await done(pool, batch);
  });

  it('names the error it threw, once, though the thread also exits after it', async () => {
    const { pool, batch, heard } = started(1);
    expect(await batch.run(['throw', 'a'], 0, local)).toEqual(ranHere(['throw', 'a'], 0));
    await allExited(threads.started());
    expect(heard).toEqual(['thrown mid-chunk']);
    await done(pool, batch);
  });

  it('loses nothing when both threads stop, one after the other, with chunks on each', async () => {
    const { pool, batch, heard } = started(2);
    // The least busy thread takes each chunk: the first, the second, then the first again.
    const chunks = [['exit'], ['throw'], ['a', 'b']].map((items, i) => batch.run(items, i * 2, local));
    expect(await Promise.all(chunks)).toEqual([
      ranHere(['exit'], 0),
      ranHere(['throw'], 2),
      ranHere(['a', 'b'], 4),
    ]);
    await allExited(threads.started());
    expect(heard.sort()).toEqual(['it exited with code 3', 'thrown mid-chunk']);
    await done(pool, batch);
  });
});

describe('a batch thread that stops, when the listener told of it throws', () => {
  it('still has its chunk run here; the error escapes as the uncaught exception it is', async () => {
    // The listener runs in the thread's 'error' event: what it throws is uncaught, taken here as a process would.
    const escaped = await escapedWhile(async () => {
      const pool = new WorkerPool(MISBEHAVING_BATCH_WORKER, BATCH_SETUP, 1);
      const batch = lease(pool, () => {
        throw new Error('the listener failed');
      });
      const chunk = batch.run(['exit', 'a'], 0, local);
      expect(await unhung(chunk, () => 'the chunk of the lost thread')).toEqual(ranHere(['exit', 'a'], 0));
      await allExited(threads.started());
      await done(pool, batch);
    });
    expect(escaped).toEqual([new Error('the listener failed')]);
  });
});

describe('a batch thread that answers wrongly', () => {
  it('has a chunk it could not send run here, and keeps working', async () => {
    const { pool, batch, heard } = started(1);
    expect(await batch.run(['fail', 'a'], 0, local)).toEqual(ranHere(['fail', 'a'], 0));
    expect(await batch.run(['b'], 2, local)).toEqual(ranThere(['b']));
    expect(heard).toEqual([]);
    await done(pool, batch);
  });

  it('has a chunk answered with neither results nor a failure run here, and keeps working', async () => {
    const { pool, batch, heard } = started(1);
    expect(await batch.run(['shapeless', 'a'], 0, local)).toEqual(ranHere(['shapeless', 'a'], 0));
    expect(await batch.run(['b'], 2, local)).toEqual(ranThere(['b']));
    expect(heard).toEqual([]);
    await done(pool, batch);
  });

  it('ignores a second answer to a chunk, and answers the next chunk with its own results', async () => {
    const { pool, batch, heard } = started(1);
    expect(await batch.run(['twice', 'a'], 0, local)).toEqual(ranThere(['twice', 'a']));
    expect(await batch.run(['b'], 2, local)).toEqual(ranThere(['b']));
    expect(heard).toEqual([]);
    await done(pool, batch);
  });

  it("passes a linked chunk's case notes on with its results", async () => {
    const { pool, batch } = started(1);
    const linked = await batch.run(['a', 'b'], 0, local, { link: true, indices: [0, 3] });
    expect(linked).toEqual({ ...ranThere(['a', 'b']), notes: [null, null] });
    await done(pool, batch);
  });
});

describe('a batch thread whose answer cannot be read', () => {
  it('is given up: its chunks are run here, the batch hears why, and the thread is stopped', async () => {
    const { pool, batch, heard } = started(1);
    // The thread gets the chunk and would never answer it: the unreadable answer is all that comes.
    const chunk = withNextAnswerUnreadable(() => batch.run(['hang', 'a'], 0, local));
    expect(await unhung(chunk, () => 'the chunk whose answer could not be read')).toEqual(
      ranHere(['hang', 'a'], 0),
    );
    expect(heard).toEqual(['the answer could not be read']);
    await allExited(threads.started());
    expect(await batch.run(['b'], 2, local)).toEqual(ranHere(['b'], 2));
    await done(pool, batch);
  });

  it('is stopped all the same when the listener told of it throws', async () => {
    // The listener runs in the thread's 'messageerror' event: what it throws is uncaught.
    const escaped = await escapedWhile(async () => {
      const pool = new WorkerPool(MISBEHAVING_BATCH_WORKER, BATCH_SETUP, 1);
      const batch = lease(pool, () => {
        throw new Error('the listener failed');
      });
      // The thread gets the chunk and would never answer it: the unreadable answer is all that comes.
      const chunk = withNextAnswerUnreadable(() => batch.run(['hang', 'a'], 0, local));
      expect(await unhung(chunk, () => 'the chunk whose answer could not be read')).toEqual(
        ranHere(['hang', 'a'], 0),
      );
      // Not left running until the pool closes: the thread is stopped whatever the listener did.
      await allExited(threads.started());
      await done(pool, batch);
    });
    expect(escaped).toEqual([new Error('the listener failed')]);
  });
});

describe('a chunk that cannot go to a thread', () => {
  it('is run here, in place, when an input cannot be cloned, and the thread keeps working', async () => {
    const { pool, batch, heard } = started(1);
    const uncloneable = { id: 'with-a-function', f() {} };
    expect(await batch.run(['a', uncloneable], 0, local)).toEqual(ranHere(['a', uncloneable], 0));
    expect(await batch.run(['b'], 2, local)).toEqual(ranThere(['b']));
    expect(heard).toEqual([]);
    await done(pool, batch);
  });

  it('is run here when it holds a text over the size limit, without being sent', async () => {
    const post = vi.spyOn(Worker.prototype, 'postMessage');
    try {
      const { pool, batch } = started(1);
      const long = 'x'.repeat(defaultLimits.maxComplaintBytes + 1);
      expect(await batch.run(['a', long], 0, local)).toEqual(ranHere(['a', long], 0));
      expect(post).not.toHaveBeenCalled();
      await done(pool, batch);
    } finally {
      post.mockRestore();
    }
  });
});

describe('a pool that closes with chunks still out', () => {
  it('runs them here, tells no batch of a lost thread, and leaves no thread running', async () => {
    const { pool, batch, heard } = started(2);
    const chunks = [batch.run(['hang', 'a'], 0, local), batch.run(['hang', 'b'], 2, local)];
    await pool.close();
    expect(await Promise.all(chunks)).toEqual([ranHere(['hang', 'a'], 0), ranHere(['hang', 'b'], 2)]);
    // A chunk after the close is run here.
    expect(await batch.run(['c'], 4, local)).toEqual(ranHere(['c'], 4));
    await allExited(threads.started());
    expect(heard).toEqual([]);
    await done(pool, batch);
  });
});

describe('a pool left with a chunk out whose thread is then lost', () => {
  // A batch that breaks early leaves the pool with its chunks still out; a pool is retired when a later
  // batch needs another. Once the last chunk is in, the pool closes (retired) or waits its idle time.

  it('closes, when retired, stopping its other threads', async () => {
    const { pool, batch } = started(2);
    try {
      const chunk = batch.run(['exit'], 0, local);
      batch.leave();
      pool.retire();
      expect(await chunk).toEqual(ranHere(['exit'], 0));
      const [, other] = threads.started();
      expect(other && threads.terminated(other)).toBe(true);
      await allExited(threads.started());
    } finally {
      await pool.close();
    }
  });

  it('closes after its idle time, when not retired, stopping its other threads', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { pool, batch } = started(2);
    try {
      const chunk = batch.run(['exit'], 0, local);
      batch.leave();
      expect(await chunk).toEqual(ranHere(['exit'], 0));
      const [, other] = threads.started();
      expect(other && threads.terminated(other)).toBe(false);
      vi.runAllTimers();
      expect(other && threads.terminated(other)).toBe(true);
    } finally {
      vi.useRealTimers();
      await pool.close();
    }
    await allExited(threads.started());
  });
});

describe("a recommender's threads", () => {
  const recommenderThreads = () => new WorkerThreads(BATCH_SETUP, () => MISBEHAVING_BATCH_WORKER);

  it('keep one pool for the batches that follow one another with as many threads', async () => {
    const recommender = recommenderThreads();
    for (const start of [0, 1]) {
      const batch = recommender.acquire(1);
      expect(await batch?.run(['a'], start, local)).toEqual(ranThere(['a']));
      batch?.leave();
    }
    expect(threads.started()).toHaveLength(1);
  });

  it('start a pool for a batch that wants another number, and close the old one once its batch is done', async () => {
    const recommender = recommenderThreads();
    const first = recommender.acquire(1);
    const out = first?.run(['a'], 0, local);
    const second = recommender.acquire(2);
    const [old] = threads.started();
    expect(threads.started()).toHaveLength(3);
    expect(await out).toEqual(ranThere(['a']));
    expect(old && threads.terminated(old)).toBe(false);
    first?.leave();
    expect(old && threads.terminated(old)).toBe(true);
    expect(await second?.run(['b'], 0, local)).toEqual(ranThere(['b']));
    second?.leave();
  });

  it('start a new pool for the batch after one that lost a thread, and tell only the batch that used it', async () => {
    const recommender = recommenderThreads();
    const heard: string[][] = [[], []];
    const first = recommender.acquire(1, (why) => heard[0]?.push(why));
    expect(await first?.run(['exit', 'a'], 0, local)).toEqual(ranHere(['exit', 'a'], 0));
    first?.leave();
    const second = recommender.acquire(1, (why) => heard[1]?.push(why));
    expect(await second?.run(['b'], 2, local)).toEqual(ranThere(['b']));
    second?.leave();
    expect(threads.started()).toHaveLength(2);
    expect(heard).toEqual([['it exited with code 3'], []]);
  });

  it('start none without a worker script to run (from source)', () => {
    const fromSource = new WorkerThreads(BATCH_SETUP, () => undefined);
    expect(fromSource.canStart).toBe(false);
    expect(fromSource.acquire(1)).toBeUndefined();
    expect(threads.started()).toEqual([]);
  });
});
