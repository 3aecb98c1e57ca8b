// Deterministic workloads for the benchmark: complaints, rule sets of any size, and the same rules
// written out as plain `if`s (the hand-written baseline). Everything derives from fixed seeds, so
// every run of `npm run bench` measures the same work.

import { prng } from '../examples/generate.mjs';

/** The examples' seeded PRNG (mulberry32): one generator for the examples and every benchmark. */
export { prng };

const pick = (rand, list) => list[Math.floor(rand() * list.length)];
const int = (rand, min, max) => min + Math.floor(rand() * (max - min + 1));
const cents = (rand, min, max) => int(rand, min * 100, max * 100) / 100;

const CATEGORIES = [
  'wrong_item',
  'damaged_item',
  'missing_item',
  'late_delivery',
  'late_delivery',
  'late_delivery',
  'billing_error',
  'service_outage',
  'poor_quality',
  'staff_behavior',
  'other',
];
const CHANNELS = ['email', 'phone', 'chat', 'social', 'review', 'store'];
const TONES = ['calm', 'calm', 'calm', 'upset', 'upset', 'angry', 'abusive'];
const DAY = 86_400_000;
const BASE = Date.UTC(2026, 2, 10, 9, 30);
const day = (t) => new Date(t).toISOString().slice(0, 10);

/** The `i`th complaint of the benchmark: valid, varied, and always the same for the same `i`. */
export function complaint(i) {
  const rand = prng(0x5eed + i * 7919);
  const received = BASE + int(rand, 0, 180) * DAY + int(rand, 0, 86_399) * 1000;
  const category = pick(rand, CATEGORIES);
  const subscribed = category === 'service_outage' || rand() < 0.25;
  const hasOrder = category !== 'service_outage' || rand() < 0.3;
  const c = {
    id: `bench-${i}`,
    receivedAt: new Date(received).toISOString(),
    channel: pick(rand, CHANNELS),
    category,
    summary: 'Generated for the benchmark.',
    customer: {
      id: `u-${i % 5000}`,
      since: day(received - int(rand, 20, 1800) * DAY),
      lifetimeSpend: cents(rand, 0, 5000),
      orderCount: int(rand, 0, 60),
      priorComplaints: [],
      name: 'Bench Customer',
      locale: 'en',
    },
    tone: pick(rand, TONES),
    legalThreat: rand() < 0.03,
  };
  const since = Date.parse(`${c.customer.since}T00:00:00Z`);
  for (let k = int(rand, 0, 3); k > 0; k--) {
    const at = since + Math.floor(rand() * (received - since));
    c.customer.priorComplaints.push({ at: day(at), category: pick(rand, CATEGORIES) });
  }
  if (rand() < 0.7) c.customer.lastOrderAt = day(Math.max(since, received - int(rand, 1, 200) * DAY));
  if (hasOrder) {
    const placed = received - int(rand, 4, 30) * DAY;
    const promised = placed + int(rand, 2, 5) * DAY;
    const delivered = promised + int(rand, -1, 12) * DAY;
    const items = Array.from({ length: int(rand, 1, 3) }, (_, k) => ({
      sku: `SKU-${int(rand, 1, 400)}-${k}`,
      quantity: int(rand, 1, 3),
      unitPrice: cents(rand, 2, 150),
    }));
    const total = Math.round(items.reduce((s, it) => s + it.quantity * it.unitPrice * 100, 0)) / 100;
    c.order = {
      id: `o-${i}`,
      total,
      currency: 'EUR',
      placedAt: day(placed),
      promisedAt: day(promised),
      items,
    };
    if (delivered <= received) c.order.deliveredAt = new Date(delivered).toISOString();
    if (category === 'billing_error' && rand() < 0.6)
      c.order.overcharge = Math.min(total, cents(rand, 1, 40));
  }
  if (subscribed || !hasOrder) {
    c.subscription = {
      plan: pick(rand, ['Basic', 'Plus', 'Pro']),
      monthlyPrice: pick(rand, [4.99, 9.99, 19.99]),
      currency: 'EUR',
    };
  }
  if (rand() < 0.15)
    c.exposure = {
      public: true,
      platform: pick(rand, ['Instagram', 'X', 'Trustpilot']),
      reach: int(rand, 10, 200_000),
    };
  return c;
}

/** `count` complaints, from `first`. */
export function complaints(count, first = 0) {
  return Array.from({ length: count }, (_, k) => complaint(first + k));
}

/** The same complaints, made one at a time as they are read: a stream of any length in constant memory. */
export async function* complaintStream(count) {
  for (let i = 0; i < count; i++) yield complaint(i);
}

const REMEDIES = [
  [{ type: 'apology', form: 'personal' }],
  [{ type: 'coupon', percent: 10, maxDiscount: 25, validDays: 60 }],
  [{ type: 'gift', value: 10 }],
  [
    { type: 'resend', shipping: 'express' },
    { type: 'gift', shareOfOrder: 0.1, max: 25 },
  ],
  [{ type: 'refund', basis: 'affected_items', share: 0.3 }],
  [{ type: 'escalate', queue: 'customer-care', urgency: 'normal', respondWithinHours: 48 }],
];

