import { affectedValue, complaintCurrency } from '../complaint/measures';
import type { Complaint } from '../complaint/schema';
import { fitsCurrency, fromMinor, toMinor } from '../money';
import type { Policy } from '../policy/schema';
import type { Recommendation } from '../recommend/recommendation';
import { type Remedy, type RemedyType, remedyProblems } from '../remedies/catalogue';
import { toMs } from './instants';

/**
 * An independent check of one recommendation against its complaint and its rule set's policy, written
 * from the README ("Remedies", "Caps and handling") rather than from the code that made it:
 *
 * - totals are exact: `totalCost` is the sum of the remedies, split exactly into restitution and
 *   goodwill, and care (apology, escalation) costs nothing;
 * - the cost is within every cap: goodwill stays within `cap.goodwillLimit`, which is at most the tier
 *   limit, the severity share of the affected value, what restitution leaves under the total share, and
 *   the customer's own allowance (restitution is owed and never capped);
 * - every remedy's parameters are valid and priced as documented, with one remedy per type and one
 *   apology;
 * - a recommendation is automatic only when nothing needs a person and its cost is within
 *   `autoApproveMaxCost`; one for a person names its reasons and its queue;
 * - each alternative holds as the first choice does (valid remedies, exact totals, goodwill within the
 *   same limits given its own restitution) and gives the remedy it offers.
 *
 * Returns one sentence per problem; empty when the recommendation holds.
 */
export function capViolations(complaint: Complaint, rec: Recommendation, policy: Policy): string[] {
  const problems: string[] = [];
  const currency = complaintCurrency(complaint);
  if (rec.currency !== currency) problems.push(`currency is ${rec.currency}, the complaint's is ${currency}`);
  const check: Check = {
    problems,
    currency,
    minor: (amount: number) => toMinor(amount, currency),
    amount: (what: string, value: number) => {
      if (
        typeof value !== 'number' ||
        !Number.isFinite(value) ||
        value < 0 ||
        !fitsCurrency(value, currency)
      ) {
        problems.push(`${what} is ${String(value)}, not an amount of ${currency}`);
      }
    },
  };
  const sums = remedySums(check, complaint, rec, policy);
  totalProblems(check, rec, sums);
  capProblems(check, complaint, rec, policy, sums);
  handlingProblems(check, complaint, rec, policy, sums.total);
  alternativeProblems(check, complaint, rec, policy);
  return problems;
}

/**
 * Each alternative holds as the first choice does: its remedies valid and priced as documented, its
 * totals their sums, and its goodwill within the same limits (what its own restitution leaves under
 * the total share); restitution, whatever its form, whole.
 */
function alternativeProblems(check: Check, complaint: Complaint, rec: Recommendation, policy: Policy): void {
  rec.alternatives.forEach((alternative, i) => {
    const problems: string[] = [];
    const own: Check = { ...check, problems };
    const sums = remedySums(own, complaint, alternative, policy);
    totalProblems(own, alternative, sums);
    const ceiling = goodwillCeiling(own, complaint, rec, policy, sums.restitution);
    if (sums.goodwill > ceiling) {
      problems.push(
        `goodwill of ${fromMinor(sums.goodwill, check.currency)} is over the goodwill limit of ${fromMinor(ceiling, check.currency)}`,
      );
    }
    if (!alternative.remedies.some((r) => r.type === alternative.choice))
      problems.push(`it does not give the ${alternative.choice} it offers`);
    for (const p of problems) check.problems.push(`alternative ${i + 1} (${alternative.choice}): ${p}`);
  });
}

/** The most goodwill a set with `restitution` owed may carry: the smallest of the policy's limits. */
function goodwillCeiling(
  { minor }: Check,
  complaint: Complaint,
  rec: Recommendation,
  policy: Policy,
  restitution: number,
): number {
  const value = minor(affectedValue(complaint));
  return Math.min(
    minor(policy.maxGoodwillByTier[rec.value.tier]),
    Math.round(value * policy.maxGoodwillShareBySeverity[rec.severity.band]),
    Math.max(0, Math.round(value * policy.maxTotalShareOfValue) - restitution),
    rec.cap.customerLimit === null ? Number.POSITIVE_INFINITY : minor(rec.cap.customerLimit),
  );
}

/** What the checks of one recommendation share: its problems so far and its currency. */
interface Check {
  readonly problems: string[];
  readonly currency: string;
  /** An amount in minor units of the currency. */
  readonly minor: (amount: number) => number;
  /** Adds a problem unless `value` is an amount of the currency. */
  readonly amount: (what: string, value: number) => void;
}

/** Remedies with their totals: a recommendation's first choice, or one of its alternatives. */
type RemedySet = Pick<Recommendation, 'remedies' | 'totalCost' | 'restitutionCost' | 'goodwillCost'>;

/** What the remedies cost, in minor units. */
interface Sums {
  readonly total: number;
  readonly restitution: number;
  readonly goodwill: number;
}

