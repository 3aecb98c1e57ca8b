import type { ComplaintInput } from '../src/complaint/schema';
import { en } from '../src/i18n/locales/en';
import { tr } from '../src/i18n/locales/tr';
import type { Locale, Recommendation, RuleSet } from '../src/index';
import { PUBLIC_REPLY_MAX } from '../src/rationale/message';
import { remedyMessages } from '../src/remedies/catalogue';

/**
 * The "sendable" checker: what a customer reads can be sent as it is. It finds, in customer text:
 * a placeholder left unfilled; a queue id or rule name (internal words); a SKU (a product is named by
 * the order's name for it, or not named at all); a count of customers; a fractional toman; in Persian
 * and Turkish, a word of English (Persian: any Latin-script word; Turkish: a word of redress's English
 * catalogue that Turkish does not use) other than the names, ids and brands the input gives; in
 * Persian, Latin digits outside those names, Gregorian month names, «ریال ایران» and «٫۰۰» on a whole
 * amount; in Turkish, a foreign currency's sign or code before the amount ("€5,99" for "5,99 €"); a
 * product name with a comma not quoted (in a list it reads as two products); a bidi mark or U+FFFD (the
 * CLI prints a mark as U+FFFD: redress directs its text with isolates only); "this message" on a phone
 * or in a shop, where the customer wrote none. Each problem is one sentence naming the text and what is
 * wrong, so a failing property prints what to fix.
 */
export interface SendableContext {
  readonly complaint: ComplaintInput;
  readonly ruleSet: RuleSet;
  readonly locale: Locale;
}

