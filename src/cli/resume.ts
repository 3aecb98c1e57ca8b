import { closeSync, fstatSync, ftruncateSync, openSync, readSync } from 'node:fs';
import { CliError, describeIoError } from './cli-error';
import { type CliIo, filePath } from './io';
import { stringField } from './line-json';

/** What an earlier, interrupted run left in an output file. */
export interface ResumePoint {
  /** Complete lines (records) in the file. */
  readonly records: number;
  /** Bytes of an incomplete last line that were cut off the file. */
  readonly droppedBytes: number;
}

const CHUNK = 1 << 16;
const NEWLINE = 0x0a;

/**
 * Counts the complete lines of `path` and cuts off an incomplete last line (what a process killed in
 * the middle of a write can leave), so that appending continues on a line boundary. A missing file is
 * an empty one. Reads in chunks: the file may be larger than memory.
 */
export function prepareResume(io: Pick<CliIo, 'cwd'>, path: string): ResumePoint {
  let fd: number;
  try {
    fd = openSync(filePath(io, path), 'a+');
  } catch (error) {
    throw new CliError(`cannot resume ${path}: ${describeIoError(error)}`);
  }
  try {
    const size = fstatSync(fd).size;
    const buffer = Buffer.alloc(CHUNK);
    let records = 0;
    let lastNewline = -1;
    for (let position = 0; position < size; ) {
      const read = readSync(fd, buffer, 0, Math.min(CHUNK, size - position), position);
      if (read === 0) break;
      for (let i = buffer.indexOf(NEWLINE); i !== -1 && i < read; i = buffer.indexOf(NEWLINE, i + 1)) {
        records += 1;
        lastNewline = position + i;
      }
      position += read;
    }
    const keep = lastNewline + 1;
    if (keep < size) ftruncateSync(fd, keep);
    return { records, droppedBytes: size - keep };
  } finally {
    closeSync(fd);
  }
}

/**
 * The complete lines of a file, one at a time, read in chunks from the start (only whole lines:
 * `prepareResume` has cut off a torn last one). Holds one chunk and one line.
 */
export class RecordFile {
  /** 1-based number of the line `next` returned last. */
  line = 0;
  private readonly fd: number;
  private readonly buffer = Buffer.alloc(CHUNK);
  private position = 0;
  private start = 0;
  private end = 0;
  private peeked: string | undefined;

  constructor(
    io: Pick<CliIo, 'cwd'>,
    readonly path: string,
  ) {
    try {
      this.fd = openSync(filePath(io, path), 'r');
    } catch (error) {
      throw new CliError(`cannot resume ${path}: ${describeIoError(error)}`);
    }
  }

  /** The next line without taking it; undefined at the end. */
  peek(): string | undefined {
    this.peeked ??= this.read();
    return this.peeked;
  }

  /** The next line; undefined at the end. */
  next(): string | undefined {
    const line = this.peek();
    this.peeked = undefined;
    if (line !== undefined) this.line += 1;
    return line;
  }

  close(): void {
    closeSync(this.fd);
  }

  private read(): string | undefined {
    const parts: Buffer[] = [];
    for (;;) {
      const newline = this.buffer.indexOf(NEWLINE, this.start);
      if (newline !== -1 && newline < this.end) {
        parts.push(this.buffer.subarray(this.start, newline));
        this.start = newline + 1;
        return Buffer.concat(parts).toString('utf8');
      }
      parts.push(Buffer.from(this.buffer.subarray(this.start, this.end)));
      const read = readSync(this.fd, this.buffer, 0, CHUNK, this.position);
      this.position += read;
      this.start = 0;
      this.end = read;
      if (read === 0) return undefined; // no newline after the last part: not a record
    }
  }
}

/** What an output record says about the input record it was made from. */
type RecordOrigin =
  | { readonly kind: 'error'; readonly line: number }
  | { readonly kind: 'recommendation'; readonly complaintId: string }
  | { readonly kind: 'unknown' };