/** Each remedy checked on its own, one per type and an apology among them; what they add up to. */
function remedySums(check: Check, complaint: Complaint, rec: RemedySet, policy: Policy): Sums {
  const { problems, minor, amount } = check;
  const seen = new Set<RemedyType>();
  let total = 0;
  let restitution = 0;
  let goodwill = 0;
  for (const r of rec.remedies) {
    if (seen.has(r.type)) problems.push(`more than one ${r.type}`);
    seen.add(r.type);
    amount(`the ${r.type}'s estimatedCost`, r.estimatedCost);
    const cost = minor(r.estimatedCost);
    total += cost;
    if (r.kind === 'restitution') restitution += cost;
    else if (r.kind === 'goodwill') goodwill += cost;
    else if (cost !== 0) problems.push(`the ${r.type} is care but costs ${r.estimatedCost}`);
    for (const p of remedyProblemsIn(r, complaint, policy)) problems.push(`${r.type} (rule ${r.rule}): ${p}`);
  }
  if (!seen.has('apology')) problems.push('there is no apology');
  return { total, restitution, goodwill };
}

/** The recommendation's totals are the remedies' sums, exactly. */
function totalProblems({ problems, currency, minor, amount }: Check, rec: RemedySet, sums: Sums): void {
  for (const [field, expected] of [
    ['totalCost', sums.total],
    ['restitutionCost', sums.restitution],
    ['goodwillCost', sums.goodwill],
  ] as const) {
    amount(field, rec[field]);
    if (minor(rec[field]) !== expected) {
      problems.push(`${field} is ${rec[field]}, but the remedies add up to ${fromMinor(expected, currency)}`);
    }
  }
}

/** The caps are the policy's, and goodwill stays within the smallest of them. */
function capProblems(
  { problems, currency, minor }: Check,
  complaint: Complaint,
  rec: Recommendation,
  policy: Policy,
  sums: Sums,
): void {
  const value = minor(affectedValue(complaint));
  const expected = {
    tierLimit: minor(policy.maxGoodwillByTier[rec.value.tier]),
    severityLimit: Math.round(value * policy.maxGoodwillShareBySeverity[rec.severity.band]),
    totalLimit: Math.round(value * policy.maxTotalShareOfValue),
  };
  for (const [field, want] of Object.entries(expected) as [keyof typeof expected, number][]) {
    if (minor(rec.cap[field]) !== want) {
      problems.push(`cap.${field} is ${rec.cap[field]}, the policy gives ${fromMinor(want, currency)}`);
    }
  }
  // Goodwill gets the smallest of its limits; restitution is owed and never capped.
  const ceiling = Math.min(
    expected.tierLimit,
    expected.severityLimit,
    Math.max(0, expected.totalLimit - sums.restitution),
    rec.cap.customerLimit === null ? Number.POSITIVE_INFINITY : minor(rec.cap.customerLimit),
  );
  const limit = minor(rec.cap.goodwillLimit);
  if (limit > ceiling) {
    problems.push(`cap.goodwillLimit ${rec.cap.goodwillLimit} is above the smallest goodwill limit`);
  }
  if (sums.goodwill > limit) {
    problems.push(
      `goodwill of ${fromMinor(sums.goodwill, currency)} is over the goodwill limit of ${rec.cap.goodwillLimit}`,
    );
  }
}

/** Automatic only when nothing needs a person and the cost is within the limit; a person's queue named. */
function handlingProblems(
  { problems, minor }: Check,
  complaint: Complaint,
  rec: Recommendation,
  policy: Policy,
  total: number,
): void {
  const h = rec.handling;
  if (h.mode === 'automatic') {
    if (h.reasons.length > 0) problems.push(`handling is automatic despite ${h.reasons.join(', ')}`);
    if (total > minor(policy.autoApproveMaxCost)) {
      problems.push(
        `handling is automatic at ${rec.totalCost}, above autoApproveMaxCost ${policy.autoApproveMaxCost}`,
      );
    }
  } else {
    if (h.reasons.length === 0) problems.push('handling goes to a person without a reason');
    if (!h.queue) problems.push('handling goes to a person without naming a queue');
  }
  if (h.respondOn !== complaint.channel)
    problems.push(`the answer goes out on ${h.respondOn}, not ${complaint.channel}`);
}

/** Each remedy's own check (its module's `check`), with what it reads of the complaint and the policy. */
function remedyProblemsIn(r: Remedy, complaint: Complaint, policy: Policy): string[] {
  const currency = complaintCurrency(complaint);
  return remedyProblems(r, {
    complaint,
    currency,
    minor: (amount) => toMinor(amount, currency),
    receivedMs: toMs(complaint.receivedAt),
    shippingCost: policy.shippingCost,
    returnCost: policy.returnCost,
    respondWithinHours: policy.respondWithinHours,
  });
}
