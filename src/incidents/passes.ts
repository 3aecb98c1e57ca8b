import { errorRecord } from '../batch/many';
import { safeParseComplaint } from '../complaint/parse';
import type { Complaint } from '../complaint/schema';
import { issue, RedressError } from '../errors';
import type { Run } from '../recommend/pipeline';
import type { Recommendation, RecommendationError } from '../recommend/recommendation';
import { BurstRule } from './burst-rule';
import type { IncidentBatchDeps } from './crisis';
import { EntryColumns } from './entry-columns';
import { recommendMember } from './member';
import { settings } from './options';
import { EntryReader } from './reader';
import { forMember, type SharedPolicy, sharedPolicy } from './shared-policy';
import type { Building, Entry, Incident } from './types';

/*
 * Crisis mode over complaints out of time order that can be read more than once (a file): in passes,
 * so that no pass holds the complaints. The first reads what detection needs of each complaint into
 * `EntryColumns` and finds the incidents; the second reads the members again for their severity and
 * keeps each incident's most severe one, whose run alone is the incident's policy; the last makes the
 * results in input order, each as it is read. The results are those of `recommendWithIncidents`,
 * which holds the whole batch: the same complaints are entries (only valid ones), taken in the same
 * order, and each incident's policy comes from the same member.
 */

type Result = Recommendation | RecommendationError;
type Inputs = Iterable<unknown> | AsyncIterable<unknown>;

/** A member of an incident: the incident, and its place among the members (detection's order). */
interface Membership {
  readonly building: Building;
  readonly entry: Entry;
  readonly position: number;
}

/**
 * What a pass saw of the entries, in order (how many, and a hash of their ids and times), so that a
 * later pass can tell that it read the same complaints as the first.
 */
class Seen {
  count = 0;
  private hash = 0x811c9dc5;

  add(entry: Entry): void {
    this.count++;
    const text = `${entry.id}\u0000${entry.time}\u0000`;
    let h = this.hash;
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
    this.hash = h;
  }

  /** @throws RedressError `INVALID_OPTIONS` (`changed`) unless `again` saw what this saw. */
  check(again: Seen): void {
    if (again.count === this.count && again.hash === this.hash) return;
    throw changed(`${again.count} complaints detection reads, where the first read had ${this.count}`);
  }
}

function changed(what: string): RedressError {
  return new RedressError('INVALID_OPTIONS', [
    issue(
      'changed',
      ['readAgain'],
      `the complaints read again differ from the first read (${what}): readAgain must read the same complaints in the same order`,
    ),
  ]);
}

/** The complaints detection reads, numbered in input order (ordinals), as a pass reads them. */
async function* entriesOf(
  inputs: Inputs,
  deps: IncidentBatchDeps,
  reader: EntryReader,
): AsyncGenerator<{ input: unknown; complaint: Complaint; entry: Entry | null }> {
  let index = 0;
  for await (const input of inputs) {
    const parsed = safeParseComplaint(input, { limits: deps.limits });
    if (!parsed.ok) continue;
    const read = reader.read(parsed.value, index++);
    yield { input, complaint: parsed.value, entry: read === null || Array.isArray(read) ? null : read };
  }
}

/** What the first pass found: the members of incidents by ordinal, and what it saw. */
interface Detected {
  readonly members: ReadonlyMap<number, Membership>;
  readonly seen: Seen;
}

/** The first pass: every valid complaint's entry, packed, and the incidents they make. */
async function detect(inputs: Inputs, deps: IncidentBatchDeps): Promise<Detected> {
  const columns = new EntryColumns();
  const seen = new Seen();
  for await (const { entry } of entriesOf(inputs, deps, new EntryReader(settings(deps.incidents).groupBy))) {
    if (!entry) continue;
    columns.add(entry);
    seen.add(entry);
  }
  const bursts = new BurstRule(deps.incidents);
  const closed: Building[] = [];
  for (const k of columns.timeOrder()) closed.push(...bursts.add(columns.entry(k)));
  closed.push(...bursts.finish());
  const members = new Map<number, Membership>();
  for (const building of closed) {
    building.members.forEach((entry, position) => {
      members.set(entry.index, { building, entry, position });
    });
  }
  return { members, seen };
}

/** An incident's members, most severe first, as `bySeverity` ranks them; and the complaints fetched. */
interface Ranking {
  readonly scores: Map<number, number>;
  readonly fetched: Map<number, Complaint>;
}

/**
 * Reads the members again: each one's severity, and the complaints of the ordinals in `wanted` (or,
 * without it, each incident's most severe member so far, the one `bySeverity` puts first).
 */
async function readMembers(
  inputs: Inputs,
  deps: IncidentBatchDeps,
  detected: Detected,
  ranking: Ranking,
  wanted?: ReadonlySet<number>,
): Promise<void> {
  const best = new Map<Building, { score: number; position: number; ordinal: number }>();
  const reader = new EntryReader(settings(deps.incidents).groupBy);
  const seen = new Seen();
  for await (const { complaint, entry } of entriesOf(inputs, deps, reader)) {
    if (!entry) continue;
    const ordinal = seen.count;
    seen.add(entry);
    const member = detected.members.get(ordinal);
    if (!member) continue;
    checkSame(member.entry, entry);
    if (wanted) {
      if (wanted.has(ordinal)) ranking.fetched.set(ordinal, complaint);
      continue;
    }
    const score = deps.severity(complaint);
    ranking.scores.set(ordinal, score);
    const top = best.get(member.building);
    if (!top || score > top.score || (score === top.score && member.position < top.position)) {
      if (top) ranking.fetched.delete(top.ordinal);
      best.set(member.building, { score, position: member.position, ordinal });
      ranking.fetched.set(ordinal, complaint);
    }
  }
  detected.seen.check(seen);
}

