import { itemsAffected, overchargeOf } from '../complaint/measures';
import type { Complaint } from '../complaint/schema';
import type { MoneyConversion } from '../exchange/conversion';
import { describeFactor } from '../i18n/factor-text';
import type { CurrencyDisplay, Locale, MessageKey } from '../i18n/locale';
import { type Renderer, rendererOf } from '../i18n/renderer';
import type { Cap } from '../policy/caps';
import type { DroppedRemedy } from '../policy/dropped';
import type { Handling } from '../policy/handling';
import type { IncidentMark } from '../policy/incident-mark';
import { isQuietPost } from '../policy/quiet-post';
import { followThrough, openingApology } from '../remedies/apology';
import { assertNever, offerSentence, type Remedy, remedyName } from '../remedies/catalogue';
import type { FiredRule } from '../rules/engine/evaluator';
import type { Rule } from '../rules/ruleset';
import type { Factor, SeverityScore, ValueScore } from '../scoring/score';
import { type ChoiceInput, otherChoices, preferenceRefused, whyPreference } from './choices';
import type { RationaleSentence } from './sentence';

/** Everything the rationale talks about. */
export interface RationaleInput {
  readonly complaint: Complaint;
  readonly daysLate: number;
  readonly currency: string;
  readonly severity: SeverityScore;
  readonly value: ValueScore;
  readonly remedies: readonly Remedy[];
  readonly dropped: readonly DroppedRemedy[];
  readonly fired: readonly FiredRule[];
  readonly rules: ReadonlyMap<string, Rule>;
  readonly handling: Handling;
  readonly totalCost: number;
  readonly cap: Cap;
  /** The policy's goodwill share for this complaint's severity band, and its ceiling on the total. */
  readonly severityShare: number;
  readonly totalShare: number;
  readonly restitutionCost: number;
  /** The customer's goodwill in the per-customer window, with the limits; null without them. */
  readonly perCustomer: {
    readonly windowDays: number;
    readonly used: number;
    readonly count: number;
    readonly maxGoodwill: number | null;
    readonly maxCount: number | null;
  } | null;
  /** The auto-approval limit, in the complaint's currency. */
  readonly autoApproveMaxCost: number;
  /** `policy.publicReachThreshold`: a public post with less reach is remedied as if private. */
  readonly publicReachThreshold: number;
  /** The conversion from the rule set's currency, when the complaint is in another; else null. */
  readonly conversion: MoneyConversion | null;
  /** How amounts are shown, where not as `Intl` prints them (rials in toman). */
  readonly currencyDisplay?: CurrencyDisplay | undefined;
  readonly checkSatisfactionAt: string;
  /** The rule set's team names for its queues (`policy.queues`); redress names the built-in ones. */
  readonly queues?: Readonly<Record<string, { readonly name: Readonly<Partial<Record<Locale, string>>> }>>;
  /** Set when the complaint is part of an incident (`recommendMany` with `incidents`). */
  readonly incident?: IncidentMark;
  /** The other acceptable remedy sets and the customer's preference, when there are any. */
  readonly choice?: ChoiceInput;
  /**
   * The value tier's goodwill multiplier in hundredths (150 for 1.5), when it raised some goodwill
   * (`policy.goodwillMultiplierByTier`); for the agent only: the customer is never told their tier.
   */
  readonly goodwillRaisedBy?: number;
}

/** What each part of the rationale writes with: the renderer, the input, and the sentences so far. */
interface Composition {
  readonly r: Renderer;
  readonly input: RationaleInput;
  readonly out: RationaleSentence[];
  /** "your order 123" or "your Plus subscription". */
  readonly subject: string;
  /** The subject in the locative: "in order 123", "123 numaralı siparişinizde". */
  readonly subjectIn: string;
  /** A queue's team name in this locale, or undefined when it has none. */
  readonly queueName: (queue: string) => string | undefined;
  readonly money: (amount: number) => string;
  readonly say: (key: MessageKey | string, text: string, audience?: 'customer' | 'agent') => void;
}

