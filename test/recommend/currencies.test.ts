import { describe, expect, it } from 'vitest';
import {
  type ComplaintInput,
  createRecommender,
  isRecommendationError,
  type Recommendation,
  type RedressError,
} from '../../src/index';
import { fromMinor, toMinor } from '../../src/money';
import { categoryRule, complaint, ruleSet, subscriptionComplaint } from '../complaint-builder';
import { RATES, thrown } from '../helpers';

/**
 * Complaints in EUR, TRY, IRR, JPY and KWD against the default rules, which are in EUR: the same harm
 * at the example rates (examples/rates.json) gets the same remedies, caps, handling and scores; only
 * the amounts are in the customer's currency, restitution exactly, goodwill printed.
 */

const recommender = createRecommender({ exchangeRates: RATES });
const CURRENCIES = ['TRY', 'IRR', 'JPY', 'KWD'] as const;
const rate = (currency: string) => (currency === 'EUR' ? 1 : (RATES.rates[currency] as number));
/** An amount of euros in `currency` at the example rate (exact for multiples of €0.10). */
const inCurrency = (eur: number, currency: string) =>
  fromMinor(toMinor(eur * rate(currency), currency), currency);

/** The same complaint with every amount in `currency` at the example rate. */
function expressedIn(c: ComplaintInput, currency: string): ComplaintInput {
  const copy = structuredClone(c);
  const m = (eur: number) => inCurrency(eur, currency);
  if (copy.order) {
    copy.order.currency = currency;
    copy.order.total = m(copy.order.total);
    copy.order.items = (copy.order.items ?? []).map((i) => ({ ...i, unitPrice: m(i.unitPrice) }));
    if (copy.order.overcharge !== undefined) copy.order.overcharge = m(copy.order.overcharge);
  }
  if (copy.subscription) {
    copy.subscription.currency = currency;
    copy.subscription.monthlyPrice = m(copy.subscription.monthlyPrice);
  }
  copy.customer.lifetimeSpend = m(copy.customer.lifetimeSpend ?? 0);
  copy.customer.compensationHistory = (copy.customer.compensationHistory ?? []).map((h) => ({
    ...h,
    amount: m(h.amount),
    currency,
  }));
  return copy;
}

/** A wrong shoe size on a €59.90 order from a customer who has spent €700: the guides' first story. */
function wrongSize(): ComplaintInput {
  return complaint({
    order: {
      id: 'o-42',
      total: 59.9,
      currency: 'EUR',
      placedAt: '2026-03-01',
      items: [{ sku: 'SHOE-42', quantity: 1, unitPrice: 59.9 }],
    },
    customer: { id: 'u-7', since: '2024-05-01', lifetimeSpend: 700, orderCount: 4 },
  });
}

/** What must not depend on the currency: remedy types, handling, scores, the facts the rules read. */
function judgement(rec: Recommendation) {
  const { currency: _currency, ...facts } = rec.trace.facts;
  return {
    remedies: rec.remedies.map((r) => [r.type, r.kind, r.rule]),
    handling: [rec.handling.mode, rec.handling.reasons, rec.handling.queue],
    severity: rec.severity.score,
    value: [rec.value.score, rec.value.tier],
    facts,
    fired: rec.trace.fired.map((f) => f.name),
    binding: rec.cap.binding,
  };
}

