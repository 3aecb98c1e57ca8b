import type { Category } from '../complaint/schema';
import type { IncidentCause } from '../policy/incident-mark';
import type { IncidentComplaint } from './types';

/*
 * The cause of a complaint is what failed — a product, a service, a carrier — not how the customer
 * pays: the plans of one service are one cause, and so are the sizes of one product family.
 */

/** Categories where a product failed: grouped by its family, else its SKU. */
const PRODUCT_CATEGORIES: ReadonlySet<Category> = new Set([
  'wrong_item',
  'damaged_item',
  'missing_item',
  'poor_quality',
]);
/** Categories where the carrier failed: grouped by `order.carrier`. */
const CARRIER_CATEGORIES: ReadonlySet<Category> = new Set(['late_delivery']);

type Line = NonNullable<NonNullable<IncidentComplaint['order']>['items']>[number];

/**
 * The line a complaint is about: of its affected lines (those with `affectedQuantity` > 0 when any
 * line says, else every line), the one with the most value at stake; ties go to the smaller SKU.
 */
function primaryLine(items: readonly Line[]): Line | null {
  let marked = false;
  for (const item of items) if (item.affectedQuantity !== undefined) marked = true;
  let best: Line | null = null;
  let bestValue = -1;
  for (const item of items) {
    const quantity = marked ? (item.affectedQuantity ?? 0) : item.quantity;
    if (!(quantity > 0)) continue;
    const value = quantity * item.unitPrice;
    if (value > bestValue || (value === bestValue && best !== null && item.sku < best.sku)) {
      best = item;
      bestValue = value;
    }
  }
  return best;
}

/** What failed, as a dimension and its value; null when only the category is known. */
function failed(c: IncidentComplaint): { readonly dimension: Dimension; readonly value: string } | null {
  if (PRODUCT_CATEGORIES.has(c.category)) {
    const line = primaryLine(c.order?.items ?? []);
    if (line !== null) {
      return line.family === undefined
        ? { dimension: 'sku', value: line.sku }
        : { dimension: 'family', value: line.family };
    }
  }
  const carrier = c.order?.carrier;
  if (CARRIER_CATEGORIES.has(c.category) && carrier !== undefined) {
    return { dimension: 'carrier', value: carrier };
  }
  // A service's problem: an outage, or any complaint about a subscription alone.
  const service = c.subscription?.service;
  if (service !== undefined && (c.order === undefined || c.category === 'service_outage')) {
    return { dimension: 'service', value: service };
  }
  return null;
}

type Dimension = 'sku' | 'family' | 'service' | 'carrier';

/**
 * The cause key of a complaint under `cause` grouping: a product failure (wrong, damaged, missing
 * item, poor quality) → category and the product's family, else its SKU; a late delivery → category
 * and carrier; a service's problem (an outage, or a complaint about a subscription alone) → category
 * and service; otherwise, or when the field is not given, the category alone.
 */
export function causeKey(c: IncidentComplaint): string {
  const what = failed(c);
  return what === null ? c.category : `${c.category}:${what.dimension}:${what.value}`;
}

/** The cause of a complaint under `cause` grouping (see `causeKey`). */
export function causeOf(c: IncidentComplaint): IncidentCause {
  const what = failed(c);
  const value = (dimension: Dimension) => (what?.dimension === dimension ? what.value : null);
  return {
    key: what === null ? c.category : `${c.category}:${what.dimension}:${what.value}`,
    category: c.category,
    sku: value('sku'),
    family: value('family'),
    service: value('service'),
    carrier: value('carrier'),
  };
}

/** The cause of a complaint grouped by category alone, or by a key of the caller's. */
export function plainCause(key: string, category: Category | null): IncidentCause {
  return { key, category, sku: null, family: null, service: null, carrier: null };
}
