#!/usr/bin/env node
import { CommanderError } from 'commander';
import { isRedressError } from '../index';
import { CliError } from './cli-error';
import { ExitCode } from './exit-code';
import { createProgram } from './program';
import { printable } from './style';

// The reader went away (`redress recommend big.jsonl | head -1`): stop at once and quietly, as a
// command killed by SIGPIPE would, instead of failing with a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(ExitCode.brokenPipe);
    // Any other output failure (a full disk behind a redirect): say so once, if stderr still works.
    if (stream === process.stdout)
      process.stderr.write(`redress: cannot write the output: ${error.message}\n`);
    process.exit(ExitCode.cannotRun);
  });
}

async function main(argv: readonly string[]): Promise<void> {
  try {
    await createProgram().parseAsync(argv, { from: 'user' });
  } catch (error) {
    process.exitCode = report(error);
  }
}

function report(error: unknown): number {
  if (error instanceof CommanderError) {
    // Help and version are "errors" to commander; a usage error has already been printed.
    return error.exitCode === 0 ? ExitCode.ok : ExitCode.cannotRun;
  }
  if (error instanceof CliError) {
    process.stderr.write(`redress: ${printable(error.message)}\n`);
    return error.exitCode;
  }
  if (isRedressError(error)) {
    process.stderr.write(`redress: ${printable(error.message)}\n`);
    return ExitCode.cannotRun;
  }
  // A bug: say so, with the stack, so that it can be reported.
  process.stderr.write(
    `redress: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  return ExitCode.cannotRun;
}

void main(process.argv.slice(2));