describe('a complaint in another currency than the rule set’s', () => {
  for (const currency of CURRENCIES) {
    it(`gets in ${currency} what the same complaint gets in EUR: remedies, caps, handling, tier`, async () => {
      const eur = await recommender.recommend(wrongSize());
      const other = await recommender.recommend(expressedIn(wrongSize(), currency));
      expect(judgement(other)).toEqual(judgement(eur));
      expect(other.money).toEqual({
        ruleSetCurrency: 'EUR',
        currency,
        rate: rate(currency),
        asOf: '2026-11-01',
      });
      expect(other.currency).toBe(currency);
      // Every limit is the EUR limit at the rate, to the minor unit.
      for (const field of [
        'affectedValue',
        'severityLimit',
        'tierLimit',
        'totalLimit',
        'goodwillLimit',
      ] as const) {
        expect(
          Math.abs(toMinor(other.cap[field], currency) - toMinor(eur.cap[field] * rate(currency), currency)),
        ).toBeLessThanOrEqual(1);
      }
      // The resend (the shoe and €15 of express shipping) and the return, at the rate, exactly.
      const owed = (r: Recommendation) =>
        r.remedies.filter((x) => x.type !== 'gift').map((x) => x.estimatedCost);
      expect(owed(other)).toEqual(owed(eur).map((c) => inCurrency(c, currency)));
      // The gift is a share of the order, priced in the customer's money: 11% for this silver customer
      // (the rule's 10% × the silver multiplier 1.1), to the nearest minor unit of each currency.
      const gift = (r: Recommendation) =>
        toMinor(r.remedies.find((x) => x.type === 'gift')?.estimatedCost ?? 0, r.currency);
      expect(gift(other)).toBe(Math.round(toMinor(other.cap.affectedValue, currency) * 0.11));
      expect(gift(eur)).toBe(659);
    });
  }

  it('fixes the issue’s Turkish order: a 10% gift (11% for silver) of ₺274.99, not ₺25, and no person for the cost', async () => {
    const c = complaint({
      order: {
        id: 'o-tr',
        total: 2499.9,
        currency: 'TRY',
        placedAt: '2026-03-01',
        items: [{ sku: 'SHOE-42', quantity: 1, unitPrice: 2499.9 }],
      },
      customer: { id: 'u-tr', since: '2024-05-01', lifetimeSpend: 25_000, orderCount: 4 },
    });
    const rec = await recommender.recommend(c);
    // 10% of ₺2,499.90, times 1.1 for a silver customer (policy.goodwillMultiplierByTier).
    expect(rec.remedies.find((r) => r.type === 'gift')?.estimatedCost).toBe(274.99);
    expect(rec.handling.mode).toBe('automatic');
    // ₺25,000 is about €685: a silver customer, not a platinum one.
    expect(rec.value.tier).toBe('silver');
    // The factor names the customer's own figure, and the euros its points were read from.
    expect(rec.value.factors.find((f) => f.code === 'lifetimeSpend')?.params).toEqual({
      amount: 25_000,
      currency: 'TRY',
      ruleSetAmount: 684.93,
      ruleSetCurrency: 'EUR',
    });
    expect(rec.trace.facts.orderTotal).toBe(68.49);
    const rials = await recommender.recommend({
      ...c,
      order: {
        ...c.order,
        total: 45_000_000,
        currency: 'IRR',
        items: [{ sku: 'SHOE-42', quantity: 1, unitPrice: 45_000_000 }],
      },
      customer: { ...c.customer, lifetimeSpend: 0 },
    } as ComplaintInput);
    expect(rials.remedies.find((r) => r.type === 'gift')?.estimatedCost).toBe(4_950_000);
  });

  it('keeps restitution exact in the customer’s money: an overcharge is refunded to the kuruş', async () => {
    const c = complaint({ category: 'billing_error' });
    c.order = {
      ...(c.order as NonNullable<ComplaintInput['order']>),
      currency: 'TRY',
      total: 3650,
      overcharge: 123.45,
    };
    c.order.items = [{ sku: 'SKU-1', quantity: 2, unitPrice: 1825 }];
    const rec = await recommender.recommend(c);
    // Through euros and back it would be ₺123.37 (€3.38 at 36.5): the customer gets what was taken.
    expect(rec.remedies.find((r) => r.type === 'refund')).toMatchObject({
      kind: 'restitution',
      amount: 123.45,
    });
    expect(rec.restitutionCost).toBe(123.45);
    expect(rec.trace.facts.overcharge).toBe(3.38);
  });

  it('prices a resend at the goods’ own price and the rule set’s shipping at the rate', async () => {
    const c = expressedIn(wrongSize(), 'KWD');
    const rec = await recommender.recommend(c);
    // 19.767 KWD for the shoe and €15 × 0.33 = 4.950 KWD for express shipping.
    expect(rec.remedies.find((r) => r.type === 'resend')?.estimatedCost).toBe(24.717);
  });

  it('gives amounts a rule names converted and printed: the dear plan’s €100 coupon (€110 for silver) in every currency', async () => {
    const dear = subscriptionComplaint({ subscription: { plan: 'Max', monthlyPrice: 120, currency: 'EUR' } });
    const coupons = await Promise.all(
      ['EUR', ...CURRENCIES].map(async (currency) => {
        const rec = await recommender.recommend(expressedIn(dear, currency));
        return [currency, rec.remedies.find((r) => r.type === 'coupon')?.estimatedCost];
      }),
    );
    // €110: the rule's €100 times 1.1 for this silver subscriber, converted, then printed.
    expect(coupons).toEqual([
      ['EUR', 110],
      ['TRY', 4000],
      ['IRR', 52_000_000],
      ['JPY', 17_600],
      ['KWD', 36.5],
    ]);
  });
});

