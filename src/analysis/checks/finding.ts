import type { ComplaintInput } from '../../complaint/schema';
import type { Facts } from '../../facts/catalogue';

/** A complaint that shows a finding: its facts, and the complaint itself (valid input to `recommend`). */
export interface Example {
  readonly facts: Facts;
  readonly complaint: ComplaintInput;
}

/**
 * How a finding was established: `exact` (reasoned over the facts' sets of values and the scoring
 * model: a proof) or `search` (found by a seeded search over generated complaints).
 */
export type FindingMethod = 'exact' | 'search';

/** What every finding says. */
export interface FindingBase {
  /** The rules the finding is about (none for a gap). */
  readonly rules: readonly string[];
  readonly method: FindingMethod;
  /** The finding in one plain sentence. */
  readonly message: string;
}

/** An example from a witness or a sample: only the facts and the complaint, nothing else they carry. */
export const example = (s: { facts: Facts; complaint: ComplaintInput }): Example => ({
  facts: s.facts,
  complaint: s.complaint,
});

/** An example and how it was found: what a check looks for. */
export interface Found {
  readonly at: Example;
  readonly method: FindingMethod;
}
