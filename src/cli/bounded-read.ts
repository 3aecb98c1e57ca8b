import { isUtf8 } from 'node:buffer';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { issue, RedressError } from '../errors';
import { type LimitName, limitIssue } from '../input/limits';
import { CliError, describeIoError } from './cli-error';
import { type CliInput, type CliIo, filePath } from './io';

/**
 * Whole-text inputs (a rule file, one complaint) read with the library's byte limit, from whatever the
 * name points at: a regular file, a device (`/dev/zero`), a named pipe or standard input. Reading stops
 * one byte past the limit, so an endless source costs at most that much memory; the error is the one
 * the library gives for the same text (`LIMIT_EXCEEDED`, the limit's issue code). The bytes must be
 * UTF-8: invalid bytes are refused with where they are, never replaced, since a replaced byte ends up
 * in what a customer reads.
 */

/** What is read, for messages, and the limit on its size. */
export interface TextSource {
  /** How to call it in messages: `rules file rules.json`, `standard input`. */
  readonly name: string;
  /** The library's limit on its size: `maxRuleSetBytes`, `maxComplaintBytes`. */
  readonly sizeLimit: LimitName;
  readonly maxBytes: number;
}

const CHUNK = 1 << 16;

function tooLarge(source: TextSource, bytes: string): RedressError {
  return new RedressError('LIMIT_EXCEEDED', [
    limitIssue(source.sizeLimit, source.maxBytes, [], `${source.name} (${bytes} bytes)`),
  ]);
}

/**
 * The bytes of the file at `path`, at most `source.maxBytes` of them. A regular file's size is known
 * before it is read; anything else (a device, a pipe) is read a chunk at a time up to the limit.
 *
 * @throws CliError when the file cannot be read (exit 2); RedressError `LIMIT_EXCEEDED` past the limit.
 */
export function readFileBounded(io: Pick<CliIo, 'cwd'>, path: string, source: TextSource): Buffer {
  let fd: number;
  try {
    fd = openSync(filePath(io, path), 'r');
  } catch (error) {
    throw new CliError(`cannot read ${source.name}: ${describeIoError(error)}`);
  }
  try {
    const stats = fstatSync(fd);
    if (stats.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    if (stats.isFile() && stats.size > source.maxBytes) throw tooLarge(source, String(stats.size));
    return readUpTo(fd, source);
  } catch (error) {
    if (error instanceof RedressError) throw error;
    throw new CliError(`cannot read ${source.name}: ${describeIoError(error)}`);
  } finally {
    closeSync(fd);
  }
}

function readUpTo(fd: number, source: TextSource): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const chunk = Buffer.allocUnsafe(Math.min(CHUNK, source.maxBytes + 1 - total));
    const read = readSync(fd, chunk, 0, chunk.length, null);
    if (read === 0) return Buffer.concat(chunks, total);
    chunks.push(chunk.subarray(0, read));
    total += read;
    if (total > source.maxBytes) throw tooLarge(source, `more than ${source.maxBytes}`);
  }
}

/**
 * The bytes of standard input (or any stream), at most `source.maxBytes` of them; reading stops at the
 * first chunk past the limit.
 *
 * @throws RedressError `LIMIT_EXCEEDED` past the limit.
 */
export async function readStreamBounded(input: CliInput, source: TextSource): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of input) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    chunks.push(bytes);
    total += bytes.length;
    if (total > source.maxBytes) throw tooLarge(source, `more than ${source.maxBytes}`);
  }
  return Buffer.concat(chunks, total);
}

/** Where a text stops being UTF-8: 1-based line and column (in characters), and the byte offset. */
export interface ByteLocation {
  readonly line: number;
  readonly column: number;
  readonly offset: number;
}

/**
 * Bytes that are not UTF-8: `INVALID_JSON` with the issue `invalid_utf8`, the code a JSON Lines line
 * that is not UTF-8 gets, and where the first bad byte is (for `validate`'s `file:line:column`).
 */
export class NotUtf8Error extends RedressError {
  readonly location: ByteLocation;

  constructor(name: string, byte: number, location: ByteLocation) {
    const { line, column, offset } = location;
    super('INVALID_JSON', [
      issue(
        'invalid_utf8',
        [],
        `${name} is not UTF-8 text: byte 0x${byte.toString(16).padStart(2, '0')} at line ${line}, column ${column} (byte offset ${offset}) is not UTF-8`,
        { hint: 'save the file as UTF-8 (most editors have "Save with encoding")' },
      ),
    ]);
    this.location = location;
  }
}

/**
 * `bytes` as text, when they are UTF-8; a byte order mark at the start is dropped (editors on Windows
 * write one; the JSON Lines reader drops it from line 1 too). Invalid bytes are refused, never
 * replaced: a replaced byte would end up in what a customer reads («für» as «f�r»).
 *
 * @throws NotUtf8Error (`INVALID_JSON` / `invalid_utf8`) at the first byte that is not UTF-8.
 */
export function decodeUtf8(bytes: Buffer, source: Pick<TextSource, 'name'>): string {
  if (!isUtf8(bytes)) {
    const offset = firstInvalidUtf8(bytes);
    throw new NotUtf8Error(source.name, bytes[offset] ?? 0, { ...lineAndColumn(bytes, offset), offset });
  }
  const text = bytes.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** The offset of the first byte that does not belong to a well-formed UTF-8 sequence (RFC 3629). */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const length = sequenceLength(bytes, i);
    if (length === 0) return i;
    i += length;
  }
  return -1;
}

/**
 * A lead byte's sequence length and the range of its first continuation byte, which excludes overlong
 * forms, surrogates and anything past U+10FFFF; undefined for a byte that cannot lead.
 */
function leadByte(b: number): readonly [length: number, low: number, high: number] | undefined {
  if (b >= 0xc2 && b <= 0xdf) return [2, 0x80, 0xbf];
  if (b === 0xe0) return [3, 0xa0, 0xbf];
  if (b === 0xed) return [3, 0x80, 0x9f];
  if (b >= 0xe1 && b <= 0xef) return [3, 0x80, 0xbf];
  if (b === 0xf0) return [4, 0x90, 0xbf];
  if (b >= 0xf1 && b <= 0xf3) return [4, 0x80, 0xbf];
  if (b === 0xf4) return [4, 0x80, 0x8f];
  return undefined;
}

/** The length of the well-formed sequence at `i`, or 0 when there is none. */
function sequenceLength(bytes: Uint8Array, i: number): number {
  const b = bytes[i] as number;
  if (b < 0x80) return 1;
  const lead = leadByte(b);
  if (lead === undefined) return 0;
  const [length, low, high] = lead;
  const first = bytes[i + 1];
  if (first === undefined || first < low || first > high) return 0;
  for (let k = 2; k < length; k++) {
    const next = bytes[i + k];
    if (next === undefined || next < 0x80 || next > 0xbf) return 0;
  }
  return length;
}

/** The 1-based line and column (in characters) of byte `offset`; the bytes before it are UTF-8. */
function lineAndColumn(bytes: Buffer, offset: number): { line: number; column: number } {
  const before = bytes.subarray(0, offset).toString('utf8');
  const lastNewline = before.lastIndexOf('\n');
  let line = 1;
  for (let i = before.indexOf('\n'); i !== -1; i = before.indexOf('\n', i + 1)) line++;
  return { line, column: [...before.slice(lastNewline + 1)].length + 1 };
}
