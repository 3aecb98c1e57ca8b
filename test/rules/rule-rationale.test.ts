import { describe, expect, it } from 'vitest';
import {
  createRecommender,
  defaultRuleSet,
  isRedressError,
  loadRuleSet,
  ruleSetWarnings,
} from '../../src/index';
import { scenario } from '../helpers';

const wrongItem = (rationale: unknown) => ({
  name: 'own-words',
  version: '1.0.0',
  currency: 'EUR',
  rules: [
    {
      name: 'wrong-item-own',
      priority: 80,
      conditions: { all: [{ fact: 'category', operator: 'equal', value: 'wrong_item' }] },
      remedies: [{ type: 'resend', shipping: 'express' }],
      rationale,
    },
  ],
});

const complaint = scenario('c-wrong-item');

describe('a rule file with its own rationale per locale', () => {
  it('uses the text of the rationale locale, with its placeholders filled in', async () => {
    const ruleSet = loadRuleSet(
      wrongItem({
        en: 'Order {orderId}: the right item goes out today.',
        tr: '{orderId} numaralı sipariş: doğru ürün bugün yola çıkıyor.',
        fa: 'سفارش {orderId}: کالای درست امروز ارسال می‌شود.',
      }),
    );
    const tr = await createRecommender({ ruleSet, locale: 'tr' }).recommend(complaint);
    const own = tr.rationale.find((s) => s.key === 'rule:wrong-item-own');
    expect(own).toEqual({
      key: 'rule:wrong-item-own',
      audience: 'agent',
      text: 'o-1001 numaralı sipariş: doğru ürün bugün yola çıkıyor.',
    });
    const fa = await createRecommender({ ruleSet, locale: 'fa' }).recommend(complaint);
    expect(fa.rationale.find((s) => s.key === 'rule:wrong-item-own')?.text).toBe(
      'سفارش \u2068o-1001\u2069: کالای درست امروز ارسال می‌شود.',
    );
    expect(ruleSetWarnings(ruleSet)).toEqual([]);
  });

  it('falls back to English where a locale is missing, isolated in Persian and marked with its locale', async () => {
    const ruleSet = loadRuleSet(wrongItem({ en: 'We send {subject} again, {daysLate} days late.' }));
    const tr = await createRecommender({ ruleSet, locale: 'tr' }).recommend(complaint);
    expect(tr.rationale.find((s) => s.key === 'rule:wrong-item-own')).toEqual({
      key: 'rule:wrong-item-own',
      audience: 'agent',
      text: 'We send order o-1001 again, 0 days late.',
      locale: 'en',
    });
    const fa = await createRecommender({ ruleSet, locale: 'fa' }).recommend(complaint);
    expect(fa.rationale.find((s) => s.key === 'rule:wrong-item-own')).toEqual({
      key: 'rule:wrong-item-own',
      audience: 'agent',
      text: '\u2068We send order o-1001 again, 0 days late.\u2069',
      locale: 'en',
    });
    const en = await createRecommender({ ruleSet }).recommend(complaint);
    expect(en.rationale.find((s) => s.key === 'rule:wrong-item-own')).not.toHaveProperty('locale');
  });

  it('accepts tr and fa texts in the rule file and refuses other locales', () => {
    expect(() => loadRuleSet(wrongItem({ en: 'x', de: 'y' }))).toThrow(/rationale/);
    expect(() => loadRuleSet(wrongItem({ tr: 'yalnızca Türkçe' }))).toThrow(/rationale/);
  });
});

describe('ruleSetWarnings', () => {
  it('warns about each locale a rule’s own rationale lacks, with the rule, the path and a hint', () => {
    const warnings = ruleSetWarnings(wrongItem({ en: 'English only.', fa: 'فقط فارسی.' }));
    expect(warnings).toEqual([
      {
        code: 'missing_rationale_locale',
        path: ['rules', 0, 'rationale'],
        pointer: '/rules/0/rationale',
        message:
          'rule "wrong-item-own" (rules[0]): no Turkish (tr) rationale; its English text is shown instead',
        rule: 'wrong-item-own',
        hint: 'add "tr": "…" next to "en"',
        locale: 'tr',
      },
    ]);
  });

  it('warns when a translation uses other placeholders than English', () => {
    const warnings = ruleSetWarnings(
      wrongItem({
        en: 'Order {orderId}, {daysLate} days late.',
        tr: 'Sipariş {subject}.',
        fa: 'سفارش {orderId}، {daysLate} روز.',
      }),
    );
    expect(warnings.map((w) => [w.code, w.pointer, 'locale' in w && w.locale, w.message])).toEqual([
      [
        'rationale_placeholder_mismatch',
        '/rules/0/rationale/tr',
        'tr',
        'rule "wrong-item-own" (rules[0]): the Turkish (tr) rationale lacks {orderId}, {daysLate} and adds {subject} compared with English',
      ],
    ]);
  });

  it('warns first about a rule set that names no currency, about the whole file', () => {
    const { currency: _, ...noCurrency } = wrongItem({ en: 'English only.' });
    const warnings = ruleSetWarnings(noCurrency);
    expect(warnings.map((w) => w.code)).toEqual([
      'missing_currency',
      'missing_rationale_locale',
      'missing_rationale_locale',
    ]);
    expect(warnings[0]).toEqual({
      code: 'missing_currency',
      path: [],
      pointer: '',
      message: expect.stringMatching(
        /^the rule set names no currency: its amounts are read in each complaint's own currency/,
      ),
      hint: expect.stringContaining('add "currency": "EUR"'),
    });
  });

  it('never warns about built-in rationale keys, which exist in every locale', () => {
    expect(ruleSetWarnings(defaultRuleSet)).toEqual([]);
  });

  it('loads JSON text itself and reports an invalid rule set as loadRuleSet does', () => {
    expect(ruleSetWarnings(JSON.stringify(wrongItem({ en: 'x', tr: 'x', fa: 'x' })))).toEqual([]);
    try {
      ruleSetWarnings({ name: 'broken' });
      expect.unreachable();
    } catch (error) {
      expect(isRedressError(error) && error.code).toBe('INVALID_RULESET');
    }
  });
});
