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

/**
 * The remedies' JSON text, written once for a run of equal remedies: the last list written and its text
 * are kept, and a list equal to it, field for field and in the same order, is given the same text
 * without writing it again. The two rule sets of a replay give the same remedies to about three
 * complaints in four, and `JSON.stringify` of them was about 5% of a replay's CPU time; comparing is a
 * fraction of writing, and the same string object then makes the comparison of the two decisions (and
 * packing them for the calling thread) cheaper too.
 */
export class RemediesText {
  private last: readonly Remedy[] = [];
  private lastText = '[]';

  of(remedies: readonly Remedy[]): string {
    if (!sameJson(remedies, this.last)) {
      this.last = remedies;
      this.lastText = JSON.stringify(remedies);
    }
    return this.lastText;
  }
}

/**
 * Whether `JSON.stringify` writes `a` and `b` alike, judged without writing them: equal primitives, and
 * arrays and plain objects with the same keys in the same order and values alike. Anything else (a
 * `Date`, a class, a `toJSON` of its own) is "not known to be alike", which only costs a write.
 */
function sameJson(a: unknown, b: unknown): boolean {
  if (typeof a !== 'object' || a === null) return a === b;
  if (typeof b !== 'object' || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i], b[i])) return false;
    return true;
  }
  if (!isPlain(a) || !isPlain(b)) return false;
  const keys = Object.keys(a);
  const other = Object.keys(b);
  if (keys.length !== other.length) return false;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    if (key !== other[i] || key === 'toJSON') return false;
    if (!sameJson((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])) return false;
  }
  return true;
}

/** An object `JSON.stringify` writes by its own keys alone: no prototype but `Object`'s (or none). */
function isPlain(value: object): boolean {
  if (Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * The fields of a recommendation a simulation reads (a `Decided`, or a whole `Recommendation`); with
 * `texts`, the remedies' text is written only when they differ from the last remedies it wrote.
 */
export function tallied(rec: Decided, texts?: RemediesText): Tallied {
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
    remedies: texts ? texts.of(rec.remedies) : JSON.stringify(rec.remedies),
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
