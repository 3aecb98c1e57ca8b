import { withinWindow } from './case-key';
import { NO_SLOT, SlotIndex } from './slot-index';
import { grown, keyBytes, SlotTexts } from './slot-texts';

export { NO_SLOT } from './slot-index';

/**
 * The most cases a case book holds (about 100 bytes each in columns, keys and ids included: some
 * 10 MB). A stream in time order holds the cases opened in the last two windows, far fewer unless more
 * than 100,000 problems are reported within two windows; a stream far out of time order would
 * otherwise hold every case it ever opened.
 */
export const MAX_OPEN_CASES = 100_000;

/** When full, the book forgets down to this share of its capacity, so that it is not full again at once. */
const REFILL_SHARE = 0.9;

/** Slots a book starts with, then doubled as it needs: a small batch allocates little. */
const FIRST_SLOTS = 256;

/**
 * The open cases of a batch as numbered slots: each key's slot, the time its case opened, and the
 * order cases opened in, all in typed arrays (a key is kept as UTF-8 in `SlotTexts`). A `CaseBook`
 * keeps what a case gave in columns by the same slot numbers; a batch's guesses of where cases are
 * open use the slots alone.
 *
 * It holds only the cases a complaint can still join, and never more than `capacity` of them. A case is
 * forgotten once the latest complaint seen is more than two windows past its opening: a complaint at
 * most one window behind the latest (out of order within the window) still finds its case; one further
 * behind may open a new case. Memory grows with the cases opened in the last two windows, never with
 * the stream; and when even those are more than `capacity`, the book forgets first the cases no
 * complaint can join any more, then those opened first in input order.
 */
export class CaseSlots {
  private readonly keys = new SlotTexts();
  private readonly index = new SlotIndex(this.keys);
  private openedAts = new Float64Array(0);
  /** Input order of opening, as a doubly linked list of slots (a key opened again moves to the end). */
  private nexts = new Int32Array(0);
  private prevs = new Int32Array(0);
  private head = NO_SLOT;
  private tail = NO_SLOT;
  /** Slots free to take, linked through `nexts`. */
  private free = NO_SLOT;
  private slots = 0;
  private held = 0;
  private latest = Number.NEGATIVE_INFINITY;
  private nextSweep = Number.NEGATIVE_INFINITY;

  /**
   * @param window the case window in ms (`policy.caseWindowDays`).
   * @param capacity the most cases held at once.
   * @param forgotten told of each slot as its case is forgotten, before the slot is taken again.
   */
  constructor(
    private readonly window: number,
    readonly capacity: number = MAX_OPEN_CASES,
    private readonly forgotten: (slot: number) => void = () => {},
  ) {}

  /** Cases held now. */
  get size(): number {
    return this.held;
  }

  /** Slots there are (held or free): the length a column by slot needs. */
  get slotCount(): number {
    return this.slots;
  }

  /** The slot of the open case a complaint with `key`, received at `at`, belongs to, or `NO_SLOT`. */
  find(key: string, at: number): number {
    this.advance(at);
    const { bytes, hash } = keyBytes(key);
    const slot = this.index.find(bytes, hash);
    return slot !== NO_SLOT && withinWindow(at, this.openedAt(slot), this.window) ? slot : NO_SLOT;
  }

  /** `receivedAt` of the first complaint of the case in `slot`, epoch ms. */
  openedAt(slot: number): number {
    return this.openedAts[slot] as number;
  }

  /** Opens a case and makes room for it if the book is full: `add`, then `trim`. */
  open(key: string, openedAt: number): void {
    this.add(key, openedAt);
    this.trim();
  }

