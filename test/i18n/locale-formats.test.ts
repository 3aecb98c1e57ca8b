import { afterEach, describe, expect, it } from 'vitest';
import { LOCALE_CODES } from '../../src/i18n/locale';
import { Renderer } from '../../src/i18n/renderer';

type IntlKind = 'NumberFormat' | 'DateTimeFormat' | 'PluralRules' | 'ListFormat' | 'DisplayNames';
const KINDS: readonly IntlKind[] = [
  'NumberFormat',
  'DateTimeFormat',
  'PluralRules',
  'ListFormat',
  'DisplayNames',
];
const originals = new Map(KINDS.map((kind) => [kind, Intl[kind]]));

/** Counts the `Intl` objects made from here on, by kind (the constructors wrapped in a counting proxy). */
function countIntl(): Map<IntlKind, number> {
  const made = new Map<IntlKind, number>(KINDS.map((kind) => [kind, 0]));
  for (const kind of KINDS) {
    const original = originals.get(kind) as object;
    Object.defineProperty(Intl, kind, {
      configurable: true,
      writable: true,
      value: new Proxy(original, {
        construct(target, args, newTarget) {
          made.set(kind, (made.get(kind) ?? 0) + 1);
          return Reflect.construct(target as new (...a: unknown[]) => object, args, newTarget);
        },
      }),
    });
  }
  return made;
}

afterEach(() => {
  for (const kind of KINDS)
    Object.defineProperty(Intl, kind, { configurable: true, writable: true, value: originals.get(kind) });
});

const total = (made: Map<IntlKind, number>) => [...made.values()].reduce((a, b) => a + b, 0);

// A renderer is made per locale and customer time zone, and one for English as the package loads (for
// the factors' reasons): its `Intl` objects are made as it first needs each, not all ten up front.
describe.each(LOCALE_CODES)('a %s renderer', (locale) => {
  it('makes no Intl object until it formats something', () => {
    const made = countIntl();
    new Renderer(locale, 'Asia/Kathmandu');
    expect(total(made)).toBe(0);
  });

  it('makes only the Intl object a number needs, once', () => {
    const made = countIntl();
    const r = new Renderer(locale, 'Asia/Kathmandu');
    r.number(1234.5);
    r.number(12);
    r.number(99.25);
    expect(Object.fromEntries(made)).toEqual({
      NumberFormat: 1,
      DateTimeFormat: 0,
      PluralRules: 0,
      ListFormat: 0,
      DisplayNames: 0,
    });
  });

  it('writes what a renderer made before any other use writes, whichever it formats first', () => {
    const first = (r: Renderer) =>
      [
        r.list(['a', 'b', 'c']),
        r.orList(['a', 'b', 'c']),
        r.date('2026-03-10T09:30:00Z'),
        r.dateTime('2026-03-10T09:30:00Z'),
        r.time('2026-03-10T09:30:00Z'),
        r.percent(15),
        r.ordinal(3),
        r.money(5.99, 'EUR'),
        r.currencyName('JPY'),
        r.zoneName('2026-03-10T09:30:00Z'),
        r.t('survey.question'),
      ].join('|');
    const forward = first(new Renderer(locale, 'Asia/Kathmandu'));
    const r = new Renderer(locale, 'Asia/Kathmandu');
    // The other way round: each object made in a different order gives the same text.
    const backward = [
      r.zoneName('2026-03-10T09:30:00Z'),
      r.currencyName('JPY'),
      r.money(5.99, 'EUR'),
      r.ordinal(3),
      r.percent(15),
      r.time('2026-03-10T09:30:00Z'),
      r.dateTime('2026-03-10T09:30:00Z'),
      r.date('2026-03-10T09:30:00Z'),
      r.orList(['a', 'b', 'c']),
      r.list(['a', 'b', 'c']),
    ]
      .reverse()
      .join('|');
    expect(`${backward}|${r.t('survey.question')}`).toBe(forward);
  });
});
