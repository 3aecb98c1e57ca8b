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

/** A sink on a stream (standard output), waiting for `drain` when the reader is slower than we are. */
export function streamSink(stream: CliOutput): RecordSink {
  return {
    write(record) {
      if (stream.write(`${JSON.stringify(record)}\n`)) return;
      return new Promise<void>((resolve) => stream.once('drain', resolve));
    },
    async close() {},
  };
}
