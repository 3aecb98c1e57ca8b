import type { Remedy, RemedyType } from '../../index';
import type { Decided } from '../../recommend/recommendation';

/**
 * What a simulation's summary reads of one recommendation, flat: the tallies (side.ts, changes.ts),
 * the outcome evidence and the report read these fields and no other. A replay on worker threads
 * sends only this back to the calling thread (a few hundred bytes a complaint and rule set, a handful
 * of objects, instead of the whole trace): the remedies travel as one string, read only for the few
 * changes the summary lists, and what the tallies derive from them (their types, what makes two
 * recommendations the same) is worked out where the recommendation was made.
 */
export interface Tallied {
  readonly complaintId: string;
  /** The complaint's currency: every amount below is in it. */
  readonly currency: string;
  readonly totalCost: number;
  readonly restitutionCost: number;
  readonly goodwillCost: number;
  /** The remedies' types, each once, in the order of the remedies. */
  readonly types: readonly RemedyType[];
  /** The remedies, as JSON text (see `remediesOf`); with `mode` and `queue`, what `sameForCustomer` compares. */
  readonly remedies: string;
  readonly band: Decided['severity']['band'];
  readonly tier: Decided['value']['tier'];
  readonly mode: Decided['handling']['mode'];
  /** The queue a person picks the case up from (null when none). */
  readonly queue: Decided['handling']['queue'];
  readonly reasons: readonly string[];
  /** The complaint's category, as the rules saw it. */
  readonly category: string;
  /** The names of the rules that fired, highest priority first. */
  readonly fired: readonly string[];
  /** For a complaint linked to a case: what linking kept from being paid twice. */
  readonly saved?: number;
}

/** The remedies with their parameters, in an order of their own: not which rule gave each, nor its priority. */
function remedySignature(remedies: readonly Remedy[]): string {
  return JSON.stringify(
    remedies.map(({ rule: _rule, priority: _priority, ...rest }) => JSON.stringify(rest)).sort(),
  );
}

/**
 * Whether two recommendations are the same for the customer: the same remedies with the same
 * parameters (whichever rules gave them, in whatever order), handled the same way by the same queue.
 * The same remedies' text settles it at once, as it does for most complaints a new rule set leaves
 * alone, and a different total cost or remedy type most of the others; the rest are read back and compared without their rules (a replay once did that for every
 * recommendation, 5-6% of its CPU time).
 */
export function sameForCustomer(a: Tallied, b: Tallied): boolean {
  if (a.mode !== b.mode || a.queue !== b.queue) return false;
  if (a.remedies === b.remedies) return true;
  // The total is the remedies' own estimated costs summed in minor units (whatever their order): the
  // same remedies cost the same, so a different total settles most changes without reading either back.
  if (a.totalCost !== b.totalCost) return false;
  // A remedy of a type the other does not give: different, without reading either back.
  if (a.types.length !== b.types.length || a.types.some((type) => !b.types.includes(type))) return false;
  return remedySignature(remediesOf(a)) === remedySignature(remediesOf(b));
}

/** The fields of a recommendation a simulation reads (a `Decided`, or a whole `Recommendation`). */
export function tallied(rec: Decided): Tallied {
  const { handling, trace } = rec;
  const types: RemedyType[] = [];
  for (const remedy of rec.remedies) if (!types.includes(remedy.type)) types.push(remedy.type);
  const fired: string[] = [];
  for (const rule of trace.fired) fired.push(rule.name);
  const result: Tallied = {
    complaintId: rec.complaintId,
    currency: rec.currency,
    totalCost: rec.totalCost,
    restitutionCost: rec.restitutionCost,
    goodwillCost: rec.goodwillCost,
    types,
    remedies: JSON.stringify(rec.remedies),
    band: rec.severity.band,
    tier: rec.value.tier,
    mode: handling.mode,
    queue: handling.queue,
    reasons: handling.reasons,
    category: trace.facts.category,
    fired,
  };
  // What linking saved, for the few complaints linked to a case.
  return rec.case ? { ...result, saved: rec.case.saved } : result;
}

/** The remedies of a tallied recommendation. */
export function remediesOf(rec: Pick<Tallied, 'remedies'>): Remedy[] {
  return JSON.parse(rec.remedies) as Remedy[];
}
