import { fromMinor } from '../money';
import type { Candidate } from '../policy/caps';
import type { Remedy } from '../remedies/catalogue';

/** A remedy as a recommendation shows it: in major units, without the rule's spec. */
export function toRemedy({ costMinor, spec: _spec, ...rest }: Candidate, currency: string): Remedy {
  return { ...rest, estimatedCost: fromMinor(costMinor, currency) } as Remedy;
}
