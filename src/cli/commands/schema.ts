import { Argument, Command } from 'commander';
import { ruleSetJsonSchema } from '../../index';
import { outcomeJsonSchema } from '../../outcomes/index';
import type { CliIo } from '../io';

/** The schemas `redress schema` prints, by name. */
const SCHEMAS = { ruleset: ruleSetJsonSchema, outcome: outcomeJsonSchema } as const;

/** `redress schema [ruleset|outcome]`: a JSON Schema, for editors, data pipelines and CI checks. */
export function schemaCommand(io: CliIo): Command {
  return new Command('schema')
    .summary('print the rule-set (or outcome) JSON Schema')
    .description(
      'Print the rule-set JSON Schema; point a rule file\'s "$schema" at it for completion in editors. ' +
        '`redress schema outcome` prints the schema of one line of an outcomes file (redress outcomes).',
    )
    .addArgument(new Argument('[kind]', 'which schema').choices(Object.keys(SCHEMAS)).default('ruleset'))
    .action((kind: keyof typeof SCHEMAS) => {
      io.stdout.write(`${JSON.stringify(SCHEMAS[kind](), null, 2)}\n`);
    });
}
