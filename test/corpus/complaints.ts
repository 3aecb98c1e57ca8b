import type { PathSegment } from '../../src/errors';
import { type Json, objectPaths, stringPaths, validComplaint, withValue } from './base';
import { type Case, RCE_PAYLOADS, REDOS_PAYLOADS, textWithDuplicate, textWithRaw } from './cases';

const base = validComplaint;
const text = (value: unknown) => JSON.stringify(value);
const FORBIDDEN = ['__proto__', 'constructor', 'prototype'] as const;
const MB10 = 10 * 1024 * 1024;

/** Nested objects `{ a: { a: … } }`, built without recursion. */
function nested(depth: number): Json {
  let value: Json = {};
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
}

function pathOfDepth(key: PathSegment, depth: number): PathSegment[] {
  return Array.from({ length: depth }, () => key);
}

/** The complaint corpus: every hostile shape the issue names, with the exact error it must get. */
export const complaintCases: Case[] = [
  // --- Not JSON, duplicate keys ---
  {
    name: 'text that is not JSON',
    input: () => '{"id": "c-1",',
    code: 'INVALID_JSON',
    issue: 'invalid_json',
    path: [],
  },
  {
    name: 'a duplicate top-level key (the second id would silently win)',
    input: () => textWithDuplicate(base(), ['id'], '"c-other"'),
    code: 'INVALID_JSON',
    issue: 'duplicate_key',
    path: ['id'],
  },
  {
    name: 'a duplicate key deep inside (order.items[0].unitPrice)',
    input: () => textWithDuplicate(base(), ['order', 'items', 0, 'unitPrice'], '0.01'),
    code: 'INVALID_JSON',
    issue: 'duplicate_key',
    path: ['order', 'items', 0, 'unitPrice'],
  },
  {
    name: 'a duplicate key spelled with an escape ("t\\u006fne" is "tone")',
    input: () => textWithRaw(base(), ['tone'], '"upset", "t\\u006fne": "calm"'),
    code: 'INVALID_JSON',
    issue: 'duplicate_key',
    path: ['tone'],
  },
  {
    name: 'a duplicate "__proto__" key: the refusal of the key comes first',
    input: () => text(base()).replace('"order":{', '"order":{"__proto__":{},"__proto__":{},'),
    code: 'INVALID_COMPLAINT',
    issue: 'forbidden_key',
    path: ['order', '__proto__'],
  },
  {
    name: 'a duplicate key in an input that is also over a limit: the limit comes first',
    input: () => textWithDuplicate(withValue(base(), ['summary'], 'x'.repeat(70_000)), ['id'], '"c-2"'),
    code: 'LIMIT_EXCEEDED',
    issue: 'string_too_long',
    path: ['summary'],
  },

  // --- Prototype keys at every level, as JSON text and as objects ---
  ...objectPaths(base()).flatMap((path) =>
    FORBIDDEN.flatMap((key): Case[] => [
      {
        name: `"${key}" as a key at /${path.join('/')} (JSON text)`,
        input: () => text(withValue(base(), [...path, key], { polluted: true })),
        code: 'INVALID_COMPLAINT',
        issue: 'forbidden_key',
        path: [...path, key],
      },
      {
        name: `"${key}" as an own key at /${path.join('/')} (object)`,
        input: () => withValue(base(), [...path, key], { polluted: true }),
        code: 'INVALID_COMPLAINT',
        issue: 'forbidden_key',
        path: [...path, key],
      },
    ]),
  ),
  {
    name: 'an object whose prototype carries the fields',
    input: () => Object.assign(Object.create({ id: 'from-the-prototype' }), { ...base(), id: undefined }),
    code: 'INVALID_COMPLAINT',
    issue: 'not_json',
    path: [],
  },
  {
    name: 'an object literal with a __proto__ setter (order inherits its total)',
    input: () => {
      const c = base();
      const { total: _total, ...order } = c.order as Record<string, Json>;
      return { ...c, order: { __proto__: { total: 1 }, ...order } };
    },
    code: 'INVALID_COMPLAINT',
    issue: 'not_json',
    path: ['order'],
  },

  // --- Numbers that JSON cannot carry, or carries ambiguously ---
  {
    name: 'NaN (object)',
    input: () => withValue(base(), ['order', 'total'], Number.NaN),
    code: 'INVALID_COMPLAINT',
    issue: 'non_finite_number',
    path: ['order', 'total'],
  },
  {
    name: 'Infinity (object)',
    input: () => withValue(base(), ['customer', 'lifetimeSpend'], Number.POSITIVE_INFINITY),
    code: 'INVALID_COMPLAINT',
    issue: 'non_finite_number',
    path: ['customer', 'lifetimeSpend'],
  },
  {
    name: '-Infinity (object)',
    input: () => withValue(base(), ['exposure', 'reach'], Number.NEGATIVE_INFINITY),
    code: 'INVALID_COMPLAINT',
    issue: 'non_finite_number',
    path: ['exposure', 'reach'],
  },
  {
    name: '1e400 (JSON text; parses to Infinity)',
    input: () => textWithRaw(base(), ['order', 'items', 0, 'unitPrice'], '1e400'),
    code: 'INVALID_COMPLAINT',
    issue: 'non_finite_number',
    path: ['order', 'items', 0, 'unitPrice'],
  },
  {
    name: '-1e400 (JSON text)',
    input: () => textWithRaw(base(), ['customer', 'orderCount'], '-1e400'),
    code: 'INVALID_COMPLAINT',
    issue: 'non_finite_number',
    path: ['customer', 'orderCount'],
  },
  {
    name: '-0 (JSON text)',
    input: () => textWithRaw(base(), ['exposure', 'reach'], '-0'),
    code: 'INVALID_COMPLAINT',
    issue: 'negative_zero',
    path: ['exposure', 'reach'],
  },
  {
    name: '-0.0 (JSON text)',
    input: () => textWithRaw(base(), ['order', 'total'], '-0.0'),
    code: 'INVALID_COMPLAINT',
    issue: 'negative_zero',
    path: ['order', 'total'],
  },
  {
    name: '-0 (object)',
    input: () => withValue(base(), ['customer', 'lifetimeSpend'], -0),
    code: 'INVALID_COMPLAINT',
    issue: 'negative_zero',
    path: ['customer', 'lifetimeSpend'],
  },
  {
    name: 'a number as a string (order.total "59.90")',
    input: () => withValue(base(), ['order', 'total'], '59.90'),
    code: 'INVALID_COMPLAINT',
    issue: 'invalid_type',
    path: ['order', 'total'],
  },
  {
    name: 'a quantity as a string',
    input: () => withValue(base(), ['order', 'items', 0, 'quantity'], '1'),
    code: 'INVALID_COMPLAINT',
    issue: 'invalid_type',
    path: ['order', 'items', 0, 'quantity'],
  },
  {
    name: 'a boolean as a string (legalThreat "true")',
    input: () => withValue(base(), ['legalThreat'], 'true'),
    code: 'INVALID_COMPLAINT',
    issue: 'invalid_type',
    path: ['legalThreat'],
  },
  {
    name: 'a reach in exponent notation as a string',
    input: () => withValue(base(), ['exposure', 'reach'], '1e9'),
    code: 'INVALID_COMPLAINT',
    issue: 'invalid_type',
    path: ['exposure', 'reach'],
  },
  {
    name: 'a fractional quantity',
    input: () => withValue(base(), ['order', 'items', 0, 'quantity'], 1.5),
    code: 'INVALID_COMPLAINT',
    issue: 'invalid_type',
    path: ['order', 'items', 0, 'quantity'],
  },

  // --- Dates ---
  {
    name: 'an impossible date (2026-02-30)',
    input: () => withValue(base(), ['order', 'placedAt'], '2026-02-30'),
    code: 'INVALID_COMPLAINT',
    issue: 'invalid_union',
    path: ['order', 'placedAt'],
  },
  {
    name: 'an impossible date-time (29 February of a common year)',
    input: () => withValue(base(), ['receivedAt'], '2026-02-29T10:00:00Z'),
    code: 'INVALID_COMPLAINT',
    issue: 'invalid_format',
    path: ['receivedAt'],
  },
  {
    name: 'a month 13',
    input: () => withValue(base(), ['customer', 'since'], '2024-13-01'),
    code: 'INVALID_COMPLAINT',
    issue: 'invalid_union',
    path: ['customer', 'since'],
  },
  {
    name: 'a date-time without a time zone where the clock needs one (receivedAt)',
    input: () => withValue(base(), ['receivedAt'], '2026-03-10T09:30:00'),
    code: 'INVALID_COMPLAINT',
    issue: 'invalid_format',
    path: ['receivedAt'],
  },
  {
    name: 'a date-time without a time zone (deliveredAt)',
    input: () => withValue(base(), ['order', 'deliveredAt'], '2026-03-05T15:00:00'),
    code: 'INVALID_COMPLAINT',
    issue: 'invalid_union',
    path: ['order', 'deliveredAt'],
  },
  {
    name: 'a bare date where a date-time is needed (receivedAt)',
    input: () => withValue(base(), ['receivedAt'], '2026-03-10'),
    code: 'INVALID_COMPLAINT',
    issue: 'invalid_format',
    path: ['receivedAt'],
  },
  {
    name: 'a date as a number (epoch milliseconds)',
    input: () => withValue(base(), ['receivedAt'], 1_773_000_000_000),
    code: 'INVALID_COMPLAINT',
    issue: 'invalid_type',
    path: ['receivedAt'],
  },
  {
    name: 'a Date object (not JSON)',
    input: () => withValue(base(), ['receivedAt'], new Date(0)),
    code: 'INVALID_COMPLAINT',
    issue: 'not_json',
    path: ['receivedAt'],
  },
  {
    name: 'a complaint received in the far future (9999)',
    input: () => withValue(base(), ['receivedAt'], '9999-12-31T23:59:59Z'),
    code: 'INVALID_COMPLAINT',
    issue: 'date_out_of_range',
    path: ['receivedAt'],
  },
  {
    name: 'a delivery promised in the far future (2300)',
    input: () => withValue(base(), ['order', 'promisedAt'], '2300-01-01'),
    code: 'INVALID_COMPLAINT',
    issue: 'date_out_of_range',
    path: ['order', 'promisedAt'],
  },
  {
    name: 'a customer since the year 1066',
    input: () => withValue(base(), ['customer', 'since'], '1066-10-14'),
    code: 'INVALID_COMPLAINT',
    issue: 'date_out_of_range',
    path: ['customer', 'since'],
  },
  {
    name: 'a delivery after the complaint was received',
    input: () => withValue(base(), ['order', 'deliveredAt'], '2026-03-11T00:00:00Z'),
    code: 'INVALID_COMPLAINT',
    issue: 'date_after_received',
    path: ['order', 'deliveredAt'],
  },
  {
    name: 'a customer who joined after complaining',
    input: () => withValue(base(), ['customer', 'since'], '2026-03-11'),
    code: 'INVALID_COMPLAINT',
    issue: 'date_after_received',
    path: ['customer', 'since'],
  },
  {
    name: 'a prior complaint before the customer existed',
    input: () => withValue(base(), ['customer', 'priorComplaints', 0, 'at'], '2020-01-01'),
    code: 'INVALID_COMPLAINT',
    issue: 'date_before_customer',
    path: ['customer', 'priorComplaints', 0, 'at'],
  },
  {
    name: 'a delivery before the order was placed',
    input: () => withValue(base(), ['order', 'deliveredAt'], '2026-02-01'),
    code: 'INVALID_COMPLAINT',
    issue: 'date_before_order',
    path: ['order', 'deliveredAt'],
  },

  // --- Money ---
  {
    name: 'a negative order total',
    input: () => withValue(base(), ['order', 'total'], -1),
    code: 'INVALID_COMPLAINT',
    issue: 'too_small',
    path: ['order', 'total'],
  },
  {
    name: 'a negative unit price',
    input: () => withValue(base(), ['order', 'items', 0, 'unitPrice'], -0.01),
    code: 'INVALID_COMPLAINT',
    issue: 'too_small',
    path: ['order', 'items', 0, 'unitPrice'],
  },
  {
    name: 'a negative subscription price',
    input: () => withValue(base(), ['subscription', 'monthlyPrice'], -9.99),
    code: 'INVALID_COMPLAINT',
    issue: 'too_small',
    path: ['subscription', 'monthlyPrice'],
  },
  {
    name: 'an amount above the money bound (10^12 minor units of its currency)',
    input: () => withValue(base(), ['customer', 'lifetimeSpend'], 1e12),
    code: 'INVALID_COMPLAINT',
    issue: 'above_max_money',
    path: ['customer', 'lifetimeSpend'],
  },
  {
    name: 'an unknown currency code (XYZ)',
    input: () => withValue(base(), ['order', 'currency'], 'XYZ'),
    code: 'INVALID_COMPLAINT',
    issue: 'unknown_currency',
    path: ['order', 'currency'],
  },
  {
    name: 'a currency code in lower case',
    input: () => withValue(base(), ['subscription', 'currency'], 'eur'),
    code: 'INVALID_COMPLAINT',
    issue: 'invalid_format',
    path: ['subscription', 'currency'],
  },
  {
    name: 'a currency symbol instead of a code',
    input: () => withValue(base(), ['order', 'currency'], '€'),
    code: 'INVALID_COMPLAINT',
    issue: 'invalid_format',
    path: ['order', 'currency'],
  },
  {
    name: 'more decimals than the currency has',
    input: () => withValue(base(), ['order', 'total'], 59.901),
    code: 'INVALID_COMPLAINT',
    issue: 'money_precision',
    path: ['order', 'total'],
  },

  // --- Strings ---
  {
    name: 'a lone high surrogate in the summary',
    input: () => withValue(base(), ['summary'], 'broken \uD83D text'),
    code: 'INVALID_COMPLAINT',
    issue: 'lone_surrogate',
    path: ['summary'],
  },
  {
    name: 'a lone low surrogate in a name',
    input: () => withValue(base(), ['customer', 'name'], '\uDE00Ayşe'),
    code: 'INVALID_COMPLAINT',
    issue: 'lone_surrogate',
    path: ['customer', 'name'],
  },
  {
    name: 'a lone surrogate written as a JSON escape',
    input: () => textWithRaw(base(), ['order', 'items', 0, 'sku'], '"SKU-\\ud800"'),
    code: 'INVALID_COMPLAINT',
    issue: 'lone_surrogate',
    path: ['order', 'items', 0, 'sku'],
  },
  {
    name: 'a lone surrogate in a key',
    input: () => withValue(base(), ['customer', 'attributes', 'k\uDC00'], 1),
    code: 'INVALID_COMPLAINT',
    issue: 'lone_surrogate',
    path: ['customer', 'attributes', 'k\uDC00'],
  },
  {
    name: 'a well-formed emoji (a surrogate pair) is fine',
    input: () => withValue(base(), ['summary'], 'The parcel was soaked 😡'),
    code: 'OK',
  },
  {
    name: 'a 10 MB summary (object): refused by length alone',
    input: () => withValue(base(), ['summary'], 'x'.repeat(MB10)),
    code: 'LIMIT_EXCEEDED',
    issue: 'string_too_long',
    path: ['summary'],
  },
  {
    name: 'a 10 MB summary (JSON text): refused by size before parsing',
    input: () => text(withValue(base(), ['summary'], 'x'.repeat(MB10))),
    code: 'LIMIT_EXCEEDED',
    issue: 'complaint_too_large',
    path: [],
  },
  {
    name: 'a 10 MB key',
    input: () => withValue(base(), ['customer', 'attributes', 'k'.repeat(MB10)], 1),
    code: 'LIMIT_EXCEEDED',
    issue: 'string_too_long',
    path: ['customer', 'attributes'],
  },
  {
    name: 'a summary just over its field bound (a schema bound, not a limit)',
    input: () => withValue(base(), ['summary'], 'x'.repeat(10_001)),
    code: 'INVALID_COMPLAINT',
    issue: 'too_big',
    path: ['summary'],
  },
  {
    name: 'a string just over limits.maxStringLength, where no field bound applies (an attribute key)',
    input: () => withValue(base(), ['customer', 'attributes', 'k'.repeat(65_537)], 1),
    code: 'LIMIT_EXCEEDED',
    issue: 'string_too_long',
    path: ['customer', 'attributes'],
  },
  {
    name: 'a string just over a lowered limits.maxStringLength',
    input: () => base(),
    limits: { maxStringLength: 20 },
    code: 'LIMIT_EXCEEDED',
    issue: 'string_too_long',
    path: ['receivedAt'],
  },
  {
    name: 'an id over its field bound',
    input: () => withValue(base(), ['id'], 'x'.repeat(129)),
    code: 'INVALID_COMPLAINT',
    issue: 'too_big',
    path: ['id'],
  },

  // --- Arrays, nesting, size ---
  {
    name: '100,000 prior complaints (object)',
    input: () =>
      withValue(
        base(),
        ['customer', 'priorComplaints'],
        Array.from({ length: 100_000 }, () => ({ at: '2026-01-10', category: 'other' })),
      ),
    code: 'LIMIT_EXCEEDED',
    issue: 'array_too_long',
    path: ['customer', 'priorComplaints'],
  },
  {
    name: '100,000 line items (JSON text, 5 MB)',
    input: () =>
      text(
        withValue(
          base(),
          ['order', 'items'],
          Array.from({ length: 100_000 }, () => ({ sku: 'S', quantity: 1, unitPrice: 1 })),
        ),
      ),
    code: 'LIMIT_EXCEEDED',
    issue: 'complaint_too_large',
    path: [],
  },
  {
    name: '100,000 line items within the size limit (JSON text, raised size limit)',
    input: () =>
      text(
        withValue(
          base(),
          ['order', 'items'],
          Array.from({ length: 100_000 }, () => ({ sku: 'S', quantity: 1, unitPrice: 1 })),
        ),
      ),
    limits: { maxComplaintBytes: 8_000_000 },
    code: 'LIMIT_EXCEEDED',
    issue: 'array_too_long',
    path: ['order', 'items'],
  },
  {
    name: '600 line items: within the limits, over the schema bound for an order',
    input: () =>
      withValue(
        base(),
        ['order', 'items'],
        Array.from({ length: 600 }, () => ({ sku: 'S', quantity: 1, unitPrice: 0.1 })),
      ),
    code: 'INVALID_COMPLAINT',
    issue: 'too_big',
    path: ['order', 'items'],
  },
  {
    name: '100,000 levels of nested objects (object)',
    input: () => withValue(base(), ['customer', 'attributes', 'deep'], nested(100_000)),
    code: 'LIMIT_EXCEEDED',
    issue: 'nesting_too_deep',
    // The complaint is level 1, customer 2, attributes 3, deep 4: level 65 is the 61st `a`.
    path: ['customer', 'attributes', 'deep', ...pathOfDepth('a', 61)],
  },
  {
    name: '100,000 levels of nested arrays (JSON text)',
    input: () => `${'['.repeat(100_000)}${']'.repeat(100_000)}`,
    code: 'LIMIT_EXCEEDED',
    issue: 'nesting_too_deep',
    path: pathOfDepth(0, 64),
  },
  {
    name: 'a cycle',
    input: () => {
      const c = base() as Record<string, unknown>;
      (c.customer as Record<string, unknown>).attributes = c;
      return c;
    },
    code: 'LIMIT_EXCEEDED',
    issue: 'nesting_too_deep',
    // Levels: the complaint 1, customer 2, attributes (the complaint again) 3, …; the walk goes depth first
    // in document order, so the first container at level 65 is the `items` of the copy at level 63.
    path: [...Array.from({ length: 31 }, () => ['customer', 'attributes']).flat(), 'order', 'items'],
  },
  {
    name: 'shared references that would serialise to 2^40 nodes',
    input: () => {
      let value: Json = 'x';
      for (let i = 0; i < 40; i++) value = { l: value, r: value };
      return withValue(base(), ['customer', 'attributes', 'dag'], value);
    },
    code: 'LIMIT_EXCEEDED',
    issue: 'complaint_too_large',
    path: [],
  },
  {
    name: 'a complaint over a lowered size limit (object)',
    input: () => base(),
    limits: { maxComplaintBytes: 256 },
    code: 'LIMIT_EXCEEDED',
    issue: 'complaint_too_large',
    path: [],
  },

  // --- Not JSON at all ---
  {
    name: 'a function',
    input: () => withValue(base(), ['summary'], () => 'x'),
    code: 'INVALID_COMPLAINT',
    issue: 'not_json',
    path: ['summary'],
  },
  {
    name: 'a bigint',
    input: () => withValue(base(), ['order', 'total'], 10n),
    code: 'INVALID_COMPLAINT',
    issue: 'not_json',
    path: ['order', 'total'],
  },
  {
    name: 'a symbol',
    input: () => withValue(base(), ['tone'], Symbol('calm')),
    code: 'INVALID_COMPLAINT',
    issue: 'not_json',
    path: ['tone'],
  },
  {
    name: 'a Map',
    input: () => withValue(base(), ['customer', 'attributes'], new Map([['a', 1]])),
    code: 'INVALID_COMPLAINT',
    issue: 'not_json',
    path: ['customer', 'attributes'],
  },
  {
    name: 'a getter that throws',
    input: () => {
      const c = base();
      Object.defineProperty(c, 'summary', {
        enumerable: true,
        get() {
          throw new Error('boom');
        },
      });
      return c;
    },
    code: 'INVALID_COMPLAINT',
    issue: 'unreadable',
    path: [],
  },
  {
    name: 'a proxy that throws',
    input: () =>
      new Proxy(base(), {
        ownKeys() {
          throw new Error('trap');
        },
      }),
    code: 'INVALID_COMPLAINT',
    issue: 'unreadable',
    path: [],
  },
  { name: 'null', input: () => null, code: 'INVALID_COMPLAINT', issue: 'invalid_type', path: [] },
  { name: 'an array', input: () => [base()], code: 'INVALID_COMPLAINT', issue: 'invalid_type', path: [] },
  {
    name: 'JSON text of a string',
    input: () => '"a complaint"',
    code: 'INVALID_COMPLAINT',
    issue: 'invalid_type',
    path: [],
  },
  {
    name: 'an unknown field (isAdmin)',
    input: () => ({ ...base(), isAdmin: true }),
    code: 'INVALID_COMPLAINT',
    issue: 'unrecognized_keys',
    path: [],
  },
];

