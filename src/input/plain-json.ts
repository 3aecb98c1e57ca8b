import {
  isRedressError,
  issue,
  type PathSegment,
  RedressError,
  type RedressErrorCode,
  type RedressIssue,
} from '../errors';
import { countStrings, duplicateKeyError, parseJsonText } from './json-text';
import { type LimitName, type Limits, limitIssue } from './limits';

/**
 * The first look at an untrusted value, before any schema sees it: one iterative, bounded walk that
 * copies it into plain JSON data and refuses what must never get further.
 *
 * - Limits (`LIMIT_EXCEEDED`, the walk stops at the first): nesting depth, string and key length, array
 *   length, the number of rules, and the size of the value's compact JSON. The walk does a constant
 *   amount of work per byte of that JSON, so an input over a limit is refused after at most about
 *   `limit` steps, whatever its shape — shared references and cycles included. It bounds the size
 *   first (see `walk`); a value whose bound passes the limit is walked once more, counted exactly.
 * - Refusals (the kind's `INVALID_…` code, every one found): keys that reach a prototype (`__proto__`,
 *   `constructor`, `prototype`), lone surrogates, `NaN`/`Infinity`, `-0`, and anything JSON cannot hold
 *   (functions, symbols, bigints, dates, class instances, accessor properties).
 *
 * The copy, not the caller's object, is what the schema reads, so a getter or proxy cannot show the
 * check one value and the schema another.
 */

/** What is being walked. */
export interface PlainJsonKind {
  /** "complaint", "rule set". */
  readonly noun: string;
  /** Error code for a refused value. */
  readonly invalid: RedressErrorCode;
  /** The limit on the whole value's size. */
  readonly sizeLimit: LimitName;
  /** When set, the array at `["rules"]` is bounded by `maxRules` rather than `maxArrayLength`. */
  readonly hasRules?: boolean;
}

/** Keys that would reach an object's prototype if copied naively. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

// A lone surrogate cannot be encoded as UTF-8: the same text would read differently in each system it
// passes through. `isWellFormed` (Node 20) finds one without a regular expression, on every string
// and key of every input.

const MAX_REFUSALS = 100;

/** A container still to copy. The path is kept as parent links and spelled out only for an error. */
interface Frame {
  readonly value: object;
  readonly parent: Frame | undefined;
  readonly key: PathSegment;
  readonly depth: number;
  /** The copy being filled; undefined when the walk only checks (JSON.parse's own fresh value). */
  readonly copy: Record<string, unknown> | unknown[] | undefined;
}

/** Leaves the walk from inside a callback with its result. */
class Stop {
  constructor(readonly result: PlainJsonResult) {}
}

/** The path of `key` in the container `at`; the root (no key) is `[]`. */
function where(at: Frame | undefined, key: PathSegment | undefined): PathSegment[] {
  return key === undefined ? [] : pathOf(at, key);
}

/** The path of a container opened under `parent` at `key`; the root (no parent) is `[]`. */
function whereIn(parent: Frame | undefined, key: PathSegment): PathSegment[] {
  return where(parent, parent === undefined ? undefined : key);
}

function pathOf(frame: Frame | undefined, ...tail: PathSegment[]): PathSegment[] {
  const path: PathSegment[] = [];
  for (let f = frame; f?.parent !== undefined; f = f.parent) path.push(f.key);
  return path.reverse().concat(tail);
}

/** Bytes `value` adds to compact JSON as a string: quotes, escapes and UTF-8. */
function stringBytes(value: string): number {
  let bytes = 2;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 0x20) bytes += c === 0x08 || c === 0x09 || c === 0x0a || c === 0x0c || c === 0x0d ? 2 : 6;
    else if (c === 0x22 || c === 0x5c) bytes += 2;
    else if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      const next = value.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 6;
    } else if (c >= 0xdc00 && c <= 0xdfff) bytes += 6;
    else bytes += 3;
  }
  return bytes;
}

function describeValue(value: unknown): string {
  if (typeof value === 'function') return 'a function';
  if (typeof value === 'symbol') return 'a symbol';
  if (typeof value === 'bigint') return 'a bigint';
  if (value instanceof Date) return 'a Date (write an ISO 8601 string)';
  const name = (value as { constructor?: { name?: unknown } }).constructor?.name;
  return typeof name === 'string' && name !== '' ? `an instance of ${name.slice(0, 64)}` : 'an exotic object';
}