describe('printed goodwill', () => {
  // A gift of €8.99 under a standard-tier cap of `cap` euros.
  const giftRules = (cap: number) =>
    ruleSet(
      [categoryRule('gift', 'wrong_item', [{ type: 'gift', value: 8.99 }])],
      {
        maxGoodwillByTier: { standard: cap, silver: cap, gold: cap, platinum: cap },
        autoApproveMaxCost: 1000,
      },
      { currency: 'EUR' },
    );
  const gift = async (cap: number, currency: string) => {
    const rec = await createRecommender({ ruleSet: giftRules(cap), exchangeRates: RATES }).recommend(
      expressedIn(complaint(), currency),
    );
    return rec.remedies.find((r) => r.type === 'gift')?.estimatedCost;
  };

  it('is rounded to what a shop prints: ₺330, 425,000 toman, ¥1,440, 2.950 KWD for €8.99', async () => {
    expect(await gift(60, 'EUR')).toBe(8.99);
    expect(await gift(60, 'TRY')).toBe(330);
    expect(await gift(60, 'IRR')).toBe(4_250_000);
    expect(await gift(60, 'JPY')).toBe(1440);
    expect(await gift(60, 'KWD')).toBe(2.95);
  });

  it('is rounded down when rounding up would pass a cap, and never passes one', async () => {
    // A cap of €9 is ₺328.50: the gift's ₺328.14 fits, its nearest printable ₺330 would not.
    const rec = await createRecommender({ ruleSet: giftRules(9), exchangeRates: RATES }).recommend(
      expressedIn(complaint(), 'TRY'),
    );
    expect(rec.remedies.find((r) => r.type === 'gift')?.estimatedCost).toBe(325);
    expect(rec.cap.goodwillLimit).toBe(328.5);
    expect(rec.trace.dropped).toEqual([]);
    // A cap of €5 (₺182.50) reduces the gift, and the reduced gift is printed below the cap: ₺182 (the step is ₺2).
    const capped = await createRecommender({ ruleSet: giftRules(5), exchangeRates: RATES }).recommend(
      expressedIn(complaint(), 'TRY'),
    );
    expect(capped.remedies.find((r) => r.type === 'gift')?.estimatedCost).toBe(182);
    expect(capped.trace.dropped).toEqual([
      expect.objectContaining({ type: 'gift', reason: 'reduced', estimatedCost: 328.14, keptCost: 182 }),
    ]);
  });

  it('never moves the total across the auto-approval limit', async () => {
    // Auto-approval at €8.99 exactly: the exact gift is within it, so the printed one must be too.
    const rules = ruleSet(
      [categoryRule('gift', 'wrong_item', [{ type: 'gift', value: 8.99 }])],
      { autoApproveMaxCost: 8.99 },
      { currency: 'EUR' },
    );
    const rec = await createRecommender({ ruleSet: rules, exchangeRates: RATES }).recommend(
      expressedIn(complaint(), 'TRY'),
    );
    expect(rec.handling.mode).toBe('automatic');
    expect(rec.totalCost).toBe(325);
  });
});

describe('compensation history in several currencies', () => {
  it('is converted into the complaint’s currency for the per-customer limit, and into euros for the facts', async () => {
    const c = expressedIn(wrongSize(), 'TRY');
    c.customer.compensationHistory = [
      { at: '2026-02-01', amount: 100, currency: 'EUR', type: 'goodwill' },
      { at: '2026-02-15', amount: 4_700_000, currency: 'IRR', type: 'goodwill' }, // €10
      { at: '2026-02-25', amount: 50, currency: 'JPY', type: 'restitution' }, // never counted
    ];
    const rec = await recommender.recommend(c);
    expect(rec.trace.facts).toMatchObject({ compensation90d: 110, compensations90d: 2 });
    // The default allowance is €150 in 90 days: €40 is left, ₺1,460.
    expect(rec.cap.customerLimit).toBe(1460);
    const history = [
      { at: '2026-02-01', amount: 100, currency: 'EUR', type: 'goodwill' },
      { at: '2026-02-15', amount: 10, currency: 'EUR', type: 'goodwill' },
      { at: '2026-02-25', amount: 50 / 160, currency: 'EUR', type: 'restitution' },
    ] as const;
    const eur = await recommender.recommend({
      ...wrongSize(),
      customer: {
        ...wrongSize().customer,
        compensationHistory: history.map((h) => ({ ...h, amount: Math.round(h.amount * 100) / 100 })),
      },
    });
    expect(judgement(rec)).toEqual(judgement(eur));
  });

  it('without a rate for a past compensation’s currency, is NO_EXCHANGE_RATE at its path', async () => {
    const c = wrongSize();
    c.customer.compensationHistory = [{ at: '2026-02-01', amount: 10, currency: 'GBP', type: 'goodwill' }];
    const error = (await recommender.recommend(c).catch((e: unknown) => e)) as RedressError;
    expect([error.code, error.path]).toEqual([
      'NO_EXCHANGE_RATE',
      ['customer', 'compensationHistory', 0, 'currency'],
    ]);
  });
});

