import type { IncidentCause } from '../policy/incident-mark';
import { BlockColumn } from './block-column';
import { BlockTexts } from './block-texts';
import { compareEntries } from './burst-rule';
import { sortStable } from './stable-sort';
import type { Entry } from './types';

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
 * entries made back from the columns. The columns grow a block at a time (`BlockColumn`): arrays that
 * doubled held a million complaints' columns in room for 1,048,576 and, as they grew, the old copy too.
 */
export class EntryColumns {
  private readonly times = new BlockColumn(Float64Array);
  private readonly causes = new BlockColumn(Uint32Array);
  private readonly publics = new BlockColumn(Uint8Array);
  private readonly ids = new BlockTexts();
  private readonly causeList: IncidentCause[] = [];
  /** By cause key: entries made apart (in a worker thread, or by two readers) share one number per cause. */
  private readonly causeNumbers = new Map<string, number>();
  /** Complaints added. */
  length = 0;

  /** Adds an entry's fields; it is numbered `length` before the call. */
  add(entry: ColumnEntry): void {
    const k = this.length++;
    this.times.set(k, entry.time);
    this.causes.set(k, this.causeNumber(entry.cause));
    this.publics.set(k, entry.isPublic ? 1 : 0);
    this.ids.add(entry.id);
  }

  time(k: number): number {
    return this.times.get(k);
  }

  id(k: number): string {
    return this.ids.text(k);
  }

  /** Bytes the columns take, with the room they have grown for the complaints still to come. */
  get byteLength(): number {
    const { times, causes, publics, ids } = this;
    return times.byteLength + causes.byteLength + publics.byteLength + ids.byteLength;
  }

  /** The entry of complaint `k`, made anew (not yet in an incident), with `k` as its index. */
  entry(k: number): Entry {
    return {
      index: k,
      id: this.id(k),
      time: this.time(k),
      cause: this.causeList[this.causes.get(k)] as IncidentCause,
      isPublic: this.publics.get(k) === 1,
      incident: null,
      byRate: false,
    };
  }

  /**
   * The complaints in the order detection takes them (`compareEntries`: time, then id, then ordinal).
   * Sorted by time, stably, in typed memory (`sortStable`); only runs of equal times are ordered by id.
   */
  timeOrder(): Uint32Array {
    const n = this.length;
    const order = new Uint32Array(n);
    for (let k = 0; k < n; k++) order[k] = k;
    const times = this.times;
    // Stable, and the ordinals start in order: complaints of one time stay in input order.
    sortStable(order, (a, b) => times.get(a) - times.get(b));
    for (let i = 0; i < n; ) {
      const time = times.get(order[i] as number);
      let j = i + 1;
      while (j < n && times.get(order[j] as number) === time) j++;
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
