import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseComplaint } from '../../src/complaint/parse';
import type { Complaint } from '../../src/complaint/schema';
import { PolicySchema } from '../../src/policy/schema';
import { createPipeline, type DecidedRun, type Pipeline } from '../../src/recommend/pipeline';
import type { Decided } from '../../src/recommend/recommendation';
import { pricingKey, ruleKey } from '../../src/recommend/shared-pricing';
import { pipelineSetup } from '../../src/recommender/create-recommender';
import { loadRuleSet, type RuleSet, type RuleSetInput, RuleSetSchema } from '../../src/rules/ruleset';
import { complaintArbitrary } from '../../src/testing/complaint-arbitrary';
import { complaint as baseComplaint } from '../complaint-builder';
import { RATES } from '../helpers';
import { seed } from '../seed';

// A replay's rule sets that share a complaint's judgement share what they price and cap alike: the
// second takes the first's stage when the pricing key and the fired rules are the same. Every field the
// key holds is changed here one at a time, and the shared decision must be the one made afresh.

type Rules = RuleSetInput & { policy: Record<string, unknown>; rules: Record<string, unknown>[] };
const current = JSON.parse(
  readFileSync(new URL('../../examples/rules/current.json', import.meta.url), 'utf8'),
);
const variant = (change: (r: Rules) => void): Rules => {
  const copy = structuredClone(current) as Rules;
  change(copy);
  return copy;
};
const rule = (r: Rules, name: string) => r.rules.find((x) => x.name === name) as Record<string, unknown>;
/** A change of one policy field. */
const policyField = (field: string, value: unknown) => (r: Rules) => {
  r.policy[field] = value;
};
/** A change of one field of the named rule. */
const ruleField = (name: string, field: string, value: unknown) => (r: Rules) => {
  rule(r, name)[field] = value;
};
const pipelineOf = (rules: Rules): Pipeline =>
  createPipeline(pipelineSetup({ ruleSet: loadRuleSet(rules), exchangeRates: RATES }));

/** Generated complaints in the rule set's currency and in two others (converted with the rates). */
const complaints: Complaint[] = ['EUR', 'TRY', 'JPY'].flatMap((currency) =>
  fc.sample(complaintArbitrary({ currency }), { seed, numRuns: 150 }).map((c) => parseComplaint(c)),
);

/** Each complaint decided by `a` then `b` with one judgement between them, and by `b` alone. */
function decisions(
  a: Pipeline,
  b: Pipeline,
  among: readonly Complaint[] = complaints,
): { first: Decided; shared: Decided; alone: Decided }[] {
  expect(b.judging).toBe(a.judging);
  return among.map((c) => {
    const [callA, callB] = [a.callFor(c), b.callFor(c)];
    const judged = a.judge(c, callA, undefined, false);
    const first = (a.decideOnly(c, callA, undefined, judged) as DecidedRun).recommendation;
    const shared = (b.decideOnly(c, callB, undefined, judged) as DecidedRun).recommendation;
    const own = b.judge(c, callB, undefined, false);
    const alone = (b.decideOnly(c, callB, undefined, own) as DecidedRun).recommendation;
    return { first, shared, alone };
  });
}

const base = pipelineOf(current);
/** The example rules with a return of the damaged item besides its resend, so that return costs count. */
const returning = (r: Rules) => {
  rule(r, 'damaged-item').remedies = [{ type: 'resend', shipping: 'express' }, { type: 'return' }];
};

