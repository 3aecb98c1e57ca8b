import { describe, expect, it } from 'vitest';
import { LOCALES, type Locale, placeholders } from '../../src/i18n/locale';
import type { Messages } from '../../src/i18n/locales/en';
import { Renderer } from '../../src/i18n/renderer';
import { createRecommender, LOCALE_CODES, localeDirection, resolveLocale } from '../../src/index';
import { remedyMessages } from '../../src/remedies/catalogue';
import { countingIntlConstructions, RATES, scenario, scenarios, thrown } from '../helpers';

const all = [...scenarios().values()];

/** Everything a locale writes: its catalogue and every remedy's own messages in it. */
const catalogue = (locale: Locale): Readonly<Record<string, string>> =>
  ({ ...LOCALES[locale].messages, ...remedyMessages(locale) }) as Readonly<Record<string, string>>;
const en = catalogue('en');

const CATEGORY = /\.(zero|one|two|few|many|other)$/;
/** Messages with plural forms: those English gives a form other than `.other` (not `category.other`). */
const PLURAL_BASES = new Set(
  Object.keys(en)
    .filter((k) => CATEGORY.test(k) && !k.endsWith('.other'))
    .map((k) => k.replace(CATEGORY, '')),
);
const pluralBase = (key: string) => {
  const base = key.replace(CATEGORY, '');
  return base !== key && PLURAL_BASES.has(base) ? base : undefined;
};
const FSI = '\u2068';
const PDI = '\u2069';

/** Message keys grouped by plural message: `restate.late_delivery.one` → `restate.late_delivery`. */
function groups(keys: readonly string[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const key of keys) {
    const base = pluralBase(key) ?? key;
    const category = base === key ? '' : (CATEGORY.exec(key)?.[1] ?? '');
    out.set(base, [...(out.get(base) ?? []), category]);
  }
  return out;
}

function pluralRules(tag: string, base: string): Intl.PluralRules {
  return new Intl.PluralRules(tag, { type: base === 'ordinal' ? 'ordinal' : 'cardinal' });
}

/** Removes isolated spans (FSI … PDI), leaving the text the locale itself wrote. */
function outsideIsolates(text: string): string {
  let out = '';
  let depth = 0;
  for (const ch of text) {
    if (ch === FSI) depth++;
    else if (ch === PDI) depth--;
    else if (depth === 0) out += ch;
  }
  return out;
}

describe('message catalogues', () => {
  const english = groups(Object.keys(en));

  it('English gives every plural form its own grammar tells apart, and `.other` for each', () => {
    for (const [base, categories] of english) {
      if (categories.includes('')) continue;
      expect(categories, base).toContain('other');
      const needed = pluralRules('en-US', base).resolvedOptions().pluralCategories;
      expect([...categories].sort(), base).toEqual([...needed].sort());
    }
  });

  for (const locale of LOCALE_CODES) {
    const { tag } = LOCALES[locale];
    const messages = catalogue(locale);
    const keys = Object.keys(messages);
    const own = groups(keys);

    it(`${locale} has every message English has, and no other`, () => {
      expect([...own.keys()].sort()).toEqual([...english.keys()].sort());
    });

    it(`${locale} plural messages have .other and only forms its plural rules can pick`, () => {
      for (const [base, categories] of own) {
        const englishForms = english.get(base) ?? [];
        if (englishForms.includes('')) {
          expect(categories, base).toEqual(['']);
          continue;
        }
        expect(categories, base).toContain('other');
        const possible = pluralRules(tag, base).resolvedOptions().pluralCategories as string[];
        for (const category of categories) expect(possible, `${base}.${category}`).toContain(category);
      }
    });

    it(`${locale} uses the same placeholders as English in every message`, () => {
      // `{subjectIn}` is `{subject}` in another grammatical case: a translation may use either.
      const sorted = (t: string) =>
        [...new Set(placeholders(t).map((p) => (p === 'subjectIn' ? 'subject' : p)))].sort();
      for (const key of keys) {
        const base = pluralBase(key) ?? key;
        const reference = en[key] ?? en[`${base}.other`];
        expect(reference, key).toBeDefined();
        expect(sorted(messages[key] as string), key).toEqual(sorted(reference as string));
      }
    });
  }

  it('Persian is written in Persian letters (ی and ک, never Arabic ي or ك) and without Latin words', () => {
    for (const [key, text] of Object.entries(catalogue('fa'))) {
      expect(text, key).not.toMatch(/[\u064A\u0643\u0649]/);
      // Latin only inside an isolate (the zone's code «⁨UTC⁩»), where it cannot reorder the sentence.
      expect(outsideIsolates(text.replace(/\{\w+\}/g, '')), key).not.toMatch(/[A-Za-z]/);
    }
    // `why.incident` puts the zone in brackets of its own: none inside them (fa review4 M3).
    expect(catalogue('fa')['zone.UTC']).toBe(`به وقت ${FSI}UTC${PDI}`);
    expect(catalogue('fa')['why.incident']).toMatch(/\(\{zone\}\)/);
  });

  it('Turkish speaks to the customer in the polite "siz" form, never the familiar "sen"', () => {
    const familiar = /(?<!\p{L})(sen|seni|sana|senin|sende|senden|seninle)(?!\p{L})/iu;
    for (const [key, text] of Object.entries(catalogue('tr'))) expect(text, key).not.toMatch(familiar);
    expect(catalogue('tr')['apology.standard']).toMatch(/Yaşadığınız/);
  });
});

