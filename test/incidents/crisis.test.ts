import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectIncidents } from '../../src/incidents/index';
import {
  createRecommender,
  defaultRuleSet,
  type IncidentOptions,
  isRecommendationError,
  isRedressError,
  loadRuleSet,
  type Recommendation,
  type RecommendationError,
} from '../../src/index';
import { scenario } from '../helpers';
import { fcParams } from '../seed';
import { messageProblems, withoutLineMarks } from '../sendable';

const template = scenario('c-wrong-item') as unknown as Record<string, unknown>;
const T0 = Date.parse('2026-03-10T00:00:00Z');

interface Shape {
  minutes: number;
  category?: 'wrong_item' | 'late_delivery' | 'damaged_item';
  sku?: string;
  price?: number;
  isPublic?: boolean;
  /** A public review on a review site (Trustpilot), which takes no private message. */
  review?: boolean;
  tone?: 'calm' | 'upset' | 'angry';
  locale?: string;
}

/** A valid complaint built from the wrong-item scenario, `minutes` after midnight on 10 March 2026. */
function complaint(id: string, s: Shape): Record<string, unknown> {
  const order = template.order as Record<string, unknown>;
  const customer = template.customer as Record<string, unknown>;
  const price = s.price ?? 59.9;
  return {
    ...template,
    id,
    receivedAt: new Date(T0 + s.minutes * 60_000).toISOString(),
    category: s.category ?? 'wrong_item',
    channel: s.review ? 'review' : s.isPublic ? 'social' : 'email',
    tone: s.tone ?? 'calm',
    order: {
      ...order,
      id: `o-${id}`,
      total: price,
      deliveredAt: s.category === 'late_delivery' ? '2026-03-09T10:00:00Z' : order.deliveredAt,
      items: [{ sku: s.sku ?? 'SHOE-42', quantity: 1, unitPrice: price }],
    },
    customer: { ...customer, locale: s.locale ?? 'en' },
    ...(s.isPublic
      ? { exposure: { public: true, platform: s.review ? 'Trustpilot' : 'Instagram', reach: 80_000 } }
      : {}),
  };
}

async function all(iterable: AsyncIterable<Recommendation | RecommendationError>) {
  const out: (Recommendation | RecommendationError)[] = [];
  for await (const r of iterable) out.push(r);
  return out;
}

function recommendations(results: (Recommendation | RecommendationError)[]): Recommendation[] {
  return results.map((r) => {
    if (isRecommendationError(r)) throw new Error(`unexpected error record: ${r.error.message}`);
    return r;
  });
}

const burst: IncidentOptions = { window: '2h', baseline: 0, minCount: 4 };

/** redress's shared public statement, per locale. */
const STATEMENT = {
  en: 'We know about a problem that is affecting many of our customers, and we are working to fix it. We are sorry for the trouble. Please send us a private message so that we can help you personally.',
  tr: 'Birçok müşterimizi etkileyen bir sorunun farkındayız ve çözmek için çalışıyoruz. Yaşadığınız aksaklık için özür dileriz. Size daha hızlı yardımcı olabilmemiz için lütfen bize özel mesaj gönderin.',
  fa: 'از مشکلی که برای بسیاری از مشتریان ما پیش آمده است آگاهیم و در حال برطرف کردن آن هستیم. بابت این مشکل پوزش می‌خواهیم. لطفاً از طریق پیام خصوصی با ما در ارتباط باشید تا موضوع شما را شخصاً پیگیری کنیم.',
} as const;

/** redress's statement on a review site, which takes no private message (review4 en M3). */
const REVIEW_STATEMENT = {
  en: 'We know about a problem that is affecting many of our customers, and we are working to fix it. We are sorry for the trouble. Our team will be in touch to follow up on this.',
  tr: 'Birçok müşterimizi etkileyen bir sorunun farkındayız ve çözmek için çalışıyoruz. Yaşadığınız aksaklık için özür dileriz. Ekibimiz konuyla ilgili olarak sizinle iletişime geçecek.',
  fa: 'از مشکلی که برای بسیاری از مشتریان ما پیش آمده است آگاهیم و در حال برطرف کردن آن هستیم. بابت این مشکل پوزش می‌خواهیم. همکاران ما برای پیگیری موضوع با شما تماس می‌گیرند.',
} as const;

