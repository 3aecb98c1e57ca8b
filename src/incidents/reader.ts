import { z } from 'zod';
import { complaintIssues } from '../complaint/parse';
import { CATEGORIES, ComplaintShape, LineItemSchema } from '../complaint/schema';
import { formatPath, issue, RedressError, type RedressIssue } from '../errors';
import { type Limits, limits } from '../input/limits';
import { type PlainJsonKind, readUntrusted } from '../input/plain-json';
import type { IncidentCause } from '../policy/incident-mark';
import { instantMs } from '../time/parse-instant';
import { TIMESTAMP_YEARS, timestampMs } from '../time/timestamp';
import { causeKey, causeOf, plainCause } from './cause';
import type { IncidentGroupBy } from './options';
import type { Entry, IncidentComplaint } from './types';

const { shape } = ComplaintShape;

/**
 * The fields detection reads, checked by the complaint schema's own rules, so that a complaint
 * `parseComplaint` takes is always read and a field it refuses is refused here with the same code and
 * path. Every other field is left alone: detection does not read it.
 */
const FIELDS = ComplaintShape.pick({ id: true, receivedAt: true, category: true })
  .extend({ exposure: shape.exposure.unwrap().pick({ public: true }).loose().optional() })
  .loose();

const LINE = LineItemSchema.pick({
  sku: true,
  quantity: true,
  unitPrice: true,
  affectedQuantity: true,
  family: true,
}).loose();

/**
 * Under `cause` grouping detection also reads the order's lines and carrier, and the subscription's
 * plan and service.
 */
const CAUSE_FIELDS = FIELDS.extend({
  order: z
    .looseObject({ items: z.array(LINE).optional(), carrier: shape.order.unwrap().shape.carrier })
    .optional(),
  subscription: shape.subscription.unwrap().pick({ plan: true, service: true }).loose().optional(),
}).loose();

/** Every problem with the fields detection reads, under the complaint's position in the input. */
export function problemsOf(value: unknown, index: number, groupBy: IncidentGroupBy): RedressIssue[] {
  const checked = (groupBy === 'cause' ? CAUSE_FIELDS : FIELDS).safeParse(value);
  return checked.success ? [] : complaintIssues(checked.error, [index]);
}

// The fast path. Detection reads a million complaints in about three seconds (six with the walk of
// untrusted input before it, see `readUntrusted`), and the schema takes
// several times as long as the whole detection; so the usual complaint is let through by the checks
// below, which take only what the schema surely takes (test/incidents/reader.test.ts holds them to
// it), and everything else is left to the schema to accept or to name its problems.

const CATEGORY_SET: ReadonlySet<unknown> = new Set(CATEGORIES);
const EARLIEST = Date.UTC(TIMESTAMP_YEARS.min, 0, 1);
const LATEST = Date.UTC(TIMESTAMP_YEARS.max + 1, 0, 1);

type Loose = Record<string, unknown>;
const isRecord = (v: unknown): v is Loose => typeof v === 'object' && v !== null && !Array.isArray(v);
/** Not blank; a printable ASCII first character settles it without trimming. */
const notBlank = (v: string) => {
  const first = v.charCodeAt(0);
  return (first > 32 && first < 127) || v.trim() !== '';
};
const surelyId = (v: unknown) => typeof v === 'string' && v.length <= limits.maxIdLength && notBlank(v);
const isCount = (v: unknown, min: number) =>
  Number.isInteger(v) && (v as number) >= min && (v as number) <= limits.maxQuantity;
const isMoney = (v: unknown) =>
  Number.isFinite(v) && (v as number) >= 0 && (v as number) <= limits.maxMoneyMinor;

/**
 * The instant of a date-time with seconds and a `Z` or `±hh:mm` offset (the shapes the schema takes)
 * within the schema's years; NaN for anything else.
 */
function surelyInstant(v: unknown): number {
  if (typeof v !== 'string' || v.charCodeAt(16) !== 58 /* : */) return Number.NaN;
  const n = v.length;
  if (v.charCodeAt(n - 1) !== 90 /* Z */ && v.charCodeAt(n - 3) !== 58) return Number.NaN;
  const t = instantMs(v);
  return t >= EARLIEST && t < LATEST ? t : Number.NaN;
}

/** A line of an order the schema surely takes, as far as detection reads it. */
function surelyLine(v: unknown): boolean {
  return (
    isRecord(v) &&
    surelyId(v.sku) &&
    isCount(v.quantity, 1) &&
    isMoney(v.unitPrice) &&
    (v.affectedQuantity === undefined || isCount(v.affectedQuantity, 0)) &&
    (v.family === undefined || surelyId(v.family))
  );
}

/** The order's lines and carrier, and the subscription's plan and service, which `cause` grouping reads. */
function surelyOrderAndPlan(c: Loose): boolean {
  const { order, subscription } = c;
  if (order !== undefined) {
    if (!isRecord(order)) return false;
    const items = order.items;
    if (items !== undefined) {
      if (!Array.isArray(items)) return false;
      for (const line of items) if (!surelyLine(line)) return false;
    }
    if (order.carrier !== undefined && !surelyId(order.carrier)) return false;
  }
  return (
    subscription === undefined ||
    (isRecord(subscription) &&
      surelyId(subscription.plan) &&
      (subscription.service === undefined || surelyId(subscription.service)))
  );
}

/**
 * The instant a complaint was received, when the schema surely takes every field detection reads
 * (the fast path); NaN when that is not sure.
 */
