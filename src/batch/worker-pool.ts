import { Worker } from 'node:worker_threads';
import type { ExchangeRates } from '../exchange/rates';
import type { CurrencyDisplay, Locale } from '../i18n/locale';
import { type Limits, limits } from '../input/limits';
import type { CaseNote } from '../recommend/link';
import type { Recommendation, RecommendationError } from '../recommend/recommendation';
import type { RuleSet } from '../rules/ruleset';

/** One result of a batch: a recommendation or the error record of its input. */
export type BatchResult = Recommendation | RecommendationError;

/** What a worker needs to build the same recommender as the thread that started it. */
export interface WorkerSetup {
  /** The validated rule set: plain data, cloned into the worker and loaded there again. */
  readonly ruleSet: RuleSet;
  /** The recommender's default locale; a batch may ask for another (see `ChunkRequest`). */
  readonly locale: Locale | 'auto';
  readonly fallbackLocale: Locale;
  readonly engine: 'compiled' | 'reference';
  readonly trace: 'fired' | 'all';
  readonly limits: Limits;
  /** The recommender's validated exchange rates, when it has some. */
  readonly exchangeRates?: ExchangeRates;
  readonly currencyDisplay?: CurrencyDisplay;
}

/** What a batch asks for beyond the recommender's own options: its locale, rates and display. */
export interface BatchCall {
  readonly locale?: Locale | 'auto';
  readonly exchangeRates?: ExchangeRates;
  readonly currencyDisplay?: CurrencyDisplay;
}

/** A chunk of inputs for a worker; `start` is the batch index of the first. */
export interface ChunkRequest extends BatchCall {
  readonly id: number;
  readonly start: number;
  readonly items: readonly unknown[];
  /** The batch index of each item, when they do not follow each other (a linked batch keeps some back). */
  readonly indices?: readonly number[];
  /**
   * A linked batch's chunk: each complaint is recommended as the first of its case (linked only to
   * its own `customer.openCases`), and the reply carries a `CaseNote` per item.
   */
  readonly link?: boolean;
}

/**
 * A worker's answer: every input's result as JSON text, or why it could not send them (then the chunk is
 * redone here). JSON, because a recommendation is plain JSON by contract, and reading JSON text costs
 * the receiving thread half what reading a structured clone does — and nothing when JSON is wanted.
 */
export type ChunkReply =
  | { readonly id: number; readonly texts: readonly string[]; readonly notes?: readonly CaseNoteOrNull[] }
  | { readonly id: number; readonly failed: string };

/** A linked chunk's note for one item: null for an input that is not a valid complaint. */
export type CaseNoteOrNull = CaseNote | null;

/** A chunk's results: as JSON texts from a worker, or as values when it was run in this thread. */
export type ChunkResults = (
  | { readonly texts: readonly string[] }
  | { readonly results: readonly BatchResult[] }
) & { readonly notes?: readonly CaseNoteOrNull[] };

/**
 * Runs a chunk in this thread: the fallback when a chunk cannot reach a worker or a worker is lost.
 * It answers as a worker would, with the notes of a linked chunk.
 */
export type LocalRunner = (
  items: readonly unknown[],
  start: number,
) => Promise<{ readonly results: readonly BatchResult[]; readonly notes?: readonly CaseNoteOrNull[] }>;

/** Told why a worker thread stopped (a crash, a heap out of memory, an exit). */
export type WorkerLost = (why: string) => void;

/** What a batch needs of a pool of threads (a `WorkerPool`; tests pass one that runs in this thread). */
export interface BatchPool {
  readonly size: number;
  run(items: readonly unknown[], start: number, local: LocalRunner, call?: ChunkCall): Promise<ChunkResults>;
  /** The batch is done with the pool. */
  leave(): void;
}

/** What a chunk asks for: the batch's options, and for a linked batch, `link` and the items' indices. */
export type ChunkCall = BatchCall & Pick<ChunkRequest, 'indices' | 'link'>;

