import { fromMinor } from '../money';
import type { Candidate } from '../policy/caps';
import type { Remedy } from '../remedies/catalogue';

/**
 * A remedy as a recommendation shows it: its type, then its kind (which `materialise` adds last, to
 * what the remedy made, rather than copy it all to put the kind second), then its parameters and
 * origin, in major units, without the rule's spec. Its fields are
 * copied one by one, in their order, rather than by rest and spread: each remedy type has its own
 * fields, and V8's spread of objects of many shapes takes a slow path (about 1.3 µs a remedy against
 * 0.2 µs, measured), several times a recommendation.
 */
export function toRemedy(candidate: Candidate, currency: string): Remedy {
  const remedy: Record<string, unknown> = { type: candidate.type, kind: candidate.kind };
  const fields = candidate as unknown as Record<string, unknown>;
  for (const key in fields)
    if (key !== 'type' && key !== 'kind' && key !== 'costMinor' && key !== 'spec') remedy[key] = fields[key];
  remedy.estimatedCost = fromMinor(candidate.costMinor, currency);
  return remedy as unknown as Remedy;
}
