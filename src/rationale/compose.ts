import type { Complaint } from '../complaint';
import type { Cap, DroppedRemedy, FiredRule, Handling, RationaleSentence } from '../recommendation';
import { assertNever, type Remedy } from '../remedies/catalogue';
import type { Rule } from '../rules/ruleset';
import type { SeverityScore, ValueScore } from '../scoring/score';
import { describeFactor } from './factor-text';
import type { MessageKey } from './locale';
import type { Renderer } from './renderer';

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
  readonly autoApproveMaxCost: number;
  readonly checkSatisfactionAt: string;
}

/**
 * Writes the rationale: first what the agent can say to the customer (sorry, what happened, what we
 * will do, what happens next), then the reasoning for the agent (scores, rules, caps, handling).
 */
export function composeRationale(r: Renderer, input: RationaleInput): RationaleSentence[] {
  const out: RationaleSentence[] = [];
  const say = (key: MessageKey | string, text: string, audience: 'customer' | 'agent' = 'customer') =>
    out.push({ key, audience, text });
  const c = input.complaint;
  const subject = c.order
    ? r.m('subject.order', { orderId: c.order.id })
    : r.m('subject.subscription', { plan: c.subscription?.plan ?? '' });
  const money = (amount: number) => r.money(amount, input.currency);

  const personal = input.remedies.some((x) => x.type === 'apology' && x.form === 'personal');
  say(
    personal ? 'apology.personal' : 'apology.standard',
    r.m(personal ? 'apology.personal' : 'apology.standard'),
  );
  say(...restatement(r, c, subject, input.daysLate, money));

  for (const remedy of input.remedies) {
    const offer = offerSentence(r, remedy, subject, money);
    if (offer) say(offer[0], offer[1]);
  }
  if (input.handling.mode === 'human') say('handling.human', r.m('handling.human'));
  if (input.handling.publicAcknowledgement) {
    say(
      'handling.public',
      r.m('handling.public', { platform: input.handling.publicAcknowledgement.platform }),
    );
  }
  say('followUp', r.m('followUp', { date: r.date(input.checkSatisfactionAt) }));

  const factors = (fs: SeverityScore['factors']) =>
    r.list(fs.map((f) => describeFactor(r, f.code, f.params)));
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
  if (input.fired.length === 0) {
    say('why.noRule', r.m('why.noRule'), 'agent');
  } else {
    say('why.rules', r.m('why.rules', { rules: r.list(input.fired.map((f) => `"${f.name}"`)) }), 'agent');
    for (const fired of input.fired) {
      const sentence = ruleRationale(r, input.rules.get(fired.name), { subject, input });
      if (sentence) say(`rule:${fired.name}`, sentence, 'agent');
    }
  }
  for (const d of input.dropped) {
    if (d.reason === 'cap') {
      say(
        'why.dropped.cap',
        r.m('why.dropped.cap', {
          remedy: r.t(`remedy.${d.type}`),
          cost: money(d.estimatedCost),
          rule: d.rule,
          cap: money(input.cap.goodwillLimit),
        }),
        'agent',
      );
    } else if (d.reason === 'reduced') {
      say(
        'why.reduced.cap',
        r.m('why.reduced.cap', {
          remedy: r.t(`remedy.${d.type}`),
          cost: money(d.estimatedCost),
          kept: money(d.keptCost),
          rule: d.rule,
          cap: money(input.cap.goodwillLimit),
        }),
        'agent',
      );
    } else if (d.reason === 'not_applicable') {
      say(
        'why.dropped.notApplicable',
        r.m('why.dropped.notApplicable', {
          remedy: r.t(`remedy.${d.type}`),
          rule: d.rule,
          reason: r.t(`na.${d.code}`),
        }),
        'agent',
      );
    }
  }
  if (input.dropped.some((d) => d.reason === 'cap' || d.reason === 'reduced')) {
    say(...limitSentence(r, input, money));
  }
  if (input.handling.mode === 'automatic') {
    say(
      'why.automatic',
      r.m('why.automatic', { total: money(input.totalCost), limit: money(input.autoApproveMaxCost) }),
      'agent',
    );
  } else {
    const reasons = input.handling.reasons.map((code) => handlingReason(r, code, input, money));
    say(
      'why.human',
      r.m('why.human', { queue: input.handling.queue ?? '', reasons: r.list(reasons) }),
      'agent',
    );
  }
  return out;
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
  subject: string,
  days: number,
  money: (n: number) => string,
): [string, string] {
  switch (c.category) {
    case 'late_delivery': {
      const key =
        c.order?.deliveredAt === undefined ? 'restate.late_delivery_pending' : 'restate.late_delivery';
      return [key, r.t(key, { subject, days }, days)];
    }
    case 'billing_error':
      return c.order?.overcharge
        ? [
            'restate.billing_error',
            r.m('restate.billing_error', { subject, overcharge: money(c.order.overcharge) }),
          ]
        : ['restate.billing_error_unknown', r.m('restate.billing_error_unknown', { subject })];
    default:
      return [`restate.${c.category}`, r.t(`restate.${c.category}`, { subject })];
  }
}