describe('formatting with Intl', () => {
  it('writes Persian with Persian digits, Persian separators and the currency name after the amount', () => {
    const fa = new Renderer('fa');
    expect(fa.number(1234.5)).toBe('۱٬۲۳۴٫۵');
    expect(fa.money(59.9, 'EUR')).toBe('۵۹٫۹۰ یورو');
    expect(fa.money(1234.5, 'TRY')).toBe('۱٬۲۳۴٫۵۰ لیرهٔ ترکیه');
    // No «٫۰۰» on a whole amount; rials as Iranians write them, and toman only when it is whole.
    expect(fa.money(18, 'EUR')).toBe('۱۸ یورو');
    expect(fa.money(2_345_305, 'IRR')).toBe('۲٬۳۴۵٬۳۰۵ ریال');
    expect(fa.money(2_345_300, 'IRR', { IRR: 'toman' })).toBe('۲۳۴٬۵۳۰ تومان');
    expect(fa.money(2_345_305, 'IRR', { IRR: 'toman' })).toBe('۲٬۳۴۵٬۳۰۵ ریال');
    expect(fa.money(6800, 'JPY')).toBe('۶٬۸۰۰ ین');
    expect(fa.currencyName('IRR')).toBe('ریال');
    expect(fa.exchangeRate(470_000, 'EUR', 'IRR')).toBe('۱ یورو = ۴۷۰٬۰۰۰ ریال');
    expect(fa.percent(10)).toBe('۱۰٪');
    // Ordinals in words, and no comma before the last «و» (CLDR has one; Persian writers do not).
    expect(fa.ordinal(3)).toBe('سومین');
    expect(fa.ordinal(4)).toBe('چهارمین');
    expect(fa.ordinal(30)).toBe('سی‌امین');
    expect(fa.ordinal(25)).toBe('بیست‌وپنجمین');
    expect(fa.ordinal(120)).toBe('۱۲۰اُمین');
    expect(fa.list(['الف', 'ب', 'ج'])).toBe('الف، ب و ج');
    expect(fa.list(['۸ سفارش', 'سفارش در ۶۰ روز اخیر'])).toBe('۸ سفارش و سفارش در ۶۰ روز اخیر');
  });

  it('dates Persian rationale in the Solar Hijri calendar, in Tehran time unless told another zone', () => {
    const fa = new Renderer('fa');
    expect(fa.timeZone).toBe('Asia/Tehran');
    expect(fa.date('2026-03-13T08:30:00.000Z')).toBe('۲۲ اسفند ۱۴۰۴');
    // 23:30 at UTC−05:00 is already the next day in Tehran.
    expect(fa.date('2026-03-20T23:30:00-05:00')).toBe('۱ فروردین ۱۴۰۵');
    // 22:00 UTC is 01:30 the next day in Tehran.
    expect(fa.date('2026-03-12T22:00:00Z')).toBe('۲۲ اسفند ۱۴۰۴');
    expect(fa.dateTime('2026-03-10T08:05:00Z')).toBe('۱۹ اسفند ۱۴۰۴ ساعت ۱۱:۳۵');
    expect(new Renderer('fa', 'UTC').dateTime('2026-03-10T08:05:00Z')).toBe('۱۹ اسفند ۱۴۰۴ ساعت ۸:۰۵');
    // An agent's period says the day once, and names the zone.
    expect(fa.period('2026-03-10T00:00:00Z', '2026-03-10T00:30:00Z')).toBe('۱۹ اسفند ۱۴۰۴، ۳:۳۰ تا ۴:۰۰');
    expect(fa.zoneName('2026-03-10T00:00:00Z')).toBe('به وقت تهران');
    expect(new Renderer('en', 'Asia/Kathmandu').zoneName('2026-03-10T00:00:00Z')).toBe('GMT+5:45');
    // Isolated left-to-right, without the LRM Intl puts before the sign (a mark the CLI shows as U+FFFD).
    expect(new Renderer('fa', 'Asia/Kathmandu').zoneName('2026-03-10T00:00:00Z')).toBe(
      '\u2066+۵:۴۵\u2069 گرینویچ',
    );
  });

  it('writes Turkish money as Turkish shops do, Turkish separators, percent sign first', () => {
    const tr = new Renderer('tr');
    // The lira as Turkish shops write it, "TL" after the amount; a foreign currency's sign after it too, or its name.
    expect(tr.money(1234.5, 'TRY')).toBe('1.234,50 TL');
    expect(tr.money(59.9, 'EUR')).toBe('59,90 €');
    expect(tr.money(6800, 'JPY')).toBe('6.800 ¥');
    expect(tr.money(32_050_000, 'IRR')).toBe('32.050.000 İran riyali');
    expect(tr.exchangeRate(160, 'EUR', 'JPY')).toBe('1 € = 160 ¥');
    expect(tr.exchangeRate(36.5, 'EUR', 'TRY')).toBe('1 € = 36,5 TL');
    expect(['EUR', 'JPY', 'TRY'].map((c) => tr.currencyName(c))).toEqual([
      'euro',
      'Japon yeni',
      'Türk lirası',
    ]);
    expect(tr.percent(20)).toBe('%20');
    // A percentage before a noun takes the suffix of the number as it is read.
    expect([10, 20, 25, 30, 40, 50, 60, 90, 100, 12.5].map((n) => tr.percentModifier(n))).toEqual([
      "%10'luk",
      "%20'lik",
      "%25'lik",
      "%30'luk",
      "%40'lık",
      "%50'lik",
      "%60'lık",
      "%90'lık",
      "%100'lük",
      "%12,5'lik",
    ]);
    expect(tr.ordinal(3)).toBe('3.');
    expect(tr.date('2026-03-13T08:30:00Z')).toBe('13 Mart 2026');
    // Türkiye time, three hours ahead of UTC.
    expect(tr.dateTime('2026-03-10T08:05:00Z')).toBe('10 Mart 2026 11:05');
    expect(tr.list(['a', 'b', 'c'])).toBe('a, b ve c');
  });

  it('keeps English ordinals and money as before', () => {
    const en = new Renderer('en');
    expect([1, 2, 3, 4, 11, 22].map((n) => en.ordinal(n))).toEqual([
      '1st',
      '2nd',
      '3rd',
      '4th',
      '11th',
      '22nd',
    ]);
    expect(en.money(59.9, 'EUR')).toBe('€59.90');
  });

  it('names the platforms Iranian customers post on in Persian letters', () => {
    const fa = new Renderer('fa');
    expect(
      ['Aparat', 'WhatsApp', 'Eitaa', 'Rubika', 'Bale', 'Threads', 'Google'].map((p) => fa.platform(p)),
      // «بله» alone is also "yes": Persian writers name the messenger «پیام‌رسان بله» (fa review4 M2).
    ).toEqual(['آپارات', 'واتس‌اپ', 'ایتا', 'روبیکا', 'پیام‌رسان بله', 'تردز', 'گوگل']);
  });

  it('spells one in a Persian count, as a Persian writer does, and keeps digits otherwise', () => {
    const fa = new Renderer('fa');
    // Exactly one: Persian's plural category `one` also holds 0, which a word must not replace.
    expect([1, 0, 3, 12].map((n) => fa.count(n))).toEqual(['یک', '۰', '۳', '۱۲']);
    expect(new Renderer('en').count(1)).toBe('1');
    expect(new Renderer('tr').count(1)).toBe('1');
  });

  it('says "a day" and "a free month" in English to the customer, never the digit 1', () => {
    // The customer's sentences (restating the problem, the offers) put the count in words in their
    // one-forms; the agent's factor lines keep the digit ("1 day late"), as a report does.
    const counted = Object.entries(en).filter(
      ([key, text]) =>
        /^(restate|offer)\./.test(key) && key.endsWith('.one') && /\{(days|months)\}/.test(text),
    );
    expect(counted).toEqual([]);
    const pending = new Renderer('en').t(
      'restate.late_delivery_pending',
      { subject: 'order o-1', days: 1 },
      1,
    );
    expect(pending).toBe(
      'We understand that order o-1 has still not arrived, a day after the date we promised.',
    );
  });

  it('names free months in a choice without a count: the months offered may be more than one', () => {
    // A gift raised by a value tier and given as free months instead can be two months (c-platinum):
    // the phrase that names the option, or what it replaces, has no count to get wrong.
    for (const locale of ['en', 'tr', 'fa'] as const) {
      const messages = catalogue(locale);
      for (const key of ['choice.free_month', 'replaced.free_month']) {
        expect(messages[key], `${locale} ${key}`).not.toMatch(
          /\b(a|one|1) (free )?month|\bbir ay|یک ماه|[0-9۰-۹]/,
        );
      }
    }
  });

  it('picks plural forms by count, falling back to .other where a language has no other form', () => {
    expect(new Renderer('en').t('factor.daysLate', { days: 1 }, 1)).toBe('1 day late');
    expect(new Renderer('en').t('factor.daysLate', { days: 3 }, 3)).toBe('3 days late');
    expect(new Renderer('tr').t('factor.daysLate', { days: 1 }, 1)).toBe('1 gün gecikme');
    expect(new Renderer('fa').t('factor.daysLate', { days: 1 }, 1)).toBe('۱ روز تأخیر');
  });

  it('isolates values from the input in Persian, and in English only when they are right-to-left', () => {
    expect(new Renderer('fa').embed('SHOE-42')).toBe(`${FSI}SHOE-42${PDI}`);
    expect(new Renderer('fa').embed('۱۲۳')).toBe(`${FSI}۱۲۳${PDI}`);
    expect(new Renderer('en').embed('SHOE-42')).toBe('SHOE-42');
    expect(new Renderer('en').embed('طرح ویژه')).toBe(`${FSI}طرح ویژه${PDI}`);
    expect(new Renderer('tr').embed('Plus')).toBe('Plus');
  });
});

