import { issue, RedressError } from '../errors';
import { type IncidentGroupBy, type IncidentOptions, type Settings, settings } from './options';
import type { Building, Entry, Incident } from './types';

/**
 * Incidents: bursts of complaints with one cause, far above that cause's usual rate (the guides' "mass
 * dissatisfaction is a crisis: one plan, one voice").
 *
 * The rule, precisely. Complaints are taken in time order (`receivedAt`; ties by id, then input order).
 * For each instant t at which a complaint arrives, and each cause with a complaint at t:
 *
 * - the window is (t − window, t]: its complaints of that cause number n;
 * - the history is the time from the first complaint of the input to the window's start, at most
 *   `baseline` long: h = min(baseline, t − window − first);
 * - the baseline is that history, (t − window − h, t − window]: its complaints of that cause that are
 *   not themselves part of an incident number b, so the usual count per window is e = b × window / h;
 * - with at least one window of history (h ≥ window) the window is a burst when n ≥ minCount and
 *   n ≥ ratio × e: far above the usual rate;
 * - without it (the input starts less than a window before: one day's export) the usual rate is
 *   unknown, and the window is a burst when n ≥ minCount alone. So is every window with
 *   `baseline: 0`.
 *
 * Every complaint inside a burst window belongs to an incident; burst windows of one cause that
 * overlap in time (the later one starts before the earlier one ends) make one incident. Complaints at
 * the same instant are judged together, so their order never matters. Complaints that already belong
 * to an incident through a window judged by the ratio do not count towards the baseline, so a long
 * incident does not become its own "usual rate": it lasts while its cause stays far above the rate it
 * had before. Those that joined through a window judged by its count alone do count: nothing was known
 * to be usual then.
 */

/** Orders entries by time, then id, then input position. */
export function compareEntries(a: Entry, b: Entry): number {
  return a.time - b.time || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) || a.index - b.index;
}

/**
 * Whether a complaint counts towards its cause's usual rate: unless it joined an incident in a window
 * judged against that rate. A window judged by its count alone (no history yet) was never known to be
 * unusual: its complaints count, so that a cause that is simply busy from the first day of the input
 * on is not one endless incident. Fixed once the complaint leaves the window (complaints join
 * incidents only while in it), so the baseline's count stays exact.
 */
function usual(entry: Entry): boolean {
  return !entry.byRate;
}

/**
 * One cause's recent complaints: those in the window, and of the baseline before it only the times of
 * those that count as usual — all the burst rule reads of them. A complaint's entry is let go when it
 * leaves the window (an incident it joined keeps it), so what a cause holds is its window's entries
 * and 8 bytes per usual complaint of the baseline, not a baseline of entries.
 */
class CauseState {
  /** The window's entries, from `win` on (those before `win` have left it; `compact` lets them go). */
  readonly entries: Entry[] = [];
  /** First entry in the window. */
  win = 0;
  /** Times of the usual complaints that have left the window, oldest first, from `head` on. */
  readonly usual: number[] = [];
  /** First time still in the baseline. */
  head = 0;
  /** Time of the cause's latest complaint. */
  last = Number.NEGATIVE_INFINITY;
  open: Building | null = null;
  touched = -1;
}

/**
 * Drops the first `n` elements of `list` once they are at least half of it, so that a list holds at
 * most twice what is still in use (or its last element), and dropping stays linear: each drop moves
 * fewer elements than it lets go. No batch size: most causes (a category and a SKU) get a complaint
 * every few days, and a batch of 1,024 was never reached, so every complaint of the stream was held.
 */
function compact<T>(list: T[], n: number): number {
  if (n === 0 || n * 2 < list.length) return n;
  list.splice(0, n);
  return 0;
}

function compactUtc(time: number): string {
  return new Date(time)
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replaceAll('-', '')
    .replaceAll(':', '');
}

const NONE: readonly Building[] = Object.freeze([]);

/**
 * Detects incidents in complaints that arrive in time order, one complaint at a time, in memory that
 * grows with one window of complaints and one baseline of their times (not with the stream). The core
 * of `detectIncidents` and of `createIncidentDetector`.
 */
