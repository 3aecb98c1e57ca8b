import { complaintsWithin, daysLate, itemsAffected, type Measures } from '../complaint/measures';
import type { Complaint } from '../complaint/schema';
import { defaultScoring, type SeverityScoring } from './config';
import { FactorList } from './factor-list';
import { levelFor, SEVERITY_BANDS, type SeverityFactorCode, type SeverityScore } from './score';

/**
 * Scores how bad the harm is, 0–100, with a band and the factors that made the number.
 * Pure: depends only on the complaint and the scoring configuration.
 */
export function scoreSeverity(
  complaint: Complaint,
  scoring: SeverityScoring = defaultScoring.severity,
): SeverityScore {
  return severityOf(complaint, scoring, true);
}

/**
 * `scoreSeverity`; with `words` false, its factors' reasons are left empty (a replay's); `measures`, the
 * complaint's own when its caller has them already. @internal
 */
export function severityOf(
  complaint: Complaint,
  scoring: SeverityScoring,
  words: boolean,
  measures?: Measures,
): SeverityScore {
  const w = scoring.weights;
  const factors = new FactorList<SeverityFactorCode>(words);
  factors.add('category', w.category[complaint.category], { category: complaint.category });

  const late = measures ? measures.daysLate : daysLate(complaint);
  factors.add('daysLate', Math.min(late * w.perDayLate, w.maxDaysLatePoints), { days: late });

  const items = measures ? measures.itemsAffected : itemsAffected(complaint);
  factors.add('itemsAffected', Math.min(items * w.perItemAffected, w.maxItemsPoints), { items });

  const exposure = complaint.exposure;
  if (exposure?.public) {
    factors.add('public', w.public, { platform: exposure.platform ?? '' });
    const reach = exposure.reach ?? 0;
    const decades = reach >= 10 ? Math.floor(Math.log10(reach)) : 0;
    factors.add('publicReach', Math.min(decades * w.perReachDecade, w.maxReachPoints), { reach });
  }

  const recent = measures ? measures.complaints90d : complaintsWithin(complaint, 90);
  factors.add('repeat', Math.min((recent - 1) * w.perRecentComplaint, w.maxRepeatPoints), { count: recent });
  factors.add('tone', w.tone[complaint.tone], { tone: complaint.tone });
  if (complaint.legalThreat) factors.add('legalThreat', w.legalThreat, {});

  const { score, factors: all } = factors.capped();
  return { score, band: levelFor(score, 'low', scoring.bands, SEVERITY_BANDS), factors: all };
}
