import { describe, expect, it } from 'vitest';
import { isRecommendationError } from '../../src/batch/many';
import type { ComplaintInput } from '../../src/complaint/schema';
import { defaultRuleSet, LOCALE_CODES, loadRuleSet } from '../../src/index';
import type { Recommendation, RecommendationError } from '../../src/recommend/recommendation';
import { createRecommender } from '../../src/recommender/create-recommender';
import { complaint } from '../complaint-builder';
import { messageProblems, recommendationProblems } from '../sendable';

const recommender = createRecommender();

async function batch(
  inputs: readonly unknown[],
  options: Parameters<typeof recommender.recommendMany>[1] = {},
): Promise<Recommendation[]> {
  const out: (Recommendation | RecommendationError)[] = [];
  for await (const r of recommender.recommendMany(inputs, options)) out.push(r);
  return out.map((r) => {
    if (isRecommendationError(r)) throw new Error(`${r.error.code}: ${r.error.message}`);
    return r;
  });
}

/** The story: one wrong item reported by email, chat and on social media on one day. */
const threeChannels: ComplaintInput[] = [
  complaint({ id: 'c-email', channel: 'email', receivedAt: '2026-03-10T09:00:00Z' }),
  complaint({ id: 'c-chat', channel: 'chat', receivedAt: '2026-03-10T11:00:00Z' }),
  complaint({
    id: 'c-social',
    channel: 'social',
    receivedAt: '2026-03-10T15:00:00Z',
    exposure: { public: true, platform: 'X', reach: 200 },
  }),
];

const money = (recs: readonly Recommendation[]) => recs.reduce((sum, r) => sum + r.totalCost, 0);
const types = (recs: readonly Recommendation[]) => recs.flatMap((r) => r.remedies.map((x) => x.type));

