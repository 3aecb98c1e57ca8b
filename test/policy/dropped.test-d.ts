import { describe, expectTypeOf, it } from 'vitest';
import type { CapLimitName, DroppedRemedy, RemedyType } from '../../src/index';

describe('DroppedRemedy', () => {
  it('says which remedy of which rule, and why', () => {
    expectTypeOf<DroppedRemedy['type']>().toEqualTypeOf<RemedyType>();
    expectTypeOf<DroppedRemedy['rule']>().toBeString();
    expectTypeOf<DroppedRemedy['reason']>().toEqualTypeOf<
      'cap' | 'reduced' | 'not_applicable' | 'superseded' | 'linked'
    >();
  });

  it('narrows on reason to the fields of that reason', () => {
    const dropped = {} as DroppedRemedy;
    switch (dropped.reason) {
      case 'cap':
        expectTypeOf(dropped.limit).toEqualTypeOf<CapLimitName>();
        expectTypeOf(dropped.estimatedCost).toBeNumber();
        expectTypeOf(dropped).not.toHaveProperty('keptCost');
        break;
      case 'reduced':
        expectTypeOf(dropped.limit).toEqualTypeOf<CapLimitName>();
        expectTypeOf(dropped.keptCost).toBeNumber();
        break;
      case 'not_applicable':
        expectTypeOf(dropped.code).toEqualTypeOf<
          'no_items' | 'no_items_to_return' | 'no_subscription' | 'zero_value' | 'nothing_to_refund'
        >();
        expectTypeOf(dropped).not.toHaveProperty('estimatedCost');
        break;
      case 'superseded':
        expectTypeOf(dropped.by).toBeString();
        break;
      case 'linked':
        expectTypeOf(dropped.linkedTo).toBeString();
        expectTypeOf(dropped.kind).toEqualTypeOf<'restitution' | 'goodwill'>();
        expectTypeOf(dropped.keptCost).toEqualTypeOf<number | undefined>();
        break;
      default:
        expectTypeOf(dropped).toBeNever();
    }
  });

  it('has no reason-specific field before it is narrowed', () => {
    const dropped = {} as DroppedRemedy;
    // @ts-expect-error `keptCost` exists only when the reason is `reduced`
    dropped.keptCost;
  });
});
