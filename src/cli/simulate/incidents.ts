import type { Incident } from '../../incidents/index';
import { type IncidentPolicy, partnersFor, statementFor } from '../../policy/incident-policy';
import type { CollectedIncidents } from '../incident-collector';
import type { IncidentSettings } from '../incident-flags';

/**
 * The incidents among the simulated complaints (`redress simulate`'s `incidents`, null with
 * `--no-incidents`). Detection runs over the complaints that got a recommendation, with the same code
 * and defaults as `redress incidents`.
 */
export interface IncidentsSummary {
  /** The detection options used: `--window`, `--incident-baseline`, `--min-count`, `--ratio`, `--group-by`. */
  readonly options: IncidentSettings;
  /**
   * True when the replay ran in crisis mode (`--apply-incidents`): under each rule set, every complaint
   * in an incident was offered at least its incident's policy. False when incidents are only listed
   * and every complaint was recommended for alone.
   */
  readonly applied: boolean;
  /** Complaints detection looked at: those that got a recommendation. */
  readonly complaints: number;
  /** `receivedAt` of the earliest and the latest of them (UTC ISO); null when there were none. */
  readonly firstAt: string | null;
  readonly lastAt: string | null;
  /** Complaints that are part of an incident. */
  readonly inIncidents: number;
  /** Every incident, in full (as `redress incidents --json` prints them), sorted by first complaint. */
  readonly list: readonly Incident[];
  /** How the new rule set (`--rules`) answers them with one voice (`policy.incidents`). */
  readonly voice: IncidentVoice;
}

/** One voice under a rule set: the owner, the English statement, and who is told about each incident. */
export interface IncidentVoice {
  /** The owner of every complaint in an incident. */
  readonly owner: string;
  /** The shared public statement, in English (each customer gets it in their language). */
  readonly statement: string;
  /** The partners told once about each incident, by incident id (empty lists left out). */
  readonly partners: Readonly<Record<string, readonly string[]>>;
}

/** The one voice of a rule set's `policy.incidents` over these incidents. */
export function incidentVoice(policy: IncidentPolicy, list: readonly Incident[]): IncidentVoice {
  const partners: Record<string, readonly string[]> = {};
  for (const incident of list) {
    const told = partnersFor(policy, incident.cause);
    if (told.length > 0) partners[incident.id] = told;
  }
  return { owner: policy.owner, statement: statementFor(policy, 'en'), partners };
}

/** The summary of what detection found. */
export function incidentsSummary(
  found: CollectedIncidents,
  options: IncidentSettings,
  applied: boolean,
  policy: IncidentPolicy,
): IncidentsSummary {
  let inIncidents = 0;
  for (const incident of found.incidents) inIncidents += incident.count;
  return {
    options,
    applied,
    complaints: found.complaints,
    firstAt: found.firstAt,
    lastAt: found.lastAt,
    inIncidents,
    list: found.incidents,
    voice: incidentVoice(policy, found.incidents),
  };
}

/** Orders incidents as detection lists them: by first complaint, then by id. */
export function byFirstComplaint(a: Incident, b: Incident): number {
  return a.firstAt < b.firstAt ? -1 : a.firstAt > b.firstAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The `n` incidents with the most complaints, largest first (ties: by first complaint). */
export function largestIncidents(list: readonly Incident[], n: number): Incident[] {
  return [...list].sort((a, b) => b.count - a.count || byFirstComplaint(a, b)).slice(0, n);
}

/** The detection options in words, named as the flags are. */
export function describeDetection(o: IncidentSettings): string {
  const ms = (d: string | number) => (typeof d === 'number' ? `${d}ms` : d);
  return `window ${ms(o.window)}, baseline ${ms(o.baseline)}, min count ${o.minCount}, ratio ${o.ratio}, group by ${o.groupBy}`;
}

/** An incident's growth: how many times the usual rate, or "new" for a cause with no history. */
export const describeGrowth = (growth: number | null): string =>
  growth === null ? 'new' : `×${Math.round(growth * 100) / 100}`;

/** A UTC ISO time without its milliseconds when they are zero: `2026-03-14T17:54:00Z`. */
export const shortTime = (iso: string): string => iso.replace(/\.000Z$/, 'Z');
