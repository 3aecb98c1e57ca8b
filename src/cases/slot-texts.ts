const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Where `utf8` writes: grown to the longest text seen, so that a lookup allocates nothing. */
let scratch = new Uint8Array(256);

/**
 * `text` in UTF-8, in a buffer shared by every call: valid until the next call, never kept. A case
 * book encodes a key once per lookup and compares bytes, instead of keeping a string per case.
 */
export function utf8(text: string): Uint8Array {
  // UTF-8 takes at most three bytes for each UTF-16 code unit.
  if (scratch.length < text.length * 3) scratch = new Uint8Array(text.length * 3);
  const { written } = encoder.encodeInto(text, scratch);
  return scratch.subarray(0, written);
}

/**
 * The last key `keyBytes` encoded, its UTF-8 (a copy of its own) and hash: a complaint's case key is
 * looked up and then filed in one case book, and in each rule set's book in turn in a replay, so most
 * calls ask for the key of the call before.
 */
let lastKey: string | undefined;
let lastBuffer = new Uint8Array(256);
let lastBytes = lastBuffer.subarray(0, 0);
let lastHash = 0;
/** What `keyBytes` answers, one object for every call. */
const keyed = { bytes: lastBytes, hash: 0 };

/**
 * A case key in UTF-8 and its hash (`hashBytes`): the bytes are valid until the next call, never kept.
 * Encoded and hashed once for the same key asked for again.
 */
export function keyBytes(key: string): { readonly bytes: Uint8Array; readonly hash: number } {
  if (key !== lastKey) {
    const bytes = utf8(key);
    if (lastBuffer.length < bytes.length) lastBuffer = new Uint8Array(bytes.length * 2);
    lastBuffer.set(bytes);
    lastBytes = lastBuffer.subarray(0, bytes.length);
    lastHash = hashBytes(bytes);
    lastKey = key;
  }
  keyed.bytes = lastBytes;
  keyed.hash = lastHash;
  return keyed;
}

/** FNV-1a over `bytes`: the hash a case book files a key under. */
export function hashBytes(bytes: Uint8Array): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) hash = Math.imul(hash ^ (bytes[i] as number), 0x01000193);
  return hash | 0;
}

/** A buffer `needed` long at least, holding what `array` held. */
export function grown<T extends Float64Array | Int32Array | Uint32Array | Uint8Array>(
  array: T,
  needed: number,
): T {
  if (array.length >= needed) return array;
  const next = new (array.constructor as new (length: number) => T)(needed);
  next.set(array);
  return next;
}

/**
 * More slots than a book ever has (at most `MAX_OPEN_CASES`, a hundred thousand): a text's start (an
 * Int32, under 2^31) times this, plus its slot, is under 2^53, one number exact in a double.
 */
const SLOTS = 2 ** 22;

/** Bytes of arena for each byte of live text after a compaction: room to write half as much again. */
const ROOM = 1.5;

/**
 * One short text per slot (a case's key, its id), as UTF-8 in one byte buffer: a string of V8 costs a
 * header and its own allocation, some 30 bytes more than its characters, and a case book holds
 * 100,000 cases. A text replaced or freed leaves its bytes behind until the buffer is full; then the
 * live texts are copied into a new buffer with room for half as much again, so each byte written is
 * copied a bounded number of times on average.
 */
export class SlotTexts {
  private bytes = new Uint8Array(4096);
  /** Bytes written since the last compaction, live or not. */
  private used = 0;
  /** Bytes of the texts held now. */
  private live = 0;
  /** Slots with a text now: a compaction sizes its list of them without a pass to count them. */
  private held = 0;
  /** Per slot: where its text starts, and its length in bytes (-1: no text). */
  private starts = new Int32Array(0);
  private lengths = new Int32Array(0);