describe('linking in batches', () => {
  it('three channels on one day: one resend, one gift, one owner, two linked', async () => {
    const recs = await batch(threeChannels);
    expect(types(recs).filter((t) => t === 'resend')).toHaveLength(1);
    expect(types(recs).filter((t) => t === 'gift')).toHaveLength(1);
    expect(new Set(recs.map((r) => r.handling.owner))).toEqual(new Set(['email-desk']));
    expect(recs.map((r) => r.handling.mode)).toEqual(['automatic', 'linked', 'linked']);
    expect(recs.map((r) => r.handling.linkedTo)).toEqual([undefined, 'c-email', 'c-email']);
    // Without linking, the same three complaints cost three times as much.
    const unlinked = await batch(threeChannels, { link: false });
    expect(types(unlinked).filter((t) => t === 'resend')).toHaveLength(3);
    expect(money(recs)).toBeCloseTo(unlinked[0]?.totalCost ?? Number.NaN, 2);
    // What linking kept from being paid twice is on each linked recommendation.
    expect(recs[1]?.case).toEqual({
      id: 'c-email',
      warranted: unlinked[1]?.totalCost,
      saved: unlinked[1]?.totalCost,
    });
  });

  it('the later complaint is acknowledged on its own channel and names the same contact', async () => {
    const [, chat, social] = await batch(threeChannels);
    expect(chat?.handling.respondOn).toBe('chat');
    // The owner's queue has no team name in these rules: the customer hears "the same team", never
    // the queue's id (which the agent's lines keep).
    const sentence = chat?.rationale.find((s) => s.key === 'case.linked.unnamed');
    expect(sentence).toMatchObject({ audience: 'customer' });
    expect(sentence?.text).toContain('The same team stays in charge of your case.');
    expect(
      chat?.rationale
        .filter((s) => s.audience === 'customer')
        .map((s) => s.text)
        .join(' '),
    ).not.toContain('email-desk');
    expect(social?.handling.publicAcknowledgement?.platform).toBe('X');
    expect(social?.rationale.some((s) => s.key === 'handling.public')).toBe(true);
  });

  it('a complaint made by phone or in the shop is not called a message, in any language', async () => {
    // The second is linked to the case (case.linked.unnamed), the third also escalated by its own rules
    // (case.linked.escalated).
    const spoken = [
      threeChannels[0]!,
      complaint({ id: 'c-phone', channel: 'phone', receivedAt: '2026-03-10T11:00:00Z' }),
      complaint({ id: 'c-store', channel: 'store', receivedAt: '2026-03-10T12:00:00Z', legalThreat: true }),
    ];
    const ruleSet = loadRuleSet(defaultRuleSet);
    for (const locale of LOCALE_CODES) {
      const recs = await batch(spoken, { locale });
      const keys = recs.flatMap((r) => r.rationale.map((s) => s.key));
      expect(keys).toEqual(expect.arrayContaining(['case.linked.unnamed', 'case.linked.escalated']));
      for (const i of [1, 2]) {
        const [r, input] = [recs[i]!, spoken[i]!];
        expect(r.handling.mode).toBe('linked');
        expect(recommendationProblems(r, { complaint: input, ruleSet }), locale).toEqual([]);
        expect(messageProblems(r, { complaint: input, ruleSet }), locale).toEqual([]);
      }
    }
  });

  it('the same customer with two different orders makes two cases', async () => {
    const other = complaint({
      id: 'c-other-order',
      receivedAt: '2026-03-10T10:00:00Z',
      order: { ...(complaint().order as NonNullable<ComplaintInput['order']>), id: 'o-2' },
    });
    const recs = await batch([threeChannels[0], other]);
    expect(recs.map((r) => r.handling.mode)).toEqual(['automatic', 'automatic']);
    expect(types(recs).filter((t) => t === 'resend')).toHaveLength(2);
  });

  it('a different category or customer is a different case', async () => {
    const recs = await batch([
      threeChannels[0],
      complaint({ id: 'c-late', category: 'late_delivery', receivedAt: '2026-03-10T10:00:00Z' }),
      complaint({
        id: 'c-u2',
        receivedAt: '2026-03-10T10:00:00Z',
        customer: { id: 'u-2', since: '2025-03-01' },
      }),
    ]);
    expect(recs.map((r) => r.handling.linkedTo)).toEqual([undefined, undefined, undefined]);
  });

  it('window edges: exactly at the window is linked, one second past is a new case', async () => {
    const first = complaint({ id: 'c-1', receivedAt: '2026-03-10T09:00:00Z' });
    const atEdge = complaint({ id: 'c-edge', receivedAt: '2026-03-13T09:00:00Z' });
    const past = complaint({ id: 'c-past', receivedAt: '2026-03-13T09:00:01Z' });
    expect((await batch([first, atEdge]))[1]?.handling.linkedTo).toBe('c-1');
    expect((await batch([first, past]))[1]?.handling.mode).not.toBe('linked');
  });

  it('input out of order within the window is linked to the first in input order', async () => {
    const later = complaint({ id: 'c-later', receivedAt: '2026-03-11T09:00:00Z' });
    const earlier = complaint({ id: 'c-earlier', receivedAt: '2026-03-10T09:00:00Z' });
    const recs = await batch([later, earlier]);
    expect(recs[1]?.handling.linkedTo).toBe('c-later');
  });

  it('link: false, and recommendManyAsJson, agree with the batch they mirror', async () => {
    const texts: string[] = [];
    for await (const t of recommender.recommendManyAsJson(threeChannels)) texts.push(t);
    expect(texts.map((t) => JSON.parse(t))).toEqual(await batch(threeChannels));
    const off = await batch(threeChannels, { link: false });
    expect(off.every((r) => r.handling.mode !== 'linked' && r.case === undefined)).toBe(true);
  });

  it('a linked batch takes workers: true as any batch does (from source, there is no worker to start)', async () => {
    // On the built package it runs on worker threads (test/batch/workers.test.ts, test/cases/linked-workers.test.ts).
    await expect(batch(threeChannels, { workers: true })).rejects.toThrow(/npm run build/);
    await expect(batch(threeChannels, { workers: true, link: false })).rejects.toThrow(/npm run build/);
  });

  it('a bad line in a linked batch is an error record, and the batch goes on', async () => {
    const out: (Recommendation | RecommendationError)[] = [];
    for await (const r of recommender.recommendMany([threeChannels[0], '{"id": "x"', threeChannels[1]]))
      out.push(r);
    expect(out.map((r) => (isRecommendationError(r) ? r.error.code : r.handling.mode))).toEqual([
      'automatic',
      'INVALID_JSON',
      'linked',
    ]);
    expect(isRecommendationError(out[1] as never) && (out[1] as RecommendationError).index).toBe(1);
  });
});