/** Where a batch gets its threads: a recommender's `WorkerThreads`. */
export interface BatchThreads {
  /** Whether threads can be started at all (there is a built worker script to run). */
  readonly canStart: boolean;
  /**
   * A pool of `size` threads, which the batch must `leave()` when done; undefined when none start.
   * `onLost` hears, while the batch uses the pool, of each thread that stops (its chunks are then run
   * in this thread).
   */
  acquire(size: number, onLost?: WorkerLost): BatchPool | undefined;
}

/**
 * The built worker script next to this module (`worker.js` or `worker.cjs`, by the build's format), or
 * undefined when running from source, where there is no JavaScript worker to start.
 */
declare const __REDRESS_WORKER_FILE__: string | undefined;

/** The worker script of this build, if there is one. */
export function workerScript(): URL | undefined {
  return typeof __REDRESS_WORKER_FILE__ === 'string'
    ? new URL(`./${__REDRESS_WORKER_FILE__}`, import.meta.url)
    : undefined;
}

/**
 * Heap limits for a worker. Left to themselves, V8 heaps grow towards what the machine's memory allows
 * before collecting in earnest, and a batch's garbage would keep each worker near 100 MB; a worker's
 * live data is the rule set, its compiled form and bounded memos, so a modest old generation (more for
 * a larger rule set) keeps a long stream's memory flat. The young generation is where a chunk's
 * complaints and results live while it is worked on: at 8 MB it was collected so often that copying
 * them cost a worker a sixth or more of its time; 16 MB gave most of that back (`npm run bench`) and the
 * CLI's 1,000,000-complaint stream still stays under 200 MB.
 *
 * Chunks carry at most about a mebibyte of text (`CHUNK_TEXT` in many.ts), or one complaint, which the
 * default `maxComplaintBytes` keeps to 1 MiB: that fits the heap above. A raised `maxComplaintBytes`
 * raises the old generation by two bytes for each byte of complaint it allows beyond the default (a
 * complaint's text can take two bytes of heap per byte of UTF-8): with 30 MB complaints under a 32 MiB
 * limit, workers ran out of memory at +0 and did not at +32 MB; this gives +62 MB.
 */
export function heapLimits(setup: WorkerSetup): WorkerHeapLimits {
  const beyondDefaultMb = Math.max(0, setup.limits.maxComplaintBytes - limits.maxComplaintBytes) / 2 ** 20;
  return workerHeapLimits(JSON.stringify(setup.ruleSet).length / 2 ** 20, beyondDefaultMb);
}

/** `resourceLimits` for a worker thread, as `heapLimits` explains. */
export interface WorkerHeapLimits {
  maxOldGenerationSizeMb: number;
  maxYoungGenerationSizeMb: number;
}

/**
 * The heap limits of any worker that holds rule sets and works on chunks of about a mebibyte (a batch's
 * or a replay's): a modest old generation, 32 MB more per MB of rule-set JSON and two bytes per byte of
 * input line allowed beyond the default, and a 16 MB young generation (see `heapLimits`).
 */
export function workerHeapLimits(ruleSetsMb: number, beyondDefaultLineMb: number): WorkerHeapLimits {
  return {
    maxOldGenerationSizeMb: Math.ceil(64 + 32 * ruleSetsMb + 2 * beyondDefaultLineMb),
    maxYoungGenerationSizeMb: 16,
  };
}

/**
 * True when a chunk holds a complaint text longer than the recommender accepts: it is refused without
 * being parsed, so it runs in this thread rather than being copied into a worker's heap to be refused
 * there (a line of 30 MB, allowed by the CLI's `--max-line-bytes`, would not fit in it).
 */
export function oversized(items: readonly unknown[], maxComplaintBytes: number): boolean {
  // A UTF-16 code unit is at least one byte of UTF-8: a longer string is over the limit for sure.
  return items.some((item) => typeof item === 'string' && item.length > maxComplaintBytes);
}

interface Pending {
  readonly request: ChunkRequest;
  readonly local: LocalRunner;
  readonly resolve: (results: ChunkResults | Promise<ChunkResults>) => void;
}

/** How long a pool's threads stay up with nothing to do, for the next batch to find them warm. */
const IDLE_MS = 10_000;

interface Member {
  readonly worker: Worker;
  readonly pending: Map<number, Pending>;
  alive: boolean;
}