describe('recommendMany in crisis mode', () => {
  it('answers a review site with no request for a private message, unless the rule set wrote its own statement', async () => {
    const batch = [
      complaint('r-en', { minutes: 0, isPublic: true, review: true }),
      complaint('r-tr', { minutes: 5, isPublic: true, review: true, locale: 'tr-TR' }),
      complaint('r-fa', { minutes: 10, isPublic: true, review: true, locale: 'fa' }),
      complaint('s-en', { minutes: 15, isPublic: true }),
    ];
    const run = async (ruleSet = defaultRuleSet) =>
      recommendations(
        await all(createRecommender({ locale: 'auto', ruleSet }).recommendMany(batch, { incidents: burst })),
      );
    const reply = (r: Recommendation) =>
      withoutLineMarks(r.message.parts.find((p) => p.kind === 'publicReply')?.text ?? '');
    const members = await run();
    expect(members.map((r) => r.incident !== undefined)).toEqual([true, true, true, true]);
    for (const [i, r] of members.slice(0, 3).entries()) {
      expect(reply(r), r.locale).toBe(REVIEW_STATEMENT[r.locale]);
      expect(r.handling.publicAcknowledgement?.statement, r.locale).toBe(REVIEW_STATEMENT[r.locale]);
      // The incident's own statement, the one for every other site, is unchanged.
      expect(r.incident?.statement, r.locale).toBe(STATEMENT[r.locale]);
      expect(messageProblems(r, { complaint: batch[i] as never, ruleSet: defaultRuleSet })).toEqual([]);
    }
    expect(reply(members[3] as Recommendation)).toBe(STATEMENT.en);
    // The checker would have refused the statement that asks a reviewer for a private message.
    const asBefore = {
      ...members[0],
      message: { ...members[0]?.message, parts: [{ kind: 'publicReply', text: STATEMENT.en }] },
    };
    expect(
      messageProblems(asBefore as never, { complaint: batch[0] as never, ruleSet: defaultRuleSet }),
    ).toHaveLength(1);
    // A statement of the rule set's own is used word for word, on every site.
    const own = 'We are aware of the problem and are fixing it. Our team will reply to you directly.';
    const incidents = { ...defaultRuleSet.policy.incidents, statement: { en: own } };
    const withOwn = await run({ ...defaultRuleSet, policy: { ...defaultRuleSet.policy, incidents } });
    expect(reply(withOwn[0] as Recommendation)).toBe(own);
    expect(reply(withOwn[3] as Recommendation)).toBe(own);
    expect(reply(withOwn[1] as Recommendation)).toBe(REVIEW_STATEMENT.tr);
  });

  it('gives every member the most severe member’s remedies, marked, with an incident rationale', async () => {
    const batch = [
      complaint('w-1', { minutes: 0, locale: 'tr-TR' }),
      complaint('w-2', { minutes: 10, isPublic: true, tone: 'angry' }),
      complaint('w-3', { minutes: 20, locale: 'fa' }),
      complaint('w-4', { minutes: 30 }),
      complaint('late-1', { minutes: 15, category: 'late_delivery' }),
    ];
    const results = recommendations(
      await all(createRecommender({ locale: 'auto' }).recommendMany(batch, { incidents: burst })),
    );
    const [incident] = detectIncidents(batch, burst);
    expect(incident?.complaintIds).toEqual(['w-1', 'w-2', 'w-3', 'w-4']);
    const members = results.filter((r) => r.incident);
    expect(members.map((r) => r.complaintId)).toEqual(['w-1', 'w-2', 'w-3', 'w-4']);
    for (const r of members) {
      expect(r.incident).toEqual({
        id: incident?.id,
        cause: incident?.cause,
        count: 4,
        firstAt: incident?.firstAt,
        lastAt: incident?.lastAt,
        policyFrom: 'w-2',
        remedies: ['apology', 'gift'],
        respondBy: '2026-03-10T04:10:00.000Z',
        owner: 'crisis-team',
        statement: STATEMENT[r.locale],
        partners: [],
      });
      expect(r.handling.owner).toBe('crisis-team');
      // The public complaint's personal apology and the wrong-item gift, for everyone; restitution (the
      // resend, the return) is each member's own, matched to its own failure, never the incident's.
      const shared = r.remedies.filter((x) => x.incident === incident?.id);
      expect(shared.map((x) => [x.type, x.rule])).toEqual(
        expect.arrayContaining([
          ['apology', 'public-critical'],
          ['gift', 'wrong-item'],
        ]),
      );
      expect(shared.filter((x) => x.kind === 'restitution')).toEqual([]);
      expect(r.remedies.find((x) => x.type === 'resend')).toMatchObject({
        rule: 'wrong-item',
        kind: 'restitution',
      });
      expect(r.rationale.some((s) => s.key === 'incident.notice' && s.audience === 'customer')).toBe(true);
      expect(r.rationale.some((s) => s.key === 'why.incident' && s.audience === 'agent')).toBe(true);
      expect(JSON.parse(JSON.stringify(r))).toEqual(r);
    }
    // Who handles a case stays the case's own: only the public complaint goes to the social-media team.
    expect(members.map((r) => r.remedies.some((x) => x.type === 'escalate'))).toEqual([
      false,
      true,
      false,
      false,
    ]);
    // Each in the customer's own language.
    const notice = (id: string) =>
      members.find((r) => r.complaintId === id)?.rationale.find((s) => s.key === 'incident.notice')?.text;
    expect(notice('w-1')).toBe(
      'Yaşadığınız sorun, birçok müşterimizi etkileyen genel bir aksaklıktan kaynaklanıyor; aksaklığı kalıcı olarak gidermek için çalışıyoruz.',
    );
    expect(notice('w-3')).toBe(
      'مشکلی که برای شما پیش آمده، برای تعدادی دیگر از مشتریان ما نیز رخ داده است و در حال برطرف کردن علت آن هستیم.',
    );
    expect(notice('w-4')).toBe(
      'This is part of a known problem that has affected many of our customers, and we are fixing its cause.',
    );
    // The agent reads the incident's period in the language's zone, the day said once: Tehran time in
    // Persian, UTC in English.
    const period = (id: string) =>
      members.find((r) => r.complaintId === id)?.rationale.find((s) => s.key === 'why.incident')?.text;
    expect(period('w-3')).toContain('۱۹ اسفند ۱۴۰۴، ۳:۳۰ تا ۴:۰۰ (به وقت تهران)');
    expect(period('w-4')).toMatch(/March 10, 2026, 00:00\s–\s00:30 \(UTC\)/);

    // The late delivery is no part of it and is exactly what it would be alone.
    const late = results.find((r) => r.complaintId === 'late-1');
    expect(late).toEqual(await createRecommender({ locale: 'auto' }).recommend(batch[4]));
  });

  describe('with the incident policy held to each member’s own caps', () => {
    const ruleSet = loadRuleSet({
      name: 'caps',
      version: '1.0.0',
      policy: {
        maxTotalShareOfValue: 1,
        maxGoodwillByTier: { standard: 100, silver: 100, gold: 100, platinum: 100 },
      },
      rules: [
        {
          name: 'wrong',
          priority: 10,
          conditions: { all: [{ fact: 'category', operator: 'equal', value: 'wrong_item' }] },
          remedies: [{ type: 'apology', form: 'standard' }],
        },
        {
          name: 'loud',
          priority: 30,
          conditions: { all: [{ fact: 'isPublic', operator: 'equal', value: true }] },
          remedies: [{ type: 'gift', value: 30 }],
        },
        {
          name: 'big-order',
          priority: 20,
          conditions: { all: [{ fact: 'orderTotal', operator: 'greaterThanInclusive', value: 100 }] },
          remedies: [{ type: 'gift', value: 40 }],
        },
      ],
    });
    const batch = [
      complaint('loud', { minutes: 0, isPublic: true, price: 50 }),
      complaint('small', { minutes: 5, price: 20 }),
      complaint('mid', { minutes: 10, price: 50 }),
      complaint('big', { minutes: 15, price: 200 }),
    ];
    const run = async () =>
      recommendations(await all(createRecommender({ ruleSet }).recommendMany(batch, { incidents: burst })));
    const gift = (r: Recommendation | undefined) => r?.remedies.find((x) => x.type === 'gift');

    it('gives the policy’s gift to a member whose cap has room for it', async () => {
      const results = await run();
      expect(gift(results[2])).toMatchObject({ value: 30, rule: 'loud', incident: results[2]?.incident?.id });
    });

    it('reduces the gift to the member’s own goodwill limit, and says so', async () => {
      const small = (await run())[1];
      const limit = small?.cap.goodwillLimit ?? 0;
      expect(limit).toBeLessThan(30);
      expect(gift(small)).toMatchObject({ value: limit, rule: 'loud', incident: small?.incident?.id });
      expect(small?.trace.dropped).toEqual([
        expect.objectContaining({ type: 'gift', rule: 'loud', reason: 'reduced', keptCost: limit }),
      ]);
      expect(small?.goodwillCost).toBeLessThanOrEqual(limit);
    });

    it('keeps a member’s own more generous remedy of the same type', async () => {
      const big = (await run())[3];
      expect(gift(big)).toMatchObject({ value: 40, rule: 'big-order' });
      expect(gift(big)).not.toHaveProperty('incident');
    });
  });

  it('gives the incident one deadline: the most severe member’s respondBy, for every member before it', async () => {
    // One wrong-item complaint every 10 minutes for five hours: one incident. The public, angry post at
    // 00:10 is the most severe and goes to social media within 4 hours (04:10); alone, every other
    // member would be answered within 24.
    const minutes = Array.from({ length: 31 }, (_, k) => 10 * k);
    const batch = minutes.map((m) =>
      complaint(
        `d-${String(m).padStart(3, '0')}`,
        m === 10 ? { minutes: m, isPublic: true, tone: 'angry' } : { minutes: m },
      ),
    );
    const options: IncidentOptions = { window: '2h', baseline: 0, minCount: 4 };
    const recommender = createRecommender();
    for (const timeOrdered of [false, true]) {
      const results = recommendations(
        await all(recommender.recommendMany(batch, { incidents: options, timeOrdered })),
      );
      expect(new Set(results.map((r) => r.incident?.id)).size).toBe(1);
      const deadline = '2026-03-10T04:10:00.000Z';
      expect(results.map((r) => r.incident?.respondBy)).toEqual(results.map(() => deadline));
      expect(results.find((r) => r.complaintId === 'd-010')?.handling.respondBy).toBe(deadline);
      for (const [k, r] of results.entries()) {
        const received = Date.parse(batch[k]?.receivedAt as string);
        const own = new Date(received + 24 * 3_600_000).toISOString();
        // Before the deadline, by it; from it on, by its own (nothing is due before it came in).
        expect(r.handling.respondBy, r.complaintId).toBe(received < Date.parse(deadline) ? deadline : own);
      }
    }
  });

  it('leaves bad inputs as error records in place, counting them towards no incident', async () => {
    const batch = [
      complaint('a', { minutes: 0 }),
      { ...complaint('b', { minutes: 1 }), channel: 'carrier pigeon' },
      complaint('c', { minutes: 2 }),
      complaint('d', { minutes: 3 }),
    ];
    const results = await all(createRecommender().recommendMany(batch, { incidents: burst, concurrency: 1 }));
    expect(results.map((r) => (isRecommendationError(r) ? `error@${r.index}` : r.complaintId))).toEqual([
      'a',
      'error@1',
      'c',
      'd',
    ]);
    expect(results.some((r) => !isRecommendationError(r) && r.incident)).toBe(false);
  });

  it('rejects bad incident options before yielding anything', async () => {
    const error = await all(
      createRecommender().recommendMany([complaint('a', { minutes: 0 })], { incidents: { minCount: 1 } }),
    ).catch((e: unknown) => e);
    expect(isRedressError(error) && [error.code, error.pointer]).toEqual(['INVALID_OPTIONS', '/minCount']);
  });

  it('changes nothing for complaints outside incidents, and marks exactly the incidents’ members', async () => {
    const recommender = createRecommender({ locale: 'auto' });
    const shape = fc.record({
      minutes: fc.integer({ min: 0, max: 240 }),
      category: fc.constantFrom('wrong_item' as const, 'late_delivery' as const, 'damaged_item' as const),
      sku: fc.constantFrom('A', 'B'),
      price: fc.constantFrom(12.5, 59.9, 300),
      isPublic: fc.boolean(),
      tone: fc.constantFrom('calm' as const, 'angry' as const),
      locale: fc.constantFrom('en', 'tr-TR', 'fa-IR', 'de'),
    });
    let inside = 0;
    let outside = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(shape, { maxLength: 16 }),
        // Often a burst planted in the background: a few complaints of one product within minutes.
        fc.option(
          fc.record({
            start: fc.integer({ min: 60, max: 220 }),
            shapes: fc.array(shape, { minLength: 3, maxLength: 6 }),
          }),
        ),
        fc.integer({ min: 1, max: 8 }),
        async (background, planted, concurrency) => {
          const burst = (planted?.shapes ?? []).map((s) => ({
            ...s,
            category: 'wrong_item' as const,
            sku: 'BURST',
            minutes: (planted?.start ?? 0) + (s.minutes % 20),
          }));
          const shapes = [...background, ...burst];
          const batch = shapes.map((s, i) => complaint(`c-${i}`, s));
          const options = { window: '30m', baseline: '1h', minCount: 3, ratio: 2 };
          const results = recommendations(
            await all(recommender.recommendMany(batch, { incidents: options, concurrency })),
          );
          const members = new Map(
            detectIncidents(batch, options).flatMap((i) => i.complaintIds.map((id) => [id, i.id])),
          );
          expect(results.map((r) => r.complaintId)).toEqual(batch.map((c) => c.id));
          for (const [i, r] of results.entries()) {
            expect(r.incident?.id).toBe(members.get(r.complaintId));
            if (r.incident) inside++;
            else {
              outside++;
              expect(r).toEqual(await recommender.recommend(batch[i]));
            }
          }
        },
      ),
      fcParams(25),
    );
    // The property is only worth something if both kinds of complaint occurred.
    expect(inside).toBeGreaterThan(20);
    expect(outside).toBeGreaterThan(20);
  });
});
