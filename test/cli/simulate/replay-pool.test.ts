import { Worker } from 'node:worker_threads';
import { describe, expect, it, vi } from 'vitest';
import type { AheadAnswers } from '../../../src/cli/simulate/ahead-wire';
import type { AheadSetup, ReplayAhead } from '../../../src/cli/simulate/replay-ahead';
import { ReplayWorkers } from '../../../src/cli/simulate/replay-pool';
import type { TextRecord } from '../../../src/cli/simulate/replay-side';
import {
  allExited,
  escapedWhile,
  unhung,
  watchThreadsOfEachTest,
  withNextAnswerUnreadable,
} from '../../fixtures/started-threads';

// The failure paths of a replay's worker threads, on real threads that misbehave on purpose (the text
// of a chunk's first record says how: test/fixtures/misbehaving-replay-worker.mjs). Whatever a thread
// does, every chunk is answered, by it or by this thread, once, one answer per record in order; the
// replay hears of a lost thread once, with the reason; and once the pool is closed no thread is left.

const CRASHING = new URL('../../fixtures/crashing-worker.mjs', import.meta.url);
const MISBEHAVING = new URL('../../fixtures/misbehaving-replay-worker.mjs', import.meta.url);
const setup = { sides: [], maxLineBytes: 1024, link: false } as unknown as AheadSetup;

/** Decides a chunk in this thread as a worker would; here each record's answer is its line number. */
const here = () =>
  ({
    chunk: async (records: readonly TextRecord[]) => records.map((r) => r.line),
  }) as unknown as ReplayAhead;

/** A chunk of records with these texts, numbered from line `first`. */
const chunk = (first: number, ...texts: string[]): TextRecord[] =>
  texts.map((text, i) => ({ line: first + i, index: first + i - 1, text }));

/** What `here` answers for a chunk. */
const ranHere = (records: readonly TextRecord[]) => records.map((r) => r.line);

/** What a thread of the fixture answers for a chunk, packed: the texts, and the line numbers. */
const ranThere = (records: readonly TextRecord[]): AheadAnswers => ({
  strings: records.map((r) => r.text),
  numbers: Float64Array.from(records, (r) => r.line),
  errors: [],
});

const threads = watchThreadsOfEachTest();

/** A pool of `size` threads running `script`, and what the replay heard of lost threads. */
function started(size: number, script = MISBEHAVING): { pool: ReplayWorkers; heard: string[] } {
  const heard: string[] = [];
  return { pool: new ReplayWorkers(script, setup, size, here, (why) => heard.push(why)), heard };
}

/** The pool closes, and every thread it started has exited. */
async function closed(pool: ReplayWorkers): Promise<void> {
  await pool.close();
  expect(pool.busy).toBe(false);
  await allExited(threads.started());
}

describe('a replay worker that answers', () => {
  it('answers each chunk packed, in order, and is busy while it has two chunks queued', async () => {
    const { pool, heard } = started(1);
    const records = [chunk(1, 'a', 'b'), chunk(3, 'c'), chunk(4, 'd')];
    const first = pool.run(records[0] as TextRecord[]);
    expect(pool.busy).toBe(false);
    const second = pool.run(records[1] as TextRecord[]);
    expect(pool.busy).toBe(true);
    const third = pool.run(records[2] as TextRecord[]);
    expect(await Promise.all([first, second, third])).toEqual(records.map(ranThere));
    expect(pool.busy).toBe(false);
    expect(heard).toEqual([]);
    await closed(pool);
  });
});

describe('a replay worker that stops', () => {
  it('has its chunk decided in this thread, and the caller hears of it once', async () => {
    const { pool, heard } = started(1, CRASHING);
    const records = chunk(1, '{}', '{}', '{}');
    expect(await pool.run(records)).toEqual([1, 2, 3]);
    await closed(pool);
    expect(heard).toEqual(['boom']);
  });

  it('mid-chunk, has that chunk and the one queued behind it decided here, in order', async () => {
    const { pool, heard } = started(1);
    const records = [chunk(1, 'exit', 'a'), chunk(3, 'b')];
    const answers = records.map((r) => pool.run(r));
    expect(await Promise.all(answers)).toEqual(records.map(ranHere));
    expect(heard).toEqual(['it exited with code 3']);
    // With no thread left, a chunk is decided here at once, and the pool is never busy.
    expect(await pool.run(chunk(4, 'c'))).toEqual([4]);
    expect(pool.busy).toBe(false);
    await closed(pool);
  });

  it('names the error it threw, once, though the thread also exits after it', async () => {
    const { pool, heard } = started(1);
    expect(await pool.run(chunk(1, 'throw', 'a'))).toEqual([1, 2]);
    await allExited(threads.started());
    expect(heard).toEqual(['thrown mid-chunk']);
    await closed(pool);
  });

  it('loses nothing when both threads stop, one after the other, with chunks on each', async () => {
    const { pool, heard } = started(2);
    // The least busy thread takes each chunk: the first, the second, then the first again.
    const records = [chunk(1, 'exit'), chunk(2, 'throw'), chunk(3, 'a', 'b')];
    const answers = records.map((r) => pool.run(r));
    expect(await Promise.all(answers)).toEqual(records.map(ranHere));
    await allExited(threads.started());
    expect(heard.sort()).toEqual(['it exited with code 3', 'thrown mid-chunk']);
    await closed(pool);
  });
});