/** A narrowing condition on one of the situation's dimensions. */
const NARROWING = [
  (rand) => ({ fact: 'channel', operator: 'equal', value: pick(rand, CHANNELS) }),
  (rand) => ({ fact: 'tone', operator: 'equal', value: pick(rand, ['calm', 'upset', 'angry', 'abusive']) }),
  (rand) => ({
    fact: 'valueTier',
    operator: 'equal',
    value: pick(rand, ['standard', 'silver', 'gold', 'platinum']),
  }),
  (rand) => ({
    fact: 'severityBand',
    operator: 'in',
    value: pick(rand, [['low', 'medium'], ['high', 'critical'], ['medium']]),
  }),
  (rand) => ({ fact: 'isPublic', operator: 'equal', value: rand() < 0.3 }),
  (rand) => ({ fact: 'hasSubscription', operator: 'equal', value: rand() < 0.4 }),
];

/** A threshold or a combination, as analysts write them. */
function detailCondition(rand) {
  switch (int(rand, 0, 5)) {
    case 0:
      return { fact: 'severity', operator: 'greaterThanInclusive', value: int(rand, 15, 70) };
    case 1: {
      const low = int(rand, 0, 6);
      return { fact: 'daysLate', operator: 'between', value: [low, low + int(rand, 1, 6)] };
    }
    case 2:
      return {
        fact: 'orderTotal',
        operator: pick(rand, ['lessThan', 'greaterThan']),
        value: int(rand, 10, 150),
      };
    case 3:
      return {
        fact: 'valueTier',
        operator: 'notIn',
        value: pick(rand, [['standard'], ['platinum'], ['standard', 'silver']]),
      };
    case 4:
      return {
        any: [
          { fact: 'isRepeat', operator: 'equal', value: true },
          { fact: 'complaints90d', operator: 'greaterThanInclusive', value: int(rand, 2, 3) },
        ],
      };
    default:
      return { not: { fact: 'legalThreat', operator: 'equal', value: true } };
  }
}

/**
 * A rule set of `size` rules shaped like an analyst's: each rule names a category (a few name two, or
 * none and cut across), narrows it down by channel, tone, tier, severity band or exposure, and adds a
 * threshold or a combination. A larger set covers narrower situations rather than piling more rules
 * onto the same ones (one narrowing at 20 rules, two at 100, four at 500), so a complaint meets a
 * handful of rules whatever the size.
 */
export function ruleSet(size, seed = 1) {
  const rand = prng(seed * 104_729 + size);
  const narrowings = Math.min(4, Math.max(1, Math.round(Math.log2(size / 20)) + 1));
  const rules = Array.from({ length: size }, (_, i) => {
    const conditions = [];
    const shape = rand();
    if (shape < 0.85) conditions.push({ fact: 'category', operator: 'equal', value: pick(rand, CATEGORIES) });
    else if (shape < 0.95) {
      const a = pick(rand, CATEGORIES);
      const b = pick(
        rand,
        CATEGORIES.filter((c) => c !== a),
      );
      conditions.push({ fact: 'category', operator: 'in', value: [a, b] });
    }
    const dimensions = [...NARROWING];
    for (let k = dimensions.length - 1; k > 0; k--) {
      const j = int(rand, 0, k);
      [dimensions[k], dimensions[j]] = [dimensions[j], dimensions[k]];
    }
    for (const make of dimensions.slice(0, narrowings)) conditions.push(make(rand));
    if (rand() < 0.6) conditions.push(detailCondition(rand));
    return {
      name: `r${i}`,
      priority: int(rand, 1, 100),
      conditions: { all: conditions },
      remedies: pick(rand, REMEDIES),
    };
  });
  return { name: `bench-${size}`, version: '1', rules };
}

function expression(c) {
  if ('all' in c) return `(${c.all.map(expression).join(' && ')})`;
  if ('any' in c) return `(${c.any.map(expression).join(' || ')})`;
  if ('not' in c) return `!(${expression(c.not)})`;
  const fact = `f.${c.fact}`;
  const v = (x) => JSON.stringify(x);
  switch (c.operator) {
    case 'equal':
      return `${fact} === ${v(c.value)}`;
    case 'notEqual':
      return `${fact} !== ${v(c.value)}`;
    case 'lessThan':
      return `${fact} < ${v(c.value)}`;
    case 'lessThanInclusive':
      return `${fact} <= ${v(c.value)}`;
    case 'greaterThan':
      return `${fact} > ${v(c.value)}`;
    case 'greaterThanInclusive':
      return `${fact} >= ${v(c.value)}`;
    case 'between':
      return `(${fact} >= ${v(c.value[0])} && ${fact} <= ${v(c.value[1])})`;
    case 'in':
      return `(${c.value.map((x) => `${fact} === ${v(x)}`).join(' || ')})`;
    case 'notIn':
      return `(${c.value.map((x) => `${fact} !== ${v(x)}`).join(' && ')})`;
    default:
      throw new Error(`no hand-written form for ${c.operator}`);
  }
}

/**
 * The rule set as a programmer would write it by hand: one plain `if` per rule, in winning order,
 * collecting the names of the rules that fire. Written out as a module, since nobody types 500 rules.
 */
export function handWrittenSource(doc) {
  const order = doc.rules
    .map((rule, index) => ({ rule, index }))
    .sort((a, b) => b.rule.priority - a.rule.priority || a.index - b.index);
  const lines = order.map(
    ({ rule }) => `  if (${expression(rule.conditions)}) fired.push(${JSON.stringify(rule.name)});`,
  );
  return `// Generated by bench/workload.mjs from ${doc.name}: the hand-written baseline.\nexport function decide(f) {\n  const fired = [];\n${lines.join('\n')}\n  return fired;\n}\n`;
}
