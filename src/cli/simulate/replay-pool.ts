import { Worker } from 'node:worker_threads';
import { type WorkerHeapLimits, watchThread, workerHeapLimits } from '../../batch/worker-pool';
import { settle } from '../../result';
import type { AheadAnswers, PackedAhead } from './ahead-wire';
import { requestOf } from './ahead-wire';
import type { AheadRecord, AheadSetup, ReplayAhead } from './replay-ahead';
import type { TextRecord } from './replay-side';

/** Where a replay sends chunks of records to be decided ahead of their turn (tests pass one of their own). */
export interface AheadPool {
  /** Threads working on the chunks: the replay keeps a few chunks in flight per thread. */
  readonly size: number;
  /** Whether every thread has as many chunks queued as it should: a chunk sent now would only wait. */
  readonly busy: boolean;
  /** The chunk's records decided ahead, one answer per record, in order (a worker's still packed). */
  run(records: readonly TextRecord[]): Promise<AheadAnswers>;
  /** The chunk's records decided ahead in this thread, as a worker would (while the threads are busy). */
  here(records: readonly TextRecord[]): Promise<readonly AheadRecord[]>;
  /** Stops the threads (chunks still out are decided in this thread). */
  close(): Promise<void>;
}

/** A replay worker's answer: the chunk's records packed, or why it could not send them (then it is redone here). */
export type AheadReply =
  | { readonly id: number; readonly packed: PackedAhead }
  | { readonly id: number; readonly failed: string };

/** The built replay worker script next to this module, or undefined when running from source. */
declare const __REDRESS_REPLAY_WORKER_FILE__: string | undefined;

/** The replay worker script of this build, if there is one. */
export function replayWorkerScript(): URL | undefined {
  return typeof __REDRESS_REPLAY_WORKER_FILE__ === 'string'
    ? new URL(`./${__REDRESS_REPLAY_WORKER_FILE__}`, import.meta.url)
    : undefined;
}

/**
 * Heap limits for a replay worker: its live data is its rule sets, their compiled form and bounded
 * memos; a chunk's lines (at most about a mebibyte of text, or one longer line) and their answers are
 * young. As for a batch's workers (batch/worker-pool.ts): a modest old generation, more for large rule
 * sets or a raised `--max-line-bytes`, and a 16 MB young generation.
 */
export function aheadHeapLimits(setup: AheadSetup): WorkerHeapLimits {
  const ruleSetsMb = JSON.stringify(setup.sides.map((s) => s.ruleSet)).length / 2 ** 20;
  return workerHeapLimits(ruleSetsMb, Math.max(0, setup.maxLineBytes / 2 ** 20 - 1));
}

/**
 * Chunks queued on each worker before it counts as busy: the one it works on, and the next to start on
 * as soon as it answers, while the calling thread may be deciding a chunk of its own.
 */
const QUEUED = 2;

interface Pending {
  readonly records: readonly TextRecord[];
  readonly resolve: (answer: AheadAnswers | Promise<AheadAnswers>) => void;
}

interface Member {
  readonly worker: Worker;
  readonly pending: Map<number, Pending>;
  alive: boolean;
}

/**
 * The worker threads of one replay. Chunks go to the least busy thread; a chunk that cannot be sent,
 * or that is lost with its thread (a crash, a heap out of memory, an answer that cannot be read), is
 * decided in this thread instead (`local`), so every record still gets its answer. Threads do not keep
 * the process alive while they have nothing to do.
 */
export class ReplayWorkers implements AheadPool {
  private readonly members: Member[] = [];
  private nextId = 0;
  private closed = false;
  private ahead: ReplayAhead | undefined;

  constructor(
    script: URL,
    setup: AheadSetup,
    readonly size: number,
    private readonly local: () => ReplayAhead,
    private readonly onLost?: (why: string) => void,
  ) {
    const resourceLimits = aheadHeapLimits(setup);
    for (let i = 0; i < size; i++) {
      const worker = new Worker(script, { workerData: setup, resourceLimits });
      const member: Member = { worker, pending: new Map(), alive: true };
      worker.unref();
      watchThread<AheadReply>(
        worker,
        (reply) => this.settle(member, reply),
        (why) => this.lose(member, why),
      );
      this.members.push(member);
    }
  }

  get busy(): boolean {
    let alive = false;
    for (const m of this.members) {
      if (!m.alive) continue;
      if (m.pending.size < QUEUED) return false;
      alive = true;
    }
    return alive && !this.closed;
  }

  run(records: readonly TextRecord[]): Promise<AheadAnswers> {
    let member: Member | undefined;
    for (const m of this.members) {
      if (m.alive && (!member || m.pending.size < member.pending.size)) member = m;
    }
    if (!member || this.closed) return this.here(records);
    const chosen = member;
    const request = requestOf(this.nextId++, records);
    return new Promise((resolve) => {
      try {
        chosen.worker.postMessage(request, [request.numbers.buffer]);
      } catch {
        resolve(this.here(records));
        return;
      }
      if (chosen.pending.size === 0) chosen.worker.ref();
      chosen.pending.set(request.id, { records, resolve });
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all(
      this.members.map((m) => {
        m.alive = false;
        this.redo(m);
        return m.worker.terminate();
      }),
    );
  }

  here(records: readonly TextRecord[]): Promise<readonly AheadRecord[]> {
    this.ahead ??= this.local();
    const ahead = this.ahead;
    return settle(() => ahead.chunk(records));
  }

  private settle(member: Member, reply: AheadReply): void {
    const pending = member.pending.get(reply.id);
    if (!pending) return;
    member.pending.delete(reply.id);
    if (member.pending.size === 0) member.worker.unref();
    pending.resolve('packed' in reply ? reply.packed : this.here(pending.records));
  }

  /** A thread stopped under the replay: its chunks are decided here, and the caller hears of it once. */
  private lose(member: Member, why: string): void {
    const news = member.alive && !this.closed;
    member.alive = false;
    // Its chunks first (as in the batch's pool): a notice that throws must not leave them unsettled.
    this.redo(member);
    if (news) this.onLost?.(why);
  }

  /** Decides a member's outstanding chunks in this thread (it died, or the pool closed under them). */
  private redo(member: Member): void {
    const lost = [...member.pending.values()];
    member.pending.clear();
    for (const { records, resolve } of lost) resolve(this.here(records));
  }
}