describe('re-decision by a later, severer duplicate', () => {
  it('gives what the severest complaint warrants, once: the later line carries the top-up', async () => {
    // Four days late: by email it earns a 10% coupon; in public, angry, before 50,000 followers, 20%.
    const late = {
      ...(complaint().order as NonNullable<ComplaintInput['order']>),
      promisedAt: '2026-03-02',
      deliveredAt: '2026-03-06T00:00:00Z',
    };
    const calm = complaint({ id: 'c-calm', channel: 'email', category: 'late_delivery', order: late });
    const severe = complaint({
      id: 'c-severe',
      channel: 'social',
      category: 'late_delivery',
      order: late,
      receivedAt: '2026-03-10T12:00:00Z',
      legalThreat: true,
      tone: 'angry',
      exposure: { public: true, platform: 'X', reach: 50_000 },
    });
    const [alone] = await batch([severe], { link: false });
    const [first, later] = await batch([calm, severe]);
    expect(later?.handling).toMatchObject({ mode: 'linked', linkedTo: 'c-calm', owner: 'email-desk' });
    expect(first?.goodwillCost).toBeGreaterThan(0);
    expect(alone?.goodwillCost).toBeGreaterThan(first?.goodwillCost ?? Number.NaN);
    // The case as a whole gets what the severest complaint warrants alone.
    expect((first?.totalCost ?? 0) + (later?.totalCost ?? 0)).toBeCloseTo(alone?.totalCost ?? Number.NaN, 2);
    expect(later?.goodwillCost).toBeCloseTo((alone?.goodwillCost ?? 0) - (first?.goodwillCost ?? 0), 2);
    expect(later?.case).toMatchObject({ id: 'c-calm', warranted: alone?.totalCost });
    // A person looks before the top-up goes out: the reasons stay, with a queue.
    expect(later?.handling.reasons).toContain('legal_threat');
    expect(later?.handling.queue).not.toBeNull();
  });
});

