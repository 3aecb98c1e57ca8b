import type { RemedyType } from '../../index';
import type { IncidentCause } from '../../policy/incident-mark';
import type { CaseNote, OpenedCase } from '../../recommend/link';
import { isLineError, type LineError } from '../line-record';
import { Doubles } from './doubles';
import type { AheadRecord, WireEntry } from './replay-ahead';
import type { TextRecord } from './replay-side';
import { remediesText, SAME_FOR_CUSTOMER, type Tallied, type TalliedRemedies } from './tallied';

/**
 * A chunk's answers as they cross from a replay's worker thread: every string once (a complaint's id
 * is in each rule set's decision, its case note and its incident entry; the rule names, reasons,
 * currencies, tiers and queues repeat from complaint to complaint), the numbers and the string
 * indices in one typed array, and the rare line errors as they are. Copying a chunk's records as
 * objects cost the calling thread, the replay's bottleneck, about 10 µs a complaint to read back
 * (some 45 strings and 15 objects each); this is a few hundred strings a chunk and one buffer.
 */
export interface PackedAhead {
  readonly strings: readonly string[];
  readonly numbers: Float64Array<ArrayBuffer>;
  /** Line errors, by position (a record's or one rule set's): rare, copied as objects. */
  readonly errors: readonly LineError[];
}

const NONE = -1;
/** Numbers a packed record takes, about, with two rule sets and room to spare. */
const NUMBERS_PER_RECORD = 96;
/** Where a decision's remedies' text would be: none, as the same for the customer as the other rule set's. */
const SAME = -2;

/** Writes a chunk's records into the packed form (on the worker thread). */
class Packer {
  private readonly strings: string[] = [];
  private readonly index = new Map<string, number>();
  private readonly numbers: Doubles;
  private readonly errors: LineError[] = [];

  /** A packer for `count` records: about 70 numbers each with two rule sets, room for more, so that it seldom grows. */
  constructor(count: number) {
    this.numbers = new Doubles(1 + count * NUMBERS_PER_RECORD);
  }

  pack(records: readonly AheadRecord[]): PackedAhead {
    this.numbers.push(records.length);
    for (const record of records) this.record(record);
    return { strings: this.strings, numbers: this.numbers.written(), errors: this.errors };
  }

  private record(record: AheadRecord): void {
    if ('failed' in record) {
      this.error(record.failed);
      return;
    }
    this.numbers.push(record.results.length);
    for (let i = 0; i < record.results.length; i++) {
      const result = record.results[i] as Tallied | LineError;
      if (isLineError(result)) this.error(result);
      else this.tallied(result);
      this.note(record.notes[i]);
    }
    this.entry(record.entry);
  }

  private error(error: LineError): void {
    this.numbers.push(NONE);
    this.numbers.push(this.errors.length);
    this.errors.push(error);
  }

  private tallied(t: Tallied): void {
    this.string(t.complaintId);
    this.string(t.currency);
    this.numbers.push(t.totalCost);
    this.numbers.push(t.restitutionCost);
    this.numbers.push(t.goodwillCost);
    this.list(t.types);
    if (t.remedies === SAME_FOR_CUSTOMER) this.numbers.push(SAME);
    else this.string(remediesText(t.remedies));
    this.string(t.band);
    this.string(t.tier);
    this.string(t.mode);
    this.nullable(t.queue);
    this.list(t.reasons);
    this.string(t.category);
    this.list(t.fired);
    if (t.saved === undefined) this.numbers.push(0);
    else {
      this.numbers.push(1);
      this.numbers.push(t.saved);
    }
  }

  private note(note: CaseNote | undefined): void {
    if (!note) {
      this.numbers.push(0);
      return;
    }
    this.numbers.push(note.opens ? 2 : 1);
    this.string(note.key);
    this.numbers.push(note.at);
    if (!note.opens) return;
    const { id, openedAt, owner, restitution, goodwillMinor } = note.opens;
    this.string(id);
    this.numbers.push(openedAt);
    this.string(owner);
    this.list(restitution);
    this.numbers.push(goodwillMinor);
  }

