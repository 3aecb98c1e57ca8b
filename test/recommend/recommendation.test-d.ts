import { describe, expectTypeOf, it } from 'vitest';
import {
  type Cap,
  createRecommender,
  type DroppedRemedy,
  type ExchangeRates,
  type Facts,
  type Handling,
  type IncidentMark,
  isRecommendationError,
  type Locale,
  type RationaleSentence,
  type Recommendation,
  type RecommendationError,
  type RecommenderOptions,
  type RedressErrorCode,
  type Remedy,
  type SeverityScore,
  type ValueScore,
} from '../../src/index';

describe('Recommendation', () => {
  it('carries typed parts: remedies, scores, cap, handling, rationale, trace', () => {
    expectTypeOf<Recommendation['remedies']>().toEqualTypeOf<readonly Remedy[]>();
    expectTypeOf<Recommendation['severity']>().toEqualTypeOf<SeverityScore>();
    expectTypeOf<Recommendation['value']>().toEqualTypeOf<ValueScore>();
    expectTypeOf<Recommendation['locale']>().toEqualTypeOf<Locale>();
    expectTypeOf<Recommendation['cap']>().toEqualTypeOf<Cap>();
    expectTypeOf<Recommendation['handling']>().toEqualTypeOf<Handling>();
    expectTypeOf<Recommendation['rationale']>().toEqualTypeOf<readonly RationaleSentence[]>();
    expectTypeOf<Recommendation['trace']['facts']>().toEqualTypeOf<Facts>();
    expectTypeOf<Recommendation['trace']['dropped']>().toEqualTypeOf<readonly DroppedRemedy[]>();
    expectTypeOf<Recommendation['incident']>().toEqualTypeOf<IncidentMark | undefined>();
    expectTypeOf<Recommendation['totalCost']>().toBeNumber();
  });

  it('is read-only', () => {
    const rec = {} as Recommendation;
    // @ts-expect-error a recommendation is not changed after the fact
    rec.totalCost = 0;
    // @ts-expect-error nor are its remedies
    rec.remedies.push(rec.remedies[0] as Remedy);
  });

  it('is what recommend resolves to', () => {
    expectTypeOf(createRecommender().recommend).returns.resolves.toEqualTypeOf<Recommendation>();
  });
});

describe('RecommendationError', () => {
  it('has a code that is a RedressErrorCode, and its place in the batch', () => {
    expectTypeOf<RecommendationError['error']['code']>().toEqualTypeOf<RedressErrorCode>();
    expectTypeOf<RecommendationError['index']>().toBeNumber();
    expectTypeOf<RecommendationError['complaintId']>().toEqualTypeOf<string | null>();
    expectTypeOf<RecommendationError['error']['path']>().toEqualTypeOf<readonly (string | number)[]>();
  });

  it('is told apart from a Recommendation by isRecommendationError', () => {
    const result = {} as Recommendation | RecommendationError;
    if (isRecommendationError(result)) expectTypeOf(result).toEqualTypeOf<RecommendationError>();
    else expectTypeOf(result).toEqualTypeOf<Recommendation>();
  });

  it('is one of the two things recommendMany yields', () => {
    expectTypeOf(createRecommender().recommendMany).returns.toEqualTypeOf<
      AsyncIterable<Recommendation | RecommendationError>
    >();
  });
});

describe('RecommenderOptions', () => {
  it('takes exchange rates of a type a backend can import and name', () => {
    expectTypeOf<RecommenderOptions['exchangeRates']>().toEqualTypeOf<ExchangeRates | undefined>();
    expectTypeOf<ExchangeRates['rates']>().toEqualTypeOf<Readonly<Record<string, number>>>();
  });
});
