import { z } from 'zod';
import { CATEGORIES, type Category } from '../complaint/schema';
import { issue, RedressError, type RedressIssue } from '../errors';
import type { IncidentCause } from '../policy/incident-mark';
import { durationMs } from '../time/duration';
import { instantMs } from '../time/instant';

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
 * - the window is a burst when n ≥ minCount and n ≥ ratio × e, judged only once there is at least
 *   one window of history (h ≥ window): before that, nothing is known to be unusual. With
 *   `baseline: 0` there is no baseline: a window is a burst when n ≥ minCount, from the start.
 *
 * Every complaint inside a burst window belongs to an incident; burst windows of one cause that
 * overlap in time (the later one starts before the earlier one ends) make one incident. Complaints at
 * the same instant are judged together, so their order never matters. Complaints that already belong
 * to an incident do not count towards the baseline, so a long incident does not become its own
 * "usual rate": it lasts while its cause stays far above the rate it had before.
 */

/** The fields of a complaint incident detection reads; a parsed `Complaint` has them all. */
export interface IncidentComplaint {
  readonly id: string;
  readonly receivedAt: string;
  readonly category: Category;
  readonly order?: {
    readonly items?: readonly {
      readonly sku: string;
      readonly quantity: number;
      readonly unitPrice: number;
      readonly affectedQuantity?: number;
    }[];
  };
  readonly subscription?: { readonly plan: string };
  readonly exposure?: { readonly public: boolean };
}

/** A burst of complaints with one cause. Plain JSON. */
export interface Incident {
  /** Stable and readable: `inc-<first complaint, UTC>-<cause key>`, e.g. `inc-20260310T083000Z-wrong_item:sku:SHOE-42`. */
  readonly id: string;
  readonly cause: IncidentCause;
  /** `receivedAt` of the first and last complaint in it, as UTC ISO strings. */
  readonly firstAt: string;
  readonly lastAt: string;
  /** When the first burst window closed on its complaint: the earliest the incident could be known. */
  readonly detectedAt: string;
  /** Complaints in it. */
  readonly count: number;
  /** The cause's usual count per window, from the baseline when the incident was detected. */
  readonly expected: number;
  /** The most complaints of the cause in one window during the incident. */
  readonly peakCount: number;
  /**
   * Growth over the window: `peakCount` as a multiple of `expected` (12 = twelve times the usual
   * rate); null when the cause had no complaints in the baseline.
   */
  readonly growth: number | null;
  /** Complaints that were posted publicly, and their share of `count` (0–1). */
  readonly publicCount: number;
  readonly publicShare: number;
  /** The complaints' ids, in time order (ties by id). */
  readonly complaintIds: readonly string[];
}

/** What makes two complaints "the same cause". A function returns a key, or null to leave a complaint out. */
export type IncidentGroupBy =
  | 'cause'
  | 'category'
  | ((complaint: IncidentComplaint) => string | null | undefined);

const duration = (what: string) =>
  z.union([z.number(), z.string()]).refine((v) => durationMs(v) !== undefined, {
    message: `expected the ${what} as a duration: milliseconds, "90m", "24h", "7d", "2w" or ISO 8601 "PT24H"`,
  });

/** Options of `detectIncidents` (and of `recommendMany`'s `incidents`). */
export const IncidentOptionsSchema = z.strictObject({
  /** Length of the sliding window. Default `24h`. */
  window: duration('window')
    .refine((v) => (durationMs(v) ?? 0) > 0, { message: 'the window must be longer than 0' })
    .optional(),
  /** History before the window that sets a cause's usual rate. Default `28d`; `0` judges by `minCount` alone. */
  baseline: duration('baseline').optional(),
  /** Fewest complaints of one cause in one window for a burst. Default 10; at least 2. */
  minCount: z.number().int().min(2).max(1_000_000_000).optional(),
  /** How many times the usual count a window must reach. Default 4; at least 1. */
  ratio: z.number().min(1).max(1_000_000).optional(),
  /** `cause` (default): category plus product or service; `category`; or a function returning a key. */
  groupBy: z
    .union([
      z.enum(['cause', 'category']),
      z.custom<(complaint: IncidentComplaint) => string | null | undefined>((v) => typeof v === 'function', {
        message: 'expected "cause", "category" or a function',
      }),
    ])
    .optional(),
});