  private entry(entry: WireEntry | undefined): void {
    if (!entry) {
      this.numbers.push(0);
      return;
    }
    this.numbers.push(1);
    this.numbers.push(entry.index);
    this.string(entry.id);
    this.numbers.push(entry.time);
    this.numbers.push(entry.isPublic ? 1 : 0);
    const { key, category, sku, family, service, carrier } = entry.cause;
    this.string(key);
    for (const field of [category, sku, family, service, carrier]) this.nullable(field);
  }

  private list(items: readonly string[]): void {
    this.numbers.push(items.length);
    for (const item of items) this.string(item);
  }

  private nullable(value: string | null): void {
    if (value === null) this.numbers.push(NONE);
    else this.string(value);
  }

  private string(value: string): void {
    let at = this.index.get(value);
    if (at === undefined) {
      at = this.strings.length;
      this.strings.push(value);
      this.index.set(value, at);
    }
    this.numbers.push(at);
  }
}

/** A chunk's records in the form that crosses to the calling thread (see `PackedAhead`). */
export function packAhead(records: readonly AheadRecord[]): PackedAhead {
  return new Packer(records.length).pack(records);
}

/** Lists of up to this many strings are read once a chunk (see `Unpacker.list`). */
const SHARED_LIST = 3;
/** String indices below this make a shared list's key (four to a double's 53 bits, with the length). */
const KEYED_INDEX = 1 << 16;

/** Reads a packed chunk back into its records (in the calling thread), field for field as they were. */
class Unpacker {
  private at = 0;
  /** The short lists read so far, by their strings' indices: shared by every record of the chunk that has them. */
  private readonly lists = new Map<number, readonly string[]>();

  constructor(private readonly packed: PackedAhead) {}

  /** The records one at a time, in order, each read only when asked for. */
  *records(): IterableIterator<AheadRecord> {
    const count = this.number();
    for (let r = 0; r < count; r++) yield this.record();
  }

  private record(): AheadRecord {
    const sides = this.number();
    if (sides === NONE) return { failed: this.error() };
    // Made at their length: an empty array's first push makes room for 16 (the calling thread's garbage).
    const results: (Tallied | LineError)[] = new Array(sides);
    const notes: (CaseNote | undefined)[] = new Array(sides);
    for (let i = 0; i < sides; i++) {
      results[i] = this.result();
      notes[i] = this.note();
    }
    return { results, notes, entry: this.entry() };
  }

  /** One rule set's decision, or its line error (marked `NONE`, where a decision starts with a string). */
  private result(): Tallied | LineError {
    if (this.packed.numbers[this.at] !== NONE) return this.tallied();
    this.at += 1;
    return this.error();
  }

  private error(): LineError {
    return this.packed.errors[this.number()] as LineError;
  }

  private tallied(): Tallied {
    const complaintId = this.string();
    const currency = this.string();
    const totalCost = this.number();
    const restitutionCost = this.number();
    const goodwillCost = this.number();
    const types = this.list() as readonly RemedyType[];
    const remedies = this.remedies();
    const band = this.string() as Tallied['band'];
    const tier = this.string() as Tallied['tier'];
    const mode = this.string() as Tallied['mode'];
    const queue = this.nullable() as Tallied['queue'];
    const reasons = this.list();
    const category = this.string();
    const fired = this.list();
    const tallied: Tallied = {
      complaintId,
      currency,
      totalCost,
      restitutionCost,
      goodwillCost,
      types,
      remedies,
      band,
      tier,
      mode,
      queue,
      reasons,
      category,
      fired,
    };
    return this.number() === 1 ? { ...tallied, saved: this.number() } : tallied;
  }

  private remedies(): TalliedRemedies {
    if (this.packed.numbers[this.at] !== SAME) return this.string();
    this.at += 1;
    return SAME_FOR_CUSTOMER;
  }

  private note(): CaseNote | undefined {
    const kind = this.number();
    if (kind === 0) return undefined;
    const key = this.string();
    const at = this.number();
    if (kind === 1) return { key, at };
    const id = this.string();
    const openedAt = this.number();
    const owner = this.string();
    const restitution = this.list();
    const opens: OpenedCase = { id, openedAt, owner, restitution, goodwillMinor: this.number() };
    return { key, at, opens };
  }