  /** Makes room for `slots` slots (never fewer than it has). */
  resize(slots: number): void {
    const old = this.lengths.length;
    if (slots <= old) return;
    if (slots > SLOTS) throw new RangeError(`slot texts hold at most ${SLOTS} slots, not ${slots}`);
    this.starts = grown(this.starts, slots);
    this.lengths = grown(this.lengths, slots);
    this.lengths.fill(-1, old);
  }

  /** Keeps `text` (UTF-8, as `utf8` gives it) as the text of `slot`. */
  set(slot: number, text: Uint8Array): void {
    this.free(slot);
    if (this.used + text.length > this.bytes.length) this.compact(text.length);
    this.bytes.set(text, this.used);
    this.starts[slot] = this.used;
    this.lengths[slot] = text.length;
    this.used += text.length;
    this.live += text.length;
    this.held += 1;
  }

  /** Forgets the text of `slot`. */
  free(slot: number): void {
    const length = this.lengths[slot] as number;
    if (length < 0) return;
    this.live -= length;
    this.lengths[slot] = -1;
    this.held -= 1;
  }

  /** Whether the text of `slot` is `text`, byte for byte. */
  equals(slot: number, text: Uint8Array): boolean {
    if (this.lengths[slot] !== text.length) return false;
    const start = this.starts[slot] as number;
    for (let i = 0; i < text.length; i++) if (this.bytes[start + i] !== text[i]) return false;
    return true;
  }

  /** The text of `slot`, as a string. */
  text(slot: number): string {
    const start = this.starts[slot] as number;
    return decoder.decode(this.bytes.subarray(start, start + (this.lengths[slot] as number)));
  }

  /** Bytes held by the buffers (the counted tests read it). */
  get byteLength(): number {
    return this.bytes.byteLength + this.starts.byteLength + this.lengths.byteLength;
  }

  /**
   * Moves the live texts together, with room for `incoming` more bytes and then some: within the buffer
   * when they fit (a new buffer each time left the old one for the collector, tens of megabytes of
   * garbage outside the heap that V8 is slow to collect), into a new one when they do not, or when the
   * buffer is four times what they need (a book that held a burst of cases gives the memory back).
   */
  private compact(incoming: number): void {
    const size = Math.max(4096, Math.ceil((this.live + incoming) * ROOM));
    const fits = size <= this.bytes.length && size * 4 > this.bytes.length;
    const target = fits ? this.bytes : new Uint8Array(size);
    const move = fits
      ? (from: number, to: number, at: number) => target.copyWithin(at, from, to)
      : (from: number, to: number, at: number) => target.set(this.bytes.subarray(from, to), at);
    // Texts that lie one after the other move in one copy: after a compaction most live texts do.
    let at = 0;
    let runFrom = 0;
    let runTo = 0;
    let runAt = 0;
    for (const key of this.byStart()) {
      // Not `key % SLOTS`: a remainder of doubles past 2^31 is a slow call, a power of two's quotient exact.
      const slot = key - Math.floor(key / SLOTS) * SLOTS;
      const start = this.starts[slot] as number;
      if (start !== runTo) {
        // In order of where the texts are: moving each down never overwrites one not yet moved.
        move(runFrom, runTo, runAt);
        runFrom = start;
        runAt = at;
      }
      runTo = start + (this.lengths[slot] as number);
      this.starts[slot] = at;
      at += runTo - start;
    }
    move(runFrom, runTo, runAt);
    this.bytes = target;
    this.used = at;
  }

  /**
   * The slots with a text, in order of where their text is in the buffer, each as one number, its
   * start above its slot (`start * SLOTS + slot`), sorted by the typed array's own numeric sort: a
   * sort calling back a comparator for each pair was about 2% of a replay's calling thread.
   */
  private byStart(): Float64Array {
    const keys = new Float64Array(this.held);
    let i = 0;
    for (let slot = 0; slot < this.lengths.length; slot++)
      if ((this.lengths[slot] as number) >= 0) keys[i++] = (this.starts[slot] as number) * SLOTS + slot;
    return keys.sort();
  }
}
