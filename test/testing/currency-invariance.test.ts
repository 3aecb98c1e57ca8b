import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { isRedressError } from '../../src/errors';
import { decimalOf } from '../../src/exchange/decimal';
import { currencyDigits, toMinor } from '../../src/money';
import { createRecommender } from '../../src/recommender/create-recommender';
import defaultJson from '../../src/rules/default/rules.json';
import { assertFair } from '../../src/testing/assert-fair';
import { complaintArbitrary } from '../../src/testing/complaint-arbitrary';
import { currencyTwinMaker } from '../../src/testing/currency-twin';
import { currencyInvariance } from '../../src/testing/properties/currency-invariance';
import { fcParams, seed } from '../seed';

// The default rules at 1,000 runs are in default-rules-fair.test.ts; the planted currency-dependent
// rule is in mutations.test.ts.

const { currency: _, ...noCurrency } = structuredClone(defaultJson);

describe('the currency twin', () => {
  test('puts every amount on a grid where it converts exactly, both ways', () => {
    const rates = { TRY: 36.5, IRR: 470_000, JPY: 160, KWD: 0.33, USD: 1.08, BHD: 0.411 } as const;
    fc.assert(
      fc.property(complaintArbitrary(), fc.constantFrom(...Object.keys(rates)), (complaint, code) => {
        const rate = rates[code as keyof typeof rates];
        const twin = currencyTwinMaker('EUR', code, rate)(complaint);
        const pairs: [number | undefined, number | undefined][] = [
          [twin.own.order?.total, twin.other.order?.total],
          [twin.own.subscription?.monthlyPrice, twin.other.subscription?.monthlyPrice],
          [twin.own.customer.lifetimeSpend, twin.other.customer.lifetimeSpend],
          ...(twin.own.order?.items ?? []).map(
            (item, i) =>
              [item.unitPrice, twin.other.order?.items?.[i]?.unitPrice] as [number, number | undefined],
          ),
        ];
        for (const [eur, other] of pairs) {
          if (eur === undefined) continue;
          // other = eur × rate exactly: with rate = D / 10^s, other minor × 10^s × 100 = eur minor × D × 10^digits.
          const r = decimalOf(rate);
          const digits = BigInt(currencyDigits(code));
          expect(BigInt(toMinor(other as number, code)) * 10n ** BigInt(r.scale) * 100n).toBe(
            BigInt(toMinor(eur, 'EUR')) * r.digits * 10n ** digits,
          );
        }
        expect(twin.other.order?.currency ?? twin.other.subscription?.currency).toBe(code);
      }),
      fcParams(300),
    );
  });
});

describe('currency invariance', () => {
  test('holds for a recommender given the rates it was made with', { timeout: 120_000 }, async () => {
    const exchangeRates = { rates: { TRY: 36.5, USD: 1.08 }, asOf: '2026-11-01' };
    await fc.assert(
      currencyInvariance(createRecommender({ exchangeRates }), { exchangeRates }),
      fcParams(200),
    );
  });

  test('needs the rates of a recommender, and a rule set with a currency', () => {
    const refused = (f: () => unknown) => {
      try {
        f();
        expect.unreachable();
      } catch (error) {
        expect(isRedressError(error) && error.code).toBe('INVALID_OPTIONS');
        return isRedressError(error) ? [error.path, error.message] : [];
      }
    };
    expect(refused(() => currencyInvariance(createRecommender()))).toEqual([
      ['exchangeRates'],
      expect.stringContaining('pass the exchange rates it was created with'),
    ]);
    expect(refused(() => currencyInvariance(noCurrency))).toEqual([
      ['ruleSet', 'currency'],
      expect.stringContaining('names no currency'),
    ]);
  });

  test('is skipped by assertFair, with the reason, where it cannot run unless it is named', async () => {
    const results = await assertFair(noCurrency, { numRuns: 5, seed });
    expect(results.find((r) => r.property === 'currencyInvariance')).toEqual({
      property: 'currencyInvariance',
      title: 'currency invariance',
      passed: true,
      numRuns: 0,
      numSkips: 0,
      seed,
      skipped: "the rule set names no currency: it reads amounts in each complaint's own",
    });
    const recommender = await assertFair(createRecommender(), { numRuns: 5, seed });
    expect(recommender.find((r) => r.property === 'currencyInvariance')?.skipped).toMatch(
      /without exchangeRates/,
    );
    await expect(
      assertFair(noCurrency, { numRuns: 5, seed, properties: ['currencyInvariance'] }),
    ).rejects.toMatchObject({ code: 'INVALID_OPTIONS' });
    // Given rates, a recommender is tested at them.
    const exchangeRates = { rates: { JPY: 160 }, asOf: '2026-11-01' };
    const given = await assertFair(createRecommender({ exchangeRates }), {
      numRuns: 5,
      seed,
      exchangeRates,
      properties: ['currencyInvariance'],
    });
    expect(given).toMatchObject([{ passed: true, numRuns: 5 }]);
  });

  test('generates complaints in the rule set’s currency for every property', async () => {
    const inLira = { ...structuredClone(defaultJson), currency: 'TRY' };
    const results = await assertFair(inLira, { numRuns: 10, seed });
    expect(results.map((r) => [r.property, r.passed, r.numRuns])).toEqual(
      results.map((r) => [r.property, true, 10]),
    );
  });
});
