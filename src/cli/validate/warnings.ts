import { ruleSetWarnings } from '../../index';
import type { RuleSetCheck } from './finding';

/**
 * The library's `ruleSetWarnings`: a rule set that names no currency (its amounts are read in each
 * complaint's own), and a rule's own rationale text that lacks a language (its English text is shown
 * instead) or whose translation uses other placeholders than the English.
 */
export const ruleSetWarningsCheck: RuleSetCheck = {
  name: 'rule-set-warnings',
  run: (ruleSet) =>
    ruleSetWarnings(ruleSet).map((w) => ({
      severity: 'warning',
      code: w.code,
      message: w.message,
      path: w.path,
      pointer: w.pointer,
      ...('rule' in w ? { rule: w.rule } : {}),
      ...(w.hint === undefined ? {} : { hint: w.hint }),
    })),
};
