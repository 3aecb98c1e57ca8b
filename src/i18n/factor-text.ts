import type { CurrencyDisplay } from './locale';
import { Memo } from './memo';
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
 * Factors already described, per renderer: by code, then by the value of its one parameter or, for
 * factors with none or several, by each parameter's name and value in turn. Every complaint's scores
 * and rationale describe their factors, and most repeat ("complaint about wrong item", "4 orders"); one
 * description costs several `Intl` calls, and handing out the same string again lets the lists built
 * from them be recognised cheaply too.
 */
const described = new WeakMap<Renderer, Memo<string>>();

/** Factor descriptions remembered per renderer before they start over. */
const DESCRIBED_SIZE = 4096;

/**
 * A scoring factor in words, in the renderer's locale: "14 days late", "3rd complaint in 90 days".
 * The English text is also the factor's `reason` in the score.
 */
export function describeFactor(
  r: Renderer,
  code: string,
  params: Readonly<Record<string, string | number>>,
  display?: CurrencyDisplay,
): string {
  // Rials shown in toman are not what the memo holds (it holds each factor's text as `Intl` prints it).
  if (code === 'lifetimeSpend' && params.currency === 'IRR' && display?.IRR === 'toman') {
    return describe(r, code, params, display);
  }
  let memo = described.get(r);
  if (!memo) {
    memo = new Memo(DESCRIBED_SIZE);
    described.set(r, memo);
  }
  let only: string | number | undefined;
  let count = 0;
  for (const name in params) {
    only = params[name];
    count++;
  }
  // The common case, one parameter ("14 days late", "wrong item"), found by its code and value alone.
  // Asked with `peek` first: the closure `get` needs is made only on a miss.
  if (count === 1) {
    const byValue = memo.at(code);
    return (
      byValue.peek(only as string | number) ??
      byValue.get(only as string | number, () => describe(r, code, params))
    );
  }
  // The customer's spend, two parameters in every complaint: by currency, then amount (a currency is a
  // string, never one of the general path's counts below, so the two paths cannot meet).
  const { amount, currency } = params;
  if (count === 2 && code === 'lifetimeSpend' && typeof currency === 'string' && amount !== undefined) {
    const byAmount = memo.at(code).at(currency);
    return byAmount.peek(amount) ?? byAmount.get(amount, () => describe(r, code, params));
  }
  let node = memo.at(code).at(count);
  for (const name in params) node = node.at(name).at(params[name] as string | number);
  return node.get('', () => describe(r, code, params));
}

function describe(
  r: Renderer,
  code: string,
  params: Readonly<Record<string, string | number>>,
  display?: CurrencyDisplay,
): string {
  switch (code) {
    case 'category':
      return r.t('factor.category', { category: r.t(`category.${params.category}`) });
    case 'public':
      return params.platform
        ? r.t('factor.publicOn', { platform: r.platform(String(params.platform)) })
        : r.t('factor.public');
    case 'repeat':
      return r.t('factor.repeat', { ordinal: r.ordinal(Number(params.count)) });
    case 'tone':
      return r.t('factor.tone', { tone: r.t(`tone.${params.tone}`) });
    case 'lifetimeSpend':
      return r.t('factor.lifetimeSpend', {
        amount: r.money(Number(params.amount), String(params.currency), display),
      });
    case 'subscriber':
      return r.t('factor.subscriber', { plan: r.embed(String(params.plan)) });
    default: {
      const counted = COUNTED[code];
      return r.t(`factor.${code}`, params, counted === undefined ? undefined : Number(params[counted]));
    }
  }
}
