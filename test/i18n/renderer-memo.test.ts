import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeFactor } from '../../src/i18n/factor-text';
import { LOCALE_CODES, LOCALES } from '../../src/i18n/locale';
import { Memo } from '../../src/i18n/memo';
import { Renderer } from '../../src/i18n/renderer';
import { expectIs } from '../cheap-expect';
import { countingIntlFormats } from '../helpers';
import { fcParams } from '../seed';

// The renderer remembers what it formatted; these hold every memo to what Intl itself says.
describe.each(LOCALE_CODES)('the %s renderer, with its memos', (locale) => {
  const tag = LOCALES[locale].tag;
  const numbers = new Intl.NumberFormat(tag, { maximumFractionDigits: 2 });
  const dates = new Intl.DateTimeFormat(tag, { dateStyle: 'long', timeZone: LOCALES[locale].timeZone });
  // A zone 5:45 ahead of UTC and one 3:30 behind: a date's memo holds in every zone's offset.
  const zones = ['Asia/Kathmandu', 'America/St_Johns'].map((timeZone) => ({
    r: new Renderer(locale, timeZone),
    dates: new Intl.DateTimeFormat(tag, { dateStyle: 'long', timeZone }),
  }));
  const lists = new Intl.ListFormat(tag, { style: 'long', type: 'conjunction' });
  const alternatives = new Intl.ListFormat(tag, { style: 'long', type: 'disjunction' });
  const percents = new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 2 });
  // One renderer for the whole run, so that later cases are served from what earlier ones left.
  const r = new Renderer(locale);
  const amount = fc.oneof(
    fc.integer({ min: -5, max: 2000 }),
    fc.double({ min: -1e6, max: 1e6, noNaN: true }),
  );

  it('formats numbers, money, percentages, dates and lists exactly as Intl does, again and again', () => {
    fc.assert(
      fc.property(
        amount,
        fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2100, 0, 1) }),
        fc.array(fc.oneof(fc.constantFrom('a', 'b', 'a, b', 'c', '', '1:a', 'ایران', 'ılık'), fc.string()), {
          maxLength: 7,
        }),
        (n, time, items) => {
          // What a renderer that has never seen the amount writes (asked once: both rounds compare with it).
          const money = new Renderer(locale).money(n, 'EUR');
          for (let i = 0; i < 2; i++) {
            expectIs(r.number(n), numbers.format(n));
            expectIs(r.money(n, 'EUR'), money);
            expectIs(r.date(new Date(time).toISOString()), dates.format(time));
            for (const zone of zones)
              expectIs(zone.r.date(new Date(time).toISOString()), zone.dates.format(time));
            // The other shapes a date comes in: a calendar date, an offset, minutes only, no offset.
            const iso = new Date(time).toISOString();
            for (const text of [
              iso.slice(0, 10),
              `${iso.slice(0, 19)}+03:30`,
              `${iso.slice(0, 16)}Z`,
              iso.slice(0, 19),
            ])
              expectIs(r.date(text), dates.format(new Date(text)));
            // Persian drops CLDR's comma before the last «و», and the RLM after each «،» (the CLI would
            // print it as U+FFFD; the items are isolated where they need it).
            const list = lists.format(items);
            expectIs(
              r.list(items),
              locale === 'fa' ? list.replace(/، و (?!.*، و )/su, ' و ').replace(/،\u200f /g, '، ') : list,
            );
            // "a, b or c": Persian again without the comma before the last «یا».
            const or = items.length > 2 && locale === 'fa' ? undefined : alternatives.format(items);
            if (or !== undefined) expectIs(r.orList(items), or);
            expectIs(r.percent(n), percents.format(n / 100));
          }
        },
      ),
      fcParams(500),
    );
  });

  it('writes the long date Intl writes at every minute around clock changes, back over midnight too', () => {
    // St John's went back from 00:01 on 7 November 2010 to 23:01 on the 6th (the 7th for a minute,
    // then the 6th again); Santiago and Tehran changed at midnight; Lord Howe by half an hour.
    const changes: [string, string][] = [
      ['America/St_Johns', '2010-11-07T02:31:00Z'],
      ['America/St_Johns', '2010-03-14T03:31:00Z'],
      ['America/Santiago', '2024-04-07T03:00:00Z'],
      ['America/Santiago', '2024-09-08T04:00:00Z'],
      ['Asia/Tehran', '2021-09-21T19:30:00Z'],
      ['Australia/Lord_Howe', '2026-04-04T15:00:00Z'],
    ];
    const wrong: string[] = [];
    for (const [timeZone, change] of changes) {
      const zone = new Renderer(locale, timeZone);
      const dates = new Intl.DateTimeFormat(tag, { dateStyle: 'long', timeZone });
      for (let minute = -150; minute <= 150; minute++) {
        const iso = new Date(Date.parse(change) + minute * 60_000).toISOString();
        if (zone.date(iso) !== dates.format(new Date(iso))) wrong.push(`${timeZone} ${iso}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('writes the time Intl writes, at every minute around clock changes and at any instant in any zone', () => {
    const timeIn = (timeZone: string) =>
      new Intl.DateTimeFormat(tag, { timeStyle: 'short', hourCycle: 'h23', timeZone });
    const changes: [string, string][] = [
      ['America/St_Johns', '2010-11-07T02:31:00Z'],
      ['America/Santiago', '2024-04-07T03:00:00Z'],
      ['Asia/Tehran', '2021-09-21T19:30:00Z'],
      ['Australia/Lord_Howe', '2026-04-04T15:00:00Z'],
      // Amsterdam's local mean time, 19 minutes and 32 seconds ahead of UTC, until 1937.
      ['Europe/Amsterdam', '1900-06-01T12:00:00Z'],
    ];
    const wrong: string[] = [];
    for (const [timeZone, change] of changes) {
      const zone = new Renderer(locale, timeZone);
      const times = timeIn(timeZone);
      for (let second = -150 * 60; second <= 150 * 60; second += 59) {
        const iso = new Date(Date.parse(change) + second * 1000).toISOString();
        if (zone.time(iso) !== times.format(new Date(iso))) wrong.push(`${timeZone} ${iso}`);
      }
    }
    expect(wrong).toEqual([]);
    const zones = Intl.supportedValuesOf('timeZone');
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: Date.UTC(1800, 0, 1), max: Date.UTC(2400, 0, 1) - 1 }),
        (timeZone, time) => {
          const iso = new Date(time).toISOString();
          expectIs(new Renderer(locale, timeZone).time(iso), timeIn(timeZone).format(time));
        },
      ),
      fcParams(300),
    );
  });

  it('asks Intl for a time once a minute of the day, not once an instant', () => {
    const zone = new Renderer(locale, 'Asia/Kathmandu');
    const texts = new Set<string>();
    const asked = countingIntlFormats(() => {
      // Sixty instants of one minute (09:30 in Kathmandu on a day of 2187), on the same day.
      for (let second = 0; second < 60; second++)
        texts.add(zone.time(new Date(Date.UTC(2187, 2, 10, 3, 45, second)).toISOString()));
    });
    expect([...texts]).toEqual([
      new Intl.DateTimeFormat(tag, {
        timeStyle: 'short',
        hourCycle: 'h23',
        timeZone: 'Asia/Kathmandu',
      }).format(Date.UTC(2187, 2, 10, 3, 45)),
    ]);
    // The day's two edges (its offset, in time/local-day.ts) and the minute's text, where each instant
    // was one.
    expect(asked).toBeLessThanOrEqual(3);
  });

  it('describes each factor as a renderer that has never described one does, whatever came before', () => {
    const factor = fc.oneof(
      fc.record({
        code: fc.constant('daysLate'),
        params: fc.record({ days: fc.integer({ min: 0, max: 40 }) }),
      }),
      fc.record({
        code: fc.constant('orders'),
        params: fc.record({ orders: fc.integer({ min: 0, max: 3 }) }),
      }),
      fc.record({
        code: fc.constant('category'),
        params: fc.record({ category: fc.constantFrom('wrong_item', 'late_delivery', 'other') }),
      }),
      fc.record({
        code: fc.constant('public'),
        params: fc.record({ platform: fc.constantFrom('', 'X', 'ایکس') }),
      }),
      fc.record({ code: fc.constant('legalThreat'), params: fc.constant({}) }),
      fc.record({
        code: fc.constant('lifetimeSpend'),
        params: fc.record({
          amount: fc.integer({ min: 0, max: 3 }),
          currency: fc.constantFrom('EUR', 'TRY'),
        }),
      }),
      // The spend converted (four parameters), beside the two-parameter path.
      fc.record({
        code: fc.constant('lifetimeSpend'),
        params: fc.record({
          amount: fc.integer({ min: 0, max: 3 }),
          currency: fc.constantFrom('EUR', 'TRY'),
          ruleSetAmount: fc.integer({ min: 0, max: 3 }),
          ruleSetCurrency: fc.constantFrom('EUR', 'USD'),
        }),
      }),
    );
    fc.assert(
      fc.property(fc.array(factor, { maxLength: 20 }), (factors) => {
        for (const { code, params } of factors) {
          expectIs(describeFactor(r, code, params), describeFactor(new Renderer(locale), code, params));
        }
      }),
      fcParams(200),
    );
  });

  it('states each exchange rate as a renderer that has never stated one does, whatever came before', () => {
    const currency = fc.constantFrom('EUR', 'TRY', 'IRR', 'USD', 'JPY');
    const display = fc.constantFrom(undefined, { IRR: 'toman' as const }, { IRR: 'rial' as const });
    const rate = fc.oneof(
      fc.constantFrom(36.5, 470_000, 0.0021),
      fc.double({ min: 1e-6, max: 1e7, noNaN: true }),
    );
    fc.assert(
      fc.property(rate, currency, currency, display, (x, from, to, shown) => {
        const fresh = new Renderer(locale).exchangeRate(x, from, to, shown);
        for (let i = 0; i < 2; i++) expectIs(r.exchangeRate(x, from, to, shown), fresh);
      }),
      fcParams(300),
    );
  });

  it('names each currency as a renderer that has never named one does, asking Intl once a currency', () => {
    const codes = Intl.supportedValuesOf('currency');
    const fresh = codes.map((code) => new Renderer(locale).currencyName(code));
    const of = Intl.DisplayNames.prototype.of;
    let asked = 0;
    Intl.DisplayNames.prototype.of = function (this: Intl.DisplayNames, code: string) {
      asked++;
      return of.call(this, code);
    };
    try {
      const named = new Renderer(locale);
      for (let round = 0; round < 2; round++) {
        asked = 0;
        expect(codes.map((code) => named.currencyName(code))).toEqual(fresh);
        expect(named.currencyName('IRR', { IRR: 'toman' })).toBe(named.t('currency.toman'));
        expect(named.currencyName('IRR', { IRR: 'rial' })).toBe(fresh[codes.indexOf('IRR')]);
      }
      // The second round's names were all remembered.
      expect(asked).toBe(0);
    } finally {
      Intl.DisplayNames.prototype.of = of;
    }
  });

  it('writes each period as a renderer that has never written one does, asking Intl once a period', () => {
    // An incident's members all say its period: the same two instants for each of them.
    const instants = fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2100, 0, 1) });
    const periods = fc.sample(
      fc
        .tuple(instants, fc.integer({ min: -3_600_000, max: 40 * 86_400_000 }))
        .map(([from, length]) => [new Date(from).toISOString(), new Date(from + length).toISOString()]),
      { numRuns: 40, seed: 12 },
    );
    for (const timeZone of ['Asia/Tehran', 'America/St_Johns']) {
      const fresh = periods.map(([from, to]) =>
        new Renderer(locale, timeZone).period(from as string, to as string),
      );
      const { formatRange } = Intl.DateTimeFormat.prototype;
      let asked = 0;
      Intl.DateTimeFormat.prototype.formatRange = function (this: Intl.DateTimeFormat, a, b) {
        asked++;
        return formatRange.call(this, a, b);
      };
      try {
        const written = new Renderer(locale, timeZone);
        for (let round = 0; round < 2; round++) {
          asked = 0;
          expect(periods.map(([from, to]) => written.period(from as string, to as string))).toEqual(fresh);
        }
        expect(asked).toBe(0);
        expect(
          countingIntlFormats(() =>
            periods.map(([from, to]) => written.period(from as string, to as string)),
          ),
        ).toBe(0);
      } finally {
        Intl.DateTimeFormat.prototype.formatRange = formatRange;
      }
    }
  });

  it('tells -0 from 0 as Intl does', () => {
    expect(r.number(0)).toBe(numbers.format(0));
    expect(r.number(-0)).toBe(numbers.format(-0));
    expect(r.number(0)).toBe(numbers.format(0));
    expect(r.money(0, 'EUR')).toBe(new Renderer(locale).money(0, 'EUR'));
    expect(r.money(-0, 'EUR')).toBe(new Renderer(locale).money(-0, 'EUR'));
    expect(r.money(-0, 'EUR')).not.toBe(r.money(0, 'EUR'));
  });

  it('picks the plural form of each count, whatever came before', () => {
    for (const days of [1, 2, 1, 0, 1, 21, 1.5, 2]) {
      expectIs(
        r.t('factor.daysLate', { days }, days),
        new Renderer(locale).t('factor.daysLate', { days }, days),
      );
      expectIs(r.ordinal(days), new Renderer(locale).ordinal(days));
    }
    if (locale === 'en') {
      expect(r.t('factor.daysLate', { days: 1 }, 1)).toBe('1 day late');
      expect(r.t('factor.daysLate', { days: 2 }, 2)).toBe('2 days late');
    }
  });

  it('fills templates, leaving unknown placeholders as they are', () => {
    expect(r.fill('{a} and {b}, {a}{missing}', { a: 'x', b: 2 })).toBe(
      `x and ${numbers.format(2)}, x{missing}`,
    );
    expect(r.fill('no placeholders', {})).toBe('no placeholders');
  });
});

describe('Memo', () => {
  it('keeps keys of several parts apart that a joined string key would confuse', () => {
    const memo = new Memo<string>(100);
    expect(memo.at('a,b').get('c', () => 'first')).toBe('first');
    expect(memo.at('a').get('b,c', () => 'second')).toBe('second');
    expect(memo.get(5, () => 'number')).toBe('number');
    expect(memo.get('5', () => 'string')).toBe('string');
    expect(memo.at(5).get('x', () => 'under a number')).toBe('under a number');
    expect(memo.at('a,b').get('c', () => 'again')).toBe('first');
    expect(memo.get(5, () => 'again')).toBe('number');
  });

  it('starts over when full, counting the memos under it, and never serves a wrong value', () => {
    let made = 0;
    const make = (value: number) => () => {
      made++;
      return value;
    };
    // 20 memos under one, 5 values each: 100 values against a bound of 10 for all of them.
    const memo = new Memo<number, number>(10);
    for (let round = 0; round < 3; round++) {
      for (let c = 0; c < 20; c++) {
        for (let i = 0; i < 5; i++) expectIs(memo.at(c).get(i, make(c * 10 + i)), c * 10 + i);
      }
    }
    // Nearly every lookup had to make its value again: at most 10 were held at any time.
    expect(made).toBeGreaterThan(3 * 100 - 3 * 10);
    // Within the bound, each value is made once.
    const small = new Memo<number, number>(10);
    made = 0;
    for (let round = 0; round < 3; round++) for (let i = 0; i < 5; i++) small.get(i, make(i));
    expect(made).toBe(5);
  });

  it('never remembers -0, which a Map would take for 0', () => {
    const memo = new Memo<string, number>(10);
    expect(memo.get(0, () => 'zero')).toBe('zero');
    expect(memo.get(-0, () => 'minus zero')).toBe('minus zero');
    expect(memo.get(-0, () => 'minus zero, made again')).toBe('minus zero, made again');
    expect(memo.at(-0).get(1, () => 'under -0')).toBe('under -0');
    expect(memo.at(0).get(1, () => 'under 0')).toBe('under 0');
    expect(memo.get(0, () => 'again')).toBe('zero');
  });

  it('peeks at what it holds, as get would hand it out, and at nothing else', () => {
    const memo = new Memo<string, number>(3);
    expect(memo.peek(1)).toBeUndefined();
    expect(memo.get(1, () => 'one')).toBe('one');
    expect(memo.peek(1)).toBe('one');
    expect(memo.get(0, () => 'zero')).toBe('zero');
    // -0 is never remembered, so never peeked at either: it is not 0.
    expect(memo.peek(-0)).toBeUndefined();
    memo.get(2, () => 'two');
    memo.get(3, () => 'three'); // the fourth value: the memo starts over
    expect([memo.peek(0), memo.peek(1), memo.peek(2), memo.peek(3)]).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });
});
