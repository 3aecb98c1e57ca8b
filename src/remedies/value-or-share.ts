import { z } from 'zod';
import { limits } from '../input/limits';
import { fromMinor, scaleMinorDown, scaleShare, toMinor } from '../money';
import type { RemedyContext } from './context';
import type { CostPiece } from './definition';

/**
 * A gesture worth a fixed `value`, or a `shareOfOrder` of the affected value with an optional `max`
 * (gifts, and store credit given as goodwill): how it is priced and how a value tier raises it, in one
 * place, so the two remedies cannot drift apart.
 */
export interface ValueOrShare {
  readonly value?: number | undefined;
  readonly shareOfOrder?: number | undefined;
  readonly max?: number | undefined;
}

/** The three fields as a rule writes them, for the remedy's schema (gift and store credit share them). */
export const valueOrShareFields = {
  value: z.number().positive().max(limits.maxMoney).optional(),
  shareOfOrder: z.number().positive().max(1.5).optional(),
  max: z.number().positive().max(limits.maxMoney).optional(),
};

/** The schema's check that `max` comes only with a share: a maximum of a fixed value means nothing. */
export const maxNeedsShare: [(spec: ValueOrShare) => boolean, { message: string; path: string[] }] = [
  (spec) => spec.max === undefined || spec.shareOfOrder !== undefined,
  { message: '"max" only applies with "shareOfOrder"', path: ['max'] },
];

/** What the gesture is worth, in minor units: the value, or the share (to the nearest unit) up to `max`. */
export function valueOrShareMinor(spec: ValueOrShare, ctx: RemedyContext): number {
  if (spec.value !== undefined) return toMinor(spec.value, ctx.currency);
  const share = Math.round(ctx.affectedValueMinor * (spec.shareOfOrder ?? 0));
  return spec.max === undefined ? share : Math.min(share, toMinor(spec.max, ctx.currency));
}

/**
 * The gesture `hundredths`/100 times as large: its value (or its maximum) times the multiplier,
 * rounded down to the minor unit, or its share of the order times the multiplier.
 */
export function scaleValueOrShare<S extends ValueOrShare>(
  spec: S,
  hundredths: number,
  ctx: RemedyContext,
): S {
  const times = (amount: number) =>
    fromMinor(scaleMinorDown(toMinor(amount, ctx.currency), hundredths), ctx.currency);
  if (spec.value !== undefined) return { ...spec, value: times(spec.value) };
  return {
    ...spec,
    shareOfOrder: scaleShare(spec.shareOfOrder ?? 0, hundredths),
    ...(spec.max === undefined ? {} : { max: times(spec.max) }),
  };
}

/**
 * The least the gesture can cost for an affected value V (see `GoodwillBehaviour.cost`): the value, or
 * the share of V and, when there is one, the maximum.
 */
export function valueOrShareCost(spec: ValueOrShare): readonly CostPiece[] {
  if (spec.value !== undefined) return [{ a: 0, b: spec.value }];
  const share = { a: spec.shareOfOrder ?? 0, b: 0 };
  return spec.max === undefined ? [share] : [share, { a: 0, b: spec.max }];
}
