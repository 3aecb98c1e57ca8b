import type { Category } from '../complaint/schema';
import type { IncidentCause } from '../policy/incident-mark';

/** The fields of a complaint incident detection reads; a parsed `Complaint` has them all. */
export interface IncidentComplaint {
  readonly id: string;
  readonly receivedAt: string;
  readonly category: Category;
  readonly order?: {
    readonly items?: readonly {
      readonly sku: string;
      readonly quantity: number;
      readonly unitPrice: number;
      readonly affectedQuantity?: number;
      readonly family?: string;
    }[];
    readonly carrier?: string;
  };
  readonly subscription?: { readonly plan: string; readonly service?: string };
  readonly exposure?: { readonly public: boolean };
}

/** A burst of complaints with one cause. Plain JSON. */
export interface Incident {
  /** Stable and readable: `inc-<first complaint, UTC>-<cause key>`, e.g. `inc-20260310T083000Z-wrong_item:sku:SHOE-42`. */
  readonly id: string;
  readonly cause: IncidentCause;
  /** `receivedAt` of the first and last complaint in it, as UTC ISO strings. */
  readonly firstAt: string;
  readonly lastAt: string;
  /** When the first burst window closed on its complaint: the earliest the incident could be known. */
  readonly detectedAt: string;
  /**
   * How the burst was judged when it was detected: `ratio` — far above the cause's usual rate, with at
   * least a window of history before it; `minCount` — by its count alone, because the input held less
   * than a window of history (one day's export) or `baseline` is 0.
   */
  readonly basis: IncidentBasis;
  /** Complaints in it. */
  readonly count: number;
  /** The cause's usual count per window, from the baseline when the incident was detected; 0 by `minCount`. */
  readonly expected: number;
  /** The most complaints of the cause in one window during the incident. */
  readonly peakCount: number;
  /**
   * Growth over the window: `peakCount` as a multiple of `expected` (12 = twelve times the usual
   * rate); null when the cause had no complaints in the baseline, or by `minCount`.
   */
  readonly growth: number | null;
  /** Complaints that were posted publicly, and their share of `count` (0–1). */
  readonly publicCount: number;
  readonly publicShare: number;
  /** The complaints' ids, in time order (ties by id). */
  readonly complaintIds: readonly string[];
}

/** One complaint as the detector sees it. */
export interface Entry {
  /** Position in the input. */
  readonly index: number;
  readonly id: string;
  /** `receivedAt` in epoch milliseconds. */
  readonly time: number;
  readonly cause: IncidentCause;
  readonly isPublic: boolean;
  /** The incident it joined, once it has. */
  incident: Building | null;
  /** Whether it joined in a window judged against the usual rate (then it no longer counts as usual). */
  byRate: boolean;
}

/** How a burst was judged: against the usual rate, or by its count alone. */
export type IncidentBasis = 'ratio' | 'minCount';

/** An incident while it is still open to growth. */
export interface Building {
  readonly cause: IncidentCause;
  readonly members: Entry[];
  readonly detectedAt: number;
  readonly basis: IncidentBasis;
  readonly expected: number;
  peakCount: number;
  lastAnchor: number;
  /** Set when the incident is closed. */
  final: Incident | null;
}
