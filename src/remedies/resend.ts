import { z } from 'zod';
import type { Renderer } from '../i18n/renderer';
import { isWhole, kindProblems } from './check';
import type { RemedyContext } from './context';
import { defineRemedy, type Given, type MaterialiseResult, type RemedyCheckContext } from './definition';
import type { RemedySentence, Say } from './texts';

/** Send the affected (or all) items again. Restitution: what the customer paid for and did not get. */
export const ResendSpecSchema = z.strictObject({
  type: z.literal('resend'),
  shipping: z.enum(['standard', 'express']).default('standard'),
  items: z.enum(['affected', 'all']).default('affected'),
});

/** A `resend` as written in a rule. */
export type ResendSpec = z.output<typeof ResendSpecSchema>;

/** A concrete resend. */
export interface ResendParams {
  readonly type: 'resend';
  readonly shipping: 'standard' | 'express';
  readonly items: readonly { sku: string; quantity: number }[];
}

/** Resolves which units go out again and what that costs (goods plus shipping). */
function materialiseResend(spec: ResendSpec, ctx: RemedyContext): MaterialiseResult<ResendParams> {
  const units = spec.items === 'all' ? ctx.orderLines : ctx.affectedUnits;
  if (units.length === 0) return { notApplicable: 'no_items' };
  const goods = units.reduce((sum, u) => sum + u.quantity * u.unitPriceMinor, 0);
  return {
    type: 'resend',
    shipping: spec.shipping,
    items: units.map((u) => ({ sku: u.sku, quantity: u.quantity })),
    costMinor: goods + ctx.shippingCostMinor[spec.shipping],
  };
}

/** Items of the order, no more than were ordered, costing the goods plus the policy's shipping. */
function resendProblems(r: Given<ResendParams>, ctx: RemedyCheckContext): string[] {
  const problems: string[] = [];
  const { minor } = ctx;
  if (r.shipping !== 'standard' && r.shipping !== 'express')
    problems.push(`shipping "${String(r.shipping)}" is unknown`);
  if (r.items.length === 0) problems.push('sends nothing');
  const lines = [...(ctx.complaint.order?.items ?? [])];
  let goods = 0;
  for (const item of r.items) {
    // Items are matched to order lines in order, so repeated SKUs each find their own line.
    const at = lines.findIndex((l) => l.sku === item.sku);
    const line = at >= 0 ? lines.splice(at, 1)[0] : undefined;
    if (!line) problems.push(`sends ${item.sku}, which is not in the order`);
    else if (!isWhole(item.quantity, 1, line.quantity))
      problems.push(`sends ${item.quantity} × ${item.sku} of ${line.quantity} ordered`);
    else goods += item.quantity * minor(line.unitPrice);
  }
  const shipping = r.shipping === 'express' ? ctx.shippingCost.express : ctx.shippingCost.standard;
  if (minor(r.estimatedCost) !== goods + minor(shipping))
    problems.push(`costs ${r.estimatedCost}, not the goods plus ${r.shipping} shipping`);
  return problems;
}

/**
 * A comma of either script: the list separator of English and Turkish (",") and of Persian («،»), where
 * Persian readers take a Latin comma for one too.
 */
const LIST_COMMA = /[,\u060C]/;

/**
 * One named line of a resend: the product's name, with the quantity when more than one ("2 × Running
 * shoes"). A name with a comma in it is quoted (`quoted`: “Wool coat, L”), or a list of names would
 * read as more products than were sent ("Wool coat, L, Novel" reads as three).
 */
function itemLine(r: Renderer, quantity: number, name: string): string {
  const shown = LIST_COMMA.test(name) ? r.m('quoted', { text: name }) : name;
  return quantity === 1
    ? r.m('item.named', { name: shown })
    : r.m('item.namedMany', { quantity, name: shown });
}

/**
 * What a resend sends, in words the customer knows: the products by the names the order gives, and the
 * rest as "one other item from your order" — a SKU is a warehouse code, never shown to the customer.
 * With no name at all the sentence names no item (`offer.resend.unnamed`: "We will send the item again").
 */
function resendSentence(
  remedy: ResendParams,
  say: Say<'offer.resend' | 'offer.resend.unnamed'>,
  r: Renderer,
  itemName: (sku: string) => string | undefined,
): RemedySentence {
  const shipping = r.t(`shipping.${remedy.shipping}`);
  const units = remedy.items.reduce((n, i) => n + i.quantity, 0);
  const named: string[] = [];
  let unnamed = 0;
  for (const item of remedy.items) {
    const name = itemName(item.sku);
    if (name === undefined) unnamed += item.quantity;
    else named.push(itemLine(r, item.quantity, name));
  }
  if (named.length === 0) return say('offer.resend.unnamed', { count: units, shipping }, units);
  if (unnamed > 0) named.push(r.t('item.others', { count: unnamed }, unnamed));
  return say('offer.resend', { items: r.list(named), shipping }, units);
}

/** A resend is restitution: owed, never capped. */
export const resend = defineRemedy({
  type: 'resend',
  schema: ResendSpecSchema,
  kind: () => 'restitution',
  materialise: materialiseResend,
  texts: {
    en: {
      'remedy.resend': 'resend',
      'offer.resend.one': 'We will send {items} again by {shipping} shipping, at no cost to you.',
      'offer.resend.other': 'We will send {items} again by {shipping} shipping, at no cost to you.',
      'offer.resend.unnamed.one': 'We will send the item again by {shipping} shipping, at no cost to you.',
      'offer.resend.unnamed.other':
        'We will send the {count} items again by {shipping} shipping, at no cost to you.',
    },
    tr: {
      'remedy.resend': 'yeniden gönderim',
      'offer.resend.one':
        'Şu ürünü sizden hiçbir ücret almadan {shipping} kargoyla yeniden göndereceğiz: {items}.',
      'offer.resend.other':
        'Şu ürünleri sizden hiçbir ücret almadan {shipping} kargoyla yeniden göndereceğiz: {items}.',
      'offer.resend.unnamed.one':
        'Siparişinizdeki ürünü sizden hiçbir ücret almadan {shipping} kargoyla yeniden göndereceğiz.',
      'offer.resend.unnamed.other':
        'Siparişinizdeki {count} ürünü sizden hiçbir ücret almadan {shipping} kargoyla yeniden göndereceğiz.',
    },
    fa: {
      'remedy.resend': 'ارسال مجدد',
      'offer.resend.one': 'بدون هیچ هزینه‌ای، {items} را دوباره و با {shipping} برای شما می‌فرستیم.',
      'offer.resend.other': 'بدون هیچ هزینه‌ای، {items} را دوباره و با {shipping} برای شما می‌فرستیم.',
      'offer.resend.unnamed.one':
        'بدون هیچ هزینه‌ای، کالای مورد نظر را دوباره و با {shipping} برای شما می‌فرستیم.',
      'offer.resend.unnamed.other':
        'بدون هیچ هزینه‌ای، {count} کالای مورد نظر را دوباره و با {shipping} برای شما می‌فرستیم.',
    },
  },
  offer: (remedy, say, r, { itemName }) => resendSentence(remedy, say, r, itemName),
  label: (remedy) => `resend (${remedy.shipping})`,
  check: (remedy, ctx) => [...kindProblems(remedy.kind, 'restitution'), ...resendProblems(remedy, ctx)],
  shapes: [
    {
      optional: {
        shipping: { oneOf: ['standard', 'express'] },
        items: { oneOf: ['affected', 'all'] },
      },
    },
  ],
});
