import * as fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parseComplaint } from '../../src/complaint/parse';
import { CATEGORIES, CHANNELS, type ComplaintInput, TONES } from '../../src/complaint/schema';
import { RedressError } from '../../src/errors';
import { COMPLAINT_SHAPES, complaintArbitrary } from '../../src/testing/complaint-arbitrary';
import { toMs } from '../../src/testing/instants';
import { expectAtLeast, expectAtMost, expectIs } from '../cheap-expect';
import { thrown } from '../helpers';
import { fcParams, seed } from '../seed';

const shapeOf = (c: ComplaintInput) =>
  c.order && c.subscription ? 'order+subscription' : c.order ? 'order' : 'subscription';

describe(`complaintArbitrary (seed ${seed})`, () => {
  test('every generated complaint is valid', () => {
    fc.assert(
      fc.property(complaintArbitrary(), (c) => {
        parseComplaint(c);
      }),
      fcParams(500),
    );
  });

  test('dates are consistent: customer before prior complaints, order before promise and delivery, nothing after receipt', () => {
    fc.assert(
      fc.property(complaintArbitrary(), (c) => {
        const received = toMs(c.receivedAt);
        const since = toMs(c.customer.since);
        expectAtMost(since, received);
        for (const p of c.customer.priorComplaints ?? []) {
          expectAtLeast(toMs(p.at), since);
          expectAtMost(toMs(p.at), received);
        }
        if (c.customer.lastOrderAt) expectAtMost(toMs(c.customer.lastOrderAt), received);
        const o = c.order;
        if (o) {
          const placed = toMs(o.placedAt);
          expectAtMost(placed, received);
          if (o.promisedAt) expectAtLeast(toMs(o.promisedAt), placed);
          if (o.deliveredAt) {
            expectAtLeast(toMs(o.deliveredAt), placed);
            expectAtMost(toMs(o.deliveredAt), received);
          }
        }
      }),
      fcParams(300),
    );
  });

  test('covers every category, channel, tone, shape, exposure and marking of affected items', () => {
    const sample = fc.sample(complaintArbitrary(), { seed, numRuns: 2_000 });
    expect(new Set(sample.map((c) => c.category))).toEqual(new Set(CATEGORIES));
    expect(new Set(sample.map((c) => c.channel))).toEqual(new Set(CHANNELS));
    expect(new Set(sample.map((c) => c.tone))).toEqual(new Set(TONES));
    expect(new Set(sample.map(shapeOf))).toEqual(new Set(COMPLAINT_SHAPES));
    const exposure = (c: ComplaintInput) =>
      c.exposure === undefined ? 'none' : c.exposure.public ? 'public' : 'private';
    expect(new Set(sample.map(exposure))).toEqual(new Set(['none', 'public', 'private']));
    expect(sample.some((c) => c.legalThreat)).toBe(true);
    expect(sample.some((c) => (c.customer.priorComplaints ?? []).length > 0)).toBe(true);
    expect(sample.some((c) => c.order?.items?.some((i) => i.affectedQuantity !== undefined))).toBe(true);
    expect(sample.some((c) => c.order?.overcharge !== undefined)).toBe(true);
    expect(sample.some((c) => c.order?.promisedAt === undefined && c.order !== undefined)).toBe(true);
    expect(sample.some((c) => c.order?.deliveredAt === undefined && c.order !== undefined)).toBe(true);
    expect(sample.some((c) => c.receivedAt.endsWith('Z'))).toBe(true);
    expect(sample.some((c) => /[+-]\d\d:\d\d$/.test(c.receivedAt))).toBe(true);
    expect(sample.some((c) => c.customer.since.length === 10)).toBe(true);
  });

  test('the order total is the sum of its lines plus shipping, in the currency of the options', () => {
    fc.assert(
      fc.property(complaintArbitrary({ currency: 'JPY' }), (c) => {
        const parsed = parseComplaint(c);
        const currency = parsed.order?.currency ?? parsed.subscription?.currency;
        expect(currency).toBe('JPY');
        if (parsed.order) {
          const lines = parsed.order.items.reduce((s, i) => s + i.quantity * i.unitPrice, 0);
          expect([0, 5, 15]).toContain(parsed.order.total - lines);
        }
      }),
      fcParams(300),
    );
    // Three minor digits: KWD amounts must still fit.
    fc.assert(
      fc.property(complaintArbitrary({ currency: 'KWD' }), (c) => {
        parseComplaint(c);
      }),
      fcParams(300),
    );
  });

  test('options narrow what is generated', () => {
    const sample = fc.sample(
      complaintArbitrary({
        categories: ['late_delivery'],
        channels: ['social'],
        tones: ['calm', 'upset'],
        shapes: ['subscription'],
        maxMonthlyPrice: 10,
        receivedFrom: '2026-01-01T00:00:00Z',
        receivedTo: '2026-01-31T23:59:59Z',
      }),
      fcParams(300),
    );
    for (const c of sample) {
      expectIs(c.category, 'late_delivery');
      expectIs(c.channel, 'social');
      expect(['calm', 'upset']).toContain(c.tone);
      expect(c.order).toBeUndefined();
      expect(c.subscription?.monthlyPrice).toBeLessThanOrEqual(10);
      expectAtLeast(toMs(c.receivedAt), Date.parse('2026-01-01T00:00:00Z'));
      expectAtMost(toMs(c.receivedAt), Date.parse('2026-01-31T23:59:59Z'));
    }
  });

  test("bad options are refused with INVALID_OPTIONS, the option's path and a message that gives the fix", () => {
    const refused = (options: Parameters<typeof complaintArbitrary>[0]) => {
      const error = thrown(() => complaintArbitrary(options));
      expect(error).toBeInstanceOf(RedressError);
      const { code, path, message } = error as RedressError;
      return [code, path, message.replace(/^INVALID_OPTIONS: /, '')];
    };
    expect(refused({ categories: [] })).toEqual([
      'INVALID_OPTIONS',
      ['categories'],
      'categories: must not be empty in complaintArbitrary; leave it out to draw from all of them',
    ]);
    // @ts-expect-error an unknown category, as plain JavaScript could pass it
    expect(refused({ categories: ['wrong_item', 'lost_parcel'] })).toEqual([
      'INVALID_OPTIONS',
      ['categories', 1],
      expect.stringMatching(
        /^categories\[1\]: complaintArbitrary knows no "lost_parcel"; use some of wrong_item, /,
      ),
    ]);
    expect(refused({ currency: 'XYZ' })).toEqual([
      'INVALID_OPTIONS',
      ['currency'],
      'currency: unknown currency "XYZ"; use an ISO 4217 code such as EUR',
    ]);
    expect(refused({ maxUnitPrice: -1 })).toEqual([
      'INVALID_OPTIONS',
      ['maxUnitPrice'],
      'maxUnitPrice: must be a number from 0 to 1000000 in complaintArbitrary, got -1',
    ]);
    expect(refused({ maxQuantity: 0.5 })).toEqual([
      'INVALID_OPTIONS',
      ['maxQuantity'],
      'maxQuantity: must be at least 1 in complaintArbitrary, got 0',
    ]);
    expect(refused({ receivedFrom: 'soon' })).toEqual([
      'INVALID_OPTIONS',
      ['receivedFrom'],
      'receivedFrom: "soon" is not an ISO 8601 date; write one like 2026-03-10T09:00:00Z',
    ]);
    expect(refused({ receivedFrom: '2027-01-01T00:00:00Z', receivedTo: '2026-01-01T00:00:00Z' })).toEqual([
      'INVALID_OPTIONS',
      ['receivedFrom'],
      'receivedFrom: is after receivedTo (2026-01-01T00:00:00Z); give a receivedFrom before it, or a later receivedTo',
    ]);
  });

  test('the same seed generates the same complaints', () => {
    const a = fc.sample(complaintArbitrary(), { seed, numRuns: 20 });
    const b = fc.sample(complaintArbitrary(), { seed, numRuns: 20 });
    expect(a).toEqual(b);
  });
});
