/**
 * redress/incidents: find bursts of complaints with one cause.
 *
 * `detectIncidents` over a batch, or `createIncidentDetector` over a time-ordered stream, with the
 * burst rule and grouping described in the docs (docs/incidents.md). Crisis mode itself — every
 * member of an incident recommended with one voice — is `recommendMany({ incidents })` on the main
 * entry; this entry is for analysts and dashboards that want the incidents alone.
 * @packageDocumentation
 */

export type { IncidentCause } from '../policy/incident-mark';
export type { Duration } from '../time/duration';
export { createIncidentDetector, detectIncidents, type IncidentDetector } from './detect';
export { INCIDENT_DEFAULTS, type IncidentGroupBy, type IncidentOptions } from './options';
export type { Incident, IncidentBasis, IncidentComplaint } from './types';
