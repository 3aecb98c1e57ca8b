import { fromMinor, toMinor } from '../money';
import type { Recommendation } from '../recommend/recommendation';
import { REMEDY_TYPES, type RemedyType, remedyRank } from '../remedies/catalogue';

/**
 * The generosity order: when one recommendation is "at least as generous" as another. Severity
 * monotonicity and the harm floor are both stated with it.
 *
 * `a` is at least as generous as `b` when all three hold:
 *
 * 1. **Remedy order.** `a`'s highest remedy is at least as high as `b`'s on the remedy order
 *    apology < coupon < gift < store_credit < free_month < return < resend < refund < escalate (`REMEDY_TYPES`).
 * 2. **Offered.** The rules offered at least as much for `a` as for `b`: the estimated cost before the
 *    caps, i.e. every remedy given plus, for each type the cap cut, what the rules offered of it.
 * 3. **Given.** `a`'s total cost is at least `b`'s, with the one exception the caps force: when `a`
 *    owes more restitution than `b` and the cap took goodwill from `a`. Restitution is never cut, so a
 *    larger resend or refund can leave no room under the same cap for an add-on both were offered;
 *    the cap drops whole remedies, so `a` can end a little below `b`.
 *
 * Money is compared in integer minor units of the recommendation's currency.
 */

/** The highest remedy of a recommendation on the remedy order (every recommendation has an apology). */
export function topRemedy(rec: Recommendation): RemedyType {
  let top: RemedyType = 'apology';
  for (const r of rec.remedies) if (remedyRank(r.type) > remedyRank(top)) top = r.type;
  return top;
}

/**
 * What the rules offered before the caps, in major units: the cost of every remedy given, except that
 * for a type the cap cut (dropped, or replaced by a lesser offer) it is the cost of the first offer the
 * cap took, the one the rules put first.
 */
export function offeredCost(rec: Recommendation): number {
  const byType = new Map<RemedyType, number>();
  for (const d of rec.trace.dropped) {
    if (d.reason === 'cap' && !byType.has(d.type)) byType.set(d.type, toMinor(d.estimatedCost, rec.currency));
  }
  for (const r of rec.remedies) {
    if (!byType.has(r.type)) byType.set(r.type, toMinor(r.estimatedCost, rec.currency));
  }
  let total = 0;
  for (const minor of byType.values()) total += minor;
  return fromMinor(total, rec.currency);
}

const minor = (amount: number, rec: Recommendation) => toMinor(amount, rec.currency);

/**
 * Why `a` is not at least as generous as `b` under the generosity order, one sentence per reason;
 * empty when it is. Both must be in the same currency.
 */
export function generosityShortfalls(a: Recommendation, b: Recommendation): string[] {
  if (a.currency !== b.currency) return [`the currencies differ (${a.currency} vs ${b.currency})`];
  const reasons: string[] = [];
  const topA = topRemedy(a);
  const topB = topRemedy(b);
  if (remedyRank(topA) < remedyRank(topB)) {
    reasons.push(
      `its highest remedy is ${topA}, lower on the remedy order than ${topB} (${REMEDY_TYPES.join(' < ')})`,
    );
  }
  const offeredA = offeredCost(a);
  const offeredB = offeredCost(b);
  if (minor(offeredA, a) < minor(offeredB, b)) {
    reasons.push(`the rules offered ${money(offeredA, a)} before the caps, less than ${money(offeredB, b)}`);
  }
  if (minor(a.totalCost, a) < minor(b.totalCost, b)) {
    const capForced =
      minor(a.restitutionCost, a) > minor(b.restitutionCost, b) &&
      a.trace.dropped.some((d) => d.reason === 'cap');
    if (!capForced)
      reasons.push(`its total cost ${money(a.totalCost, a)} is less than ${money(b.totalCost, b)}`);
  }
  return reasons;
}

/** A short, stable summary of a recommendation for failure reports: remedies, costs, handling. */
export function summarize(rec: Recommendation): string {
  const remedies = rec.remedies.map(
    (r) => `${r.type} ${money(r.estimatedCost, rec)} [${r.kind}, rule ${r.rule}]`,
  );
  const capped = rec.trace.dropped
    .filter((d) => d.reason === 'cap')
    .map((d) => `${d.type} from rule ${d.rule}`);
  return [
    `remedies: ${remedies.join('; ')}`,
    `total ${money(rec.totalCost, rec)} (restitution ${money(rec.restitutionCost, rec)}, goodwill ${money(rec.goodwillCost, rec)}), goodwill limit ${money(rec.cap.goodwillLimit, rec)}`,
    `severity ${rec.severity.score} (${rec.severity.band}), value ${rec.value.score} (${rec.value.tier}), handling ${rec.handling.mode}`,
    `rules fired: ${rec.trace.fired.map((f) => f.name).join(', ') || 'none'}${capped.length > 0 ? `; cut by the cap: ${capped.join(', ')}` : ''}`,
  ].join('\n');
}

function money(amount: number, rec: Pick<Recommendation, 'currency'>): string {
  return `${amount} ${rec.currency}`;
}
