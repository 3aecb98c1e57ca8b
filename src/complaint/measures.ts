import { fromMinor, toMinor } from '../money';
import { parseTimestamp, timestampMs } from '../time/timestamp';
import { addDays, calendarDaysBetween, monthsBetween } from '../time/utc-calendar';
import type { Category, Complaint } from './schema';

/**
 * The measurable quantities of a complaint, each a small pure function of the complaint alone.
 * "Now" is always the complaint's `receivedAt`; calendar arithmetic is done in UTC so that the
 * machine's time zone can never change a result.
 */

const ITEM_CATEGORIES: ReadonlySet<Category> = new Set([
  'wrong_item',
  'damaged_item',
  'missing_item',
  'poor_quality',
]);

/** The complaint's own clock. */
export function receivedAt(c: Complaint): Date {
  return parseTimestamp(c.receivedAt);
}

/**
 * Whole calendar days between the promised date and delivery (or, if not delivered yet, the day the
 * complaint arrived). Never negative; 0 when nothing was promised.
 */
export function daysLate(c: Complaint): number {
  const promised = c.order?.promisedAt;
  if (promised === undefined) return 0;
  const end = timestampMs(c.order?.deliveredAt ?? c.receivedAt);
  return Math.max(0, calendarDaysBetween(end, timestampMs(promised)));
}

/**
 * The measures a complaint's scores and facts read, each worked out once: the severity score, the
 * value score and the facts all read some of them, and each reads dates. @internal
 */
export interface Measures {
  readonly daysLate: number;
  readonly itemsAffected: number;
  /** `complaintsWithin(c, 90)`. */
  readonly complaints90d: number;
  readonly tenureMonths: number;
  readonly daysSinceLastOrder: number | undefined;
}

/** The measures of `c`, as the functions of this module give them one by one. @internal */
export function measuresOf(c: Complaint): Measures {
  const received = timestampMs(c.receivedAt);
  return {
    daysLate: daysLate(c),
    itemsAffected: itemsAffected(c),
    complaints90d: complaintsSince(c, addDays(received, -90)),
    tenureMonths: tenureAt(c, received),
    daysSinceLastOrder: daysSinceLastOrderAt(c, received),
  };
}

/** The order was not delivered (yet): there is an order and it has no `deliveredAt`. */
export function undelivered(c: Complaint): boolean {
  return c.order !== undefined && c.order.deliveredAt === undefined;
}

/**
 * Whole calendar days an undelivered order is past its promised date, up to the complaint; 0 when it
 * was delivered, is not yet due, or nothing was promised.
 */
export function daysOverdue(c: Complaint): number {
  return undelivered(c) ? daysLate(c) : 0;
}

/**
 * What the customer was charged beyond what they owed, in major units: the order's overcharge plus
 * the subscription's (each in the complaint's one currency); 0 when neither is given.
 */
export function overchargeOf(c: Complaint): number {
  const order = c.order?.overcharge ?? 0;
  const subscription = c.subscription?.overcharge ?? 0;
  if (subscription === 0) return order;
  const currency = complaintCurrency(c);
  // Added in minor units: 0.1 + 0.2 must be 0.3.
  return fromMinor(toMinor(order, currency) + toMinor(subscription, currency), currency);
}

/**
 * Units affected. Lines may say how many of theirs are affected; when none does, every unit counts
 * for item categories (wrong, damaged, missing, poor quality) and none for the others.
 */
export function affectedUnits(c: Complaint): { sku: string; quantity: number; unitPrice: number }[] {
  const items = c.order?.items ?? [];
  const anyMarked = items.some((i) => i.affectedQuantity !== undefined);
  if (!anyMarked && !ITEM_CATEGORIES.has(c.category)) return [];
  return items
    .map((i) => ({ sku: i.sku, quantity: affectedOf(i, anyMarked), unitPrice: i.unitPrice }))
    .filter((i) => i.quantity > 0);
}

/**
 * How many of a line's units are affected: when any line of the order is marked, its own mark (an
 * unmarked line then has none), else all of them.
 */
function affectedOf(line: NonNullable<Complaint['order']>['items'][number], anyMarked: boolean): number {
  return anyMarked ? (line.affectedQuantity ?? 0) : line.quantity;
}