const FSI_PDI = /[\u2068\u2069\u200e\u200f]/g;
/** A word: letters and digits, joined by an apostrophe, a dot, an underscore or a hyphen ("o-1001", "5.99"). */
const WORD = /[\p{L}\p{N}]+(?:['’._-][\p{L}\p{N}]+)*/gu;

function words(text: string): string[] {
  return plainWords(text.replace(FSI_PDI, ''));
}

/** The words of a text already without isolates and marks. */
function plainWords(plain: string): string[] {
  return plain.match(WORD) ?? [];
}

/** Words of the input the customer knows: order id, SKUs, product names, plan, platform, their name. */
function inputWords(c: ComplaintInput): Set<string> {
  const values = [
    c.order?.id,
    ...(c.order?.items ?? []).flatMap((i) => [i.sku, i.name]),
    c.subscription?.plan,
    c.exposure?.platform,
    c.customer.name,
  ];
  return new Set(values.filter((v): v is string => typeof v === 'string').flatMap(words));
}

/** The words of the English catalogues that Turkish never uses: English left in a Turkish sentence. */
const englishOnly = (() => {
  const lower = (s: string | undefined) =>
    words((s ?? '').replace(/\{\w+\}/g, ' ')).map((w) => w.toLocaleLowerCase('tr'));
  const turkish = new Set([...Object.values(tr), ...Object.values(remedyMessages('tr'))].flatMap(lower));
  const english = [...Object.values(en), ...Object.values(remedyMessages('en'))].flatMap(lower);
  return new Set(english.filter((w) => w.length > 2 && !turkish.has(w) && /^[a-z]+$/.test(w)));
})();

/** Whether a word, lower-cased the Turkish way, is one of `englishOnly` (memoised: the same words recur). */
const englishWordMemo = new Map<string, boolean>();
function isEnglishOnly(word: string): boolean {
  let english = englishWordMemo.get(word);
  if (english === undefined) {
    english = englishOnly.has(word.toLocaleLowerCase('tr'));
    englishWordMemo.set(word, english);
  }
  return english;
}

const GREGORIAN_FA = /ژانویه|فوریه|آوریل|ژوئن|ژوئیه|سپتامبر|اکتبر|نوامبر|دسامبر/;
const DIGIT = '[0-9\u06F0-\u06F9]';
/** A number of customers: "45 customers", "45 müşteri", «۴۵ مشتری» (the count is the agent's). */
const CUSTOMER_COUNT = new RegExp(`${DIGIT}[\\d.,\u066B\u066C]*\\s+(customers?|müşteri|مشتری)`, 'iu');
/** Toman with a fraction, which does not exist in print: «۲۳۴٬۵۳۰٫۵ تومان», "234.530,5 tümen". */
const FRACTIONAL_TOMAN = new RegExp(`${DIGIT}[.,\u066B]${DIGIT}+\\s*(toman|tümen|تومان)`, 'iu');
/**
 * Turkish money written the English way: a sign or an ISO code before the amount ("€5,99", "IRR 1.000"),
 * and the lira's "₺" before it, where Turkish shops write "149,90 TL".
 */
const SIGN_FIRST_TR = /(?<![\p{L}\d])([€$¥£₺]|[A-Z]{3})\s?\d/u;
const PLACEHOLDER = /\{\w+\}/;
const LATIN_LETTER = /[A-Za-z]/;
const LATIN_DIGIT = /[0-9]/;
/** «٫۰۰» on a whole amount. */
const ZERO_FRACTION_FA = /[۰-۹]٫۰+(?![۰-۹])/;
/** A character of an id or a rule name that a customer word does not have. */
const ID_LIKE = /[-_.\d]/;

/** A comma of either script, which in a list of products separates them. */
const LIST_COMMA = /[,\u060C]/;
/** An opening quotation mark of one of the locales: "…", “…”, «…». */
const OPENING_QUOTE = /["“«]$/;

/** Bidi marks and the replacement character: a mark reaches a terminal as U+FFFD (see cli/style.ts). */
const MARK_OR_REPLACEMENT = /[\u200e\u200f\u061c\ufffd]/u;

/** What a phone call or a shop visit is not: a message the customer wrote. */
const MESSAGE_WORDS: Readonly<Record<Locale, RegExp>> = {
  en: /\bthis message\b|\byour (earlier|last|previous) message\b/i,
  tr: /mesajınız/i,
  fa: /این پیام|پیام قبلی/,
};

/**
 * Phrases a native reader refused wherever they appear: a bank's shopping loan for store credit; "below"
 * or "here is what we can do" in a sentence that is also spoken, and that nothing may follow; an
 * alternative offered "instead" of nothing in particular (it reads as instead of the last offer, often the
 * gift) or instead of the whole offer ("than what we have offered", «Bu çözüm yerine»: each alternative
 * replaces one part of it); Turkish calques ("bizzat" in a private message, "hasarın bir fotoğrafı").
 */
const REFUSED: Readonly<Record<Locale, readonly string[]>> = {
  en: ['here is what we can do', 'instead, just let us know', 'than what we have offered'],
  tr: [
    'alışveriş kredisi',
    'aşağıdadır',
    'Bunun yerine',
    'Bu çözüm yerine',
    'bizzat yardımcı',
    'hasarın bir fotoğrafı',
    // An exchange of an item the customer may never have received (a missing item, a lost parcel).
    'yenisiyle değişim',
  ],
  fa: ['در ادامه آمده'],
};

/** One as a digit before a counted noun in Persian: a Persian writer spells it («یک ماه», not «۱ ماه»). */
const PERSIAN_DIGIT_ONE = /(?<![۰-۹٬٫])۱ (ماه|روز|هفته)(?![\u0600-\u06FF])/u;

function digitOneProblems(plain: string, locale: Locale): string[] {
  return locale === 'fa' && PERSIAN_DIGIT_ONE.test(plain) ? ['«۱» for «یک» before a counted noun'] : [];
}

/**
 * What the checks need to know of one complaint under one rule set, worked out once and reused for every
 * sentence written for it (a recommendation has dozens, in every locale): the input's words, the
 * internal ids and SKUs that must not appear, the product names with a comma, whether it was spoken.
 * Complaints are read as values: a complaint object is not changed after it is checked.
 */
interface ComplaintReading {
  /** Words of the input the customer knows (the order id, SKUs, names, plan, platform, their name). */
  readonly known: ReadonlySet<string>;
  /** The rule set's queue ids and rule names that look like ids and are not words of the input. */
  readonly internalIds: readonly string[];
  /** The order's SKUs that are not also a word of a name, the order id or the customer's name. */
  readonly skus: readonly string[];
  /** The order's product names with a comma in them, trimmed. */
  readonly commaNames: readonly string[];
  /** The channel when it is a phone call or a shop visit, where the customer wrote no message. */
  readonly spoken: 'phone' | 'store' | undefined;
  /** The problems found in each text already checked, by locale and text. */
  readonly checked: Map<string, readonly string[]>;
}

/** The queue ids and rule names of a rule set that look like ids (hyphens, dots, digits), in order. */
const idLikeNames = new WeakMap<RuleSet, readonly string[]>();
function idLikeNamesOf(ruleSet: RuleSet): readonly string[] {
  let ids = idLikeNames.get(ruleSet);
  if (ids === undefined) {
    const queues = new Set<string>([ruleSet.policy.defaultQueue]);
    for (const rule of ruleSet.rules) {
      for (const remedy of rule.remedies) if (remedy.type === 'escalate') queues.add(remedy.queue);
    }
    ids = [...queues, ...ruleSet.rules.map((r) => r.name)].filter((w) => ID_LIKE.test(w));
    idLikeNames.set(ruleSet, ids);
  }
  return ids;
}

function readComplaint(complaint: ComplaintInput, ruleSet: RuleSet): ComplaintReading {
  const known = inputWords(complaint);
  const items = complaint.order?.items ?? [];
  // A SKU that is also a word of a name, the order id or the customer's name is that word.
  const named = new Set(
    [complaint.order?.id, complaint.customer.name, ...items.map((i) => i.name)].flatMap((v) =>
      typeof v === 'string' ? words(v) : [],
    ),
  );
  const commaNames = new Set(
    items.map((i) => i.name?.trim()).filter((n): n is string => n !== undefined && LIST_COMMA.test(n)),
  );
  return {
    known,
    internalIds: idLikeNamesOf(ruleSet).filter((w) => !known.has(w)),
    skus: [...new Set(items.map((i) => i.sku))].filter((sku) => !named.has(sku)),
    commaNames: [...commaNames],
    spoken: complaint.channel === 'phone' || complaint.channel === 'store' ? complaint.channel : undefined,
    checked: new Map(),
  };
}

/** Each complaint's reading under each rule set, made on first use (see `ComplaintReading`). */
const readings = new WeakMap<RuleSet, WeakMap<ComplaintInput, ComplaintReading>>();
function readingOf(complaint: ComplaintInput, ruleSet: RuleSet): ComplaintReading {
  let byComplaint = readings.get(ruleSet);
  if (byComplaint === undefined) {
    byComplaint = new WeakMap();
    readings.set(ruleSet, byComplaint);
  }
  let reading = byComplaint.get(complaint);
  if (reading === undefined) {
    reading = readComplaint(complaint, ruleSet);
    byComplaint.set(complaint, reading);
  }
  return reading;
}

/**
 * What the checks find in a text in one locale whoever it is written for, worked out once per text and
 * locale: the same sentences recur across thousands of complaints ("We are sorry…"), and reading them
 * (the isolates removed, the words, a dozen patterns) was most of the checker's time. Each finding keeps
 * its place in the order `problemsOf` reports them in.
 */
interface TextReading {
  readonly plain: string;
  readonly tokenSet: ReadonlySet<string>;
  /** A placeholder left: the first problem of a text. */
  readonly placeholder: boolean;
  /** Refused phrases, a bidi mark, a count of customers, a fractional toman, a spelt «یک»: any reader. */
  readonly fixed: readonly string[];
  /** Whether the text speaks of "this message" (a problem only on a phone call or in a shop). */
  readonly saysMessage: boolean;
  /** Persian: Latin-script words and words with Latin digits, in order (the input's own are fine). */
  readonly latin: readonly string[];
  readonly digits: readonly string[];
  /** Persian: what is wrong whatever the input (Gregorian months, «ریال ایران», «٫۰۰»). */
  readonly persian: readonly string[];
  /** Turkish: English words in order, and the currency written before an amount. */
  readonly english: readonly string[];
  readonly signFirst: string | undefined;
}

function readText(text: string, locale: Locale): TextReading {
  const plain = text.replace(FSI_PDI, '');
  const tokens = plainWords(plain);
  const fixed: string[] = [];
  for (const phrase of REFUSED[locale]) if (plain.includes(phrase)) fixed.push(`"${phrase}"`);
  if (MARK_OR_REPLACEMENT.test(text)) fixed.push('a bidi mark or U+FFFD');
  const persian: string[] = [];
  if (locale === 'fa') {
    if (GREGORIAN_FA.test(plain)) persian.push('a Gregorian month');
    if (plain.includes('ریال ایران')) persian.push('«ریال ایران» for «ریال»');
    if (ZERO_FRACTION_FA.test(plain)) persian.push('«٫۰۰» on a whole amount');
  }
  return {
    plain,
    tokenSet: new Set(tokens),
    placeholder: PLACEHOLDER.test(plain),
    fixed,
    saysMessage: MESSAGE_WORDS[locale].test(plain),
    latin: locale === 'fa' ? tokens.filter((w) => LATIN_LETTER.test(w)) : [],
    digits: locale === 'fa' ? tokens.filter((w) => LATIN_DIGIT.test(w)) : [],
    persian,
    english: locale === 'tr' ? tokens.filter(isEnglishOnly) : [],
    signFirst: locale === 'tr' ? plain.match(SIGN_FIRST_TR)?.[1] : undefined,
  };
}

/**
 * Each text's reading by locale and text, with the count, toman and «۱» findings (reported after the
 * message check); emptied when it grows large (most texts name one complaint's amounts and dates).
 */
const textReadings = new Map<string, { reading: TextReading; later: readonly string[] }>();
const TEXT_READINGS_MAX = 50_000;
function textReadingOf(text: string, locale: Locale): { reading: TextReading; later: readonly string[] } {
  const key = `${locale}\u0000${text}`;
  let found = textReadings.get(key);
  if (found === undefined) {
    if (textReadings.size >= TEXT_READINGS_MAX) textReadings.clear();
    const reading = readText(text, locale);
    const later: string[] = [];
    if (CUSTOMER_COUNT.test(reading.plain)) later.push('a count of customers');
    if (FRACTIONAL_TOMAN.test(reading.plain)) later.push('a fractional toman');
    later.push(...digitOneProblems(reading.plain, locale));
    found = { reading, later };
    textReadings.set(key, found);
  }
  return found;
}

/** A product name with a comma in it, shown without quotation marks (in a list it reads as two). */
function unquotedCommaNames(plain: string, complaint: ComplaintReading): string[] {
  return complaint.commaNames
    .filter((name) =>
      plain
        .split(name)
        .slice(0, -1)
        .some((before) => !OPENING_QUOTE.test(before)),
    )
    .map((name) => `the product name ${JSON.stringify(name)} with a comma, unquoted`);
}

/** Placeholders, internal ids, SKUs and unquoted names with a comma: words the customer must not read. */
function wordProblems(text: TextReading, complaint: ComplaintReading): string[] {
  const problems: string[] = [];
  if (text.placeholder) problems.push('a placeholder is left');
  for (const id of complaint.internalIds) if (text.tokenSet.has(id)) problems.push(`internal id "${id}"`);
  // A SKU is never shown: a product is named by the order's name for it, or not named at all.
  for (const sku of complaint.skus) if (text.tokenSet.has(sku)) problems.push(`SKU "${sku}"`);
  problems.push(...unquotedCommaNames(text.plain, complaint));
  return problems;
}

function persianProblems(text: TextReading, { known }: ComplaintReading): string[] {
  const problems: string[] = [];
  const latin = text.latin.filter((w) => !known.has(w));
  if (latin.length > 0) problems.push(`Latin-script words ${JSON.stringify(latin)}`);
  const digits = text.digits.filter((w) => !known.has(w));
  if (digits.length > 0) problems.push(`Latin digits ${JSON.stringify(digits)}`);
  problems.push(...text.persian);
  return problems;
}

function turkishProblems(text: TextReading, { known }: ComplaintReading): string[] {
  const problems: string[] = [];
  const english = text.english.filter((w) => !known.has(w));
  if (english.length > 0) problems.push(`English words ${JSON.stringify(english)}`);
  const sign = text.signFirst;
  if (sign !== undefined && !known.has(sign)) problems.push(`the currency "${sign}" before the amount`);
  return problems;
}

/** What keeps `text` from being sent, in `locale`, to the customer `complaint` was read from. */
function problemsOf(text: string, locale: Locale, complaint: ComplaintReading): string[] {
  const { reading, later } = textReadingOf(text, locale);
  const problems = wordProblems(reading, complaint);
  problems.push(...reading.fixed);
  if (complaint.spoken !== undefined && reading.saysMessage)
    problems.push(`"message" on the ${complaint.spoken}`);
  problems.push(...later);
  if (locale === 'fa') problems.push(...persianProblems(reading, complaint));
  if (locale === 'tr') problems.push(...turkishProblems(reading, complaint));
  return problems.map((what) => `${what} in ${locale} text: ${JSON.stringify(text)}`);
}

/**
 * What keeps `text`, written for the customer of `ctx.complaint` in `ctx.locale`, from being sent. A text
 * checked before for the same complaint, rule set and locale is not read again (a recommendation's
 * sentences recur in its message).
 */
export function sendableProblems(text: string, ctx: SendableContext): string[] {
  const complaint = readingOf(ctx.complaint, ctx.ruleSet);
  const key = `${ctx.locale}\u0000${text}`;
  let problems = complaint.checked.get(key);
  if (problems === undefined) {
    problems = problemsOf(text, ctx.locale, complaint);
    complaint.checked.set(key, problems);
  }
  return [...problems];
}

/** Phrases a native reader noticed when a message said them more than once. */
const REPEATED: Readonly<Record<Locale, readonly string[]>> = {
  en: ['A member of our'],
  tr: ['çalışma arkadaşımız', 'bizzat'],
  fa: ['یکی از همکاران ما', 'یکی از کارشناسان'],
};

export const RLM = '\u200f';

/**
 * Each line of a Persian message part starts with an RLM, so that a viewer without isolate support lays it
 * out right to left; no English or Turkish line has one. The checks that refuse any bidi mark read the
 * part without these.
 */
function lineMarkProblems(text: string, locale: Locale): string[] {
  const rtl = locale === 'fa';
  const wrong = text.split('\n').filter((line) => line.startsWith(RLM) !== rtl);
  if (wrong.length === 0) return [];
  return [
    `${wrong.length} line(s) ${rtl ? 'without' : 'with'} a leading RLM in ${locale} text: ${JSON.stringify(text)}`,
  ];
}

/** The text without the RLM that starts each line of a Persian message part. */
export const withoutLineMarks = (text: string) => text.replace(/^\u200f/gm, '');

/** A request for a private message, which a review site (Trustpilot, Google reviews) cannot take. */
const PRIVATE_MESSAGE: Readonly<Record<Locale, RegExp>> = {
  en: /private message/i,
  tr: /özel mesaj/i,
  fa: /پیام خصوصی/,
};

/**
 * In an incident too, where the reply is the shared statement: redress's own has a review version. A
 * statement the rule set writes itself is used word for word on every channel, so it is its author's
 * to word (the docs ask for a private channel), and not checked here.
 */
function reviewReplyProblems(
  r: Recommendation,
  ctx: Omit<SendableContext, 'locale'>,
  locale: Locale,
): string[] {
  if (r.message.channel !== 'review') return [];
  if (r.incident !== undefined && ctx.ruleSet.policy.incidents.statement[locale] !== undefined) return [];
  return r.message.parts
    .filter((p) => p.kind === 'publicReply' && PRIVATE_MESSAGE[locale].test(p.text))
    .map((p) => `a private message asked for in a reply on a review site: ${p.text}`);
}

/** Toman and rials, as each locale writes them ("IRR 5,875,005", "İran riyali", «ریال»). */
const TOMAN = /toman|tümen|تومان/i;
const RIAL = /\bIRR\b|\brials?\b|riyal|ریال/i;

/**
 * Every customer sentence of a recommendation, checked; and all its sentences, the agent's too, in one
 * unit: rials beside toman is a factor-10 trap (a rial cost "within" a toman limit).
 */
export function recommendationProblems(r: Recommendation, ctx: Omit<SendableContext, 'locale'>): string[] {
  const locale = r.locale as Locale;
  const problems = r.rationale
    .filter((s) => s.audience === 'customer')
    .flatMap((s) => sendableProblems(s.text, { ...ctx, locale }));
  const all = r.rationale.map((s) => s.text).join('\n');
  if (TOMAN.test(all) && RIAL.test(all)) problems.push(`rials and toman in one recommendation: ${all}`);
  return problems;
}

/**
 * The whole customer message, checked: every part as customer text, and a public reply at most
 * `PUBLIC_REPLY_MAX` characters, without amounts (no digit at all) and without the customer's name,
 * email or order id.
 */
export function messageProblems(r: Recommendation, ctx: Omit<SendableContext, 'locale'>): string[] {
  const locale = r.locale as Locale;
  const problems = r.message.parts.flatMap((p) => [
    ...lineMarkProblems(p.text, locale),
    ...sendableProblems(withoutLineMarks(p.text), { ...ctx, locale }),
  ]);
  problems.push(...reviewReplyProblems(r, ctx, locale));
  // The same stock phrase twice in one letter or conversation reads as a template ("çalışma arkadaşımız"
  // three times). A public reply is a post of its own.
  const privateText = r.message.parts
    .filter((p) => p.kind !== 'publicReply')
    .map((p) => p.text)
    .join('\n');
  for (const phrase of REPEATED[locale]) {
    const times = privateText.split(phrase).length - 1;
    if (times > 1) problems.push(`"${phrase}" ${times} times in one message: ${r.message.text}`);
  }
  for (const reply of r.message.parts.filter((p) => p.kind === 'publicReply')) {
    if (reply.text.length > PUBLIC_REPLY_MAX)
      problems.push(`public reply of ${reply.text.length} characters: ${reply.text}`);
    if (/[\p{Nd}]/u.test(reply.text)) problems.push(`a number in the public reply: ${reply.text}`);
    const c = ctx.complaint;
    for (const personal of [c.customer.name, c.customer.email, c.order?.id]) {
      if (personal && reply.text.includes(personal))
        problems.push(`"${personal}" in the public reply: ${reply.text}`);
    }
  }
  return problems;
}
