import type { RemedyParams, RemedySpec, RemedyType } from '../remedies/catalogue';
import type { Materialised, RemedyOrigin } from '../remedies/context';

/** A concrete remedy with its origin, priced in minor units. */
export type Priced = RemedyParams & Materialised & RemedyOrigin;

/** A priced remedy together with the rule's spec it came from (so that a cap can make it smaller). */
export type Candidate = Priced & { readonly spec: RemedySpec };

/** A remedy type's applicable candidates, most generous (highest priority) first. */
export interface PricedSlot {
  readonly type: RemedyType;
  readonly candidates: readonly Candidate[];
}

/** The limits that hold goodwill back. */
export const CAP_LIMIT_NAMES = ['severity', 'tier', 'total', 'customer'] as const;
/** Which limit held goodwill back. */
export type CapLimitName = (typeof CAP_LIMIT_NAMES)[number];

/** The limits on goodwill for one complaint, in minor units. */
export interface GoodwillLimits {
  /** `maxGoodwillShareBySeverity[band]` × the affected value. */
  readonly severity: number;
  /** `maxGoodwillByTier[tier]`. */
  readonly tier: number;
  /** `maxTotalShareOfValue` × the affected value: the ceiling on restitution + goodwill. */
  readonly total: number;
  /** Goodwill left in the customer's window, or null without per-customer limits. */
  readonly customer: number | null;
}

/**
 * The limits goodwill was held to, in the complaint's currency. Restitution is never limited; the
 * total (restitution + goodwill) stays within `totalLimit` unless restitution alone passes it.
 */
export interface Cap {
  /** The value the shares apply to: the order total, or one month of the subscription without an order. */
  readonly affectedValue: number;
  /** The most goodwill this recommendation could carry: the smallest of the limits below (never below 0). */
  readonly goodwillLimit: number;
  /** Which limit set `goodwillLimit`. */
  readonly binding: CapLimitName;
  /** `maxGoodwillShareBySeverity[band]` × `affectedValue`. */
  readonly severityLimit: number;
  /** `maxGoodwillByTier[tier]`. */
  readonly tierLimit: number;
  /** `maxTotalShareOfValue` × `affectedValue`: the ceiling on restitution + goodwill. */
  readonly totalLimit: number;
  /** Goodwill left for this customer in the `perCustomer` window; null without per-customer limits. */
  readonly customerLimit: number | null;
}

/** A goodwill remedy a limit cut: reduced to `keptCostMinor`, or left out when that is 0. */
export interface CappedRemedy {
  readonly candidate: Candidate;
  readonly keptCostMinor: number;
  readonly limit: CapLimitName;
}

/** The outcome of holding a recommendation to its limits. */
export interface Capped {
  /** The remedies given, one per slot that kept one, in slot order. */
  readonly kept: Candidate[];
  /** Goodwill the limits reduced or left out. */
  readonly capped: CappedRemedy[];
  /** Candidates that stood by and were never needed. */
  readonly superseded: { readonly candidate: Candidate; readonly by: Candidate }[];
  readonly restitutionMinor: number;
  readonly goodwillMinor: number;
  /** The goodwill this recommendation could carry, and the limit that set it. */
  readonly goodwillLimitMinor: number;
  readonly binding: CapLimitName;
  /** True when the per-customer limit, and nothing else, cut goodwill. */
  readonly customerLimitReached: boolean;
}

/** Makes a goodwill candidate cost at most `maxMinor`; undefined when nothing of it fits. */
export type Reducer = (candidate: Candidate, maxMinor: number) => Candidate | undefined;

/** The goodwill budget given the restitution owed, and the limit that sets it (ties: the earlier name). */
function budget(limits: GoodwillLimits, restitutionMinor: number): { minor: number; binding: CapLimitName } {
  // In CAP_LIMIT_NAMES' order, a later limit binding only when strictly lower (read for every goodwill
  // remedy of every set a complaint is offered: no record of the four is built for it).
  let binding: CapLimitName = 'severity';
  let minor = limits.severity;
  if (limits.tier < minor) {
    binding = 'tier';
    minor = limits.tier;
  }
  const total = limits.total - restitutionMinor;
  if (total < minor) {
    binding = 'total';
    minor = total;
  }
  const customer = limits.customer ?? Number.POSITIVE_INFINITY;
  if (customer < minor) {
    binding = 'customer';
    minor = customer;
  }
  return { minor: Math.max(0, minor), binding };
}

type Choice =
  | { readonly at: number; readonly given: Candidate }
  | { readonly at: null; readonly given: undefined };

interface Allocation {
  readonly choices: Choice[];
  readonly capped: CappedRemedy[];
  readonly restitution: number;
  readonly goodwill: number;
}

/** The slot's first restitution candidate below its top, owed whatever the caps; -1 when there is none. */
function owedFallback(slot: PricedSlot): number {
  return slot.candidates.findIndex((c, k) => k > 0 && c.kind === 'restitution');
}

/**
 * Serves goodwill within the limits, given the slots already known to fall back to restitution
 * (`owed`). Returns the slot of the first goodwill remedy that does not fit and can fall back to
 * restitution instead: that changes the restitution owed, and with it every goodwill budget, so the
 * caller starts over with that slot owed too.
 */
