import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRecommender, defaultRuleSet, LOCALE_CODES, loadRuleSet } from '../../src/index';
import { complaintArbitrary } from '../../src/testing/index';
import { expectNone } from '../cheap-expect';
import { RATES, scenarios } from '../helpers';
import { fcParams } from '../seed';
import { messageProblems, recommendationProblems, sendableProblems } from '../sendable';

// What a customer reads is sendable as it is, in every locale: on every hand-written scenario and on
// thousands of generated complaints (the checker is test/sendable.ts).

const ruleSet = loadRuleSet(defaultRuleSet);
// Persian customers read rials in toman, as Iranian shops write prices: a rial amount that is not a whole
// number of toman must then be shown in rials (there is no fraction of a toman in print).
const recommenders = new Map(
  LOCALE_CODES.map(
    (locale) =>
      [
        locale,
        createRecommender({
          locale,
          exchangeRates: RATES,
          ...(locale === 'fa' ? { currencyDisplay: { IRR: 'toman' } as const } : {}),
        }),
      ] as const,
  ),
);

/** Product names as shops write them, in the three languages; some lines have none. */
const NAMES = [
  'Koşu ayakkabısı, 42 numara',
  'کفش ورزشی سایز ۴۲',
  'Wool scarf',
  'Çay bardağı (6 adet)',
  undefined,
];

/** Complaints in the rule set's euros and in the customers' own lira, rials and yen. */
const anyCurrency = fc.oneof(
  { arbitrary: complaintArbitrary(), weight: 3 },
  ...['TRY', 'IRR', 'JPY'].map((currency) => ({ arbitrary: complaintArbitrary({ currency }), weight: 1 })),
);

/** Customers in their own time zones (a promised contact then says its time), and without one. */
const ZONES = ['Europe/Istanbul', 'Asia/Tehran', 'America/New_York', 'Asia/Kathmandu', undefined];