/**
 * Wires a pool's thread: its answers go to `settle`, and `lose` hears, with the reason, that it is gone
 * (an error, an exit, or an answer this thread could not read). Node drops an answer it cannot read, so
 * which chunk it answered is unknown and that chunk would wait for good: the thread is given up as if
 * it had stopped, and stopped whatever `lose` does (a listener of the caller's that throws would leave
 * it running, held by the pool until it closes). Both pools, the batch's and the replay's, use it.
 */
export function watchThread<Reply>(
  worker: Worker,
  settle: (reply: Reply) => void,
  lose: (why: string) => void,
): void {
  worker.on('message', settle);
  worker.on('error', (error: Error) => lose(error.message));
  worker.on('exit', (code: number) => lose(`it exited with code ${code}`));
  worker.on('messageerror', (error: Error) => {
    try {
      lose(error.message);
    } finally {
      void worker.terminate();
    }
  });
}

/**
 * A fixed set of worker threads, each with its own recommender. Chunks go to the least busy worker;
 * whatever cannot be sent (an input that cannot be cloned) or is lost with a worker (a crash, an answer
 * that cannot be read) is run in this thread instead, so every input still gets its result. Idle
 * workers do not keep the process alive, and after `IDLE_MS` with nothing to do the pool closes itself.
 */
export class WorkerPool implements BatchPool {
  private readonly members: Member[] = [];
  private nextId = 0;
  private pendingTotal = 0;
  /** Batches using the pool: it never closes for idleness under one (a slow source is not idle). */
  private users = 0;
  private idleTimer: NodeJS.Timeout | undefined;
  private retired = false;
  private closed = false;
  private readonly maxComplaintBytes: number;
  /** The batches' listeners for a thread that stops (`enter`), once per batch even when two pass one function. */
  private readonly listeners: WorkerLost[] = [];

  constructor(
    script: URL,
    setup: WorkerSetup,
    readonly size: number,
  ) {
    const resourceLimits = heapLimits(setup);
    this.maxComplaintBytes = setup.limits.maxComplaintBytes;
    for (let i = 0; i < size; i++) {
      const worker = new Worker(script, { workerData: setup, resourceLimits });
      const member: Member = { worker, pending: new Map(), alive: true };
      worker.unref();
      watchThread<ChunkReply>(
        worker,
        (reply) => this.settle(member, reply),
        (why) => this.lose(member, why),
      );
      this.members.push(member);
    }
  }

  /** A batch starts using the pool; `onLost` hears of each thread that stops until it leaves. */
  enter(onLost?: WorkerLost): void {
    this.users += 1;
    if (onLost) this.listeners.push(onLost);
    clearTimeout(this.idleTimer);
  }

  /** A batch is done with the pool (its chunks still out are finished all the same). */
  leave(onLost?: WorkerLost): void {
    const at = onLost ? this.listeners.indexOf(onLost) : -1;
    if (at >= 0) this.listeners.splice(at, 1);
    this.users -= 1;
    this.idleIfDone();
  }

  /** True while every thread is up and the pool takes work. */
  get healthy(): boolean {
    return !this.closed && !this.retired && this.members.every((m) => m.alive);
  }

  /**
   * Runs a chunk of inputs; resolves with one result per input, in order. `local` runs it in this
   * thread if it cannot go to (or come back from) a worker.
   */
  run(
    items: readonly unknown[],
    start: number,
    local: LocalRunner,
    call: ChunkCall = {},
  ): Promise<ChunkResults> {
    const request: ChunkRequest = { ...call, id: this.nextId++, start, items };
    let member: Member | undefined;
    for (const m of this.members) {
      if (m.alive && (!member || m.pending.size < member.pending.size)) member = m;
    }
    if (!member || this.closed || oversized(items, this.maxComplaintBytes)) return here(local, items, start);
    const chosen = member;
    return new Promise((resolve) => {
      try {
        chosen.worker.postMessage(request);
      } catch {
        // An input that cannot be cloned (a function, a symbol…): this thread reports it, in place.
        resolve(here(local, items, start));
        return;
      }
      if (chosen.pending.size === 0) chosen.worker.ref();
      chosen.pending.set(request.id, { request, local, resolve });
      this.pendingTotal += 1;
      clearTimeout(this.idleTimer);
    });
  }

