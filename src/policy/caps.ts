import type { RemedyParams, RemedyType } from '../remedies/catalogue';
import type { Materialised, RemedyOrigin } from '../remedies/context';

/** A concrete remedy with its origin, priced in minor units. */
export type Priced = RemedyParams & Materialised & RemedyOrigin;

/** A remedy type's applicable candidates, most generous (highest priority) first. */
export interface PricedSlot {
  readonly type: RemedyType;
  readonly candidates: readonly Priced[];
}

/** The outcome of holding a recommendation to its cap. */
export interface Capped {
  /** The remedies given, one per slot that kept one, in slot order. */
  readonly kept: Priced[];
  /** Candidates taken out because of the cap (replaced by a lesser one, or dropped with their slot). */
  readonly overCap: Priced[];
  /** Candidates that stood by and were never needed. */
  readonly superseded: { readonly candidate: Priced; readonly by: Priced }[];
}

/**
 * Holds the total to `limitMinor`. Goodwill slots give way lowest priority first (later first among
 * equals): each first falls back to the next candidate of its type that brings the total within the
 * cap, and only if none does is it dropped. Restitution is owed and never gives way, even when it
 * alone exceeds the cap; care (apology, escalation) costs nothing.
 */
export function applyCap(slots: readonly PricedSlot[], limitMinor: number): Capped {
  const chosen = slots.map(() => 0 as number | null);
  const cost = (i: number) => {
    const at = chosen[i];
    return at === null || at === undefined ? 0 : (slots[i]?.candidates[at]?.costMinor ?? 0);
  };
  let total = slots.reduce((sum, _, i) => sum + cost(i), 0);
  const overCap: Priced[] = [];

  const yielding = slots
    .map((slot, i) => ({ slot, i }))
    .filter(({ slot }) => slot.candidates[0]?.kind === 'goodwill')
    .sort(
      (a, b) => (a.slot.candidates[0]?.priority ?? 0) - (b.slot.candidates[0]?.priority ?? 0) || b.i - a.i,
    );

  for (const { slot, i } of yielding) {
    if (total <= limitMinor) break;
    const without = total - cost(i);
    // A restitution candidate further down is owed whatever the cap; a goodwill one must fit.
    const fallback = slot.candidates.findIndex(
      (c, k) => k > 0 && (c.kind === 'restitution' || without + c.costMinor <= limitMinor),
    );
    if (fallback > 0) {
      overCap.push(...slot.candidates.slice(0, fallback));
      chosen[i] = fallback;
      total = without + cost(i);
    } else {
      overCap.push(...slot.candidates);
      chosen[i] = null;
      total = without;
    }
  }

  const kept: Priced[] = [];
  const superseded: Capped['superseded'][number][] = [];
  slots.forEach((slot, i) => {
    const at = chosen[i];
    const given = at === null || at === undefined ? undefined : slot.candidates[at];
    if (given) kept.push(given);
    slot.candidates.forEach((candidate, k) => {
      const isGiven = k === at;
      const wasCapped = overCap.includes(candidate);
      if (!isGiven && !wasCapped) superseded.push({ candidate, by: given ?? (slot.candidates[0] as Priced) });
    });
  });
  return { kept, overCap, superseded };
}
