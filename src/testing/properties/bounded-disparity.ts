import * as fc from 'fast-check';
import type { ComplaintInput } from '../../complaint/schema';
import { toMinor } from '../../money';
import { complaintArbitrary } from '../complaint-arbitrary';
import {
  type CustomerValueProfile,
  customerValueArbitrary,
  LOWEST_VALUE,
  withValidCustomerValue,
} from '../customer-value';
import { summarize } from '../generosity';
import { complaintsFor, type FairnessOptions, type FairnessSubject, resolveSubject } from '../subject';
import { FairnessViolation, indent } from '../violation';

/**
 * Bounded disparity (individual fairness): two complaints that differ only in customer value get total
 * costs within the rule set's declared bound, `policy.fairness`:
 * `higher ≤ max(maxValueCostRatio × lower, lower + valueCostAllowance)`.
 */
export function boundedDisparity(
  subject: FairnessSubject,
  options: FairnessOptions = {},
): fc.IAsyncPropertyWithHooks<[ComplaintInput, CustomerValueProfile, CustomerValueProfile]> {
  const target = resolveSubject(subject, options);
  const { maxValueCostRatio, valueCostAllowance } = target.ruleSet.policy.fairness;
  // The least valuable customer is where disparity is widest, so it is drawn often.
  const profile = fc.oneof(customerValueArbitrary(), fc.constant(LOWEST_VALUE));
  return fc.asyncProperty(
    complaintArbitrary(complaintsFor(target, options)),
    profile,
    profile,
    async (complaint, p, q) => {
      const a = await target.recommend(withValidCustomerValue(complaint, p));
      const b = await target.recommend(withValidCustomerValue(complaint, q));
      const [low, high] =
        toMinor(a.totalCost, a.currency) <= toMinor(b.totalCost, b.currency) ? [a, b] : [b, a];
      const lowMinor = toMinor(low.totalCost, low.currency);
      const highMinor = toMinor(high.totalCost, high.currency);
      const bound = Math.max(
        maxValueCostRatio * lowMinor,
        lowMinor + toMinor(valueCostAllowance, low.currency),
      );
      if (highMinor > bound) {
        throw new FairnessViolation(
          [
            `two customers with the same harm get ${high.totalCost} and ${low.totalCost} ${low.currency}: more than ` +
              `${maxValueCostRatio}× the lower total and more than ${valueCostAllowance} ${low.currency} above it ` +
              '(policy.fairness)',
            `more valuable customer (value ${high.value.score}, ${high.value.tier}):`,
            indent(summarize(high), '    '),
            `less valuable customer (value ${low.value.score}, ${low.value.tier}):`,
            indent(summarize(low), '    '),
          ].join('\n'),
        );
      }
    },
  );
}
