import { type PrintRounding, printable } from '../exchange/printable';
import { fromMinor, toMinor } from '../money';
import type { Candidate, Capped } from '../policy/caps';
import { materialise, withMoney } from '../remedies/catalogue';
import type { RemedyContext } from '../remedies/context';
import { candidateOf, withSpec } from './price';

/** What printing must keep: the goodwill limit, and which side of the auto-approval limit the total is on. */
interface Bounds {
  readonly restitutionMinor: number;
  readonly goodwillLimitMinor: number;
  readonly autoApproveMinor: number;
  /** The total before printing was above the auto-approval limit. */
  readonly above: boolean;
}

/** Whether goodwill of `goodwillMinor` in all keeps every decision the exact amounts made. */
function keeps(bounds: Bounds, goodwillMinor: number): boolean {
  const total = bounds.restitutionMinor + goodwillMinor;
  return goodwillMinor <= bounds.goodwillLimitMinor && total > bounds.autoApproveMinor === bounds.above;
}

/** The goodwill remedy with its rule-set amounts printed (`amount`s to `rounding`, `limit`s down). */
function printed(candidate: Candidate, rounding: PrintRounding, ctx: RemedyContext): Candidate | undefined {
  const currency = ctx.currency;
  let changed = false;
  const spec = withMoney(candidate.spec, (amount, role) => {
    const minor = toMinor(amount, currency);
    const shown = printable(minor, currency, role === 'limit' ? 'down' : rounding);
    changed ||= shown !== minor;
    return fromMinor(shown, currency);
  });
  if (!changed) return undefined;
  const made = materialise(spec, ctx);
  return 'notApplicable' in made ? undefined : candidateOf(made, withSpec(candidate, spec));
}

/**
 * Stage "print", for a complaint in another currency than the rule set's: each goodwill amount that
 * came from the rule set (a gift's value, a coupon's amount or maximum, a refund's maximum) is turned
 * into one a shop would print (`printable`): to the nearest printable amount, else the one below,
 * else left exact, whichever first keeps every decision the exact amounts made — goodwill within its
 * limit, and the total on the same side of the auto-approval limit. Restitution is never touched.
 */
export function printGoodwill(capped: Capped, ctx: RemedyContext, autoApproveMinor: number): Capped {
  const bounds: Bounds = {
    restitutionMinor: capped.restitutionMinor,
    goodwillLimitMinor: Math.max(capped.goodwillLimitMinor, capped.goodwillMinor),
    autoApproveMinor,
    above: capped.restitutionMinor + capped.goodwillMinor > autoApproveMinor,
  };
  let goodwill = capped.goodwillMinor;
  const costs = new Map<string, number>();
  const kept = capped.kept.map((candidate) => {
    if (candidate.kind !== 'goodwill') return candidate;
    for (const rounding of ['nearest', 'down'] as const) {
      const next = printed(candidate, rounding, ctx);
      if (!next || next.costMinor <= 0) continue;
      const after = goodwill - candidate.costMinor + next.costMinor;
      if (!keeps(bounds, after)) continue;
      goodwill = after;
      costs.set(candidate.type, next.costMinor);
      return next;
    }
    return candidate;
  });
  return {
    ...capped,
    kept,
    goodwillMinor: goodwill,
    capped: capped.capped.map((c) => {
      const cost = costs.get(c.candidate.type);
      return cost === undefined || c.keptCostMinor === 0 ? c : { ...c, keptCostMinor: cost };
    }),
  };
}
