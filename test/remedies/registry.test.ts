import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { affectedValue, complaintCurrency } from '../../src/complaint/measures';
import { parseComplaint } from '../../src/complaint/parse';
import { conversionFor } from '../../src/exchange/conversion';
import { toFacts } from '../../src/facts/to-facts';
import { LOCALE_CODES } from '../../src/i18n/locale';
import { rendererOf } from '../../src/i18n/renderer';
import { fromMinor, toMinor } from '../../src/money';
import { candidateOf, remedyContext } from '../../src/recommend/price';
import { toRemedy } from '../../src/recommend/to-remedy';
import {
  goodwillCostBound,
  materialise,
  offerSentence,
  REMEDY_TYPES,
  type Remedy,
  type RemedySpec,
  RemedySpecSchema,
  reduceSpec,
  remedyKind,
  remedyLabel,
  remedyProblems,
  remedyRank,
} from '../../src/remedies/catalogue';
import type { RemedyDefinition } from '../../src/remedies/definition';
import { REMEDIES } from '../../src/remedies/registry';
import { defaultRuleSet } from '../../src/rules/default/rule-set';
import { defaultScoring } from '../../src/scoring/config';
import { complaintArbitrary } from '../../src/testing/complaint-arbitrary';
import { remedySpecArbitrary } from '../../src/testing/remedy-arbitrary';
import { fcParams } from '../seed';
import { definitionProblems, registryProblems } from './definition-checks';
import { loyaltyPoints } from './planted-remedy';

const policy = defaultRuleSet.policy;

/** A remedy as a rule may write it, and a complaint in one of three currencies (2, 0 and 3 decimals). */
const specAndComplaint = fc.record({
  spec: remedySpecArbitrary().map((input) => RemedySpecSchema.parse(input)),
  complaint: fc
    .constantFrom('EUR', 'JPY', 'KWD')
    .chain((currency) => complaintArbitrary({ currency }))
    .map((input) => parseComplaint(input)),
});

function contextFor(complaint: ReturnType<typeof parseComplaint>) {
  // Each complaint read in its own currency, as by a rule set without one.
  const conversion = conversionFor(complaint, complaintCurrency(complaint), undefined, undefined);
  return remedyContext(complaint, toFacts(complaint, defaultScoring).facts, policy, conversion);
}

