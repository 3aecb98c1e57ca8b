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
  const values: Record<CapLimitName, number> = {
    severity: limits.severity,
    tier: limits.tier,
    total: limits.total - restitutionMinor,
    customer: limits.customer ?? Number.POSITIVE_INFINITY,
  };
  let binding: CapLimitName = 'severity';
  for (const name of CAP_LIMIT_NAMES) if (values[name] < values[binding]) binding = name;
  return { minor: Math.max(0, values[binding]), binding };
}

type Choice =
  | { readonly at: number; readonly given: Candidate }
  | { readonly at: null; readonly given: undefined };

function allocate(slots: readonly PricedSlot[], limits: GoodwillLimits, reduce: Reducer) {
  const choices: Choice[] = slots.map((slot) => {
    const top = slot.candidates[0] as Candidate;
    return { at: 0, given: top };
  });
  const isGoodwillTop = (i: number) => slots[i]?.candidates[0]?.kind === 'goodwill';
  let restitution = 0;
  slots.forEach((slot, i) => {
    const top = slot.candidates[0] as Candidate;
    if (!isGoodwillTop(i) && top.kind === 'restitution') restitution += top.costMinor;
  });

  const capped: CappedRemedy[] = [];
  let goodwill = 0;
  // Higher priority is served first; the lowest priority gives way first (later first among equals).
  const order = slots
    .map((slot, i) => ({ slot, i }))
    .filter(({ i }) => isGoodwillTop(i))
    .sort(
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
    // A restitution candidate further down is owed whatever the caps: it takes the slot whole.
    const owed = slot.candidates.findIndex((c) => c.kind === 'restitution');
    if (owed > 0) {
      const given = slot.candidates[owed] as Candidate;
      capped.push({ candidate: top, keptCostMinor: 0, limit: room.binding });
      choices[i] = { at: owed, given };
      restitution += given.costMinor;
      continue;
    }
    const reduced = left > 0 ? reduce(top, left) : undefined;
    if (reduced && reduced.costMinor > 0 && reduced.costMinor <= left) {
      capped.push({ candidate: top, keptCostMinor: reduced.costMinor, limit: room.binding });
      choices[i] = { at: 0, given: reduced };
      goodwill += reduced.costMinor;
    } else {
      capped.push({ candidate: top, keptCostMinor: 0, limit: room.binding });
      choices[i] = { at: null, given: undefined };
    }
  }
  return { choices, capped, restitution, goodwill };
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
