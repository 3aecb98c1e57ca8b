import { type PathSegment, type RedressIssue, toPointer } from '../errors';
import { LOCALE_CODES, type Locale, placeholders } from '../i18n/locale';
import { loadRuleSet, type RuleSet } from './ruleset';

/** Language names for messages about rule files. */
const LANGUAGE: Readonly<Record<Locale, string>> = { en: 'English', tr: 'Turkish', fa: 'Persian' };

/**
 * Something in a valid rule set that still deserves a look: it loads and runs, but a reader may get
 * less than the author meant. Shaped like an error's issue (`code`, `path`, `pointer`, `message`,
 * `hint`), always with the rule's name and the locale concerned.
 *
 * Codes: `missing_rationale_locale` (the rule's own text has no version in this locale, so English
 * is shown there) and `rationale_placeholder_mismatch` (a translation uses other `{placeholders}`
 * than the English text, so it says more or less than it).
 */
export interface RuleSetWarning extends RedressIssue {
  readonly code: 'missing_rationale_locale' | 'rationale_placeholder_mismatch';
  readonly rule: string;
  readonly locale: Locale;
}

/**
 * Warnings about a rule set (loaded, or JSON to load): the rules whose own rationale text lacks a
 * locale redress writes, or whose translations use other placeholders than English. Built-in
 * rationale keys exist in every locale and never warn. Rules are listed in file order, locales in
 * `LOCALE_CODES` order.
 *
 * @throws RedressError as `loadRuleSet` does, when the rule set is not valid at all.
 */
export function ruleSetWarnings(ruleSet: RuleSet | unknown): RuleSetWarning[] {
  const loaded = loadRuleSet(ruleSet);
  const warnings: RuleSetWarning[] = [];
  loaded.rules.forEach((rule, i) => {
    const rationale = rule.rationale;
    if (rationale === undefined || typeof rationale === 'string') return;
    const texts = rationale as Readonly<Partial<Record<Locale, string>>>;
    const english = new Set(placeholders(rationale.en));
    const at = `rule "${rule.name}" (rules[${i}])`;
    const warn = (
      code: RuleSetWarning['code'],
      path: PathSegment[],
      locale: Locale,
      message: string,
      hint: string,
    ) => warnings.push({ code, path, pointer: toPointer(path), message, rule: rule.name, hint, locale });
    for (const locale of LOCALE_CODES) {
      if (locale === 'en') continue;
      const language = `${LANGUAGE[locale]} (${locale})`;
      const text = texts[locale];
      if (text === undefined) {
        warn(
          'missing_rationale_locale',
          ['rules', i, 'rationale'],
          locale,
          `${at}: no ${language} rationale; its English text is shown instead`,
          `add "${locale}": "…" next to "en"`,
        );
        continue;
      }
      const own = new Set(placeholders(text));
      const missing = [...english].filter((p) => !own.has(p)).map((p) => `{${p}}`);
      const extra = [...own].filter((p) => !english.has(p)).map((p) => `{${p}}`);
      if (missing.length === 0 && extra.length === 0) continue;
      const differences = [
        ...(missing.length > 0 ? [`lacks ${missing.join(', ')}`] : []),
        ...(extra.length > 0 ? [`adds ${extra.join(', ')}`] : []),
      ];
      warn(
        'rationale_placeholder_mismatch',
        ['rules', i, 'rationale', locale],
        locale,
        `${at}: the ${language} rationale ${differences.join(' and ')} compared with English`,
        'use the same placeholders as the English text',
      );
    }
  });
  return warnings;
}
