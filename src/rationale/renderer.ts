import { LOCALES, type Locale, type MessageKey } from './locale';

/** Values substituted into a template; numbers are formatted for the locale. */
export type MessageParams = Readonly<Record<string, string | number>>;

/**
 * Renders messages and formats numbers, money and dates for one locale. Dates are shown in UTC, the
 * zone all of redress's date arithmetic is done in, so a rendered date matches the ISO string beside it.
 */
export class Renderer {
  readonly locale: Locale;
  private readonly tag: string;
  private readonly plurals: Intl.PluralRules;
  private readonly ordinals: Intl.PluralRules;
  private readonly numbers: Intl.NumberFormat;
  private readonly dates: Intl.DateTimeFormat;
  private readonly lists: Intl.ListFormat;
  private readonly moneyFormats = new Map<string, Intl.NumberFormat>();

  constructor(locale: Locale) {
    this.locale = locale;
    this.tag = LOCALES[locale].tag;
    this.plurals = new Intl.PluralRules(this.tag);
    this.ordinals = new Intl.PluralRules(this.tag, { type: 'ordinal' });
    this.numbers = new Intl.NumberFormat(this.tag, { maximumFractionDigits: 2 });
    this.dates = new Intl.DateTimeFormat(this.tag, { dateStyle: 'long', timeZone: 'UTC' });
    this.lists = new Intl.ListFormat(this.tag, { style: 'long', type: 'conjunction' });
  }

  /** Renders a message. With `count`, picks the plural form `key.one` / `key.other` for it. */
  t(key: string, params: MessageParams = {}, count?: number): string {
    const messages = LOCALES[this.locale].messages as Readonly<Record<string, string>>;
    let template: string | undefined;
    if (count !== undefined) {
      template = messages[`${key}.${this.plurals.select(count)}`] ?? messages[`${key}.other`];
    }
    template ??= messages[key];
    if (template === undefined) throw new Error(`missing message "${key}" in locale ${this.locale}`);
    return this.fill(template, params);
  }

  /** Substitutes `{name}` placeholders; numbers are formatted, strings inserted as they are. */
  fill(template: string, params: MessageParams): string {
    return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = Object.hasOwn(params, name) ? params[name] : undefined;
      if (value === undefined) return whole;
      return typeof value === 'number' ? this.numbers.format(value) : value;
    });
  }

  /** A message whose key is known to the compiler. */
  m(key: MessageKey, params?: MessageParams): string {
    return this.t(key, params);
  }

  /** "3rd", "3.", "سوم" — the ordinal of `n` in this locale. */
  ordinal(n: number): string {
    return this.t(`ordinal.${this.ordinals.select(n)}`, { n }) ?? String(n);
  }

  /** A number in this locale's digits. */
  number(n: number): string {
    return this.numbers.format(n);
  }

  /** Money in major units, with the currency's symbol and digits, in this locale. */
  money(amount: number, currency: string): string {
    let format = this.moneyFormats.get(currency);
    if (!format) {
      format = new Intl.NumberFormat(this.tag, { style: 'currency', currency });
      this.moneyFormats.set(currency, format);
    }
    return format.format(amount);
  }

  /** A percentage given as a whole number (15 → "15%"). */
  percent(n: number): string {
    return new Intl.NumberFormat(this.tag, { style: 'percent', maximumFractionDigits: 2 }).format(n / 100);
  }

  /** A date (from an ISO string) as a long date in this locale, in UTC. */
  date(iso: string): string {
    return this.dates.format(new Date(iso));
  }

  /** "a, b and c" in this locale. */
  list(items: readonly string[]): string {
    return this.lists.format(items);
  }
}
