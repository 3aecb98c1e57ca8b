import { describe, expect, it } from 'vitest';
import { version } from '../../package.json';
import { LOCALES } from '../../src/i18n/locale';
import { createRecommender, LOCALE_CODES, type Locale, type Recommendation } from '../../src/index';
import { isDayOff } from '../../src/time/working-days';
import { RATES, scenarios } from '../helpers';

// Snapshots are the review surface for the translations: a change to any sentence in any locale shows
// up as a diff a native speaker can read, in one plain-text file per language
// (__snapshots__/rationale.<locale>.txt: every hand-written scenario, customer sentences marked », the
// agent's ·). What does not depend on the language (remedies, costs, caps, handling, which sentence
// keys are said, in which order) is snapshotted once, and every locale is checked to give exactly it.
// Regenerate with `npx vitest run test/rationale -u` after reading the diff.

/** Every scenario's recommendation in one locale, by complaint id. */
async function recommendAll(locale: Locale): Promise<Map<string, Recommendation>> {
  const recommender = createRecommender({ locale, exchangeRates: RATES });
  const out = new Map<string, Recommendation>();
  for (const [id, complaint] of scenarios()) out.set(id, await recommender.recommend(complaint));
  return out;
}

const byLocale = new Map(
  await Promise.all(LOCALE_CODES.map(async (locale) => [locale, await recommendAll(locale)] as const)),
);

/**
 * A recommendation without its words: the sentences keep their audience and key, and lose their text;
 * the locale and redress's version (which changes with every release) are checked, not kept. The rule
 * set's hash stays in: it changes only when the default rules do. The follow-up keeps its channels and
 * loses its dates, which fall on the working days of each language's market (tested below).
 */
function structure(r: Recommendation, locale: Locale) {
  const { redressVersion, locale: said, rationale, message, alternatives, followUp, ...rest } = r;
  expect(redressVersion).toBe(version);
  expect(said).toBe(locale);
  return {
    ...rest,
    rationale: rationale.map(({ text, ...sentence }) => sentence),
    alternatives: alternatives.map(({ summary, ...alternative }) => alternative),
    message: { channel: message.channel, parts: message.parts.map((p) => p.kind) },
    followUp: {
      channel: followUp.channel,
      survey: { channel: followUp.survey.channel, scale: followUp.survey.scale },
    },
  };
}

/** The scenarios' sentences as a text a translator reads top to bottom. */
function texts(recommendations: Map<string, Recommendation>): string {
  const blocks = [...recommendations].map(([id, r]) =>
    [
      `## ${id}`,
      ...r.rationale.map((s) => `${s.audience === 'customer' ? '»' : '·'} ${s.text}`),
      ...r.alternatives.map((a) => `◦ ${a.summary}`),
    ].join('\n'),
  );
  return `${blocks.join('\n\n')}\n`;
}

const english = byLocale.get('en') as Map<string, Recommendation>;

describe('recommendations without their words', () => {
  it('are the same in every locale, for every scenario', () => {
    for (const [locale, recommendations] of byLocale) {
      expect([...recommendations.keys()]).toEqual([...english.keys()]);
      for (const [id, r] of recommendations) {
        expect(structure(r, locale), `${id} in ${locale}`).toEqual(
          structure(english.get(id) as Recommendation, 'en'),
        );
      }
    }
  });

  it('follow up on a working day of the language’s market, in its zone, and survey after it', () => {
    const DAY = 86_400_000;
    for (const [locale, recommendations] of byLocale) {
      const { market, timeZone } = LOCALES[locale];
      for (const [id, r] of recommendations) {
        const complaint = scenarios().get(id)!;
        const earliest = Date.parse(complaint.receivedAt) + 3 * DAY;
        const at = Date.parse(r.followUp.checkSatisfactionAt);
        const where = `${id} in ${locale}`;
        expect(isDayOff(at, market, timeZone), where).toBe(false);
        // The policy's three days, then the first working day: never earlier, at most the longest run of days off later.
        expect(at, where).toBeGreaterThanOrEqual(earliest);
        expect(at - earliest, where).toBeLessThanOrEqual(9 * DAY);
        if (!isDayOff(earliest, market, timeZone)) expect(at, where).toBe(earliest);
        const survey = Date.parse(r.followUp.survey.at);
        expect(survey - at, where).toBeGreaterThanOrEqual(4 * DAY);
        expect(isDayOff(survey, market, timeZone), where).toBe(false);
      }
    }
    // 13 March 2026 is a Friday, Iran's weekend: the Persian follow-up is on Saturday, 23 Esfand 1404.
    const persian = byLocale.get('fa')!.get('c-wrong-item')!;
    expect(english.get('c-wrong-item')!.followUp.checkSatisfactionAt).toBe('2026-03-13T08:30:00.000Z');
    expect(persian.followUp.checkSatisfactionAt).toBe('2026-03-14T08:30:00.000Z');
    expect(persian.rationale.find((s) => s.key === 'followUp')?.text).toContain('۲۳ اسفند ۱۴۰۴');
  });

  it('offer each alternative instead of the part of the offer it replaces, not instead of all of it', () => {
    const choice = (locale: string, id: string) =>
      byLocale
        .get(locale as never)!
        .get(id)!
        .rationale.find((s) => s.key === 'offer.choice')?.text;
    expect(choice('en', 'c-wrong-item')).toBe(
      'If you would prefer a refund or store credit instead of the replacement, or a coupon instead of the gift, just let us know.',
    );
    expect(choice('tr', 'c-wrong-item')).toBe(
      'Dilerseniz yeniden gönderim yerine para iadesi veya hesap bakiyesi, hediye yerine indirim kuponu tercih edebilirsiniz; bize bildirmeniz yeterli.',
    );
    expect(choice('fa', 'c-wrong-item')).toBe(
      'اگر به‌جای ارسال کالای جایگزین، بازپرداخت وجه یا اعتبار خرید، یا به‌جای هدیه، کد تخفیف را ترجیح می‌دهید، کافی است به ما اطلاع دهید.',
    );
    expect(choice('en', 'c-billing-overcharge')).toBe(
      'If you would prefer store credit instead of the refund, just let us know.',
    );
  });

  it.each(['c-wrong-item', 'c-outage-severe'])('are as reviewed for %s', (id) => {
    expect(structure(english.get(id) as Recommendation, 'en')).toMatchSnapshot();
  });
});

describe.each(LOCALE_CODES)('the rationale in %s', (locale) => {
  it('says what was reviewed for every hand-written scenario', async () => {
    await expect(texts(byLocale.get(locale) as Map<string, Recommendation>)).toMatchFileSnapshot(
      `./__snapshots__/rationale.${locale}.txt`,
    );
  });
});
