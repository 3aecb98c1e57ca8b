import { localDayNumber, localOffset } from '../time/local-day';
import { calendarDateMs, instantMs } from '../time/parse-instant';
import { englishArticle } from './english-article';
import { type CurrencyDisplay, LOCALES, type Locale, type MessageKey } from './locale';
import { LocaleFormats } from './locale-formats';
import { Memo } from './memo';
import { persianOrdinal } from './persian-ordinal';
import { turkishPercentModifier } from './turkish-suffix';

/** Values substituted into a template; numbers are formatted for the locale. */
export type MessageParams = Readonly<Record<string, string | number>>;

/** Messages by key, in one locale. */
export type Catalogue = Readonly<Record<string, string | undefined>>;

/** Per message key (`at`), its template for each plural category, split (null when it has none). */
type PluralForms = Memo<CompiledTemplate | null, string>;

/**
 * A catalogue as one renderer reads it: each message split at its placeholders once, looked up by key
 * (one look-up a message, where reading the catalogue and then finding the split template by its text
 * took two), and its plural forms.
 */
interface Book {
  readonly messages: Catalogue;
  /** Only keys the catalogue has: as many entries at most as it has messages. */
  readonly split: Map<string, CompiledTemplate>;
  readonly pluralForms: PluralForms;
}

/** Non-negative whole numbers below this are written once into an array rather than a memo (`number`). */
const SMALL_NUMBERS = 1024;

/** First Strong Isolate and Pop Directional Isolate (Unicode bidi, UAX #9). */
const FSI = '\u2068';
const PDI = '\u2069';
/** Left-to-Right Isolate: opens an isolate whose direction is left-to-right whatever its first letter. */
const LRI = '\u2066';
/** A letter of a right-to-left script (Hebrew, Arabic and its extensions, Syriac, Thaana, N'Ko). */
const RTL_LETTER = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;
/** A letter that is not of a right-to-left script: a strong left-to-right character. */
const LTR_LETTER = /(?![\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF])\p{L}/u;
/**
 * The bidi marks `Intl` puts into Persian text (RLM after «،» in lists and date ranges, LRM before a
 * sign). redress's sentences direct themselves with isolates only: a mark is invisible, and the CLI,
 * which cannot tell it from one smuggled in with a complaint, prints it as U+FFFD. (The one mark redress
 * writes starts each line of a Persian message: see rationale/message.ts.)
 */
const BIDI_MARKS = /[\u200e\u200f\u061c]/g;

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
/** Noon of a UTC day: an instant well inside it, that `dayDates` writes as that day. */
const NOON_MS = 43_200_000;

/**
 * Persian names of currencies where CLDR's names the country as for a foreign money: Iranians write
 * «ریال», not «ریال ایران», and «ین», not «ین ژاپن».
 */
const PERSIAN_CURRENCY_NAMES: Readonly<Record<string, string>> = {
  IRR: 'ریال',
  JPY: 'ین',
};

/** The words a locale puts between list items: between two, after the first, between middle ones, before the last. */
interface ListPattern {
  readonly pair: string;
  readonly start: string;
  readonly middle: string;
  readonly end: string;
}

/**
 * Reads a locale's list pattern off `Intl.ListFormat` once, so that each list is a few string
 * concatenations rather than an `Intl` call (a rationale formats several lists). The locales redress
 * writes join items with fixed words whatever the items are — a test holds the result equal to
 * `Intl.ListFormat` on arbitrary items — unlike, say, Spanish, whose "y" becomes "e" before "i".
 */
function listPattern(format: Intl.ListFormat, locale: Locale): ListPattern {
  const { pair, start, middle, end } = separatorsOf(format);
  // CLDR puts a comma before the last «و» in Persian («الف، ب، و ج»); Persian writers do not.
  return {
    pair: withoutMarks(pair),
    start: withoutMarks(start),
    middle: withoutMarks(middle),
    end: withoutMarks(locale === 'fa' ? pair : end),
  };
}

