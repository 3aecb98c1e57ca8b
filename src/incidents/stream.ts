import { errorRecord } from '../batch/many';
import { safeParseComplaint } from '../complaint/parse';
import type { Complaint } from '../complaint/schema';
import type { Recommendation, RecommendationError } from '../recommend/recommendation';
import { BurstRule } from './burst-rule';
import type { IncidentBatchDeps } from './crisis';
import { recommendMember } from './member';
import { settings } from './options';
import { EntryReader } from './reader';
import { bySeverity, forMember, policyOfMostSevere, type SharedPolicy, sharedPolicy } from './shared-policy';
import type { Building, Entry, Incident } from './types';

/*
 * Crisis mode over a stream, in memory that does not grow with the stream. A complaint's recommendation
 * can be made once its incident is known: it is in none when no window that could hold it is still to
 * be judged (a window after it), or its incident is closed (no later complaint can join it), so that
 * the policy of its most severe member is known. Results leave in input order, so the complaints
 * waiting are those of the last window, and those behind a member of an incident still open.
 */

type Result = Recommendation | RecommendationError;

/** A complaint waiting to learn its incident. */
interface Waiting {
  readonly index: number;
  readonly input: unknown;
  /** The parsed complaint, or its error record. */
  readonly parsed: Complaint | RecommendationError;
  /** What detection saw of it; null when it is no part of detection (an error, or left out by `groupBy`). */
  readonly entry: Entry | null;
}

/** How the stream learns each complaint's incident. */
export interface IncidentSource {
  /** Takes the next complaint's entry; returns the incidents that can no longer grow. */
  add(entry: Entry): readonly Building[];
  /** Ends the stream; returns the incidents still open. */
  finish(): readonly Building[];
  /** Whether an entry may still join an incident, or belongs to one still open. */
  pending(entry: Entry): boolean;
}

/**
 * Detection as the stream goes, for complaints in time order. An entry with no incident is settled
 * once the stream has reached a window past it: every window that could hold it has been judged.
 * @throws RedressError `INVALID_COMPLAINT` (`out_of_order`) at a complaint earlier than the one before.
 */
export function detectingSource(deps: IncidentBatchDeps): IncidentSource {
  const bursts = new BurstRule(deps.incidents);
  const { windowMs } = settings(deps.incidents);
  let now = Number.NEGATIVE_INFINITY;
  return {
    add(entry) {
      const closed = bursts.add(entry);
      now = entry.time;
      return closed;
    },
    finish() {
      now = Number.POSITIVE_INFINITY;
      return bursts.finish();
    },
    pending: (entry) =>
      entry.incident === null ? entry.time + windowMs > now : entry.incident.final === null,
  };
}

/**
 * Recommends for complaints as they come, in crisis mode, in input order. Members of an incident wait
 * for it to close; the others for the window after them.
 */
export async function* recommendStream(
  inputs: Iterable<unknown> | AsyncIterable<unknown>,
  deps: IncidentBatchDeps,
  source: IncidentSource = detectingSource(deps),
): AsyncGenerator<Result> {
  const reader = new EntryReader(settings(deps.incidents).groupBy);
  const waiting: Waiting[] = [];
  let head = 0;
  const byIndex = new Map<number, Waiting>();
  // Each incident's policy, while some of its members are still to be recommended for.
  const policies = new Map<Building, { readonly policy: Promise<SharedPolicy>; left: number }>();
  const out: Promise<Result>[] = [];
  const concurrency = Math.max(1, Math.floor(deps.options.concurrency ?? 16));

  const complaintOf = (e: Entry) => (byIndex.get(e.index) as Waiting).parsed as Complaint;
  const policyOf = (building: Building): Promise<SharedPolicy> => {
    let known = policies.get(building);
    if (!known) {
      const ranked = bySeverity(building.members, (e) => deps.severity(complaintOf(e)));
      const policy = policyOfMostSevere(ranked.map(complaintOf), (c) => deps.run(c, deps.callFor(c))).then(
        (top) => sharedPolicy(building.final as Incident, top, deps.policy),
      );
      // An unhandled rejection would end the process before a member's record reports it.
      policy.catch(() => undefined);
      known = { policy, left: building.members.length };
      policies.set(building, known);
    }
    return known.policy;
  };
  const recommendOne = async (w: Waiting): Promise<Result> => {
    if ('error' in w.parsed) return w.parsed;
    const complaint = w.parsed;
    try {
      const call = deps.callFor(complaint);
      const building = w.entry?.incident;
      if (!w.entry || !building) return (await deps.run(complaint, call)).recommendation;
      const shared = await policyOf(building);
      return await recommendMember(
        deps.run,
        complaint,
        call,
        forMember(shared, w.entry, building.members[0] as Entry),
      );
    } catch (error) {
      return errorRecord(w.index, w.input, error);
    }
  };
  /** Marks the complaints at the head as settled; the others wait behind the first unsettled one. */
  let started = 0;
  const settle = (all: boolean) => {
    while (head < waiting.length) {
      const w = waiting[head] as Waiting;
      if (!all && w.entry !== null && source.pending(w.entry)) break;
      head++;
    }
  };
  /** Starts the next settled complaint's recommendation. */
  const start = () => {
    out.push(recommendOne(waiting[started++] as Waiting));
    if (started > 1024 && started * 2 > waiting.length) {
      for (const w of waiting.splice(0, started)) forget(w);
      head -= started;
      started = 0;
    }
  };
  // A member stays known until its incident's policy is made: the policy reads every member. The
  // policy, and through it the incident's members, is let go once its last member has been started.
  const forget = (w: Waiting) => {
    const building = w.entry?.incident;
    if (!building) {
      byIndex.delete(w.index);
      return;
    }
    void policyOf(building).finally(() => byIndex.delete(w.index));
    const known = policies.get(building);
    if (known && --known.left === 0) policies.delete(building);
  };
  const closed = (buildings: readonly Building[]) => {
    for (const b of buildings) void policyOf(b);
  };

  let index = 0;
  for await (const input of inputs) {
    const parsed = safeParseComplaint(input, { limits: deps.limits });
    const w: Waiting = {
      index,
      input,
      parsed: parsed.ok ? parsed.value : errorRecord(index, input, parsed.error),
      entry: parsed.ok ? entryOf(reader, parsed.value, index) : null,
    };
    index++;
    waiting.push(w);
    byIndex.set(w.index, w);
    if (w.entry) closed(source.add(w.entry));
    settle(false);
    // Every settled complaint is answered before more input is read, at most `concurrency` at a time:
    // an incident that closes settles everything behind it at once, and its results must not pile up.
    while (started < head) {
      while (out.length < concurrency && started < head) start();
      yield await (out.shift() as Promise<Result>);
    }
  }
  closed(source.finish());
  settle(true);
  while (started < head || out.length > 0) {
    while (out.length < concurrency && started < head) start();
    yield await (out.shift() as Promise<Result>);
  }
}

function entryOf(reader: EntryReader, complaint: Complaint, index: number): Entry | null {
  const entry = reader.read(complaint, index);
  return entry === null || Array.isArray(entry) ? null : entry;
}