describe('choosing the locale', () => {
  it('resolves customer locale tags to the language redress writes, else the fallback', () => {
    expect(resolveLocale('tr-TR')).toBe('tr');
    expect(resolveLocale('fa')).toBe('fa');
    expect(resolveLocale('FA-ir')).toBe('fa');
    expect(resolveLocale('fa_IR')).toBe('fa');
    expect(resolveLocale('pes')).toBe('fa');
    expect(resolveLocale('en-GB')).toBe('en');
    expect(resolveLocale('de-DE')).toBe('en');
    expect(resolveLocale('de-DE', 'tr')).toBe('tr');
    expect(resolveLocale('not a tag!')).toBe('en');
    expect(resolveLocale(undefined, 'fa')).toBe('fa');
    expect(resolveLocale('')).toBe('en');
  });

  it("reads each tag with Intl once, and answers it again with each call's own fallback", () => {
    // With `locale: 'auto'` every complaint's tag is resolved, and a batch repeats a handful of them.
    const tags = ['tr-TR', 'fa_IR', 'de-DE', 'not a tag!', 'pes'];
    const first = tags.map((tag) => resolveLocale(tag, 'tr'));
    const read = countingIntlConstructions('Locale', () => {
      for (let i = 0; i < 3; i++) expect(tags.map((tag) => resolveLocale(tag, 'tr'))).toEqual(first);
      expect(tags.map((tag) => resolveLocale(tag, 'fa'))).toEqual(['tr', 'fa', 'fa', 'fa', 'fa']);
    });
    expect(read).toBe(0);
  });

  it("keeps only tags of at most 35 characters, the schema's cap for customer.locale: longer ones are read each time", () => {
    // resolveLocale is public: a caller may pass tags of any length, which a memo of 1,024 would keep.
    const atCap = 'tr-TR-x-aaaaaaa-bbbbbbbb-cccccccc-d';
    const long = `${atCap}d`;
    expect([atCap.length, long.length]).toEqual([35, 36]);
    expect([resolveLocale(atCap, 'fa'), resolveLocale(long, 'fa')]).toEqual(['tr', 'tr']);
    expect(countingIntlConstructions('Locale', () => expect(resolveLocale(atCap, 'fa')).toBe('tr'))).toBe(0);
    const longReads = countingIntlConstructions('Locale', () => {
      for (let i = 0; i < 3; i++) expect(resolveLocale(long, 'fa')).toBe('tr');
    });
    expect(longReads).toBe(3);
    expect(resolveLocale('x'.repeat(10_000), 'fa')).toBe('fa');
  });

  it('reports Persian as right-to-left and the others as left-to-right', () => {
    expect(LOCALE_CODES.map((l) => [l, localeDirection(l)])).toEqual([
      ['en', 'ltr'],
      ['tr', 'ltr'],
      ['fa', 'rtl'],
    ]);
  });

  it('writes in the recommender locale, the per-call locale, or the customer locale with auto', async () => {
    const turkishCustomer = scenario('c-wrong-item'); // customer.locale "tr"
    const persianCustomer = scenario('c-yen'); // customer.locale "fa"
    const german = scenario('c-late-minor');
    german.customer.locale = 'de-DE';
    const first = async (r: ReturnType<typeof createRecommender>, c: unknown, o?: object) =>
      (await r.recommend(c, o)).locale;
    expect(await first(createRecommender({ locale: 'tr', exchangeRates: RATES }), persianCustomer)).toBe(
      'tr',
    );
    expect(
      await first(createRecommender({ locale: 'tr', exchangeRates: RATES }), persianCustomer, {
        locale: 'fa',
      }),
    ).toBe('fa');
    const auto = createRecommender({ locale: 'auto', exchangeRates: RATES });
    expect(await first(auto, turkishCustomer)).toBe('tr');
    expect(await first(auto, persianCustomer)).toBe('fa');
    expect(await first(auto, german)).toBe('en');
    expect(
      await first(createRecommender({ locale: 'auto', fallbackLocale: 'tr', exchangeRates: RATES }), german),
    ).toBe('tr');
    expect(
      await first(createRecommender({ exchangeRates: RATES }), persianCustomer, { locale: 'auto' }),
    ).toBe('fa');
  });

  it('changes only the words, never the remedies, when the locale changes', async () => {
    for (const complaint of all) {
      const [a, b] = await Promise.all(
        (['en', 'fa'] as const).map((locale) =>
          createRecommender({ locale, exchangeRates: RATES }).recommend(complaint),
        ),
      );
      expect(b?.remedies).toEqual(a?.remedies);
      expect(b?.handling).toEqual(a?.handling);
      expect(b?.rationale.map((s) => s.key)).toEqual(a?.rationale.map((s) => s.key));
    }
  });

  it('refuses a locale it does not write with INVALID_OPTIONS, naming the option and the choices', async () => {
    const refused = (path: string, message: string) =>
      expect.objectContaining({ name: 'RedressError', code: 'INVALID_OPTIONS', path: [path], message });
    expect(thrown(() => createRecommender({ locale: 'de' as 'en' }))).toEqual(
      refused('locale', 'INVALID_OPTIONS: locale: unsupported locale "de"; use en, tr, fa, auto'),
    );
    expect(thrown(() => createRecommender({ fallbackLocale: 'auto' as 'en' }))).toEqual(
      refused(
        'fallbackLocale',
        'INVALID_OPTIONS: fallbackLocale: unsupported fallback locale "auto"; use en, tr, fa',
      ),
    );
    // Per call too: the options of one call, not the complaint, are wrong.
    const perCall = await createRecommender()
      .recommend(scenario('c-late-minor'), { locale: 'xx' as 'en' })
      .catch((e: unknown) => e);
    expect(perCall).toEqual(
      refused('locale', 'INVALID_OPTIONS: locale: unsupported locale "xx"; use en, tr, fa, auto'),
    );
  });
});

