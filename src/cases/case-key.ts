// The map of cases/ (which file does what, in what order to read them) is linked-batch.ts's header.
import { complaintCurrency } from '../complaint/measures';
import type { Complaint } from '../complaint/schema';
import { DAY_MS } from '../time/utc-calendar';

/**
 * The key of the case a complaint belongs to: the same customer, the same order (or, without one, the
 * same subscription), the same category. The currency is part of it, so that what a case gave is
 * always counted in one currency. Complaints with one key within the window are one case.
 */
export function caseKey(c: Complaint): string {
  const about = c.order ? ['order', c.order.id] : ['subscription', c.subscription?.plan ?? ''];
  return JSON.stringify([c.customer.id, ...about, c.category, complaintCurrency(c)]);
}

/** The window in milliseconds: `policy.caseWindowDays` whole days. */
export function windowMs(windowDays: number): number {
  return windowDays * DAY_MS;
}

/**
 * Whether a complaint at `at` belongs to a case opened at `openedAt` (both epoch ms): at most one
 * window apart, either way (input out of order within the window is linked all the same). Exactly
 * one window apart is inside.
 */
export function withinWindow(at: number, openedAt: number, window: number): boolean {
  return Math.abs(at - openedAt) <= window;
}
