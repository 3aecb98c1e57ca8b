import { closeSync, openSync, writeSync } from 'node:fs';
import { CliError, describeIoError } from './cli-error';
import { type CliIo, type CliOutput, filePath } from './io';

/** Where output records go, one JSON text per line. */
export interface RecordSink {
  /** Writes one record as one line; resolves when the sink can take more (back-pressure). */
  write(record: unknown): Promise<void> | void;
  /** Flushes and releases the sink. */
  close(): Promise<void>;
}

/**
 * A file sink that writes each record with one synchronous `write` as it comes. A process killed at any
 * moment therefore leaves whole lines (at worst one cut-off last line, which `--resume` drops), and two
 * sinks written in turn (`--output` and `--errors`) always hold, between them, exactly the first N
 * records: what `--resume` relies on.
 */
export function fileSink(io: Pick<CliIo, 'cwd'>, path: string, mode: 'truncate' | 'append'): RecordSink {
  let fd: number;
  try {
    fd = openSync(filePath(io, path), mode === 'append' ? 'a' : 'w');
  } catch (error) {
    throw new CliError(`cannot write ${path}: ${describeIoError(error)}`);
  }
  return {
    write(record) {
      const bytes = Buffer.from(`${JSON.stringify(record)}\n`);
      let offset = 0;
      try {
        while (offset < bytes.length) offset += writeSync(fd, bytes, offset);
      } catch (error) {
        throw new CliError(`cannot write ${path}: ${describeIoError(error)}`);
      }
    },
    async close() {
      closeSync(fd);
    },
  };
}

/** How much text a stream sink gathers before it writes: one write call for many records. */
const STREAM_BATCH = 64 * 1024;

/**
 * A sink on a stream (standard output). Records are gathered and written together, in one call per
 * 64 KiB or per turn of the event loop, whichever comes first: one call per record cost a quarter of
 * the command's CPU on a large file. A slow stream still holds the writer back (it waits for `drain`
 * when the stream says so), and nothing waits longer than the current turn to go out, so a live
 * stream's results still follow its input. (Files are written record by record: see `fileSink`.)
 */
export function streamSink(stream: CliOutput): RecordSink {
  let pending = '';
  let scheduled = false;
  let behind: Promise<void> | undefined;
  const flush = (): void => {
    if (pending === '') return;
    const text = pending;
    pending = '';
    if (!stream.write(text) && behind === undefined) {
      behind = new Promise<void>((resolve) => stream.once('drain', resolve)).then(() => {
        behind = undefined;
      });
    }
  };
  const flushSoon = (): void => {
    scheduled = false;
    flush();
  };
  return {
    write(record) {
      pending += `${JSON.stringify(record)}\n`;
      if (pending.length >= STREAM_BATCH) flush();
      else if (!scheduled) {
        scheduled = true;
        setImmediate(flushSoon);
      }
      return behind;
    },
    async close() {
      flush();
    },
  };
}
