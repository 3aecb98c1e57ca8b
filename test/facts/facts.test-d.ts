import { describe, expectTypeOf, it } from 'vitest';
import type {
  Category,
  Channel,
  FACTS,
  FactName,
  Facts,
  SeverityBand,
  Tone,
  ValueTier,
} from '../../src/index';

describe('Facts', () => {
  it('is derived from the facts catalogue: one read-only field per fact, of the fact’s type', () => {
    expectTypeOf<Facts>().toEqualTypeOf<{
      readonly category: Category;
      readonly channel: Channel;
      readonly severity: number;
      readonly severityBand: SeverityBand;
      readonly value: number;
      readonly valueTier: ValueTier;
      readonly orderTotal: number;
      readonly currency: string;
      readonly daysLate: number;
      readonly undelivered: boolean;
      readonly daysOverdue: number;
      readonly itemsAffected: number;
      readonly isRepeat: boolean;
      readonly complaints90d: number;
      readonly tenureMonths: number;
      readonly isPublic: boolean;
      readonly publicReach: number;
      readonly tone: Tone;
      readonly legalThreat: boolean;
      readonly plan: string;
      readonly monthlyPrice: number;
      readonly hasOrder: boolean;
      readonly hasSubscription: boolean;
      readonly overcharge: number;
      readonly compensation90d: number;
      readonly compensations90d: number;
    }>();
    expectTypeOf<FactName>().toEqualTypeOf<keyof typeof FACTS>();
    expectTypeOf<keyof Facts>().toEqualTypeOf<FactName>();
  });

  it('cannot be changed', () => {
    const facts = {} as Facts;
    // @ts-expect-error facts are read-only
    facts.daysLate = 3;
  });
});
