import { type MemoKeyPart, MemoTrie } from './memo-trie';
import type { Renderer } from './renderer';

/** Which numeric parameter picks the plural form of each factor's message. */
const COUNTED: Readonly<Record<string, string>> = {
  daysLate: 'days',
  itemsAffected: 'items',
  publicReach: 'reach',
  tenure: 'months',
  orders: 'orders',
};

/**
 * Factors already described, per renderer, by code and parameters. Every complaint's scores and
 * rationale describe their factors, and most repeat ("complaint about wrong item", "4 orders"); one
 * description costs several `Intl` calls, and handing out the same string again lets the lists built
 * from them be recognised cheaply too.
 */
const described = new WeakMap<Renderer, MemoTrie<string>>();
/**
 * The common case kept apart: a factor with one parameter ("14 days late", "wrong item") is found by
 * its code and that value in two Map lookups, without building a key sequence for the trie.
 */
const describedByValue = new WeakMap<Renderer, Map<string, Map<string | number, string>>>();
/** Values remembered per factor code before that code's memo starts over. */
const MAX_PER_CODE = 1024;

/**
 * A scoring factor in words, in the renderer's locale: "14 days late", "3rd complaint in 90 days".
 * The English text is also the factor's `reason` in the score.
 */
export function describeFactor(
  r: Renderer,
  code: string,
  params: Readonly<Record<string, string | number>>,
): string {
  let only: string | number | undefined;
  let count = 0;
  for (const name in params) {
    only = params[name];
    count++;
  }
  if (count === 1 && !Object.is(only, -0)) {
    let byCode = describedByValue.get(r);
    if (!byCode) {
      byCode = new Map();
      describedByValue.set(r, byCode);
    }
    let byValue = byCode.get(code);
    if (!byValue) {
      byValue = new Map();
      byCode.set(code, byValue);
    }
    const value = only as string | number;
    let text = byValue.get(value);
    if (text === undefined) {
      text = describe(r, code, params);
      if (byValue.size >= MAX_PER_CODE) byValue.clear();
      byValue.set(value, text);
    }
    return text;
  }
  let memo = described.get(r);
  if (!memo) {
    memo = new MemoTrie(4096);
    described.set(r, memo);
  }
  const parts: MemoKeyPart[] = [code];
  for (const name in params) parts.push(name, params[name] as string | number);
  return memo.get(parts, () => describe(r, code, params));
}

function describe(r: Renderer, code: string, params: Readonly<Record<string, string | number>>): string {
  switch (code) {
    case 'category':
      return r.t('factor.category', { category: r.t(`category.${params.category}`) });
    case 'public':
      return params.platform
        ? r.t('factor.publicOn', { platform: r.embed(String(params.platform)) })
        : r.t('factor.public');
    case 'repeat':
      return r.t('factor.repeat', { ordinal: r.ordinal(Number(params.count)) });
    case 'tone':
      return r.t('factor.tone', { tone: r.t(`tone.${params.tone}`) });
    case 'lifetimeSpend':
      return r.t('factor.lifetimeSpend', { amount: r.money(Number(params.amount), String(params.currency)) });
    case 'subscriber':
      return r.t('factor.subscriber', { plan: r.embed(String(params.plan)) });
    default: {
      const counted = COUNTED[code];
      return r.t(`factor.${code}`, params, counted === undefined ? undefined : Number(params[counted]));
    }
  }
}