/** Which string fields take free text, and how much: the rest are formats, enums or dates. */
function stringExpectation(
  path: readonly PathSegment[],
  payload: string,
): Case['code'] | [string, 'INVALID_COMPLAINT'] {
  const p = path.filter((s) => typeof s === 'string').join('.');
  const len = payload.length;
  const bounded = (max: number, code = 'too_big') =>
    len <= max ? 'OK' : ([code, 'INVALID_COMPLAINT'] as [string, 'INVALID_COMPLAINT']);
  switch (p) {
    case 'id':
    case 'order.id':
    case 'order.items.sku':
    case 'subscription.plan':
    case 'customer.id':
    case 'owner': {
      const trimmed = payload.trim().length;
      return trimmed === 0
        ? ['too_small', 'INVALID_COMPLAINT']
        : trimmed <= 128
          ? 'OK'
          : ['too_big', 'INVALID_COMPLAINT'];
    }
    case 'summary':
      return 'OK';
    case 'order.items.name':
    case 'customer.name':
    case 'customer.email':
    case 'customer.region':
    case 'exposure.platform':
      return bounded(320);
    case 'customer.attributes.segment':
      return bounded(320);
    case 'customer.locale':
      return bounded(35);
    case 'exposure.url':
      return bounded(2048);
    case 'order.currency':
    case 'subscription.currency':
    case 'receivedAt':
      return ['invalid_format', 'INVALID_COMPLAINT'];
    case 'order.placedAt':
    case 'order.promisedAt':
    case 'order.deliveredAt':
    case 'customer.since':
    case 'customer.lastOrderAt':
    case 'customer.priorComplaints.at':
      return ['invalid_union', 'INVALID_COMPLAINT'];
    case 'channel':
    case 'category':
    case 'tone':
    case 'customer.priorComplaints.category':
      return ['invalid_value', 'INVALID_COMPLAINT'];
    default:
      throw new Error(`no expectation for the string at ${p}`);
  }
}

/** Every RCE and ReDoS payload in every string of a complaint: inert data, or refused at that field. */
export const complaintPayloadCases: Case[] = stringPaths(base()).flatMap((path) =>
  [...RCE_PAYLOADS, ...REDOS_PAYLOADS].map((payload, n): Case => {
    const expected = stringExpectation(path, payload);
    const name = `payload ${n} at /${path.join('/')}`;
    const input = () => withValue(base(), path, payload);
    return expected === 'OK' || !Array.isArray(expected)
      ? { name, input, code: 'OK' }
      : { name, input, code: expected[1], issue: expected[0], path };
  }),
);
