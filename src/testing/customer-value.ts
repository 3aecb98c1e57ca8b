import * as fc from 'fast-check';
import { complaintCurrency } from '../complaint/measures';
import { parseComplaint } from '../complaint/parse';
import type { Complaint, ComplaintInput } from '../complaint/schema';
import { fromMinor, toMinor } from '../money';
import { DAY_MS, toMs } from './instants';

/**
 * Who the customer is to the business, and nothing else: the inputs of the customer-value score
 * (tenure, lifetime spend, orders, last order). Applying one to a complaint leaves the harm as it was.
 */
export interface CustomerValueProfile {
  /** Days the customer has been one; moved later if needed so that no prior complaint predates them. */
  readonly tenureDays: number;
  /** Lifetime spend in major units of the complaint's currency (rounded to its minor units). */
  readonly lifetimeSpend: number;
  /** Orders placed so far. */
  readonly orderCount: number;
  /** Days since the last order, or `null` for none recorded (then the complaint's order date counts). */
  readonly lastOrderDaysAgo: number | null;
}

/** Arbitrary customer-value profiles, from a first-day customer with nothing spent to a long-time regular. */
export function customerValueArbitrary(): fc.Arbitrary<CustomerValueProfile> {
  return fc.record({
    tenureDays: fc.integer({ min: 0, max: 3_650 }),
    lifetimeSpend: fc.integer({ min: 0, max: 100_000 }),
    orderCount: fc.integer({ min: 0, max: 300 }),
    lastOrderDaysAgo: fc.option(fc.integer({ min: 0, max: 400 }), { nil: null }),
  });
}

/**
 * Returns a copy of `complaint` with the customer replaced by `profile`; the harm (order, subscription,
 * prior complaints, exposure, tone…) and the customer's id and non-fact fields stay as they were.
 *
 * @throws RedressError `INVALID_COMPLAINT` when `complaint` is not a valid complaint.
 */
export function withCustomerValue(complaint: ComplaintInput, profile: CustomerValueProfile): ComplaintInput {
  parseComplaint(complaint);
  return withValidCustomerValue(complaint, profile);
}

/** `withCustomerValue` for a complaint known to be valid (the generators' own), without validating it again. */
export function withValidCustomerValue(
  complaint: ComplaintInput,
  profile: CustomerValueProfile,
): ComplaintInput {
  const receivedMs = toMs(complaint.receivedAt);
  const earliestPrior = Math.min(...(complaint.customer.priorComplaints ?? []).map((p) => toMs(p.at)));
  const sinceMs = Math.min(receivedMs - Math.max(0, Math.floor(profile.tenureDays)) * DAY_MS, earliestPrior);
  const currency = complaintCurrency(complaint as Complaint);
  const next = structuredClone(complaint);
  const { lastOrderAt: _dropped, ...customer } = next.customer;
  next.customer = {
    ...customer,
    since: new Date(sinceMs).toISOString(),
    lifetimeSpend: fromMinor(toMinor(Math.max(0, profile.lifetimeSpend), currency), currency),
    orderCount: Math.max(0, Math.floor(profile.orderCount)),
    ...(profile.lastOrderDaysAgo === null
      ? {}
      : {
          lastOrderAt: new Date(
            receivedMs - Math.max(0, Math.floor(profile.lastOrderDaysAgo)) * DAY_MS,
          ).toISOString(),
        }),
  };
  return next;
}

/**
 * The same complaint from the least valuable customer it could come from: a customer since the day of
 * the complaint (or of their first prior complaint), with nothing spent, no orders and no last order on
 * record. Only the harm itself (a recent order, a subscription) can still give them value points.
 * Everyone else with this harm must be offered at least what this customer is offered.
 *
 * @throws RedressError `INVALID_COMPLAINT` when `complaint` is not a valid complaint.
 */
export function lowestValueTwin(complaint: ComplaintInput): ComplaintInput {
  return withCustomerValue(complaint, LOWEST_VALUE);
}

/** The profile of the least valuable customer: new today, nothing spent, no orders on record. */
export const LOWEST_VALUE: CustomerValueProfile = Object.freeze({
  tenureDays: 0,
  lifetimeSpend: 0,
  orderCount: 0,
  lastOrderDaysAgo: null,
});
