import { goodwillWithin } from '../complaint/measures';
import type { Complaint } from '../complaint/schema';
import type { Conversion } from '../exchange/conversion';
import { fromMinor } from '../money';
import { applyCaps, type Cap, type Capped, type GoodwillLimits, type Reducer } from '../policy/caps';
import type { DroppedRemedy } from '../policy/dropped';
import type { Policy } from '../policy/schema';
import { materialise, reduceSpec } from '../remedies/catalogue';
import type { RemedyContext } from '../remedies/context';
import type { SeverityBand, ValueTier } from '../scoring/score';
import { once } from './once';
import type { Priced } from './price';
import { candidateOf, withSpec } from './price';
import { printGoodwill } from './print';

/** The customer's goodwill inside the per-customer window, when the policy has one. */
export type CustomerUsage = { readonly amountMinor: number; readonly count: number } | undefined;

/**
 * What capping gives: the caps' outcome, the `cap` record, and the remedies the caps dropped
 * (`dropped`), written out the first time they are asked for: a replay never asks. Leaving them and
 * their texts out took 1–3% off deciding both rule sets of a replay (20,000 generated complaints,
 * in-process: 11.07 → 10.95 µs a complaint by the medians, 10.90 → 10.62 by the fastest rounds).
 */
export interface CapStage {
  readonly capped: Capped;
  readonly cap: Cap;
  readonly limits: GoodwillLimits;
  readonly used: CustomerUsage;
  readonly dropped: () => readonly DroppedRemedy[];
}

/**
 * The goodwill limits of one complaint, in minor units of its currency: the rule set's amounts
 * converted into it (exactly, to the minor unit), the shares taken of the complaint's own value.
 */
export function goodwillLimits(
  policy: Policy,
  ctx: RemedyContext,
  band: SeverityBand,
  tier: ValueTier,
  used: CustomerUsage,
  conversion: Conversion,
): GoodwillLimits {
  const minor = (amount: number) => conversion.toComplaintMinor(amount);
  return {
    severity: Math.round(ctx.affectedValueMinor * policy.maxGoodwillShareBySeverity[band]),
    tier: minor(policy.maxGoodwillByTier[tier]),
    total: Math.round(ctx.affectedValueMinor * policy.maxTotalShareOfValue),
    customer: customerLimit(policy, used, minor),
  };
}

function customerLimit(
  policy: Policy,
  used: CustomerUsage,
  minor: (amount: number) => number,
): number | null {
  const perCustomer = policy.perCustomer;
  if (!perCustomer || !used) return null;
  if (perCustomer.maxCount !== undefined && used.count >= perCustomer.maxCount) return 0;
  if (perCustomer.maxGoodwill === undefined) return null;
  return Math.max(0, minor(perCustomer.maxGoodwill) - used.amountMinor);
}

/** Makes a goodwill candidate smaller by asking its remedy for a smaller spec, and pricing that again. */
export function reducerFor(ctx: RemedyContext): Reducer {
  return (candidate, maxMinor) => {
    const spec = reduceSpec(candidate.spec, maxMinor, ctx);
    if (!spec) return undefined;
    const made = materialise(spec, ctx);
    return 'notApplicable' in made ? undefined : candidateOf(made, withSpec(candidate, spec));
  };
}

/** The money side of capping: the complaint's conversion and the auto-approval limit in its currency. */
export interface CapMoney {
  readonly conversion: Conversion;
  readonly autoApproveMinor: number;
  /**
   * The goodwill is printed already (an alternative made from the first choice's printed gestures):
   * rounding it again could move it off the first choice's amount.
   */
  readonly printed?: boolean;
}

/** The limits a complaint's goodwill is held to, and the customer's goodwill they count. */
export interface Limited {
  readonly limits: GoodwillLimits;
  readonly used: CustomerUsage;
}

/** The caps' outcome for one set of remedies, with the limits it was held to. */
export interface CappedSet extends Limited {
  readonly capped: Capped;
}