  /** Takes no more work from new batches, and closes once the work it has is done. */
  retire(): void {
    this.retired = true;
    if (this.users === 0 && this.pendingTotal === 0) void this.close();
  }

  /** Stops every worker; chunks still out are done in this thread. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearTimeout(this.idleTimer);
    await Promise.all(
      this.members.map((m) => {
        m.alive = false;
        this.redo(m);
        return m.worker.terminate();
      }),
    );
  }

  /** With no batch using it and no chunk out, the pool is idle: it closes now (retired) or in a while. */
  private idleIfDone(): void {
    if (this.users === 0 && this.pendingTotal === 0) this.whenIdle();
  }

  private whenIdle(): void {
    if (this.retired) {
      void this.close();
      return;
    }
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => void this.close(), IDLE_MS);
    this.idleTimer.unref();
  }

  private settle(member: Member, reply: ChunkReply): void {
    const pending = member.pending.get(reply.id);
    if (!pending) return;
    member.pending.delete(reply.id);
    this.pendingTotal -= 1;
    if (member.pending.size === 0) member.worker.unref();
    if ('texts' in reply) {
      pending.resolve(reply.notes ? { texts: reply.texts, notes: reply.notes } : { texts: reply.texts });
    } else pending.resolve(here(pending.local, pending.request.items, pending.request.start));
    this.idleIfDone();
  }

  /** A thread stopped: its chunks are run here, and the batches using the pool hear of it once. */
  private lose(member: Member, why: string): void {
    const news = member.alive && !this.closed;
    member.alive = false;
    // Its chunks first: a listener is the caller's code, and nothing it does may leave them unsettled.
    this.redo(member);
    // Its chunks may have been the last out, left by a batch that broke off early: the pool is then idle
    // as after a last answer, or a retired pool would keep its other threads for good.
    if (!this.closed) this.idleIfDone();
    if (news) for (const listener of [...this.listeners]) listener(why);
  }

  /** Runs a member's outstanding chunks in this thread (it died, or the pool closed under them). */
  private redo(member: Member): void {
    const lost = [...member.pending.values()];
    member.pending.clear();
    this.pendingTotal -= lost.length;
    for (const { request, local, resolve } of lost) resolve(here(local, request.items, request.start));
  }
}

function here(local: LocalRunner, items: readonly unknown[], start: number): Promise<ChunkResults> {
  return local(items, start);
}

/**
 * The worker threads of one recommender: a pool started by the first batch that needs it and kept,
 * warm, for the batches after it (a new thread spends seconds compiling before it runs at full
 * speed), until it has been idle for a while. A pool that lost a thread, or a batch that wants a
 * different number of threads, gets a new one; the old one finishes its work first.
 */
export class WorkerThreads implements BatchThreads {
  private pool: WorkerPool | undefined;

  /** `script` is where the threads' code is: the build's worker script (a test passes one of its own). */
  constructor(
    private readonly setup: WorkerSetup,
    private readonly script: () => URL | undefined = workerScript,
  ) {}

  get canStart(): boolean {
    return this.script() !== undefined;
  }

  /**
   * A pool of `size` threads for a batch, which must `leave()` it when done; undefined when there is
   * no built worker script to run.
   */
  acquire(size: number, onLost?: WorkerLost): BatchPool | undefined {
    const script = this.script();
    if (!script) return undefined;
    if (!(this.pool?.healthy && this.pool.size === size)) {
      this.pool?.retire();
      this.pool = new WorkerPool(script, this.setup, size);
    }
    return lease(this.pool, onLost);
  }
}

/** A batch's use of a pool: its runs, and its leaving, which also stops its `onLost` listening. */
export function lease(pool: WorkerPool, onLost?: WorkerLost): BatchPool {
  pool.enter(onLost);
  return {
    size: pool.size,
    run: (items, start, local, call) => pool.run(items, start, local, call),
    leave: () => pool.leave(onLost),
  };
}