/**
 * Copies `input` into plain JSON data within `limits`, or returns the error that refuses it.
 * `countBytes` is off when the caller already measured the input's JSON text. With `copy` off (only
 * for what `JSON.parse` just made: fresh, plain, nobody else's) the value is checked the same way and
 * returned as it is.
 */
export function toPlainJson(
  input: unknown,
  kind: PlainJsonKind,
  limits: Limits,
  countBytes: boolean,
  copy = true,
): PlainJsonResult {
  try {
    return walk(input, kind, limits, countBytes, copy);
  } catch (cause) {
    // Only a caller's own exotic object (a proxy, a throwing getter on a prototype) gets here.
    const message = cause instanceof Error ? cause.message : String(cause);
    return {
      ok: false,
      error: new RedressError(
        kind.invalid,
        [issue('unreadable', [], `the ${kind.noun} could not be read: ${message.slice(0, 200)}`)],
        { cause },
      ),
    };
  }
}

/**
 * A plain copy of the input (with the number of keys and strings in it, for the duplicate-key check),
 * or why there is none.
 */
export type PlainJsonResult =
  | { ok: true; value: unknown; strings: number }
  | { ok: false; error: RedressError };

/** Reverses the frames pushed since `mark`, so that the first of them is walked first. */
function reverseFrom(stack: Frame[], mark: number): void {
  for (let lo = mark, hi = stack.length - 1; lo < hi; lo++, hi--) {
    const t = stack[lo] as Frame;
    stack[lo] = stack[hi] as Frame;
    stack[hi] = t;
  }
}

/** One walk over one input: what it refused, and the bytes and strings counted so far. */
class Walk {
  private readonly refused: RedressIssue[] = [];
  private readonly stack: Frame[] = [];
  private readonly maxBytes: number;
  private bytes = 0;
  private strings = 0;

  constructor(
    private readonly kind: PlainJsonKind,
    private readonly limits: Limits,
    private readonly countBytes: boolean,
    private readonly copying: boolean,
    private readonly exact: boolean,
  ) {
    this.maxBytes = limits[kind.sizeLimit];
  }

  /** The plain copy of `input`, or the first limit it exceeds, or every refusal found. */
  run(input: unknown): PlainJsonResult {
    try {
      if (typeof input !== 'object' || input === null) return this.scalar(input);
      return this.tree(input);
    } catch (thrown) {
      // `string` throws its limit result to leave the walk from inside a leaf.
      if (thrown instanceof Stop) return thrown.result;
      throw thrown;
    }
  }

  private refuse(code: string, path: PathSegment[], message: string, hint?: string): void {
    if (this.refused.length < MAX_REFUSALS)
      this.refused.push(issue(code, path, message, hint ? { hint } : undefined));
  }

  private refusal(): PlainJsonResult {
    return { ok: false, error: new RedressError(this.kind.invalid, this.refused) };
  }

  private exceeded(name: LimitName, path: PathSegment[], what: string): PlainJsonResult {
    return {
      ok: false,
      error: new RedressError('LIMIT_EXCEEDED', [limitIssue(name, this.limits[name], path, what)]),
    };
  }

  private tooLarge(): PlainJsonResult {
    if (!this.exact) return RECOUNT;
    return this.exceeded(
      this.kind.sizeLimit,
      [],
      `the ${this.kind.noun} (more than ${this.maxBytes} bytes as JSON)`,
    );
  }

  /** An input that is a single value, not a container. */
  private scalar(input: unknown): PlainJsonResult {
    const value = this.leaf(input, undefined, undefined);
    if (this.bytes > this.maxBytes) return this.tooLarge();
    return this.refused.length > 0 ? this.refusal() : { ok: true, value, strings: this.strings };
  }

