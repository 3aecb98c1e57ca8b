import { describe, expect, it } from 'vitest';
import { createRecommender, defaultRuleSet, parseComplaint, RedressError } from '../../src/index';
import { baseComplaint, thrown } from '../helpers';

type Order = NonNullable<ReturnType<typeof baseComplaint>['order']>;
const withOrder = (order: Partial<Order>, category = 'wrong_item') => {
  const c = baseComplaint({ category: category as 'wrong_item' });
  c.order = { ...(c.order as Order), ...order };
  return c;
};
const issueAt = (input: unknown, pointer: string) => {
  const error = thrown(() => parseComplaint(input)) as RedressError;
  expect(error).toBeInstanceOf(RedressError);
  expect(error.code).toBe('INVALID_COMPLAINT');
  const issue = error.issues.find((i) => i.pointer === pointer);
  expect(issue, `an issue at ${pointer}: ${error.message}`).toBeDefined();
  return issue as NonNullable<typeof issue>;
};

// Issue 13, finding 6: order.total was never checked against the lines, and the outcome turned on it.
describe('order.total against the order lines', () => {
  const damaged = (total: number) =>
    withOrder({ total, items: [{ sku: 'LAMP', quantity: 1, unitPrice: 149 }] }, 'damaged_item');

  it('refuses a total below the sum of the lines, naming the sum and the fix', () => {
    const issue = issueAt(damaged(1), '/order/total');
    expect(issue.code).toBe('total_below_lines');
    expect(issue.message).toContain('149');
    expect(issue.message).toMatch(/order\.discount/);
  });

  it('no longer turns a €1 total into an automatic refund of €149', async () => {
    const recommender = createRecommender({ ruleSet: defaultRuleSet });
    const honest = await recommender.recommend(damaged(149));
    expect(honest.handling.mode).toBeDefined();
    await expect(recommender.recommend(damaged(1))).rejects.toMatchObject({ code: 'INVALID_COMPLAINT' });
  });

  it('accepts a total above the lines (shipping, tax) and one equal to them', () => {
    expect(parseComplaint(damaged(149)).order?.total).toBe(149);
    expect(parseComplaint(damaged(155.9)).order?.total).toBe(155.9);
  });

  it('allows for unit prices rounded to the cent: half a cent a unit, no more', () => {
    // 3 units listed at 0.34 (from 0.335), charged 1.01 in all: 1.02 listed, within 1.5 cents.
    const items = [{ sku: 'PEN', quantity: 3, unitPrice: 0.34 }];
    expect(parseComplaint(withOrder({ total: 1.01, items })).order?.total).toBe(1.01);
    expect(issueAt(withOrder({ total: 1, items }), '/order/total').code).toBe('total_below_lines');
  });

  it('allows a discount the complaint states, and refuses one larger than the lines', () => {
    const items = [{ sku: 'LAMP', quantity: 1, unitPrice: 149 }];
    expect(parseComplaint(withOrder({ total: 119, discount: 30, items })).order?.discount).toBe(30);
    expect(issueAt(withOrder({ total: 118, discount: 30, items }), '/order/total').code).toBe(
      'total_below_lines',
    );
    expect(issueAt(withOrder({ total: 0, discount: 150, items }), '/order/discount').code).toBe(
      'discount_above_lines',
    );
    expect(issueAt(withOrder({ total: 119, discount: 30.001, items }), '/order/discount').code).toBe(
      'money_precision',
    );
  });

  it('refunds affected items at the price paid when the order had a discount', async () => {
    // Two lamps at 100 with 50 off the order: the customer paid 75 a lamp.
    const c = withOrder(
      {
        total: 150,
        discount: 50,
        items: [{ sku: 'LAMP', quantity: 2, unitPrice: 100, affectedQuantity: 1 }],
      },
      'damaged_item',
    );
    const rules = {
      name: 'refund',
      version: '1',
      rules: [
        {
          name: 'refund-affected',
          priority: 1,
          conditions: { all: [{ fact: 'category', operator: 'equal', value: 'damaged_item' }] },
          remedies: [{ type: 'refund', basis: 'affected_items' }],
        },
      ],
    };
    const rec = await createRecommender({ ruleSet: rules as never }).recommend(c);
    const refund = rec.remedies.find((r) => r.type === 'refund');
    expect(refund && 'amount' in refund ? refund.amount : undefined).toBe(75);
  });
});

// Issue 13, finding 8: money past 2^53 minor units lost exactness (500 lines × 100,000 units ×
// €999,999,999.99 gave a resend off by €155). The sum of an order's lines is bounded instead (issue 14:
// in minor units, the same in every currency; the extremes are in max-money.test.ts).
describe('the sum of an order’s lines is at most limits.maxMoneyMinor', () => {
  const huge = (currency: string, unitPrice: number) =>
    withOrder({
      currency,
      total: 1_000_000_000,
      items: Array.from({ length: 500 }, (_, i) => ({ sku: `S${i}`, quantity: 100_000, unitPrice })),
    });

  it.each([
    ['EUR', 999_999_999.99, 'EUR 10,000,000,000.00'],
    ['KWD', 999_999_999.999, 'KWD 1,000,000,000.000'],
    ['BHD', 999_999_999.999, 'BHD 1,000,000,000.000'],
    ['JPY', 999_999_999, 'JPY 1,000,000,000,000'],
  ])('refuses %s lines past the limit at order.items, naming the limit', (currency, unitPrice, bound) => {
    const issue = issueAt(huge(currency, unitPrice), '/order/items');
    expect(issue.code).toBe('lines_above_max_money');
    expect(issue.message).toContain(`more than ${bound}`);
    expect(issue.message).toContain('limits.maxMoneyMinor');
  });

  it('accepts lines that add up to the limit exactly, and adds them exactly', async () => {
    // 4 lines × 25,000 units × 100,000.00 = 10,000,000,000.00: every sum on the way is exact.
    const c = withOrder({
      total: 10_000_000_000,
      items: Array.from({ length: 4 }, (_, i) => ({ sku: `S${i}`, quantity: 25_000, unitPrice: 100_000 })),
    });
    expect(parseComplaint(c).order?.items).toHaveLength(4);
  });
});
