import { Command } from 'commander';
import { version } from '../../package.json';
import { explainCommand } from './commands/explain';
import { incidentsCommand } from './commands/incidents';
import { outcomesCommand } from './commands/outcomes';
import { recommendCommand } from './commands/recommend';
import { schemaCommand } from './commands/schema';
import { simulateCommand } from './commands/simulate';
import { validateCommand } from './commands/validate';
import type { CliIo } from './io';
import { colorWanted } from './style';

/** Every subcommand, in the order `redress --help` lists them. Adding one is one file and one line here. */
const COMMANDS: readonly ((io: CliIo) => Command)[] = [
  validateCommand,
  recommendCommand,
  explainCommand,
  simulateCommand,
  incidentsCommand,
  outcomesCommand,
  schemaCommand,
];

/**
 * The `redress` program, writing through `io`. Parsing errors throw (`exitOverride`) so that `run`
 * decides the exit code.
 */
export function createProgram(io: CliIo): Command {
  const program = new Command('redress')
    .description('Turn customer complaints into concrete, fair, explained remedies, and test rule sets.')
    .version(version, '-V, --version')
    .showHelpAfterError('(run with --help for usage)')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput(output(io))
    .configureHelp({ sortSubcommands: false });
  // Subcommands added with addCommand inherit no settings: each gets the same output.
  for (const make of COMMANDS) {
    program.addCommand(make(io).exitOverride().showHelpAfterError().configureOutput(output(io)));
  }
  return program;
}

/** Commander's help, version and usage errors, written to the io's streams instead of the process's. */
function output(io: CliIo) {
  return {
    writeOut: (text: string) => io.stdout.write(text),
    writeErr: (text: string) => io.stderr.write(text),
    // Commander's own default: the terminal's width, else 80.
    getOutHelpWidth: () => (io.stdout.isTTY && io.stdout.columns) || 80,
    getErrHelpWidth: () => (io.stderr.isTTY && io.stderr.columns) || 80,
    getOutHasColors: () => colorWanted(io.stdout, io.env, undefined),
    getErrHasColors: () => colorWanted(io.stderr, io.env, undefined),
  };
}
