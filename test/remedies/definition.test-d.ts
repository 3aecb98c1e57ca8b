import { describe, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import type { Remedy, RemedySpec, RemedyType } from '../../src/remedies/catalogue';
import { defineRemedy, type MaterialiseResult, registerRemedies } from '../../src/remedies/definition';
import { REMEDIES } from '../../src/remedies/registry';
import { loyaltyPoints } from './planted-remedy';

/** The parts every definition below shares: a care remedy of type `card` that is correct as it is. */
const schema = z.strictObject({ type: z.literal('card') });
const base = {
  type: 'card',
  schema,
  kind: () => 'care' as const,
  materialise: (): MaterialiseResult<{ readonly type: 'card' }> => ({ type: 'card', costMinor: 0 }),
  label: () => 'card',
  check: () => [],
  shapes: [{}],
} as const;
const texts = {
  en: { 'remedy.card': 'card', 'offer.card': 'We will send you a card.' },
  tr: { 'remedy.card': 'kart', 'offer.card': 'Size bir kart göndereceğiz.' },
  fa: { 'remedy.card': 'کارت', 'offer.card': 'یک کارت برای شما می‌فرستیم.' },
};

describe('defineRemedy: a remedy cannot be defined wrongly', () => {
  it('accepts a complete definition, and reads its parameter type from materialise', () => {
    const card = defineRemedy({
      ...base,
      texts,
      offer: (_r, say) => say('offer.card'),
    });
    expectTypeOf(card.type).toEqualTypeOf<'card'>();
    expectTypeOf(loyaltyPoints.label).parameter(0).toHaveProperty('points').toEqualTypeOf<number>();
    expectTypeOf(loyaltyPoints.label).parameter(0).not.toHaveProperty('costMinor');
  });

  it('rejects a message key that is not the remedy’s own', () => {
    defineRemedy({
      ...base,
      // @ts-expect-error: `offer.gift` belongs to the gift.
      texts: { ...texts, en: { ...texts.en, 'offer.gift': 'x' } },
      offer: () => undefined,
    });
  });

  it('rejects a remedy without its name', () => {
    defineRemedy({
      ...base,
      // @ts-expect-error: `remedy.card` is required.
      texts: { en: { 'offer.card': 'x' }, tr: { 'offer.card': 'x' }, fa: { 'offer.card': 'x' } },
      offer: () => undefined,
    });
  });

  it('rejects a locale without every message', () => {
    defineRemedy({
      ...base,
      // @ts-expect-error: Persian lacks `offer.card`.
      texts: { ...texts, fa: { 'remedy.card': 'کارت' } },
      offer: () => undefined,
    });
  });

  it('rejects an offer that says a message the remedy does not have', () => {
    // @ts-expect-error: there is no `offer.cards`.
    defineRemedy({ ...base, texts, offer: (_r, say) => say('offer.cards') });
  });

  it('rejects a goodwill remedy that does not say how a cap reduces it', () => {
    // @ts-expect-error: goodwill needs `goodwill: { reduce, cost }`.
    defineRemedy({ ...base, kind: () => 'goodwill' as const, texts, offer: () => undefined });
  });

  it('rejects a schema of another type', () => {
    defineRemedy({
      ...base,
      // @ts-expect-error: the schema's literal is `cart`, not `card`.
      schema: z.strictObject({ type: z.literal('cart') }),
      texts,
      offer: () => undefined,
    });
  });

  it('rejects a materialise whose return type mixes the cost into the parameters', () => {
    defineRemedy({
      ...base,
      // @ts-expect-error: write the return type as MaterialiseResult<CardParams>.
      materialise: (): { type: 'card'; costMinor: number } | { notApplicable: 'zero_value' } => ({
        type: 'card',
        costMinor: 0,
      }),
      texts,
      offer: () => undefined,
    });
  });
});

describe('registerRemedies', () => {
  it('rejects a type registered twice', () => {
    // @ts-expect-error: remedy type "loyalty_points" is registered twice.
    registerRemedies([loyaltyPoints, ...REMEDIES, loyaltyPoints]);
    expectTypeOf(registerRemedies([loyaltyPoints, ...REMEDIES])[0]).toEqualTypeOf(loyaltyPoints);
  });

  it('derives the remedy types, specs and remedies from the registry', () => {
    expectTypeOf<RemedyType>().toEqualTypeOf<
      | 'apology'
      | 'coupon'
      | 'gift'
      | 'store_credit'
      | 'free_month'
      | 'return'
      | 'resend'
      | 'refund'
      | 'escalate'
    >();
    expectTypeOf<RemedySpec['type']>().toEqualTypeOf<RemedyType>();
    expectTypeOf<Remedy['type']>().toEqualTypeOf<RemedyType>();
  });
});