/**
 * Writes the rationale: first what the agent can say to the customer (sorry, what happened, what we
 * will do, what happens next), then the reasoning for the agent (scores, rules, caps, handling).
 */
export function composeRationale(r: Renderer, input: RationaleInput): RationaleSentence[] {
  if (input.currency !== 'IRR' || input.currencyDisplay?.IRR !== 'toman') return compose(r, input);
  // Rials are shown in toman only when every amount of the recommendation is a whole number of toman
  // (there is no fraction of a toman in print): one unit for all its amounts, customer's and agent's,
  // never a rial refund beside a toman cap, nor a rial cost weighed against a toman limit.
  let rials = factorsInRials(input);
  if (!rials) {
    const out = compose(r, input, (amount) => {
      if (!Number.isInteger(amount / 10)) rials = true;
    });
    if (!rials) return out;
  }
  return compose(r, { ...input, currencyDisplay: { ...input.currencyDisplay, IRR: 'rial' } });
}

/** True when a factor names an amount of rials that is not a whole number of toman. */
function factorsInRials({ severity, value }: RationaleInput): boolean {
  return [...severity.factors, ...value.factors].some(
    (f) =>
      f.code === 'lifetimeSpend' &&
      f.params.currency === 'IRR' &&
      !Number.isInteger(Number(f.params.amount) / 10),
  );
}

/** The rationale, each amount of the complaint's currency passed to `seen` as it is written. */
function compose(r: Renderer, input: RationaleInput, seen?: (amount: number) => void): RationaleSentence[] {
  const out: RationaleSentence[] = [];
  const c = input.complaint;
  const { subject, subjectIn } = subjects(r, c);
  const composition: Composition = {
    r,
    input,
    out,
    subject,
    subjectIn,
    queueName: (queue) => teamName(r, input.queues, queue),
    money: (amount: number) => {
      seen?.(amount);
      return r.money(amount, input.currency, input.currencyDisplay);
    },
    say: (key, text, audience = 'customer') => out.push({ key, audience, text }),
  };
  toCustomer(composition);
  whyMoney(composition);
  whyScores(composition);
  whyRules(composition);
  whyIncident(composition);
  whyDropped(composition);
  whyPreference(composition.r, input.choice, composition.say);
  whyHandling(composition);
  return out;
}

/** "order o-1001" and "in order o-1001" (or the subscription), in the renderer's locale. */
function subjects(r: Renderer, c: Complaint): { subject: string; subjectIn: string } {
  if (c.order) {
    const orderId = r.embed(c.order.id);
    return { subject: r.m('subject.order', { orderId }), subjectIn: r.m('subject.orderIn', { orderId }) };
  }
  const plan = r.embed(c.subscription?.plan ?? '');
  return {
    subject: r.m('subject.subscription', { plan }),
    subjectIn: r.m('subject.subscriptionIn', { plan }),
  };
}

/**
 * A queue's team name in the renderer's locale: the rule set's, else redress's own for a built-in
 * queue (`queue.<id>` in the catalogue), else undefined — a queue id is never shown to the customer.
 */
export function teamName(r: Renderer, queues: RationaleInput['queues'], queue: string): string | undefined {
  const own = queues && Object.hasOwn(queues, queue) ? queues[queue]?.name[r.locale] : undefined;
  if (own !== undefined) return r.embedSentence(own);
  return r.has(`queue.${queue}`) ? r.t(`queue.${queue}`) : undefined;
}

/** The product names the order gives, by SKU (the first line's name where a SKU repeats). */
function itemNames(r: Renderer, c: Complaint): (sku: string) => string | undefined {
  const names = new Map<string, string>();
  for (const item of c.order?.items ?? []) {
    if (item.name !== undefined && item.name.trim() !== '' && !names.has(item.sku)) {
      names.set(item.sku, r.embedSentence(item.name.trim()));
    }
  }
  return (sku) => names.get(sku);
}