describe('Persian rationale is right-to-left text', () => {
  it('has no left-to-right letter outside an isolate, and starts every sentence right-to-left', async () => {
    const fa = createRecommender({ locale: 'fa', exchangeRates: RATES });
    for (const complaint of all) {
      const rec = await fa.recommend(complaint);
      for (const sentence of rec.rationale) {
        const own = outsideIsolates(sentence.text);
        // Latin letters; not × (U+00D7) or ÷, which are neutral signs, not letters («×۱٫۱»).
        expect(own, sentence.text).not.toMatch(/[A-Za-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F]/);
        // The first strong character (isolates are skipped, as UAX #9 does) sets the paragraph's direction.
        expect(own.match(/\p{L}/u)?.[0], sentence.text).toMatch(/[\u0600-\u06FF]/);
        expect(sentence.text.split(FSI).length, sentence.text).toBe(sentence.text.split(PDI).length);
      }
    }
  });

  it('keeps English rationale free of invisible direction marks', async () => {
    const en = createRecommender({ locale: 'en', exchangeRates: RATES });
    for (const complaint of all) {
      for (const sentence of (await en.recommend(complaint)).rationale) {
        expect(sentence.text).not.toMatch(/[\u2066-\u2069\u200e\u200f]/);
      }
    }
  });
});

describe('the Messages type', () => {
  it('makes the compiler demand every message of a catalogue', async () => {
    const { tr } = await import('../../src/i18n/locales/tr');
    const { 'handling.human': dropped, ...incomplete } = tr;
    // @ts-expect-error: a catalogue without 'handling.human' is not a complete set of Messages.
    const messages: Messages = incomplete;
    expect(dropped).toBeTypeOf('string');
    expect(Object.keys(messages)).not.toContain('handling.human');
  });
});