/** The words `format` puts between list items, exactly as it writes them. */
function separatorsOf(format: Intl.ListFormat): ListPattern {
  const separators = (n: number) =>
    format
      .formatToParts(Array.from({ length: n }, (_, i) => `item${i}`))
      .filter((part) => part.type === 'literal')
      .map((part) => part.value);
  const [pair = ' '] = separators(2);
  const [start = ' ', middle = ' ', end = ' '] = separators(4);
  return { pair, start, middle, end };
}

/** `text` without bidi marks (see `BIDI_MARKS`): Persian items and clauses need none between them. */
function withoutMarks(text: string): string {
  return text.replace(BIDI_MARKS, '');
}

/** A template split at its placeholders: literal text at even positions, placeholder names at odd ones. */
type CompiledTemplate = readonly string[];

function compileTemplate(template: string): CompiledTemplate {
  return template.split(/\{(\w+)\}/g);
}

function bookOf(messages: Catalogue): Book {
  return { messages, split: new Map(), pluralForms: new Memo() };
}

/**
 * Renders messages and formats numbers, money and dates for one locale. Dates and times are shown in
 * `timeZone` — the customer's (`customer.timeZone`), else the locale's usual zone (see `LocaleSpec`) —
 * in the locale's own calendar: Persian dates are Solar Hijri, as Iranian customers read them.
 */
export class Renderer {
  readonly locale: Locale;
  /** The IANA time zone dates and times are shown in. */
  readonly timeZone: string;
  readonly direction: 'ltr' | 'rtl';
  private readonly tag: string;
  private readonly currencyDisplay: 'symbol' | 'name';
  private readonly wordForOne: string | null;
  /** The `Intl` objects, each made when first used. */
  private readonly formats: LocaleFormats;
  /** The words of "a, b and c" (`list`) and "a, b or c" (`orList`), read when first needed. */
  private andWords: ListPattern | undefined;
  private orWords: ListPattern | undefined;
  // What it formatted, remembered (see Memo): each kind of text in its own memo, with its own bound.
  private readonly moneyFormats = new Memo<(amount: number) => string, string>();
  private readonly templates = new Memo<CompiledTemplate, string>();
  private readonly numberTexts = new Memo<string, number>();
  /** Per currency (`at`), amounts. */
  private readonly moneyTexts = new Memo<string, string>();
  /** Per source currency, target currency and IRR display (`at`), rates. */
  private readonly exchangeTexts = new Memo<string, string>();
  private readonly tomanTexts = new Memo<string, number>();
  private readonly dayTexts = new Memo<string, number>();
  private readonly percentTexts = new Memo<string, number>();
  private readonly pluralCategories = new Memo<string, number>();
  private readonly currencyNameTexts = new Memo<string, string>();
  /** Per first instant (`at`), last instants: an incident's members all say its period. */
  private readonly periodTexts = new Memo<string, string>();
  // What those memos make on a miss, made once per renderer: a closure written at the call would be made
  // on every call, hit or miss.
  private readonly pluralOf = (n: number): string => this.formats.plurals.select(n);
  private readonly numberOf = (n: number): string => this.formats.numbers.format(n);
  private readonly percentOf = (n: number): string => this.formats.percents.format(n / 100);
  private readonly dayOf = (day: number): string => this.formats.dayDates.format(day * DAY_MS + NOON_MS);
  private readonly currencyNameOf = (code: string): string => this.nameOfCurrency(code);
  private readonly own: Book;
  private readonly foreign = new WeakMap<Catalogue, Book>();
  private readonly smallNumbers: (string | undefined)[] = [];
  /** By minute of the day (0–1439): its time as `time` writes it. */
  private readonly minuteTexts: (string | undefined)[] = [];

  constructor(locale: Locale, timeZone?: string) {
    const spec = LOCALES[locale];
    this.locale = locale;
    this.timeZone = timeZone ?? spec.timeZone;
    this.direction = spec.direction;
    this.tag = spec.tag;
    this.currencyDisplay = spec.currencyDisplay;
    this.wordForOne = spec.wordForOne;
    this.formats = new LocaleFormats(this.tag, this.timeZone, spec.currencyNames === 'name');
    this.own = bookOf(spec.messages);
  }

