import { describe, expect, it } from 'vitest';
import type { ComplaintInput } from '../../src/complaint/schema';
import { fromMinor, toMinor } from '../../src/money';
import type { Alternative } from '../../src/recommend/alternatives';
import type { Recommendation } from '../../src/recommend/recommendation';
import { createRecommender } from '../../src/recommender/create-recommender';
import { RATES } from '../helpers';

const recommender = createRecommender({ exchangeRates: RATES });

const wrongShoe: ComplaintInput = {
  id: 'c-shoe',
  receivedAt: '2026-03-10T09:30:00Z',
  channel: 'email',
  category: 'wrong_item',
  order: {
    id: 'o-1',
    total: 59.9,
    currency: 'EUR',
    placedAt: '2026-03-01',
    items: [{ sku: 'SHOE-42', name: 'Running shoes', quantity: 1, unitPrice: 59.9 }],
  },
  customer: { id: 'u-1', since: '2024-01-01', lifetimeSpend: 700, orderCount: 4 },
};

const lost = (items: boolean): ComplaintInput => ({
  id: 'c-lost',
  receivedAt: '2026-04-04T09:30:00Z',
  channel: 'email',
  category: 'late_delivery',
  order: {
    id: 'o-2',
    total: 47,
    currency: 'EUR',
    placedAt: '2026-02-28',
    promisedAt: '2026-03-05',
    ...(items ? { items: [{ sku: 'MUG', quantity: 2, unitPrice: 21 }] } : {}),
  },
  customer: { id: 'u-2', since: '2025-01-01' },
});

const kinds = (r: { remedies: Recommendation['remedies'] }) =>
  r.remedies.map((x) => `${x.type} ${x.kind} ${x.estimatedCost}`);
const option = (r: Recommendation, choice: string) => r.alternatives.find((a) => a.choice === choice);

describe('alternatives', () => {
  it('offer a refund or store credit instead of the resend, and a coupon instead of the gift, each priced and capped', async () => {
    const r = await recommender.recommend(wrongShoe);
    // A gold customer: the gift of 10% of the order is 12.5% (× 1.25), €7.49, which the ceiling on the
    // total (150% of €59.90, less €82.90 of restitution) holds to €6.95.
    expect(r.value.tier).toBe('gold');
    expect(kinds(r)).toEqual([
      'resend restitution 74.9',
      'return restitution 8',
      'gift goodwill 6.95',
      'apology care 0',
    ]);
    expect(r.alternatives.map((a) => [a.choice, a.replaces])).toEqual([
      ['refund', ['resend']],
      ['store_credit', ['resend']],
      ['coupon', ['gift']],
    ]);
    // The refund is what was paid for the shoes, owed in full; the return and the gift stay.
    expect(kinds(option(r, 'refund') as Alternative)).toEqual([
      'refund restitution 59.9',
      'return restitution 8',
      'gift goodwill 6.95',
      'apology care 0',
    ]);
    expect(option(r, 'refund')).toMatchObject({
      totalCost: 74.85,
      restitutionCost: 67.9,
      goodwillCost: 6.95,
    });
    expect(option(r, 'store_credit')?.remedies[0]).toMatchObject({
      type: 'store_credit',
      kind: 'restitution',
      replaces: 'affected_items',
      amount: 59.9,
      expiresAt: '2027-03-10T09:30:00.000Z',
    });
    expect(option(r, 'coupon')?.remedies[2]).toMatchObject({
      type: 'coupon',
      kind: 'goodwill',
      amount: 6.95,
    });
    expect(option(r, 'refund')?.summary).toBe('Option: a refund instead of the replacement, €74.85 in all.');
    expect(r.message.text).toContain(
      'If you would prefer a refund or store credit instead of the replacement, or a coupon instead of the gift, just let us know.',
    );
  });

  it('are offered in one sentence in Turkish and Persian too', async () => {
    const [tr, fa] = await Promise.all([
      recommender.recommend(wrongShoe, { locale: 'tr' }),
      recommender.recommend(wrongShoe, { locale: 'fa' }),
    ]);
    expect(tr.rationale.find((s) => s.key === 'offer.choice')?.text).toBe(
      'Dilerseniz yeniden gönderim yerine para iadesi veya hesap bakiyesi, hediye yerine indirim kuponu tercih edebilirsiniz; bize bildirmeniz yeterli.',
    );
    expect(fa.rationale.find((s) => s.key === 'offer.choice')?.text).toBe(
      'اگر به‌جای ارسال کالای جایگزین، بازپرداخت وجه یا اعتبار خرید، یا به‌جای هدیه، کد تخفیف را ترجیح می‌دهید، کافی است به ما اطلاع دهید.',
    );
    expect(fa.alternatives[0]?.summary).toBe(
      'گزینه: بازپرداخت وجه به‌جای ارسال کالای جایگزین، در مجموع ۷۴٫۸۵ یورو.',
    );
  });

  it('hold goodwill to the same limits: a binding cap lowers the gesture in every set, never restitution', async () => {
    // 140 of the customer's 150 goodwill allowance is used: 10 is left for this complaint.
    const r = await recommender.recommend({
      ...wrongShoe,
      order: {
        ...(wrongShoe.order as NonNullable<ComplaintInput['order']>),
        total: 250,
        items: [{ sku: 'BOOT', quantity: 1, unitPrice: 250 }],
      },
      customer: {
        ...wrongShoe.customer,
        compensationHistory: [{ at: '2026-03-01', amount: 140, currency: 'EUR', type: 'goodwill' }],
      },
    });
    expect(r.cap).toMatchObject({ binding: 'customer', goodwillLimit: 10 });
    expect(r.goodwillCost).toBe(10);
    for (const a of r.alternatives) {
      expect(a.goodwillCost).toBeLessThanOrEqual(10);
      expect(a.totalCost).toBe(a.restitutionCost + a.goodwillCost);
    }
    expect(option(r, 'refund')).toMatchObject({ restitutionCost: 258, goodwillCost: 10 });
    expect(option(r, 'coupon')?.remedies.find((x) => x.type === 'coupon')).toMatchObject({ amount: 10 });
  });

  it('keep restitution exact in the customer’s money and goodwill as printed', async () => {
    const lira = await recommender.recommend({
      ...wrongShoe,
      order: {
        id: 'o-3',
        total: 2499.9,
        currency: 'TRY',
        placedAt: '2026-03-01',
        items: [{ sku: 'SHOE-42', quantity: 1, unitPrice: 2499.9 }],
      },
      customer: { id: 'u-3', since: '2024-01-01', lifetimeSpend: 25_000, orderCount: 4 },
    });
    const gift = lira.remedies.find((x) => x.type === 'gift');
    expect(option(lira, 'refund')?.remedies[0]).toMatchObject({ type: 'refund', amount: 2499.9 });
    expect(option(lira, 'coupon')?.remedies.find((x) => x.type === 'coupon')?.estimatedCost).toBe(
      gift?.estimatedCost,
    );
    for (const a of lira.alternatives)
      expect(fromMinor(toMinor(a.totalCost, 'TRY'), 'TRY')).toBe(a.totalCost);
  });

  it('are empty when nothing can be given another way', async () => {
    const r = await recommender.recommend({ ...wrongShoe, category: 'staff_behavior' });
    expect(r.alternatives).toEqual([]);
    expect(r.rationale.some((s) => s.key === 'offer.choice')).toBe(false);
  });
});

