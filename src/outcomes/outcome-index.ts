import { ACCEPTANCES, type Acceptance, type Outcome } from './outcome';

/**
 * What the summary needs of one outcome, unpacked. A three-valued field is `null` when the record
 * did not say.
 */
export interface CompactOutcome {
  /** 1–5, or null when not given. */
  readonly csat: number | null;
  readonly reopened: boolean | null;
  readonly churned: boolean | null;
  readonly publicResolved: boolean | null;
  readonly accepted: Acceptance | null;
  /** Days to the next complaint; null: none; undefined: not tracked. */
  readonly repeatWithinDays: number | null | undefined;
}

// One outcome packed into a small integer (24 bits), so that a million of them cost a Map entry each
// and no object: bits 0–2 csat (0 = not given), then two bits each for reopened, churned and
// publicResolved (0 = not given, 1 = false, 2 = true), two for accepted (0 = not given, then
// ACCEPTANCES in order), and twelve for repeatWithinDays (0 = not tracked, 1 = none, 2 + days).
// Two more bits mark an entry's state: MATCHED (a recommendation found it) and RECOMMENDATION_ONLY (a
// recommendation with no outcome, kept to notice a second one for the same complaint).
const REOPENED = 3;
const CHURNED = 5;
const PUBLIC = 7;
const ACCEPTED = 9;
const REPEAT = 11;
const MATCHED = 1 << 23;
const RECOMMENDATION_ONLY = 1 << 24;

const tri = (value: boolean | undefined): number => (value === undefined ? 0 : value ? 2 : 1);
const untri = (bits: number): boolean | null => (bits === 0 ? null : bits === 2);

/** Packs an outcome into the index's integer form. */
export function pack(o: Outcome): number {
  const repeat =
    o.repeatWithinDays === undefined ? 0 : o.repeatWithinDays === null ? 1 : 2 + o.repeatWithinDays;
  return (
    (o.csat ?? 0) |
    (tri(o.reopened) << REOPENED) |
    (tri(o.churned) << CHURNED) |
    (tri(o.publicResolved) << PUBLIC) |
    ((o.accepted === undefined ? 0 : ACCEPTANCES.indexOf(o.accepted) + 1) << ACCEPTED) |
    (repeat << REPEAT)
  );
}

/** Unpacks what `pack` packed. */
export function unpack(packed: number): CompactOutcome {
  const accepted = (packed >> ACCEPTED) & 3;
  const repeat = (packed >> REPEAT) & 0xfff;
  return {
    csat: packed & 7 || null,
    reopened: untri((packed >> REOPENED) & 3),
    churned: untri((packed >> CHURNED) & 3),
    publicResolved: untri((packed >> PUBLIC) & 3),
    accepted: accepted === 0 ? null : (ACCEPTANCES[accepted - 1] as Acceptance),
    repeatWithinDays: repeat === 0 ? undefined : repeat === 1 ? null : repeat - 2,
  };
}

/** What became of a recommendation's lookup in the index. */
export type Match =
  | { readonly kind: 'matched'; readonly outcome: CompactOutcome }
  | { readonly kind: 'unmatched' }
  /** A recommendation for this complaint came before. */
  | { readonly kind: 'duplicate' };

/** Complaint ids of one side of the join that found no partner: how many, and the first few. */
export interface Unmatched {
  readonly count: number;
  /** The first ones, in input order. */
  readonly first: readonly string[];
}

/**
 * Outcomes by complaint id, in memory that grows by one Map entry (the id and a small integer) per
 * complaint, whatever the records held: the join reads every outcome into it, then streams the
 * recommendations past it.
 */
export class OutcomeIndex {
  private readonly entries = new Map<string, number>();

  /** Adds an outcome; false when the complaint already has one. */
  add(outcome: Outcome): boolean {
    if (this.entries.has(outcome.complaintId)) return false;
    this.entries.set(outcome.complaintId, pack(outcome));
    return true;
  }

  /** Finds the outcome of a complaint's recommendation, marking it matched. */
  match(complaintId: string): Match {
    const packed = this.entries.get(complaintId);
    if (packed === undefined) {
      this.entries.set(complaintId, RECOMMENDATION_ONLY);
      return { kind: 'unmatched' };
    }
    if (packed & (MATCHED | RECOMMENDATION_ONLY)) return { kind: 'duplicate' };
    this.entries.set(complaintId, packed | MATCHED);
    return { kind: 'matched', outcome: unpack(packed) };
  }

  /** Outcomes no recommendation matched, and recommendations without an outcome. */
  unmatched(listed: number): { readonly outcomes: Unmatched; readonly recommendations: Unmatched } {
    const outcomes = { count: 0, first: [] as string[] };
    const recommendations = { count: 0, first: [] as string[] };
    for (const [id, packed] of this.entries) {
      if (packed & MATCHED) continue;
      const side = packed & RECOMMENDATION_ONLY ? recommendations : outcomes;
      side.count += 1;
      if (side.first.length < listed) side.first.push(id);
    }
    return { outcomes, recommendations };
  }
}
