import * as fc from 'fast-check';
import type { ComplaintInput } from '../../complaint/schema';
import { currencyDigits } from '../../money';
import { parseTimestamp } from '../../time/timestamp';
import { complaintArbitrary } from '../complaint-arbitrary';
import { firstDifference, withoutGreeting } from '../difference';
import { type NonFactChange, nonFactChangeArbitrary, withNonFactChange } from '../non-fact-change';
import { complaintsFor, type FairnessOptions, type FairnessSubject, resolveSubject } from '../subject';
import { FairnessViolation } from '../violation';

/** One past compensation, placed relative to the complaint: a share of the way from `since` to `receivedAt`. */
interface PastCompensation {
  readonly at: number;
  readonly minorUnits: number;
  readonly type: 'goodwill' | 'restitution';
}

const pastArbitrary: fc.Arbitrary<PastCompensation[]> = fc.array(
  fc.record({
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    minorUnits: fc.integer({ min: 1, max: 20_000 }),
    type: fc.constantFrom<'goodwill' | 'restitution'>('goodwill', 'goodwill', 'restitution'),
  }),
  { maxLength: 6 },
);

/**
 * The complaint with a compensation history inside the customer's own lifetime (between `since` and
 * `receivedAt`), so that nothing else about the customer changes.
 */
function withHistory(complaint: ComplaintInput, past: readonly PastCompensation[]): ComplaintInput {
  const currency = complaint.order?.currency ?? complaint.subscription?.currency ?? 'EUR';
  const from = parseTimestamp(complaint.customer.since).getTime();
  const to = parseTimestamp(complaint.receivedAt).getTime();
  const history = past.map((p) => ({
    at: new Date(Math.floor(from + p.at * (to - from))).toISOString(),
    amount: p.minorUnits / 10 ** currencyDigits(currency),
    currency,
    type: p.type,
  }));
  return { ...complaint, customer: { ...complaint.customer, compensationHistory: history } };
}

/**
 * Compensation history: what a customer received before only ever reduces goodwill — never
 * restitution — and a reduction always sends the case to a person ("compensation limit reached").
 * Two customers with the same harm and the same history get the same recommendation.
 */
export function compensationHistory(
  subject: FairnessSubject,
  options: FairnessOptions = {},
): fc.IAsyncPropertyWithHooks<[ComplaintInput, PastCompensation[], NonFactChange]> {
  const target = resolveSubject(subject, options);
  return fc.asyncProperty(
    complaintArbitrary(complaintsFor(target, options)),
    pastArbitrary,
    nonFactChangeArbitrary(),
    async (complaint, past, change) => {
      const fresh = withHistory(complaint, []);
      const withPast = withHistory(complaint, past);
      const none = await target.recommend(fresh);
      const some = await target.recommend(withPast);
      const restitution = (r: typeof none) => r.remedies.filter((x) => x.kind === 'restitution');
      const changedRestitution = firstDifference(restitution(some), restitution(none));
      if (changedRestitution !== undefined || some.restitutionCost !== none.restitutionCost) {
        throw new FairnessViolation(
          `a compensation history changed the restitution (at ${changedRestitution ?? 'restitutionCost'})`,
        );
      }
      if (some.goodwillCost > none.goodwillCost) {
        throw new FairnessViolation(
          `a compensation history raised goodwill from ${none.goodwillCost} to ${some.goodwillCost} ${some.currency}`,
        );
      }
      if (some.goodwillCost < none.goodwillCost && !some.handling.reasons.includes('compensation_limit')) {
        throw new FairnessViolation(
          'goodwill was reduced for the history, but the case does not go to a person',
        );
      }
      const twin = await target.recommend(withNonFactChange(withPast, change));
      const difference = firstDifference(withoutGreeting(twin), withoutGreeting(some));
      if (difference !== undefined) {
        throw new FairnessViolation(
          `two customers with the same harm and the same history got different recommendations (at ${difference})`,
        );
      }
    },
  );
}