describe('a replay worker that stops, when the notice of it throws', () => {
  it('still has its chunk decided here; the error escapes as the uncaught exception it is', async () => {
    // The notice runs in the thread's 'error' event: what it throws is uncaught, taken here as a process would.
    const escaped = await escapedWhile(async () => {
      const pool = new ReplayWorkers(CRASHING, setup, 1, here, () => {
        throw new Error('the notice failed');
      });
      const answers = pool.run(chunk(1, 'a'));
      expect(await unhung(answers, () => 'the chunk of the lost thread')).toEqual([1]);
      await closed(pool);
    });
    expect(escaped).toEqual([new Error('the notice failed')]);
  });
});

describe('a replay worker that answers wrongly', () => {
  for (const [misdeed, what] of [
    ['fail', 'a chunk it could not send'],
    ['shapeless', 'a chunk answered with neither answers nor a failure'],
  ]) {
    it(`has ${what} decided here, and keeps working`, async () => {
      const { pool, heard } = started(1);
      expect(await pool.run(chunk(1, misdeed as string, 'a'))).toEqual([1, 2]);
      const next = chunk(3, 'b');
      expect(await pool.run(next)).toEqual(ranThere(next));
      expect(heard).toEqual([]);
      await closed(pool);
    });
  }

  it('ignores a second answer to a chunk, and answers the next chunk with its own', async () => {
    const { pool, heard } = started(1);
    const records = [chunk(1, 'twice', 'a'), chunk(3, 'b')];
    expect(await pool.run(records[0] as TextRecord[])).toEqual(ranThere(records[0] as TextRecord[]));
    expect(await pool.run(records[1] as TextRecord[])).toEqual(ranThere(records[1] as TextRecord[]));
    expect(heard).toEqual([]);
    await closed(pool);
  });
});

describe('a replay worker whose answer cannot be read', () => {
  it('is given up: its chunks are decided here, the replay hears why, and the thread is stopped', async () => {
    const { pool, heard } = started(1);
    // The thread gets the chunk and would never answer it: the unreadable answer is all that comes.
    const answers = withNextAnswerUnreadable(() => pool.run(chunk(1, 'hang', 'a')));
    expect(await unhung(answers, () => 'the chunk whose answer could not be read')).toEqual([1, 2]);
    expect(heard).toEqual(['the answer could not be read']);
    await allExited(threads.started());
    expect(await pool.run(chunk(3, 'b'))).toEqual([3]);
    await closed(pool);
  });

  it('is stopped all the same when the notice of it throws', async () => {
    // The notice runs in the thread's 'messageerror' event: what it throws is uncaught.
    const escaped = await escapedWhile(async () => {
      const pool = new ReplayWorkers(MISBEHAVING, setup, 1, here, () => {
        throw new Error('the notice failed');
      });
      // The thread gets the chunk and would never answer it: the unreadable answer is all that comes.
      const answers = withNextAnswerUnreadable(() => pool.run(chunk(1, 'hang', 'a')));
      expect(await unhung(answers, () => 'the chunk whose answer could not be read')).toEqual([1, 2]);
      // Not left running until the replay closes the pool: the thread is stopped whatever the notice did.
      await allExited(threads.started());
      await closed(pool);
    });
    expect(escaped).toEqual([new Error('the notice failed')]);
  });
});

describe('a replay chunk that cannot be sent', () => {
  it('is decided here, and the thread keeps working', async () => {
    const { pool, heard } = started(1);
    const post = vi.spyOn(Worker.prototype, 'postMessage').mockImplementationOnce(() => {
      throw new DOMException('could not be cloned', 'DataCloneError');
    });
    try {
      expect(await pool.run(chunk(1, 'a', 'b'))).toEqual([1, 2]);
    } finally {
      post.mockRestore();
    }
    const next = chunk(3, 'c');
    expect(await pool.run(next)).toEqual(ranThere(next));
    expect(heard).toEqual([]);
    await closed(pool);
  });
});

describe('a replay pool that closes with chunks still out', () => {
  it('decides them here, tells the replay of no lost thread, and leaves no thread running', async () => {
    const { pool, heard } = started(2);
    const answers = [pool.run(chunk(1, 'hang', 'a')), pool.run(chunk(3, 'hang'))];
    await closed(pool);
    expect(await Promise.all(answers)).toEqual([[1, 2], [3]]);
    // A chunk after the close is decided here.
    expect(await pool.run(chunk(4, 'b'))).toEqual([4]);
    expect(heard).toEqual([]);
    await pool.close(); // a second close does nothing
  });
});
