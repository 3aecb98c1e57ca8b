import { z } from 'zod';
import { RuleSetSchema } from './ruleset';

/**
 * The rule-set JSON Schema (draft 2020-12), generated from the same zod schema the loader uses, for
 * editors: point a rule file's `$schema` at `schema/ruleset.schema.json` to get completion and checks.
 * Some checks (a fact's operators and values, duplicate names) only `loadRuleSet` can make.
 */
export function ruleSetJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(RuleSetSchema, { io: 'input', unrepresentable: 'any', cycles: 'ref' }) as Record<
    string,
    unknown
  >;
}
