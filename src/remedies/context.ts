import type { Complaint } from '../complaint/schema';
import type { Facts } from '../facts/catalogue';

/** Whether a remedy makes the customer whole, is a gesture beyond the loss, or costs only attention. */
export type RemedyKind = 'restitution' | 'goodwill' | 'care';

/** Where a proposed remedy came from. */
export interface RemedyOrigin {
  /** Name of the rule that proposed it, or `policy` for the apology the policy always adds. */
  readonly rule: string;
  /** That rule's priority (0 for the policy). */
  readonly priority: number;
  /**
   * Set when the remedy is an incident's shared policy (the incident's id) rather than this complaint's
   * own rules; `rule` then names the rule that gave it to the incident's most severe complaint.
   */
  readonly incident?: string;
}

/** Everything a remedy needs to become concrete. Money is in integer minor units here. */
export interface RemedyContext {
  readonly complaint: Complaint;
  readonly facts: Facts;
  readonly currency: string;
  /** The complaint's clock: every date a remedy sets is relative to it. */
  readonly now: Date;
  /** Order total, or one month of the subscription without an order. */
  readonly affectedValueMinor: number;
  /** Every order line with its unit price in minor units (empty without an order). */
  readonly orderLines: readonly { sku: string; quantity: number; unitPriceMinor: number }[];
  /** The affected units with their unit prices in minor units. */
  readonly affectedUnits: readonly { sku: string; quantity: number; unitPriceMinor: number }[];
  /** Shipping cost by speed, minor units. */
  readonly shippingCostMinor: Readonly<Record<'standard' | 'express', number>>;
  /** Cost of taking an item back by method, minor units (`policy.returnCost`). */
  readonly returnCostMinor: Readonly<Record<'pickup' | 'label', number>>;
  /** The policy's first-answer time (`policy.respondWithinHours`): no escalation's deadline is later. */
  readonly respondWithinHours: number;
}

/** Why a remedy cannot apply to a complaint. */
export type NotApplicableCode =
  | 'no_items'
  | 'no_items_to_return'
  | 'no_subscription'
  | 'zero_value'
  | 'nothing_to_refund';

/** A remedy that cannot apply to this complaint (a free month with no subscription, say), and why. */
export interface NotApplicable {
  readonly notApplicable: NotApplicableCode;
}

/** The common part of every concrete remedy. `costMinor` is dropped at the boundary. */
export interface Materialised {
  readonly kind: RemedyKind;
  readonly costMinor: number;
}
