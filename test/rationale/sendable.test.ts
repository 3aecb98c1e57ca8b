import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRecommender, defaultRuleSet, LOCALE_CODES, loadRuleSet } from '../../src/index';
import { complaintArbitrary } from '../../src/testing/index';
import { RATES, scenarios } from '../helpers';
import { fcParams } from '../seed';
import { messageProblems, recommendationProblems, sendableProblems } from '../sendable';

// What a customer reads is sendable as it is, in every locale: on every hand-written scenario and on
// thousands of generated complaints (the checker is test/sendable.ts).

const ruleSet = loadRuleSet(defaultRuleSet);
const recommenders = new Map(
  LOCALE_CODES.map((locale) => [locale, createRecommender({ locale, exchangeRates: RATES })] as const),
);

/** Product names as shops write them, in the three languages; some lines have none. */
const NAMES = [
  'Koşu ayakkabısı, 42 numara',
  'کفش ورزشی سایز ۴۲',
  'Wool scarf',
  'Çay bardağı (6 adet)',
  undefined,
];

const complaints = fc
  .tuple(complaintArbitrary(), fc.array(fc.constantFrom(...NAMES), { minLength: 50, maxLength: 50 }))
  .map(([c, names]) =>
    c.order
      ? {
          ...c,
          order: {
            ...c.order,
            items: c.order.items?.map((item, i) =>
              names[i] === undefined ? item : { ...item, name: names[i] },
            ),
          },
        }
      : c,
  );

describe('the sendable checker', () => {
  it('finds what a native reader found', () => {
    const complaint = {
      ...[...scenarios().values()][0]!,
    };
    const ctx = { complaint, ruleSet };
    expect(sendableProblems('Dear {name},', { ...ctx, locale: 'en' })).toHaveLength(1);
    expect(
      sendableProblems('social-media ekibimizden bir çalışma arkadaşımız', { ...ctx, locale: 'tr' }),
    ).toHaveLength(1);
    expect(sendableProblems('یکی از همکاران ما در تیم ⁨social-media⁩', { ...ctx, locale: 'fa' })).not.toEqual(
      [],
    );
    expect(sendableProblems('We will send 1 × SHOE-42 again', { ...ctx, locale: 'en' })).toHaveLength(1);
    expect(sendableProblems('Size bir gift göndereceğiz.', { ...ctx, locale: 'tr' })).toHaveLength(1);
    expect(sendableProblems('تا 13 مارس', { ...ctx, locale: 'fa' })).toHaveLength(1);
    expect(sendableProblems('۱۳ ژوئن ۲۰۲۶', { ...ctx, locale: 'fa' })).toHaveLength(1);
    // Names from the input are the customer's own words.
    expect(
      sendableProblems('سفارش شمارهٔ ⁨o-1001⁩: ⁨Koşu ayakkabısı, 42 numara⁩', { ...ctx, locale: 'fa' }),
    ).toEqual([]);
  });
});

describe.each(LOCALE_CODES)('customer text in %s', (locale) => {
  const recommender = recommenders.get(locale)!;

  it('is sendable for every hand-written scenario', async () => {
    for (const [id, complaint] of scenarios()) {
      const r = await recommender.recommend(complaint);
      expect(recommendationProblems(r, { complaint, ruleSet }), id).toEqual([]);
    }
  });

  it('is sendable for 5,000 generated complaints', async () => {
    await fc.assert(
      fc.asyncProperty(complaints, async (complaint) => {
        const r = await recommender.recommend(complaint);
        expect(recommendationProblems(r, { complaint, ruleSet })).toEqual([]);
        expect(messageProblems(r, { complaint, ruleSet })).toEqual([]);
      }),
      fcParams(5_000),
    );
  }, 300_000);
});
