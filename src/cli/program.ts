import { Command } from 'commander';
import { version } from '../../package.json';
import { explainCommand } from './commands/explain';
import { incidentsCommand } from './commands/incidents';
import { recommendCommand } from './commands/recommend';
import { schemaCommand } from './commands/schema';
import { simulateCommand } from './commands/simulate';
import { validateCommand } from './commands/validate';

/** Every subcommand, in the order `redress --help` lists them. Adding one is one file and one line here. */
const COMMANDS: readonly (() => Command)[] = [
  validateCommand,
  recommendCommand,
  explainCommand,
  simulateCommand,
  incidentsCommand,
  schemaCommand,
];

/** The `redress` program. Parsing errors throw (`exitOverride`) so that `run` decides the exit code. */
export function createProgram(): Command {
  const program = new Command('redress')
    .description('Turn customer complaints into concrete, fair, explained remedies, and test rule sets.')
    .version(version, '-V, --version')
    .showHelpAfterError('(run with --help for usage)')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureHelp({ sortSubcommands: false });
  for (const make of COMMANDS) program.addCommand(make().exitOverride().showHelpAfterError());
  return program;
}
