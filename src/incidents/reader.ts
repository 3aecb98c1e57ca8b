import { CATEGORIES } from '../complaint/schema';
import { issue, RedressError, type RedressIssue } from '../errors';
import type { IncidentCause } from '../policy/incident-mark';
import { instantMs } from '../time/instant';
import { causeKey, causeOf } from './cause';
import type { IncidentGroupBy } from './options';
import type { Entry, IncidentComplaint } from './types';

const CATEGORY_SET: ReadonlySet<string> = new Set(CATEGORIES);

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
