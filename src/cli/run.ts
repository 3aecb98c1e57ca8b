import { CommanderError } from 'commander';
import { isRedressError } from '../index';
import { CliError } from './cli-error';
import { ExitCode } from './exit-code';
import type { CliIo } from './io';
import { createProgram } from './program';
import { printable } from './style';

/**
 * Runs the `redress` command once against `io`: parses `io.argv`, runs the command, reports a failure
 * on `io.stderr` (without a stack trace, unless it is a bug) and returns the exit code, also left in
 * `io.exitCode`. Never touches `process`: `bin.ts` does that.
 */
export async function run(io: CliIo): Promise<ExitCode> {
  try {
    await createProgram(io).parseAsync([...io.argv], { from: 'user' });
  } catch (error) {
    io.exitCode = report(io, error);
  }
  return io.exitCode;
}

function report(io: CliIo, error: unknown): ExitCode {
  if (error instanceof CommanderError) {
    // Help and version are "errors" to commander; a usage error has already been printed.
    return error.exitCode === 0 ? ExitCode.ok : ExitCode.cannotRun;
  }
  if (error instanceof CliError) {
    io.stderr.write(`redress: ${printable(error.message)}\n`);
    return error.exitCode;
  }
  if (isRedressError(error)) {
    io.stderr.write(`redress: ${printable(error.message)}\n`);
    return ExitCode.cannotRun;
  }
  // A bug: say so, with the stack, so that it can be reported.
  io.stderr.write(
    `redress: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  return ExitCode.cannotRun;
}
