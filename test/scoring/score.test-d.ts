import { describe, expectTypeOf, it } from 'vitest';
import type {
  Factor,
  FactorCode,
  SeverityFactorCode,
  SeverityScore,
  ValueFactorCode,
  ValueScore,
} from '../../src/index';

describe('Factor', () => {
  it('has a code of its score’s factors', () => {
    expectTypeOf<SeverityScore['factors'][number]['code']>().toEqualTypeOf<SeverityFactorCode>();
    expectTypeOf<ValueScore['factors'][number]['code']>().toEqualTypeOf<ValueFactorCode>();
    expectTypeOf<Factor['code']>().toEqualTypeOf<FactorCode>();
    expectTypeOf<FactorCode>().toEqualTypeOf<SeverityFactorCode | ValueFactorCode>();
    expectTypeOf<'cap'>().toExtend<SeverityFactorCode & ValueFactorCode>();
  });

  it('refuses a code of the other score, or none at all', () => {
    const factor = { points: 5, reason: '', params: {} };
    // @ts-expect-error tenure is a customer-value factor, not a severity one
    ({ ...factor, code: 'tenure' }) satisfies Factor<SeverityFactorCode>;
    // @ts-expect-error not a factor
    ({ ...factor, code: 'weather' }) satisfies Factor;
  });
});
