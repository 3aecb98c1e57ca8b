import { affectedUnits } from '../complaint/measures';
import type { Complaint } from '../complaint/schema';
import type { Facts } from '../facts/catalogue';
import { toMinor } from '../money';
import { isoInstant } from '../time/format-instant';
import { timestampMs } from '../time/timestamp';
import { addDays } from '../time/utc-calendar';
import type { Policy } from './schema';

/**
 * Ask the carrier where an undelivered order is, before it counts as lost. `lostOn`: the day from
 * which it does (`policy.lostAfterDays` past the promised date), when the rules resend or refund it.
 */
export interface TraceStep {
  readonly type: 'trace';
  /** The carrier to ask (`order.carrier`), or null when the complaint does not name one. */
  readonly carrier: string | null;
  readonly lostOn: string;
}

/**
 * Ask the customer for a photo of the damage before the remedy goes out: only for damaged items worth
 * more than `policy.evidenceAboveValue`; below it the remedy is never held up by a request for proof.
 */
export interface EvidenceStep {
  readonly type: 'evidence';
  readonly request: 'photo';
}

/** Something to do besides giving the remedies, in the order it is listed. */
export type HandlingStep = TraceStep | EvidenceStep;

/**
 * The steps a complaint needs before or beside its remedies: a carrier trace for an undelivered order
 * that is not yet lost, a photo for a damaged item above the evidence threshold. `evidenceAboveMinor`
 * is that threshold in minor units of the complaint's currency.
 */
export function handlingSteps(
  complaint: Complaint,
  facts: Facts,
  policy: Policy,
  evidenceAboveMinor: number,
): HandlingStep[] {
  const steps: HandlingStep[] = [];
  const promised = complaint.order?.promisedAt;
  if (
    facts.category === 'late_delivery' &&
    facts.undelivered &&
    promised !== undefined &&
    facts.daysOverdue < policy.lostAfterDays
  ) {
    const lostOn = isoInstant(addDays(timestampMs(promised), policy.lostAfterDays));
    steps.push({ type: 'trace', carrier: complaint.order?.carrier ?? null, lostOn });
  }
  if (facts.category === 'damaged_item' && damagedValueMinor(complaint) > evidenceAboveMinor) {
    steps.push({ type: 'evidence', request: 'photo' });
  }
  return steps;
}

/** What the damaged items are worth, in minor units. */
function damagedValueMinor(complaint: Complaint): number {
  const currency = complaint.order?.currency;
  if (currency === undefined) return 0;
  return affectedUnits(complaint).reduce((sum, u) => sum + u.quantity * toMinor(u.unitPrice, currency), 0);
}
