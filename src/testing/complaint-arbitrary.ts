import * as fc from 'fast-check';
import {
  CATEGORIES,
  type Category,
  CHANNELS,
  type Channel,
  type ComplaintInput,
  TONES,
  type Tone,
} from '../complaint/schema';
import { invalidOption } from '../errors';
import { currencyDigits, fromMinor, knownCurrencies } from '../money';
import { DAY_MS, type DateStyle, render, renderWithOffset } from './instants';

/** What a complaint is about: an order, a subscription, or both. */
export type ComplaintShape = 'order' | 'subscription' | 'order+subscription';

/** Every complaint shape. */
export const COMPLAINT_SHAPES: readonly ComplaintShape[] = ['order', 'subscription', 'order+subscription'];

/** Narrows what `complaintArbitrary` generates. Every option is optional; the defaults cover everything. */
export interface ComplaintArbitraryOptions {
  /** Categories to draw from. Default: all of them. */
  readonly categories?: readonly Category[];
  /** Channels to draw from. Default: all of them. */
  readonly channels?: readonly Channel[];
  /** Tones to draw from. Default: all of them. */
  readonly tones?: readonly Tone[];
  /** Shapes to draw from. Default: all of them. */
  readonly shapes?: readonly ComplaintShape[];
  /** ISO 4217 currency of every generated complaint (a rule set's money is in one currency). Default `EUR`. */
  readonly currency?: string;
  /** Most order lines. Default 4. */
  readonly maxLines?: number;
  /** Most units on one line. Default 20. */
  readonly maxQuantity?: number;
  /** Highest unit price, in major units. Default 1,000. */
  readonly maxUnitPrice?: number;
  /** Highest subscription price per month, in major units. Default 200. */
  readonly maxMonthlyPrice?: number;
  /** Earliest `receivedAt` (ISO 8601). Default `2024-01-01T00:00:00Z`. */
  readonly receivedFrom?: string;
  /** Latest `receivedAt` (ISO 8601). Default `2027-12-31T23:59:59Z`. */
  readonly receivedTo?: string;
}

const PLATFORMS = ['Instagram', 'X', 'TikTok', 'Trustpilot', 'Google Reviews', 'Facebook'] as const;
const PLANS = ['basic', 'plus', 'pro', 'family'] as const;
const LOCALES = ['en-GB', 'tr-TR', 'fa-IR', 'de-DE', 'ar-EG', 'en'] as const;
const REGIONS = ['TR-34', 'IR-23', 'DE-BE', 'GB-LND', 'US-CA', 'north', 'south'] as const;
/** Offsets a helpdesk might stamp `receivedAt` with, in minutes (Istanbul, Tehran, New York, Tokyo…). */
const OFFSETS = [0, 60, 180, 210, -300, 330, 540, -600] as const;

function nonEmptySubset<T>(name: string, given: readonly T[] | undefined, all: readonly T[]): readonly T[] {
  const values = given ?? all;
  if (values.length === 0) {
    throw invalidOption(
      [name],
      'must not be empty in complaintArbitrary; leave it out to draw from all of them',
    );
  }
  values.forEach((v, i) => {
    if (!all.includes(v)) {
      throw invalidOption(
        [name, i],
        `complaintArbitrary knows no "${String(v)}"; use some of ${all.join(', ')}`,
      );
    }
  });
  return values;
}

function positiveNumber(name: string, value: number | undefined, fallback: number, max: number): number {
  const v = value ?? fallback;
  if (!Number.isFinite(v) || v < 0 || v > max) {
    throw invalidOption([name], `must be a number from 0 to ${max} in complaintArbitrary, got ${v}`);
  }
  return v;
}

function instant(name: string, value: string): number {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) {
    throw invalidOption([name], `"${value}" is not an ISO 8601 date; write one like 2026-03-10T09:00:00Z`);
  }
  return ms;
}

/** A number of days back from "now", spread over short and long spans. */
const daysBack = (max: number) => fc.integer({ min: 0, max });
/** A time of day, so that not every timestamp falls on midnight. */
const timeOfDay = fc.integer({ min: 0, max: DAY_MS - 1 });

const lineArbitrary = (maxQuantity: number, maxUnitMinor: number) =>
  fc.record({
    quantity: fc.integer({ min: 1, max: maxQuantity }),
    unitPriceMinor: fc.integer({ min: 0, max: maxUnitMinor }),
    // Drawn independently and clamped to the quantity when the complaint is built.
    affected: fc.integer({ min: 0, max: maxQuantity }),
  });

