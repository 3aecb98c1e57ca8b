import { describe, expect, it } from 'vitest';
import { safeParseComplaint } from '../../src/complaint/parse';
import { type Json, validComplaint } from '../corpus/base';

/**
 * The cross-field rules (`crossFieldProblems`) find every problem at once, in the order of the
 * complaint's fields, each at its own path: the dates against one another, each amount in its
 * currency's decimals and within the money bound, wherever it sits (a past compensation, a remedy an
 * open case gave, a line of the order).
 */

/** The issues of a complaint refused, as `pointer code` lines. */
function issuesOf(input: unknown): string[] {
  const result = safeParseComplaint(input);
  if (result.ok) throw new Error('expected the complaint to be refused');
  return result.error.issues.map((i) => `${i.pointer} ${i.code}`);
}

function everyProblem(): { [key: string]: Json } {
  const c = validComplaint();
  const customer = c.customer as { [key: string]: Json };
  Object.assign(customer, {
    since: '2026-03-11',
    lastOrderAt: '2026-03-11',
    priorComplaints: [
      { at: '2026-01-10', category: 'late_delivery' },
      { at: '2026-03-12', category: 'other' },
    ],
    lifetimeSpend: 20_000_000_000,
    compensationHistory: [
      { at: '2026-02-01', amount: 5, currency: 'EUR', type: 'goodwill' },
      { at: '2026-03-11T00:00:00Z', amount: 1.005, currency: 'EUR', type: 'goodwill' },
      { at: '2026-03-12', amount: 2_000_000_000_000, currency: 'JPY', type: 'restitution' },
    ],
    openCases: [
      {
        id: 'c-0',
        openedAt: '2026-03-12T00:00:00Z',
        category: 'wrong_item',
        owner: 'agent-1',
        remedies: [
          { type: 'refund', kind: 'restitution', amount: 5, currency: 'EUR' },
          { type: 'gift', kind: 'goodwill', amount: 2.555, currency: 'EUR' },
        ],
      },
      {
        id: 'c-1',
        openedAt: '2026-03-01T00:00:00Z',
        category: 'other',
        owner: 'agent-2',
        remedies: [{ type: 'gift', kind: 'goodwill', amount: 1.5, currency: 'JPY' }],
      },
    ],
  });
  c.order = {
    id: 'o-1',
    total: 59.9,
    currency: 'EUR',
    placedAt: '2026-03-11',
    promisedAt: '2026-03-02',
    deliveredAt: '2026-03-12T00:00:00Z',
    overcharge: 70,
    discount: 0.001,
    items: [
      { sku: 'SHOE-42', quantity: 1, unitPrice: 59.9 },
      { sku: 'LACE', quantity: 1, unitPrice: 1.001, affectedQuantity: 2 },
    ],
  };
  c.subscription = { plan: 'Plus', monthlyPrice: 9.999, overcharge: 100_000_000_000, currency: 'TRY' };
  return c;
}

describe('crossFieldProblems', () => {
  it('reports every cross-field problem at once, in order, each at its path', () => {
    expect(issuesOf(everyProblem())).toEqual(EVERY_PROBLEM);
  });

  it("checks the order's lines against its total only once every amount before them is sound", () => {
    const below = () => {
      const c = validComplaint();
      (c.order as { [key: string]: Json }).total = 50;
      return c;
    };
    expect(issuesOf(below())).toEqual(['/order/total total_below_lines']);
    // An amount off its decimals anywhere before the lines (here a past compensation) leaves them unsummed…
    const unsound = below();
    (unsound.customer as { [key: string]: Json }).compensationHistory = [
      { at: '2026-02-01', amount: 1.005, currency: 'EUR', type: 'goodwill' },
    ];
    expect(issuesOf(unsound)).toEqual(['/customer/compensationHistory/0/amount money_precision']);
    // …and one checked after them (the subscription's) does not.
    const after = below();
    (after.subscription as { [key: string]: Json }).monthlyPrice = 9.999;
    expect(issuesOf(after)).toEqual([
      '/order/total total_below_lines',
      '/subscription/monthlyPrice money_precision',
    ]);
  });
});

const EVERY_PROBLEM = [
  '/customer/since date_after_received',
  '/customer/lastOrderAt date_after_received',
  '/customer/priorComplaints/0/at date_before_customer',
  '/customer/priorComplaints/1/at date_after_received',
  '/customer/lifetimeSpend above_max_money',
  '/customer/compensationHistory/0/at date_before_customer',
  '/customer/compensationHistory/1/at date_after_received',
  '/customer/compensationHistory/1/amount money_precision',
  '/customer/compensationHistory/2/at date_after_received',
  '/customer/compensationHistory/2/amount above_max_money',
  '/customer/openCases/0/openedAt date_after_received',
  '/customer/openCases/0/remedies/1/amount money_precision',
  '/customer/openCases/1/remedies/0/amount money_precision',
  '/order/placedAt date_after_received',
  '/order/deliveredAt date_after_received',
  '/order/promisedAt date_before_order',
  '/order/discount money_precision',
  '/order/overcharge overcharge_above_total',
  '/order/items/1/unitPrice money_precision',
  '/order/items/1/affectedQuantity affected_above_quantity',
  '/subscription/monthlyPrice money_precision',
  '/subscription/overcharge above_max_money',
  '/subscription/currency currency_mismatch',
];
