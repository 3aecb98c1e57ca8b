import type { PathSegment } from '../../src/errors';

/** Plain JSON, as the corpus builds it. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * A valid complaint that has every object the schema knows (order, line item, subscription, customer,
 * prior complaint, attributes, exposure), so that a case can put something hostile at every level.
 */
export function validComplaint(): { [key: string]: Json } {
  return {
    id: 'c-corpus',
    receivedAt: '2026-03-10T09:30:00+01:00',
    channel: 'social',
    category: 'wrong_item',
    summary: 'Ordered size 42, received size 38.',
    order: {
      id: 'o-1',
      total: 59.9,
      currency: 'EUR',
      placedAt: '2026-03-01',
      promisedAt: '2026-03-05',
      deliveredAt: '2026-03-09T15:00:00Z',
      items: [{ sku: 'SHOE-42', quantity: 1, unitPrice: 59.9, name: 'Shoe' }],
    },
    subscription: { plan: 'Plus', monthlyPrice: 9.99, currency: 'EUR' },
    customer: {
      id: 'u-1',
      since: '2024-05-01',
      lifetimeSpend: 300,
      orderCount: 4,
      lastOrderAt: '2026-03-01',
      priorComplaints: [{ at: '2026-01-10', category: 'late_delivery' }],
      name: 'Ayşe Yılmaz',
      email: 'ayse@example.com',
      locale: 'tr',
      region: 'TR-34',
      attributes: { segment: 'retail', vip: false },
    },
    exposure: { public: true, platform: 'Instagram', reach: 5000, url: 'https://example.com/p/1' },
    tone: 'upset',
    legalThreat: false,
    owner: 'agent-7',
  };
}

/**
 * A valid rule set with every object the schema knows: scoring with nested weights, policy with its
 * nested caps and review settings, and a rule with all/any/not, a list, a range and a rationale object.
 */
export function validRuleSet(): { [key: string]: Json } {
  return {
    $schema: '../schema/ruleset.schema.json',
    name: 'corpus',
    version: '1.0.0',
    scoring: {
      severity: { weights: { category: { wrong_item: 25 }, perDayLate: 2 }, bands: { critical: 80 } },
      value: { weights: { perOrder: 1 }, tiers: { platinum: 80 } },
    },
    policy: {
      hit: 'collect',
      maxCostShareOfOrder: 1.5,
      maxCostByTier: { standard: 60, silver: 80, gold: 120, platinum: 200 },
      autoApproveMaxCost: 40,
      shippingCost: { standard: 5, express: 15 },
      humanReview: { legalThreat: true, tones: ['abusive'], severityBands: ['critical'], valueTiers: [] },
    },
    rules: [
      {
        name: 'wrong-item',
        priority: 80,
        conditions: {
          all: [
            { fact: 'category', operator: 'equal', value: 'wrong_item' },
            {
              any: [
                { fact: 'channel', operator: 'in', value: ['email', 'social'] },
                { not: { fact: 'orderTotal', operator: 'between', value: [0, 10] } },
              ],
            },
          ],
        },
        remedies: [
          { type: 'resend', shipping: 'express' },
          { type: 'gift', shareOfOrder: 0.1, max: 25 },
        ],
        rationale: { en: 'We send {orderId} again.' },
      },
      {
        name: 'late',
        priority: 60,
        conditions: { all: [{ fact: 'daysLate', operator: 'greaterThanInclusive', value: 3 }] },
        remedies: [{ type: 'coupon', percent: 10, maxDiscount: 25, validDays: 60 }],
        rationale: 'late-moderate',
      },
    ],
  };
}

/** Every path at which `value` holds a plain object (the root is `[]`). */
export function objectPaths(value: Json, path: PathSegment[] = []): PathSegment[][] {
  if (Array.isArray(value)) return value.flatMap((v, i) => objectPaths(v, [...path, i]));
  if (value === null || typeof value !== 'object') return [];
  return [path, ...Object.entries(value).flatMap(([k, v]) => objectPaths(v, [...path, k]))];
}

/** Every path at which `value` holds a string. */
export function stringPaths(value: Json, path: PathSegment[] = []): PathSegment[][] {
  if (typeof value === 'string') return [path];
  if (Array.isArray(value)) return value.flatMap((v, i) => stringPaths(v, [...path, i]));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) => stringPaths(v, [...path, k]));
}

/** The container at `path`. */
export function at(root: unknown, path: readonly PathSegment[]): Record<string | number, unknown> {
  let node = root as Record<string | number, unknown>;
  for (const segment of path) node = node[segment] as Record<string | number, unknown>;
  return node;
}

/** A deep copy of `root` with `value` at `path` (as an own property, even for `__proto__`). */
export function withValue(root: Json, path: readonly PathSegment[], value: unknown): Json {
  const copy = structuredClone(root);
  const parent = at(copy, path.slice(0, -1));
  Object.defineProperty(parent, path.at(-1) as PathSegment, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
  return copy;
}
