import { errorRecord, type ManyOptions } from '../batch/many';
import { safeParseComplaint } from '../complaint/parse';
import type { Complaint } from '../complaint/schema';
import type { Limits } from '../input/limits';
import type { CallOptions, Run } from '../recommend/pipeline';
import type { Recommendation, RecommendationError } from '../recommend/recommendation';
import type { IncidentRun } from '../recommend/select';
import { runEntries } from './engine';
import { type RunMember, recommendMember } from './member';
import { type IncidentOptions, settings } from './options';
import { EntryReader } from './reader';
import type { Entry } from './types';

/** What the incident batch needs from a recommender. */
export interface IncidentBatchDeps {
  /** Recommends for a parsed complaint, optionally as a member of an incident. */
  readonly run: RunMember;
  /** The call options of a complaint: its locale, the batch's rates and display. */
  readonly callFor: (complaint: Complaint) => CallOptions;
  /** The complaint's severity score under the recommender's scoring. */
  readonly severity: (complaint: Complaint) => number;
  readonly options: ManyOptions;
  readonly incidents: IncidentOptions;
  /** The recommender's input limits, applied to every complaint as `recommend` would. */
  readonly limits?: Limits;
}

/**
 * `recommendMany` in crisis mode. Reads the whole batch, finds its incidents, and recommends in input
 * order: a complaint outside every incident exactly as alone; a member of an incident with the
 * incident's policy competing with its own rules' proposals, never worse than alone (`recommendMember`). The policy is what the incident's most
 * severe complaint is given before caps (highest severity score; ties: earliest, then smallest id,
 * then first in the input), without its escalations: who handles a case (legal, social media, a
 * senior colleague) stays a matter of that case.
 */
export async function* recommendWithIncidents(
  inputs: Iterable<unknown> | AsyncIterable<unknown>,
  deps: IncidentBatchDeps,
): AsyncGenerator<Recommendation | RecommendationError> {
  const { groupBy } = settings(deps.incidents);
  const all: unknown[] = [];
  for await (const input of inputs) all.push(input);

  const complaints: (Complaint | RecommendationError)[] = all.map((input, index) => {
    const parsed = safeParseComplaint(input, { limits: deps.limits });
    return parsed.ok ? parsed.value : errorRecord(index, input, parsed.error);
  });
  const entries: Entry[] = [];
  const byIndex = new Map<number, Entry>();
  const reader = new EntryReader(groupBy);
  complaints.forEach((complaint, index) => {
    if ('error' in complaint) return;
    const entry = reader.read(complaint, index);
    if (entry !== null && !Array.isArray(entry)) {
      entries.push(entry);
      byIndex.set(index, entry);
    }
  });
  runEntries(entries, deps.incidents);

  const policies = new Map<string, Promise<IncidentRun>>();
  const policyFor = (entry: Entry): Promise<IncidentRun> => {
    const building = entry.incident;
    const incident = building?.final;
    if (!building || !incident) throw new Error('an incident member without a closed incident');
    let policy = policies.get(incident.id);
    if (!policy) {
      const ranked = bySeverity(building.members, (e) => deps.severity(complaints[e.index] as Complaint));
      policy = policyOf(ranked, 0).then(({ complaint, chosen }) => ({
        mark: {
          id: incident.id,
          cause: incident.cause,
          count: incident.count,
          firstAt: incident.firstAt,
          lastAt: incident.lastAt,
          policyFrom: complaint.id,
        },
        policy: chosen
          .filter((p) => p.spec.type !== 'escalate')
          .map((p) => ({ ...p, incident: incident.id })),
      }));
      policies.set(incident.id, policy);
    }
    return policy;
  };
  // The most severe member that can be recommended for gives the policy: one that cannot (a currency
  // without an exchange rate, say) gets its own error record and leaves the others theirs.
  const policyOf = async (
    ranked: readonly Entry[],
    at: number,
  ): Promise<{ complaint: Complaint; chosen: Run['chosen'] }> => {
    const complaint = complaints[(ranked[at] as Entry).index] as Complaint;
    try {
      return { complaint, chosen: (await deps.run(complaint, deps.callFor(complaint))).chosen };
    } catch (error) {
      if (at + 1 >= ranked.length) throw error;
      return policyOf(ranked, at + 1);
    }
  };

  const one = async (index: number): Promise<Recommendation | RecommendationError> => {
    const complaint = complaints[index] as Complaint | RecommendationError;
    if ('error' in complaint) return complaint;
    try {
      const entry = byIndex.get(index);
      const call = deps.callFor(complaint);
      if (!entry?.incident) return (await deps.run(complaint, call)).recommendation;
      return await recommendMember(deps.run, complaint, call, await policyFor(entry));
    } catch (error) {
      return errorRecord(index, all[index], error);
    }
  };

  const concurrency = Math.max(1, Math.floor(deps.options.concurrency ?? 16));
  const window: Promise<Recommendation | RecommendationError>[] = [];
  for (let index = 0; index < all.length; index++) {
    window.push(one(index));
    if (window.length >= concurrency)
      yield await (window.shift() as Promise<Recommendation | RecommendationError>);
  }
  while (window.length > 0) yield await (window.shift() as Promise<Recommendation | RecommendationError>);
}

/**
 * The members, most severe first: highest score; ties go to the earliest, then the smallest id, then
 * the first (members come in that order, and the sort is stable).
 */
function bySeverity(members: readonly Entry[], severity: (e: Entry) => number): Entry[] {
  const scored = members.map((entry) => ({ entry, score: severity(entry) }));
  return scored.sort((a, b) => b.score - a.score).map((s) => s.entry);
}
