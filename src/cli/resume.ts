import { closeSync, fstatSync, ftruncateSync, openSync, readSync } from 'node:fs';
import { CliError, describeIoError } from './cli-error';
import { type CliIo, filePath } from './io';

/** What an earlier, interrupted run left in an output file. */
export interface ResumePoint {
  /** Complete lines (records) in the file. */
  readonly records: number;
  /** The last complete line, if any. */
  readonly lastRecord: string | undefined;
  /** Bytes of an incomplete last line that were cut off the file. */
  readonly droppedBytes: number;
}

const CHUNK = 1 << 16;

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
    let previousNewline = -1;
    for (let position = 0; position < size; ) {
      const read = readSync(fd, buffer, 0, Math.min(CHUNK, size - position), position);
      if (read === 0) break;
      for (let i = buffer.indexOf(0x0a); i !== -1 && i < read; i = buffer.indexOf(0x0a, i + 1)) {
        records += 1;
        previousNewline = lastNewline;
        lastNewline = position + i;
      }
      position += read;
    }
    const keep = lastNewline + 1;
    if (keep < size) ftruncateSync(fd, keep);
    let lastRecord: string | undefined;
    if (lastNewline >= 0) {
      const start = previousNewline + 1;
      const length = lastNewline - start;
      const line = Buffer.alloc(length);
      readSync(fd, line, 0, length, start);
      lastRecord = line.toString('utf8');
    }
    return { records, lastRecord, droppedBytes: size - keep };
  } finally {
    closeSync(fd);
  }
}