/** Sorry, what happened, what we will do, what happens next. */
function toCustomer({ r, input, subject, subjectIn, money, queueName, say }: Composition): void {
  const apology = openingApology(r, input.remedies);
  say(apology.key, apology.text);
  say(...restatement(r, input.complaint, { subject, subjectIn }, input.daysLate, money));
  if (input.incident) say('incident.notice', r.m('incident.notice'));
  if (input.handling.mode === 'linked') say(...caseSentence(r, input, subject, queueName));
  const promise = followThrough(r, input.remedies);
  if (promise) say(promise.key, promise.text);

  const c = input.complaint;
  const words = {
    subject,
    money,
    itemName: itemNames(r, c),
    queueName,
    subscription: c.order === undefined && c.subscription !== undefined,
    // With the customer's own time zone a promised contact says its time there; else its date only.
    contactBy: (iso: string) => ({
      date: r.date(iso),
      time: c.customer.timeZone === undefined ? undefined : r.time(iso),
    }),
  };
  preferenceRefused(r, input.choice, say);
  for (const remedy of input.remedies) {
    const offer = offerSentence(r, remedy, words);
    if (offer) say(offer.key, offer.text);
  }
  otherChoices(r, input.choice, say);
  if (input.handling.reasons.length > 0) say('handling.human', r.m('handling.human'));
  const ack = input.handling.publicAcknowledgement;
  if (ack) {
    // The platform the customer posted on, by name; without one, the channel's id is no name to show.
    const platform = input.complaint.exposure?.platform;
    if (platform === undefined) say('handling.publicUnnamed', r.m('handling.publicUnnamed'));
    else {
      // People leave a review on Google or Trustpilot; they do not "post" there, whichever channel
      // the complaint itself came by.
      const review = input.complaint.channel === 'review' || isReviewSite(ack.platform);
      const key = review ? 'handling.public.review' : 'handling.public';
      say(key, r.m(key, { platform: r.platform(ack.platform) }));
    }
  }
  for (const step of input.handling.steps) {
    if (step.type === 'trace') say('handling.trace', r.m('handling.trace', { date: r.date(step.lostOn) }));
    else say('handling.evidence', r.m('handling.evidence'));
  }
  say('followUp', r.m('followUp', { date: r.date(input.checkSatisfactionAt) }));
}

/**
 * The sentence that joins a linked complaint to its case, with the one contact the customer has: the
 * owner's team by name (never its queue id; without a name, "the same team"), or none when an
 * escalation's offer names who will contact them — one contact in the customer's words.
 */
function caseSentence(
  r: Renderer,
  input: RationaleInput,
  subject: string,
  queueName: (queue: string) => string | undefined,
): [MessageKey, string] {
  if (input.remedies.some((remedy) => remedy.type === 'escalate')) {
    return ['case.linked.escalated', r.m('case.linked.escalated', { subject })];
  }
  const owner = queueName(input.handling.owner);
  return owner === undefined
    ? ['case.linked.unnamed', r.m('case.linked.unnamed', { subject })]
    : ['case.linked', r.m('case.linked', { subject, owner })];
}

/** How the complaint's money was read in the rule set's currency, when it was converted. */
function whyMoney({ r, input, say }: Composition): void {
  if (input.conversion) {
    say('why.currency', currencySentence(r, input.conversion, input.currencyDisplay), 'agent');
  }
}

/**
 * The factors in words, for the agent. Where a post's platform and its reach are both known they are
 * one phrase ("posted publicly on Instagram to 50,000 followers"), not the same words twice.
 */
