import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseComplaint } from '../../src/complaint/parse';
import type { IncidentGroupBy } from '../../src/incidents/options';
import { EntryReader, problemsOf, surelyValidAt } from '../../src/incidents/reader';
import { instantMs } from '../../src/time/parse-instant';
import { timestampMs } from '../../src/time/timestamp';
import { complaint, subscriptionComplaint } from '../complaint-builder';
import { fcParams } from '../seed';

const GROUPINGS: IncidentGroupBy[] = ['cause', 'category', () => 'all'];

/**
 * Values on both sides of every rule the schema has for the fields detection reads; each field is
 * valid four times in five, so that many complaints reach every check of the fast path.
 */
const usually = <T, U>(valid: fc.Arbitrary<T>, other: fc.Arbitrary<U>) =>
  fc.oneof({ weight: 4, arbitrary: valid }, { weight: 1, arbitrary: other });

const ids = usually(
  fc.constantFrom('a', 'SHOE-42', ' a ', '\u00a0a', 'x'.repeat(128)),
  fc.constantFrom('', ' ', '\u00a0', 'x'.repeat(129), 5, null),
);
const times = usually(
  fc.constantFrom(
    '2026-03-10T10:00:00Z',
    '2026-03-10T10:00:00.250+03:30',
    '2026-03-10T10:00:00.5-23:59',
    '2028-02-29T10:00:00Z',
    '1900-01-01T00:00:00Z',
    '2199-12-31T23:59:59.999Z',
  ),
  fc.constantFrom(
    '2026-03-10T10:00Z',
    '2026-03-10T10:00:00+0330',
    '2026-03-10T10:00:00+03',
    '2026-03-10T10:00:00',
    '2026-03-10T10:00:00.Z',
    '2026-03-10t10:00:00z',
    '2026-02-29T10:00:00Z',
    '2026-03-10T24:00:00Z',
    '2026-03-10T10:00:00+24:00',
    '1899-12-31T23:59:59Z',
    '2200-01-01T00:00:00Z',
    '2026-03-10T10:00:00.123456789012345678901234567Z',
    20260310,
  ),
);
const categories = usually(
  fc.constantFrom('wrong_item', 'service_outage'),
  fc.constantFrom('broken', '', undefined),
);
const counts = usually(
  fc.constantFrom(0, 1, 2, 100_000),
  fc.constantFrom(1.5, 100_001, -1, Number.NaN, Number.POSITIVE_INFINITY, '1'),
);
const money = usually(
  fc.constantFrom(0, -0, 19.99, 1e12),
  fc.constantFrom(-1, 1e12 + 1, Number.NaN, Number.POSITIVE_INFINITY, '5'),
);
const line = fc.record(
  {
    sku: ids,
    quantity: counts,
    unitPrice: money,
    affectedQuantity: counts,
    name: fc.constant('Shoe'),
    family: ids,
  },
  { requiredKeys: ['sku', 'quantity', 'unitPrice'] },
);
const order = usually(
  fc.record(
    { items: usually(fc.array(line, { maxLength: 3 }), fc.constant('x')), carrier: ids },
    { requiredKeys: [] },
  ),
  fc.constantFrom(null, [], 'order'),
);
const exposure = usually(
  fc.record({ public: fc.constantFrom(true, false) }),
  fc.constantFrom({ public: 'yes' }, {}, null, [], 1),
);
const subscription = usually(
  fc.record({ plan: ids, service: ids }, { requiredKeys: ['plan'] }),
  fc.constantFrom({}, null, 'Plus'),
);
const complaints = fc.record(
  {
    id: ids,
    receivedAt: times,
    category: categories,
    order,
    exposure,
    subscription,
    channel: fc.constant('x'),
  },
  { requiredKeys: ['id', 'receivedAt', 'category'] },
);

describe('reading complaints for detection', () => {
  it('lets through on the fast path only complaints the schema takes, at the instant they were received', () => {
    let fast = 0;
    fc.assert(
      fc.property(complaints, fc.constantFrom(...GROUPINGS), (value, groupBy) => {
        const at = surelyValidAt(value, groupBy);
        if (Number.isNaN(at)) return;
        fast++;
        expect(problemsOf(value, 0, groupBy)).toEqual([]);
        expect(at).toBe(timestampMs(value.receivedAt as string));
      }),
      fcParams(3000),
    );
    // Not a vacuous property: a good share of the complaints tried took the fast path.
    expect(fast).toBeGreaterThan(300);
  });

  it('takes the usual complaint on the fast path', () => {
    for (const c of [parseComplaint(complaint()), parseComplaint(subscriptionComplaint())]) {
      expect(surelyValidAt(c, 'cause')).toBe(instantMs(c.receivedAt));
    }
  });

  it('reads what the fast path leaves to the schema when the schema takes it', () => {
    const receivedAt = '2026-03-10T10:00:00.123456789012345678901234567Z';
    const value = { ...complaint(), receivedAt };
    expect(Number.isNaN(surelyValidAt(value, 'cause'))).toBe(true);
    expect(new EntryReader('cause').read(value, 0)).toMatchObject({
      time: Date.parse('2026-03-10T10:00:00.123Z'),
    });
  });

  it('refuses what parseComplaint refuses, with its codes, under the complaint’s position', () => {
    const problems = problemsOf(
      {
        id: ' ',
        receivedAt: '1850-01-01T00:00:00Z',
        category: 'wrong_item',
        order: { items: [{ sku: 'A', quantity: 0, unitPrice: 5 }] },
        subscription: { plan: 7 },
      },
      3,
      'cause',
    );
    expect(problems.map((p) => [p.pointer, p.code])).toEqual([
      ['/3/id', 'too_small'],
      ['/3/receivedAt', 'date_out_of_range'],
      ['/3/order/items/0/quantity', 'too_small'],
      ['/3/subscription/plan', 'invalid_type'],
    ]);
    expect(problemsOf('not a complaint', 4, 'cause').map((p) => [p.pointer, p.code])).toEqual([
      ['/4', 'invalid_type'],
    ]);
  });
});