  /** An object or array: copied container by container, depth first and in document order. */
  private tree(input: object): PlainJsonResult {
    const top = this.open(input, undefined, '');
    if (top === undefined || !('copy' in top)) return top ?? this.refusal();
    if (this.bytes > this.maxBytes) return this.tooLarge();
    const stack = this.stack;
    stack.push(top);
    while (stack.length > 0) {
      const frame = stack.pop() as Frame;
      // A container's leaves are checked as it is read; the containers in it are walked next, depth first
      // and in document order, so the walk's order does not depend on the input's shape.
      const mark = stack.length;
      const stop = Array.isArray(frame.value) ? this.readArray(frame) : this.readObject(frame);
      if (stop) return stop;
      reverseFrom(stack, mark);
    }
    if (this.refused.length > 0) return this.refusal();
    return { ok: true, value: this.copying ? top.copy : input, strings: this.strings };
  }

  private readArray(frame: Frame): PlainJsonResult | undefined {
    const value = frame.value as unknown[];
    for (let i = 0; i < value.length; i++) {
      const stop = this.visit(frame, i, value[i]);
      if (stop) return stop;
    }
    return undefined;
  }

  private readObject(frame: Frame): PlainJsonResult | undefined {
    const value = frame.value as Record<string, unknown>;
    let first = true;
    for (const k of Object.keys(value)) {
      if (k.length > this.limits.maxStringLength) {
        return this.exceeded('maxStringLength', pathOf(frame), `a key of ${k.length} characters`);
      }
      if (!this.keyAllowed(frame, k)) continue;
      this.strings++;
      const child = value[k];
      // JSON.stringify leaves out undefined properties; so do we, and optional fields stay optional.
      if (child === undefined) continue;
      if (this.countBytes) this.bytes += this.textBytes(k) + (first ? 1 : 2);
      first = false;
      const stop = this.visit(frame, k, child);
      if (stop) return stop;
    }
    return undefined;
  }

  private keyAllowed(frame: Frame, k: string): boolean {
    if (FORBIDDEN_KEYS.has(k)) {
      this.refuse('forbidden_key', pathOf(frame, k), `the key "${k}" is not allowed anywhere`, 'remove it');
      return false;
    }
    if (!k.isWellFormed()) {
      this.refuse('lone_surrogate', pathOf(frame, k), 'the key contains a lone UTF-16 surrogate');
      return false;
    }
    return true;
  }

  /** Copies one child into `frame.copy`: a leaf at once, a container as a frame on the stack. */
  private visit(frame: Frame, key: string | number, child: unknown): PlainJsonResult | undefined {
    if (typeof child === 'object' && child !== null) {
      const next = this.open(child, frame, key);
      if (next === undefined) return undefined;
      if (!('copy' in next)) return next;
      if (frame.copy) (frame.copy as Record<string | number, unknown>)[key] = next.copy;
      this.stack.push(next);
    } else {
      const made = this.leaf(child, frame, key);
      if (made !== undefined && frame.copy) (frame.copy as Record<string | number, unknown>)[key] = made;
    }
    return this.bytes > this.maxBytes ? this.tooLarge() : undefined;
  }

  /** A string's bytes in compact JSON: exactly, or at most (six a UTF-16 unit: `\u0000`) on the first walk. */
  private textBytes(value: string): number {
    return this.exact ? stringBytes(value) : value.length * 6 + 2;
  }

  /** Checks a leaf and returns what the copy holds, or `undefined` to leave the key out. */
  private leaf(value: unknown, at: Frame | undefined, key: PathSegment | undefined): unknown {
    switch (typeof value) {
      case 'string':
        return this.string(value, at, key);
      case 'number':
        return this.number(value, at, key);
      case 'boolean':
        if (this.countBytes) this.bytes += value ? 4 : 5;
        return value;
      case 'undefined':
        // Only array elements get here: JSON writes them as null; the schema says what it expected.
        if (this.countBytes) this.bytes += 4;
        return undefined;
      default:
        if (value === null) {
          if (this.countBytes) this.bytes += 4;
          return null;
        }
        this.refuse('not_json', where(at, key), `${describeValue(value)} is not JSON data`);
        return undefined;
    }
  }