function describeFactors(r: Renderer, fs: readonly Factor[], display?: CurrencyDisplay): string {
  const reach = fs.find((f) => f.code === 'publicReach');
  const on = fs.find((f) => f.code === 'public' && f.params.platform);
  const words: string[] = [];
  for (const f of fs) {
    if (reach && on && f === on) {
      const n = Number(reach.params.reach);
      words.push(
        r.t('factor.publicOnReach', { platform: r.platform(String(on.params.platform)), reach: n }, n),
      );
    } else if (!(reach && on && f === reach)) {
      words.push(inWords(r, f, display));
    }
  }
  return r.list(words);
}

/**
 * A factor in the renderer's words. In English it is the factor's `reason`, which scoring wrote with
 * `describeFactor` in English (factor texts name no date, so the time zone does not matter): written
 * again it would be the same string from the same memo. Not for rials shown in toman, which the reason
 * does not show, nor for a reason left empty (a replay's).
 */
function inWords(r: Renderer, f: Factor, display: CurrencyDisplay | undefined): string {
  const toman = f.code === 'lifetimeSpend' && f.params.currency === 'IRR' && display?.IRR === 'toman';
  if (r.locale === 'en' && f.reason !== '' && !toman) return f.reason;
  return describeFactor(r, f.code, f.params, display);
}

/** The two scores and the factors behind them. */
function whyScores(composition: Composition): void {
  whyQuietPost(composition);
  scoreSentences(composition);
}

/** A public post with a known reach below the threshold: answered in public, remedied as in private. */
function whyQuietPost({ r, input, say }: Composition): void {
  const exposure = input.complaint.exposure;
  if (!isQuietPost(input.complaint, input.publicReachThreshold) || exposure?.reach === undefined) return;
  say(
    'why.quietPost',
    r.m('why.quietPost', { reach: exposure.reach, threshold: input.publicReachThreshold }),
    'agent',
  );
}

/** The severity and value scores with their factors. */
function scoreSentences({ r, input, say }: Composition): void {
  const factors = (fs: readonly Factor[]) => describeFactors(r, fs, input.currencyDisplay);
  say(
    'why.severity',
    r.m('why.severity', {
      score: input.severity.score,
      band: r.t(`band.${input.severity.band}`),
      factors: factors(input.severity.factors),
    }),
    'agent',
  );
  say(
    'why.value',
    r.m('why.value', {
      score: input.value.score,
      tier: r.t(`tier.${input.value.tier}`),
      factors: factors(input.value.factors),
    }),
    'agent',
  );
  const raisedBy = input.goodwillRaisedBy;
  if (raisedBy !== undefined && raisedBy > 100) {
    say(
      'why.goodwillMultiplier',
      r.m('why.goodwillMultiplier', {
        percent: r.percent(raisedBy - 100),
        // The factor beside the percentage: "raised by 10%" next to "an 11% coupon" reads as 10 points.
        factor: r.number(raisedBy / 100),
        tier: r.t(`tier.${input.value.tier}`),
      }),
      'agent',
    );
  }
}

/** The rules that fired, and each one's own rationale. */
function whyRules({ r, input, out, subject, say }: Composition): void {
  if (input.fired.length === 0) {
    say('why.noRule', r.m('why.noRule'), 'agent');
    return;
  }
  const names = input.fired.map((f) => r.m('quoted', { text: r.embed(f.name) }));
  say('why.rules', r.m('why.rules', { rules: r.list(names) }), 'agent');
  for (const fired of input.fired) {
    const sentence = ruleRationale(r, input.rules.get(fired.name), { subject, input });
    if (sentence) {
      // The locale comes last and only when it differs: added, not spread in (a slow copy on V8).
      const said: { -readonly [K in keyof RationaleSentence]: RationaleSentence[K] } = {
        key: `rule:${fired.name}`,
        audience: 'agent',
        text: sentence.text,
      };
      if (sentence.locale !== r.locale) said.locale = sentence.locale;
      out.push(said);
    }
  }
}

