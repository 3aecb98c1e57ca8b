import type { IncidentCause } from '../policy/incident-mark';
import type { IncidentComplaint } from './types';

const ITEM_CATEGORIES: ReadonlySet<string> = new Set([
  'wrong_item',
  'damaged_item',
  'missing_item',
  'poor_quality',
]);
type Line = NonNullable<NonNullable<IncidentComplaint['order']>['items']>[number];

/**
 * The product a complaint is about: of its affected lines (those with `affectedQuantity` > 0 when any
 * line says, else every line), the one with the most value at stake; ties go to the smaller SKU.
 */
function primarySku(items: readonly Line[]): string | null {
  let marked = false;
  for (const item of items) if (item.affectedQuantity !== undefined) marked = true;
  let best: string | null = null;
  let bestValue = -1;
  for (const item of items) {
    const quantity = marked ? (item.affectedQuantity ?? 0) : item.quantity;
    if (!(quantity > 0)) continue;
    const value = quantity * item.unitPrice;
    if (value > bestValue || (value === bestValue && best !== null && item.sku < best)) {
      best = item.sku;
      bestValue = value;
    }
  }
  return best;
}

/**
 * The cause key of a complaint under `cause` grouping: an item problem with a product → category and
 * SKU; a problem with a service (a subscription without an order, or an outage of a subscription) →
 * category and plan; otherwise the category alone (a late delivery is the carrier's, not one SKU's).
 */
export function causeKey(c: IncidentComplaint): string {
  if (ITEM_CATEGORIES.has(c.category)) {
    const sku = primarySku(c.order?.items ?? []);
    if (sku !== null) return `${c.category}:sku:${sku}`;
  }
  const plan = c.subscription?.plan;
  if (plan !== undefined && (c.order === undefined || c.category === 'service_outage')) {
    return `${c.category}:service:${plan}`;
  }
  return c.category;
}

/** The cause of a complaint under `cause` grouping (see `causeKey`). */
export function causeOf(c: IncidentComplaint): IncidentCause {
  const key = causeKey(c);
  const sku = key.startsWith(`${c.category}:sku:`) ? key.slice(c.category.length + 5) : null;
  const service = key.startsWith(`${c.category}:service:`) ? key.slice(c.category.length + 9) : null;
  return { key, category: c.category, sku, service };
}