  /**
   * Renders a message. With `count`, picks the plural form `key.<category>` for it, falling back to
   * `key.other` where the language does not tell that category apart.
   */
  t(key: string, params: MessageParams = {}, count?: number): string {
    return this.render(this.own, key, params, count);
  }

  /**
   * Renders a message of another catalogue in this locale — a remedy's own messages — with this
   * locale's plural rules and formats, as `t` does for the locale's catalogue.
   */
  tFrom(catalogue: Catalogue, key: string, params: MessageParams = {}, count?: number): string {
    let book = this.foreign.get(catalogue);
    if (!book) {
      book = bookOf(catalogue);
      this.foreign.set(catalogue, book);
    }
    return this.render(book, key, params, count);
  }

  private render(book: Book, key: string, params: MessageParams, count: number | undefined): string {
    let parts: CompiledTemplate | undefined;
    if (count !== undefined) {
      const category = this.pluralCategories.get(count, this.pluralOf);
      parts = this.plural(book, key, category);
    }
    parts ??= book.split.get(key) ?? this.split(book, key);
    return this.fillParts(parts, params);
  }

  /** The message `key` of `book`, split and kept; it throws for a key the catalogue does not have. */
  private split(book: Book, key: string): CompiledTemplate {
    const template = book.messages[key];
    if (template === undefined) throw new Error(`missing message "${key}" in locale ${this.locale}`);
    const parts = compileTemplate(template);
    book.split.set(key, parts);
    return parts;
  }

  private messages(): Catalogue {
    return LOCALES[this.locale].messages;
  }

  private plural(book: Book, key: string, category: string): CompiledTemplate | undefined {
    // Looked up once per key and category: building `key.category` and reading the catalogue with it
    // costs more than the rest of the message.
    const forms = book.pluralForms.at(key);
    const known = forms.peek(category);
    if (known !== undefined) return known ?? undefined;
    const parts = forms.get(category, () => {
      const template = book.messages[`${key}.${category}`] ?? book.messages[`${key}.other`];
      return template === undefined ? null : compileTemplate(template);
    });
    return parts ?? undefined;
  }

  /**
   * A value from the input (an id, a SKU, a plan, platform, queue or rule name) made safe to embed in a
   * sentence: in a right-to-left locale it is wrapped in a Unicode isolate (FSI … PDI), so that its
   * own direction neither reorders the sentence around it nor is reordered by it; in a left-to-right
   * locale only a value containing right-to-left letters is wrapped. Text without such values is
   * left exactly as it is.
   */
  embed(value: string): string {
    if (value === '') return value;
    const foreign = this.direction === 'rtl' ? true : RTL_LETTER.test(value);
    return foreign ? `${FSI}${value}${PDI}` : value;
  }

  /**
   * A platform the customer posted on, by the name the locale writes it with (`platform.<name>` in the
   * catalogue: «اینستاگرام», "TikTok"), else as the input gives it, embedded.
   */
  platform(name: string): string {
    const key = `platform.${name.trim().toLowerCase()}`;
    return this.has(key) ? this.t(key) : this.embed(name);
  }

  /** A whole sentence in another language (a rule's English text in a Persian rationale), isolated. */
  embedSentence(text: string): string {
    const foreign = this.direction === 'rtl' ? LTR_LETTER.test(text) : RTL_LETTER.test(text);
    return foreign ? `${FSI}${text}${PDI}` : text;
  }

  /** Substitutes `{name}` placeholders; numbers are formatted, strings inserted as they are. */
  fill(template: string, params: MessageParams): string {
    return this.fillParts(this.templates.get(template, compileTemplate), params);
  }

  private fillParts(parts: CompiledTemplate, params: MessageParams): string {
    let out = parts[0] as string;
    for (let i = 1; i < parts.length; i += 2) {
      const name = parts[i] as string;
      const value = Object.hasOwn(params, name) ? params[name] : undefined;
      if (value === undefined) out += `{${name}}`;
      else out += typeof value === 'number' ? this.number(value) : value;
      out += parts[i + 1] as string;
    }
    return out;
  }

  /** True when this locale's catalogue has the message `key` (a built-in queue's name, say). */
  has(key: string): boolean {
    return Object.hasOwn(this.messages(), key);
  }

