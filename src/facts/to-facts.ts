import {
  complaintCurrency,
  complaintsWithin,
  daysLate,
  goodwillWithin,
  itemsAffected,
  tenureMonths,
} from '../complaint/measures';
import type { Complaint } from '../complaint/schema';
import { fromMinor } from '../money';
import type { Scoring } from '../scoring/config';
import type { SeverityScore, ValueScore } from '../scoring/score';
import { scoreSeverity } from '../scoring/severity';
import { scoreCustomerValue } from '../scoring/value';
import type { Facts } from './catalogue';

/** The facts of a complaint together with the scores they were derived from. */
export interface ScoredFacts {
  readonly facts: Facts;
  readonly severity: SeverityScore;
  readonly value: ValueScore;
}

/** Derives the facts (and the two scores) from a validated complaint. */
export function toFacts(complaint: Complaint, scoring: Scoring): ScoredFacts {
  const severity = scoreSeverity(complaint, scoring.severity);
  const value = scoreCustomerValue(complaint, scoring.value);
  const recent = complaintsWithin(complaint, 90);
  const goodwill = goodwillWithin(complaint, 90);
  const facts: Facts = {
    category: complaint.category,
    channel: complaint.channel,
    severity: severity.score,
    severityBand: severity.band,
    value: value.score,
    valueTier: value.tier,
    orderTotal: complaint.order?.total ?? 0,
    currency: complaintCurrency(complaint),
    daysLate: daysLate(complaint),
    itemsAffected: itemsAffected(complaint),
    isRepeat: recent > 1,
    complaints90d: recent,
    tenureMonths: tenureMonths(complaint),
    isPublic: complaint.exposure?.public ?? false,
    publicReach: complaint.exposure?.public ? complaint.exposure.reach : 0,
    tone: complaint.tone,
    legalThreat: complaint.legalThreat,
    plan: complaint.subscription?.plan ?? 'none',
    monthlyPrice: complaint.subscription?.monthlyPrice ?? 0,
    hasOrder: complaint.order !== undefined,
    hasSubscription: complaint.subscription !== undefined,
    overcharge: complaint.order?.overcharge ?? 0,
    compensation90d: fromMinor(goodwill.amountMinor, complaintCurrency(complaint)),
    compensations90d: goodwill.count,
  };
  return { facts, severity, value };
}
