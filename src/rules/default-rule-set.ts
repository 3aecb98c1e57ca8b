import defaultJson from './default.json';
import { loadRuleSet, type RuleSet } from './ruleset';

/**
 * The built-in rules, encoding the complaint-handling guides this project grew from (see the README,
 * "The default rules"). Validated like any other rule set.
 */
export const defaultRuleSet: RuleSet = loadRuleSet(defaultJson);