const nonFactFields = fc.record(
  {
    name: fc.constantFrom('Ayşe Yılmaz', 'Reza Ahmadi', 'Jane Doe', 'Zhang Wei', 'مریم'),
    email: fc.constantFrom('ayse@example.com', 'reza@example.ir', 'jane@example.org'),
    locale: fc.constantFrom(...LOCALES),
    region: fc.constantFrom(...REGIONS),
    attributes: fc.dictionary(
      fc.constantFrom('segment', 'gender', 'ageBand', 'nationality', 'vip', 'note'),
      fc.oneof(fc.string({ maxLength: 12 }), fc.integer(), fc.boolean(), fc.constant(null)),
      { maxKeys: 4, noNullPrototype: true },
    ),
  },
  { requiredKeys: [] },
);

/** The generated exposure: a reach of 0 stands for a post whose reach is not known (it counts as public). */
function exposureOf(e: {
  readonly public: boolean;
  readonly platform: string | undefined;
  readonly reachDigit: number;
  readonly reachDecade: number;
}): NonNullable<ComplaintInput['exposure']> {
  return {
    public: e.public,
    ...(e.reachDigit === 0 ? {} : { reach: e.reachDigit * 10 ** e.reachDecade }),
    ...(e.platform === undefined ? {} : { platform: e.platform }),
  };
}

/**
 * Valid complaints (as plain JSON, the shape `recommend` takes) across every category, channel, tone,
 * exposure, subscription and order shape. Dates are consistent: the customer exists before their prior
 * complaints, the order is placed before it is promised or delivered, and nothing happens after
 * `receivedAt`. Money fits the currency's minor units, and the order total is the sum of its lines plus
 * shipping. Every complaint `parseComplaint` accepts; shrinking leads to small, readable ones.
 *
 * @throws RedressError `INVALID_OPTIONS` for an option it cannot use, with the option's path.
 */