/**
 * The caps on one set of remedies, without the stage's record of them (`stageOf`): goodwill held to the
 * smallest of its limits, restitution never capped, then printed for a complaint in another currency
 * than the rule set's (`printGoodwill`). `known`: the complaint's limits, when another set of its
 * remedies was capped already (they are the same for every set: the alternatives are capped with the
 * first choice's).
 */
export function capSet(
  priced: Priced,
  complaint: Complaint,
  ctx: RemedyContext,
  policy: Policy,
  scores: { readonly band: SeverityBand; readonly tier: ValueTier },
  money: CapMoney,
  known?: Limited,
): CappedSet {
  const { conversion } = money;
  const used = known
    ? known.used
    : policy.perCustomer
      ? goodwillWithin(complaint, policy.perCustomer.windowDays, conversion.otherToComplaintMinor)
      : undefined;
  const limits = known
    ? known.limits
    : goodwillLimits(policy, ctx, scores.band, scores.tier, used, conversion);
  const exact = applyCaps(priced.slots, limits, reducerFor(ctx));
  const capped =
    conversion.converted && !money.printed ? printGoodwill(exact, ctx, money.autoApproveMinor) : exact;
  return { capped, limits, used };
}

/**
 * Stage "cap": `capSet`, and the stage's record: the `cap` record, and every candidate that stood by
 * unused (`superseded`) or that a limit reduced or left out.
 */
export function cap(
  priced: Priced,
  complaint: Complaint,
  ctx: RemedyContext,
  policy: Policy,
  scores: { readonly band: SeverityBand; readonly tier: ValueTier },
  money: CapMoney,
): CapStage {
  return stageOf(priced, ctx, capSet(priced, complaint, ctx, policy, scores, money));
}

/** The stage's record of a capped set: the `cap` record, and the remedies left out, with why, when asked for. */
export function stageOf(priced: Priced, ctx: RemedyContext, { capped, limits, used }: CappedSet): CapStage {
  const cur = ctx.currency;
  const capRecord: Cap = {
    affectedValue: fromMinor(ctx.affectedValueMinor, cur),
    goodwillLimit: fromMinor(capped.goodwillLimitMinor, cur),
    binding: capped.binding,
    severityLimit: fromMinor(limits.severity, cur),
    tierLimit: fromMinor(limits.tier, cur),
    totalLimit: fromMinor(limits.total, cur),
    customerLimit: limits.customer === null ? null : fromMinor(limits.customer, cur),
  };
  return {
    capped,
    cap: capRecord,
    limits,
    used,
    dropped: once(() => droppedOf(priced, capped, cur, capRecord.goodwillLimit)),
  };
}

/** The remedies a capped set left out, with why: not applicable, superseded, reduced or capped. */
function droppedOf(priced: Priced, capped: Capped, cur: string, goodwillLimit: number): DroppedRemedy[] {
  const dropped: DroppedRemedy[] = [...priced.notApplicable];
  for (const { candidate, by } of capped.superseded) {
    dropped.push({
      type: candidate.type,
      rule: candidate.rule,
      reason: 'superseded',
      by: by.rule,
      detail: `rule "${by.rule}" (priority ${by.priority}) gives the ${candidate.type}`,
    });
  }
  // Written out field by field, in the record's order: a spread of a common part is a slow copy on V8.
  for (const { candidate, keptCostMinor, limit } of capped.capped) {
    const estimatedCost = fromMinor(candidate.costMinor, cur);
    const kept = fromMinor(keptCostMinor, cur);
    dropped.push(
      keptCostMinor > 0
        ? {
            type: candidate.type,
            rule: candidate.rule,
            limit,
            estimatedCost,
            reason: 'reduced',
            keptCost: kept,
            detail: `reduced to ${kept} ${cur}: goodwill is limited to ${goodwillLimit} ${cur} (${limit} limit)`,
          }
        : {
            type: candidate.type,
            rule: candidate.rule,
            limit,
            estimatedCost,
            reason: 'cap',
            detail: `no goodwill left: it is limited to ${goodwillLimit} ${cur} (${limit} limit)`,
          },
    );
  }
  return dropped;
}
