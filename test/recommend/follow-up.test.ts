import { describe, expect, it } from 'vitest';
import { createRecommender, isRedressError, safeParseComplaint } from '../../src/index';
import { scenario } from '../helpers';

// The follow-up and the satisfaction survey after it: on a working day of the language's market, in the
// customer's time zone; the customer's own zone (customer.timeZone) for every date and time they read.

const DAY = 86_400_000;

describe('the follow-up and the survey', () => {
  it('survey once the follow-up is done, on a private channel, in the recommendation’s language', async () => {
    const complaint = scenario('c-wrong-item-public'); // a social post, received Tuesday 10 March 2026
    for (const locale of ['en', 'tr', 'fa'] as const) {
      const { followUp } = await createRecommender({ locale }).recommend(complaint);
      expect(followUp.channel).toBe('social');
      expect(followUp.survey.channel).toBe('email');
      expect(followUp.survey.scale).toEqual({ min: 1, max: 5 });
      expect(
        Date.parse(followUp.survey.at) - Date.parse(followUp.checkSatisfactionAt),
      ).toBeGreaterThanOrEqual(4 * DAY);
    }
    const en = await createRecommender({ locale: 'en' }).recommend(complaint);
    // Friday 13 March + 4 days: Tuesday 17 March.
    expect(en.followUp.survey.at).toBe('2026-03-17T08:30:00.000Z');
    expect(en.followUp.survey.question).toMatch(/^How satisfied are you .* from 1 \(not at all\) to 5/);
    const fa = await createRecommender({ locale: 'fa' }).recommend(complaint);
    expect(fa.followUp.survey.question).toMatch(/از ۱ \(اصلاً راضی نیستم\) تا ۵/);
  });

  it('moves off Nowruz and Iran’s Friday, and off a bayram and Türkiye’s weekend', async () => {
    // Received Friday 20 March 2026: three days later is 3 Farvardin 1405 (Nowruz) and Monday 23 March.
    const complaint = scenario('c-late-severe');
    const fa = await createRecommender({ locale: 'fa' }).recommend(complaint);
    expect(fa.followUp.checkSatisfactionAt).toBe('2026-03-25T08:00:00.000Z'); // 5 Farvardin, a Wednesday
    expect(fa.rationale.find((s) => s.key === 'followUp')?.text).toContain('۵ فروردین ۱۴۰۵');
    const tr = await createRecommender({ locale: 'tr' }).recommend(complaint);
    expect(tr.followUp.checkSatisfactionAt).toBe('2026-03-23T08:00:00.000Z');
    // On the first day of Kurban Bayramı 2026 (27 May) Türkiye is off until Monday 1 June.
    const bayram = { ...complaint, receivedAt: '2026-05-24T11:00:00+03:00' };
    const inTurkish = await createRecommender({ locale: 'tr' }).recommend(bayram);
    expect(inTurkish.followUp.checkSatisfactionAt).toBe('2026-06-01T08:00:00.000Z');
    expect(inTurkish.rationale.find((s) => s.key === 'followUp')?.text).toContain('1 Haziran 2026');
  });

  it('shows dates and a promised contact’s time in the customer’s own time zone', async () => {
    const complaint = scenario('c-legal'); // escalated to legal, answered within 24 hours
    const plain = await createRecommender({ locale: 'en' }).recommend(complaint);
    expect(plain.rationale.find((s) => s.key === 'offer.escalate')?.text).toBe(
      'A member of our legal team will contact you by March 11, 2026.',
    );
    const inNewYork = { ...complaint, customer: { ...complaint.customer, timeZone: 'America/New_York' } };
    const en = await createRecommender({ locale: 'en' }).recommend(inNewYork);
    expect(en.rationale.find((s) => s.key === 'offer.escalate.at')?.text).toBe(
      'A member of our legal team will contact you by 04:30 on March 11, 2026.',
    );
    // A clock time is not a date: Turkish says "saat 12:30 olmadan", never "12:30 tarihine kadar".
    const inIstanbul = { ...complaint, customer: { ...complaint.customer, timeZone: 'Europe/Istanbul' } };
    const tr = await createRecommender({ locale: 'tr' }).recommend(inIstanbul);
    const trText = tr.rationale.find((s) => s.key === 'offer.escalate.at')?.text;
    expect(trText).toMatch(
      /^11 Mart 2026 günü saat \d\d:\d\d olmadan hukuk ekibimiz sizinle iletişime geçecek\.$/,
    );
    expect(trText).not.toContain('tarihine kadar');
    const inTehran = { ...complaint, customer: { ...complaint.customer, timeZone: 'Asia/Tehran' } };
    const fa = await createRecommender({ locale: 'fa' }).recommend(inTehran);
    expect(fa.rationale.find((s) => s.key === 'offer.escalate.at')?.text).toBe(
      'یکی از کارشناسان واحد حقوقی ما حداکثر تا ۲۰ اسفند ۱۴۰۴ ساعت ۱۲:۰۰ با شما تماس خواهد گرفت.',
    );
    // The zone changes what is shown and when the follow-up falls, never a remedy.
    expect(fa.remedies).toEqual((await createRecommender({ locale: 'fa' }).recommend(complaint)).remedies);
  });

  it('refuses a time zone that is not an IANA name, saying what to write', () => {
    for (const timeZone of ['Mars/Olympus', '+03:00', '../etc/passwd', 'x'.repeat(65)]) {
      const complaint = scenario('c-legal');
      const result = safeParseComplaint({ ...complaint, customer: { ...complaint.customer, timeZone } });
      expect(result.ok, timeZone).toBe(false);
      const error = result.ok ? undefined : result.error;
      expect(isRedressError(error) && error.code).toBe('INVALID_COMPLAINT');
      expect(error?.path).toEqual(['customer', 'timeZone']);
    }
    const complaint = scenario('c-legal');
    const bad = safeParseComplaint({
      ...complaint,
      customer: { ...complaint.customer, timeZone: 'Europe/Istambul' },
    });
    expect(bad.ok ? '' : bad.error.message).toMatch(
      /unknown time zone "Europe\/Istambul"; use an IANA name such as "Europe\/Istanbul"/,
    );
    expect(
      safeParseComplaint({ ...complaint, customer: { ...complaint.customer, timeZone: 'UTC' } }).ok,
    ).toBe(true);
  });
});
