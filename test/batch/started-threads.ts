import { Worker } from 'node:worker_threads';
import { vi } from 'vitest';

/**
 * The worker threads a test starts, seen through `Worker.prototype` (the pools start theirs with
 * `new Worker` and unref each at once), and those it was asked to terminate. `restore` ends the watch.
 */
export interface WatchedThreads {
  /** Every thread started since the watch began, in order. */
  started(): Worker[];
  /** Whether `terminate()` was called on the thread. */
  terminated(worker: Worker): boolean;
  restore(): void;
}

/** Starts watching the worker threads started in this process. */
export function watchThreads(): WatchedThreads {
  const unref = vi.spyOn(Worker.prototype, 'unref');
  const terminate = vi.spyOn(Worker.prototype, 'terminate');
  return {
    started: () => [...new Set(unref.mock.contexts as Worker[])],
    terminated: (worker) => (terminate.mock.contexts as Worker[]).includes(worker),
    restore: () => {
      unref.mockRestore();
      terminate.mockRestore();
    },
  };
}

/** A guard against a hang, not a speed check: a thread told to stop exits in milliseconds. */
const HANG_MS = 60_000;

/**
 * Resolves once every thread has exited (the process could exit); rejects, naming how many are still
 * running, if one has not after `HANG_MS`.
 */
export async function allExited(workers: readonly Worker[]): Promise<void> {
  const running = workers.filter((w) => w.threadId !== -1);
  let guard: NodeJS.Timeout | undefined;
  const hang = new Promise<never>((_, reject) => {
    guard = setTimeout(
      () => reject(new Error(`${workers.filter((w) => w.threadId !== -1).length} thread(s) still running`)),
      HANG_MS,
    );
  });
  try {
    await Promise.race([Promise.all(running.map(exited)), hang]);
  } finally {
    clearTimeout(guard);
  }
}

/** The thread's exit (not `events.once`, which would reject on the 'error' a crashing thread emits first). */
function exited(worker: Worker): Promise<void> {
  return new Promise((resolve) => worker.once('exit', () => resolve()));
}