  /**
   * Opens a case (replacing one of the same key whose window has passed) in a slot of its own, and
   * returns the slot; may leave the book one over its capacity, until `trim`. A `CaseBook` fills the
   * slot's columns in between, so that making room sees the case as whole.
   */
  add(key: string, openedAt: number): number {
    const { bytes, hash } = keyBytes(key);
    const old = this.index.find(bytes, hash);
    if (old !== NO_SLOT) this.forget(old);
    const slot = this.take();
    this.keys.set(slot, bytes);
    this.index.add(slot, hash);
    this.openedAts[slot] = openedAt;
    this.append(slot);
    this.held += 1;
    return slot;
  }

  /** Makes room when the book holds more than its capacity. */
  trim(): void {
    if (this.held > this.capacity) this.makeRoom();
  }

  /** Bytes held by the slots' arrays and keys (the counted tests read it). */
  get byteLength(): number {
    const columns = this.openedAts.byteLength + this.nexts.byteLength + this.prevs.byteLength;
    return columns + this.keys.byteLength + this.index.byteLength;
  }

  /** Complaints older than this cannot join a case opened before it. */
  private get horizon(): number {
    return this.latest - 2 * this.window;
  }

  /** Moves the clock to the latest complaint seen, forgetting cases no complaint can join any more. */
  private advance(at: number): void {
    if (at <= this.latest) return;
    this.latest = at;
    if (at < this.nextSweep) return;
    // Once per window of time: each sweep is linear in the cases held, so the cost per complaint is
    // constant on average.
    this.sweep();
    this.nextSweep = at + Math.max(this.window, 1);
  }

  private sweep(): void {
    const horizon = this.horizon;
    for (let slot = this.head; slot !== NO_SLOT; ) {
      const next = this.nexts[slot] as number;
      if (this.openedAt(slot) < horizon) this.forget(slot);
      slot = next;
    }
  }

  /**
   * Full: forgets the cases behind the horizon (those opened out of order far behind the clock, which
   * the sweeps as the clock moves never see again once it stops), then, if that is not enough, those
   * opened first. Down to a share of the capacity, so that the linear sweep is paid once per many
   * cases opened.
   */
  private makeRoom(): void {
    this.sweep();
    const target = Math.floor(this.capacity * REFILL_SHARE);
    while (this.held > target) this.forget(this.head);
  }

  /** Forgets the case in `slot` and frees the slot. */
  private forget(slot: number): void {
    this.forgotten(slot);
    this.index.remove(slot);
    this.keys.free(slot);
    this.unlink(slot);
    this.nexts[slot] = this.free;
    this.free = slot;
    this.held -= 1;
  }

  /** A free slot, the arrays grown (doubled, up to one over the capacity) when none is left. */
  private take(): number {
    if (this.free === NO_SLOT) this.grow();
    const slot = this.free;
    this.free = this.nexts[slot] as number;
    return slot;
  }

  private grow(): void {
    const from = this.slots;
    const to = Math.max(from + 1, Math.min(Math.max(FIRST_SLOTS, from * 2), this.capacity + 1));
    this.openedAts = grown(this.openedAts, to);
    this.nexts = grown(this.nexts, to);
    this.prevs = grown(this.prevs, to);
    this.keys.resize(to);
    this.index.resize(to, this.heldSlots());
    for (let slot = to - 1; slot >= from; slot--) {
      this.nexts[slot] = this.free;
      this.free = slot;
    }
    this.slots = to;
  }

  private *heldSlots(): Generator<number> {
    for (let slot = this.head; slot !== NO_SLOT; slot = this.nexts[slot] as number) yield slot;
  }

  private append(slot: number): void {
    this.prevs[slot] = this.tail;
    this.nexts[slot] = NO_SLOT;
    if (this.tail === NO_SLOT) this.head = slot;
    else this.nexts[this.tail] = slot;
    this.tail = slot;
  }

  private unlink(slot: number): void {
    const prev = this.prevs[slot] as number;
    const next = this.nexts[slot] as number;
    if (prev === NO_SLOT) this.head = next;
    else this.nexts[prev] = next;
    if (next === NO_SLOT) this.tail = prev;
    else this.prevs[next] = prev;
  }
}
