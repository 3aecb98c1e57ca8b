import { Worker } from 'node:worker_threads';
import type { Limits } from '../limits';
import type { Locale } from '../rationale/locale';
import type { Recommendation, RecommendationError } from '../recommendation';
import type { RuleSet } from '../rules/ruleset';

/** One result of a batch: a recommendation or the error record of its input. */
export type BatchResult = Recommendation | RecommendationError;

/** What a worker needs to build the same recommender as the thread that started it. */
export interface WorkerSetup {
  /** The validated rule set: plain data, cloned into the worker and loaded there again. */
  readonly ruleSet: RuleSet;
  readonly locale: Locale | 'auto';
  readonly fallbackLocale: Locale;
  readonly engine: 'compiled' | 'reference';
  readonly trace: 'fired' | 'all';
  readonly limits: Limits;
}

/** A chunk of inputs for a worker; `start` is the batch index of the first. */
export interface ChunkRequest {
  readonly id: number;
  readonly start: number;
  readonly items: readonly unknown[];
}

/**
 * A worker's answer: every input's result as JSON text, or why it could not send them (then the chunk is
 * redone here). JSON, because a recommendation is plain JSON by contract, and reading JSON text costs
 * the receiving thread half what reading a structured clone does — and nothing when JSON is wanted.
 */
export type ChunkReply =
  | { readonly id: number; readonly texts: readonly string[] }
  | { readonly id: number; readonly failed: string };

/** A chunk's results: as JSON texts from a worker, or as values when it was run in this thread. */
export type ChunkResults =
  | { readonly texts: readonly string[] }
  | { readonly results: readonly BatchResult[] };

/** Runs a chunk in this thread: the fallback when a chunk cannot reach a worker or a worker is lost. */
export type LocalRunner = (items: readonly unknown[], start: number) => Promise<BatchResult[]>;

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
 * a larger rule set) and a small young one keep a long stream's memory flat at little cost in speed.
 */
function heapLimits(ruleSet: RuleSet): { maxOldGenerationSizeMb: number; maxYoungGenerationSizeMb: number } {
  const ruleSetMb = JSON.stringify(ruleSet).length / 2 ** 20;
  return { maxOldGenerationSizeMb: Math.ceil(64 + 32 * ruleSetMb), maxYoungGenerationSizeMb: 8 };
}

interface Pending {
  readonly request: ChunkRequest;
  readonly resolve: (results: ChunkResults | Promise<ChunkResults>) => void;
}

interface Member {
  readonly worker: Worker;
  readonly pending: Map<number, Pending>;
  alive: boolean;
}

/**
 * A fixed set of worker threads, each with its own recommender. Chunks go to the least busy worker;
 * whatever cannot be sent (an input that cannot be cloned) or is lost with a worker (a crash) is run
 * in this thread instead, so every input still gets its result. Idle workers do not keep the process
 * alive.
 */
export class WorkerPool {
  private readonly members: Member[] = [];
  private nextId = 0;

  constructor(
    script: URL,
    setup: WorkerSetup,
    size: number,
    private readonly local: LocalRunner,
  ) {
    const resourceLimits = heapLimits(setup.ruleSet);
    for (let i = 0; i < size; i++) {
      const worker = new Worker(script, { workerData: setup, resourceLimits });
      const member: Member = { worker, pending: new Map(), alive: true };
      worker.unref();
      worker.on('message', (reply: ChunkReply) => this.settle(member, reply));
      worker.on('error', () => this.lose(member));
      worker.on('exit', () => this.lose(member));
      this.members.push(member);
    }
  }

  /** Runs a chunk of inputs; resolves with one result per input, in order. */
  run(items: readonly unknown[], start: number): Promise<ChunkResults> {
    const request: ChunkRequest = { id: this.nextId++, start, items };
    let member: Member | undefined;
    for (const m of this.members) {
      if (m.alive && (!member || m.pending.size < member.pending.size)) member = m;
    }
    if (!member) return this.here(items, start);
    const chosen = member;
    return new Promise((resolve) => {
      try {
        chosen.worker.postMessage(request);
      } catch {
        // An input that cannot be cloned (a function, a symbol…): this thread reports it, in place.
        resolve(this.here(items, start));
        return;
      }
      if (chosen.pending.size === 0) chosen.worker.ref();
      chosen.pending.set(request.id, { request, resolve });
    });
  }

  /** Stops every worker. */
  async close(): Promise<void> {
    await Promise.all(
      this.members.map((m) => {
        // Chunks still out belong to a batch nobody reads any more.
        m.alive = false;
        m.pending.clear();
        return m.worker.terminate();
      }),
    );
  }

  private settle(member: Member, reply: ChunkReply): void {
    const pending = member.pending.get(reply.id);
    if (!pending) return;
    member.pending.delete(reply.id);
    if (member.pending.size === 0) member.worker.unref();
    if ('texts' in reply) pending.resolve({ texts: reply.texts });
    else pending.resolve(this.here(pending.request.items, pending.request.start));
  }

  private lose(member: Member): void {
    if (!member.alive && member.pending.size === 0) return;
    member.alive = false;
    const lost = [...member.pending.values()];
    member.pending.clear();
    for (const { request, resolve } of lost) resolve(this.here(request.items, request.start));
  }

  private async here(items: readonly unknown[], start: number): Promise<ChunkResults> {
    return { results: await this.local(items, start) };
  }
}
