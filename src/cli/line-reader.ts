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
}

const NEWLINE = 0x0a;
const CR = 0x0d;

/**
 * Splits a byte stream into numbered lines (1-based, `\n` or `\r\n`, a UTF-8 byte order mark at the
 * start ignored). Memory stays bounded whatever the input: a chunk at a time, and at most
 * `maxLineBytes` of one line; a longer line is counted and reported but never assembled.
 */
export async function* readLines(
  chunks: AsyncIterable<Buffer | string>,
  options: LineReaderOptions,
): AsyncGenerator<RawLine> {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  let parts: Buffer[] = [];
  let size = 0;
  let lineNumber = 0;

  const finish = (terminated: boolean): RawLine => {
    lineNumber += 1;
    const line = lineNumber;
    const total = size + (terminated ? 1 : 0);
    if (size > options.maxLineBytes) return { line, bytes: total, problem: 'too_long' };
    let bytes = parts.length === 1 ? (parts[0] as Buffer) : Buffer.concat(parts, size);
    if (bytes.length > 0 && bytes[bytes.length - 1] === CR) bytes = bytes.subarray(0, bytes.length - 1);
    try {
      const text = decoder.decode(bytes);
      // Editors on Windows start a file with a byte order mark; it is not part of the first record.
      return { line, bytes: total, text: line === 1 && text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
    } catch {
      return { line, bytes: total, problem: 'invalid_utf8' };
    }
  };

  for await (const chunk of chunks) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    let start = 0;
    for (;;) {
      const newline = buffer.indexOf(NEWLINE, start);
      const end = newline === -1 ? buffer.length : newline;
      const piece = end - start;
      if (size + piece <= options.maxLineBytes) {
        if (piece > 0) parts.push(buffer.subarray(start, end));
      } else if (parts.length > 0) {
        parts = []; // over the limit: stop holding it
      }
      size += piece;
      if (newline === -1) break;
      yield finish(true);
      parts = [];
      size = 0;
      start = newline + 1;
    }
  }
  if (size > 0) yield finish(false);
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