/** The incident the complaint is part of, if any. */
function whyIncident({ r, input, say }: Composition): void {
  const incident = input.incident;
  if (!incident) return;
  say(
    'why.incident',
    r.m('why.incident', {
      id: r.embed(incident.id),
      count: incident.count,
      cause: describeCause(r, incident.cause),
      period: r.period(incident.firstAt, incident.lastAt),
      zone: r.zoneName(incident.lastAt),
      top: r.embed(incident.policyFrom),
    }),
    'agent',
  );
  say('why.incidentOwner', r.m('why.incidentOwner', { owner: r.embed(incident.owner) }), 'agent');
  if (incident.partners.length > 0) {
    const partners = r.list(incident.partners.map((p) => r.embed(p)));
    say('why.incidentPartners', r.m('why.incidentPartners', { partners }), 'agent');
  }
}

/** Each remedy left out or reduced, and the limit that made it so. */
function whyDropped(composition: Composition): void {
  const { r, input, money, say } = composition;
  for (const d of input.dropped) {
    if (d.reason === 'cap') {
      say(
        'why.dropped.cap',
        r.m('why.dropped.cap', {
          remedy: remedyName(r, d.type),
          cost: money(d.estimatedCost),
          rule: r.embed(d.rule),
          cap: money(input.cap.goodwillLimit),
        }),
        'agent',
      );
    } else if (d.reason === 'reduced') {
      say(
        'why.reduced.cap',
        r.m('why.reduced.cap', {
          remedy: remedyName(r, d.type),
          cost: money(d.estimatedCost),
          kept: money(d.keptCost),
          rule: r.embed(d.rule),
          cap: money(input.cap.goodwillLimit),
        }),
        'agent',
      );
    } else if (d.reason === 'linked') {
      say(...linkedSentence(composition, d));
    } else if (d.reason === 'not_applicable') {
      say(
        'why.dropped.notApplicable',
        r.m('why.dropped.notApplicable', {
          remedy: remedyName(r, d.type),
          rule: r.embed(d.rule),
          reason: r.t(`na.${d.code}`),
        }),
        'agent',
      );
    }
  }
  if (input.dropped.some((d) => d.reason === 'cap' || d.reason === 'reduced')) {
    say(...limitSentence(r, input, money));
  }
}

/** Why a remedy of a linked complaint was left out or reduced: what the case already gave. */
function linkedSentence(
  { r, money }: Composition,
  d: Extract<DroppedRemedy, { reason: 'linked' }>,
): [MessageKey, string, 'agent'] {
  const params = { remedy: remedyName(r, d.type), rule: r.embed(d.rule), case: r.embed(d.linkedTo) };
  const key =
    d.keptCost !== undefined
      ? 'why.linked.topUp'
      : d.kind === 'restitution'
        ? 'why.linked.given'
        : 'why.linked.goodwill';
  return [key, r.m(key, { ...params, cost: money(d.estimatedCost), kept: money(d.keptCost ?? 0) }), 'agent'];
}

/** Why it is handled automatically, or by whom and why. */
function whyHandling(composition: Composition): void {
  whyMode(composition);
  const { r, input, money, say } = composition;
  if (input.handling.suggestCall) {
    const reasons = input.handling.callReasons.map((code) => handlingReason(r, code, input, money));
    say('why.call', r.m('why.call', { reasons: r.list(reasons) }), 'agent');
  }
}

/** Linked to a case, automatic, or why a person must look. */
function whyMode({ r, input, money, say }: Composition): void {
  const { handling } = input;
  if (handling.mode === 'linked') {
    say(
      'why.linked',
      r.m('why.linked', { case: r.embed(handling.linkedTo ?? ''), owner: r.embed(handling.owner) }),
      'agent',
    );
    if (handling.reasons.length === 0) return;
  }
  if (handling.mode === 'automatic') {
    say(
      'why.automatic',
      r.m('why.automatic', { total: money(input.totalCost), limit: money(input.autoApproveMaxCost) }),
      'agent',
    );
    return;
  }
  const reasons = input.handling.reasons.map((code) => handlingReason(r, code, input, money));
  say(
    'why.human',
    r.m('why.human', { queue: r.embed(input.handling.queue ?? ''), reasons: r.list(reasons) }),
    'agent',
  );
}