describe('NO_EXCHANGE_RATE', () => {
  it('refuses a complaint whose currency has no rate, naming the currency and the option to pass', async () => {
    const c = expressedIn(wrongSize(), 'TRY');
    const error = (await createRecommender()
      .recommend(c)
      .catch((e: unknown) => e)) as RedressError;
    expect([error.code, error.path, error.pointer]).toEqual([
      'NO_EXCHANGE_RATE',
      ['order', 'currency'],
      '/order/currency',
    ]);
    expect(error.message).toContain('no exchange rate for TRY');
    expect(error.message).toContain('pass exchangeRates with the rate for TRY');
  });

  it('is an error record in recommendMany, and every other complaint is still answered', async () => {
    const inputs = [wrongSize(), expressedIn(wrongSize(), 'USD'), expressedIn(wrongSize(), 'TRY')];
    inputs[1] = { ...inputs[1], id: 'c-usd' } as ComplaintInput;
    const results = [];
    for await (const r of createRecommender({
      exchangeRates: { rates: { TRY: 36.5 }, asOf: '2026-11-01' },
    }).recommendMany(inputs)) {
      results.push(r);
    }
    expect(results.map((r) => (isRecommendationError(r) ? r.error.code : r.currency))).toEqual([
      'EUR',
      'NO_EXCHANGE_RATE',
      'TRY',
    ]);
    expect(results[1]).toMatchObject({
      index: 1,
      complaintId: 'c-usd',
      error: { pointer: '/order/currency' },
    });
  });
});

describe('exchange rates as options', () => {
  it('are refused when the recommender is made, naming the bad entry', () => {
    const error = thrown(() =>
      createRecommender({ exchangeRates: { rates: { TRY: -36.5 }, asOf: '2026-11-01' } }),
    ) as RedressError;
    expect([error.code, error.path]).toEqual(['INVALID_OPTIONS', ['exchangeRates', 'rates', 'TRY']]);
    const noCurrency = ruleSet([categoryRule('gift', 'wrong_item', [{ type: 'gift', value: 5 }])]);
    const refused = thrown(() =>
      createRecommender({ ruleSet: noCurrency, exchangeRates: RATES }),
    ) as RedressError;
    expect([refused.code, refused.issues[0]?.code]).toEqual(['INVALID_OPTIONS', 'no_rule_set_currency']);
  });

  it('may be given per call and per batch, and bad ones fail the call before any complaint', async () => {
    const bare = createRecommender();
    const lira = expressedIn(wrongSize(), 'TRY');
    const rec = await bare.recommend(lira, { exchangeRates: { rates: { TRY: 40 }, asOf: '2026-12-01' } });
    expect(rec.money).toEqual({ ruleSetCurrency: 'EUR', currency: 'TRY', rate: 40, asOf: '2026-12-01' });
    const bad = (await bare
      .recommend(lira, { exchangeRates: { rates: { TRY: 0 }, asOf: '2026-12-01' } })
      .catch((e: unknown) => e)) as RedressError;
    expect([bad.code, bad.path]).toEqual(['INVALID_OPTIONS', ['exchangeRates', 'rates', 'TRY']]);
    expect(() => bare.recommendMany([lira], { exchangeRates: { rates: { TRY: 0 }, asOf: 'x' } })).toThrow(
      /INVALID_OPTIONS/,
    );
    const batch = [];
    for await (const r of bare.recommendMany([lira], { exchangeRates: RATES })) batch.push(r);
    expect((batch[0] as Recommendation).money.rate).toBe(36.5);
  });
});