function offerSentence(
  r: Renderer,
  remedy: Remedy,
  subject: string,
  money: (n: number) => string,
): [string, string] | undefined {
  switch (remedy.type) {
    case 'resend':
      return [
        'offer.resend',
        r.m('offer.resend', {
          items: r.list(remedy.items.map((i) => `${r.number(i.quantity)} × ${i.sku}`)),
          shipping: r.t(`shipping.${remedy.shipping}`),
        }),
      ];
    case 'gift':
      return ['offer.gift', r.m('offer.gift', { value: money(remedy.value) })];
    case 'coupon':
      return remedy.percent !== null
        ? [
            'offer.coupon.percent',
            r.m('offer.coupon.percent', {
              percent: r.percent(remedy.percent),
              expiresAt: r.date(remedy.expiresAt),
            }),
          ]
        : [
            'offer.coupon.amount',
            r.m('offer.coupon.amount', {
              amount: money(remedy.amount ?? 0),
              expiresAt: r.date(remedy.expiresAt),
            }),
          ];
    case 'free_month':
      return [
        'offer.free_month',
        r.t(
          'offer.free_month',
          {
            months: remedy.months,
            subject,
            startsAt: r.date(remedy.startsAt),
            endsAt: r.date(remedy.endsAt),
          },
          remedy.months,
        ),
      ];
    case 'refund':
      return ['offer.refund', r.m('offer.refund', { amount: money(remedy.amount) })];
    case 'escalate':
      return ['offer.escalate', r.m('offer.escalate', { queue: remedy.queue, dueAt: r.date(remedy.dueAt) })];
    case 'apology':
      return undefined; // said first, in its own words
    default:
      return assertNever(remedy);
  }
}

function ruleRationale(
  r: Renderer,
  rule: Rule | undefined,
  ctx: { subject: string; input: RationaleInput },
): string | undefined {
  const rationale = rule?.rationale;
  if (rationale === undefined) return undefined;
  if (typeof rationale === 'string') return r.t(`rule.${rationale}`);
  const template = (rationale as Readonly<Record<string, string | undefined>>)[r.locale] ?? rationale.en;
  const c = ctx.input.complaint;
  return r.fill(template, {
    subject: ctx.subject,
    orderId: c.order?.id ?? '',
    category: r.t(`category.${c.category}`),
    daysLate: ctx.input.daysLate,
    severity: ctx.input.severity.score,
    value: ctx.input.value.score,
    plan: c.subscription?.plan ?? '',
  });
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
    case 'escalate_remedy':
      return r.m('reason.escalate_remedy', { queue: input.handling.queue ?? '' });
    case 'cost_above_auto_approve':
      return r.m('reason.cost_above_auto_approve', {
        total: money(input.totalCost),
        limit: money(input.autoApproveMaxCost),
      });
    case 'no_rule_matched':
      return r.m('reason.no_rule_matched');
    case 'compensation_limit':
      return r.m('reason.compensation_limit');
    default:
      return assertNever(code);
  }
}