export function surelyValidAt(value: unknown, groupBy: IncidentGroupBy): number {
  if (!isRecord(value)) return Number.NaN;
  const { id, category, exposure } = value;
  if (!surelyId(id) || !CATEGORY_SET.has(category)) return Number.NaN;
  if (exposure !== undefined && !(isRecord(exposure) && typeof exposure.public === 'boolean'))
    return Number.NaN;
  if (groupBy === 'cause' && !surelyOrderAndPlan(value)) return Number.NaN;
  return surelyInstant(value.receivedAt);
}

/** The grouping key of a complaint: null when a custom `groupBy` leaves it out, or the problem it returned. */
function keyOf(
  complaint: IncidentComplaint,
  index: number,
  groupBy: IncidentGroupBy,
): string | null | RedressIssue {
  if (groupBy === 'cause') return causeKey(complaint);
  if (groupBy === 'category') return complaint.category;
  const own = groupBy(complaint);
  if (own === null || own === undefined) return null;
  if (typeof own !== 'string' || own === '') {
    return issue('invalid_type', [index], 'groupBy must return a non-empty string, null or undefined');
  }
  return own;
}

const COMPLAINT: PlainJsonKind = {
  noun: 'complaint',
  invalid: 'INVALID_COMPLAINT',
  sizeLimit: 'maxComplaintBytes',
};

/** An error about one complaint, with its issues under the complaint's position in the input. */
function atPosition(error: RedressError, index: number): RedressError {
  const issues = error.issues.map((i) => {
    const own = `${formatPath(i.path)}: `;
    const message = i.message.startsWith(own) ? i.message.slice(own.length) : i.message;
    return issue(i.code, [index, ...i.path], message, i.hint === undefined ? {} : { hint: i.hint });
  });
  return new RedressError(error.code, issues, { cause: error });
}

/** Turns complaints into entries, sharing one cause object per cause. */
export class EntryReader {
  private readonly causes = new Map<string, IncidentCause>();

  constructor(readonly groupBy: IncidentGroupBy) {}

  /**
   * Reads an untrusted complaint as `parseComplaint` does first: within `limits`, through the
   * hostile-input walk (proxies, throwing getters, prototype keys, non-JSON values), then `read` on the
   * plain copy.
   * @returns the entry, null when a custom `groupBy` leaves it out, or the error refusing it (its
   *   issues under the complaint's position).
   */
  readUntrusted(value: unknown, index: number, within: Limits): Entry | null | RedressError {
    const plain = readUntrusted(value, COMPLAINT, within);
    if (!plain.ok) return atPosition(plain.error, index);
    const entry = this.read(plain.value, index);
    return Array.isArray(entry) ? new RedressError('INVALID_COMPLAINT', entry) : entry;
  }

  /**
   * Reads the fields detection needs from one complaint, checking each.
   * @returns the entry, null when a custom `groupBy` leaves it out, or the problems found.
   */
  read(value: unknown, index: number): Entry | null | RedressIssue[] {
    const complaint = value as IncidentComplaint;
    let time = surelyValidAt(value, this.groupBy);
    if (Number.isNaN(time)) {
      const problems = problemsOf(value, index, this.groupBy);
      if (problems.length > 0) return problems;
      time = timestampMs(complaint.receivedAt);
    }
    return this.entryAt(complaint, index, time);
  }

  /**
   * `read` for a complaint the complaint schema has taken already (what `parseComplaint` returns),
   * received at `time` (its `receivedAt` in epoch milliseconds, which its reader worked out): the
   * fields detection reads are not checked, nor the time read, again.
   */
  readValid(complaint: IncidentComplaint, index: number, time: number): Entry | null | RedressIssue[] {
    return this.entryAt(complaint, index, time);
  }

  private entryAt(complaint: IncidentComplaint, index: number, time: number): Entry | null | RedressIssue[] {
    const key = keyOf(complaint, index, this.groupBy);
    if (key === null) return null;
    if (typeof key !== 'string') return [key];
    return {
      index,
      id: complaint.id,
      time,
      cause: this.causeFor(key, complaint),
      isPublic: complaint.exposure?.public === true,
      incident: null,
      byRate: false,
    };
  }

  /** One cause object per key, made from the first complaint with it. */
  private causeFor(key: string, complaint: IncidentComplaint): IncidentCause {
    let cause = this.causes.get(key);
    if (!cause) {
      const groupBy = this.groupBy;
      cause =
        groupBy === 'cause'
          ? causeOf(complaint)
          : plainCause(key, groupBy === 'category' ? complaint.category : null);
      this.causes.set(key, cause);
    }
    return cause;
  }
}

/**
 * Turns untrusted input into entries, checking every complaint; throws with every problem found (up
 * to 100), under the code of the first complaint refused (`LIMIT_EXCEEDED`, `INVALID_JSON` or
 * `INVALID_COMPLAINT`).
 */
export function readEntries(
  complaints: Iterable<unknown>,
  groupBy: IncidentGroupBy,
  within: Limits,
): Entry[] {
  const reader = new EntryReader(groupBy);
  const entries: Entry[] = [];
  const problems: RedressIssue[] = [];
  let first: RedressError | undefined;
  let index = 0;
  for (const complaint of complaints) {
    const entry = reader.readUntrusted(complaint, index++, within);
    if (entry === null) continue;
    if (entry instanceof RedressError) {
      first ??= entry;
      if (problems.length < 100) problems.push(...entry.issues);
    } else {
      entries.push(entry);
    }
  }
  if (first) throw new RedressError(first.code, problems.slice(0, 100));
  return entries;
}