  /** A message whose key is known to the compiler. */
  m(key: MessageKey, params?: MessageParams): string {
    return this.t(key, params);
  }

  /** "3rd", "3.", "سومین" — the ordinal of `n` in this locale. */
  ordinal(n: number): string {
    if (this.locale === 'fa') return persianOrdinal(n, (x) => this.number(x));
    const parts = this.plural(this.own, 'ordinal', this.formats.ordinals.select(n));
    return parts === undefined ? this.number(n) : this.fillParts(parts, { n });
  }

  /**
   * A count in a sentence to the customer: the locale's word for one where its writers spell it («یک ماه»,
   * not «۱ ماه»; see `LocaleSpec.wordForOne`), else the number in its digits. Only exactly one is
   * spelt — Persian's plural category `one` also holds 0, which stays «۰».
   */
  count(n: number): string {
    return n === 1 && this.wordForOne !== null ? this.wordForOne : this.number(n);
  }

  /** A number in this locale's digits. */
  number(n: number): string {
    // Counts, days and points are small whole numbers: an array index, not a memo's look-up (not -0,
    // which `Intl` writes as "-0").
    if (Number.isInteger(n) && n >= 0 && n < SMALL_NUMBERS && !Object.is(n, -0)) {
      let text = this.smallNumbers[n];
      if (text === undefined) {
        text = this.formats.numbers.format(n);
        this.smallNumbers[n] = text;
      }
      return text;
    }
    return this.numberTexts.get(n, this.numberOf);
  }

  /**
   * Money in major units, with the currency's symbol (or, in Persian, its name) and digits, as the
   * locale writes it: English "€5.99"; Turkish "5,99 €" — a foreign currency's sign after the amount,
   * its name where it has no sign ("32.050.000 İran riyali") — and "499,90 TL" for its own lira; Persian
   * «۵٫۹۹ یورو», «۱۸ یورو» (no «٫۰۰» on a whole amount) and «ریال». Where the runtime has no localised
   * name and falls back to a Latin code, the amount is isolated like any other left-to-right value in a
   * right-to-left sentence. With `display`, Iranian rials may be shown in toman (`{ IRR: 'toman' }`).
   */
  money(amount: number, currency: string, display?: CurrencyDisplay): string {
    if (currency === 'IRR' && display?.IRR === 'toman' && Number.isInteger(amount / 10)) {
      return this.toman(amount);
    }
    const texts = this.moneyTexts.at<number>(currency);
    const known = texts.peek(amount);
    if (known !== undefined) return known;
    const format = this.moneyFormats.get(currency, (code) => this.moneyFormat(code));
    return texts.get(amount, (x) => this.embedSentence(format(x)));
  }

  /** How this locale writes amounts of `currency` (see `money`). */
  private moneyFormat(currency: string): (amount: number) => string {
    const symbol = new Intl.NumberFormat(this.tag, {
      style: 'currency',
      currency,
      currencyDisplay: this.currencyDisplay,
    });
    if (this.locale === 'fa') {
      const name = PERSIAN_CURRENCY_NAMES[currency];
      const whole = new Intl.NumberFormat(this.tag, {
        style: 'currency',
        currency,
        currencyDisplay: this.currencyDisplay,
        minimumFractionDigits: 0,
      });
      return (x) => {
        const text = (Number.isInteger(x) ? whole : symbol).format(x);
        return name === undefined ? text : this.renameCurrency(text, currency, name);
      };
    }
    if (this.locale === 'tr') return this.amountThenSign(symbol, currency);
    return (x) => symbol.format(x);
  }

  /** Persian money with the CLDR name of `currency` replaced by `name`. */
  private renameCurrency(text: string, currency: string, name: string): string {
    const cldr = this.formats.currencyNames?.of(currency);
    return cldr === undefined ? text : text.replace(cldr, name);
  }