  private entry(): WireEntry | undefined {
    if (this.number() === 0) return undefined;
    const index = this.number();
    const id = this.string();
    const time = this.number();
    const isPublic = this.number() === 1;
    const key = this.string();
    const category = this.nullable() as IncidentCause['category'];
    const sku = this.nullable();
    const family = this.nullable();
    const service = this.nullable();
    const carrier = this.nullable();
    const cause: IncidentCause = { key, category, sku, family, service, carrier };
    return { index, id, time, cause, isPublic };
  }

  /**
   * A list of strings. The short ones (a decision's remedy types, reasons and rules, a case's
   * restitution) repeat from complaint to complaint: each is made once a chunk and shared, read-only,
   * by the records that have it, instead of an array (and room for 16) per record and field.
   */
  private list(): readonly string[] {
    const length = this.number();
    if (length > SHARED_LIST) return this.fresh(length);
    let key = length;
    for (let i = 0; i < length; i++) {
      const index = this.packed.numbers[this.at + i] as number;
      if (index >= KEYED_INDEX) return this.fresh(length);
      key = key * KEYED_INDEX + index;
    }
    const known = this.lists.get(key);
    if (known) {
      this.at += length;
      return known;
    }
    const list = this.fresh(length);
    this.lists.set(key, list);
    return list;
  }

  /** A list of `length` strings read as they come, not shared. */
  private fresh(length: number): string[] {
    const items: string[] = new Array(length);
    for (let i = 0; i < length; i++) items[i] = this.string();
    return items;
  }

  private nullable(): string | null {
    const at = this.number();
    return at === NONE ? null : (this.packed.strings[at] as string);
  }

  private string(): string {
    return this.packed.strings[this.number()] as string;
  }

  private number(): number {
    return this.packed.numbers[this.at++] as number;
  }
}

/**
 * A chunk's answers as the replay holds them until their turn: records decided in this thread, or a
 * worker's answers still packed.
 */
export type AheadAnswers = readonly AheadRecord[] | PackedAhead;

/**
 * The records of a chunk's answers, in order, a packed chunk's read back only as each is asked for. A
 * worker's answers wait among the chunks in flight until the ones before them are settled: unpacked on
 * arrival, their objects (some 20 a complaint) were copied by every scavenge of the calling thread's
 * young generation meanwhile; packed, they are a buffer outside the heap and the chunk's strings.
 */
export function aheadRecords(answers: AheadAnswers): IterableIterator<AheadRecord> {
  return Array.isArray(answers) ? answers[Symbol.iterator]() : new Unpacker(answers as PackedAhead).records();
}

/**
 * A chunk for a replay's worker thread: its lines' texts one after the other as one string, and each
 * record's line number, position and text length in a buffer that is transferred, not copied. A
 * structured clone of an array of records cost the calling thread, the replay's bottleneck, an object
 * and a string to write per line; this is one string and one buffer a chunk.
 */
export interface AheadRequest {
  readonly id: number;
  readonly text: string;
  /** For each record: its line, its index and its text's length (in UTF-16 units). */
  readonly numbers: Float64Array<ArrayBuffer>;
}

/** A chunk's records as they cross to a worker thread (see `AheadRequest`). */
export function requestOf(id: number, records: readonly TextRecord[]): AheadRequest {
  const numbers = new Float64Array(records.length * 3);
  let text = '';
  for (const [r, record] of records.entries()) {
    numbers[r * 3] = record.line;
    numbers[r * 3 + 1] = record.index;
    numbers[r * 3 + 2] = record.text.length;
    text += record.text;
  }
  return { id, text, numbers };
}

/** The records of a chunk that crossed to a worker thread (see `AheadRequest`). */
export function recordsOf(request: AheadRequest): TextRecord[] {
  const { text, numbers } = request;
  const records: TextRecord[] = [];
  let at = 0;
  for (let r = 0; r < numbers.length; r += 3) {
    const end = at + (numbers[r + 2] as number);
    records.push({ line: numbers[r] as number, index: numbers[r + 1] as number, text: text.slice(at, end) });
    at = end;
  }
  return records;
}
