import { errorRecord, type ManyOptions } from '../batch/many';
import { safeParseComplaint } from '../complaint/parse';
import type { Complaint } from '../complaint/schema';
import type { Limits } from '../input/limits';
import type { IncidentPolicy } from '../policy/incident-policy';
import type { CallOptions } from '../recommend/pipeline';
import type { Recommendation, RecommendationError } from '../recommend/recommendation';
import type { IncidentRun } from '../recommend/select';
import { runEntries } from './burst-rule';
import { type RunMember, recommendMember } from './member';
import { type IncidentOptions, settings } from './options';
import { EntryReader } from './reader';
import { bySeverity, forMember, policyOfMostSevere, type SharedPolicy, sharedPolicy } from './shared-policy';
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
  /** The rule set's `policy.incidents`: owner and partners. */
  readonly policy: IncidentPolicy;
}

/**
 * `recommendMany` in crisis mode. Reads the whole batch, finds its incidents, and recommends in input
 * order: a complaint outside every incident exactly as alone; a member of an incident with the
 * incident's policy competing with its own rules' proposals, never worse than alone
 * (`recommendMember`). The policy is what the incident's most severe complaint is given before caps
 * (highest severity score; ties: earliest, then smallest id, then first in the input), without its
 * escalations (`sharedPolicy`).
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

  const policies = new Map<string, Promise<SharedPolicy>>();
  const policyFor = (entry: Entry): Promise<IncidentRun> => {
    const building = entry.incident;
    const incident = building?.final;
    if (!building || !incident) throw new Error('an incident member without a closed incident');
    let policy = policies.get(incident.id);
    if (!policy) {
      const ranked = bySeverity(building.members, (e) => deps.severity(complaints[e.index] as Complaint));
      policy = policyOfMostSevere(
        ranked.map((e) => complaints[e.index] as Complaint),
        (c) => deps.run(c, deps.callFor(c)),
      ).then((top) => sharedPolicy(incident, top, deps.policy));
      policies.set(incident.id, policy);
    }
    return policy.then((shared) => forMember(shared, entry, building.members[0] as Entry));
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
