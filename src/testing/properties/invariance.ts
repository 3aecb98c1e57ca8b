import * as fc from 'fast-check';
import type { ComplaintInput } from '../../complaint/schema';
import { complaintArbitrary } from '../complaint-arbitrary';
import { firstDifference, withoutGreeting } from '../difference';
import { type NonFactChange, nonFactChangeArbitrary, withNonFactChange } from '../non-fact-change';
import { complaintsFor, type FairnessOptions, type FairnessSubject, resolveSubject } from '../subject';
import { FairnessViolation } from '../violation';

/**
 * Invariance: changing who the customer is or where they are — name, email, locale, region, any
 * `attributes` — never changes the recommendation in any way (deep equality, rationale, message and
 * trace included; only the message's greeting may name the customer).
 */
export function invariance(
  subject: FairnessSubject,
  options: FairnessOptions = {},
): fc.IAsyncPropertyWithHooks<[ComplaintInput, NonFactChange]> {
  const target = resolveSubject(subject, options);
  return fc.asyncProperty(
    complaintArbitrary(complaintsFor(target, options)),
    nonFactChangeArbitrary(),
    async (complaint, change) => {
      const original = await target.recommend(complaint);
      const changed = await target.recommend(withNonFactChange(complaint, change));
      const difference = firstDifference(withoutGreeting(changed), withoutGreeting(original));
      if (difference !== undefined) {
        throw new FairnessViolation(
          `changing the customer's non-fact fields (${JSON.stringify(change)}) changed the recommendation at ${difference}`,
        );
      }
    },
  );
}
