import { analysisCheck } from './analysis';
import type { RuleSetCheck } from './finding';
import { ruleSetWarningsCheck } from './warnings';

/**
 * Checks `redress validate` runs after the rule file has loaded, in this order. Each is one module that
 * turns a loaded rule set into findings; to add one (an analyser of unreachable rules, a warning for a
 * rationale without a locale), write it beside this file and list it here.
 */
export const RULE_SET_CHECKS: readonly RuleSetCheck[] = [analysisCheck, ruleSetWarningsCheck];
