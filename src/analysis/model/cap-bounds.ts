import type { Facts } from '../../facts/catalogue';
import type { CapLimitName } from '../../policy/caps';
import type { Policy } from '../../policy/schema';
import { goodwillCostBound, type RemedySpec, remedyKind } from '../../remedies/catalogue';
import type { CostPiece } from '../../remedies/definition';
import type { Scoring } from '../../scoring/config';
import { SEVERITY_BANDS, VALUE_TIERS } from '../../scoring/score';
import { type Box, setOf } from './box';
import { hasValue, severityRange, valueRange } from './fact-sets';
import { boundsOf, intersectNum, isEmptyNum, type NumSet } from './num-set';

/** a·V + b: one linear piece of a cost or a limit, V being the affected value. */
type Piece = CostPiece;

const at = (pieces: readonly Piece[], v: number) => Math.min(...pieces.map((p) => p.a * v + p.b));

/** Whether a remedy is goodwill (the only kind caps limit). */
export function isGoodwillSpec(spec: RemedySpec): boolean {
  return remedyKind(spec) === 'goodwill';
}

/**
 * The least a goodwill remedy can cost for an affected value V, as pieces whose minimum is the cost
 * (each remedy's own bound). `monthly` is the subscription price; `vIsMonthly` when V is that price.
 */
function costPieces(spec: RemedySpec, monthly: number, vIsMonthly: boolean): readonly Piece[] {
  return goodwillCostBound(spec, { monthlyPrice: monthly, valueIsMonthly: vIsMonthly }) ?? [{ a: 0, b: 0 }];
}

/** The goodwill limits as pieces, named. */
function limitPieces(policy: Policy, shareMax: number, tierMax: number): Record<CapLimitName, Piece> {
  const p = policy.perCustomer;
  const customer =
    p === undefined
      ? Number.POSITIVE_INFINITY
      : p.maxCount === 0
        ? 0
        : (p.maxGoodwill ?? Number.POSITIVE_INFINITY);
  return {
    severity: { a: shareMax, b: 0 },
    tier: { a: 0, b: tierMax },
    total: { a: policy.maxTotalShareOfValue, b: 0 },
    customer: { a: 0, b: customer },
  };
}

/** Points of [lo, hi] where the minimum of pieces may turn: the ends and every crossing. */
function turningPoints(pieces: readonly Piece[], lo: number, hi: number): number[] {
  const points = [lo, hi];
  for (const p of pieces) {
    for (const q of pieces) {
      if (p.a !== q.a) {
        const v = (q.b - p.b) / (p.a - q.a);
        if (v > lo && v < hi) points.push(v);
      }
    }
  }
  return points;
}

/** One way the affected value can come about inside a box: an order total, or a month of the subscription. */
interface ValueCase {
  readonly range: NumSet;
  readonly monthly: NumSet;
  readonly vIsMonthly: boolean;
}

function valueCases(box: Box): ValueCase[] {
  const out: ValueCase[] = [];
  const monthly = (setOf(box, 'monthlyPrice') as { set: NumSet }).set;
  if (hasValue(setOf(box, 'hasOrder'), true)) {
    out.push({ range: (setOf(box, 'orderTotal') as { set: NumSet }).set, monthly, vIsMonthly: false });
  }
  if (hasValue(setOf(box, 'hasOrder'), false)) out.push({ range: monthly, monthly, vIsMonthly: true });
  return out;
}

/**
 * Which limits a goodwill remedy exceeds for every complaint in the box: each limit it always
 * exceeds on its own, and whether it always exceeds their minimum. Exact over the box's bounds: costs
 * and limits are piecewise linear in the affected value, so their difference is smallest at the ends
 * or where two pieces cross.
 */
export function alwaysExceeds(
  spec: RemedySpec,
  box: Box,
  policy: Policy,
  scoring: Scoring,
): { always: boolean; limits: CapLimitName[] } {
  const severity = (setOf(box, 'severity') as { set: NumSet }).set;
  const value = (setOf(box, 'value') as { set: NumSet }).set;
  const bands = SEVERITY_BANDS.filter(
    (b) => !isEmptyNum(intersectNum(severityRange(scoring, [b]), severity)),
  );
  const tiers = VALUE_TIERS.filter((t) => !isEmptyNum(intersectNum(valueRange(scoring, [t]), value)));
  const shareMax = Math.max(...bands.map((b) => policy.maxGoodwillShareBySeverity[b]));
  const tierMax = Math.max(...tiers.map((t) => policy.maxGoodwillByTier[t]));
  const limits = limitPieces(policy, shareMax, tierMax);
  const names = Object.keys(limits) as CapLimitName[];
  let always = true;
  const each = new Set(names);
  for (const c of valueCases(box)) {
    const range = boundsOf(c.range);
    const monthlyLow = boundsOf(c.monthly).lo;
    if (Number.isNaN(range.lo)) continue;
    // A remedy worth nothing is not given at all, so only a positive value at stake counts.
    const lo = Math.max(range.lo, 0.01);
    const hi = Number.isFinite(range.hi) ? range.hi : Math.max(lo, 1e12);
    if (lo > hi) continue;
    const cost = costPieces(spec, monthlyLow, c.vIsMonthly);
    const all = [...cost, ...Object.values(limits)];
    for (const v of turningPoints(all, lo, hi)) {
      const spend = at(cost, v);
      if (!(spend > at(Object.values(limits), v) + 1e-9)) always = false;
      for (const name of names) if (!(spend > at([limits[name]], v) + 1e-9)) each.delete(name);
    }
  }
  return { always, limits: [...each] };
}

/** The goodwill limit that binds for these facts (for naming the limit at an example). */
export function bindingAt(facts: Facts, policy: Policy): CapLimitName {
  const v = facts.hasOrder ? facts.orderTotal : facts.monthlyPrice;
  const p = policy.perCustomer;
  const values: Record<CapLimitName, number> = {
    severity: policy.maxGoodwillShareBySeverity[facts.severityBand] * v,
    tier: policy.maxGoodwillByTier[facts.valueTier],
    total: policy.maxTotalShareOfValue * v,
    customer:
      p === undefined
        ? Number.POSITIVE_INFINITY
        : p.maxCount === 0
          ? 0
          : (p.maxGoodwill ?? Number.POSITIVE_INFINITY),
  };
  return (Object.keys(values) as CapLimitName[]).reduce((a, b) => (values[b] < values[a] ? b : a));
}

/** Whether a goodwill remedy exceeds its limit for these facts (for the search). */
export function exceedsAt(spec: RemedySpec, facts: Facts, policy: Policy): boolean {
  const v = facts.hasOrder ? facts.orderTotal : facts.monthlyPrice;
  if (v <= 0) return false;
  const cost = at(costPieces(spec, facts.monthlyPrice, !facts.hasOrder), v);
  const limit = at(
    Object.values(
      limitPieces(
        policy,
        policy.maxGoodwillShareBySeverity[facts.severityBand],
        policy.maxGoodwillByTier[facts.valueTier],
      ),
    ),
    v,
  );
  return cost > limit + 1e-9;
}