export class BurstRule {
  private readonly s: Settings;
  private readonly states = new Map<string, CauseState>();
  private readonly openIncidents: Building[] = [];
  /**
   * The ids given, with their first complaint's time, to number a second incident of a cause that
   * begins in the same second. Let go once no incident can begin that early again (`sweep`), so an
   * endless stream does not keep one id per incident.
   */
  private readonly usedIds = new Map<string, number>();
  private readonly touched: CauseState[] = [];
  private group: Entry[] = [];
  private groupTime = Number.NEGATIVE_INFINITY;
  private firstTime = Number.NaN;
  private groupSeq = 0;
  /** Earliest time at which an open incident can close. */
  private nextClose = Number.POSITIVE_INFINITY;
  private nextSweep = Number.NEGATIVE_INFINITY;

  constructor(options: IncidentOptions | undefined) {
    this.s = settings(options);
  }

  /** The validated settings' grouping. */
  get groupBy(): IncidentGroupBy {
    return this.s.groupBy;
  }

  /**
   * Adds the next entry; its time may not be before the previous one's. Returns the incidents that
   * can no longer grow.
   */
  add(entry: Entry): readonly Building[] {
    if (entry.time < this.groupTime) {
      throw new RedressError('INVALID_COMPLAINT', [
        issue(
          'out_of_order',
          [entry.index, 'receivedAt'],
          `complaint "${entry.id}" is earlier than the one before it; streaming detection needs complaints in time order (detectIncidents sorts them for you)`,
        ),
      ]);
    }
    let closed = NONE;
    if (entry.time > this.groupTime) {
      this.flushGroup();
      if (entry.time >= this.nextClose) closed = this.closeBefore(entry.time);
      this.groupTime = entry.time;
      // History starts just before the first complaint, so that the baseline (open at its start) holds it.
      if (Number.isNaN(this.firstTime)) this.firstTime = entry.time - 1;
    }
    this.group.push(entry);
    return closed;
  }

  /** Ends the input: judges the last instant and closes every open incident. */
  finish(): readonly Building[] {
    this.flushGroup();
    return this.closeBefore(Number.POSITIVE_INFINITY);
  }

  private flushGroup(): void {
    const group = this.group;
    if (group.length === 0) return;
    const t = this.groupTime;
    if (group.length === 1) {
      const entry = group[0] as Entry;
      group.length = 0;
      this.judge(this.stateOf(entry), t);
    } else {
      this.group = [];
      group.sort(compareEntries);
      const seq = ++this.groupSeq;
      const touched = this.touched;
      touched.length = 0;
      for (const entry of group) {
        const state = this.stateOf(entry);
        if (state.touched !== seq) {
          state.touched = seq;
          touched.push(state);
        }
      }
      for (const state of touched) this.judge(state, t);
    }
    if (t >= this.nextSweep) this.sweep(t);
  }

  private stateOf(entry: Entry): CauseState {
    let state = this.states.get(entry.cause.key);
    if (!state) {
      state = new CauseState();
      this.states.set(entry.cause.key, state);
    }
    state.entries.push(entry);
    state.last = entry.time;
    return state;
  }