/** A complaint read again must be the one read first: a file that changed between passes is refused. */
function checkSame(first: Entry, again: Entry): void {
  if (first.id === again.id && first.time === again.time) return;
  throw changed(`complaint "${again.id}" where "${first.id}" was`);
}

/**
 * Each incident's policy: the run alone of its most severe member that can be recommended for
 * (`policyOfMostSevere`), reading the complaints further down the ranking again only when one cannot.
 */
async function policies(
  readAgain: () => Inputs,
  deps: IncidentBatchDeps,
  detected: Detected,
): Promise<Map<Building, Promise<SharedPolicy>>> {
  const ranking: Ranking = { scores: new Map(), fetched: new Map() };
  await readMembers(readAgain(), deps, detected, ranking);
  const ranked = new Map<Building, number[]>();
  for (const [ordinal, { building, position }] of detected.members) {
    const list = ranked.get(building) ?? [];
    ranked.set(building, list);
    list[position] = ordinal;
  }
  for (const list of ranked.values()) {
    list.sort((a, b) => (ranking.scores.get(b) ?? 0) - (ranking.scores.get(a) ?? 0));
  }
  const settled = new Map<Building, Promise<SharedPolicy>>();
  let open = [...ranked.keys()];
  for (let rank = 0; open.length > 0; rank++) {
    if (rank > 0) {
      const wanted = new Set(open.map((b) => (ranked.get(b) as number[])[rank] as number));
      ranking.fetched.clear();
      await readMembers(readAgain(), deps, detected, ranking, wanted);
    }
    const next: Building[] = [];
    for (const building of open) {
      const list = ranked.get(building) as number[];
      const complaint = ranking.fetched.get(list[rank] as number) as Complaint;
      const tried = await attempt(deps, complaint);
      if ('run' in tried) {
        const policy = sharedPolicy(building.final as Incident, { complaint, run: tried.run }, deps.policy);
        settled.set(building, Promise.resolve(policy));
      } else if (rank + 1 >= list.length) {
        const failed = Promise.reject(tried.error);
        // Each member's record reports it; an unhandled rejection would end the process first.
        failed.catch(() => undefined);
        settled.set(building, failed);
      } else next.push(building);
    }
    open = next;
  }
  return settled;
}

async function attempt(
  deps: IncidentBatchDeps,
  complaint: Complaint,
): Promise<{ readonly run: Run } | { readonly error: unknown }> {
  try {
    return { run: await deps.run(complaint, deps.callFor(complaint)) };
  } catch (error) {
    return { error };
  }
}

/**
 * `recommendMany` in crisis mode over complaints that can be read again (`readAgain`): the same
 * results, in input order, as `recommendWithIncidents`, which holds the whole batch; here `readAgain()`
 * is read for the incidents (about 30 bytes a complaint kept) and once more for their members, and
 * `inputs` streams the results, each made as it is read.
 * @throws RedressError `INVALID_OPTIONS` (`changed`) when a complaint read again is not the one read first.
 */
export async function* recommendInPasses(
  inputs: Inputs,
  readAgain: () => Inputs,
  deps: IncidentBatchDeps,
): AsyncGenerator<Result> {
  const detected = await detect(readAgain(), deps);
  const shared = await policies(readAgain, deps, detected);
  const seen = new Seen();
  const reader = new EntryReader(settings(deps.incidents).groupBy);
  const one = async (index: number, input: unknown, complaint: Complaint, member?: Membership) => {
    try {
      const call = deps.callFor(complaint);
      if (!member) return (await deps.run(complaint, call)).recommendation;
      const policy = await (shared.get(member.building) as Promise<SharedPolicy>);
      const first = member.building.members[0] as Entry;
      return await recommendMember(deps.run, complaint, call, forMember(policy, member.entry, first));
    } catch (error) {
      return errorRecord(index, input, error);
    }
  };
  const concurrency = Math.max(1, Math.floor(deps.options.concurrency ?? 16));
  const window: Promise<Result>[] = [];
  let index = 0;
  for await (const input of inputs) {
    const parsed = safeParseComplaint(input, { limits: deps.limits });
    if (!parsed.ok) window.push(Promise.resolve(errorRecord(index, input, parsed.error)));
    else {
      const read = reader.read(parsed.value, seen.count);
      const entry = read === null || Array.isArray(read) ? null : read;
      const member = entry ? detected.members.get(seen.count) : undefined;
      if (entry) seen.add(entry);
      if (member) checkSame(member.entry, entry as Entry);
      window.push(one(index, input, parsed.value, member));
    }
    index++;
    if (window.length >= concurrency) yield await (window.shift() as Promise<Result>);
  }
  while (window.length > 0) yield await (window.shift() as Promise<Result>);
  detected.seen.check(seen);
}
