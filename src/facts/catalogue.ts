import { CATEGORIES, CHANNELS, TONES } from '../complaint/schema';
import { SEVERITY_BANDS, VALUE_TIERS } from '../scoring/score';

/** How a fact may be compared: its type, and for enums the allowed values. */
export type FactSpec =
  | { readonly type: 'number'; readonly description: string; readonly unit?: string }
  | { readonly type: 'boolean'; readonly description: string }
  | { readonly type: 'string'; readonly description: string }
  | { readonly type: 'enum'; readonly values: readonly string[]; readonly description: string };

/**
 * The facts catalogue: every name a rule may use. A rule naming anything else is rejected at load
 * time. The facts table of docs/rules.md is this object.
 */
export const FACTS = {
  category: { type: 'enum', values: CATEGORIES, description: 'What went wrong.' },
  channel: {
    type: 'enum',
    values: CHANNELS,
    description: 'Where the complaint came in (and where the answer goes).',
  },
  severity: { type: 'number', description: 'Severity score, 0–100.' },
  severityBand: {
    type: 'enum',
    values: SEVERITY_BANDS,
    description: 'Severity band: low, medium, high, critical.',
  },
  value: { type: 'number', description: 'Customer value score, 0–100.' },
  valueTier: {
    type: 'enum',
    values: VALUE_TIERS,
    description: 'Customer tier: standard, silver, gold, platinum.',
  },
  orderTotal: {
    type: 'number',
    unit: 'currency',
    description: 'Order total in major units; 0 without an order.',
  },
  currency: { type: 'string', description: 'ISO 4217 code of the order (or subscription).' },
  daysLate: {
    type: 'number',
    unit: 'days',
    description:
      'Calendar days between the promised date and delivery (or receipt of the complaint); 0 when on time or nothing was promised.',
  },
  undelivered: {
    type: 'boolean',
    description: 'There is an order and it has not been delivered (no `deliveredAt`).',
  },
  daysOverdue: {
    type: 'number',
    unit: 'days',
    description:
      'Calendar days an undelivered order is past its promised date, up to the complaint; 0 when delivered, not yet due or nothing was promised.',
  },
  itemsAffected: { type: 'number', unit: 'units', description: 'Units affected (see `affectedQuantity`).' },
  isRepeat: { type: 'boolean', description: 'The customer complained before within 90 days.' },
  complaints90d: { type: 'number', description: 'Complaints in the 90 days up to and including this one.' },
  tenureMonths: { type: 'number', unit: 'months', description: 'Whole months since `customer.since`.' },
  isPublic: { type: 'boolean', description: 'The complaint was posted publicly.' },
  publicReach: {
    type: 'number',
    description: 'Audience of the public post (followers, views); 0 when private.',
  },
  tone: { type: 'enum', values: TONES, description: 'calm, upset, angry or abusive.' },
  legalThreat: { type: 'boolean', description: 'The customer threatened legal action.' },
  plan: { type: 'string', description: 'Subscription plan name; "none" without a subscription.' },
  monthlyPrice: {
    type: 'number',
    unit: 'currency',
    description: 'Subscription price per month; 0 without a subscription.',
  },
  hasOrder: { type: 'boolean', description: 'The complaint is about an order.' },
  hasSubscription: { type: 'boolean', description: 'The customer has a subscription.' },
  overcharge: {
    type: 'number',
    unit: 'currency',
    description:
      'Amount charged beyond what was owed (billing errors): the order’s overcharge plus the subscription’s; 0 when not given.',
  },
  compensation90d: {
    type: 'number',
    unit: 'currency',
    description:
      'Goodwill the customer received in the 90 days up to this complaint (`customer.compensationHistory`); restitution does not count.',
  },
  compensations90d: {
    type: 'number',
    description: 'Number of goodwill compensations in those 90 days.',
  },
} as const satisfies Record<string, FactSpec>;

/** A fact's name. */
export type FactName = keyof typeof FACTS;

/** The TypeScript type of a fact of this spec: a number, a boolean, a string or one of its values. */
type FactValue<S extends FactSpec> = S extends { readonly type: 'number' }
  ? number
  : S extends { readonly type: 'boolean' }
    ? boolean
    : S extends { readonly type: 'enum'; readonly values: readonly (infer V)[] }
      ? V
      : string;

/**
 * The flat record rules read, one field per fact of the catalogue, typed from it. Every fact is always
 * defined (no `undefined`), so a missing value can never make a condition pass by accident.
 */
export type Facts = { readonly [Name in FactName]: FactValue<(typeof FACTS)[Name]> };

/** Every fact name, in catalogue order. */
export const FACT_NAMES = Object.keys(FACTS) as FactName[];
