import type { Complaint } from '../complaint/schema';
import { type IncidentPolicy, partnersFor } from '../policy/incident-policy';
import type { Run } from '../recommend/pipeline';
import type { IncidentRun } from '../recommend/select';
import { remedyKind } from '../remedies/catalogue';
import type { Entry, Incident } from './types';

/** An incident's policy, shared by its members; each member adds whether it carries the notifications. */
export type SharedPolicy = Omit<IncidentRun, 'notifies'>;

/**
 * The incident's policy: what its most severe complaint is given before caps (`top.chosen`), without
 * its escalations (who handles a case — legal, social media, a senior colleague — stays a matter of
 * that case), with the rule set's owner, the partners its cause concerns, and the deadline of that
 * complaint's first answer as the incident's.
 */
export function sharedPolicy(
  incident: Incident,
  top: { readonly complaint: Complaint; readonly run: Run },
  policy: IncidentPolicy,
): SharedPolicy {
  const { chosen } = top.run;
  // Restitution is matched to each member's own failure (a lost parcel is resent, a delivered one is
  // not), so only the gesture and the care are shared; a member's own rules give its restitution.
  const proposals = chosen
    .filter((p) => p.spec.type !== 'escalate' && remedyKind(p.spec) !== 'restitution')
    .map((p) => ({ ...p, incident: incident.id }));
  return {
    mark: {
      id: incident.id,
      cause: incident.cause,
      count: incident.count,
      firstAt: incident.firstAt,
      lastAt: incident.lastAt,
      policyFrom: top.complaint.id,
      remedies: proposals.map((p) => p.spec.type),
      respondBy: top.run.recommendation.handling.respondBy,
      owner: policy.owner,
      partners: partnersFor(policy, incident.cause),
    },
    policy: proposals,
  };
}

/**
 * The most severe member that can be recommended for, and its run alone: one that cannot (a currency
 * without an exchange rate, say) gets its own error record and leaves the policy to the next.
 * @throws what the last member's recommendation threw, when none can be recommended for.
 */
export async function policyOfMostSevere(
  ranked: readonly Complaint[],
  runAlone: (complaint: Complaint) => Promise<Run>,
): Promise<{ complaint: Complaint; run: Run }> {
  for (let at = 0; ; at++) {
    const complaint = ranked[at] as Complaint;
    try {
      return { complaint, run: await runAlone(complaint) };
    } catch (error) {
      if (at + 1 >= ranked.length) throw error;
    }
  }
}

/** The member's run of the shared policy: the incident's first complaint carries its notifications. */
export function forMember(shared: SharedPolicy, entry: Entry, first: Entry): IncidentRun {
  return { ...shared, notifies: entry.index === first.index };
}

/**
 * The members, most severe first: highest score; ties go to the earliest, then the smallest id, then
 * the first (members come in that order, and the sort is stable).
 */
export function bySeverity(members: readonly Entry[], severity: (e: Entry) => number): Entry[] {
  const scored = members.map((entry) => ({ entry, score: severity(entry) }));
  return scored.sort((a, b) => b.score - a.score).map((s) => s.entry);
}