const complaints = fc
  .tuple(
    anyCurrency,
    fc.array(fc.constantFrom(...NAMES), { minLength: 50, maxLength: 50 }),
    fc.constantFrom(...ZONES),
  )
  .map(([generated, names, timeZone]) => {
    const c =
      timeZone === undefined ? generated : { ...generated, customer: { ...generated.customer, timeZone } };
    return c.order
      ? {
          ...c,
          order: {
            ...c.order,
            items: c.order.items?.map((item, i) =>
              names[i] === undefined ? item : { ...item, name: names[i] },
            ),
          },
        }
      : c;
  });

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
    // A SKU, named or not: the product is named by its name, or the sentence names no item.
    const unnamed = {
      ...complaint,
      order: { ...complaint.order!, items: [{ sku: 'JACKET-M', quantity: 1, unitPrice: 80 }] },
    };
    expect(
      sendableProblems('We will send 1 × JACKET-M again', { complaint: unnamed, ruleSet, locale: 'en' }),
    ).toHaveLength(1);
    expect(
      sendableProblems('We will send the item again', { complaint: unnamed, ruleSet, locale: 'en' }),
    ).toEqual([]);
    // No count of customers, no fractional toman, money as each language writes it.
    expect(sendableProblems('a known problem affecting 45 customers', { ...ctx, locale: 'en' })).toHaveLength(
      1,
    );
    expect(sendableProblems('مبلغ ۲۳۴٬۵۳۰٫۵ تومان را', { ...ctx, locale: 'fa' })).toHaveLength(1);
    expect(sendableProblems('مبلغ ۲٬۳۴۵٬۳۰۵ ریال ایران را', { ...ctx, locale: 'fa' })).toHaveLength(1);
    expect(sendableProblems('مبلغ ۱۸٫۰۰ یورو را', { ...ctx, locale: 'fa' })).toHaveLength(1);
    expect(sendableProblems('مبلغ ۱۸ یورو و ۵٫۹۹ یورو را', { ...ctx, locale: 'fa' })).toEqual([]);
    // One month, one day: spelt, as a Persian writer does; a date's day 1 and other numbers stay digits.
    expect(sendableProblems('برای جبران، ۱ ماه استفادهٔ رایگان', { ...ctx, locale: 'fa' })).toHaveLength(1);
    expect(sendableProblems('با ۱ روز تأخیر', { ...ctx, locale: 'fa' })).toHaveLength(1);
    expect(
      sendableProblems('یک ماه، از ۱ فروردین ۱۴۰۵ تا ۱۱ روز بعد و ۲۱ ماه', { ...ctx, locale: 'fa' }),
    ).toEqual([]);
    expect(sendableProblems('en fazla €25,00 değerinde', { ...ctx, locale: 'tr' })).toHaveLength(1);
    expect(sendableProblems('IRR 32.050.000 tutarında', { ...ctx, locale: 'tr' })).toHaveLength(1);
    expect(sendableProblems('en fazla 25,00 € ve 499,90 TL', { ...ctx, locale: 'tr' })).toEqual([]);
    expect(sendableProblems('en fazla ₺499,90', { ...ctx, locale: 'tr' })).toHaveLength(1);
    // Names from the input are the customer's own words; one with a comma is quoted, in every locale.
    expect(
      sendableProblems('سفارش شمارهٔ ⁨o-1001⁩: «⁨Koşu ayakkabısı, 42 numara⁩»', { ...ctx, locale: 'fa' }),
    ).toEqual([]);
    expect(sendableProblems('⁨Koşu ayakkabısı, 42 numara⁩ را', { ...ctx, locale: 'fa' })).toHaveLength(1);
    expect(
      sendableProblems('göndereceğiz: Koşu ayakkabısı, 42 numara ve diğer ürün.', { ...ctx, locale: 'tr' }),
    ).toHaveLength(1);
    expect(
      sendableProblems('göndereceğiz: “Koşu ayakkabısı, 42 numara” ve diğer ürün.', { ...ctx, locale: 'tr' }),
    ).toEqual([]);
    expect(
      sendableProblems('We will send "Koşu ayakkabısı, 42 numara" again', { ...ctx, locale: 'en' }),
    ).toEqual([]);
    // No bidi mark (the CLI prints one as U+FFFD), and no U+FFFD.
    expect(sendableProblems('الف،\u200f ب و ج', { ...ctx, locale: 'fa' })).toHaveLength(1);
    expect(sendableProblems('الف،� ب و ج', { ...ctx, locale: 'fa' })).toHaveLength(1);
    // Store credit is no bank loan; nothing is "below" in a call.
    expect(
      sendableProblems('Dilerseniz alışveriş kredisi tercih edebilirsiniz', { ...ctx, locale: 'tr' }),
    ).toHaveLength(1);
    expect(sendableProblems('size sunabileceklerimiz aşağıdadır.', { ...ctx, locale: 'tr' })).toHaveLength(1);
    // An alternative to the whole offer, not "instead" of the sentence before it (often the gift).
    expect(
      sendableProblems('If you would prefer a refund instead, just let us know.', { ...ctx, locale: 'en' }),
    ).toHaveLength(1);
    expect(sendableProblems('Bunun yerine para iadesi isterseniz', { ...ctx, locale: 'tr' })).toHaveLength(1);
    // A resend is no exchange: a missing item's customer has nothing to hand back (tr review4 1).
    expect(
      sendableProblems('Dilerseniz para iadesi yerine yenisiyle değişim tercih edebilirsiniz', {
        ...ctx,
        locale: 'tr',
      }),
    ).toHaveLength(1);
    // Each alternative replaces one part of the offer, not all of it (review4 en M1).
    expect(
      sendableProblems('If you would rather have a coupon than what we have offered, just let us know.', {
        ...ctx,
        locale: 'en',
      }),
    ).toHaveLength(1);
    expect(
      sendableProblems('Bu çözüm yerine indirim kuponu tercih ederseniz bize bildirmeniz yeterli.', {
        ...ctx,
        locale: 'tr',
      }),
    ).toHaveLength(1);
    expect(sendableProblems('Size bizzat yardımcı olabilmemiz için', { ...ctx, locale: 'tr' })).toHaveLength(
      1,
    );
    // "This message" to a customer who phoned or came to the shop.
    const phoned = { ...ctx, complaint: { ...complaint, channel: 'phone' as const } };
    expect(sendableProblems('این پیام را همراه با پیام قبلی شما', { ...phoned, locale: 'fa' })).toHaveLength(
      1,
    );
    expect(sendableProblems('این پیام را همراه با پیام قبلی شما', { ...ctx, locale: 'fa' })).toEqual([]);
    expect(sendableProblems('Bu mesajınızı, önceki mesajınızla', { ...phoned, locale: 'tr' })).toHaveLength(
      1,
    );
    expect(
      sendableProblems('We are handling this message together', { ...phoned, locale: 'en' }),
    ).toHaveLength(1);
  });
});

describe.each(LOCALE_CODES)('customer text in %s', (locale) => {
  const recommender = recommenders.get(locale)!;

  it('is sendable for every hand-written scenario', async () => {
    for (const [id, complaint] of scenarios()) {
      const r = await recommender.recommend(complaint);
      expectNone(recommendationProblems(r, { complaint, ruleSet }), id);
    }
  });

  it('is sendable for 5,000 generated complaints', async () => {
    await fc.assert(
      fc.asyncProperty(complaints, async (complaint) => {
        const r = await recommender.recommend(complaint);
        expectNone(recommendationProblems(r, { complaint, ruleSet }));
        expectNone(messageProblems(r, { complaint, ruleSet }));
        expectNone(sendableProblems(r.followUp.survey.question, { complaint, ruleSet, locale }));
      }),
      fcParams(5_000),
    );
  }, 300_000);
});