/** Options of `detectIncidents`. */
export type IncidentOptions = z.input<typeof IncidentOptionsSchema>;

/** The defaults: a day's window against four weeks of history, ten complaints and four times the usual rate. */
export const INCIDENT_DEFAULTS = {
  window: '24h',
  baseline: '28d',
  minCount: 10,
  ratio: 4,
  groupBy: 'cause',
} as const;

interface Settings {
  readonly windowMs: number;
  readonly baselineMs: number;
  readonly minCount: number;
  readonly ratio: number;
  readonly groupBy: IncidentGroupBy;
}

/** Validates options, filling in defaults. @throws RedressError `INVALID_OPTIONS` */
export function settings(options: IncidentOptions | undefined): Settings {
  const parsed = IncidentOptionsSchema.safeParse(options ?? {});
  if (!parsed.success) {
    throw new RedressError(
      'INVALID_OPTIONS',
      parsed.error.issues.map((i) =>
        issue(
          i.code,
          i.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
          i.message,
        ),
      ),
    );
  }
  const o = parsed.data;
  return {
    windowMs: durationMs(o.window ?? INCIDENT_DEFAULTS.window) as number,
    baselineMs: durationMs(o.baseline ?? INCIDENT_DEFAULTS.baseline) as number,
    minCount: o.minCount ?? INCIDENT_DEFAULTS.minCount,
    ratio: o.ratio ?? INCIDENT_DEFAULTS.ratio,
    groupBy: o.groupBy ?? INCIDENT_DEFAULTS.groupBy,
  };
}

const ITEM_CATEGORIES: ReadonlySet<string> = new Set([
  'wrong_item',
  'damaged_item',
  'missing_item',
  'poor_quality',
]);
const CATEGORY_SET: ReadonlySet<string> = new Set(CATEGORIES);
type Line = NonNullable<NonNullable<IncidentComplaint['order']>['items']>[number];

/**
 * The product a complaint is about: of its affected lines (those with `affectedQuantity` > 0 when any
 * line says, else every line), the one with the most value at stake; ties go to the smaller SKU.
 */
function primarySku(items: readonly Line[]): string | null {
  let marked = false;
  for (const item of items) if (item.affectedQuantity !== undefined) marked = true;
  let best: string | null = null;
  let bestValue = -1;
  for (const item of items) {
    const quantity = marked ? (item.affectedQuantity ?? 0) : item.quantity;
    if (!(quantity > 0)) continue;
    const value = quantity * item.unitPrice;
    if (value > bestValue || (value === bestValue && best !== null && item.sku < best)) {
      best = item.sku;
      bestValue = value;
    }
  }
  return best;
}

/**
 * The cause key of a complaint under `cause` grouping: an item problem with a product → category and
 * SKU; a problem with a service (a subscription without an order, or an outage of a subscription) →
 * category and plan; otherwise the category alone (a late delivery is the carrier's, not one SKU's).
 */
function causeKey(c: IncidentComplaint): string {
  if (ITEM_CATEGORIES.has(c.category)) {
    const sku = primarySku(c.order?.items ?? []);
    if (sku !== null) return `${c.category}:sku:${sku}`;
  }
  const plan = c.subscription?.plan;
  if (plan !== undefined && (c.order === undefined || c.category === 'service_outage')) {
    return `${c.category}:service:${plan}`;
  }
  return c.category;
}

