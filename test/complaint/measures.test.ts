import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  affectedUnits,
  complaintsWithin,
  daysLate,
  daysSinceLastOrder,
  itemsAffected,
  measuresOf,
  tenureMonths,
} from '../../src/complaint/measures';
import { parseComplaint } from '../../src/index';
import { complaintArbitrary } from '../../src/testing/index';
import { complaint } from '../complaint-builder';
import { fcParams } from '../seed';

// The scores and facts read a complaint's measures once, from `measuresOf`: the same figures as the
// functions each one of them is defined by.
const oneByOne = (c: Parameters<typeof measuresOf>[0]) => ({
  daysLate: daysLate(c),
  itemsAffected: itemsAffected(c),
  complaints90d: complaintsWithin(c, 90),
  tenureMonths: tenureMonths(c),
  daysSinceLastOrder: daysSinceLastOrder(c),
});

describe('measuresOf', () => {
  it('gives what each measure gives on its own, on generated complaints', () => {
    fc.assert(
      fc.property(complaintArbitrary(), (input) => {
        const c = parseComplaint(input);
        expect(measuresOf(c)).toEqual(oneByOne(c));
      }),
      fcParams(500),
    );
  });

  it('counts as many items affected as the affected units add up to, marked or not, on generated complaints', () => {
    fc.assert(
      fc.property(complaintArbitrary(), fc.boolean(), (input, marked) => {
        const order = input.order;
        // Marked lines (some of them, with 0 among the quantities) as well as lines without marks.
        if (marked && order?.items)
          input.order = {
            ...order,
            items: order.items.map((item, i) =>
              i % 2 ? item : { ...item, affectedQuantity: Math.min(i % 3, item.quantity) },
            ),
          };
        const c = parseComplaint(input);
        expect(itemsAffected(c)).toBe(affectedUnits(c).reduce((n, u) => n + u.quantity, 0));
      }),
      fcParams(500),
    );
  });

  it('counts prior complaints 90 days back, at both ends of the window', () => {
    const c = parseComplaint(
      complaint({
        receivedAt: '2026-03-10T09:30:00Z',
        customer: {
          id: 'u-1',
          since: '2024-01-01',
          lastOrderAt: '2026-02-28',
          priorComplaints: [
            { at: '2025-12-10', category: 'other' },
            { at: '2025-12-10T09:30:00Z', category: 'other' },
            { at: '2025-12-10T09:29:59Z', category: 'other' },
          ],
        },
      }),
    );
    expect(measuresOf(c)).toEqual({
      ...oneByOne(c),
      complaints90d: 2,
      daysSinceLastOrder: 10,
      tenureMonths: 26,
    });
  });
});
