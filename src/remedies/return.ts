import { z } from 'zod';
import { isWhole, kindProblems } from './check';
import type { RemedyContext } from './context';
import { defineRemedy, type Given, type MaterialiseResult, type RemedyCheckContext } from './definition';

/**
 * Take back the items the customer should not keep (the wrong item sent), at the shop's cost: a
 * courier `pickup` or a prepaid `label`. An item worth less than its return would cost
 * (`policy.returnCost`) is not taken back: the customer keeps it, as real shops do.
 */
export const ReturnSpecSchema = z.strictObject({
  type: z.literal('return'),
  method: z.enum(['pickup', 'label']).default('label'),
  items: z.enum(['affected', 'all']).default('affected'),
});

/** A `return` as written in a rule. */
export type ReturnSpec = z.output<typeof ReturnSpecSchema>;

/** A concrete return. */
export interface ReturnParams {
  readonly type: 'return';
  /** How the items come back; `keep` when they are worth less than the return would cost. */
  readonly method: 'pickup' | 'label' | 'keep';
  readonly items: readonly { sku: string; quantity: number }[];
}

/**
 * The items taken back and what that costs: the method's return cost, or, when the items are worth
 * less than that, their value, which the shop gives up by letting the customer keep them.
 */
function materialiseReturn(spec: ReturnSpec, ctx: RemedyContext): MaterialiseResult<ReturnParams> {
  const units = spec.items === 'all' ? ctx.orderLines : ctx.affectedUnits;
  if (units.length === 0) return { notApplicable: 'no_items_to_return' };
  const goods = units.reduce((sum, u) => sum + u.quantity * u.unitPriceMinor, 0);
  const returnCost = ctx.returnCostMinor[spec.method];
  const keep = goods < returnCost;
  return {
    type: 'return',
    method: keep ? 'keep' : spec.method,
    items: units.map((u) => ({ sku: u.sku, quantity: u.quantity })),
    costMinor: keep ? goods : returnCost,
  };
}

/** Items of the order; kept only when worth less than a return, then costing their value. */
function returnProblems(r: Given<ReturnParams>, ctx: RemedyCheckContext): string[] {
  const problems: string[] = [];
  const { minor } = ctx;
  if (r.items.length === 0) problems.push('takes nothing back');
  const lines = [...(ctx.complaint.order?.items ?? [])];
  let goods = 0;
  for (const item of r.items) {
    const at = lines.findIndex((l) => l.sku === item.sku);
    const line = at >= 0 ? lines.splice(at, 1)[0] : undefined;
    if (!line) problems.push(`takes back ${item.sku}, which is not in the order`);
    else if (!isWhole(item.quantity, 1, line.quantity))
      problems.push(`takes back ${item.quantity} × ${item.sku} of ${line.quantity} ordered`);
    else goods += item.quantity * minor(line.unitPrice);
  }
  const cost = minor(r.estimatedCost);
  if (r.method === 'keep') {
    const cheapest = Math.min(minor(ctx.returnCost.pickup), minor(ctx.returnCost.label));
    if (goods >= cheapest) problems.push(`is kept, though worth ${goods} minor units, no less than a return`);
    if (cost !== goods) problems.push(`costs ${r.estimatedCost}, not the value of the items kept`);
  } else if (r.method === 'pickup' || r.method === 'label') {
    const returnCost = minor(ctx.returnCost[r.method]);
    if (goods < returnCost) problems.push(`is taken back by ${r.method}, though worth less than that costs`);
    if (cost !== returnCost) problems.push(`costs ${r.estimatedCost}, not the ${r.method} return cost`);
  } else problems.push(`method "${String(r.method)}" is unknown`);
  return problems;
}

/** A return is restitution: part of putting the wrong right, never capped. */
export const returnItems = defineRemedy({
  type: 'return',
  schema: ReturnSpecSchema,
  kind: () => 'restitution',
  materialise: materialiseReturn,
  texts: {
    en: {
      'remedy.return': 'return',
      'offer.return.pickup.one':
        'A courier will collect the item you received from your address, at no cost to you.',
      'offer.return.pickup.other':
        'A courier will collect the {count} items you received from your address, at no cost to you.',
      'offer.return.label.one':
        'We will send you a prepaid label to return the item you received, at no cost to you.',
      'offer.return.label.other':
        'We will send you a prepaid label to return the {count} items you received, at no cost to you.',
      'offer.return.keep.one': 'You do not need to send back the item you received: please keep it.',
      'offer.return.keep.other':
        'You do not need to send back the {count} items you received: please keep them.',
    },
    tr: {
      'remedy.return': 'geri alım',
      'offer.return.pickup.one': 'Size ulaşan ürünü kuryemiz adresinizden ücretsiz olarak teslim alacak.',
      'offer.return.pickup.other':
        'Size ulaşan {count} ürünü kuryemiz adresinizden ücretsiz olarak teslim alacak.',
      'offer.return.label.one':
        'Size ulaşan ürünü ücretsiz olarak geri gönderebilmeniz için bir iade kodu ileteceğiz; kargo ücreti bize aittir.',
      'offer.return.label.other':
        'Size ulaşan {count} ürünü ücretsiz olarak geri gönderebilmeniz için bir iade kodu ileteceğiz; kargo ücreti bize aittir.',
      'offer.return.keep.one': 'Size ulaşan ürünü geri göndermenize gerek yok; ürün sizde kalabilir.',
      'offer.return.keep.other':
        'Size ulaşan {count} ürünü geri göndermenize gerek yok; ürünler sizde kalabilir.',
    },
    fa: {
      'remedy.return': 'پس گرفتن کالا',
      'offer.return.pickup.one': 'کالایی را که به دست شما رسیده است، به‌رایگان از نشانی شما تحویل می‌گیریم.',
      'offer.return.pickup.other':
        '{count} کالایی را که به دست شما رسیده است، به‌رایگان از نشانی شما تحویل می‌گیریم.',
      'offer.return.label.one':
        'برای مرجوع کردن رایگان کالایی که به دست شما رسیده است، برچسب پستی‌ای برایتان می‌فرستیم که هزینهٔ ارسال آن پرداخت شده است.',
      'offer.return.label.other':
        'برای مرجوع کردن رایگان {count} کالایی که به دست شما رسیده است، برچسب پستی‌ای برایتان می‌فرستیم که هزینهٔ ارسال آن پرداخت شده است.',
      'offer.return.keep.one':
        'نیازی به بازگرداندن کالایی که به دست شما رسیده است نیست؛ می‌توانید آن را نزد خود نگه دارید.',
      'offer.return.keep.other':
        'نیازی به بازگرداندن {count} کالایی که به دست شما رسیده است نیست؛ می‌توانید آن‌ها را نزد خود نگه دارید.',
    },
  },
  // The customer's words name what they received, not the SKU they ordered: for a wrong item the two differ.
  offer: (remedy, say) => {
    const count = remedy.items.reduce((n, i) => n + i.quantity, 0);
    return say(`offer.return.${remedy.method}`, { count }, count);
  },
  label: (remedy, money) =>
    remedy.method === 'keep' ? `keep it (${money(remedy.estimatedCost)})` : `return (${remedy.method})`,
  check: (remedy, ctx) => [...kindProblems(remedy.kind, 'restitution'), ...returnProblems(remedy, ctx)],
  shapes: [
    {
      optional: {
        method: { oneOf: ['pickup', 'label'] },
        items: { oneOf: ['affected', 'all'] },
      },
    },
  ],
});
