import { resolve } from 'node:path';
import type { ExitCode } from './exit-code';

/**
 * Standard output or standard error, as the commands use them. `process.stdout` is one; the test one
 * (`memoryIo` in the tests) keeps what was written in memory.
 */
export interface CliOutput {
  /** True on a terminal: colours and the progress bar are for terminals only. */
  readonly isTTY?: boolean;
  /** The terminal's width, when it says (the progress bar is cut to it). */
  readonly columns?: number;
  /** The file descriptor behind it, when there is one: a redirect to a file must not be an input. */
  readonly fd?: number;
  /** Writes text; false when the reader is behind and the writer should wait for `drain`. */
  write(text: string): boolean;
  /** Calls `listener` once the reader has caught up, after `write` returned false. */
  once(event: 'drain', listener: () => void): unknown;
}

/** Standard input: its bytes, and whether it is a terminal (a forgotten file argument). */
export interface CliInput extends AsyncIterable<Buffer | string> {
  readonly isTTY?: boolean;
  /** The file descriptor behind it, when there is one (`< file`: an output must not be that file). */
  readonly fd?: number;
}

/** What the command measured about its own process, for `REDRESS_REPORT_RESOURCES=1`. */
export interface ResourceUsage {
  readonly maxRssBytes: number;
  readonly cpuSeconds: number;
}

/**
 * Everything the `redress` command touches of the world, in one place: its arguments, standard
 * streams (and whether each is a terminal), environment, working directory, clock and exit code.
 * `bin.ts` builds the real one from `process`; tests build one in memory and run every command in
 * their own process.
 *
 * Files named on the command line are real files, read and written with `node:fs` at paths resolved
 * against `cwd` (`filePath`): what `--resume`, a full disk or a killed run do to a file is a property
 * of the real file system, which an in-memory copy would not show.
 *
 * What stays with the process, in `bin.ts` only: a broken pipe (EPIPE) or a failed write on the real
 * standard streams ends the process at once, and signals keep their default meaning.
 */
export interface CliIo {
  /** The arguments after the program name (`process.argv.slice(2)`). */
  readonly argv: readonly string[];
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The directory relative file names are read from and written to. */
  readonly cwd: string;
  readonly stdin: CliInput;
  readonly stdout: CliOutput;
  readonly stderr: CliOutput;
  /** A monotonic clock in milliseconds (the progress bar's rate and time left). */
  now(): number;
  /** Peak memory and CPU time of the process so far. */
  resources(): ResourceUsage;
  /** The exit code: set by the command as it ends; `run` returns it. */
  exitCode: ExitCode;
}

/** Where a file named on the command line is: `path` as given, resolved against the command's directory. */
export function filePath(io: Pick<CliIo, 'cwd'>, path: string): string {
  return resolve(io.cwd, path);
}
