import { BookedCase, type CaseColumns } from './booked-case';
import { CaseSlots, MAX_OPEN_CASES, NO_SLOT } from './case-slots';
import type { OpenCaseRecord } from './open-case-record';
import { grown, SlotTexts, utf8 } from './slot-texts';

export { MAX_OPEN_CASES } from './case-slots';
export type { OpenCaseRecord } from './open-case-record';

const NONE: readonly string[] = Object.freeze([]);

/**
 * The open cases of a batch, by case key (see `CaseSlots` for which it holds, and for how long). Each
 * case is kept in columns by slot, not as an object: its id as UTF-8 beside the keys' bytes, its
 * goodwill in a `Float64Array`, its owner and restitution list as references to strings and lists
 * shared between cases. A case book holds up to 100,000 cases, and an object per case, with a `Map`
 * entry and a string for its key and its id, took about 260 bytes where the columns take about 100.
 * `find` hands out a view of the case (`BookedCase`) that reads and writes the columns.
 */
export class CaseBook implements CaseColumns {
  private readonly slots: CaseSlots;
  private readonly ids = new SlotTexts();
  private owners: string[] = [];
  private restitutions: (readonly string[])[] = [];
  private goodwill = new Float64Array(0);
  /** Per slot: how many cases it has held, so that a view of a forgotten case is told apart. */
  private stamps = new Uint32Array(0);

  /**
   * @param window the case window in ms (`policy.caseWindowDays`).
   * @param capacity the most cases held at once.
   */
  constructor(window: number, capacity: number = MAX_OPEN_CASES) {
    this.slots = new CaseSlots(window, capacity, (slot) => this.release(slot));
  }

  /** Cases held now. */
  get size(): number {
    return this.slots.size;
  }

  /** The most cases held at once. */
  get capacity(): number {
    return this.slots.capacity;
  }

  /** The open case a complaint with `key`, received at `at`, belongs to, if any. */
  find(key: string, at: number): OpenCaseRecord | undefined {
    const slot = this.slots.find(key, at);
    return slot === NO_SLOT ? undefined : new BookedCase(this, slot, this.stamps[slot] as number);
  }

  /** Opens a case (replacing one of the same key whose window has passed), copying `record` into the book. */
  open(key: string, record: OpenCaseRecord): void {
    const slot = this.slots.add(key, record.openedAt);
    this.fit(this.slots.slotCount);
    this.ids.set(slot, utf8(record.id));
    this.owners[slot] = record.owner;
    this.restitutions[slot] = record.restitution;
    this.goodwill[slot] = record.goodwillMinor;
    this.slots.trim();
  }

  /** Bytes held by the book's arrays, keys and ids (the counted tests read it). */
  get byteLength(): number {
    // A JavaScript array of references takes 4 bytes an element (V8's compressed pointers).
    const references = 4 * (this.owners.length + this.restitutions.length);
    const columns = this.goodwill.byteLength + this.stamps.byteLength + references;
    return this.slots.byteLength + this.ids.byteLength + columns;
  }

  check(slot: number, stamp: number): void {
    if (this.stamps[slot] !== stamp)
      throw new Error(
        `internal: case slot ${slot} was forgotten and taken again while a view of it was held`,
      );
  }

  id(slot: number): string {
    return this.ids.text(slot);
  }

  openedAt(slot: number): number {
    return this.slots.openedAt(slot);
  }

  owner(slot: number): string {
    return this.owners[slot] as string;
  }

  restitution(slot: number): readonly string[] {
    return this.restitutions[slot] as readonly string[];
  }

  goodwillMinor(slot: number): number {
    return this.goodwill[slot] as number;
  }

  give(slot: number, restitution: readonly string[], goodwillMinor: number): void {
    this.restitutions[slot] = restitution;
    this.goodwill[slot] = goodwillMinor;
  }

  /** A case forgotten: its id's bytes freed, its references dropped, its slot's views made stale. */
  private release(slot: number): void {
    this.ids.free(slot);
    this.owners[slot] = '';
    this.restitutions[slot] = NONE;
    this.stamps[slot] = (this.stamps[slot] as number) + 1;
  }

  /** Columns for `slots` slots. */
  private fit(slots: number): void {
    if (this.owners.length >= slots) return;
    this.ids.resize(slots);
    this.goodwill = grown(this.goodwill, slots);
    this.stamps = grown(this.stamps, slots);
    while (this.owners.length < slots) {
      this.owners.push('');
      this.restitutions.push(NONE);
    }
  }
}