describe('the agent’s note on a conversion', () => {
  it('says the rate and its date once, only when money was converted', async () => {
    const rec = await recommender.recommend(expressedIn(wrongSize(), 'TRY'));
    const notes = rec.rationale.filter((s) => s.key === 'why.currency');
    expect(notes).toEqual([
      {
        key: 'why.currency',
        audience: 'agent',
        text: "Money was converted at €1 = TRY\u00a036.5, the rate of November 1, 2026: the rules, scores and caps read this complaint's amounts in EUR, and the amounts here are in TRY.",
      },
    ]);
    const eur = await recommender.recommend(wrongSize());
    expect(eur.rationale.some((s) => s.key === 'why.currency')).toBe(false);
    expect(eur.money).toEqual({ ruleSetCurrency: 'EUR', currency: 'EUR', rate: 1 });
  });
});

describe('a rule set without a currency', () => {
  it('reads its amounts in each complaint’s own currency, as before, and needs no rates', async () => {
    const rules = ruleSet([categoryRule('gift', 'wrong_item', [{ type: 'gift', value: 25 }])]);
    const rec = await createRecommender({ ruleSet: rules }).recommend(expressedIn(wrongSize(), 'TRY'));
    expect(rec.remedies.find((r) => r.type === 'gift')?.estimatedCost).toBe(25);
    expect(rec.money).toEqual({ ruleSetCurrency: null, currency: 'TRY', rate: 1 });
    expect(rec.trace.facts.orderTotal).toBe(2186.35);
  });
});

describe('toman', () => {
  const iranian = () => {
    const c = expressedIn(
      subscriptionComplaint({ subscription: { plan: 'Max', monthlyPrice: 120, currency: 'EUR' } }),
      'IRR',
    );
    c.customer.locale = 'fa';
    return c;
  };
  // The dear plan's coupon comes off the subscriber's next invoice: €110 for this silver subscriber.
  const offer = (rec: Recommendation) =>
    rec.rationale.find((s) => s.key === 'offer.coupon.invoiceAmount')?.text;

  it('shows Iranian rials in toman when asked, with «تومان» after the number; the data stays in rials', async () => {
    const fa = createRecommender({ exchangeRates: RATES, locale: 'fa', currencyDisplay: { IRR: 'toman' } });
    const rec = await fa.recommend(iranian());
    expect(offer(rec)).toContain('۵٬۲۰۰٬۰۰۰ تومان');
    expect(rec.remedies.find((r) => r.type === 'coupon')?.estimatedCost).toBe(52_000_000);
    const en = await fa.recommend(iranian(), { locale: 'en' });
    expect(offer(en)).toContain('5,200,000 toman');
  });

  it('shows rials as «ریال» by default, or when a call asks for rials', async () => {
    const rec = await createRecommender({ exchangeRates: RATES, locale: 'fa' }).recommend(iranian());
    // «ریال», as Iranians write it, not CLDR's «ریال ایران».
    expect(offer(rec)).toContain('۵۲٬۰۰۰٬۰۰۰ ریال');
    expect(offer(rec)).not.toContain('ریال ایران');
    const fa = createRecommender({ exchangeRates: RATES, locale: 'fa', currencyDisplay: { IRR: 'toman' } });
    expect(offer(await fa.recommend(iranian(), { currencyDisplay: { IRR: 'rial' } }))).toContain('ریال');
  });

  it('shows every amount of a recommendation in rials when one of them is not a whole number of toman', async () => {
    // An order of 5,875,005 rials: its refund has no toman figure, so the cost, the auto-approval limit
    // and the rate line are in rials too — a rial cost beside a toman limit reads ten times smaller.
    const c = complaint({
      category: 'billing_error',
      order: {
        id: 'o-irr',
        total: 5_875_005,
        currency: 'IRR',
        placedAt: '2026-03-01',
        overcharge: 117_505,
        items: [{ sku: 'SHOE-42', quantity: 1, unitPrice: 5_875_005 }],
      },
      customer: { ...complaint().customer, locale: 'fa' },
    });
    const fa = createRecommender({ exchangeRates: RATES, locale: 'fa', currencyDisplay: { IRR: 'toman' } });
    const rec = await fa.recommend(c);
    const all = rec.rationale.map((s) => s.text).join('\n');
    expect(all).toContain('۱۱۷٬۵۰۵ ریال');
    expect(all).not.toContain('تومان');
    expect(rec.rationale.find((s) => s.key === 'why.currency')?.text).toMatch(/به ریال است/);
    // A whole number of toman everywhere: toman everywhere.
    const whole = await fa.recommend({
      ...c,
      order: {
        ...c.order!,
        total: 5_875_000,
        overcharge: 117_500,
        items: [{ sku: 'SHOE-42', quantity: 1, unitPrice: 5_875_000 }],
      },
    });
    const wholeText = whole.rationale.map((s) => s.text).join('\n');
    expect(wholeText).toContain('۱۱٬۷۵۰ تومان');
    expect(wholeText).not.toContain('ریال');
  });

  it('refuses a display it does not know, at its path', () => {
    const error = thrown(() =>
      createRecommender({ currencyDisplay: { IRR: 'dinar' } as unknown as { IRR: 'toman' } }),
    ) as RedressError;
    expect([error.code, error.path]).toEqual(['INVALID_OPTIONS', ['currencyDisplay', 'IRR']]);
    const unknown = thrown(() =>
      createRecommender({ currencyDisplay: { TRY: 'kurus' } as unknown as { IRR: 'toman' } }),
    ) as RedressError;
    expect(unknown.path).toEqual(['currencyDisplay', 'TRY']);
  });
});

