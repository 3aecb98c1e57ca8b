import type { Category } from '../complaint/schema';

/*
 * What a recommendation says about the incident it belongs to. Incidents are found by `incidents/`,
 * which builds on the whole pipeline; the mark is defined here, where handling and the rationale
 * read it, so that the layers below `incidents/` never import from it.
 */

/**
 * What the complaints of an incident have in common: what failed. At most one of `sku`, `family`,
 * `service` and `carrier` is set.
 */
export interface IncidentCause {
  /**
   * The grouping key: `wrong_item:sku:SHOE-42`, `wrong_item:family:SHOE-RUN`,
   * `service_outage:service:Streaming`, `late_delivery:carrier:DHL`, `late_delivery`, or yours.
   */
  readonly key: string;
  /** The category, or null for a custom `groupBy`. */
  readonly category: Category | null;
  /** The product, for item problems (wrong, damaged, missing, poor quality) without a family. */
  readonly sku: string | null;
  /** The product family (`order.items[].family`), for item problems when the line names one. */
  readonly family: string | null;
  /** The service (`subscription.service`), for problems with a service. */
  readonly service: string | null;
  /** The carrier (`order.carrier`), for late deliveries. */
  readonly carrier: string | null;
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