export function complaintArbitrary(options: ComplaintArbitraryOptions = {}): fc.Arbitrary<ComplaintInput> {
  const categories = nonEmptySubset('categories', options.categories, CATEGORIES);
  const channels = nonEmptySubset('channels', options.channels, CHANNELS);
  const tones = nonEmptySubset('tones', options.tones, TONES);
  const shapes = nonEmptySubset('shapes', options.shapes, COMPLAINT_SHAPES);
  const currency = options.currency ?? 'EUR';
  if (!knownCurrencies.has(currency)) {
    throw invalidOption(['currency'], `unknown currency "${currency}"; use an ISO 4217 code such as EUR`);
  }
  const scale = 10 ** currencyDigits(currency);
  const maxLines = Math.floor(positiveNumber('maxLines', options.maxLines, 4, 50));
  const maxQuantity = Math.floor(positiveNumber('maxQuantity', options.maxQuantity, 20, 10_000));
  for (const [name, value] of [
    ['maxLines', maxLines],
    ['maxQuantity', maxQuantity],
  ] as const) {
    if (value < 1) throw invalidOption([name], `must be at least 1 in complaintArbitrary, got ${value}`);
  }
  const maxUnitMinor = Math.round(positiveNumber('maxUnitPrice', options.maxUnitPrice, 1_000, 1e6) * scale);
  const maxMonthlyMinor = Math.round(
    positiveNumber('maxMonthlyPrice', options.maxMonthlyPrice, 200, 1e6) * scale,
  );
  const from = instant('receivedFrom', options.receivedFrom ?? '2024-01-01T00:00:00Z');
  const to = instant('receivedTo', options.receivedTo ?? '2027-12-31T23:59:59Z');
  if (from > to) {
    throw invalidOption(
      ['receivedFrom'],
      `is after receivedTo (${options.receivedTo}); give a receivedFrom before it, or a later receivedTo`,
    );
  }
  const money = (minor: number) => fromMinor(minor, currency);

  return fc
    .record({
      n: fc.nat({ max: 999_999 }),
      receivedMs: fc.integer({ min: from, max: to }),
      offset: fc.constantFrom(...OFFSETS),
      dateStyle: fc.constantFrom<DateStyle>('date', 'datetime'),
      channel: fc.constantFrom(...channels),
      category: fc.constantFrom(...categories),
      shape: fc.constantFrom(...shapes),
      tone: fc.constantFrom(...tones),
      legalThreat: fc.oneof(
        { arbitrary: fc.constant(false), weight: 5 },
        { arbitrary: fc.constant(true), weight: 1 },
      ),
      exposure: fc.option(
        fc.record({
          public: fc.boolean(),
          platform: fc.option(fc.constantFrom(...PLATFORMS), { nil: undefined }),
          reachDigit: fc.integer({ min: 0, max: 9 }),
          reachDecade: fc.integer({ min: 0, max: 7 }),
        }),
        { nil: undefined },
      ),
      order: fc.record({
        lines: fc.array(lineArbitrary(maxQuantity, maxUnitMinor), { minLength: 1, maxLength: maxLines }),
        marksAffected: fc.boolean(),
        shippingMinor: fc.constantFrom(0, 0, 5 * scale, 15 * scale),
        placedDaysAgo: daysBack(120),
        placedTime: timeOfDay,
        promisedAfterDays: fc.option(fc.integer({ min: 0, max: 30 }), { nil: undefined }),
        deliveredAfterDays: fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }),
        overchargeShare: fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
      }),
      subscription: fc.record({
        plan: fc.constantFrom(...PLANS),
        monthlyPriceMinor: fc.integer({ min: 0, max: maxMonthlyMinor }),
      }),
      customer: fc.record({
        sinceDaysAgo: daysBack(3_650),
        sinceTime: timeOfDay,
        lifetimeSpendMinor: fc.integer({ min: 0, max: 50_000 * scale }),
        orderCount: fc.integer({ min: 0, max: 200 }),
        lastOrderDaysAgo: fc.option(daysBack(400), { nil: undefined }),
        prior: fc.array(fc.record({ daysAgo: daysBack(400), category: fc.constantFrom(...CATEGORIES) }), {
          maxLength: 4,
        }),
        nonFact: nonFactFields,
      }),
      summary: fc.option(fc.constantFrom('It arrived broken.', 'Still waiting.', 'Sipariş yanlış geldi.'), {
        nil: undefined,
      }),
      owner: fc.option(fc.constantFrom('agent-7', 'email-desk', 'store-12'), { nil: undefined }),
    })
    .map((g): ComplaintInput => {
      const received = g.receivedMs;
      const at = (ms: number) => render(Math.min(ms, received), g.dateStyle);
      const sinceMs = received - g.customer.sinceDaysAgo * DAY_MS - g.customer.sinceTime;
      // Prior complaints and the last order cannot predate the customer.
      const notBeforeSince = (ms: number) => Math.max(ms, sinceMs);

      const customer: ComplaintInput['customer'] = {
        id: `u-${g.n}`,
        since: at(sinceMs),
        lifetimeSpend: money(g.customer.lifetimeSpendMinor),
        orderCount: g.customer.orderCount,
        priorComplaints: g.customer.prior
          .map((p) => ({ ms: notBeforeSince(received - p.daysAgo * DAY_MS), category: p.category }))
          .sort((a, b) => a.ms - b.ms)
          .map((p) => ({ at: at(p.ms), category: p.category })),
        ...g.customer.nonFact,
      };
      if (g.customer.lastOrderDaysAgo !== undefined) {
        customer.lastOrderAt = at(notBeforeSince(received - g.customer.lastOrderDaysAgo * DAY_MS));
      }

      const complaint: ComplaintInput = {
        id: `c-${g.n}`,
        receivedAt: renderWithOffset(received, g.offset),
        channel: g.channel,
        category: g.category,
        customer,
        tone: g.tone,
        legalThreat: g.legalThreat,
      };
      if (g.summary !== undefined) complaint.summary = g.summary;
      if (g.owner !== undefined) complaint.owner = g.owner;
      if (g.exposure) complaint.exposure = exposureOf(g.exposure);

      if (g.shape !== 'subscription') {
        const o = g.order;
        const placedMs = received - o.placedDaysAgo * DAY_MS - o.placedTime;
        const items = o.lines.map((line, i) => ({
          sku: `SKU-${i + 1}`,
          quantity: line.quantity,
          unitPrice: money(line.unitPriceMinor),
          ...(o.marksAffected ? { affectedQuantity: Math.min(line.affected, line.quantity) } : {}),
        }));
        const totalMinor = o.lines.reduce((s, l) => s + l.quantity * l.unitPriceMinor, o.shippingMinor);
        const order: NonNullable<ComplaintInput['order']> = {
          id: `o-${g.n}`,
          total: money(totalMinor),
          currency,
          placedAt: at(placedMs),
          items,
        };
        if (o.promisedAfterDays !== undefined) {
          // A promise may lie in the future of the complaint; only what happened is bounded by it.
          order.promisedAt = render(placedMs + o.promisedAfterDays * DAY_MS, g.dateStyle);
        }
        if (o.deliveredAfterDays !== undefined)
          order.deliveredAt = at(placedMs + o.deliveredAfterDays * DAY_MS);
        if (g.category === 'billing_error' && o.overchargeShare !== undefined) {
          order.overcharge = money(Math.floor((totalMinor * o.overchargeShare) / 100));
        }
        complaint.order = order;
      }
      if (g.shape !== 'order') {
        complaint.subscription = {
          plan: g.subscription.plan,
          monthlyPrice: money(g.subscription.monthlyPriceMinor),
          currency,
        };
      }
      return complaint;
    });
}
