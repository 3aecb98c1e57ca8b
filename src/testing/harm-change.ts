import * as fc from 'fast-check';
import { daysLate, itemsAffected } from '../complaint/measures';
import { parseComplaint } from '../complaint/parse';
import { type Complaint, type ComplaintInput, TONES } from '../complaint/schema';
import { invalidOption } from '../errors';
import { limits } from '../input/limits';
import { DAY_MS, render, styleOf, toMs } from './instants';

/**
 * One way of making a complaint's harm worse with everything else equal. Each names the one thing that
 * changes; `worsenHarm` applies it.
 */
export type HarmChange =
  /** The delivery is at least `days` more days late (the promise moves earlier, or delivery later). */
  | { readonly kind: 'daysLate'; readonly days: number }
  /** A private complaint is posted publicly (with `reach` when the complaint named none). */
  | { readonly kind: 'public'; readonly reach: number }
  /** A public complaint reaches at least `times` as many people (and at least one more). */
  | { readonly kind: 'reach'; readonly times: number }
  /** The customer complained before, `daysAgo` days ago (within the 90 days that make a repeat). */
  | { readonly kind: 'repeat'; readonly daysAgo: number }
  /** `units` more units of the order are affected (as many as the order has, at most). */
  | { readonly kind: 'itemsAffected'; readonly units: number }
  /** The customer is `steps` steps angrier: calm < upset < angry < abusive. */
  | { readonly kind: 'tone'; readonly steps: number };

/** The kinds of harm change. */
export type HarmChangeKind = HarmChange['kind'];

/** Every kind of harm change. */
export const HARM_CHANGE_KINDS: readonly HarmChangeKind[] = [
  'daysLate',
  'public',
  'reach',
  'repeat',
  'itemsAffected',
  'tone',
];

/**
 * Arbitrary harm changes of the given kinds (default: every kind).
 *
 * @throws RedressError `INVALID_OPTIONS` when `kinds` is empty or names a kind it does not know.
 */
export function harmChangeArbitrary(
  kinds: readonly HarmChangeKind[] = HARM_CHANGE_KINDS,
): fc.Arbitrary<HarmChange> {
  if (kinds.length === 0) {
    throw invalidOption(['kinds'], 'must not be empty in harmChangeArbitrary; leave it out for every kind');
  }
  const all: Record<HarmChangeKind, fc.Arbitrary<HarmChange>> = {
    daysLate: fc.integer({ min: 1, max: 30 }).map((days) => ({ kind: 'daysLate', days })),
    public: fc
      .tuple(fc.integer({ min: 0, max: 9 }), fc.integer({ min: 0, max: 7 }))
      .map(([digit, decade]) => ({ kind: 'public', reach: digit * 10 ** decade })),
    reach: fc.integer({ min: 2, max: 1_000 }).map((times) => ({ kind: 'reach', times })),
    repeat: fc.integer({ min: 0, max: 89 }).map((daysAgo) => ({ kind: 'repeat', daysAgo })),
    itemsAffected: fc.integer({ min: 1, max: 10 }).map((units) => ({ kind: 'itemsAffected', units })),
    tone: fc.integer({ min: 1, max: 3 }).map((steps) => ({ kind: 'tone', steps })),
  };
  return fc.oneof(
    ...kinds.map((k, i) => {
      const arbitrary = Object.hasOwn(all, k) ? all[k] : undefined;
      if (!arbitrary) {
        throw invalidOption(
          ['kinds', i],
          `unknown harm change "${String(k)}"; use some of ${HARM_CHANGE_KINDS.join(', ')}`,
        );
      }
      return arbitrary;
    }),
  );
}

/** A one-line description of a harm change, for failure reports. */
export function describeHarmChange(change: HarmChange): string {
  switch (change.kind) {
    case 'daysLate':
      return `${change.days} more day(s) late`;
    case 'public':
      return 'posted publicly instead of privately';
    case 'reach':
      return `public post reaching ${change.times}× as many people`;
    case 'repeat':
      return `an earlier complaint ${change.daysAgo} day(s) before (a repeat)`;
    case 'itemsAffected':
      return `${change.units} more unit(s) affected`;
    case 'tone':
      return `${change.steps} step(s) angrier`;
  }
}

/**
 * Returns a copy of `complaint` whose harm is worse in exactly the way `change` says, everything else
 * equal, or `undefined` when the change cannot make this complaint worse (no order to be late, already
 * public, already abusive, every unit already affected…). The input is validated first and never
 * modified; the result is always a valid complaint.
 *
 * @throws RedressError `INVALID_COMPLAINT` when `complaint` is not a valid complaint.
 */