/** The cause of a complaint under `cause` grouping (see `causeKey`). */
export function causeOf(c: IncidentComplaint): IncidentCause {
  const key = causeKey(c);
  const sku = key.startsWith(`${c.category}:sku:`) ? key.slice(c.category.length + 5) : null;
  const service = key.startsWith(`${c.category}:service:`) ? key.slice(c.category.length + 9) : null;
  return { key, category: c.category, sku, service };
}

/** One complaint as the detector sees it. */
export interface Entry {
  /** Position in the input. */
  readonly index: number;
  readonly id: string;
  /** `receivedAt` in epoch milliseconds. */
  readonly time: number;
  readonly cause: IncidentCause;
  readonly isPublic: boolean;
  /** The incident it joined, once it has. */
  incident: Building | null;
}

/** An incident while it is still open to growth. */
export interface Building {
  readonly cause: IncidentCause;
  readonly members: Entry[];
  readonly detectedAt: number;
  readonly expected: number;
  peakCount: number;
  lastAnchor: number;
  /** Set when the incident is closed. */
  final: Incident | null;
}

/** True when a complaint has everything detection reads, in the right types (the fast path). */
function readable(c: Partial<Record<keyof IncidentComplaint, unknown>>, groupBy: IncidentGroupBy): boolean {
  if (typeof c.id !== 'string' || c.id.trim() === '') return false;
  if (typeof c.category !== 'string' || !CATEGORY_SET.has(c.category)) return false;
  if (c.exposure !== undefined && (typeof c.exposure !== 'object' || c.exposure === null)) return false;
  if (groupBy !== 'cause') return true;
  if (c.order !== undefined) {
    if (typeof c.order !== 'object' || c.order === null) return false;
    const items = (c.order as { items?: unknown }).items;
    if (items !== undefined) {
      if (!Array.isArray(items)) return false;
      for (const item of items) {
        if (typeof item !== 'object' || item === null) return false;
        const line = item as Record<string, unknown>;
        if (typeof line.sku !== 'string' || typeof line.quantity !== 'number') return false;
        if (typeof line.unitPrice !== 'number') return false;
        if (line.affectedQuantity !== undefined && typeof line.affectedQuantity !== 'number') return false;
      }
    }
  }
  if (c.subscription !== undefined) {
    if (typeof c.subscription !== 'object' || c.subscription === null) return false;
    if (typeof (c.subscription as { plan?: unknown }).plan !== 'string') return false;
  }
  return true;
}

/** Every problem with the fields detection reads (the slow path, for a complaint that is not readable). */
function problemsOf(value: unknown, index: number, groupBy: IncidentGroupBy): RedressIssue[] {
  if (typeof value !== 'object' || value === null) {
    return [issue('invalid_type', [index], 'expected a complaint object')];
  }
  const c = value as Partial<Record<keyof IncidentComplaint, unknown>>;
  const problems: RedressIssue[] = [];
  if (typeof c.id !== 'string' || c.id.trim() === '') {
    problems.push(issue('invalid_type', [index, 'id'], 'expected a non-empty string'));
  }
  if (typeof c.receivedAt !== 'string' || Number.isNaN(instantMs(c.receivedAt))) {
    problems.push(
      issue(
        'invalid_format',
        [index, 'receivedAt'],
        'expected an ISO 8601 date-time with a time zone offset',
      ),
    );
  }
  if (typeof c.category !== 'string' || !CATEGORY_SET.has(c.category)) {
    problems.push(issue('invalid_value', [index, 'category'], `expected one of ${CATEGORIES.join(', ')}`));
  }
  if (c.exposure !== undefined && (typeof c.exposure !== 'object' || c.exposure === null)) {
    problems.push(issue('invalid_type', [index, 'exposure'], 'expected an object'));
  }
  if (groupBy !== 'cause') return problems;
  if (c.order !== undefined) {
    const items =
      typeof c.order === 'object' && c.order !== null ? (c.order as { items?: unknown }).items : null;
    if (items === null) problems.push(issue('invalid_type', [index, 'order'], 'expected an object'));
    else if (items !== undefined && !Array.isArray(items)) {
      problems.push(issue('invalid_type', [index, 'order', 'items'], 'expected an array'));
    } else {
      (items ?? []).forEach((item: unknown, k: number) => {
        const line = (typeof item === 'object' && item !== null ? item : {}) as Record<string, unknown>;
        const at = [index, 'order', 'items', k];
        if (typeof line.sku !== 'string')
          problems.push(issue('invalid_type', [...at, 'sku'], 'expected a string'));
        for (const field of ['quantity', 'unitPrice'] as const) {
          if (typeof line[field] !== 'number') {
            problems.push(issue('invalid_type', [...at, field], 'expected a number'));
          }
        }
        if (line.affectedQuantity !== undefined && typeof line.affectedQuantity !== 'number') {
          problems.push(issue('invalid_type', [...at, 'affectedQuantity'], 'expected a number'));
        }
      });
    }
  }
  if (c.subscription !== undefined) {
    const plan =
      typeof c.subscription === 'object' && c.subscription !== null
        ? (c.subscription as { plan?: unknown }).plan
        : undefined;
    if (typeof plan !== 'string') {
      problems.push(issue('invalid_type', [index, 'subscription', 'plan'], 'expected a string'));
    }
  }
  return problems;
}

