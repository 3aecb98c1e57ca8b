/**
 * The afternoon of issue 18, as a generator: 50 complaints about one service outage between 13:00 and
 * 17:54 UTC on 10 March 2026 — 45 on the Plus plan, 5 on Family, one legal threat, 7 public posts, in
 * English, Turkish and Persian — optionally after 28 days of ordinary complaints (the history a longer
 * export has). Deterministic: the same options give the same complaints.
 */
import type { ComplaintInput } from '../../src/complaint/schema';

export interface AfternoonOptions {
  /** Name the plans' service (`subscription.service: 'Streaming'`). Default true. */
  readonly service?: boolean;
  /**
   * Add 28 days of background (9 February to 8 March): each day `outagesPerDay` outages of the same
   * service, and one wrong item, one late delivery and one billing error. Default: no background.
   */
  readonly background?: { readonly outagesPerDay: number };
}

const AFTERNOON = Date.parse('2026-03-10T13:00:00Z');
const DAY = 86_400_000;
const LOCALES = ['en', 'tr', 'fa'] as const;
const TONES = ['calm', 'upset', 'angry'] as const;

/** The positions (0-based) of the public posts and of the legal threat among the 50. */
export const PUBLIC_AT: readonly number[] = [2, 8, 15, 23, 31, 38, 44];
export const LEGAL_AT = 20;

/** The afternoon's complaint ids, in time order. */
export const afternoonIds: readonly string[] = Array.from({ length: 50 }, (_, i) => outageId(i));

function outageId(i: number): string {
  return `out-${String(i + 1).padStart(2, '0')}`;
}

function customer(n: number, locale: string): ComplaintInput['customer'] {
  return {
    id: `u-${n}`,
    since: `20${String(18 + (n % 7)).padStart(2, '0')}-0${1 + (n % 9)}-15`,
    lifetimeSpend: (n * 37) % 900,
    orderCount: 1 + (n % 12),
    priorComplaints: [],
    locale,
  };
}

function outage(i: number, receivedAt: string, id: string, service: boolean): ComplaintInput {
  const family = i % 10 === 9;
  const isPublic = PUBLIC_AT.includes(i);
  return {
    id,
    receivedAt,
    channel: isPublic ? 'social' : i % 2 === 0 ? 'email' : 'chat',
    category: 'service_outage',
    summary: 'The app has not loaded anything since the afternoon.',
    subscription: {
      plan: family ? 'Family' : 'Plus',
      monthlyPrice: family ? 19.99 : 12.99,
      currency: 'EUR',
      ...(service ? { service: 'Streaming' } : {}),
    },
    customer: customer(i, LOCALES[i % 3] as string),
    tone: i === LEGAL_AT ? 'angry' : TONES[i % 3],
    legalThreat: i === LEGAL_AT,
    ...(isPublic ? { exposure: { public: true, platform: 'X', reach: 200 * (i + 1) ** 2 } } : {}),
  };
}

function background(day: number, outagesPerDay: number, service: boolean): ComplaintInput[] {
  const start = Date.parse('2026-02-09T00:00:00Z') + day * DAY;
  const at = (minutes: number) => new Date(start + minutes * 60_000).toISOString();
  const n = 1000 + day * 10;
  const order = (k: number, sku: string, extra: object = {}) => ({
    id: `o-bg-${day}-${k}`,
    total: 40,
    currency: 'EUR',
    placedAt: at(-3 * 24 * 60).slice(0, 10),
    promisedAt: at(-24 * 60).slice(0, 10),
    items: [{ sku, quantity: 1, unitPrice: 40 }],
    ...extra,
  });
  // Positions from 50 on: never public, never the legal threat; every tenth on the Family plan.
  const outages = Array.from({ length: outagesPerDay }, (_, k) =>
    outage(50 + k, at(8 * 60 + Math.floor((12 * 60 * k) / outagesPerDay)), `bg-${day}-out-${k}`, service),
  );
  return [
    ...outages,
    {
      id: `bg-${day}-wrong`,
      receivedAt: at(10 * 60),
      channel: 'email',
      category: 'wrong_item',
      order: order(1, `SKU-${day % 10}`),
      customer: customer(n + 1, 'en'),
    },
    {
      id: `bg-${day}-late`,
      receivedAt: at(14 * 60),
      channel: 'email',
      category: 'late_delivery',
      order: order(2, `SKU-${day % 7}`, { carrier: ['DHL', 'UPS', 'Yurtiçi'][day % 3] }),
      customer: customer(n + 2, 'tr'),
    },
    {
      id: `bg-${day}-billing`,
      receivedAt: at(18 * 60),
      channel: 'chat',
      category: 'billing_error',
      order: { ...order(3, 'SKU-B'), overcharge: 5 },
      customer: customer(n + 3, 'fa'),
    },
  ];
}

/** The afternoon's 50 complaints, after the background when asked for, in time order. */
export function afternoon(options: AfternoonOptions = {}): ComplaintInput[] {
  const service = options.service ?? true;
  const before = options.background
    ? Array.from({ length: 28 }, (_, day) => background(day, options.background?.outagesPerDay ?? 0, service))
    : [];
  const outages = afternoonIds.map((id, i) =>
    outage(i, new Date(AFTERNOON + i * 6 * 60_000).toISOString(), id, service),
  );
  return [...before.flat().sort((a, b) => a.receivedAt.localeCompare(b.receivedAt)), ...outages];
}
