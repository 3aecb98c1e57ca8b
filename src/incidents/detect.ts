import { invalidOption, RedressError } from '../errors';
import { BurstRule, runEntries } from './burst-rule';
import { type IncidentOptions, settings } from './options';
import { EntryReader, readEntries } from './reader';
import type { Building, Incident } from './types';

/**
 * Finds incidents: bursts of complaints with one cause within a time window, far above that cause's
 * usual rate (the rule is written out at the top of burst-rule.ts and in docs/incidents.md).
 * Complaints may come in any order; the result is the same for any order of the same complaints, sorted
 * by first complaint.
 *
 * Reads only `id`, `receivedAt`, `category`, `order.items` (SKU, family, quantities, prices),
 * `order.carrier`, `subscription.plan`, `subscription.service` and `exposure.public`,
 * and checks those by the complaint schema's rules, with its codes (pass complaints through
 * `parseComplaint` for every other check). Each complaint first passes the checks `parseComplaint`
 * makes of untrusted input: the limits (`options.limits`), and the refusal of proxies, throwing
 * getters, prototype keys and values JSON cannot carry.
 *
 * @throws RedressError `INVALID_OPTIONS` for bad options; `INVALID_COMPLAINT` naming each bad field,
 *   `LIMIT_EXCEEDED` or `INVALID_JSON` when the first complaint refused was over a limit or bad JSON
 *   text (each issue's path starts with the complaint's position).
 *
 * @example
 * ```ts
 * import { detectIncidents } from 'redress/incidents';
 *
 * // Twelve wrong sizes of one shoe in three hours. The input holds no earlier history, so the count
 * // alone decides: at least `minCount` in one window.
 * const complaints = Array.from({ length: 12 }, (_, i) => ({
 *   id: `c-${i + 1}`,
 *   receivedAt: new Date(Date.UTC(2026, 2, 10, 9, 15 * i)).toISOString(),
 *   category: 'wrong_item',
 *   order: { items: [{ sku: 'SHOE-42', quantity: 1, unitPrice: 59.9 }] },
 * }));
 * const [incident] = detectIncidents(complaints, { window: '6h', minCount: 10 });
 * incident?.id; //=> 'inc-20260310T090000Z-wrong_item:sku:SHOE-42'
 * incident?.cause.key; //=> 'wrong_item:sku:SHOE-42'
 * incident?.basis; //=> 'minCount'
 * [incident?.count, incident?.firstAt, incident?.lastAt]; //=> [12, '2026-03-10T09:00:00.000Z', '2026-03-10T11:45:00.000Z']
 * ```
 */
export function detectIncidents(complaints: Iterable<unknown>, options?: IncidentOptions): Incident[] {
  const { groupBy, limits } = settings(options);
  return runEntries(readEntries(complaints, groupBy, limits), options);
}

/** A detector for a stream of complaints in time order. */
export interface IncidentDetector {
  /**
   * Adds the next complaint; returns the incidents it closed (no later complaint can join them).
   * @throws RedressError `INVALID_COMPLAINT` for a bad complaint, or one earlier than the previous.
   */
  push(complaint: unknown): Incident[];
  /** Ends the stream and returns the incidents still open. The detector cannot be used afterwards. */
  finish(): Incident[];
}

/**
 * A streaming detector: push complaints in time order (as a log or a sorted JSONL file gives them)
 * and receive each incident as soon as it is complete. Memory holds one window plus one baseline of
 * complaints, not the stream. Gives exactly the incidents `detectIncidents` gives for the same
 * complaints.
 *
 * @throws RedressError `INVALID_OPTIONS` for bad options.
 */
export function createIncidentDetector(options?: IncidentOptions): IncidentDetector {
  const bursts = new BurstRule(options);
  const reader = new EntryReader(bursts.groupBy);
  const { limits } = settings(options);
  const over = () =>
    invalidOption(
      [],
      'the incident detector has finished; create a new detector with createIncidentDetector',
    );
  let index = 0;
  let finished = false;
  const done = (closed: readonly Building[]) => closed.map((b) => b.final as Incident);
  return {
    push(complaint) {
      if (finished) throw over();
      const entry = reader.readUntrusted(complaint, index++, limits);
      if (entry instanceof RedressError) throw entry;
      return entry === null ? [] : done(bursts.add(entry));
    },
    finish() {
      if (finished) throw over();
      finished = true;
      return done(bursts.finish());
    },
  };
}
