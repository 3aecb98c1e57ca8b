import type { IncidentCause } from '../policy/incident-mark';
import { compareEntries } from './engine';
import type { Entry } from './types';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

function grown<T extends Float64Array | Uint32Array | Uint8Array>(array: T, needed: number): T {
  if (needed <= array.length) return array;
  const next = new (array.constructor as new (n: number) => T)(Math.max(needed, array.length * 2));
  next.set(array);
  return next;
}

/**
 * What the columns keep of an entry: its id, time, cause and reach. A replay's entries that crossed
 * from a worker thread are counted as they arrive, without being made whole detection entries first.
 */
export type ColumnEntry = Pick<Entry, 'id' | 'time' | 'cause' | 'isPublic'>;

/**
 * What detection reads of each complaint, packed in typed arrays instead of an object per complaint:
 * its time (8 bytes), cause (4), whether it is public (1), and its id as UTF-8 (4 bytes and the id's
 * length). About 30 bytes a complaint of the benchmark's, where an entry object with its id string
 * takes some 130, and a parsed complaint some 1,100: a file out of time order is read once for its
 * incidents in this, and the complaints themselves are read again as the results are made.
 * Complaints are numbered in the order they are added (their ordinal), which is the `index` of the
 * entries made back from the columns.
 */
export class EntryColumns {
  private times = new Float64Array(1024);
  private causes = new Uint32Array(1024);
  private publics = new Uint8Array(1024);
  /** Where each id ends in `idBytes`; it starts where the one before ended. */
  private idEnds = new Uint32Array(1024);
  private idBytes = new Uint8Array(16_384);
  private readonly causeList: IncidentCause[] = [];
  /** By cause key: entries made apart (in a worker thread, or by two readers) share one number per cause. */
  private readonly causeNumbers = new Map<string, number>();
  /** Complaints added. */
  length = 0;

  /** Adds an entry's fields; it is numbered `length` before the call. */
  add(entry: ColumnEntry): void {
    const k = this.length++;
    this.times = grown(this.times, k + 1);
    this.causes = grown(this.causes, k + 1);
    this.publics = grown(this.publics, k + 1);
    this.idEnds = grown(this.idEnds, k + 1);
    this.times[k] = entry.time;
    this.causes[k] = this.causeNumber(entry.cause);
    this.publics[k] = entry.isPublic ? 1 : 0;
    const start = k === 0 ? 0 : (this.idEnds[k - 1] as number);
    // UTF-8 takes at most three bytes per UTF-16 unit.
    this.idBytes = grown(this.idBytes, start + entry.id.length * 3);
    const { written } = encoder.encodeInto(entry.id, this.idBytes.subarray(start));
    this.idEnds[k] = start + written;
  }

  time(k: number): number {
    return this.times[k] as number;
  }

  id(k: number): string {
    const start = k === 0 ? 0 : (this.idEnds[k - 1] as number);
    return decoder.decode(this.idBytes.subarray(start, this.idEnds[k]));
  }

  /** Bytes the columns take, with the room they have grown for the complaints still to come. */
  get byteLength(): number {
    const { times, causes, publics, idEnds, idBytes } = this;
    return times.byteLength + causes.byteLength + publics.byteLength + idEnds.byteLength + idBytes.byteLength;
  }

  /** The entry of complaint `k`, made anew (not yet in an incident), with `k` as its index. */
  entry(k: number): Entry {
    return {
      index: k,
      id: this.id(k),
      time: this.time(k),
      cause: this.causeList[this.causes[k] as number] as IncidentCause,
      isPublic: this.publics[k] === 1,
      incident: null,
      byRate: false,
    };
  }

  /**
   * The complaints in the order detection takes them (`compareEntries`: time, then id, then ordinal).
   * Sorted as packed integer keys of time and ordinal; only runs of equal times are ordered by id.
   */
  timeOrder(): Uint32Array {
    const n = this.length;
    const order = new Uint32Array(n);
    for (let k = 0; k < n; k++) order[k] = k;
    const times = this.times;
    order.sort((a, b) => (times[a] as number) - (times[b] as number) || a - b);
    for (let i = 0; i < n; ) {
      let j = i + 1;
      while (j < n && times[order[j] as number] === times[order[i] as number]) j++;
      if (j - i > 1) this.byId(order, i, j);
      i = j;
    }
    return order;
  }

  /**
   * The entries in the order detection takes them (`timeOrder`), each made as it is taken: what
   * `runOrdered` needs, holding an entry only while detection does.
   */
  *inTimeOrder(): Generator<Entry> {
    for (const k of this.timeOrder()) yield this.entry(k);
  }

  /** Orders `order[from, to)`, complaints of one time, as `compareEntries` does. */
  private byId(order: Uint32Array, from: number, to: number): void {
    const run = Array.from(order.subarray(from, to), (k) => ({ index: k, id: this.id(k), time: 0 }));
    run.sort((a, b) => compareEntries(a as Entry, b as Entry));
    run.forEach((e, i) => {
      order[from + i] = e.index;
    });
  }

  private causeNumber(cause: IncidentCause): number {
    let n = this.causeNumbers.get(cause.key);
    if (n === undefined) {
      n = this.causeList.length;
      this.causeList.push(cause);
      this.causeNumbers.set(cause.key, n);
    }
    return n;
  }
}