  private string(value: string, at: Frame | undefined, key: PathSegment | undefined): string {
    if (value.length > this.limits.maxStringLength)
      throw new Stop(
        this.exceeded('maxStringLength', where(at, key), `a string of ${value.length} characters`),
      );
    if (!value.isWellFormed()) {
      this.refuse(
        'lone_surrogate',
        where(at, key),
        'contains a lone UTF-16 surrogate, which no UTF-8 text can hold',
      );
    }
    if (this.countBytes) this.bytes += this.textBytes(value);
    this.strings++;
    return value;
  }

  private number(value: number, at: Frame | undefined, key: PathSegment | undefined): number {
    if (!Number.isFinite(value)) {
      this.refuse(
        'non_finite_number',
        where(at, key),
        `${value} is not a finite number (JSON has no NaN or Infinity)`,
      );
    } else if (Object.is(value, -0)) {
      this.refuse('negative_zero', where(at, key), '-0 is not accepted; write 0');
    }
    if (this.countBytes) this.bytes += this.exact ? String(value).length : MAX_NUMBER_BYTES;
    return value;
  }

  /** Opens a container: checks it, and returns its empty copy and the frame that fills it. */
  private open(
    value: object,
    parent: Frame | undefined,
    key: PathSegment,
  ): Frame | PlainJsonResult | undefined {
    const depth = (parent?.depth ?? 0) + 1;
    if (depth > this.limits.maxDepth)
      return this.exceeded(
        'maxDepth',
        whereIn(parent, key),
        `nesting deeper than ${this.limits.maxDepth} levels`,
      );
    const proto = Object.getPrototypeOf(value);
    if (Array.isArray(value) && proto === Array.prototype) return this.openArray(value, parent, key, depth);
    if (proto !== Object.prototype && proto !== null) {
      this.refuse('not_json', whereIn(parent, key), `${describeValue(value)} is not JSON data`);
      return undefined;
    }
    if (this.countBytes) this.bytes += 2;
    return { value, parent, key, depth, copy: this.copying ? {} : undefined };
  }

  private openArray(
    value: unknown[],
    parent: Frame | undefined,
    key: PathSegment,
    depth: number,
  ): Frame | PlainJsonResult {
    const isRules = this.kind.hasRules === true && depth === 2 && key === 'rules';
    const cap = isRules ? 'maxRules' : 'maxArrayLength';
    if (value.length > this.limits[cap]) {
      const what = isRules ? `${value.length} rules` : `an array of ${value.length} elements`;
      return this.exceeded(cap, whereIn(parent, key), what);
    }
    if (this.countBytes) this.bytes += 2 + Math.max(0, value.length - 1);
    return { value, parent, key, depth, copy: this.copying ? new Array(value.length) : undefined };
  }
}

/** The longest text of a number in JSON: `-0.0000012345678901234567`. */
const MAX_NUMBER_BYTES = 25;

/**
 * What a walk that only bounds the bytes answers once the bound passes the limit: walk again, exactly.
 * It never leaves `walk`.
 */
const RECOUNT: PlainJsonResult = { ok: false, error: new RedressError('LIMIT_EXCEEDED', []) };

/**
 * Walks `input` once, counting its bytes as at most 6 a string's UTF-16 unit and 25 a number (a few
 * nanoseconds where the exact count reads every character and writes every number out: 1.8 µs of a
 * generated complaint's 4.0). The exact count is at most the bound at every step, so while the bound
 * stays within the limit the exact walk would stop at the same place with the same answer; only when
 * it passes the limit (for a value of a sixth of the limit at the least) is the walk done again, exactly.
 */
function walk(
  input: unknown,
  kind: PlainJsonKind,
  limits: Limits,
  countBytes: boolean,
  copy: boolean,
): PlainJsonResult {
  const bounded = new Walk(kind, limits, countBytes, copy, !countBytes).run(input);
  if (bounded !== RECOUNT) return bounded;
  return new Walk(kind, limits, countBytes, copy, true).run(input);
}

/** Nesting `cleanStrings` follows on the stack; past it the walk decides (it keeps its own stack). */
const CLEAN_DEPTH = 256;