/**
 * The agent's text reads every amount in the complaint's currency, as the rate line says it does: the
 * lifetime spend too (it was in euros on a lira order, "toplam €1.095,89 alışveriş"), and rials in
 * toman when the recommendation shows rials so.
 */
describe('the agent text’s money is in the complaint’s currency', () => {
  const spender = (currency: string, total: number, lifetimeSpend: number, locale: 'en' | 'tr' | 'fa') =>
    complaint({
      order: {
        id: 'o-spend',
        total,
        currency,
        placedAt: '2026-03-01',
        items: [{ sku: 'SHOE-42', quantity: 1, unitPrice: total }],
      },
      customer: { id: 'u-spend', since: '2024-05-01', lifetimeSpend, orderCount: 4, locale },
    });
  const agentText = (rec: Recommendation) =>
    rec.rationale
      .filter((s) => s.audience === 'agent' && s.key !== 'why.currency')
      .map((s) => s.text)
      .join('\n');
  const valueLine = (rec: Recommendation) => rec.rationale.find((s) => s.key === 'why.value')?.text;

  it('TRY in Turkish: the lifetime spend in lira, no euro amount', async () => {
    const rec = await recommender.recommend(spender('TRY', 2499.9, 40_000, 'tr'), { locale: 'auto' });
    expect(valueLine(rec)).toContain('toplam 40.000,00 TL alışveriş');
    expect(agentText(rec)).not.toMatch(/€/);
  });

  it('TRY in English, with the reason of the score in lira too', async () => {
    const rec = await recommender.recommend(spender('TRY', 2499.9, 40_000, 'en'));
    expect(valueLine(rec)).toContain('lifetime spend of TRY\u00a040,000.00');
    expect(rec.value.factors.find((f) => f.code === 'lifetimeSpend')?.reason).toBe(
      'lifetime spend of TRY\u00a040,000.00',
    );
    expect(agentText(rec)).not.toMatch(/€|EUR/);
  });

  it('IRR in Persian: the lifetime spend in rials, with Persian digits', async () => {
    const rec = await recommender.recommend(spender('IRR', 45_000_000, 329_000_000, 'fa'), {
      locale: 'auto',
    });
    expect(valueLine(rec)).toContain('مجموع خرید ۳۲۹٬۰۰۰٬۰۰۰ ریال');
    expect(agentText(rec)).not.toMatch(/یورو|€/);
  });

  it('IRR in Persian shown in toman: the lifetime spend in toman as every other amount', async () => {
    const rec = await recommender.recommend(spender('IRR', 45_000_000, 329_000_000, 'fa'), {
      locale: 'auto',
      currencyDisplay: { IRR: 'toman' },
    });
    expect(valueLine(rec)).toContain('مجموع خرید ۳۲٬۹۰۰٬۰۰۰ تومان');
    expect(rec.rationale.find((s) => s.key === 'why.automatic')?.text).toContain('تومان');
    expect(agentText(rec)).not.toMatch(/ریال|یورو|€/);
  });

  it('IRR in English: the lifetime spend in rials', async () => {
    const rec = await recommender.recommend(spender('IRR', 45_000_000, 329_000_000, 'en'));
    expect(valueLine(rec)).toContain('lifetime spend of IRR\u00a0329,000,000');
    expect(agentText(rec)).not.toMatch(/€|EUR/);
  });
});