describe('rule sets that price a complaint alike share its pricing', () => {
  it('takes the stage of an earlier rule set with the same pricing and fired rules, and decides as alone', () => {
    // Another auto-approval limit and default queue: handling differs, pricing in the rule set's currency not.
    const other = pipelineOf(
      variant((r) => {
        r.policy.autoApproveMaxCost = 20;
        r.policy.defaultQueue = 'elsewhere';
      }),
    );
    let taken = 0;
    for (const { first, shared, alone } of decisions(base, other)) {
      expect(shared).toEqual(alone);
      if (shared.cap === first.cap) {
        taken++;
        // The caps' own set, shown once for both: the very remedies, not a copy written again.
        expect(shared.remedies).toBe(first.remedies);
      }
      // Printed goodwill stays on its side of the auto-approval limit: a converted complaint's is not shared.
      if (shared.money.rate !== 1) expect(shared.cap).not.toBe(first.cap);
    }
    expect(taken).toBeGreaterThan(complaints.length / 4);
  });

  it.each<[string, (r: Rules) => void]>([
    ['the hit policy', policyField('hit', 'first')],
    ['the shipping costs', policyField('shippingCost', { standard: 7, express: 21 })],
    ['the first-answer time', policyField('respondWithinHours', 12)],
    [
      'the goodwill multipliers',
      policyField('goodwillMultiplierByTier', { standard: 1, silver: 1.5, gold: 2, platinum: 3 }),
    ],
    [
      'the severity shares',
      policyField('maxGoodwillShareBySeverity', { low: 0.05, medium: 0.1, high: 0.2, critical: 0.3 }),
    ],
    ['the tier limits', policyField('maxGoodwillByTier', { standard: 2, silver: 4, gold: 6, platinum: 8 })],
    ['the total share', policyField('maxTotalShareOfValue', 0.2)],
    ['the per-customer limits', policyField('perCustomer', { windowDays: 365, maxGoodwill: 5 })],
    ["a rule's remedies", ruleField('late-severe', 'remedies', [{ type: 'gift', value: 9 }])],
    ["a rule's priority", ruleField('damaged-item', 'priority', 79)],
    ["a rule's name", ruleField('damaged-item', 'name', 'damaged')],
  ])('prices afresh under another %s', (_what, change) => {
    const other = pipelineOf(variant(change));
    let differs = 0;
    for (const { first, shared, alone } of decisions(base, other)) {
      expect(shared).toEqual(alone);
      if (JSON.stringify([first.remedies, first.cap]) !== JSON.stringify([alone.remedies, alone.cap]))
        differs++;
    }
    // The change does change what some complaint is given: had the key left it out, one would be wrong.
    expect(differs).toBeGreaterThan(0);
  });

  it('prices afresh under other return costs', () => {
    const withReturn = pipelineOf(variant(returning));
    const other = pipelineOf(
      variant((r) => {
        returning(r);
        r.policy.returnCost = { pickup: 3, label: 2 };
      }),
    );
    let differs = 0;
    for (const { first, shared, alone } of decisions(withReturn, other)) {
      expect(shared).toEqual(alone);
      if (JSON.stringify(first.remedies) !== JSON.stringify(alone.remedies)) differs++;
    }
    expect(differs).toBeGreaterThan(0);
  });

  it('decides a converted complaint afresh under another auto-approval limit, which printing keeps to', () => {
    // Printing moves goodwill only as far as keeps the total on its side of the limit: whether another
    // limit moves it depends on amounts the generated complaints seldom meet, so this holds the shared
    // decision to the fresh one; the next test builds a complaint that another limit moves.
    const other = pipelineOf(variant(policyField('autoApproveMaxCost', 3)));
    for (const { shared, alone } of decisions(base, other)) expect(shared).toEqual(alone);
  });

  it('decides afresh a converted complaint whose printed goodwill another auto-approval limit changes', () => {
    // An outage without a subscription, on an order of 36,500 lira (1,000 euros): a coupon of 10% up to
    // 25 euros, 912.50 lira exact, whose limit prints down to 910. Under a limit of 150 euros the total
    // stays below it either way, and 910 is printed; under 24.95 euros (910.68 lira) the exact total is
    // above it and 910 would not be, so the coupon keeps 912.50. A shared stage would give 910 under both.
    const order = {
      total: 36_500,
      currency: 'TRY',
      items: [{ sku: 'SKU-1', quantity: 1, unitPrice: 36_500 }],
    };
    const outage = baseComplaint({ category: 'service_outage' });
    const c = parseComplaint({ ...outage, order: { ...outage.order, ...order } });
    const other = pipelineOf(variant(policyField('autoApproveMaxCost', 24.95)));
    const [decided] = decisions(base, other, [c]);
    const { first, shared, alone } = decided as NonNullable<typeof decided>;
    const coupon = (d: Decided) => d.remedies.find((r) => r.type === 'coupon')?.estimatedCost;
    expect([coupon(first), coupon(alone)]).toEqual([910, 912.5]);
    expect(shared).toEqual(alone);
    expect(shared).not.toEqual(first);
  });

  it('names in its key what pricing reads of the policy, the auto-approval limit for converted complaints only', () => {
    const a = loadRuleSet(current);
    const b = loadRuleSet(variant(policyField('autoApproveMaxCost', 20)));
    expect(pricingKey(b, false)).toBe(pricingKey(a, false));
    expect(pricingKey(b, true)).not.toBe(pricingKey(a, true));
    const handling = loadRuleSet(variant(policyField('publicAcknowledgementWithinHours', 9)));
    expect(pricingKey(handling, true)).toBe(pricingKey(a, true));
    // Another currency is judged apart (`Pipeline.judging`), and named in the key all the same.
    const dollars = loadRuleSet(
      variant((r) => {
        r.currency = 'USD';
      }),
    );
    expect(pricingKey(dollars, false)).not.toBe(pricingKey(a, false));
  });

  it('never takes a stage made from another judgement, such as a copy with other money', () => {
    const c = complaints.find((x) => x.order !== undefined && x.category === 'damaged_item') as Complaint;
    const call = base.callFor(c);
    const judged = base.judge(c, call, undefined, false);
    const full = (base.decideOnly(c, call, undefined, judged) as DecidedRun).recommendation;
    const halved = { ...judged, money: { ...judged.money, affectedValueMinor: 1_000 } };
    const again = (base.decideOnly(c, call, undefined, halved) as DecidedRun).recommendation;
    expect(again.cap.affectedValue).toBe(10);
    expect(full.cap.affectedValue).not.toBe(10);
  });
});

