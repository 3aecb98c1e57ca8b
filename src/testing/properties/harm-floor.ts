import * as fc from 'fast-check';
import type { ComplaintInput } from '../../complaint/schema';
import { complaintArbitrary } from '../complaint-arbitrary';
import {
  type CustomerValueProfile,
  customerValueArbitrary,
  LOWEST_VALUE,
  withValidCustomerValue,
} from '../customer-value';
import { generosityShortfalls, summarize } from '../generosity';
import { complaintsFor, type FairnessOptions, type FairnessSubject, resolveSubject } from '../subject';
import { FairnessViolation, indent } from '../violation';

/**
 * Harm floor: for the same harm, what the least valuable customer is offered (`lowestValueTwin`) is the
 * floor. No customer of any value is offered less, in the generosity order: value may only add.
 */
export function harmFloor(
  subject: FairnessSubject,
  options: FairnessOptions = {},
): fc.IAsyncPropertyWithHooks<[ComplaintInput, CustomerValueProfile]> {
  const target = resolveSubject(subject, options);
  return fc.asyncProperty(
    complaintArbitrary(complaintsFor(target, options)),
    customerValueArbitrary(),
    async (complaint, profile) => {
      const floor = await target.recommend(withValidCustomerValue(complaint, LOWEST_VALUE));
      const customer = await target.recommend(withValidCustomerValue(complaint, profile));
      const reasons = generosityShortfalls(customer, floor);
      if (reasons.length > 0) {
        throw new FairnessViolation(
          [
            `a customer of value ${customer.value.score} (${customer.value.tier}) is offered less than the floor for the same harm (value ${floor.value.score}, ${floor.value.tier}):`,
            ...reasons.map((r) => `  - ${r}`),
            'floor:',
            indent(summarize(floor), '    '),
            'customer:',
            indent(summarize(customer), '    '),
          ].join('\n'),
        );
      }
    },
  );
}
