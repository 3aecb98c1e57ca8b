import { describe, expect, it } from 'vitest';
import { parseComplaint, RedressError, safeParseComplaint } from '../../src/index';
import { baseComplaint, scenarios, thrown } from '../helpers';

function rejection(input: unknown): {
  code: string;
  path: readonly (string | number)[];
  issueCode: string | undefined;
} {
  const error = thrown(() => parseComplaint(input)) as RedressError;
  expect(error).toBeInstanceOf(RedressError);
  return { code: error.code, path: error.path, issueCode: error.issues[0]?.code };
}

describe('parseComplaint', () => {
  it('accepts every hand-written scenario', () => {
    for (const [id, c] of scenarios()) expect(parseComplaint(c).id).toBe(id);
  });

  it('fills in defaults for tone, legal threat and prior complaints, and leaves an unknown reach unknown', () => {
    const c = parseComplaint(baseComplaint({ exposure: { public: true } }));
    expect(c.tone).toBe('calm');
    expect(c.legalThreat).toBe(false);
    expect(c.customer.priorComplaints).toEqual([]);
    // Not 0: a post whose reach is not known counts as public at any publicReachThreshold.
    expect(c.exposure).toEqual({ public: true });
  });

  it('carries non-fact fields through unchanged', () => {
    const input = baseComplaint();
    input.customer = {
      ...input.customer,
      name: 'Ayşe',
      email: 'a@example.com',
      locale: 'tr',
      region: 'TR-34',
      attributes: { vip: true, segment: 'b2c' },
    };
    expect(parseComplaint(input).customer).toMatchObject({
      name: 'Ayşe',
      locale: 'tr',
      attributes: { vip: true, segment: 'b2c' },
    });
  });

  it('accepts a subscription without an order', () => {
    const { order: _, ...rest } = baseComplaint({
      category: 'service_outage',
      subscription: { plan: 'Plus', monthlyPrice: 9.99, currency: 'EUR' },
    });
    expect(parseComplaint(rest).order).toBeUndefined();
  });

  it.each([
    [
      'neither order nor subscription',
      () => {
        const { order: _, ...c } = baseComplaint();
        return c;
      },
      ['order'],
      'order_or_subscription_required',
    ],
    [
      'a date-time without an offset',
      () => baseComplaint({ receivedAt: '2026-03-10T09:00:00' }),
      ['receivedAt'],
      'invalid_format',
    ],
    [
      'an impossible date',
      () => ({ ...baseComplaint(), customer: { ...baseComplaint().customer, since: '2026-02-30' } }),
      ['customer', 'since'],
      'invalid_union',
    ],
    ['an unknown key', () => ({ ...baseComplaint(), priority: 'high' }), [], 'unrecognized_keys'],
    ['a wrong type', () => ({ ...baseComplaint(), legalThreat: 'yes' }), ['legalThreat'], 'invalid_type'],
    ['an unknown category', () => ({ ...baseComplaint(), category: 'lost' }), ['category'], 'invalid_value'],
    [
      'negative money',
      () => {
        const c = baseComplaint();
        c.order = { ...c.order!, total: -1 };
        return c;
      },
      ['order', 'total'],
      'too_small',
    ],
    [
      'an unknown currency',
      () => {
        const c = baseComplaint();
        c.order = { ...c.order!, currency: 'XYZ' };
        return c;
      },
      ['order', 'currency'],
      'unknown_currency',
    ],
    [
      'more decimals than the currency has',
      () => {
        const c = baseComplaint();
        c.order = { ...c.order!, total: 10.005 };
        return c;
      },
      ['order', 'total'],
      'money_precision',
    ],
    [
      'delivery before the order was placed',
      () => {
        const c = baseComplaint();
        c.order = { ...c.order!, deliveredAt: '2026-02-01' };
        return c;
      },
      ['order', 'deliveredAt'],
      'date_before_order',
    ],
    [
      'an order placed after the complaint',
      () => {
        const c = baseComplaint();
        c.order = { ...c.order!, placedAt: '2026-04-01', promisedAt: undefined, deliveredAt: undefined };
        return c;
      },
      ['order', 'placedAt'],
      'date_after_received',
    ],
    [
      'a prior complaint before the customer existed',
      () => {
        const c = baseComplaint();
        c.customer = { ...c.customer, priorComplaints: [{ at: '2020-01-01', category: 'other' }] };
        return c;
      },
      ['customer', 'priorComplaints', 0, 'at'],
      'date_before_customer',
    ],
    [
      'an overcharge above the order total',
      () => {
        const c = baseComplaint();
        c.order = { ...c.order!, overcharge: 500 };
        return c;
      },
      ['order', 'overcharge'],
      'overcharge_above_total',
    ],
    [
      'more affected units than ordered',
      () => {
        const c = baseComplaint();
        c.order = { ...c.order!, items: [{ sku: 'A', quantity: 1, unitPrice: 100, affectedQuantity: 2 }] };
        return c;
      },
      ['order', 'items', 0, 'affectedQuantity'],
      'affected_above_quantity',
    ],
    [
      'an order and subscription in different currencies',
      () => baseComplaint({ subscription: { plan: 'Plus', monthlyPrice: 10, currency: 'USD' } }),
      ['subscription', 'currency'],
      'currency_mismatch',
    ],
    [
      'a prototype key in attributes',
      () => {
        const c = baseComplaint();
        c.customer = { ...c.customer, attributes: JSON.parse('{"__proto__": "x"}') };
        return c;
      },
      ['customer', 'attributes', '__proto__'],
      'forbidden_key',
    ],
    [
      'a summary over the size limit',
      () => baseComplaint({ summary: 'x'.repeat(10_001) }),
      ['summary'],
      'too_big',
    ],
  ])('rejects %s with INVALID_COMPLAINT and the path of the field', (_name, make, path, issueCode) => {
    const result = rejection(make());
    expect(result.code).toBe('INVALID_COMPLAINT');
    expect(result.path).toEqual(path);
    expect(result.issueCode).toBe(issueCode);
  });

  // Issue 13, finding 10: the check had a tolerance of 1e-6 minor units, so these were accepted and
  // rounded. It now reads the number's shortest decimal form, the one JSON.stringify writes.
  it.each([
    ['a total a hair past the cent (59.9000000001)', { total: 59.9000000001 }, ['order', 'total']],
    [
      'a unit price of 1e-9',
      { items: [{ sku: 'S', quantity: 1, unitPrice: 1e-9 }] },
      ['order', 'items', 0, 'unitPrice'],
    ],
    ['0.1 + 0.2 as JavaScript adds it', { total: 0.1 + 0.2, items: [] }, ['order', 'total']],
    ['an overcharge of 0.001 in EUR', { overcharge: 0.001 }, ['order', 'overcharge']],
  ])('refuses %s with money_precision, exactly', (_name, order, path) => {
    const c = baseComplaint();
    c.order = { ...c.order!, ...order } as typeof c.order;
    const error = thrown(() => parseComplaint(c)) as RedressError;
    expect(error.code).toBe('INVALID_COMPLAINT');
    const issue = error.issues.find((i) => i.code === 'money_precision');
    expect(issue?.path).toEqual(path);
    expect(issue?.message).toContain('EUR allows 2');
    expect(issue?.message).toMatch(/round it/);
  });

  it.each([
    ['EUR', 59.9],
    ['EUR', 1e-2],
    ['EUR', 999_999_999.99],
    ['JPY', 1_000_000_000],
    ['KWD', 1.005],
    ['KWD', 0.001],
  ])('accepts %s %s: no more decimals than the currency has', (currency, amount) => {
    const c = baseComplaint();
    c.order = { ...c.order!, currency, total: amount, items: [] };
    expect(parseComplaint(c).order?.total).toBe(amount);
  });

  it('reports every problem at once, each with a JSON pointer', () => {
    const error = thrown(() =>
      parseComplaint({ ...baseComplaint(), channel: 'fax', tone: 'furious' }),
    ) as RedressError;
    expect(error.issues.map((i) => i.pointer)).toEqual(['/channel', '/tone']);
    expect(error.message).toContain('channel');
  });

  it('rejects input that is not an object', () => {
    expect(rejection('not a complaint').path).toEqual([]);
    expect(rejection(null).code).toBe('INVALID_COMPLAINT');
  });
});

describe('safeParseComplaint', () => {
  it('returns the complaint on success', () => {
    const result = safeParseComplaint(baseComplaint());
    expect(result.ok && result.value.id).toBe('c-test');
  });

  it('returns the error instead of throwing', () => {
    const result = safeParseComplaint({ id: 1 });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('INVALID_COMPLAINT');
  });
});