function allocateOnce(
  slots: readonly PricedSlot[],
  limits: GoodwillLimits,
  reduce: Reducer,
  owed: ReadonlySet<number>,
): Allocation | { readonly fallBack: number } {
  const choices: Choice[] = [];
  let restitution = 0;
  // The goodwill slots, to be served in order.
  const order: { slot: PricedSlot; i: number }[] = [];
  for (let i = 0; i < slots.length; i++) {
    const slot = slots[i] as PricedSlot;
    const at = owed.size > 0 && owed.has(i) ? owedFallback(slot) : 0;
    const given = slot.candidates[at] as Candidate;
    choices.push({ at, given });
    if (given?.kind === 'restitution') restitution += given.costMinor;
    else if (given?.kind === 'goodwill') order.push({ slot, i });
  }

  const capped: CappedRemedy[] = [];
  let goodwill = 0;
  // Higher priority is served first; the lowest priority gives way first (later first among equals).
  if (order.length > 1)
    order.sort(
      (a, b) => (b.slot.candidates[0]?.priority ?? 0) - (a.slot.candidates[0]?.priority ?? 0) || a.i - b.i,
    );
  for (const { slot, i } of order) {
    const top = slot.candidates[0] as Candidate;
    const room = budget(limits, restitution);
    const left = Math.max(0, room.minor - goodwill);
    if (top.costMinor <= left) {
      goodwill += top.costMinor;
      continue;
    }
    if (owedFallback(slot) > 0) return { fallBack: i };
    const reduced = left > 0 ? reduce(top, left) : undefined;
    const fits = reduced !== undefined && reduced.costMinor > 0 && reduced.costMinor <= left;
    capped.push({ candidate: top, keptCostMinor: fits ? reduced.costMinor : 0, limit: room.binding });
    choices[i] = fits ? { at: 0, given: reduced } : { at: null, given: undefined };
    if (fits) goodwill += reduced.costMinor;
  }
  return { choices, capped, restitution, goodwill };
}

/**
 * Serves goodwill, and restitution in the slots whose goodwill does not fit but which hold a
 * restitution candidate (owed whatever the caps). Each such fall-back raises the restitution owed and
 * lowers what is left for goodwill under the total ceiling, so allocation starts over with that slot
 * owed, until no slot falls back any more (at most once per slot). Goodwill granted before a
 * fall-back is never kept on a budget that no longer exists.
 */
function allocate(slots: readonly PricedSlot[], limits: GoodwillLimits, reduce: Reducer): Allocation {
  const owed = new Set<number>();
  for (;;) {
    const run = allocateOnce(slots, limits, reduce, owed);
    if (!('fallBack' in run)) return withOwedCapped(slots, run, owed, limits);
    owed.add(run.fallBack);
  }
}

/** Records each slot that fell back to restitution as its goodwill top left out, under the final budget. */
function withOwedCapped(
  slots: readonly PricedSlot[],
  run: Allocation,
  owed: ReadonlySet<number>,
  limits: GoodwillLimits,
): Allocation {
  if (owed.size === 0) return run;
  const binding = budget(limits, run.restitution).binding;
  const fellBack: CappedRemedy[] = [...owed]
    .sort((a, b) => a - b)
    .map((i) => ({ candidate: slots[i]?.candidates[0] as Candidate, keptCostMinor: 0, limit: binding }));
  return { ...run, capped: [...fellBack, ...run.capped] };
}

/**
 * Holds goodwill to its limits. Restitution is owed and never cut, even when it alone passes the
 * ceiling on the total; care (apology, escalation) costs nothing. Goodwill gets the smallest of the
 * severity, tier and per-customer limits and what restitution leaves under the total ceiling; it is
 * served highest priority first, and a remedy that does not fit whole is reduced to what is left
 * (a smaller gift, coupon, refund, fewer free months) or, when nothing of it fits, left out.
 */
export function applyCaps(slots: readonly PricedSlot[], limits: GoodwillLimits, reduce: Reducer): Capped {
  const free = allocate(slots, { ...limits, customer: null }, reduce);
  const customerLimitReached = limits.customer !== null && free.goodwill > limits.customer;
  const run = customerLimitReached ? allocate(slots, limits, reduce) : free;
  const final = budget(limits, run.restitution);

  const kept: Candidate[] = [];
  const superseded: Capped['superseded'][number][] = [];
  slots.forEach((slot, i) => {
    const choice = run.choices[i] as Choice;
    if (choice.given) kept.push(choice.given);
    slot.candidates.forEach((candidate, k) => {
      const wasCapped = run.capped.some((c) => c.candidate === candidate);
      if (k !== choice.at && !wasCapped) {
        superseded.push({ candidate, by: choice.given ?? (slot.candidates[0] as Candidate) });
      }
    });
  });
  return {
    kept,
    capped: run.capped,
    superseded,
    restitutionMinor: run.restitution,
    goodwillMinor: run.goodwill,
    goodwillLimitMinor: final.minor,
    binding: final.binding,
    customerLimitReached,
  };
}
