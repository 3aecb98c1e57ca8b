import { loadRuleSet, type RuleSet } from '../ruleset';
import defaultJson from './rules.json';

/**
 * The built-in rules, encoding the complaint-handling guides this project grew from (see
 * docs/default-rules.md). Validated like any other rule set.
 */
export const defaultRuleSet: RuleSet = loadRuleSet(defaultJson);
