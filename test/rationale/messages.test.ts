import { describe, expect, it } from 'vitest';
import type { Channel, ComplaintInput } from '../../src/complaint/schema';
import {
  createRecommender,
  defaultRuleSet,
  LOCALE_CODES,
  type Locale,
  loadRuleSet,
  type Recommendation,
} from '../../src/index';
import { PUBLIC_REPLY_MAX } from '../../src/rationale/message';
import { RATES, scenarios } from '../helpers';
import { messageProblems } from '../sendable';

// The customer message for each channel, in each language: one plain-text snapshot per locale, the
// page a native reader reviews (__snapshots__/message.<locale>.txt). Regenerate with
// `npx vitest run test/rationale/messages.test.ts -u` after reading the diff.

const CHANNELS: readonly Channel[] = ['email', 'chat', 'phone', 'social', 'review', 'store'];
const ruleSet = loadRuleSet(defaultRuleSet);
const RLM = '\u200f';

/** The canonical scenarios in every channel, and every hand-written scenario in its own. */
function cases(): [string, ComplaintInput][] {
  const all = scenarios();
  const canonical = ['c-wrong-item', 'c-outage-severe'].flatMap((id) =>
    CHANNELS.map(
      (channel) => [`${id} @${channel}`, { ...all.get(id)!, channel }] as [string, ComplaintInput],
    ),
  );
  return [...canonical, ...[...all].map(([id, c]) => [`${id} @${c.channel}`, c] as [string, ComplaintInput])];
}

async function messages(locale: Locale): Promise<Map<string, Recommendation>> {
  const recommender = createRecommender({ locale, exchangeRates: RATES });
  const out = new Map<string, Recommendation>();
  for (const [id, c] of cases()) out.set(id, await recommender.recommend(c));
  return out;
}

const byLocale = new Map(await Promise.all(LOCALE_CODES.map(async (l) => [l, await messages(l)] as const)));

function page(recommendations: Map<string, Recommendation>): string {
  const blocks = [...recommendations].map(([id, r]) =>
    [`## ${id}`, ...r.message.parts.map((p) => `[${p.kind}]\n${p.text}`)].join('\n'),
  );
  return `${blocks.join('\n\n')}\n`;
}

describe('the customer message', () => {
  it('has the same parts in every locale, for every channel', () => {
    const en = byLocale.get('en')!;
    for (const [locale, recs] of byLocale) {
      for (const [id, r] of recs) {
        expect(
          r.message.parts.map((p) => p.kind),
          `${id} in ${locale}`,
        ).toEqual(en.get(id)!.message.parts.map((p) => p.kind));
        expect(r.message.channel).toBe(en.get(id)!.message.channel);
        expect(r.message.text).toBe(r.message.parts.map((p) => p.text).join('\n\n'));
      }
    }
  });

  it('is written for its channel: a letter by email, turns in conversation, a public reply and a letter in public', () => {
    const en = byLocale.get('en')!;
    const kinds = (id: string) => [...new Set(en.get(id)!.message.parts.map((p) => p.kind))];
    expect(kinds('c-wrong-item @email')).toEqual(['subject', 'greeting', 'paragraph', 'closing', 'signoff']);
    for (const channel of ['chat', 'phone', 'store'])
      expect(kinds(`c-wrong-item @${channel}`)).toEqual(['turn']);
    for (const channel of ['social', 'review']) {
      expect(kinds(`c-wrong-item @${channel}`)).toEqual([
        'publicReply',
        'greeting',
        'paragraph',
        'closing',
        'signoff',
      ]);
    }
    // The customer's name when known (c-wrong-item's is Ayşe Yılmaz), a neutral greeting otherwise.
    expect(en.get('c-wrong-item @email')!.message.parts[1]!.text).toBe('Dear Ayşe Yılmaz,');
    expect(byLocale.get('tr')!.get('c-wrong-item @email')!.message.parts[1]!.text).toBe('Sayın Ayşe Yılmaz,');
    expect(en.get('c-outage-severe @email')!.message.parts[1]!.text).toBe('Hello,');
  });

  it('keeps public replies short, without amounts or personal data', () => {
    for (const [locale, recs] of byLocale) {
      for (const [id, r] of recs) {
        const reply = r.message.parts.find((p) => p.kind === 'publicReply');
        if (reply) expect(reply.text.length, `${id} in ${locale}`).toBeLessThanOrEqual(PUBLIC_REPLY_MAX);
      }
    }
  });

  it('signs with the rule set’s signature in the locale', async () => {
    const signed = loadRuleSet({
      ...defaultRuleSet,
      policy: { ...defaultRuleSet.policy, signature: { tr: 'Ayakkabı Dünyası' } },
    });
    const c = scenarios().get('c-wrong-item')!;
    const tr = await createRecommender({ ruleSet: signed, locale: 'tr' }).recommend(c);
    expect(tr.message.parts.at(-1)?.text).toBe('Saygılarımızla,\nAyakkabı Dünyası');
    const fa = await createRecommender({ ruleSet: signed, locale: 'fa' }).recommend(c);
    expect(fa.message.parts.at(-1)?.text).toBe(`${RLM}با احترام،\n${RLM}تیم خدمات مشتریان`);
  });

  it('apologises, says what happened, and then promises to follow it through', () => {
    for (const locale of LOCALE_CODES) {
      const keys = byLocale
        .get(locale)!
        .get('c-outage-severe @email')!
        .rationale.map((s) => s.key);
      expect(keys.slice(0, 3), locale).toEqual([
        'apology.personal',
        'restate.service_outage',
        'apology.personal.followThrough',
      ]);
    }
  });

  it('starts every line of a Persian message with an RLM, for viewers that do not know isolates', async () => {
    // Without it, such a viewer lays the greeting, which starts with a Latin name, out left to right.
    const fa = byLocale.get('fa')!.get('c-wrong-item @email')!;
    expect(fa.message.parts.find((p) => p.kind === 'greeting')?.text).toBe(
      `${RLM}\u2068Ayşe Yılmaz\u2069 گرامی،`,
    );
    expect(fa.message.text.split('\n').filter((line) => line !== '' && !line.startsWith(RLM))).toEqual([]);
    // Its sentences, and English and Turkish text, have no mark: isolates direct them.
    expect(fa.rationale.filter((s) => s.text.includes(RLM))).toEqual([]);
    expect(byLocale.get('tr')!.get('c-wrong-item @email')!.message.text).not.toContain(RLM);
  });

  it.each(LOCALE_CODES)('is sendable as it is in %s, for every channel and scenario', (locale) => {
    for (const [id, c] of cases()) {
      const r = byLocale.get(locale)!.get(id)!;
      expect(messageProblems(r, { complaint: c, ruleSet }), id).toEqual([]);
    }
  });

  it.each(LOCALE_CODES)('reads as reviewed in %s', async (locale) => {
    await expect(page(byLocale.get(locale)!)).toMatchFileSnapshot(`./__snapshots__/message.${locale}.txt`);
  });
});
