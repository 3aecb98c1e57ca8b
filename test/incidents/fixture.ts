/**
 * A known burst, for the command-line tests of incidents (`redress incidents`, `redress simulate`):
 * three days of a trickle of complaints about one product, then twelve in 44 minutes.
 */

/** A minimal valid complaint about one product, at a fixed time. */
export function shoeComplaint(
  id: string,
  receivedAt: string,
  options: { public?: boolean; sku?: string } = {},
): string {
  const sku = options.sku ?? 'SHOE-42';
  return JSON.stringify({
    id,
    receivedAt,
    channel: options.public ? 'social' : 'email',
    category: 'wrong_item',
    summary: 'Ordered size 42, received size 38.',
    order: {
      id: `o-${id.trim()}`,
      total: 59.9,
      currency: 'EUR',
      placedAt: '2026-03-01',
      items: [{ sku, quantity: 1, unitPrice: 59.9 }],
    },
    customer: {
      id: `u-${id.trim()}`,
      since: '2024-05-01',
      lifetimeSpend: 300,
      orderCount: 4,
      priorComplaints: [],
    },
    ...(options.public ? { exposure: { public: true } } : {}),
  });
}

export const pad = (n: number) => String(n).padStart(2, '0');

/** Two complaints a day about SHOE-42 from 1 to 3 March: the cause's usual rate. */
export const trickle: readonly string[] = [1, 2, 3].flatMap((day) =>
  [9, 15].map((hour) => shoeComplaint(`t-${day}-${hour}`, `2026-03-${pad(day)}T${pad(hour)}:00:00Z`)),
);

/**
 * Then twelve in 44 minutes on 4 March, after the last of the trickle has left the 24-hour window,
 * one in four posted publicly. It is detected at the eleventh (16:40, the first window over 4 × the
 * usual count), when the history before the window is 55h40m with 6 complaints: an expected
 * 6 × 24 / 55.67 ≈ 2.59 a day, and a peak of 12 is × 4.64.
 */
export const burst: readonly string[] = Array.from({ length: 12 }, (_, i) =>
  shoeComplaint(`b-${pad(i)}`, `2026-03-04T16:${pad(i * 4)}:00Z`, { public: i % 4 === 0 }),
);

/** The burst's complaint ids, in time order. */
export const burstIds: readonly string[] = burst.map((_, i) => `b-${pad(i)}`);

/** The burst's incident id. */
export const BURST_ID = 'inc-20260304T160000Z-wrong_item:sku:SHOE-42';

/** The usual count per window at detection; the library rounds `expected` and `growth` to four decimals. */
export const EXPECTED = (6 * 24) / (55 + 40 / 60);
