import { issue, type PathSegment, RedressError } from '../errors';
import { type LimitName, limitIssue } from './limits';

/**
 * Untrusted JSON text, parsed defensively: its size is checked before `JSON.parse` sees it, and
 * duplicate keys — which `JSON.parse` resolves silently by keeping the last, so that two readers of the
 * same file can disagree about what it says — are refused.
 */

/** UTF-8 length of `text`, stopping early once it passes `stopAbove`. Lone surrogates count 3 (U+FFFD). */
export function utf8Length(text: string, stopAbove = Number.POSITIVE_INFINITY): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
    if (bytes > stopAbove) return bytes;
  }
  return bytes;
}

/** What the text is, for messages and the size limit that applies. */
export interface JsonTextKind {
  /** "complaint", "rule set". */
  readonly noun: string;
  /** The limit on its size. */
  readonly sizeLimit: LimitName;
  /** The size limit's value. */
  readonly maxBytes: number;
}

/**
 * Parses untrusted JSON text, its size checked before `JSON.parse` sees it. Duplicate keys are left to
 * `duplicateKeyError`, which the caller runs after its cheaper limit checks.
 *
 * @throws RedressError `LIMIT_EXCEEDED` (the size limit's code) when the text is too large;
 *   `INVALID_JSON` with `invalid_json` for a syntax error.
 */
export function parseJsonText(text: string, kind: JsonTextKind): unknown {
  // A UTF-16 code unit is at least one UTF-8 byte and at most three (a surrogate pair is four for two),
  // so the length alone rules out most oversized texts, and clears most others, without reading them.
  const surelyWithin = text.length * 3 <= kind.maxBytes;
  const bytes = surelyWithin
    ? 0
    : text.length > kind.maxBytes
      ? text.length
      : utf8Length(text, kind.maxBytes);
  if (bytes > kind.maxBytes) {
    throw new RedressError('LIMIT_EXCEEDED', [
      limitIssue(kind.sizeLimit, kind.maxBytes, [], `the ${kind.noun}'s JSON text (${bytes}+ bytes)`),
    ]);
  }
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new RedressError(
      'INVALID_JSON',
      [issue('invalid_json', [], `the ${kind.noun} is not valid JSON: ${(cause as Error).message}`)],
      { cause },
    );
  }
}

/** The `INVALID_JSON` / `duplicate_key` error for valid JSON text that repeats a key, if it does. */
export function duplicateKeyError(text: string): RedressError | undefined {
  const duplicate = findDuplicateKey(text);
  if (!duplicate) return undefined;
  return new RedressError('INVALID_JSON', [
    issue(
      'duplicate_key',
      duplicate,
      `the key "${String(duplicate.at(-1)).slice(0, 64)}" appears twice in one object`,
      { hint: 'JSON readers disagree on which one counts; keep one' },
    ),
  ]);
}

/**
 * How many strings (keys and string values) valid JSON text holds: its unescaped quotes, halved. A
 * parsed value with as many keys and strings has lost none to a repeated key — `JSON.parse` keeps only
 * the last of two, dropping a key and everything under the other — so most texts are cleared with this
 * one scan and `findDuplicateKey`'s slower one runs only when the counts differ. With `noBackslash` the
 * caller vouches that the text has none (`readUntrusted` has looked): every quote counts, and none is
 * looked behind (1.3 µs against 1.5 µs on a generated complaint's 620 bytes).
 */
export function countStrings(text: string, noBackslash = false): number {
  let quotes = 0;
  if (noBackslash) {
    for (let q = text.indexOf('"'); q >= 0; q = text.indexOf('"', q + 1)) quotes++;
    return quotes >> 1;
  }
  for (let q = text.indexOf('"'); q >= 0; q = text.indexOf('"', q + 1)) {
    let slashes = 0;
    for (let k = q - 1; text.charCodeAt(k) === BACKSLASH; k--) slashes++;
    if (slashes % 2 === 0) quotes++;
  }
  return quotes >> 1;
}

type Frame = { object: true; keys: Set<string>; key: string | undefined } | { object: false; index: number };

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** The index of the quote that closes the string opening at `i`; -1 when none does (not JSON). */
function closingQuote(text: string, i: number): number {
  let from = i + 1;
  for (;;) {
    const q = text.indexOf('"', from);
    if (q < 0) return -1;
    let slashes = 0;
    for (let k = q - 1; text.charCodeAt(k) === BACKSLASH; k--) slashes++;
    if (slashes % 2 === 0) return q;
    from = q + 1;
  }
}

/**
 * Follows a bracket or a comma on the stack of open containers; returns whether the next string is a
 * key.
 */
function follow(stack: Frame[], c: number, expectKey: boolean): boolean {
  if (c === 0x7b /* { */) {
    stack.push({ object: true, keys: new Set(), key: undefined });
    return true;
  }
  if (c === 0x5b /* [ */) {
    stack.push({ object: false, index: 0 });
  } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
    stack.pop();
  } else {
    // A comma: the next key in an object, the next element in an array.
    const top = stack.at(-1);
    if (top?.object) return true;
    if (top) top.index++;
  }
  return expectKey;
}

/**
 * The path of the first key that repeats within its object, or undefined. `text` must be valid JSON
 * (it has been through `JSON.parse`), which lets this be a single linear scan over the structural
 * characters, with an explicit stack rather than recursion.
 */
export function findDuplicateKey(text: string): PathSegment[] | undefined {
  const stack: Frame[] = [];
  const structural = /["{}[\],]/g;
  let expectKey = false;
  for (let m = structural.exec(text); m !== null; m = structural.exec(text)) {
    const i = m.index;
    const c = text.charCodeAt(i);
    if (c !== QUOTE) {
      expectKey = follow(stack, c, expectKey);
      continue;
    }
    const end = closingQuote(text, i);
    // Valid JSON always closes its strings; the guard keeps the scan finite on anything else.
    if (end < 0) return undefined;
    const top = stack.at(-1);
    if (top?.object && expectKey) {
      const raw = text.slice(i, end + 1);
      const key = raw.includes('\\') ? (JSON.parse(raw) as string) : raw.slice(1, -1);
      if (top.keys.has(key)) return [...pathOf(stack.slice(0, -1)), key];
      top.keys.add(key);
      top.key = key;
      expectKey = false;
    }
    structural.lastIndex = end + 1;
  }
  return undefined;
}

function pathOf(frames: readonly Frame[]): PathSegment[] {
  return frames.map((f) => (f.object ? (f.key as string) : f.index));
}
