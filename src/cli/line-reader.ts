import { isUtf8 } from 'node:buffer';
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

/** How `readLines` and `readLineBatches` split their input. */
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
    return { line, bytes, text: withoutBom(decoder.decode(content.subarray(0, end))) };
  } catch {
    return { line, bytes, problem: 'invalid_utf8' };
  }
}

/**
 * Editors on Windows start a file with a byte order mark, and files joined with `cat` carry theirs to
 * the start of a later line: it is never part of a record (JSON text cannot start with one).
 */
function withoutBom(text: string): string {
  return text.charCodeAt(0) === BOM ? text.slice(1) : text;
}

/** Splits chunks of bytes into numbered lines, carrying the line a chunk leaves unfinished to the next. */
class LineSplitter {
  private readonly decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  private readonly pending: PendingLine;
  private lineNumber = 0;
  /** Set once `lastLine` is read (or known to be too long): nothing after it is wanted. */
  finished = false;

  constructor(private readonly options: LineReaderOptions) {
    this.pending = new PendingLine(options.maxLineBytes);
  }

  /** The lines `buffer` ends, in order; the bytes after its last newline wait for the next chunk. */
  split(buffer: Buffer): RawLine[] {
    const lines: RawLine[] = [];
    const first = buffer.indexOf(NEWLINE);
    if (first === -1) return this.carry(buffer, 0, lines);
    const checked = this.checkedFrom(buffer, first);
    let start = 0;
    for (let newline = first; newline !== -1; newline = buffer.indexOf(NEWLINE, start)) {
      lines.push(start >= checked ? this.whole(buffer, start, newline) : this.joined(buffer, start, newline));
      start = newline + 1;
      if (this.lineNumber === this.options.lastLine) {
        this.finished = true;
        return lines;
      }
    }
    return this.carry(buffer, start, lines);
  }

  /** The line the input ends without a newline, if any. */
  end(): RawLine | undefined {
    return this.pending.size > 0 ? this.pending.take(++this.lineNumber, false, this.decoder) : undefined;
  }

  /**
   * Where the lines of `buffer` start that are valid UTF-8 whole: checked in one pass over all its
   * complete lines rather than by a fatal decoder line by line (a newline byte is never part of a
   * multi-byte character, so the run is UTF-8 exactly when each of its lines is). The line a previous
   * chunk began is left out; a run that is not UTF-8 sends every line the slow way, which says which.
   */
  private checkedFrom(buffer: Buffer, first: number): number {
    const from = this.pending.size > 0 ? first + 1 : 0;
    const last = buffer.lastIndexOf(NEWLINE);
    return isUtf8(buffer.subarray(from, last)) ? from : Number.POSITIVE_INFINITY;
  }

  /** A line wholly inside `buffer` and known to be UTF-8: read straight from it. */
  private whole(buffer: Buffer, start: number, newline: number): RawLine {
    const line = ++this.lineNumber;
    const bytes = newline - start + 1;
    if (bytes - 1 > this.options.maxLineBytes) return { line, bytes, problem: 'too_long' };
    const end = newline > start && buffer[newline - 1] === CR ? newline - 1 : newline;
    return { line, bytes, text: withoutBom(buffer.toString('utf8', start, end)) };
  }

  /** A line that began in an earlier chunk, or one not yet known to be UTF-8: assembled and decoded. */
  private joined(buffer: Buffer, start: number, newline: number): RawLine {
    this.pending.add(buffer.subarray(start, newline));
    return this.pending.take(++this.lineNumber, true, this.decoder);
  }

  /** The bytes after the last newline kept for the next chunk (`lastLine` given up once too long). */
  private carry(buffer: Buffer, start: number, lines: RawLine[]): RawLine[] {
    this.pending.add(buffer.subarray(start));
    if (this.lineNumber + 1 === this.options.lastLine && this.pending.tooLong) {
      lines.push(this.pending.take(++this.lineNumber, false, this.decoder));
      this.finished = true;
    }
    return lines;
  }
}

/**
 * Splits a byte stream into numbered lines (1-based, `\n` or `\r\n`, a UTF-8 byte order mark at the
 * start of a line ignored), the lines each chunk ends as one array: a reader of many lines awaits once
 * a chunk rather than once a line (an async generator's step is a few microtasks and a promise). Memory
 * stays bounded whatever the input: a chunk at a time, and at most `maxLineBytes` of one line; a longer
 * line is counted and reported but never assembled.
 */
export async function* readLineBatches(
  chunks: AsyncIterable<Buffer | string>,
  options: LineReaderOptions,
): AsyncGenerator<RawLine[]> {
  const splitter = new LineSplitter(options);
  for await (const chunk of chunks) {
    const lines = splitter.split(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
    if (lines.length > 0) yield lines;
    if (splitter.finished) return;
  }
  const last = splitter.end();
  if (last) yield [last];
}

/** `readLineBatches`, a line at a time. */
export async function* readLines(
  chunks: AsyncIterable<Buffer | string>,
  options: LineReaderOptions,
): AsyncGenerator<RawLine> {
  for await (const lines of readLineBatches(chunks, options)) {
    for (const line of lines) yield line;
  }
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