describe('open cases from the backend (single calls)', () => {
  const openCase = {
    id: 'c-email',
    openedAt: '2026-03-10T08:00:00Z',
    category: 'wrong_item' as const,
    orderId: 'o-1',
    owner: 'agent-7',
    remedies: [
      { type: 'resend', kind: 'restitution' as const, amount: 105, currency: 'EUR' },
      { type: 'return', kind: 'restitution' as const, amount: 8, currency: 'EUR' },
      { type: 'gift', kind: 'goodwill' as const, amount: 2, currency: 'EUR' },
    ],
  };
  const withOpenCase = (over: Partial<ComplaintInput> = {}) =>
    complaint({
      id: 'c-chat',
      channel: 'chat',
      customer: { id: 'u-1', since: '2025-03-01', openCases: [openCase] },
      ...over,
    });

  it('restitution already given is never given twice; goodwill tops up to what the case warrants', async () => {
    const alone = await recommender.recommend(withOpenCase(), { link: false });
    const rec = await recommender.recommend(withOpenCase());
    expect(rec.handling).toMatchObject({ mode: 'linked', linkedTo: 'c-email', owner: 'agent-7' });
    expect(rec.remedies.some((r) => r.kind === 'restitution')).toBe(false);
    expect(rec.goodwillCost).toBeCloseTo(Math.max(0, alone.goodwillCost - 2), 2);
    expect(rec.restitutionCost).toBe(0);
    expect(rec.trace.dropped.filter((d) => d.reason === 'linked').map((d) => d.type)).toContain('resend');
  });

  it('goodwill already at what the case warrants gives no more', async () => {
    const generous = {
      ...openCase,
      remedies: [{ type: 'gift', kind: 'goodwill' as const, amount: 500, currency: 'EUR' }],
    };
    const rec = await recommender.recommend(
      withOpenCase({ customer: { id: 'u-1', since: '2025-03-01', openCases: [generous] } }),
    );
    expect(rec.goodwillCost).toBe(0);
    expect(rec.remedies.some((r) => r.type === 'resend')).toBe(true);
  });

  it('an open case out of the window, about another order or category, is not linked', async () => {
    for (const other of [
      { ...openCase, openedAt: '2026-03-07T08:59:59Z' },
      { ...openCase, orderId: 'o-2' },
      { ...openCase, category: 'late_delivery' as const },
    ]) {
      const rec = await recommender.recommend(
        withOpenCase({ customer: { id: 'u-1', since: '2025-03-01', openCases: [other] } }),
      );
      expect(rec.handling.mode).not.toBe('linked');
    }
  });

  describe('what a case gave in another currency', () => {
    const rates = { rates: { USD: 1.1 }, asOf: '2026-11-01' };
    const inUsd = (amount: number) => ({
      ...openCase,
      remedies: [
        { type: 'resend', kind: 'restitution' as const, amount: 115.5, currency: 'USD' },
        { type: 'gift', kind: 'goodwill' as const, amount, currency: 'USD' },
      ],
    });
    const inEur = (amount: number) => ({
      ...openCase,
      remedies: [
        { type: 'resend', kind: 'restitution' as const, amount: 105, currency: 'EUR' },
        { type: 'gift', kind: 'goodwill' as const, amount, currency: 'EUR' },
      ],
    });
    const customer = (open: typeof openCase) => ({ id: 'u-1', since: '2025-03-01', openCases: [open] });

    it('is converted with the exchange rates, as a past compensation is: 2.20 USD counts as 2 EUR', async () => {
      const withRates = createRecommender({ exchangeRates: rates });
      const usd = await withRates.recommend(withOpenCase({ customer: customer(inUsd(2.2)) }));
      const eur = await withRates.recommend(withOpenCase({ customer: customer(inEur(2)) }));
      expect(usd.handling).toMatchObject({ mode: 'linked', linkedTo: 'c-email' });
      expect(usd).toEqual(eur);
      // The complaint's own money was not converted: the recommendation says so.
      expect(usd.money).toEqual({ ruleSetCurrency: 'EUR', currency: 'EUR', rate: 1 });
    });

    it('is refused with NO_EXCHANGE_RATE, at its currency, only when no rate is known', async () => {
      const run = recommender.recommend(withOpenCase({ customer: customer(inUsd(2.2)) }));
      await expect(run).rejects.toMatchObject({
        code: 'NO_EXCHANGE_RATE',
        path: ['customer', 'openCases', 0, 'remedies', 1, 'currency'],
      });
      await expect(run).rejects.toThrow(/USD/);
      // An open case the complaint is not linked to is not read; nor is any with link: false.
      const other = { ...inUsd(2.2), orderId: 'o-2' };
      expect(
        (await recommender.recommend(withOpenCase({ customer: customer(other) }))).handling.mode,
      ).not.toBe('linked');
      await expect(
        recommender.recommend(withOpenCase({ customer: customer(inUsd(2.2)) }), { link: false }),
      ).resolves.toBeDefined();
    });

    it('is refused with currency_mismatch by a rule set that names no currency', async () => {
      const { currency: _none, ...legacy } = createRecommender().ruleSet;
      const run = createRecommender({ ruleSet: legacy }).recommend(
        withOpenCase({ customer: customer(inUsd(2.2)) }),
      );
      await expect(run).rejects.toMatchObject({
        code: 'INVALID_COMPLAINT',
        path: ['customer', 'openCases', 0, 'remedies', 1, 'currency'],
      });
    });

    it('counts, converted, in the batch case it opens: a later complaint of the case tops up from there', async () => {
      const withRates = createRecommender({ exchangeRates: rates });
      // The same customer as the first (the same value, so the same tier multiplier on goodwill).
      const later = complaint({
        id: 'c-social',
        channel: 'social',
        receivedAt: '2026-03-10T12:00:00Z',
        customer: { id: 'u-1', since: '2025-03-01' },
      });
      const run = async (open: typeof openCase) => {
        const out: unknown[] = [];
        for await (const r of withRates.recommendMany([withOpenCase({ customer: customer(open) }), later]))
          out.push(r);
        return out as Recommendation[];
      };
      const usd = await run(inUsd(2.2));
      expect(usd.map((r) => r.handling.linkedTo)).toEqual(['c-email', 'c-email']);
      // The first tops the helpdesk's 2 EUR up to what it warrants; the later one, warranting as much,
      // gets no more goodwill: the batch counted the converted 2 EUR as given.
      expect(usd[0]?.goodwillCost).toBeGreaterThan(0);
      expect(usd[1]?.goodwillCost).toBe(0);
      expect(usd).toEqual(await run(inEur(2)));
    });
  });
});
