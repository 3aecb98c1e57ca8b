import * as fc from 'fast-check';
import { parseComplaint } from '../../complaint/parse';
import type { ComplaintInput } from '../../complaint/schema';
import { capViolations } from '../cap-check';
import { complaintArbitrary } from '../complaint-arbitrary';
import { summarize } from '../generosity';
import { complaintsFor, type FairnessOptions, type FairnessSubject, resolveSubject } from '../subject';
import { FairnessViolation, indent } from '../violation';

/**
 * Caps hold: every recommendation stays within every cap of its rule set's policy, every remedy's
 * parameters are valid and priced as documented, and the totals add up exactly (see `capViolations`).
 */
export function capsHold(
  subject: FairnessSubject,
  options: FairnessOptions = {},
): fc.IAsyncPropertyWithHooks<[ComplaintInput]> {
  const target = resolveSubject(subject, options);
  const policy = target.ruleSet.policy;
  return fc.asyncProperty(complaintArbitrary(complaintsFor(target, options)), async (complaint) => {
    const rec = await target.recommend(complaint);
    const problems = capViolations(parseComplaint(complaint), rec, policy);
    if (problems.length > 0) {
      throw new FairnessViolation(
        [
          'the recommendation breaks its caps or its remedies are invalid:',
          ...problems.map((p) => `  - ${p}`),
          'recommendation:',
          indent(summarize(rec), '    '),
        ].join('\n'),
      );
    }
  });
}