/**
 * The number of keys and strings in a value `JSON.parse` just made, when nothing in it is one the walk
 * would refuse or stop at (a forbidden key, a lone surrogate, `-0`, a string, key or array over its
 * limit, nesting past `maxDepth`); -1 as soon as anything might be, for the walk to decide. Over such a
 * value the walk finds nothing and counts the same: this is the walk without its frames, paths and
 * refusals. (Not for rule sets, whose `rules` array has its own limit.) With `wellFormed`, the caller
 * vouches that no string or key in it holds a lone surrogate (`readUntrusted` does for JSON text with
 * no escape in it that is well formed itself: its strings are pieces of it, cut at ASCII quotes), and
 * none is asked again.
 */
export function cleanStrings(value: unknown, limits: Limits, wellFormed = false): number {
  const maxDepth = Math.min(limits.maxDepth, CLEAN_DEPTH);
  if (typeof value !== 'object' || value === null) return cleanLeaf(value, limits, wellFormed);
  return cleanContainer(value, limits, maxDepth, 1, wellFormed);
}

function cleanLeaf(value: unknown, limits: Limits, wellFormed: boolean): number {
  if (typeof value === 'string')
    return value.length <= limits.maxStringLength && (wellFormed || value.isWellFormed()) ? 1 : -1;
  if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0) ? 0 : -1;
  return typeof value === 'boolean' || value === null ? 0 : -1;
}

function cleanContainer(
  value: object,
  limits: Limits,
  maxDepth: number,
  depth: number,
  wellFormed: boolean,
): number {
  if (depth > maxDepth) return -1;
  let strings = 0;
  if (Array.isArray(value)) {
    if (value.length > limits.maxArrayLength) return -1;
    for (let i = 0; i < value.length; i++) {
      const n = cleanChild(value[i], limits, maxDepth, depth, wellFormed);
      if (n < 0) return -1;
      strings += n;
    }
    return strings;
  }
  const object = value as Record<string, unknown>;
  for (const k in object) {
    if (k.length > limits.maxStringLength || FORBIDDEN_KEYS.has(k) || !(wellFormed || k.isWellFormed()))
      return -1;
    const n = cleanChild(object[k], limits, maxDepth, depth, wellFormed);
    if (n < 0) return -1;
    strings += n + 1;
  }
  return strings;
}

function cleanChild(
  child: unknown,
  limits: Limits,
  maxDepth: number,
  depth: number,
  wellFormed: boolean,
): number {
  return typeof child === 'object' && child !== null
    ? cleanContainer(child, limits, maxDepth, depth + 1, wellFormed)
    : cleanLeaf(child, limits, wellFormed);
}

/**
 * Reads an untrusted complaint or rule set: JSON text (size-checked before it is parsed, then checked by
 * `toPlainJson` in place: `JSON.parse` made it, so there is nothing to copy it from) or a value, copied
 * by `toPlainJson`; then, for text, refused if it repeats a key — last, because it is the one
 * check that reads the whole text again. The schema runs on the result, never on the input.
 */
export function readUntrusted(input: unknown, kind: PlainJsonKind, limits: Limits): PlainJsonResult {
  if (typeof input !== 'string') return toPlainJson(input, kind, limits, true);
  let parsed: unknown;
  try {
    parsed = parseJsonText(input, {
      noun: kind.noun,
      sizeLimit: kind.sizeLimit,
      maxBytes: limits[kind.sizeLimit],
    });
  } catch (error) {
    if (isRedressError(error)) return { ok: false, error };
    throw error;
  }
  // JSON.parse's value is fresh and plain (no getters, proxies or prototypes): checked, not copied.
  // Most texts hold nothing the walk could refuse: `cleanStrings` clears them in one light pass, and
  // anything it does not clear is walked, so every refusal and its path are the walk's own.
  // Text without an escape, well formed as a whole, makes only well-formed strings and keys: one check of
  // the text rather than one of each string.
  const noBackslash = input.indexOf('\\') < 0;
  const strings = kind.hasRules ? -1 : cleanStrings(parsed, limits, noBackslash && input.isWellFormed());
  const plain: PlainJsonResult =
    strings >= 0 ? { ok: true, value: parsed, strings } : toPlainJson(parsed, kind, limits, false, false);
  if (!plain.ok || plain.strings === countStrings(input, noBackslash)) return plain;
  const duplicate = duplicateKeyError(input);
  return duplicate ? { ok: false, error: duplicate } : plain;
}