// Records are written by JSON.stringify in a fixed key order: an error record starts with its input
// line, a recommendation with its complaint id. Reading that much is enough on a long resume; anything
// else is parsed whole.
const ERROR_START = /^\{"line":(\d+),/;
const RECOMMENDATION_START = /^\{"complaintId":("(?:[^"\\]|\\.)*"),/;

function originOf(record: string): RecordOrigin {
  const error = ERROR_START.exec(record);
  if (error) return { kind: 'error', line: Number(error[1]) };
  const recommendation = RECOMMENDATION_START.exec(record);
  if (recommendation) return { kind: 'recommendation', complaintId: JSON.parse(recommendation[1] as string) };
  let value: { line?: unknown; complaintId?: unknown; error?: unknown } | null;
  try {
    value = JSON.parse(record);
  } catch {
    return { kind: 'unknown' };
  }
  if (typeof value?.line === 'number' && value.error !== undefined)
    return { kind: 'error', line: value.line };
  if (typeof value?.complaintId === 'string')
    return { kind: 'recommendation', complaintId: value.complaintId };
  return { kind: 'unknown' };
}

/**
 * The id a recommendation for this input line would carry: the complaint schema trims ids
 * (`z.string().trim()`), so `"  c-1 "` in the input is `"c-1"` in the output. Undefined when the line
 * has no string id (it cannot have a recommendation).
 */
export function outputIdOf(text: string | undefined): string | undefined {
  return stringField(text, 'id')?.trim();
}

/** The files an interrupted run wrote: its output, and its errors file when it had one. */
export interface ResumedFiles {
  readonly output: string;
  readonly errors?: string;
  /** How to name the input in messages. */
  readonly inputName: string;
}

/**
 * Checks, record by record, that the files an earlier run wrote were written from this input: each
 * input record skipped by `--resume` must have its record, in order — an error record for its line (in
 * the errors file when there is one), or a recommendation for its complaint id — so that resuming
 * over the wrong files, or over `-o` and `-e` swapped, fails before anything is written instead of
 * leaving part of the input never recommended. Call `check` with each skipped record in input order,
 * then `close`.
 */
export class ContinuationCheck {
  private readonly output: RecordFile;
  private readonly errors: RecordFile | undefined;
  private records = 0;

  constructor(
    io: Pick<CliIo, 'cwd'>,
    private readonly files: ResumedFiles,
  ) {
    this.output = new RecordFile(io, files.output);
    try {
      this.errors = files.errors === undefined ? undefined : new RecordFile(io, files.errors);
    } catch (error) {
      this.output.close();
      throw error;
    }
  }

  /** Checks the next skipped input record, at `line`, with the text read there (none when unreadable). */
  check(line: number, text: string | undefined): void {
    this.records += 1;
    const fromErrors = this.errors?.peek();
    if (fromErrors !== undefined) {
      const origin = originOf(fromErrors);
      if (origin.kind === 'error' && origin.line === line) {
        this.errors?.next();
        return;
      }
    }
    const record = this.output.next();
    const origin = record === undefined ? undefined : originOf(record);
    if (origin?.kind === 'error' && origin.line === line && this.errors === undefined) return;
    const id = outputIdOf(text);
    if (origin?.kind === 'recommendation' && id !== undefined && origin.complaintId === id) return;
    throw this.mismatch(line, id, origin);
  }

  close(): void {
    this.output.close();
    this.errors?.close();
  }

  private mismatch(line: number, id: string | undefined, origin: RecordOrigin | undefined): CliError {
    const { output, errors, inputName } = this.files;
    const where = `line ${this.output.line} of ${output}`;
    const found =
      origin === undefined
        ? `${output} has no record left for it`
        : origin.kind === 'error'
          ? `${where} is the error record of line ${origin.line}`
          : origin.kind === 'recommendation'
            ? `${where} is the recommendation for complaint ${JSON.stringify(origin.complaintId)}`
            : `${where} is not a record redress writes`;
    const expected = `record ${this.records} of ${inputName} (line ${line}) is ${id === undefined ? 'not a complaint with an id' : `complaint ${JSON.stringify(id)}`}`;
    const pair = errors === undefined ? `was ${output}` : `were ${output} and ${errors}`;
    return new CliError(
      `cannot resume: ${found}, but ${expected}; ${pair} written from ${inputName}` +
        `${errors === undefined ? '' : ', with --output and --errors in this order'}?`,
    );
  }
}
