import { EventEmitter } from 'node:events';
import type { CliInput, CliIo, CliOutput } from '../../src/cli/io';
import { run } from '../../src/cli/run';
import { type CliRun, root } from './run';

/** A standard stream kept in memory: everything written, in order. */
export interface MemoryOutput extends CliOutput {
  /** What was written so far. */
  text(): string;
}

/** An output stream that keeps what is written; a terminal `columns` wide when `tty`. */
export function memoryOutput(options: { tty?: boolean; columns?: number } = {}): MemoryOutput {
  const chunks: string[] = [];
  const events = new EventEmitter();
  return {
    isTTY: options.tty === true,
    ...(options.columns === undefined ? {} : { columns: options.columns }),
    write(text) {
      chunks.push(text);
      return true;
    },
    once(event, listener) {
      return events.once(event, listener);
    },
    text: () => chunks.join(''),
  };
}

/** Standard input holding `input`, read in one chunk; a terminal when `tty` (then nothing is typed). */
export function memoryInput(input: string | Buffer | undefined, tty = false): CliInput {
  const bytes = input === undefined ? undefined : Buffer.from(input);
  return {
    isTTY: tty,
    async *[Symbol.asyncIterator]() {
      if (bytes !== undefined && bytes.length > 0) yield bytes;
    },
  };
}

/** How an in-process run sees the world; everything has a default that matches `runCli` in run.ts. */
export interface InProcessOptions {
  /** Standard input (none: an empty pipe, as a spawned run with no input gets). */
  readonly input?: string | Buffer;
  /** Variables on top of `NO_COLOR=1` (the process's own environment is not inherited). */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** The working directory (default: the repository root, as for spawned runs). */
  readonly cwd?: string;
  /** Which streams are terminals. */
  readonly tty?: { readonly stdin?: boolean; readonly stdout?: boolean; readonly stderr?: boolean };
  /** The terminals' width. */
  readonly columns?: number;
  /** The clock the progress bar reads (default: a clock that advances 1 ms per reading). */
  readonly now?: () => number;
  /**
   * File descriptors behind standard input and output, as a shell redirect gives them (`< file`,
   * `>> file`); the streams' contents are still `input` and memory.
   */
  readonly fds?: { readonly stdin?: number; readonly stdout?: number };
}

function withFd<T extends object>(stream: T, fd: number | undefined): T {
  return fd === undefined ? stream : Object.assign(stream, { fd });
}

/** An io in memory, and the streams behind it. */
export function memoryIo(
  args: readonly string[],
  options: InProcessOptions = {},
): CliIo & { readonly stdout: MemoryOutput; readonly stderr: MemoryOutput } {
  let tick = 0;
  const columns = options.columns === undefined ? {} : { columns: options.columns };
  return {
    argv: args,
    env: { NO_COLOR: '1', ...options.env },
    cwd: options.cwd ?? root,
    stdin: withFd(memoryInput(options.input, options.tty?.stdin), options.fds?.stdin),
    stdout: withFd(memoryOutput({ tty: options.tty?.stdout, ...columns }), options.fds?.stdout),
    stderr: memoryOutput({ tty: options.tty?.stderr, ...columns }),
    now: options.now ?? (() => tick++),
    resources: () => ({ maxRssBytes: 0, cpuSeconds: 0 }),
    exitCode: 0,
  };
}

/**
 * Runs `redress ARGS` in this process, from the source, through an io in memory: what `runCli` (run.ts)
 * does with a child process, without starting one. The result has the same shape (`signal` is always
 * null). The built command's own wiring (bin.ts: real streams, EPIPE, signals, exit codes of a real
 * process) is covered by the spawned tests that remain.
 */
export async function runInProcess(args: readonly string[], options: InProcessOptions = {}): Promise<CliRun> {
  const io = memoryIo(args, options);
  const code = await run(io);
  return { code, signal: null, stdout: io.stdout.text(), stderr: io.stderr.text() };
}