  /**
   * Turkish money: the amount in the currency's digits, then its sign ("5,99 €", "6.800 ¥", the lira
   * "149,90 TL"), or its name where `Intl` has only the Latin code ("İran riyali").
   */
  private amountThenSign(symbol: Intl.NumberFormat, currency: string): (amount: number) => string {
    const digits = symbol.resolvedOptions().maximumFractionDigits ?? 2;
    const numbers = new Intl.NumberFormat(this.tag, {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    const after = this.turkishSign(symbol, currency);
    return (x) => `${numbers.format(x)} ${after}`;
  }

  /**
   * What Turkish writes after an amount of `currency`: "TL" for the lira, as Turkish shops print prices
   * (not `Intl`'s "₺" before the amount), else the currency's sign, or its name where `Intl` has only the
   * Latin code.
   */
  private turkishSign(format: Intl.NumberFormat, currency: string): string {
    if (currency === 'TRY') return 'TL';
    const sign = format.formatToParts(1).find((p) => p.type === 'currency')?.value ?? currency;
    return /^[A-Za-z]+$/.test(sign) ? this.currencyName(currency) : sign;
  }

  /** An amount of rials shown in toman (a tenth of it), with the locale's word for toman after it. */
  private toman(rials: number): string {
    return this.tomanTexts.get(rials, (x) =>
      this.embedSentence(this.m('money.toman', { amount: this.formats.tomanNumbers.format(x / 10) })),
    );
  }

  /**
   * "€1 = ₺36.5", "1 € = 160 ¥", «۱ یورو = ۴۷۰٬۰۰۰ ریال»: one unit of `from` and what it is worth in
   * `to`, at `rate`, with every digit of the rate (in toman when `display` shows rials so), the
   * currencies written as `money` writes them.
   */
  exchangeRate(rate: number, from: string, to: string, display?: CurrencyDisplay): string {
    // A batch in one currency states the same rate on every converted complaint: three formatters
    // built per sentence cost more than the rest of the sentence.
    return this.exchangeTexts
      .at(from)
      .at(to)
      .at<number>(display?.IRR ?? '')
      .get(rate, (r) => this.formatExchangeRate(r, from, to, display));
  }

  private formatExchangeRate(rate: number, from: string, to: string, display?: CurrencyDisplay): string {
    const precise = new Intl.NumberFormat(this.tag, { maximumFractionDigits: 9 });
    const unit = (amount: number, currency: string): string => {
      if (currency === 'IRR' && display?.IRR === 'toman') {
        return this.embedSentence(this.m('money.toman', { amount: precise.format(amount / 10) }));
      }
      const format = new Intl.NumberFormat(this.tag, {
        style: 'currency',
        currency,
        currencyDisplay: this.currencyDisplay,
        minimumFractionDigits: 0,
        maximumFractionDigits: 9,
      });
      if (this.locale === 'tr') return `${precise.format(amount)} ${this.turkishSign(format, currency)}`;
      const name = this.locale === 'fa' ? PERSIAN_CURRENCY_NAMES[currency] : undefined;
      const text = format.format(amount);
      return this.embedSentence(name === undefined ? text : this.renameCurrency(text, currency, name));
    };
    return `${unit(1, from)} = ${unit(rate, to)}`;
  }

  /**
   * A currency on its own: its ISO code in English ("EUR"), its name in Turkish and Persian, as each
   * writes it in running text ("euro", "Japon yeni", «یورو», «ریال»); toman where `display` shows
   * rials so.
   */
  currencyName(code: string, display?: CurrencyDisplay): string {
    if (code === 'IRR' && display?.IRR === 'toman') return this.m('currency.toman');
    // A converted complaint names both currencies in its rate's sentence: one `Intl.DisplayNames` look-up
    // and a lower-casing each, a tenth of that sentence's cost, for a name fixed by the locale and code.
    return this.currencyNameTexts.get(code, this.currencyNameOf);
  }

  /** `currencyName` of `code` shown as it is (not in toman), as `Intl` names it. */
  private nameOfCurrency(code: string): string {
    const names = this.formats.currencyNames;
    if (!names) return code;
    if (this.locale === 'fa') return PERSIAN_CURRENCY_NAMES[code] ?? names.of(code) ?? code;
    const name = names.of(code) ?? code;
    // Turkish writes a currency's name in lower case ("euro"); a country before it keeps its capital
    // ("Japon yeni", "ABD doları"), as CLDR already writes it.
    return name.includes(' ') ? name : name.toLocaleLowerCase(this.tag);
  }

  /** A percentage given as a whole number (15 → "15%", "%15", "۱۵٪"). */
  percent(n: number): string {
    return this.percentTexts.get(n, this.percentOf);
  }

  /**
   * A percentage before a noun it qualifies: "10%" ("a 10% discount"), «۱۰٪»; Turkish adds the
   * adjective suffix after an apostrophe, in harmony with how the number is read ("%10'luk bir
   * indirim", "%20'lik", "%25'lik").
   */
  percentModifier(n: number): string {
    const text = this.percent(n);
    return this.locale === 'tr' ? turkishPercentModifier(text, n) : text;
  }

  /**
   * A percentage before a noun it qualifies, with the indefinite article where the language writes one
   * there: "a 10%", "an 11%" ("an 11% discount coupon"); "%10'luk" and «۱۰٪» as `percentModifier`
   * gives them (Turkish says "bir" after the percentage, Persian has no article).
   */
  percentWithArticle(n: number): string {
    const text = this.percentModifier(n);
    return this.locale === 'en' ? `${englishArticle(n)} ${text}` : text;
  }

  /** A date (from an ISO string) as a long date in this locale, in the renderer's time zone. */
  date(iso: string): string {
    const time = isoMs(iso);
    // A long date says only the civil day: found without `Intl` (time/local-day.ts), and written once
    // per day as the same day's noon in UTC is (the same date in every calendar the locales use).
    const day = localDayNumber(time, this.timeZone);
    if (day === undefined) return this.formats.dates.format(time);
    return this.dayTexts.get(day, this.dayOf);
  }

  /** A time of day (from an ISO string) in this locale and time zone, on a 24-hour clock: `09:30`. */
  time(iso: string): string {
    const time = isoMs(iso);
    // Only the wall clock's hour and minute are shown: found without `Intl` (time/local-day.ts), and each
    // of a day's 1,440 minutes written once, as that minute of a UTC day is (a promised contact says its
    // time in every recommendation to a customer with a time zone).
    const offset = localOffset(time, this.timeZone);
    if (offset === undefined) return this.formats.times.format(time);
    const minute = Math.floor(positiveModulo(time + offset, DAY_MS) / MINUTE_MS);
    let text = this.minuteTexts[minute];
    if (text === undefined) {
      text = this.formats.dayTimes.format(minute * MINUTE_MS);
      this.minuteTexts[minute] = text;
    }
    return text;
  }

  /** A date and time (from an ISO string) in this locale and time zone, on a 24-hour clock. */
  dateTime(iso: string): string {
    return this.formats.dateTimes.format(new Date(iso));
  }

  /**
   * From one instant to another, dates and times in this locale and time zone, the day said once when
   * both fall on it («۱۹ اسفند ۱۴۰۴، ۳:۳۰ تا ۴:۰۰», "March 10, 2026, 00:00 – 00:30"), without the
   * bidi marks `Intl` puts into Persian (see `BIDI_MARKS`).
   */
  period(fromIso: string, toIso: string): string {
    // Remembered by its two ISO texts, as given: an incident's members say one period, and a range is
    // the dearest thing Intl formats here.
    const texts = this.periodTexts.at<string>(fromIso);
    return texts.peek(toIso) ?? texts.get(toIso, (to) => this.periodOf(fromIso, to));
  }

  private periodOf(fromIso: string, toIso: string): string {
    const from = new Date(fromIso);
    const to = new Date(toIso);
    const text =
      from.getTime() < to.getTime()
        ? this.formats.dateTimes.formatRange(from, to)
        : this.formats.dateTimes.format(from);
    return withoutMarks(text);
  }

  /**
   * The renderer's time zone named for a reader of the locale: the catalogue's name where it has one
   * (`zone.Asia/Tehran`: «به وقت تهران», "Tehran time"), else its offset from UTC at `atIso` ("GMT+3").
   */
  zoneName(atIso: string): string {
    const key = `zone.${this.timeZone}`;
    if (this.has(key)) return this.t(key);
    const offset = this.formats.offsets
      .formatToParts(new Date(atIso))
      .find((p) => p.type === 'timeZoneName')?.value;
    if (offset === undefined) return this.embedSentence(this.timeZone);
    // Persian puts an LRM before the offset («+۳:۳۰ گرینویچ») to keep its sign on the left: the offset is
    // isolated left-to-right instead, a mark the CLI would show as U+FFFD.
    return this.embedSentence(offset.replace(/\u200e([^\s]+)/g, `${LRI}$1${PDI}`));
  }

  /** "a, b or c" in this locale. */
  orList(items: readonly string[]): string {
    const n = items.length;
    if (n < 2) return items[0] ?? '';
    // As with «و», Persian writers put no comma before the last «یا».
    if (this.locale === 'fa' && n > 2)
      return `${items.slice(0, -1).join(this.listWords().start)} یا ${items[n - 1]}`;
    // `Intl.ListFormat`'s own words, read once per renderer (see `listPattern`), marks and all: a
    // customer's choice between remedies is said in most recommendations.
    this.orWords ??= separatorsOf(new Intl.ListFormat(this.tag, { style: 'long', type: 'disjunction' }));
    const { pair, start, middle, end } = this.orWords;
    if (n === 2) return `${items[0]}${pair}${items[1]}`;
    let out = `${items[0]}${start}${items[1]}`;
    for (let i = 2; i < n - 1; i++) out += `${middle}${items[i]}`;
    return `${out}${end}${items[n - 1]}`;
  }

  /** The words of "a, b and c", read off `Intl.ListFormat` once (see `listPattern`). */
  private listWords(): ListPattern {
    this.andWords ??= listPattern(
      new Intl.ListFormat(this.tag, { style: 'long', type: 'conjunction' }),
      this.locale,
    );
    return this.andWords;
  }

  /** "a, b and c" in this locale. */
  list(items: readonly string[]): string {
    // A list of one is that one item in every language (ECMA-402 formats it as it is).
    const n = items.length;
    if (n < 2) return items[0] ?? '';
    const { pair, start, middle, end } = this.listWords();
    if (n === 2) return `${items[0]}${pair}${items[1]}`;
    let out = `${items[0]}${start}${items[1]}`;
    for (let i = 2; i < n - 1; i++) out += `${middle}${items[i]}`;
    return `${out}${end}${items[n - 1]}`;
  }
}

/**
 * `new Date(iso).getTime()`, read by `time/parse-instant.ts` where it can (equal to `Date.parse` wherever it
 * answers, several times faster: a rationale dates its offers and follow-up), else by `Date`.
 */
function isoMs(iso: string): number {
  const fast = iso.length === 10 ? calendarDateMs(iso) : instantMs(iso);
  return Number.isNaN(fast) ? new Date(iso).getTime() : fast;
}

/** `n` modulo `m` (positive), for a wall clock before 1970. */
function positiveModulo(n: number, m: number): number {
  return ((n % m) + m) % m;
}

/** By locale, then zone: no key string is built per look-up (a complaint looks its renderer up several times). */
const shared = new Map<Locale, Map<string, Renderer>>();
let sharedCount = 0;
/** Renderers kept at most: a locale in each of many customers' zones; past it, the cache starts over. */
const SHARED_MAX = 64;

/**
 * The one renderer of a locale (in a time zone, by default the locale's own) in this thread. Its memos
 * are bounded, so sharing it costs no memory that grows, and text described once — a factor's English
 * reason while scoring — is found again by the rationale rather than formatted a second time.
 */
export function rendererOf(locale: Locale, timeZone: string = LOCALES[locale].timeZone): Renderer {
  let zones = shared.get(locale);
  if (zones === undefined) {
    zones = new Map();
    shared.set(locale, zones);
  }
  let renderer = zones.get(timeZone);
  if (!renderer) {
    if (sharedCount >= SHARED_MAX) {
      for (const each of shared.values()) each.clear();
      sharedCount = 0;
    }
    renderer = new Renderer(locale, timeZone);
    zones.set(timeZone, renderer);
    sharedCount += 1;
  }
  return renderer;
}
