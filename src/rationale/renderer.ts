import { MemoTrie } from '../memo-trie';
import { LOCALES, type Locale, type MessageKey } from './locale';

/** Values substituted into a template; numbers are formatted for the locale. */
export type MessageParams = Readonly<Record<string, string | number>>;

/**
 * Entries each memo below keeps before it starts over. Formatting with `Intl` costs microseconds and
 * batches repeat the same numbers, amounts, days and lists; the bound keeps memory flat whatever runs.
 */
const MEMO_SIZE = 1024;

function remember<K, V>(memo: Map<K, V>, key: K, make: (key: K) => V): V {
  let value = memo.get(key);
  if (value === undefined) {
    value = make(key);
    if (memo.size >= MEMO_SIZE) memo.clear();
    memo.set(key, value);
  }
  return value;
}

const DAY_MS = 86_400_000;

/** A template split at its placeholders: literal text at even positions, placeholder names at odd ones. */
type CompiledTemplate = readonly string[];

function compileTemplate(template: string): CompiledTemplate {
  return template.split(/\{(\w+)\}/g);
}

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
  private percents: Intl.NumberFormat | undefined;
  private readonly templates = new Map<string, CompiledTemplate>();
  private readonly numberTexts = new Map<number, string>();
  private readonly moneyTexts = new Map<string, Map<number, string>>();
  private readonly dayTexts = new Map<number, string>();
  private readonly listTexts = new MemoTrie<string>(MEMO_SIZE);
  private readonly pluralCategories = new Map<number, string>();
  private readonly pluralForms = new Map<string, Map<string, string | undefined>>();

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
      const forms = remember(this.pluralForms, key, () => new Map<string, string | undefined>());
      const category = Object.is(count, -0)
        ? this.plurals.select(count)
        : remember(this.pluralCategories, count, (n) => this.plurals.select(n));
      // Looked up once per key and category: building `key.category` and reading the catalogue with it
      // costs more than the rest of the message.
      template = forms.get(category);
      if (template === undefined && !forms.has(category)) {
        template = messages[`${key}.${category}`] ?? messages[`${key}.other`];
        forms.set(category, template);
      }
    }
    template ??= messages[key];
    if (template === undefined) throw new Error(`missing message "${key}" in locale ${this.locale}`);
    return this.fill(template, params);
  }

  /** Substitutes `{name}` placeholders; numbers are formatted, strings inserted as they are. */
  fill(template: string, params: MessageParams): string {
    const parts = remember(this.templates, template, compileTemplate);
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
    // Map keys do not tell -0 from 0; Intl does ("-0").
    if (Object.is(n, -0)) return this.numbers.format(n);
    return remember(this.numberTexts, n, (x) => this.numbers.format(x));
  }

  /** Money in major units, with the currency's symbol and digits, in this locale. */
  money(amount: number, currency: string): string {
    let format = this.moneyFormats.get(currency);
    let texts = this.moneyTexts.get(currency);
    if (!format || !texts) {
      format = new Intl.NumberFormat(this.tag, { style: 'currency', currency });
      texts = new Map();
      this.moneyFormats.set(currency, format);
      this.moneyTexts.set(currency, texts);
    }
    const formatter = format;
    if (Object.is(amount, -0)) return formatter.format(amount);
    return remember(texts, amount, (x) => formatter.format(x));
  }

  /** A percentage given as a whole number (15 → "15%"). */
  percent(n: number): string {
    this.percents ??= new Intl.NumberFormat(this.tag, { style: 'percent', maximumFractionDigits: 2 });
    return this.percents.format(n / 100);
  }

  /** A date (from an ISO string) as a long date in this locale, in UTC. */
  date(iso: string): string {
    const time = new Date(iso).getTime();
    // A long date shows the UTC day and nothing finer, so every instant of one day renders alike.
    if (Number.isNaN(time)) return this.dates.format(time);
    return remember(this.dayTexts, Math.floor(time / DAY_MS), (day) => this.dates.format(day * DAY_MS));
  }

  /** "a, b and c" in this locale. */
  list(items: readonly string[]): string {
    // A list of one is that one item in every language (ECMA-402 formats it as it is).
    if (items.length < 2) return items[0] ?? '';
    return this.listTexts.get(items, () => this.lists.format(items));
  }
}
