import { utc } from '@date-fns/utc';
// From their own modules: the package's index loads all of date-fns (about 0.1 s in every process).
import { subDays } from 'date-fns/subDays';
import { subMonths } from 'date-fns/subMonths';
import type { Category, Channel, ComplaintInput, Tone } from '../../complaint/schema';
import { limits } from '../../input/limits';
import { currencyDigits } from '../../money';

/**
 * The choices that make up a complaint, one per fact the scores and rules can see. `buildComplaint`
 * turns a blueprint into a valid complaint whose facts are exactly these (the scores follow from them).
 */
export interface Blueprint {
  readonly category: Category;
  readonly channel: Channel;
  readonly tone: Tone;
  readonly legalThreat: boolean;
  readonly currency: string;
  readonly order: {
    readonly total: number;
    readonly overcharge: number;
    readonly daysLate: number;
    /** Not delivered (no `deliveredAt`); otherwise delivered when the complaint came in. */
    readonly undelivered?: boolean;
    readonly itemsAffected: number;
    /** Units ordered (at least `itemsAffected`); default: as many as are affected, at least one. */
    readonly units?: number;
  } | null;
  readonly subscription: {
    readonly plan: string;
    readonly monthlyPrice: number;
    /** A subscription's overcharge (only without an order: with one, the order's carries it). */
    readonly overcharge?: number;
  } | null;
  /** Public with this reach (0: not known), or null when private. */
  readonly publicReach: number | null;
  readonly complaints90d: number;
  readonly tenureMonths: number;
  readonly lifetimeSpend: number;
  readonly orderCount: number;
  readonly recentOrder: boolean;
  readonly recentOrderDays: number;
  /** Goodwill in the last 90 days: the amount and the number of compensations. */
  readonly goodwill: { readonly amount: number; readonly count: number };
}

/** The clock of every example complaint. */
export const EXAMPLE_RECEIVED_AT = '2026-06-15T12:00:00.000Z';

const iso = (d: Date) => d.toISOString();

/** Splits `total` into `count` positive amounts on the currency's grid (all but one the smallest unit). */
function split(total: number, count: number, currency: string): number[] {
  const scale = 10 ** currencyDigits(currency);
  const minor = Math.round(total * scale);
  return Array.from({ length: count }, (_, i) => (i === 0 ? minor - (count - 1) : 1) / scale);
}

/** Builds a valid complaint from a blueprint. */
export function buildComplaint(b: Blueprint, id = 'example'): ComplaintInput {
  const now = new Date(EXAMPLE_RECEIVED_AT);
  const since = subMonths(now, b.tenureMonths, { in: utc });
  // Earlier complaints and compensations fall inside the 90-day window and not before the customer.
  const recently = new Date(Math.max(since.getTime(), subDays(now, 1, { in: utc }).getTime()));
  const lastOrderAt = b.recentOrder ? now : subDays(now, b.recentOrderDays + 1, { in: utc });
  // One text for every earlier complaint and compensation (a blueprint may have hundreds of them).
  const recentlyAt = iso(recently);
  const complaint: ComplaintInput = {
    id,
    receivedAt: EXAMPLE_RECEIVED_AT,
    channel: b.channel,
    category: b.category,
    customer: {
      id: 'customer',
      since: iso(since),
      lifetimeSpend: b.lifetimeSpend,
      orderCount: b.orderCount,
      lastOrderAt: iso(lastOrderAt),
      priorComplaints: Array.from({ length: b.complaints90d - 1 }, () => ({
        at: recentlyAt,
        category: 'other' as const,
      })),
      compensationHistory:
        b.goodwill.count === 0
          ? []
          : split(b.goodwill.amount, b.goodwill.count, b.currency).map((amount) => ({
              at: recentlyAt,
              amount,
              currency: b.currency,
              type: 'goodwill' as const,
            })),
    },
    tone: b.tone,
    legalThreat: b.legalThreat,
  };
  if (b.order) {
    const o = b.order;
    const promised = iso(subDays(now, o.daysLate, { in: utc }));
    const lines = [];
    let affectedLeft = o.itemsAffected;
    let unitsLeft = Math.max(o.units ?? 0, o.itemsAffected, 1);
    do {
      const quantity = Math.min(unitsLeft, limits.maxQuantity);
      const affected = Math.min(affectedLeft, quantity);
      lines.push({ sku: `SKU-${lines.length + 1}`, quantity, unitPrice: 0, affectedQuantity: affected });
      affectedLeft -= affected;
      unitsLeft -= quantity;
    } while (unitsLeft > 0 && lines.length < limits.maxItems);
    const units = lines.reduce((n, l) => n + l.quantity, 0);
    const scale = 10 ** currencyDigits(b.currency);
    const unitPrice = Math.floor((o.total * scale) / units) / scale;
    complaint.order = {
      id: 'order',
      total: o.total,
      currency: b.currency,
      placedAt: promised,
      promisedAt: promised,
      ...(o.undelivered === false ? { deliveredAt: EXAMPLE_RECEIVED_AT } : {}),
      items: lines.map((l) => ({ ...l, unitPrice })),
      ...(o.overcharge > 0 ? { overcharge: o.overcharge } : {}),
    };
  }
  if (b.subscription) {
    complaint.subscription = {
      plan: b.subscription.plan,
      monthlyPrice: b.subscription.monthlyPrice,
      currency: b.currency,
      ...(b.subscription.overcharge ? { overcharge: b.subscription.overcharge } : {}),
    };
  }
  // Reach 0 is built as an unknown reach: judged public at any threshold, like a known reach of 0 at 0.
  if (b.publicReach !== null)
    complaint.exposure = {
      public: true,
      platform: 'social',
      ...(b.publicReach > 0 ? { reach: b.publicReach } : {}),
    };
  return complaint;
}
