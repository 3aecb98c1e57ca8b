import { Command } from 'commander';
import { ruleSetJsonSchema } from '../../index';
import type { CliIo } from '../io';

/** `redress schema`: the rule-set JSON Schema, for editors and CI checks. */
export function schemaCommand(io: CliIo): Command {
  return new Command('schema')
    .summary('print the rule-set JSON Schema')
    .description(
      'Print the rule-set JSON Schema; point a rule file\'s "$schema" at it for completion in editors.',
    )
    .action(() => {
      io.stdout.write(`${JSON.stringify(ruleSetJsonSchema(), null, 2)}\n`);
    });
}