/** How the complaint's money was converted into the rule set's currency, for the agent. */
function currencySentence(r: Renderer, money: MoneyConversion, display?: CurrencyDisplay): string {
  const from = money.ruleSetCurrency ?? money.currency;
  return r.m('why.currency', {
    rate: r.exchangeRate(money.rate, from, money.currency, display),
    asOf: money.asOf === undefined ? '' : r.date(money.asOf),
    ruleSetCurrency: r.currencyName(from, display),
    currency: r.currencyName(money.currency, display),
  });
}

/** Why goodwill was limited to what it was: the binding limit, in words, for the agent. */
function limitSentence(
  r: Renderer,
  input: RationaleInput,
  money: (n: number) => string,
): [string, string, 'agent'] {
  const { cap } = input;
  const limit = money(cap.goodwillLimit);
  const value = money(cap.affectedValue);
  const share = (n: number) => r.percent(Math.round(n * 10_000) / 100);
  switch (cap.binding) {
    case 'severity':
      return [
        'why.limit.severity',
        r.m('why.limit.severity', {
          limit,
          share: share(input.severityShare),
          value,
          band: r.t(`band.${input.severity.band}`),
        }),
        'agent',
      ];
    case 'tier':
      return [
        'why.limit.tier',
        r.m('why.limit.tier', { limit, tier: r.t(`tier.${input.value.tier}`) }),
        'agent',
      ];
    case 'total':
      return [
        'why.limit.total',
        r.m('why.limit.total', {
          limit,
          restitution: money(input.restitutionCost),
          share: share(input.totalShare),
          value,
        }),
        'agent',
      ];
    case 'customer': {
      const p = input.perCustomer;
      if (p && p.maxCount !== null && p.count >= p.maxCount) {
        return [
          'why.limit.customerCount',
          r.m('why.limit.customerCount', { count: p.count, days: p.windowDays, max: p.maxCount }),
          'agent',
        ];
      }
      return [
        'why.limit.customer',
        r.m('why.limit.customer', {
          limit,
          used: money(p?.used ?? 0),
          days: p?.windowDays ?? 0,
          max: money(p?.maxGoodwill ?? 0),
        }),
        'agent',
      ];
    }
    default:
      return assertNever(cap.binding);
  }
}

function restatement(
  r: Renderer,
  c: Complaint,
  subjects: { subject: string; subjectIn: string },
  days: number,
  money: (n: number) => string,
): [string, string] {
  const { subject, subjectIn } = subjects;
  switch (c.category) {
    case 'damaged_item':
    case 'missing_item':
      // One item or several: "the item in your order", not "the items", when one arrived damaged.
      return [
        `restate.${c.category}`,
        r.t(`restate.${c.category}`, subjects, itemsAffected(c) === 1 ? 1 : 2),
      ];
    case 'late_delivery': {
      const key =
        c.order?.deliveredAt === undefined ? 'restate.late_delivery_pending' : 'restate.late_delivery';
      return [key, r.t(key, { subject, days: r.count(days) }, days)];
    }
    case 'billing_error': {
      const overcharge = overchargeOf(c);
      return overcharge > 0
        ? ['restate.billing_error', r.m('restate.billing_error', { subject, overcharge: money(overcharge) })]
        : ['restate.billing_error_unknown', r.m('restate.billing_error_unknown', { subject })];
    }
    default:
      return [`restate.${c.category}`, r.t(`restate.${c.category}`, { subject, subjectIn })];
  }
}

/**
 * A fired rule's own rationale: a built-in message, or the rule file's text in this locale. A rule
 * file without text in this locale falls back to English (`ruleSetWarnings` reports it); that
 * sentence is then English, isolated in a right-to-left rationale, and says so in its `locale`.
 */
