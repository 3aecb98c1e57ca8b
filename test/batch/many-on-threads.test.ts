import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import {
  CHUNK_SIZE,
  CHUNK_TEXT,
  recommendEach,
  recommendEachAsJson,
  WORKER_THRESHOLD,
} from '../../src/batch/many';
import {
  type BatchPool,
  type BatchThreads,
  type LocalRunner,
  WorkerThreads,
} from '../../src/batch/worker-pool';
import type { Recommendation } from '../../src/index';
import { BATCH_SETUP, MISBEHAVING_BATCH_WORKER } from '../fixtures/misbehaving-batch-setup';
import { watchThreadsOfEachTest } from '../fixtures/started-threads';
import { collect } from '../helpers';

// A batch on threads (recommendEach, as recommendMany runs it): every input yields its result or its
// error record, in input order, whatever the threads do and however the source delivers its inputs.

/** This thread's "recommendation" for an input: the input itself; one that starts with "bad" fails. */
const recommend = async (input: unknown): Promise<Recommendation> => {
  if (typeof input === 'string' && input.startsWith('bad')) throw new Error(`cannot read ${input}`);
  return { here: input } as unknown as Recommendation;
};

/** Threads that run each chunk in this thread, as a worker would, noting the chunks they were handed. */
function chunkNoting(chunks: unknown[][], onChunk = () => {}): BatchThreads {
  const pool: BatchPool = {
    size: 1,
    run: async (items, start, local: LocalRunner) => {
      chunks.push([...items]);
      onChunk();
      return local(items, start);
    },
    leave: () => {},
  };
  return { canStart: true, acquire: () => pool };
}

// What the tests leave running (a recommender's pool waits for its next batch) is stopped after each.
watchThreadsOfEachTest();

describe('a batch on threads that misbehave', () => {
  it('yields every input once, in order, the chunks of a lost thread redone here with their error records in place', async () => {
    const inputs = Array.from({ length: 3 * CHUNK_SIZE + 10 }, (_, i) => `input-${i}`);
    // The second chunk stops its thread (and fails one input when it is redone here); the third's
    // thread cannot send its answer.
    inputs[CHUNK_SIZE] = 'exit';
    inputs[CHUNK_SIZE + 6] = 'bad-70';
    inputs[2 * CHUNK_SIZE] = 'fail';
    const heard: string[] = [];
    const results = await collect(
      recommendEach(
        inputs,
        recommend,
        { workers: true, concurrency: 2, onWorkerLost: (why) => heard.push(why) },
        new WorkerThreads(BATCH_SETUP, () => MISBEHAVING_BATCH_WORKER),
      ),
    );
    const read = results.map((r) => {
      const { here, worker } = r as unknown as { here?: unknown; worker?: unknown };
      return here ?? worker ?? r;
    });
    expect(read).toEqual(
      inputs.map((input, index) =>
        input === 'bad-70'
          ? {
              index,
              complaintId: null,
              error: { code: 'INTERNAL', message: 'cannot read bad-70', path: [], pointer: '' },
            }
          : input,
      ),
    );
    // The first chunk went to a thread, which answered it; the lost and failed chunks were redone here.
    expect(results[0]).toEqual({ worker: 'input-0' });
    expect(results[CHUNK_SIZE]).toEqual({ here: 'exit' });
    expect(results[2 * CHUNK_SIZE]).toEqual({ here: 'fail' });
    expect(heard).toEqual(['it exited with code 3']);
  });

  it('yields the JSON text of a thread untouched with recommendEachAsJson, and makes it of the rest', async () => {
    const texts = await collect(
      recommendEachAsJson(
        ['a', 'b'],
        recommend,
        { workers: true, concurrency: 1 },
        new WorkerThreads(BATCH_SETUP, () => MISBEHAVING_BATCH_WORKER),
      ),
    );
    expect(texts).toEqual(['{"worker":"a"}', '{"worker":"b"}']);
    const exited = await collect(
      recommendEachAsJson(
        ['exit', 'b'],
        recommend,
        { workers: true, concurrency: 1 },
        new WorkerThreads(BATCH_SETUP, () => MISBEHAVING_BATCH_WORKER),
      ),
    );
    expect(exited).toEqual(['{"here":"exit"}', '{"here":"b"}']);
  });
});

