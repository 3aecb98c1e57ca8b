import * as fc from 'fast-check';
import type { ComplaintInput } from '../../complaint/schema';
import { complaintArbitrary } from '../complaint-arbitrary';
import { generosityShortfalls, summarize } from '../generosity';
import {
  describeHarmChange,
  type HarmChange,
  type HarmChangeKind,
  harmChangeArbitrary,
  worsenValidHarm,
} from '../harm-change';
import { complaintsFor, type FairnessOptions, type FairnessSubject, resolveSubject } from '../subject';
import { FairnessViolation, indent } from '../violation';

/** Options of `severityMonotonicity`. */
export interface SeverityMonotonicityOptions extends FairnessOptions {
  /** The ways of worsening the harm to try. Default: all (`HARM_CHANGE_KINDS`). */
  readonly changes?: readonly HarmChangeKind[];
}

/**
 * Severity monotonicity: making the harm worse with everything else equal (more days late, public
 * instead of private, a larger reach, a repeat, more items affected, an angrier tone) never gives a
 * less generous recommendation, in the generosity order (see `generosityShortfalls`). Runs where the
 * drawn change cannot apply to the drawn complaint are skipped.
 */
export function severityMonotonicity(
  subject: FairnessSubject,
  options: SeverityMonotonicityOptions = {},
): fc.IAsyncPropertyWithHooks<[ComplaintInput, HarmChange]> {
  const target = resolveSubject(subject, options);
  return fc.asyncProperty(
    complaintArbitrary(complaintsFor(target, options)),
    harmChangeArbitrary(options.changes),
    async (complaint, change) => {
      const worse = worsenValidHarm(complaint, change);
      fc.pre(worse !== undefined);
      const before = await target.recommend(complaint);
      const after = await target.recommend(worse as ComplaintInput);
      const reasons = generosityShortfalls(after, before);
      if (reasons.length > 0) {
        throw new FairnessViolation(
          [
            `making the harm worse (${describeHarmChange(change)}) gave a less generous recommendation:`,
            ...reasons.map((r) => `  - ${r}`),
            'before:',
            indent(summarize(before), '    '),
            'after:',
            indent(summarize(after), '    '),
          ].join('\n'),
        );
      }
    },
  );
}