  /** Judges the window of one cause that ends at `t`. */
  private judge(state: CauseState, t: number): void {
    const { windowMs, baselineMs, minCount, ratio } = this.s;
    const entries = state.entries;
    const windowStart = t - windowMs;
    const history = Math.min(baselineMs, windowStart - this.firstTime);
    const baselineStart = windowStart - history;
    // A complaint leaves the window for the baseline as a time, if it counts as usual; its entry goes.
    while (state.win < entries.length && (entries[state.win] as Entry).time <= windowStart) {
      const leaving = entries[state.win] as Entry;
      if (usual(leaving)) state.usual.push(leaving.time);
      state.win++;
    }
    state.win = compact(entries, state.win);
    const times = state.usual;
    while (state.head < times.length && (times[state.head] as number) <= baselineStart) state.head++;
    state.head = compact(times, state.head);
    const quiet = times.length - state.head;
    const n = entries.length - state.win;
    if (n < minCount) return;
    // With a window of history the usual rate is known and the count must be far above it; without
    // one (a day's export), the count alone decides.
    const byRate = baselineMs > 0 && history >= windowMs;
    // n ≥ ratio × (quiet × window / history), multiplied out so that no division is needed.
    if (byRate && n * history < ratio * quiet * windowMs) return;

    let incident = state.open;
    if (incident === null || incident.lastAnchor <= windowStart) {
      incident = {
        cause: (entries[entries.length - 1] as Entry).cause,
        members: [],
        detectedAt: t,
        basis: byRate ? 'ratio' : 'minCount',
        expected: byRate ? (quiet * windowMs) / history : 0,
        peakCount: 0,
        lastAnchor: t,
        final: null,
      };
      state.open = incident;
      this.openIncidents.push(incident);
    }
    // The window's earlier complaints joined with an overlapping earlier window; the rest join now.
    let first = entries.length;
    while (first > state.win && (entries[first - 1] as Entry).incident === null) first--;
    for (let k = first; k < entries.length; k++) {
      const entry = entries[k] as Entry;
      entry.incident = incident;
      entry.byRate = byRate;
      incident.members.push(entry);
    }
    incident.lastAnchor = t;
    incident.peakCount = Math.max(incident.peakCount, n);
    // Only the first of the open incidents to end matters for when to look again.
    this.nextClose = Math.min(this.nextClose, t + windowMs);
  }

  /** Closes the incidents that no window ending at `t` or later can overlap. */
  private closeBefore(t: number): readonly Building[] {
    const closed: Building[] = [];
    let kept = 0;
    let nextClose = Number.POSITIVE_INFINITY;
    for (const incident of this.openIncidents) {
      const closesAt = incident.lastAnchor + this.s.windowMs;
      if (closesAt <= t) closed.push(incident);
      else {
        this.openIncidents[kept++] = incident;
        nextClose = Math.min(nextClose, closesAt);
      }
    }
    this.openIncidents.length = kept;
    this.nextClose = nextClose;
    if (closed.length === 0) return NONE;
    closed.sort(
      (a, b) =>
        (a.members[0] as Entry).time - (b.members[0] as Entry).time ||
        (a.cause.key < b.cause.key ? -1 : a.cause.key > b.cause.key ? 1 : 0),
    );
    for (const incident of closed) {
      incident.final = this.finalise(incident);
      const state = this.states.get(incident.cause.key);
      if (state?.open === incident) state.open = null;
    }
    return closed;
  }

  private finalise(b: Building): Incident {
    const first = b.members[0] as Entry;
    const last = b.members[b.members.length - 1] as Entry;
    let id = `inc-${compactUtc(first.time)}-${b.cause.key}`;
    for (let n = 2; this.usedIds.has(id); n++) id = `inc-${compactUtc(first.time)}-${b.cause.key}-${n}`;
    this.usedIds.set(id, first.time);
    let publicCount = 0;
    for (const e of b.members) if (e.isPublic) publicCount++;
    return {
      id,
      cause: b.cause,
      firstAt: new Date(first.time).toISOString(),
      lastAt: new Date(last.time).toISOString(),
      detectedAt: new Date(b.detectedAt).toISOString(),
      basis: b.basis,
      count: b.members.length,
      expected: round(b.expected),
      peakCount: b.peakCount,
      growth: b.expected === 0 ? null : round(b.peakCount / b.expected),
      publicCount,
      publicShare: round(publicCount / b.members.length),
      complaintIds: b.members.map((e) => e.id),
    };
  }

  /**
   * What the burst rule holds: the entries of the causes' windows (with those that left since, fewer than
   * are still in them) and the times of their baselines. For the tests of its memory. @internal
   */
  held(): { readonly entries: number; readonly times: number; readonly ids: number } {
    let entries = 0;
    let times = 0;
    for (const state of this.states.values()) {
      entries += state.entries.length;
      times += state.usual.length;
    }
    return { entries, times, ids: this.usedIds.size };
  }