describe('what the pricing key leaves out', () => {
  // Pricing and the caps read these of the policy (the key holds them); the rest is read before them
  // (judging: `Pipeline.judging`) or after them (handling, follow-up, the rationale, incidents, the
  // fairness kit). A field added to the policy fails here until it is put on one side: left off both,
  // a new field that pricing reads would let two rule sets share a stage they price apart.
  const PRICED = [
    'hit',
    'maxTotalShareOfValue',
    'maxGoodwillShareBySeverity',
    'maxGoodwillByTier',
    'goodwillMultiplierByTier',
    'perCustomer',
    'respondWithinHours',
    'shippingCost',
    'returnCost',
  ];
  /** Read by printing a converted complaint's goodwill only: in the key for converted complaints. */
  const CONVERTED = ['autoApproveMaxCost'];
  const ELSEWHERE = [
    'caseWindowDays',
    'followUpAfterDays',
    'surveyAfterDays',
    'publicAcknowledgementWithinHours',
    'lostAfterDays',
    'evidenceAboveValue',
    'publicReachThreshold',
    'defaultQueue',
    'queues',
    'signature',
    'humanReview',
    'incidents',
    'fairness',
  ];
  const shapeOf = (schema: unknown) =>
    Object.keys((schema as { unwrap(): { shape: object } }).unwrap().shape);
  const loaded = loadRuleSet(current);
  /** The rule set with one policy field set to a value of its own (pricingKey reads, never checks). */
  const withField = (field: string): RuleSet =>
    ({ ...loaded, policy: { ...loaded.policy, [field]: `changed ${field}` } }) as RuleSet;

  it('puts every field of the policy on one side', () => {
    expect([...PRICED, ...CONVERTED, ...ELSEWHERE].sort()).toEqual(shapeOf(PolicySchema).sort());
  });

  it('changes with each priced field, the auto-approval limit for converted complaints only, and no other', () => {
    for (const converted of [false, true]) {
      const key = pricingKey(loaded, converted);
      const priced = converted ? [...PRICED, ...CONVERTED] : PRICED;
      for (const field of shapeOf(PolicySchema)) {
        const changes = pricingKey(withField(field), converted) !== key;
        if (changes !== priced.includes(field)) expect({ field, converted, changes }).toBe('as classified');
      }
    }
  });

  it('holds of a rule what selecting and pricing read of it: its name, priority and remedies', () => {
    const rules = (RuleSetSchema.shape.rules as unknown as { element: { shape: object } }).element.shape;
    expect(Object.keys(rules).sort()).toEqual(
      ['conditions', 'description', 'enabled', 'name', 'priority', 'rationale', 'remedies'].sort(),
    );
    const first = loaded.rules[0] as RuleSet['rules'][number];
    for (const field of Object.keys(rules)) {
      const changes = ruleKey({ ...first, [field]: `changed ${field}` }) !== ruleKey(first);
      // Conditions and `enabled` decide whether the rule fires (the fired rules are compared apart);
      // the description and the rationale are read after pricing.
      expect({ field, changes }).toEqual({
        field,
        changes: ['name', 'priority', 'remedies'].includes(field),
      });
    }
  });
});
