/**
 * The supported locales and what each one is (`LOCALES`). Persian numbers and toman are not in one
 * file; where to look:
 * - Persian digits come from `Intl` with the locale's `tag` (`fa-IR`, here; «یک» for one is its
 *   `wordForOne`): `locale-formats.ts` holds the formatters, `persian-ordinal.ts` the ordinals in words,
 *   `renderer.ts` money («۵٫۹۹ یورو»);
 * - toman: the `currencyDisplay` option (`CurrencyDisplay`, here) is checked in `currency-display.ts`,
 *   printed by `renderer.ts` (`money`, `toman`), used for a whole recommendation or not at all by
 *   rationale/compose.ts (`composeRationale`) and for a lifetime-spend factor by `factor-text.ts`;
 *   exchange/printable.ts rounds a converted goodwill amount of rials to whole thousands of toman.
 */
import { invalidOption, type PathSegment, type RedressError } from '../errors';
import type { Market } from '../time/working-days';
import { en, type MessageKey, type Messages } from './locales/en';
import { fa } from './locales/fa';
import { tr } from './locales/tr';
import { Memo } from './memo';

/** A locale's messages, the BCP 47 tag its numbers, money and dates are formatted with, and its direction. */
export interface LocaleSpec {
  readonly messages: Messages;
  /** Passed to `Intl` formatters. */
  readonly tag: string;
  /** Writing direction, for user interfaces that show the rationale. */
  readonly direction: 'ltr' | 'rtl';
  /**
   * How money names its currency. Persian writes the currency's name after the amount
   * ("۵۹٫۹۰ یورو"), which keeps the sentence right-to-left; a symbol would be a left-to-right island.
   */
  readonly currencyDisplay: 'symbol' | 'name';
  /**
   * How a currency is named on its own (in the agent's note on a conversion): by its ISO code, as
   * English business writing does ("EUR"), or by its name in the language ("Türk lirası", "یورو").
   */
  readonly currencyNames: 'code' | 'name';
  /**
   * The time zone dates and times are shown in when the customer's own (`customer.timeZone`) is not
   * known: the zone of the language's market — Türkiye for Turkish, Iran for Persian — and UTC for
   * English, which is written for customers anywhere.
   */
  readonly timeZone: string;
  /**
   * Whose working days a follow-up falls on: Türkiye's (Saturday and Sunday off, and its public
   * holidays), Iran's (Friday off, Nowruz and its public holidays), or, for English, Monday to Friday
   * with no holidays.
   */
  readonly market: Market;
  /**
   * The word for the number one where the locale's writers spell it out in a sentence to the customer
   * («یک ماه», «با یک روز تأخیر»: «۱ ماه» reads as machine-made), else `null`: the digit is written
   * ("1 aylık"; English's one-forms say "a free month" in the template itself). See `Renderer.count`.
   */
  readonly wordForOne: string | null;
}

/** How amounts of a currency are shown to the customer, where a locale writes them otherwise than `Intl`. */
export interface CurrencyDisplay {
  /**
   * `toman`: Iranian rials shown in toman (1 toman = 10 rials), with the word «تومان», as Iranian shops
   * write prices; `rial` (the default): as `Intl` prints rials. Only what is shown changes: the data
   * stays in rials.
   */
  readonly IRR?: 'toman' | 'rial';
}

/** Every locale redress writes rationale in. */
export const LOCALES = {
  en: {
    messages: en,
    tag: 'en-US',
    direction: 'ltr',
    currencyDisplay: 'symbol',
    currencyNames: 'code',
    timeZone: 'UTC',
    market: 'default',
    wordForOne: null,
  },
  tr: {
    messages: tr,
    tag: 'tr-TR',
    direction: 'ltr',
    currencyDisplay: 'symbol',
    currencyNames: 'name',
    timeZone: 'Europe/Istanbul',
    market: 'TR',
    wordForOne: null,
  },
  fa: {
    messages: fa,
    tag: 'fa-IR',
    direction: 'rtl',
    currencyDisplay: 'name',
    currencyNames: 'name',
    timeZone: 'Asia/Tehran',
    market: 'IR',
    wordForOne: 'یک',
  },
} as const satisfies Record<string, LocaleSpec>;

/** A supported locale. */
export type Locale = keyof typeof LOCALES;

/** The supported locale codes. */
export const LOCALE_CODES = Object.keys(LOCALES) as Locale[];

/** True when `value` names a supported locale. */
export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && Object.hasOwn(LOCALES, value);
}

/** The error for a `locale` option redress does not write: `INVALID_OPTIONS` at `path`, with the choices. */
export function unsupportedLocale(path: readonly PathSegment[], locale: unknown): RedressError {
  return invalidOption(
    path,
    `unsupported locale "${String(locale)}"; use ${[...LOCALE_CODES, 'auto'].join(', ')}`,
  );
}

/** The writing direction of a locale's rationale: `rtl` for Persian, `ltr` otherwise. */
export function localeDirection(locale: Locale): 'ltr' | 'rtl' {
  return LOCALES[locale].direction;
}

/**
 * The supported locale for a BCP 47 language tag such as a customer's `tr-TR`, `fa`, `FA-ir` or
 * `fa_IR`: its language, when redress writes that language, else `fallback`. Only the language
 * counts (`tr-CY` is Turkish); anything unparseable falls back too.
 */
export function resolveLocale(tag: string | null | undefined, fallback: Locale = 'en'): Locale {
  if (typeof tag !== 'string') return fallback;
  const locale = tag.length <= KEPT_TAG_LENGTH ? tagLocales.get(tag, localeOfTag) : localeOfTag(tag);
  return locale ?? fallback;
}

/**
 * Each tag's locale, `null` for none: with `locale: 'auto'` every complaint's tag is resolved, a batch
 * repeats a handful of them, and an `Intl.Locale` for each was a tenth of recommending's CPU.
 */
const tagLocales = new Memo<Locale | null, string>();

/**
 * The longest tag remembered: the schema's cap for `customer.locale` (complaint/schema.ts), so every
 * complaint's tag is. `resolveLocale` is public and may be given tags of any length; longer ones are
 * resolved without being kept, so the memo's 1,024 entries never hold more than 35 characters each.
 */
const KEPT_TAG_LENGTH = 35;

function localeOfTag(tag: string): Locale | null {
  if (tag.trim() === '') return null;
  try {
    // Intl canonicalises case and legacy codes ("fas", "pes" → "fa"); POSIX tags use "_".
    const language = new Intl.Locale(tag.trim().replaceAll('_', '-')).language;
    return isLocale(language) ? language : null;
  } catch {
    return null;
  }
}

/** Placeholders in a template, in order of appearance: `{a} and {b}` → `['a', 'b']`. */
export function placeholders(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string);
}

export type { MessageKey, Messages };