describe('a batch on threads, by how its source delivers', () => {
  it('sends what a slow source has given so far, and starts the next chunk with the read still pending', async () => {
    let open = () => {};
    const opened = new Promise<void>((resolve) => {
      open = resolve;
    });
    async function* slow() {
      yield* ['a', 'b', 'c'];
      // The rest comes only once the first chunk has gone out: a batch that held it back would hang.
      await opened;
      yield* ['d', 'e'];
    }
    const chunks: unknown[][] = [];
    const results = await collect(
      recommendEach(slow(), recommend, { workers: true }, chunkNoting(chunks, open)),
    );
    expect(chunks).toEqual([
      ['a', 'b', 'c'],
      ['d', 'e'],
    ]);
    expect(results).toEqual(['a', 'b', 'c', 'd', 'e'].map((here) => ({ here })));
  });

  it('closes a chunk of JSON texts once they reach its size in characters', async () => {
    const long = (c: string) => c.repeat(Math.ceil(CHUNK_TEXT / 2) + 1);
    const inputs = [long('a'), long('b'), long('c')];
    const chunks: unknown[][] = [];
    const results = await collect(recommendEach(inputs, recommend, { workers: true }, chunkNoting(chunks)));
    expect(chunks.map((c) => c.length)).toEqual([2, 1]);
    expect(results).toEqual(inputs.map((here) => ({ here })));
  });

  it('ends without an empty chunk when the source ends with a full one', async () => {
    const inputs = Array.from({ length: CHUNK_SIZE }, (_, i) => i);
    const chunks: unknown[][] = [];
    const results = await collect(recommendEach(inputs, recommend, { workers: true }, chunkNoting(chunks)));
    expect(chunks.map((c) => c.length)).toEqual([CHUNK_SIZE]);
    expect(results).toEqual(inputs.map((here) => ({ here })));
  });
});

describe('a batch whose threads start none after all', () => {
  it('recommends the rest in this thread, losing none', async () => {
    const none: BatchThreads = { canStart: true, acquire: () => undefined };
    const results = await collect(recommendEach(['a', 'bad-1', 'c'], recommend, { workers: true }, none));
    expect(results).toEqual([
      { here: 'a' },
      {
        index: 1,
        complaintId: null,
        error: { code: 'INTERNAL', message: 'cannot read bad-1', path: [], pointer: '' },
      },
      { here: 'c' },
    ]);
  });

  it("numbers the rest from where this thread stopped with workers: 'auto'", async () => {
    // 'auto' recommends its first thousand here before it asks for threads (for JSON text on two cores or
    // more); an input that fails after them keeps its own place in the batch.
    const none: BatchThreads = { canStart: true, acquire: () => undefined };
    const bad = WORKER_THRESHOLD + 1;
    const inputs = Array.from({ length: WORKER_THRESHOLD + 3 }, (_, i) => (i === bad ? 'bad-x' : i));
    const texts = await collect(recommendEachAsJson(inputs, recommend, { workers: 'auto' }, none));
    const results = texts.map((text) => JSON.parse(text) as unknown);
    expect(results).toHaveLength(inputs.length);
    expect(results[bad]).toMatchObject({ index: bad, error: { code: 'INTERNAL' } });
    expect(results[bad + 1]).toEqual({ here: bad + 1 });
  });
});

describe('a batch on threads with nothing to do', () => {
  it('starts no thread for an empty source, and yields nothing', async () => {
    const acquired: number[] = [];
    const counting: BatchThreads = {
      canStart: true,
      acquire: (size) => {
        acquired.push(size);
        return undefined;
      },
    };
    expect(await collect(recommendEach([], recommend, { workers: true }, counting))).toEqual([]);
    expect(acquired).toEqual([]);
  });
});

describe("a batch on threads with workers: 'auto'", () => {
  // recommendEachAsJson gains from two threads: a machine with one core keeps every input here.
  const sent = async (count: number): Promise<unknown[][]> => {
    const chunks: unknown[][] = [];
    const inputs = Array.from({ length: count }, (_, i) => i);
    const texts = await collect(
      recommendEachAsJson(inputs, recommend, { workers: 'auto' }, chunkNoting(chunks)),
    );
    expect(texts).toEqual(inputs.map((here) => JSON.stringify({ here })));
    return chunks;
  };

  it('starts none for a batch that ends by its first thousand, and sends a longer one the rest', async () => {
    expect(await sent(10)).toEqual([]);
    expect(await sent(WORKER_THRESHOLD)).toEqual([]);
    expect(await sent(WORKER_THRESHOLD + 2)).toEqual(
      availableParallelism() >= 2 ? [[WORKER_THRESHOLD, WORKER_THRESHOLD + 1]] : [],
    );
  });
});
