import { ruleSetWarnings } from '../../index';
import type { RuleSetCheck } from './finding';

/**
 * Warns about a rule's own rationale text that lacks a language (its English text is shown instead) or
 * whose translation uses other placeholders than the English: the library's `ruleSetWarnings`.
 */
export const rationaleLocalesCheck: RuleSetCheck = {
  name: 'rationale-locales',
  run: (ruleSet) =>
    ruleSetWarnings(ruleSet).map((w) => ({
      severity: 'warning',
      code: w.code,
      message: w.message,
      path: w.path,
      pointer: w.pointer,
      rule: w.rule,
      hint: w.hint,
    })),
};
