import type { Remedy, RemedyType } from '../../index';
import type { Decided } from '../../recommend/recommendation';
import { remedySignature, sameRemedies, sameRemedyText } from './same-remedies';

/**
 * Both decisions of a complaint that the two rule sets of a replay decide the same for the customer,
 * when nothing will read their remedies (replay-ahead.ts): no summary, report or change reads the
 * remedies of a complaint that does not change, so they are neither written as text nor sent across
 * from a worker thread. The two decisions carry this one value, which `sameForCustomer` takes as the
 * same remedies.
 */
export const SAME_FOR_CUSTOMER: unique symbol = Symbol('the same for the customer under both rule sets');

/**
 * A decision's remedies as a replay carries them: the list itself in the thread that made it, its
 * JSON text once it crossed from a worker thread, or `SAME_FOR_CUSTOMER`.
 */
export type TalliedRemedies = readonly Remedy[] | string | typeof SAME_FOR_CUSTOMER;

/**
 * What a simulation's summary reads of one recommendation, flat: the tallies (side.ts, changes.ts),
 * the outcome evidence and the report read these fields and no other. A replay on worker threads
 * sends only this back to the calling thread (a few hundred bytes a complaint and rule set, a handful
 * of objects, instead of the whole trace): the remedies travel as one string, or not at all when the
 * two rule sets decide the complaint the same for the customer, read only for the few changes the
 * summary lists, and what the tallies derive from them (their types, what makes two recommendations
 * the same) is worked out where the recommendation was made.
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
  /** The remedies (see `TalliedRemedies`, `remediesOf`); with `mode` and `queue`, what `sameForCustomer` compares. */
  readonly remedies: TalliedRemedies;
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

/**
 * Whether two recommendations are the same for the customer: the same remedies with the same
 * parameters (whichever rules gave them, in whatever order), handled the same way by the same queue.
 * The same remedies (the same text, or both marked `SAME_FOR_CUSTOMER`) settle it at once, as they do
 * for most complaints a new rule set leaves alone, and a different total cost or remedy type most of
 * the others; the rest are compared without their rules: the lists themselves where both are at hand,
 * else read back from their text (a replay once did that for every recommendation, 5-6% of its CPU).
 */
export function sameForCustomer(a: Tallied, b: Tallied): boolean {
  if (a.mode !== b.mode || a.queue !== b.queue) return false;
  if (sameText(a.remedies, b.remedies)) return true;
  // The total is the remedies' own estimated costs summed in minor units (whatever their order): the
  // same remedies cost the same, so a different total settles most changes without reading either back.
  if (a.totalCost !== b.totalCost) return false;
  // A remedy of a type the other does not give: different, without reading either back.
  if (a.types.length !== b.types.length || a.types.some((type) => !b.types.includes(type))) return false;
  if (Array.isArray(a.remedies) && Array.isArray(b.remedies)) return sameRemedies(a.remedies, b.remedies);
  return remedySignature(remediesOf(a)) === remedySignature(remediesOf(b));
}

/** Whether the two remedies' texts are the same (the lists at hand compared as their texts would be). */
function sameText(a: TalliedRemedies, b: TalliedRemedies): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return sameRemedyText(a, b);
  // A list decided here against the text of one decided on a worker (a complaint decided again, linked).
  return typeof a !== typeof b && remediesText(a) === remediesText(b);
}

/**
 * Whether two decisions of one complaint are the same for the customer, from the decisions themselves
 * (as `sameForCustomer` would answer for their summaries).
 */
export function sameDecisions(a: Decided, b: Decided): boolean {
  if (a.handling.mode !== b.handling.mode || a.handling.queue !== b.handling.queue) return false;
  if (sameRemedyText(a.remedies, b.remedies)) return true;
  return a.totalCost === b.totalCost && sameRemedies(a.remedies, b.remedies);
}

/**
 * The remedies' types, each once, in their order. Made at their length (`map`): an array grown by
 * `push` from empty makes room for 16, garbage for every decision a replay makes.
 */
function typesOf(remedies: readonly Remedy[]): RemedyType[] {
  const types = remedies.map((remedy) => remedy.type);
  for (let i = 1; i < types.length; i++)
    if (types.indexOf(types[i] as RemedyType) < i) return [...new Set(types)];
  return types;
}

/**
 * The fields of a recommendation a simulation reads (a `Decided`, or a whole `Recommendation`), its
 * remedies as `remedies` has them (the list itself unless told otherwise).
 */
export function tallied(rec: Decided, remedies: TalliedRemedies = rec.remedies): Tallied {
  const { handling, trace } = rec;
  const fired = trace.fired.map((rule) => rule.name);
  const result: Tallied = {
    complaintId: rec.complaintId,
    currency: rec.currency,
    totalCost: rec.totalCost,
    restitutionCost: rec.restitutionCost,
    goodwillCost: rec.goodwillCost,
    types: typesOf(rec.remedies),
    remedies,
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

/**
 * The remedies of a tallied recommendation, as read back from their JSON text: a list at hand is
 * written and read back too, so that every reader sees them as it always did, whichever thread made
 * them. Only the remedies of a complaint that changes are read, and never those marked
 * `SAME_FOR_CUSTOMER`.
 */
export function remediesOf(rec: Pick<Tallied, 'remedies'>): Remedy[] {
  return JSON.parse(remediesText(rec.remedies)) as Remedy[];
}

/** The remedies' JSON text (as a worker thread sends them). */
export function remediesText(remedies: TalliedRemedies): string {
  if (typeof remedies === 'string') return remedies;
  if (remedies === SAME_FOR_CUSTOMER)
    throw new Error('the remedies of a complaint decided the same under both rule sets were not kept');
  return JSON.stringify(remedies);
}
