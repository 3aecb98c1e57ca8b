import { describe, expectTypeOf, it } from 'vitest';
import type { Remedy, RemedyKind, RemedySpec, RemedySpecInput, RemedyType } from '../../src/index';
import { REMEDY_TYPES } from '../../src/index';

describe('Remedy', () => {
  it('narrows on type to that remedy’s parameters', () => {
    const remedy = {} as Remedy;
    switch (remedy.type) {
      case 'apology':
        expectTypeOf(remedy.form).toEqualTypeOf<'standard' | 'personal'>();
        break;
      case 'coupon':
        expectTypeOf(remedy.percent).toEqualTypeOf<number | null>();
        expectTypeOf(remedy.expiresAt).toBeString();
        break;
      case 'gift':
        expectTypeOf(remedy.value).toBeNumber();
        break;
      case 'free_month':
        expectTypeOf(remedy.months).toBeNumber();
        expectTypeOf(remedy.plan).toBeString();
        break;
      case 'return':
        expectTypeOf(remedy.method).toEqualTypeOf<'pickup' | 'label' | 'keep'>();
        expectTypeOf(remedy.items).toEqualTypeOf<readonly { sku: string; quantity: number }[]>();
        break;
      case 'resend':
        expectTypeOf(remedy.items).toEqualTypeOf<readonly { sku: string; quantity: number }[]>();
        break;
      case 'store_credit':
        expectTypeOf(remedy.replaces).toEqualTypeOf<'overcharge' | 'affected_items' | 'undelivered' | null>();
        expectTypeOf(remedy.expiresAt).toBeString();
        break;
      case 'refund':
        expectTypeOf(remedy.basis).toEqualTypeOf<'overcharge' | 'affected_items' | 'undelivered' | 'order'>();
        expectTypeOf(remedy.max).toEqualTypeOf<number | null>();
        break;
      case 'escalate':
        expectTypeOf(remedy.urgency).toEqualTypeOf<'normal' | 'high' | 'urgent'>();
        break;
      default:
        expectTypeOf(remedy).toBeNever();
    }
  });

  it('always has its kind, cost and origin, and nothing of another type before narrowing', () => {
    expectTypeOf<Remedy['kind']>().toEqualTypeOf<RemedyKind>();
    expectTypeOf<Remedy['estimatedCost']>().toBeNumber();
    expectTypeOf<Remedy['rule']>().toBeString();
    expectTypeOf<Remedy['incident']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<Remedy>().not.toHaveProperty('costMinor');
    const remedy = {} as Remedy;
    // @ts-expect-error `months` belongs to a free month only
    remedy.months;
  });

  it('has one type per entry of REMEDY_TYPES, in the remedy order', () => {
    expectTypeOf(REMEDY_TYPES).toEqualTypeOf<
      readonly [
        'apology',
        'coupon',
        'gift',
        'store_credit',
        'free_month',
        'return',
        'resend',
        'refund',
        'escalate',
      ]
    >();
    expectTypeOf<Remedy['type']>().toEqualTypeOf<RemedyType>();
  });
});

describe('RemedySpec', () => {
  it('narrows on type, with defaults filled in', () => {
    const spec = {} as RemedySpec;
    if (spec.type === 'refund') {
      expectTypeOf(spec.basis).toEqualTypeOf<'overcharge' | 'affected_items' | 'undelivered' | 'order'>();
      expectTypeOf(spec.share).toBeNumber();
      expectTypeOf(spec.max).toEqualTypeOf<number | undefined>();
    }
    if (spec.type === 'coupon') expectTypeOf(spec.validDays).toBeNumber();
    if (spec.type === 'gift') expectTypeOf(spec.value).toEqualTypeOf<number | undefined>();
  });

  it('is written without its defaults as RemedySpecInput', () => {
    expectTypeOf<{ type: 'refund' }>().toExtend<RemedySpecInput>();
    expectTypeOf<{ type: 'refund' }>().not.toExtend<RemedySpec>();
    expectTypeOf<{ type: 'not_a_remedy' }>().not.toExtend<RemedySpecInput>();
    expectTypeOf<{ type: 'gift'; value: '5' }>().not.toExtend<RemedySpecInput>();
  });
});
