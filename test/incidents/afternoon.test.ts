import { describe, expect, it } from 'vitest';
import type { ComplaintInput } from '../../src/complaint/schema';
import { detectIncidents } from '../../src/incidents/index';
import {
  createRecommender,
  isRecommendationError,
  loadRuleSet,
  type Recommendation,
  type RecommendationError,
} from '../../src/index';
import defaultRules from '../../src/rules/default/rules.json';
import { afternoon, afternoonIds, LEGAL_AT, PUBLIC_AT } from './afternoon';

/*
 * Issue 18's afternoon: 50 complaints about one outage (45 Plus, 5 Family, one legal threat, 7 public
 * posts) must be one incident with one owner, one statement and partners told once, with and without
 * history before it.
 */

const STATEMENT = {
  en: 'We know about a problem that is affecting many of our customers, and we are working to fix it. We are sorry for the trouble. Please send us a private message so that we can help you personally.',
  tr: 'Birçok müşterimizi etkileyen bir sorunun farkındayız ve çözmek için çalışıyoruz. Yaşadığınız aksaklık için özür dileriz. Size daha hızlı yardımcı olabilmemiz için lütfen bize özel mesaj gönderin.',
  fa: 'از مشکلی که برای بسیاری از مشتریان ما پیش آمده است آگاهیم و در حال برطرف کردن آن هستیم. بابت این مشکل پوزش می‌خواهیم. لطفاً از طریق پیام خصوصی با ما در ارتباط باشید تا موضوع شما را شخصاً پیگیری کنیم.',
} as const;

/** The default rules, with partners to tell: the streaming vendor, store management, and a carrier. */
const ruleSet = loadRuleSet({
  ...defaultRules,
  policy: {
    ...defaultRules.policy,
    incidents: {
      owner: 'crisis-desk',
      partners: [
        { to: 'streaming-vendor', service: 'Streaming' },
        { to: 'payment-provider', categories: ['billing_error'] },
        { to: 'store-management', categories: ['service_outage', 'late_delivery'] },
        { to: 'dhl', carrier: 'DHL' },
      ],
    },
  },
});

async function crisis(complaints: readonly ComplaintInput[]): Promise<Recommendation[]> {
  const out: Recommendation[] = [];
  const recommender = createRecommender({ ruleSet, locale: 'auto' });
  for await (const r of recommender.recommendMany(complaints, { incidents: true })) {
    if (isRecommendationError(r as Recommendation | RecommendationError))
      throw new Error(`unexpected error record: ${(r as RecommendationError).error.message}`);
    out.push(r as Recommendation);
  }
  return out;
}

const customerTexts = (r: Recommendation) => [
  ...r.rationale.filter((s) => s.audience === 'customer').map((s) => s.text),
  r.handling.publicAcknowledgement?.statement ?? '',
];

/** What the issue asks of the afternoon's 50 recommendations, whatever came before them. */
function expectOneVoice(all: readonly Recommendation[]) {
  const members = all.filter((r) => afternoonIds.includes(r.complaintId));
  expect(members).toHaveLength(50);
  const ids = new Set(members.map((r) => r.incident?.id));
  expect(ids.size).toBe(1);
  expect([...ids][0]).toBe('inc-20260310T130000Z-service_outage:service:Streaming');
  // One owner, named by every member's handling.
  expect(new Set(members.map((r) => r.handling.owner))).toEqual(new Set(['crisis-desk']));
  // One statement per language, carried verbatim by the 7 public posts.
  const posts = members.filter((r) => r.handling.publicAcknowledgement !== null);
  expect(posts.map((r) => r.complaintId)).toEqual(PUBLIC_AT.map((i) => afternoonIds[i]));
  for (const r of posts) {
    expect(r.handling.publicAcknowledgement?.statement).toBe(STATEMENT[r.locale]);
    expect(r.incident?.statement).toBe(STATEMENT[r.locale]);
  }
  expect(new Set(posts.map((r) => r.locale))).toEqual(new Set(['en', 'tr', 'fa']));
  // Partners told once for the incident: on its first complaint, and named on every member.
  const notified = members.flatMap((r) => r.handling.notify.map((n) => ({ ...n, on: r.complaintId })));
  expect(notified).toEqual([
    { to: 'streaming-vendor', reason: 'incident_partner', incident: [...ids][0], on: 'out-01' },
    { to: 'store-management', reason: 'incident_partner', incident: [...ids][0], on: 'out-01' },
  ]);
  for (const r of members) expect(r.incident?.partners).toEqual(['streaming-vendor', 'store-management']);
  // The legal threat keeps its personal apology and its escalation to the legal team.
  const legal = members.find((r) => r.complaintId === afternoonIds[LEGAL_AT]);
  expect(legal?.remedies.find((x) => x.type === 'apology')).toMatchObject({ form: 'personal' });
  expect(legal?.remedies.find((x) => x.type === 'escalate')).toMatchObject({ queue: 'legal' });
  expect(legal?.handling).toMatchObject({ owner: 'crisis-desk', queue: 'legal', mode: 'human' });
  // No count in any customer text (50 members, 45 on Plus, 5 on Family), in any digits.
  for (const r of members) {
    for (const text of customerTexts(r)) expect(text).not.toMatch(/\b(50|45)\b|۵۰|۴۵/);
    expect(r.rationale.find((s) => s.key === 'incident.notice')?.text).not.toMatch(/[0-9۰-۹]/);
  }
  // The agent sees the summary: cause, members, first and last complaint, remedy given.
  expect(members[0]?.incident).toMatchObject({
    count: 50,
    firstAt: '2026-03-10T13:00:00.000Z',
    lastAt: '2026-03-10T17:54:00.000Z',
    remedies: expect.arrayContaining(['apology', 'free_month']),
  });
  return members;
}