describe('the remedy registry', () => {
  it('lists each remedy once, each with its name and every message in every locale', () => {
    expect(registryProblems(REMEDIES as readonly RemedyDefinition[])).toEqual([]);
  });

  it('gives the remedy order: apology < coupon < gift < store_credit < free_month < return < resend < refund < escalate', () => {
    expect(REMEDY_TYPES).toEqual([
      'apology',
      'coupon',
      'gift',
      'store_credit',
      'free_month',
      'return',
      'resend',
      'refund',
      'escalate',
    ]);
    expect(REMEDY_TYPES.map(remedyRank)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(RemedySpecSchema.options.map((o) => o.shape.type.value)).toEqual([...REMEDY_TYPES]);
  });

  it('generates, for the fairness kit, only specs a rule may write, of every type', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(remedySpecArbitrary(), (input) => {
        seen.add(input.type);
        expect(RemedySpecSchema.safeParse(input).error).toBeUndefined();
      }),
      fcParams(500),
    );
    expect([...seen].sort()).toEqual([...REMEDY_TYPES].sort());
  });

  it('adds to each remedy the kind its definition gives, shown after its type', () => {
    fc.assert(
      fc.property(specAndComplaint, ({ spec, complaint }) => {
        const ctx = contextFor(complaint);
        const made = materialise(spec, ctx);
        if ('notApplicable' in made) return;
        expect(made.kind).toBe(remedyKind(spec));
        // Added to what the remedy made (no copy), and written second where a recommendation shows it.
        const shown = toRemedy(candidateOf(made, { rule: 'r', priority: 1, spec }), ctx.currency);
        expect(Object.keys(shown).slice(0, 2)).toEqual(['type', 'kind']);
        expect(shown.kind).toBe(remedyKind(spec));
      }),
      fcParams(300),
    );
  });

  it('prices every remedy as its own fairness check says, and says and labels it in every locale', () => {
    // A rule's own `max` on a restitution refund pays less than is owed, which the check rightly flags.
    const owedInFull = specAndComplaint.filter(
      ({ spec }) => !(spec.type === 'refund' && spec.basis !== 'order' && spec.max !== undefined),
    );
    fc.assert(
      fc.property(owedInFull, ({ spec, complaint }) => {
        const ctx = contextFor(complaint);
        const made = materialise(spec, ctx);
        if ('notApplicable' in made) return;
        const { costMinor, ...params } = made;
        const remedy = {
          ...params,
          rule: 'r',
          priority: 1,
          estimatedCost: fromMinor(costMinor, ctx.currency),
        };
        const problems = remedyProblems(remedy, {
          complaint,
          currency: ctx.currency,
          minor: (amount) => toMinor(amount, ctx.currency),
          receivedMs: ctx.now.getTime(),
          shippingCost: policy.shippingCost,
          returnCost: policy.returnCost,
          respondWithinHours: policy.respondWithinHours,
        });
        expect(problems).toEqual([]);
        for (const locale of LOCALE_CODES) {
          const r = rendererOf(locale);
          for (const subscription of [false, true]) {
            const words = {
              subject: 'S',
              money: (n: number) => r.money(n, ctx.currency),
              itemName: (sku: string) => (sku.length % 2 === 0 ? `name of ${sku}` : undefined),
              queueName: (queue: string) => (queue === 'legal' ? 'legal' : undefined),
              contactBy: (iso: string) => ({ date: r.date(iso), time: r.time(iso) }),
              subscription,
            };
            const offer = offerSentence(r, remedy as Remedy, words);
            if (spec.type === 'apology') expect(offer).toBeUndefined();
            else expect(offer?.text).not.toMatch(/\{\w+\}/);
          }
        }
        expect(remedyLabel(remedy as Remedy, String)).toMatch(/\S/);
      }),
      fcParams(300),
    );
  });

  it('bounds a goodwill remedy’s cost from below for the analyser, and reduces it under any cap', () => {
    const goodwill = specAndComplaint.filter(({ spec }) => remedyKind(spec) === 'goodwill');
    fc.assert(
      fc.property(goodwill, fc.double({ min: 0, max: 1, noNaN: true }), ({ spec, complaint }, share) => {
        const ctx = contextFor(complaint);
        const made = materialise(spec, ctx);
        if ('notApplicable' in made) return;
        const value = affectedValue(complaint);
        const pieces = goodwillCostBound(spec, {
          monthlyPrice: complaint.subscription?.monthlyPrice ?? 0,
          valueIsMonthly: !complaint.order,
        });
        expect(pieces).toBeDefined();
        const bound = Math.min(...(pieces ?? []).map((p) => p.a * value + p.b));
        const halfMinor = fromMinor(1, ctx.currency) / 2;
        expect(bound).toBeLessThanOrEqual(fromMinor(made.costMinor, ctx.currency) + halfMinor + 1e-9);
        const cap = Math.floor(made.costMinor * share);
        const reduced = reduceSpec(spec, cap, ctx);
        if (reduced === undefined) return;
        const again = materialise(RemedySpecSchema.parse(reduced) as RemedySpec, ctx);
        expect('notApplicable' in again ? 0 : again.costMinor).toBeLessThanOrEqual(cap);
      }),
      fcParams(300),
    );
  });

  it('has no way to reduce or bound a remedy that is never goodwill', () => {
    for (const spec of [
      { type: 'resend' },
      { type: 'apology' },
      { type: 'escalate', queue: 'care' },
    ] as const) {
      const parsed = RemedySpecSchema.parse(spec);
      expect(goodwillCostBound(parsed, { monthlyPrice: 10, valueIsMonthly: false })).toBeUndefined();
    }
    expect(definitionProblems(REMEDIES[0] as RemedyDefinition)).toEqual([]);
  });

  it('catches what the compiler cannot: a translation with other placeholders, a type registered twice', () => {
    const { fa } = loyaltyPoints.texts;
    const broken = {
      ...loyaltyPoints,
      texts: {
        ...loyaltyPoints.texts,
        fa: { ...fa, 'offer.loyalty_points': '{points} امتیاز وفاداری افزوده‌ایم.' },
      },
    };
    expect(registryProblems([...REMEDIES, broken, loyaltyPoints] as readonly RemedyDefinition[])).toEqual([
      'loyalty_points: fa "offer.loyalty_points" has placeholders points, en has points,value',
      'loyalty_points is registered twice',
    ]);
  });
});
