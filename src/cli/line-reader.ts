import { TextDecoder } from 'node:util';
import { issue, RedressError } from '../errors';
import { lineTooLong } from '../input/limits';

/**
 * A line of a JSON Lines input, as read: its text, or why it could not be read as text. `bytes` is its
 * size in the input, line break included (the sizes of all lines add up to the input's size).
 */
export type RawLine = { readonly line: number; readonly bytes: number } & (
  | { readonly text: string }
  | { readonly problem: 'too_long' }
  | { readonly problem: 'invalid_utf8' }
);

/** How `readLines` splits its input. */
export interface LineReaderOptions {
  /** Longest line kept, in bytes; a longer one is skipped without being held in memory. */
  readonly maxLineBytes: number;
  /**
   * The last line wanted: reading stops once it is read, or as soon as it is known to be too long —
   * without this, a line that never ends (`/dev/zero`) would be read, though not kept, forever.
   */
  readonly lastLine?: number;
}

const NEWLINE = 0x0a;
const CR = 0x0d;
const BOM = 0xfeff;

/**
 * True for a line that holds no record: empty, or only JSON's own whitespace (space, tab, carriage
 * return). Other Unicode spaces (U+00A0, U+2028, U+3000, …) are not JSON whitespace, so a line of them
 * is not skipped but reported as a line that is not JSON: a record is never dropped silently.
 */
export function isBlank(text: string): boolean {
  return /^[ \t\r]*$/.test(text);
}

/** The line being read: the bytes kept of it (none once it is over the limit) and its size so far. */
class PendingLine {
  parts: Buffer[] = [];
  size = 0;

  constructor(private readonly maxBytes: number) {}

  add(piece: Buffer): void {
    if (this.size + piece.length <= this.maxBytes) {
      if (piece.length > 0) this.parts.push(piece);
    } else {
      this.parts = []; // over the limit: stop holding it
    }
    this.size += piece.length;
  }

  get tooLong(): boolean {
    return this.size > this.maxBytes;
  }

  /** The line as read, numbered `line`; `terminated` when a newline ended it. Starts the next line. */
  take(line: number, terminated: boolean, decoder: TextDecoder): RawLine {
    const bytes = this.size + (terminated ? 1 : 0);
    const result: RawLine = this.tooLong
      ? { line, bytes, problem: 'too_long' }
      : decodeLine(
          line,
          bytes,
          this.parts.length === 1 ? (this.parts[0] as Buffer) : Buffer.concat(this.parts, this.size),
          decoder,
        );
    this.parts = [];
    this.size = 0;
    return result;
  }
}

function decodeLine(line: number, bytes: number, content: Buffer, decoder: TextDecoder): RawLine {
  const end = content.length > 0 && content[content.length - 1] === CR ? content.length - 1 : content.length;
  try {
    const text = decoder.decode(content.subarray(0, end));
    // Editors on Windows start a file with a byte order mark, and files joined with `cat` carry theirs
    // to the start of a later line: it is never part of a record (JSON text cannot start with one).
    return { line, bytes, text: text.charCodeAt(0) === BOM ? text.slice(1) : text };
  } catch {
    return { line, bytes, problem: 'invalid_utf8' };
  }
}

/**
 * Splits a byte stream into numbered lines (1-based, `\n` or `\r\n`, a UTF-8 byte order mark at the
 * start of a line ignored). Memory stays bounded whatever the input: a chunk at a time, and at most
 * `maxLineBytes` of one line; a longer line is counted and reported but never assembled.
 */
export async function* readLines(
  chunks: AsyncIterable<Buffer | string>,
  options: LineReaderOptions,
): AsyncGenerator<RawLine> {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  const pending = new PendingLine(options.maxLineBytes);
  let lineNumber = 0;
  for await (const chunk of chunks) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    let start = 0;
    for (let newline = buffer.indexOf(NEWLINE); newline !== -1; newline = buffer.indexOf(NEWLINE, start)) {
      pending.add(buffer.subarray(start, newline));
      yield pending.take(++lineNumber, true, decoder);
      if (lineNumber === options.lastLine) return;
      start = newline + 1;
    }
    pending.add(buffer.subarray(start));
    if (lineNumber + 1 === options.lastLine && pending.tooLong) {
      yield pending.take(++lineNumber, false, decoder);
      return;
    }
  }
  if (pending.size > 0) yield pending.take(++lineNumber, false, decoder);
}

/** The error for a line that could not be read as text: not UTF-8, or longer than `maxLineBytes`. */
export function unreadableLine(
  problem: 'too_long' | 'invalid_utf8',
  bytes: number,
  maxLineBytes: number,
): RedressError {
  if (problem === 'invalid_utf8')
    return new RedressError('INVALID_JSON', [issue('invalid_utf8', [], 'the line is not valid UTF-8 text')]);
  return lineTooLong(bytes, { limits: { maxLineBytes } }) as RedressError;
}
