import type { Category } from '../complaint/schema';
import type { RemedyType } from '../remedies/catalogue';

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
 * The incident a complaint is part of, on its recommendation (`recommendMany` with `incidents`): the
 * summary an agent needs (cause, members, first and last complaint, the remedy given) and the one voice
 * it speaks with (owner, statement, partners told). Every member gets at least the remedies of the
 * incident's most severe complaint, within its own caps, and never less than alone.
 */
export interface IncidentMark {
  /** The incident's id, as `detectIncidents` reports it. */
  readonly id: string;
  readonly cause: IncidentCause;
  /** Complaints in the incident (for agents: customer texts never say how many). */
  readonly count: number;
  /** `receivedAt` of its first and last complaint, in UTC. */
  readonly firstAt: string;
  readonly lastAt: string;
  /** The id of the complaint whose remedies are the incident's policy: its most severe. */
  readonly policyFrom: string;
  /** The remedy types of the incident's policy, in its order: the remedy given. */
  readonly remedies: readonly RemedyType[];
  /**
   * The incident's one deadline: the first answer to its most severe complaint is due then
   * (`handling.respondBy` of `policyFrom`). A member that arrives before it answers by it when its own
   * deadline is later; never later than alone.
   */
  readonly respondBy: string;
  /** The one owner of every complaint in the incident (`policy.incidents.owner`). */
  readonly owner: string;
  /** The shared public statement, in this recommendation's locale. */
  readonly statement: string;
  /**
   * The partners told about the incident (`policy.incidents.partners` whose cause matches). The
   * notifications themselves are on one member's `handling.notify`: its first complaint's.
   */
  readonly partners: readonly string[];
}
