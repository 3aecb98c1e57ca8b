import type { Category } from '../complaint/schema';

/*
 * What a recommendation says about the incident it belongs to. Incidents are found by `incidents/`,
 * which builds on the whole pipeline; the mark is defined here, where handling and the rationale
 * read it, so that the layers below `incidents/` never import from it.
 */

/** What the complaints of an incident have in common. */
export interface IncidentCause {
  /** The grouping key: `wrong_item:sku:SHOE-42`, `service_outage:service:Plus`, `late_delivery`, or yours. */
  readonly key: string;
  /** The category, or null for a custom `groupBy`. */
  readonly category: Category | null;
  /** The product, for item problems (wrong, damaged, missing, poor quality). */
  readonly sku: string | null;
  /** The subscription plan, for problems with a service. */
  readonly service: string | null;
}

/**
 * The incident a complaint is part of, on its recommendation (`recommendMany` with `incidents`). Every
 * member gets at least the remedies of the incident's most severe complaint, within its own caps.
 */
export interface IncidentMark {
  /** The incident's id, as `detectIncidents` reports it. */
  readonly id: string;
  readonly cause: IncidentCause;
  /** Complaints in the incident. */
  readonly count: number;
  /** `receivedAt` of its first and last complaint, in UTC. */
  readonly firstAt: string;
  readonly lastAt: string;
  /** The id of the complaint whose remedies are the incident's policy: its most severe. */
  readonly policyFrom: string;
}