function ruleRationale(
  r: Renderer,
  rule: Rule | undefined,
  ctx: { subject: string; input: RationaleInput },
): { text: string; locale: Locale } | undefined {
  const rationale = rule?.rationale;
  if (rationale === undefined) return undefined;
  if (typeof rationale === 'string') return { text: r.t(`rule.${rationale}`), locale: r.locale };
  const own = (rationale as Readonly<Partial<Record<Locale, string>>>)[r.locale];
  const c = ctx.input.complaint;
  const fill = (template: string, renderer: Renderer, subject: string) =>
    renderer.fill(template, {
      subject,
      subjectIn: subjects(renderer, c).subjectIn,
      orderId: renderer.embed(c.order?.id ?? ''),
      category: renderer.t(`category.${c.category}`),
      daysLate: ctx.input.daysLate,
      severity: ctx.input.severity.score,
      value: ctx.input.value.score,
      plan: renderer.embed(c.subscription?.plan ?? ''),
    });
  if (own !== undefined) return { text: fill(own, r, ctx.subject), locale: r.locale };
  // The English text gets English words and digits throughout, not a Persian subject inside it.
  const en = rendererOf('en');
  const subject = c.order
    ? en.m('subject.order', { orderId: en.embed(c.order.id) })
    : en.m('subject.subscription', { plan: en.embed(c.subscription?.plan ?? '') });
  return { text: r.embedSentence(fill(rationale.en, en, subject)), locale: 'en' };
}

/** An incident's cause in words: "wrong item (SKU SHOE-42)", "service outage (Streaming)". */
function describeCause(r: Renderer, cause: IncidentMark['cause']): string {
  if (cause.category === null) return r.embed(cause.key);
  const category = r.t(`category.${cause.category}`);
  if (cause.sku !== null) return r.m('cause.sku', { category, sku: r.embed(cause.sku) });
  if (cause.family !== null) return r.m('cause.family', { category, family: r.embed(cause.family) });
  if (cause.service !== null) return r.m('cause.service', { category, service: r.embed(cause.service) });
  if (cause.carrier !== null) return r.m('cause.carrier', { category, carrier: r.embed(cause.carrier) });
  return category;
}

function handlingReason(
  r: Renderer,
  code: Handling['reasons'][number],
  input: RationaleInput,
  money: (n: number) => string,
): string {
  switch (code) {
    case 'legal_threat':
      return r.m('reason.legal_threat');
    case 'tone':
      return input.complaint.tone === 'abusive'
        ? r.m('reason.abusive_tone')
        : r.m('reason.tone', { tone: r.t(`tone.${input.complaint.tone}`) });
    case 'severity_band':
      return r.m('reason.severity_band', { band: r.t(`band.${input.severity.band}`) });
    case 'value_tier':
      return r.m('reason.value_tier', { tier: r.t(`tier.${input.value.tier}`) });
    case 'escalate_remedy': {
      // The agent reads the team's name where it has one, and the queue's id otherwise.
      const queue = input.handling.queue ?? '';
      return r.m('reason.escalate_remedy', { queue: teamName(r, input.queues, queue) ?? r.embed(queue) });
    }
    case 'cost_above_auto_approve':
      return r.m('reason.cost_above_auto_approve', {
        total: money(input.totalCost),
        limit: money(input.autoApproveMaxCost),
      });
    case 'compensation_limit':
      return r.m('reason.compensation_limit');
    case 'no_rule_matched':
      return r.m('reason.no_rule_matched');
    default:
      return assertNever(code);
  }
}

/** Platforms where people leave reviews rather than posts (the catalogue's `platform.<name>` names). */
const REVIEW_SITES: ReadonlySet<string> = new Set(['trustpilot', 'google']);

function isReviewSite(platform: string): boolean {
  return REVIEW_SITES.has(platform.trim().toLowerCase());
}