describe('a lost parcel', () => {
  it('is resent by express first, with its full refund as the alternative', async () => {
    const r = await recommender.recommend(lost(true));
    expect(kinds(r)[0]).toBe('resend restitution 57');
    expect(option(r, 'refund')?.remedies[0]).toMatchObject({
      type: 'refund',
      kind: 'restitution',
      basis: 'undelivered',
      amount: 47,
    });
  });

  it('with no items to send again gets the full refund', async () => {
    const r = await recommender.recommend(lost(false));
    expect(r.remedies[0]).toMatchObject({
      type: 'refund',
      kind: 'restitution',
      basis: 'undelivered',
      amount: 47,
    });
    expect(r.restitutionCost).toBe(47);
    expect(r.trace.dropped.some((d) => d.type === 'resend')).toBe(false);
  });
});

describe('complaint.preference', () => {
  it('when acceptable makes its set the first choice, and the rules’ own set an alternative', async () => {
    const r = await recommender.recommend({ ...wrongShoe, preference: 'refund' });
    // The gold customer's gift as the rules' own set gives it (held to €6.95 by the total ceiling there).
    expect(kinds(r)).toEqual([
      'refund restitution 59.9',
      'return restitution 8',
      'gift goodwill 6.95',
      'apology care 0',
    ]);
    expect(r).toMatchObject({ totalCost: 74.85, restitutionCost: 67.9, goodwillCost: 6.95 });
    expect(r.alternatives.map((a) => [a.choice, a.replaces])).toEqual([
      ['resend', ['refund']],
      ['store_credit', ['refund']],
      ['coupon', ['gift']],
    ]);
    expect(kinds(r.alternatives[0] as Alternative)[0]).toBe('resend restitution 74.9');
    expect(r.rationale.find((s) => s.key === 'why.preference')).toEqual({
      key: 'why.preference',
      audience: 'agent',
      text: 'The customer prefers a refund: it is offered first, instead of a replacement.',
    });
    expect(r.message.text).toContain('We will refund €59.90 to your original payment method.');
  });

  it('that no acceptable set gives leaves the first choice, and says so to both', async () => {
    const plain = await recommender.recommend(wrongShoe);
    const r = await recommender.recommend({ ...wrongShoe, preference: 'free_month' });
    expect(kinds(r)).toEqual(kinds(plain));
    expect(r.alternatives).toEqual(plain.alternatives);
    expect(r.rationale.find((s) => s.key === 'offer.preferenceUnavailable')?.text).toBe(
      'Unfortunately, we cannot offer free time on your subscription in this case.',
    );
    expect(r.rationale.find((s) => s.key === 'why.preferenceUnavailable')?.audience).toBe('agent');
  });

  it('already met changes nothing', async () => {
    const plain = await recommender.recommend(wrongShoe);
    const r = await recommender.recommend({ ...wrongShoe, preference: 'resend' });
    expect(kinds(r)).toEqual(kinds(plain));
    expect(r.rationale.some((s) => s.key.startsWith('why.preference'))).toBe(false);
  });

  it('is refused with the choices it may be when it is none of them', async () => {
    const bad = await recommender.recommend({ ...wrongShoe, preference: 'cash' }).catch((e) => e);
    expect([bad.code, bad.pointer]).toEqual(['INVALID_COMPLAINT', '/preference']);
  });
});