/** Turns complaints into entries, sharing one cause object per cause. */
export class EntryReader {
  private readonly causes = new Map<string, IncidentCause>();

  constructor(readonly groupBy: IncidentGroupBy) {}

  /**
   * Reads the fields detection needs from one complaint, checking each.
   * @returns the entry, null when a custom `groupBy` leaves it out, or the problems found.
   */
  read(value: unknown, index: number): Entry | null | RedressIssue[] {
    const c = value as Partial<Record<keyof IncidentComplaint, unknown>> | null;
    if (typeof c !== 'object' || c === null || !readable(c, this.groupBy)) {
      return problemsOf(value, index, this.groupBy);
    }
    const time = typeof c.receivedAt === 'string' ? instantMs(c.receivedAt) : Number.NaN;
    if (Number.isNaN(time)) return problemsOf(value, index, this.groupBy);
    const complaint = value as IncidentComplaint;
    let key: string;
    const groupBy = this.groupBy;
    if (groupBy === 'cause') key = causeKey(complaint);
    else if (groupBy === 'category') key = complaint.category;
    else {
      const own = groupBy(complaint);
      if (own === null || own === undefined) return null;
      if (typeof own !== 'string' || own === '') {
        return [issue('invalid_type', [index], 'groupBy must return a non-empty string, null or undefined')];
      }
      key = own;
    }
    let cause = this.causes.get(key);
    if (!cause) {
      cause =
        groupBy === 'cause'
          ? causeOf(complaint)
          : { key, category: groupBy === 'category' ? complaint.category : null, sku: null, service: null };
      this.causes.set(key, cause);
    }
    return {
      index,
      id: complaint.id,
      time,
      cause,
      isPublic: complaint.exposure?.public === true,
      incident: null,
    };
  }
}

/** Orders entries by time, then id, then input position. */
export function compareEntries(a: Entry, b: Entry): number {
  return a.time - b.time || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) || a.index - b.index;
}

/** One cause's recent complaints: the window and the baseline before it. */
class CauseState {
  readonly entries: Entry[] = [];
  /** First entry still in the baseline. */
  head = 0;
  /** First entry in the window. */
  win = 0;
  /** Entries in the baseline that belong to no incident. */
  quiet = 0;
  open: Building | null = null;
  touched = -1;
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
 * grows with one window plus one baseline of complaints (not with the stream). The core of
 * `detectIncidents` and of `createIncidentDetector`.
 */
export class IncidentEngine {
  private readonly s: Settings;
  private readonly states = new Map<string, CauseState>();
  private readonly openIncidents: Building[] = [];
  private readonly usedIds = new Set<string>();
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
    return state;
  }