  /** Forgets causes that have gone quiet for longer than a window and a baseline. */
  private sweep(t: number): void {
    const horizon = t - this.s.windowMs - this.s.baselineMs;
    for (const [key, state] of this.states) {
      if (state.open === null && state.last <= horizon) this.states.delete(key);
    }
    this.forgetIds(t);
    this.nextSweep = t + Math.max(this.s.windowMs + this.s.baselineMs, 1);
  }

  /**
   * Lets go of the ids of incidents that began before any incident still to come can begin: a new one
   * begins inside the window that ends at `t` or later, an open one at its first complaint. Ids name
   * the second, so a second's margin keeps a later incident of the same second numbered.
   */
  private forgetIds(t: number): void {
    let earliest = t - this.s.windowMs;
    for (const open of this.openIncidents) earliest = Math.min(earliest, (open.members[0] as Entry).time);
    const before = earliest - 1_000;
    for (const [id, time] of this.usedIds) if (time < before) this.usedIds.delete(id);
  }
}

function round(n: number): number {
  return Math.round(n * 10_000) / 10_000;
}

/**
 * Sorts entries by `compareEntries`. A comparator sort of a million objects is slow, so entries are
 * sorted by time and input position as packed integer keys in a typed array, and only runs of equal
 * times (rare) are then ordered by id.
 */
function sortEntries(entries: Entry[]): Entry[] {
  const n = entries.length;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const e of entries) {
    if (e.time < min) min = e.time;
    if (e.time > max) max = e.time;
  }
  const bits = Math.max(1, Math.ceil(Math.log2(n + 1)));
  // Times are whole milliseconds; keys of time-since-min and position must fit in 64 bits.
  if (!Number.isInteger(min) || !Number.isInteger(max) || Math.log2(max - min + 1) + bits > 63) {
    return entries.sort(compareEntries);
  }
  const keys = new BigUint64Array(n);
  const shift = BigInt(bits);
  for (let i = 0; i < n; i++) keys[i] = (BigInt((entries[i] as Entry).time - min) << shift) | BigInt(i);
  keys.sort();
  const mask = (1n << shift) - 1n;
  const out = new Array<Entry>(n);
  for (let i = 0; i < n; i++) out[i] = entries[Number((keys[i] as bigint) & mask)] as Entry;
  for (let i = 0; i < n; ) {
    let j = i + 1;
    while (j < n && (out[j] as Entry).time === (out[i] as Entry).time) j++;
    if (j - i > 1) {
      const run = out.slice(i, j).sort(compareEntries);
      for (let k = i; k < j; k++) out[k] = run[k - i] as Entry;
    }
    i = j;
  }
  return out;
}

/** Runs entries (in any order) through a burst rule; every entry's `incident` is set when it has one. */
export function runEntries(input: Entry[], options: IncidentOptions | undefined): Incident[] {
  let sorted = true;
  for (let i = 1; i < input.length && sorted; i++) {
    sorted = compareEntries(input[i - 1] as Entry, input[i] as Entry) <= 0;
  }
  return runOrdered(sorted ? input : sortEntries(input), options);
}

/**
 * Runs entries already in detection's order (`compareEntries`) through a burst rule, which holds only a
 * window of them: the entries may be made one at a time as they are taken (`EntryColumns`). Every
 * incident, sorted by first complaint.
 */
export function runOrdered(entries: Iterable<Entry>, options: IncidentOptions | undefined): Incident[] {
  const bursts = new BurstRule(options);
  const closed: Building[] = [];
  for (const entry of entries) {
    const done = bursts.add(entry);
    if (done.length > 0) closed.push(...done);
  }
  closed.push(...bursts.finish());
  return closed.map((b) => b.final as Incident).sort(compareIncidents);
}

function compareIncidents(a: Incident, b: Incident): number {
  return a.firstAt < b.firstAt ? -1 : a.firstAt > b.firstAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