export function worsenHarm(complaint: ComplaintInput, change: HarmChange): ComplaintInput | undefined {
  parseComplaint(complaint);
  return worsenValidHarm(complaint, change);
}

/**
 * `worsenHarm` for a complaint known to be valid (the generators' own), without validating it again.
 * Every measure below reads only fields a valid input has, or defaults them the way the schema does.
 */
export function worsenValidHarm(complaint: ComplaintInput, change: HarmChange): ComplaintInput | undefined {
  const next = structuredClone(complaint);
  switch (change.kind) {
    case 'daysLate':
      return later(complaint, next, change.days);
    case 'public':
      return madePublic(complaint, next, change.reach);
    case 'reach':
      return widerReach(next, change.times);
    case 'repeat':
      return repeated(complaint, next, change.daysAgo);
    case 'itemsAffected':
      return moreAffected(complaint, next, change.units);
    case 'tone':
      return angrier(complaint, next, change.steps);
  }
}

const measured = (c: ComplaintInput) => c as Complaint;
type Order = NonNullable<ComplaintInput['order']>;

/** `days` more days late: the promise moved earlier, or (when it cannot) the delivery later. */
function later(complaint: ComplaintInput, next: ComplaintInput, days: number): ComplaintInput | undefined {
  const order = next.order;
  if (!order) return undefined;
  const before = daysLate(measured(complaint));
  const target = before + Math.max(1, Math.floor(days));
  const receivedMs = toMs(complaint.receivedAt);
  const endMs = order.deliveredAt === undefined ? receivedMs : toMs(order.deliveredAt);
  const promisedMs = Math.max(toMs(order.placedAt), endMs - target * DAY_MS);
  order.promisedAt = render(promisedMs, styleOf(order.placedAt));
  if (order.deliveredAt !== undefined && daysLate(measured(next)) < target) {
    deliverLater(order, Math.min(receivedMs, promisedMs + target * DAY_MS));
  }
  return daysLate(measured(next)) > before ? next : undefined;
}

/** The promise cannot move before the order was placed: deliver later instead (never after receipt). */
function deliverLater(order: Order, deliveredMs: number): void {
  order.deliveredAt = render(deliveredMs, styleOf(order.placedAt));
}

function madePublic(
  complaint: ComplaintInput,
  next: ComplaintInput,
  reach: number,
): ComplaintInput | undefined {
  if (complaint.exposure?.public) return undefined;
  next.exposure = { ...next.exposure, public: true, reach: next.exposure?.reach ?? reach };
  return next;
}

function widerReach(next: ComplaintInput, times: number): ComplaintInput | undefined {
  const exposure = next.exposure;
  if (!exposure?.public) return undefined;
  // An unknown reach counts as public at any threshold: a known one is not wider, it may be smaller.
  const reach = exposure.reach;
  if (reach === undefined || reach >= limits.maxReach) return undefined;
  exposure.reach = Math.min(limits.maxReach, Math.max(reach + 1, reach * Math.max(1, Math.floor(times))));
  return next;
}

function repeated(
  complaint: ComplaintInput,
  next: ComplaintInput,
  daysAgo: number,
): ComplaintInput | undefined {
  const prior = next.customer.priorComplaints ?? [];
  if (prior.length >= limits.maxPriorComplaints) return undefined;
  const ago = Math.min(89, Math.max(0, Math.floor(daysAgo)));
  const atMs = Math.max(toMs(complaint.customer.since), toMs(complaint.receivedAt) - ago * DAY_MS);
  next.customer.priorComplaints = [
    ...prior,
    { at: new Date(atMs).toISOString(), category: complaint.category },
  ];
  return next;
}

function moreAffected(
  complaint: ComplaintInput,
  next: ComplaintInput,
  units: number,
): ComplaintInput | undefined {
  const items = next.order?.items ?? [];
  const anyMarked = items.some((i) => i.affectedQuantity !== undefined);
  // Without marks, the item categories count every unit: nothing more can be affected.
  const before = itemsAffected(measured(complaint));
  if (!anyMarked && before > 0) return undefined;
  let remaining = Math.max(1, Math.floor(units));
  for (const item of items) {
    const affected = item.affectedQuantity ?? 0;
    const add = Math.min(remaining, item.quantity - affected);
    if (add > 0) {
      item.affectedQuantity = affected + add;
      remaining -= add;
    }
  }
  return itemsAffected(measured(next)) > before ? next : undefined;
}

function angrier(complaint: ComplaintInput, next: ComplaintInput, steps: number): ComplaintInput | undefined {
  const at = TONES.indexOf(complaint.tone ?? 'calm');
  if (at === TONES.length - 1) return undefined;
  next.tone = TONES[Math.min(TONES.length - 1, at + Math.max(1, Math.floor(steps)))];
  return next;
}
