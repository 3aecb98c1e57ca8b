import { createReadStream, statSync } from 'node:fs';
import { CliError, describeIoError } from './cli-error';
import { type CliIo, filePath } from './io';

/** A JSON Lines input: a file, or standard input. */
export interface Input {
  /** How to call it in messages. */
  readonly name: string;
  readonly chunks: AsyncIterable<Buffer | string>;
  /** Size in bytes, when known (a regular file), for the progress bar. */
  readonly size: number | undefined;
}

/**
 * Opens `path` for streaming, `-` (or nothing) for standard input. Refuses to wait for a terminal when
 * no file was named, since that is almost always a forgotten argument rather than typed-in JSON.
 */
export function openInput(io: CliIo, path: string | undefined): Input {
  if (path === undefined || path === '-') {
    if (path === undefined && io.stdin.isTTY) {
      throw new CliError('no input: name a JSON Lines file, or pipe one in (use "-" to type lines)');
    }
    return { name: 'standard input', chunks: io.stdin, size: undefined };
  }
  let size: number | undefined;
  try {
    const stats = statSync(filePath(io, path));
    if (stats.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    size = stats.isFile() ? stats.size : undefined; // a named pipe has no size
  } catch (error) {
    throw new CliError(`cannot read ${path}: ${describeIoError(error)}`);
  }
  const stream = createReadStream(filePath(io, path), { highWaterMark: 1 << 16 });
  return { name: path, chunks: readOrExplain(stream, path), size };
}

async function* readOrExplain(stream: AsyncIterable<Buffer>, path: string): AsyncGenerator<Buffer> {
  try {
    yield* stream;
  } catch (error) {
    throw new CliError(`cannot read ${path}: ${describeIoError(error)}`);
  }
}