describe('the afternoon of issue 18', () => {
  it('is one incident of all 50 by its count alone, when the export has no history', async () => {
    const complaints = afternoon();
    const [incident, ...rest] = detectIncidents(complaints);
    expect(rest).toEqual([]);
    expect(incident).toMatchObject({ basis: 'minCount', count: 50, publicCount: 7, growth: null });
    expect(incident?.complaintIds).toEqual(afternoonIds);
    expectOneVoice(await crisis(complaints));
  });

  it('is the same incident by the ratio rule after 28 days of 2 outages a day', async () => {
    const complaints = afternoon({ background: { outagesPerDay: 2 } });
    expect(complaints).toHaveLength(50 + 28 * 5);
    const incidents = detectIncidents(complaints);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]).toMatchObject({ basis: 'ratio', count: 50 });
    // 55 outages in the 28 days before the window: about 2 a day, and 50 is far more than 4 × 2.
    expect(incidents[0]?.expected).toBeCloseTo(55 / 28, 2);
    expect(incidents[0]?.complaintIds).toEqual(afternoonIds);
    const all = await crisis(complaints);
    expectOneVoice(all);
    expect(all.filter((r) => r.incident === undefined)).toHaveLength(28 * 5);
  });

  it('is no incident after 28 days of 15 outages a day: that service is always this busy', () => {
    const incidents = detectIncidents(afternoon({ background: { outagesPerDay: 15 } }));
    // The first day of the background is judged by its count (15 ≥ 10): an incident with no history.
    // Once there is a day of history its complaints count as usual, so it ends within two days.
    expect(incidents.map((i) => [i.basis, i.firstAt.slice(0, 10), i.lastAt.slice(0, 10)])).toEqual([
      ['minCount', '2026-02-09', '2026-02-10'],
    ]);
    expect(incidents.flatMap((i) => i.complaintIds).some((id) => afternoonIds.includes(id))).toBe(false);
  });

  it('is one cause across the plans when no service is named', () => {
    const [incident, ...rest] = detectIncidents(afternoon({ service: false }));
    expect(rest).toEqual([]);
    expect(incident?.cause).toMatchObject({ key: 'service_outage', service: null });
    expect(incident?.count).toBe(50);
  });
});

describe('crisis mode over a time-ordered stream', () => {
  async function each(results: AsyncIterable<Recommendation | RecommendationError>) {
    const out: (Recommendation | RecommendationError)[] = [];
    for await (const r of results) out.push(r);
    return out;
  }

  it('gives what the batch gives, in input order, without reading the input first', async () => {
    const complaints = [...afternoon({ background: { outagesPerDay: 2 } }), { id: 'broken' }];
    const recommender = createRecommender({ ruleSet, locale: 'auto' });
    let read = 0;
    async function* slowly() {
      for (const c of complaints) {
        read++;
        yield c;
      }
    }
    const streamed: (Recommendation | RecommendationError)[] = [];
    let readAtFirst = 0;
    for await (const r of recommender.recommendMany(slowly(), { incidents: true, timeOrdered: true })) {
      if (streamed.length === 0) readAtFirst = read;
      streamed.push(r);
    }
    expect(streamed).toEqual(await each(recommender.recommendMany(complaints, { incidents: true })));
    // The first result left after about a day of complaints, not after the whole input.
    expect(readAtFirst).toBeLessThan(40);
    expect(streamed.filter((r) => 'incident' in r && r.incident)).toHaveLength(50);
  });

  it('ends with INVALID_COMPLAINT at a complaint earlier than the one before it', async () => {
    const complaints = afternoon();
    [complaints[3], complaints[4]] = [complaints[4] as ComplaintInput, complaints[3] as ComplaintInput];
    const error = await each(
      createRecommender().recommendMany(complaints, { incidents: true, timeOrdered: true }),
    ).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'INVALID_COMPLAINT', pointer: '/4/receivedAt' });
    expect(String((error as Error).message)).toMatch(/time order/);
  });
});
