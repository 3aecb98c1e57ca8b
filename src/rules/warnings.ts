import { type PathSegment, type RedressIssue, toPointer } from '../errors';
import { LOCALE_CODES, type Locale, placeholders } from '../i18n/locale';
import { loadRuleSet, type RuleSet } from './ruleset';

/** Language names for messages about rule files. */
const LANGUAGE: Readonly<Record<Locale, string>> = { en: 'English', tr: 'Turkish', fa: 'Persian' };

/**
 * A rule's own rationale text that a reader of one locale gets less of than the author meant:
 * `missing_rationale_locale` (no version in this locale, so English is shown there) or
 * `rationale_placeholder_mismatch` (a translation uses other `{placeholders}` than the English text,
 * so it says more or less than it). Always with the rule's name and the locale concerned.
 */
export interface RationaleWarning extends RedressIssue {
  readonly code: 'missing_rationale_locale' | 'rationale_placeholder_mismatch';
  readonly rule: string;
  readonly locale: Locale;
}

/**
 * `missing_currency`: the rule set names no `currency`, so its amounts (caps, auto-approval, gifts,
 * money in conditions, spend weights) are read in each complaint's own currency, and the same harm
 * costs a hundred times more in one currency than in another. About the whole file (path `[]`).
 */
export interface CurrencyWarning extends RedressIssue {
  readonly code: 'missing_currency';
}

/**
 * `escalation_after_first_answer`: a rule escalates within more hours than the policy's first answer
 * (`policy.respondWithinHours`). An escalation never answers later than the first answer, so it is due
 * then: the file says a deadline it does not get. At the escalation's `respondWithinHours`, with the
 * rule's name.
 */
export interface EscalationWarning extends RedressIssue {
  readonly code: 'escalation_after_first_answer';
  readonly rule: string;
}

/**
 * Something in a valid rule set that still deserves a look: it loads and runs, but a reader may get
 * less than the author meant. Shaped like an error's issue (`code`, `path`, `pointer`, `message`,
 * `hint`); a rationale warning also names the rule and the locale (narrow on `code`).
 */
export type RuleSetWarning = CurrencyWarning | EscalationWarning | RationaleWarning;

/** The escalations a rule set says are due later than its first answer, which they are not. */
function escalationWarnings(ruleSet: RuleSet): EscalationWarning[] {
  const first = ruleSet.policy.respondWithinHours;
  const warnings: EscalationWarning[] = [];
  ruleSet.rules.forEach((rule, i) => {
    rule.remedies.forEach((spec, j) => {
      if (spec.type !== 'escalate' || spec.respondWithinHours <= first) return;
      const path = ['rules', i, 'remedies', j, 'respondWithinHours'];
      const hours = spec.respondWithinHours;
      warnings.push({
        code: 'escalation_after_first_answer',
        rule: rule.name,
        path,
        pointer: toPointer(path),
        message: `rule "${rule.name}" (rules[${i}]) escalates to ${spec.queue} within ${hours} h, but the first answer is due within ${first} h (policy.respondWithinHours): the escalation is due then, not after ${hours} h`,
        hint: `write "respondWithinHours": ${first} or less here, or raise policy.respondWithinHours to ${hours}`,
      });
    });
  });
  return warnings;
}

/** The warning for a rule set without a currency, or none. */
function currencyWarnings(ruleSet: RuleSet): CurrencyWarning[] {
  if (ruleSet.currency !== undefined) return [];
  return [
    {
      code: 'missing_currency',
      path: [],
      pointer: '',
      message:
        "the rule set names no currency: its amounts are read in each complaint's own currency, so €150 and ₺150 are the same limit",
      hint: 'add "currency": "EUR" (the ISO 4217 code its amounts are in) at the top, and pass exchangeRates for complaints in other currencies',
    },
  ];
}

/**
 * Warnings about a rule set (loaded, or JSON to load): a rule set that names no `currency` (first),
 * the escalations due later than the policy's first answer, then the rules whose own rationale text lacks a locale redress writes, or whose translations use
 * other placeholders than English. Built-in rationale keys exist in every locale and never warn.
 * Rules are listed in file order, locales in `LOCALE_CODES` order.
 *
 * @throws RedressError as `loadRuleSet` does, when the rule set is not valid at all.
 */
export function ruleSetWarnings(ruleSet: RuleSet | unknown): RuleSetWarning[] {
  const loaded = loadRuleSet(ruleSet);
  const warnings: RuleSetWarning[] = [...currencyWarnings(loaded), ...escalationWarnings(loaded)];
  loaded.rules.forEach((rule, i) => {
    const rationale = rule.rationale;
    if (rationale === undefined || typeof rationale === 'string') return;
    const texts = rationale as Readonly<Partial<Record<Locale, string>>>;
    const english = new Set(placeholders(rationale.en));
    const at = `rule "${rule.name}" (rules[${i}])`;
    const warn = (
      code: RationaleWarning['code'],
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