  /** Judges the window of one cause that ends at `t`. */
  private judge(state: CauseState, t: number): void {
    const { windowMs, baselineMs, minCount, ratio } = this.s;
    const entries = state.entries;
    const windowStart = t - windowMs;
    const history = Math.min(baselineMs, windowStart - this.firstTime);
    const baselineStart = windowStart - history;
    while (state.win < entries.length && (entries[state.win] as Entry).time <= windowStart) {
      if ((entries[state.win] as Entry).incident === null) state.quiet++;
      state.win++;
    }
    while (state.head < state.win && (entries[state.head] as Entry).time <= baselineStart) {
      if ((entries[state.head] as Entry).incident === null) state.quiet--;
      state.head++;
    }
    if (state.head > 1024 && state.head * 2 > entries.length) {
      entries.splice(0, state.head);
      state.win -= state.head;
      state.head = 0;
    }
    const n = entries.length - state.win;
    if (n < minCount) return;
    // Without a window of history nothing is known to be unusual (unless there is to be no baseline).
    if (baselineMs > 0 && history < windowMs) return;
    // n ≥ ratio × (quiet × window / history), multiplied out so that no baseline means no division.
    if (baselineMs > 0 && n * history < ratio * state.quiet * windowMs) return;

    let incident = state.open;
    if (incident === null || incident.lastAnchor <= windowStart) {
      incident = {
        cause: (entries[entries.length - 1] as Entry).cause,
        members: [],
        detectedAt: t,
        expected: baselineMs === 0 ? 0 : (state.quiet * windowMs) / history,
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
    this.usedIds.add(id);
    let publicCount = 0;
    for (const e of b.members) if (e.isPublic) publicCount++;
    return {
      id,
      cause: b.cause,
      firstAt: new Date(first.time).toISOString(),
      lastAt: new Date(last.time).toISOString(),
      detectedAt: new Date(b.detectedAt).toISOString(),
      count: b.members.length,
      expected: round(b.expected),
      peakCount: b.peakCount,
      growth: b.expected === 0 ? null : round(b.peakCount / b.expected),
      publicCount,
      publicShare: round(publicCount / b.members.length),
      complaintIds: b.members.map((e) => e.id),
    };
  }

  /** Forgets causes that have gone quiet for longer than a window and a baseline. */
  private sweep(t: number): void {
    const horizon = t - this.s.windowMs - this.s.baselineMs;
    for (const [key, state] of this.states) {
      const last = state.entries[state.entries.length - 1];
      if (state.open === null && (last === undefined || last.time <= horizon)) this.states.delete(key);
    }
    this.nextSweep = t + Math.max(this.s.windowMs + this.s.baselineMs, 1);
  }
}

function round(n: number): number {
  return Math.round(n * 10_000) / 10_000;
}

/** Turns the input into entries, checking every complaint; throws with every problem found (up to 100). */
export function readEntries(complaints: Iterable<unknown>, groupBy: IncidentGroupBy): Entry[] {
  const reader = new EntryReader(groupBy);
  const entries: Entry[] = [];
  const problems: RedressIssue[] = [];
  let index = 0;
  for (const complaint of complaints) {
    const entry = reader.read(complaint, index++);
    if (entry === null) continue;
    if (Array.isArray(entry)) {
      if (problems.length < 100) problems.push(...entry);
    } else {
      entries.push(entry as Entry);
    }
  }
  if (problems.length > 0) throw new RedressError('INVALID_COMPLAINT', problems.slice(0, 100));
  return entries;
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

/** Runs entries (in any order) through the engine; every entry's `incident` is set when it has one. */
export function runEntries(input: Entry[], options: IncidentOptions | undefined): Incident[] {
  const engine = new IncidentEngine(options);
  let sorted = true;
  for (let i = 1; i < input.length && sorted; i++) {
    sorted = compareEntries(input[i - 1] as Entry, input[i] as Entry) <= 0;
  }
  const entries = sorted ? input : sortEntries(input);
  const closed: Building[] = [];
  for (const entry of entries) {
    const done = engine.add(entry);
    if (done.length > 0) closed.push(...done);
  }
  closed.push(...engine.finish());
  return closed.map((b) => b.final as Incident).sort(compareIncidents);
}

function compareIncidents(a: Incident, b: Incident): number {
  return a.firstAt < b.firstAt ? -1 : a.firstAt > b.firstAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Finds incidents: bursts of complaints with one cause within a time window, far above that cause's
 * usual rate (see the rule at the top of this file and in docs/incidents.md). Complaints may come in
 * any order; the result is the same for any order of the same complaints, sorted by first complaint.
 *
 * Reads only `id`, `receivedAt`, `category`, `order.items`, `subscription.plan` and `exposure.public`,
 * and checks those (pass complaints through `parseComplaint` for every other check).
 *
 * @throws RedressError `INVALID_OPTIONS` for bad options, `INVALID_COMPLAINT` naming each bad field.
 *
 * @example
 * ```ts
 * import { detectIncidents } from 'redress/incidents';
 *
 * // Twelve wrong sizes of one shoe in three hours (no history: with baseline 0, minCount alone decides).
 * const complaints = Array.from({ length: 12 }, (_, i) => ({
 *   id: `c-${i + 1}`,
 *   receivedAt: new Date(Date.UTC(2026, 2, 10, 9, 15 * i)).toISOString(),
 *   category: 'wrong_item',
 *   order: { items: [{ sku: 'SHOE-42', quantity: 1, unitPrice: 59.9 }] },
 * }));
 * const [incident] = detectIncidents(complaints, { window: '6h', baseline: 0, minCount: 10 });
 * incident?.id; //=> 'inc-20260310T090000Z-wrong_item:sku:SHOE-42'
 * incident?.cause; //=> { key: 'wrong_item:sku:SHOE-42', category: 'wrong_item', sku: 'SHOE-42', service: null }
 * [incident?.count, incident?.firstAt, incident?.lastAt]; //=> [12, '2026-03-10T09:00:00.000Z', '2026-03-10T11:45:00.000Z']
 * ```
 */
export function detectIncidents(complaints: Iterable<unknown>, options?: IncidentOptions): Incident[] {
  const groupBy = settings(options).groupBy;
  return runEntries(readEntries(complaints, groupBy), options);
}

/** A detector for a stream of complaints in time order. */
export interface IncidentDetector {
  /**
   * Adds the next complaint; returns the incidents it closed (no later complaint can join them).
   * @throws RedressError `INVALID_COMPLAINT` for a bad complaint, or one earlier than the previous.
   */
  push(complaint: unknown): Incident[];
  /** Ends the stream and returns the incidents still open. The detector cannot be used afterwards. */
  finish(): Incident[];
}

/**
 * A streaming detector: push complaints in time order (as a log or a sorted JSONL file gives them)
 * and receive each incident as soon as it is complete. Memory holds one window plus one baseline of
 * complaints, not the stream. Gives exactly the incidents `detectIncidents` gives for the same
 * complaints.
 *
 * @throws RedressError `INVALID_OPTIONS` for bad options.
 */
export function createIncidentDetector(options?: IncidentOptions): IncidentDetector {
  const engine = new IncidentEngine(options);
  const reader = new EntryReader(engine.groupBy);
  let index = 0;
  let finished = false;
  const done = (closed: readonly Building[]) => closed.map((b) => b.final as Incident);
  return {
    push(complaint) {
      if (finished) throw new Error('the incident detector has finished');
      const entry = reader.read(complaint, index++);
      if (Array.isArray(entry)) throw new RedressError('INVALID_COMPLAINT', entry);
      return entry === null ? [] : done(engine.add(entry as Entry));
    },
    finish() {
      if (finished) throw new Error('the incident detector has finished');
      finished = true;
      return done(engine.finish());
    },
  };
}
