import { grown, type SlotTexts } from './slot-texts';

/** No slot: a key not held. */
export const NO_SLOT = -1;

/** The smallest table: a small batch allocates little. */
const MIN_TABLE = 512;

/**
 * Which slot holds a key: an open-addressing hash table (linear probing) of slot numbers in an
 * `Int32Array`, at most half full, instead of a `Map` of strings (about 30 bytes an entry and a string
 * per key). The keys themselves are in `keys`, compared byte for byte, so two keys with one hash are
 * never taken for one. Removal shifts the entries after it back (no tombstones), so a table that sees
 * millions of keys come and go stays as fast as one that saw only those it holds.
 */
export class SlotIndex {
  /** Slot + 1 at each position; 0 is empty. */
  private table = new Int32Array(MIN_TABLE);
  private mask = MIN_TABLE - 1;
  /** Per slot: the hash of its key, so that neither a probe nor a resize hashes a key again. */
  private hashes = new Int32Array(0);

  constructor(private readonly keys: SlotTexts) {}

  /** Makes room for keys in `slots` slots, rehashing the `held` slots (those the table holds). */
  resize(slots: number, held: Iterable<number>): void {
    this.hashes = grown(this.hashes, slots);
    let size = this.table.length;
    while (size < slots * 2) size *= 2;
    if (size === this.table.length) return;
    this.table = new Int32Array(size);
    this.mask = size - 1;
    for (const slot of held) this.place(slot);
  }

  /** The slot holding `key` (UTF-8, its hash `hash`), or `NO_SLOT`. */
  find(key: Uint8Array, hash: number): number {
    for (let i = hash & this.mask; ; i = (i + 1) & this.mask) {
      const entry = this.table[i] as number;
      if (entry === 0) return NO_SLOT;
      const slot = entry - 1;
      if (this.hashes[slot] === hash && this.keys.equals(slot, key)) return slot;
    }
  }

  /** Files `slot`, whose key is in `keys` already, under its key's `hash` (`hashBytes`). */
  add(slot: number, hash: number): void {
    this.hashes[slot] = hash;
    this.place(slot);
  }

  /** Takes `slot` out of the table. */
  remove(slot: number): void {
    let hole = this.positionOf(slot);
    // Every entry after the hole, up to the next empty position, that would no longer be found past
    // the hole moves into it (backward-shift deletion).
    for (let i = (hole + 1) & this.mask; this.table[i] !== 0; i = (i + 1) & this.mask) {
      const home = (this.hashes[(this.table[i] as number) - 1] as number) & this.mask;
      if (this.between(hole, home, i)) continue;
      this.table[hole] = this.table[i] as number;
      hole = i;
    }
    this.table[hole] = 0;
  }

  /** Bytes held by the table and the hashes (the counted tests read it). */
  get byteLength(): number {
    return this.table.byteLength + this.hashes.byteLength;
  }

  private place(slot: number): void {
    let i = (this.hashes[slot] as number) & this.mask;
    while (this.table[i] !== 0) i = (i + 1) & this.mask;
    this.table[i] = slot + 1;
  }

  private positionOf(slot: number): number {
    let i = (this.hashes[slot] as number) & this.mask;
    while (this.table[i] !== slot + 1) i = (i + 1) & this.mask;
    return i;
  }

  /** Whether `home` lies in the cyclic range (hole, i]: the entry at `i` is found without the hole. */
  private between(hole: number, home: number, i: number): boolean {
    return hole <= i ? hole < home && home <= i : hole < home || home <= i;
  }
}
