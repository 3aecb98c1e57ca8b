import type { ComplaintInput } from '../src/complaint/schema';
import { en } from '../src/i18n/locales/en';
import { tr } from '../src/i18n/locales/tr';
import type { Locale, Recommendation, RuleSet } from '../src/index';
import { PUBLIC_REPLY_MAX } from '../src/rationale/message';
import { remedyMessages } from '../src/remedies/catalogue';

/**
 * The "sendable" checker: what a customer reads can be sent as it is. It finds, in customer text:
 * a placeholder left unfilled; a queue id or rule name (internal words); a SKU where the order names
 * the product; in Persian and Turkish, a word of English (Persian: any Latin-script word; Turkish: a
 * word of redress's English catalogue that Turkish does not use) other than the names, ids and brands
 * the input gives; in Persian, Latin digits outside those names and Gregorian month names. Each problem
 * is one sentence naming the text and what is wrong, so a failing property prints what to fix.
 */
export interface SendableContext {
  readonly complaint: ComplaintInput;
  readonly ruleSet: RuleSet;
  readonly locale: Locale;
}

const FSI_PDI = /[\u2068\u2069\u200e\u200f]/g;

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

function words(text: string): string[] {
  return text.replace(FSI_PDI, '').match(/[\p{L}\p{N}]+(?:['’._-][\p{L}\p{N}]+)*/gu) ?? [];
}

/** The words of the English catalogues that Turkish never uses: English left in a Turkish sentence. */
const englishOnly = (() => {
  const lower = (s: string | undefined) =>
    words((s ?? '').replace(/\{\w+\}/g, ' ')).map((w) => w.toLocaleLowerCase('tr'));
  const turkish = new Set([...Object.values(tr), ...Object.values(remedyMessages('tr'))].flatMap(lower));
  const english = [...Object.values(en), ...Object.values(remedyMessages('en'))].flatMap(lower);
  return new Set(english.filter((w) => w.length > 2 && !turkish.has(w) && /^[a-z]+$/.test(w)));
})();

const GREGORIAN_FA = /ژانویه|فوریه|آوریل|ژوئن|ژوئیه|سپتامبر|اکتبر|نوامبر|دسامبر/;

/** Internal words: the rule set's queue ids and rule names, unless the locale's team name is that word. */
function internalWords(ctx: SendableContext, customerWords: Set<string>): string[] {
  const queues = new Set<string>([ctx.ruleSet.policy.defaultQueue]);
  for (const rule of ctx.ruleSet.rules) {
    for (const remedy of rule.remedies) if (remedy.type === 'escalate') queues.add(remedy.queue);
  }
  const names = ctx.ruleSet.rules.map((r) => r.name);
  return [...queues, ...names].filter((w) => /[-_.\d]/.test(w) && !customerWords.has(w));
}

/** What keeps `text`, written for the customer of `ctx.complaint` in `ctx.locale`, from being sent. */
export function sendableProblems(text: string, ctx: SendableContext): string[] {
  const problems: string[] = [];
  const say = (what: string) => problems.push(`${what} in ${ctx.locale} text: ${JSON.stringify(text)}`);
  const plain = text.replace(FSI_PDI, '');
  const known = inputWords(ctx.complaint);
  if (/\{\w+\}/.test(plain)) say('a placeholder is left');
  const tokens = words(plain);
  const tokenSet = new Set(tokens);
  for (const id of internalWords(ctx, known)) if (tokenSet.has(id)) say(`internal id "${id}"`);
  const items = ctx.complaint.order?.items ?? [];
  for (const item of items) {
    // A SKU is shown only where some line of it has no name (or a name contains it).
    const named = items
      .filter((i) => i.sku === item.sku)
      .every((i) => i.name && !words(i.name).includes(i.sku));
    if (named && tokenSet.has(item.sku)) say(`SKU "${item.sku}" where the order names "${item.name}"`);
  }
  if (ctx.locale === 'fa') {
    const latin = tokens.filter((w) => /[A-Za-z]/.test(w) && !known.has(w));
    if (latin.length > 0) say(`Latin-script words ${JSON.stringify(latin)}`);
    const digits = tokens.filter((w) => /[0-9]/.test(w) && !known.has(w));
    if (digits.length > 0) say(`Latin digits ${JSON.stringify(digits)}`);
    if (GREGORIAN_FA.test(plain)) say('a Gregorian month');
  }
  if (ctx.locale === 'tr') {
    const english = tokens.filter((w) => englishOnly.has(w.toLocaleLowerCase('tr')) && !known.has(w));
    if (english.length > 0) say(`English words ${JSON.stringify(english)}`);
  }
  return problems;
}

/** Every customer sentence of a recommendation, checked. */
export function recommendationProblems(r: Recommendation, ctx: Omit<SendableContext, 'locale'>): string[] {
  const locale = r.locale as Locale;
  return r.rationale
    .filter((s) => s.audience === 'customer')
    .flatMap((s) => sendableProblems(s.text, { ...ctx, locale }));
}

/**
 * The whole customer message, checked: every part as customer text, and a public reply at most
 * `PUBLIC_REPLY_MAX` characters, without amounts (no digit at all) and without the customer's name,
 * email or order id.
 */
export function messageProblems(r: Recommendation, ctx: Omit<SendableContext, 'locale'>): string[] {
  const locale = r.locale as Locale;
  const problems = r.message.parts.flatMap((p) => sendableProblems(p.text, { ...ctx, locale }));
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