/**
 * What the customer paid for goods listed at `listedMinor` (minor units): the order's `discount` spread
 * over its lines in proportion to their prices, rounded half up; the listed price without a discount.
 * Computed in bigint: the product of two amounts can pass 2^53 even when each sum of the order cannot.
 */
export function paidForMinor(listedMinor: number, c: Complaint): number {
  const order = c.order;
  if (!order?.discount) return listedMinor;
  const currency = order.currency;
  const lines = order.items.reduce((s, i) => s + i.quantity * toMinor(i.unitPrice, currency), 0);
  if (lines === 0) return 0;
  const paid = BigInt(lines - toMinor(order.discount, currency));
  const whole = BigInt(lines);
  return Number((BigInt(listedMinor) * paid * 2n + whole) / (2n * whole));
}

/**
 * Number of units affected: the quantities of `affectedUnits`, added up without making its lists
 * (every complaint is measured, and only pricing reads the units themselves).
 */
export function itemsAffected(c: Complaint): number {
  const items = c.order?.items ?? [];
  const anyMarked = items.some((i) => i.affectedQuantity !== undefined);
  if (!anyMarked && !ITEM_CATEGORIES.has(c.category)) return 0;
  let units = 0;
  for (const i of items) {
    const quantity = affectedOf(i, anyMarked);
    if (quantity > 0) units += quantity;
  }
  return units;
}

/** Complaints from this customer within `days` before `receivedAt`, counting this one. */
export function complaintsWithin(c: Complaint, days: number): number {
  return complaintsSince(c, addDays(timestampMs(c.receivedAt), -days));
}

/** This complaint and the customer's earlier ones from `from` (epoch milliseconds) on. */
function complaintsSince(c: Complaint, from: number): number {
  let count = 1;
  for (const p of c.customer.priorComplaints) if (timestampMs(p.at) >= from) count += 1;
  return count;
}

/**
 * Goodwill the customer received within `days` before `receivedAt` (inclusive at both ends, like
 * `complaintsWithin`): the amount in minor units of the complaint's currency and the number of
 * compensations. Restitution is never counted. `minorOf` turns a past compensation into minor units of
 * the complaint's currency (converting it when it is in another); by default it must be in it already.
 */
export function goodwillWithin(
  c: Complaint,
  days: number,
  minorOf: (amount: number, currency: string) => number = (amount) => toMinor(amount, complaintCurrency(c)),
): { amountMinor: number; count: number } {
  const from = addDays(timestampMs(c.receivedAt), -days);
  let amountMinor = 0;
  let count = 0;
  for (const h of c.customer.compensationHistory) {
    if (h.type !== 'goodwill' || timestampMs(h.at) < from) continue;
    amountMinor += minorOf(h.amount, h.currency);
    count += 1;
  }
  return { amountMinor, count };
}

/** Whole months the customer has been a customer. */
export function tenureMonths(c: Complaint): number {
  return tenureAt(c, timestampMs(c.receivedAt));
}

function tenureAt(c: Complaint, received: number): number {
  return Math.max(0, monthsBetween(received, timestampMs(c.customer.since)));
}

/** Whole days since the customer's last order, or undefined when unknown. */
export function daysSinceLastOrder(c: Complaint): number | undefined {
  return daysSinceLastOrderAt(c, timestampMs(c.receivedAt));
}

function daysSinceLastOrderAt(c: Complaint, received: number): number | undefined {
  const last = c.customer.lastOrderAt ?? c.order?.placedAt;
  if (last === undefined) return undefined;
  return Math.max(0, calendarDaysBetween(received, timestampMs(last)));
}

/** The currency the complaint is priced in. */
export function complaintCurrency(c: Complaint): string {
  // The schema guarantees an order or a subscription.
  return c.order?.currency ?? c.subscription?.currency ?? 'EUR';
}

/**
 * The value at stake, in major units: the order total, or one month of the subscription when there is
 * no order. Share-of-order caps and remedies are computed against it.
 */
export function affectedValue(c: Complaint): number {
  return c.order ? c.order.total : (c.subscription?.monthlyPrice ?? 0);
}
