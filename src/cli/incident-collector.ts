import type { Complaint } from '../complaint/schema';
import { runOrdered } from '../incidents/burst-rule';
import type { ColumnEntry } from '../incidents/entry-columns';
import { EntryColumns } from '../incidents/entry-columns';
import { type IncidentOptions, settings } from '../incidents/options';
import { EntryReader } from '../incidents/reader';
import type { Entry, Incident } from '../incidents/types';

/** What detection found over the complaints collected. */
export interface CollectedIncidents {
  /** Every incident, sorted by first complaint: exactly what `detectIncidents` gives for the same complaints. */
  readonly incidents: readonly Incident[];
  /** Complaints detection looked at. */
  readonly complaints: number;
  /** `receivedAt` of the earliest and the latest of them, as UTC ISO strings; null when there were none. */
  readonly firstAt: string | null;
  readonly lastAt: string | null;
}

/**
 * Incident detection over complaints read one at a time and in any order (a JSON Lines file need not
 * be sorted by time), for `redress incidents` and `redress simulate`. Detection needs every complaint
 * before it can judge the first (an incident's baseline may come later in the file), so this keeps,
 * per complaint, only what detection reads — its id, time, public flag and cause — packed in typed
 * arrays (`EntryColumns`, as `recommend --incidents` keeps them: some 25 bytes and the id's, where an
 * entry object took about 150), never the complaint itself, and runs the library's own detection
 * (the burst rule behind `detectIncidents`) at the end, making each entry again only while the rule
 * holds it.
 */
export class IncidentCollector {
  private readonly reader: EntryReader;
  private readonly columns = new EntryColumns();
  private first = Number.POSITIVE_INFINITY;
  private last = Number.NEGATIVE_INFINITY;
  private found: CollectedIncidents | undefined;

  /** @throws RedressError `INVALID_OPTIONS` for bad options, before any input is read. */
  constructor(private readonly options: IncidentOptions) {
    this.reader = new EntryReader(settings(options).groupBy);
  }

  /** How complaints are grouped into causes: `cause` or `category`; undefined for a custom grouping. */
  get groupBy(): 'cause' | 'category' | undefined {
    const groupBy = this.reader.groupBy;
    return typeof groupBy === 'string' ? groupBy : undefined;
  }

  /**
   * What detection needs of one complaint: a parsed `Complaint`, or the JSON value of one the library
   * accepted (see `fromAcceptedJson`). `position` orders complaints at the same instant with the same
   * id (use the input line). Undefined when the complaint lacks a field detection reads.
   */
  read(complaint: unknown, position: number): Entry | undefined {
    const entry = this.reader.read(complaint, position);
    return entry === null || Array.isArray(entry) ? undefined : entry;
  }

  /**
   * `read` for a complaint `parseComplaint` returned, received at `time` (epoch milliseconds): its
   * fields are not checked again (a replay has validated each complaint once for every reader).
   */
  readValid(complaint: Complaint, position: number, time: number): Entry | undefined {
    const entry = this.reader.readValid(complaint, position, time);
    return entry === null || Array.isArray(entry) ? undefined : entry;
  }

  /** Counts a complaint that `read` returned: its fields are copied, the entry is not kept. */
  add(entry: ColumnEntry): void {
    this.columns.add(entry);
    if (entry.time < this.first) this.first = entry.time;
    if (entry.time > this.last) this.last = entry.time;
    this.found = undefined;
  }

  /** The incidents among the complaints added so far. */
  detect(): CollectedIncidents {
    if (this.found) return this.found;
    const complaints = this.columns.length;
    const some = complaints > 0;
    this.found = {
      incidents: runOrdered(this.columns.inTimeOrder(), this.options),
      complaints,
      firstAt: some ? new Date(this.first).toISOString() : null,
      lastAt: some ? new Date(this.last).toISOString() : null,
    };
    return this.found;
  }

  /** What the collector holds: the complaints added and the bytes their columns take. @internal */
  held(): { readonly complaints: number; readonly bytes: number } {
    return { complaints: this.columns.length, bytes: this.columns.byteLength };
  }
}

const trimmed = (value: unknown) => (typeof value === 'string' ? value.trim() : value);
const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

/** An order line's SKU and family trimmed; anything else about it as it is. */
const trimmedLine = (item: unknown) =>
  isObject(item)
    ? {
        ...item,
        sku: trimmed(item.sku),
        ...(item.family === undefined ? {} : { family: trimmed(item.family) }),
      }
    : item;

/**
 * The fields detection reads from the JSON value of a complaint the library accepted, as
 * `parseComplaint` would give them: ids, SKUs, families, carriers, plans and services trimmed, as the
 * complaint schema trims them. Cheaper than parsing the complaint again, which its recommender has
 * already done.
 */
export function fromAcceptedJson(value: unknown): unknown {
  if (!isObject(value)) return value;
  const { order, subscription } = value as { order?: unknown; subscription?: unknown };
  return {
    id: trimmed(value.id),
    receivedAt: value.receivedAt,
    category: value.category,
    ...(order === undefined ? {} : { order: orderFields(order) }),
    ...(subscription === undefined
      ? {}
      : {
          subscription: isObject(subscription)
            ? {
                ...subscription,
                plan: trimmed(subscription.plan),
                ...(subscription.service === undefined ? {} : { service: trimmed(subscription.service) }),
              }
            : subscription,
        }),
    ...(value.exposure === undefined ? {} : { exposure: value.exposure }),
  };
}

function orderFields(order: unknown): unknown {
  if (!isObject(order)) return order;
  const items = order.items;
  return {
    items: Array.isArray(items) ? items.map(trimmedLine) : items,
    ...(order.carrier === undefined ? {} : { carrier: trimmed(order.carrier) }),
  };
}
