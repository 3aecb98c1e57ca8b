import type { Complaint } from '../complaint/schema';
import type { CallOptions, Run } from '../recommend/pipeline';
import type { Recommendation } from '../recommend/recommendation';
import type { IncidentRun } from '../recommend/select';

/*
 * "Never worse in a crisis": an incident's member gets, remedy by remedy, the more generous of its own
 * recommendation and the incident's policy, inside its own caps. Pricing puts the more generous
 * candidate of each remedy type first; this module checks the outcome against the member alone, since
 * caps shared across remedy types can still take from one what another gained (a free month that no
 * longer fits whole beside the policy's gift), and falls back when they do.
 */

/** Recommends for a complaint, optionally as an incident's member. */
export type RunMember = (complaint: Complaint, call: CallOptions, incident?: IncidentRun) => Promise<Run>;

const PERSONAL = (r: Recommendation) => r.remedies.some((x) => x.type === 'apology' && x.form === 'personal');

/** Restitution remedies by type (a type appears at most once in a recommendation). */
function restitutionTypes(r: Recommendation): Map<string, number> {
  return new Map(r.remedies.filter((x) => x.kind === 'restitution').map((x) => [x.type, x.estimatedCost]));
}

function escalations(r: Recommendation): string[] {
  return r.remedies.flatMap((x) => (x.type === 'escalate' ? [x.queue] : []));
}

/**
 * Whether a member's crisis recommendation is at least as good for the customer as its recommendation
 * alone: the apology at least as personal; every restitution the member is owed alone, at least as
 * much, and restitution in total at least as much; goodwill in total at least as much, unless its own
 * goodwill limit (which more restitution lowers under the ceiling on the total) holds it back; and
 * handling at least as attentive: a person if alone it had one, every escalation it had, an answer
 * no later, a public acknowledgement if alone it had one.
 */
export function neverWorse(shared: Recommendation, alone: Recommendation): boolean {
  if (PERSONAL(alone) && !PERSONAL(shared)) return false;
  const own = restitutionTypes(alone);
  const given = restitutionTypes(shared);
  for (const [type, cost] of own) if ((given.get(type) ?? -1) < cost) return false;
  if (shared.restitutionCost < alone.restitutionCost) return false;
  if (shared.goodwillCost < Math.min(alone.goodwillCost, shared.cap.goodwillLimit)) return false;
  return handlingNoWorse(shared, alone);
}

function handlingNoWorse(shared: Recommendation, alone: Recommendation): boolean {
  const [s, a] = [shared.handling, alone.handling];
  if (a.mode === 'human' && s.mode !== 'human') return false;
  if (Date.parse(s.respondBy) > Date.parse(a.respondBy)) return false;
  if (a.publicAcknowledgement !== null && s.publicAcknowledgement === null) return false;
  const queues = escalations(shared);
  return escalations(alone).every((q) => queues.includes(q));
}

/** The incident's policy reduced to care (the apology): it takes nothing from the member's own remedies. */
function careOnly(incident: IncidentRun): IncidentRun {
  return { ...incident, policy: incident.policy.filter((p) => p.spec.type === 'apology') };
}

/**
 * Recommends for an incident's member: with the incident's policy when that is never worse for the
 * customer than the member's own recommendation alone; otherwise with the policy's apology only, and
 * its own remedies as alone. Either way the recommendation carries the incident (owner, statement).
 */
export async function recommendMember(
  run: RunMember,
  complaint: Complaint,
  call: CallOptions,
  incident: IncidentRun,
): Promise<Recommendation> {
  const [alone, shared] = await Promise.all([run(complaint, call), run(complaint, call, incident)]);
  if (neverWorse(shared.recommendation, alone.recommendation)) return shared.recommendation;
  return (await run(complaint, call, careOnly(incident))).recommendation;
}
