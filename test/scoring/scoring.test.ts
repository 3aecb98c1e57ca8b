import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import {
  defaultScoring,
  loadRuleSet,
  parseComplaint,
  SEVERITY_FACTOR_CODES,
  scoreCustomerValue,
  scoreSeverity,
  VALUE_FACTOR_CODES,
} from '../../src/index';
import { baseComplaint, scenarios } from '../helpers';

const sum = (factors: readonly { points: number }[]) => factors.reduce((s, f) => s + f.points, 0);

describe('scoreSeverity', () => {
  it('has factors that add up to the score for every scenario', () => {
    for (const c of scenarios().values()) {
      const complaint = parseComplaint(c);
      const severity = scoreSeverity(complaint);
      const value = scoreCustomerValue(complaint);
      expect(sum(severity.factors)).toBe(severity.score);
      expect(sum(value.factors)).toBe(value.score);
    }
  });

  it('lists its factors in the order of SEVERITY_FACTOR_CODES and VALUE_FACTOR_CODES, and uses them all', () => {
    const seen = new Set<string>();
    const inOrder = (codes: readonly string[], order: readonly string[]) =>
      codes.every((code, i) => i === 0 || order.indexOf(code) > order.indexOf(codes[i - 1] as string));
    for (const c of scenarios().values()) {
      const complaint = parseComplaint(c);
      const severity = scoreSeverity(complaint).factors.map((f) => f.code);
      const value = scoreCustomerValue(complaint).factors.map((f) => f.code);
      expect(inOrder(severity, SEVERITY_FACTOR_CODES), severity.join()).toBe(true);
      expect(inOrder(value, VALUE_FACTOR_CODES), value.join()).toBe(true);
      for (const code of [...severity, ...value]) seen.add(code);
    }
    const all = new Set<string>([...SEVERITY_FACTOR_CODES, ...VALUE_FACTOR_CODES]);
    expect([...all].filter((code) => !seen.has(code) && code !== 'cap')).toEqual([]);
  });

  it('names each reason in words', () => {
    const complaint = parseComplaint({
      ...baseComplaint({ category: 'late_delivery' }),
      order: {
        ...baseComplaint().order!,
        placedAt: '2026-02-15',
        promisedAt: '2026-02-20',
        deliveredAt: '2026-03-06T10:00:00Z',
      },
      exposure: { public: true, platform: 'X', reach: 50_000 },
      customer: {
        ...baseComplaint().customer,
        priorComplaints: [
          { at: '2026-01-15', category: 'late_delivery' },
          { at: '2026-02-20', category: 'other' },
        ],
      },
    });
    const reasons = scoreSeverity(complaint).factors.map((f) => f.reason);
    expect(reasons).toContain('14 days late');
    expect(reasons).toContain('posted publicly to 50,000 followers');
    expect(reasons).toContain('3rd complaint in 90 days');
  });

  it('does not count prior complaints older than 90 days as repeats', () => {
    const complaint = parseComplaint({
      ...baseComplaint(),
      customer: { ...baseComplaint().customer, priorComplaints: [{ at: '2025-12-09', category: 'other' }] },
    });
    expect(scoreSeverity(complaint).factors.find((f) => f.code === 'repeat')).toBeUndefined();
  });

  it('caps the score at 100 with a factor that keeps the sum exact', () => {
    const complaint = parseComplaint({
      ...baseComplaint({ tone: 'abusive', legalThreat: true, exposure: { public: true, reach: 10_000_000 } }),
      order: {
        ...baseComplaint().order!,
        promisedAt: '2026-03-01',
        deliveredAt: undefined,
        items: [{ sku: 'A', quantity: 9, unitPrice: 10 }],
        total: 90,
      },
      category: 'damaged_item',
      customer: {
        ...baseComplaint().customer,
        priorComplaints: [1, 2, 3, 4].map((d) => ({ at: `2026-03-0${d}`, category: 'other' as const })),
      },
    });
    const severity = scoreSeverity(complaint);
    expect(severity.score).toBe(100);
    expect(severity.band).toBe('critical');
    expect(severity.factors.at(-1)).toMatchObject({ code: 'cap', reason: 'capped at 100' });
    expect(sum(severity.factors)).toBe(100);
  });

  it('takes weights and band thresholds from the rule set', () => {
    const ruleSet = loadRuleSet({
      name: 't',
      version: '1',
      rules: [],
      scoring: {
        severity: {
          weights: { category: { wrong_item: 40 } },
          bands: { medium: 10, high: 40, critical: 90 },
        },
      },
    });
    const severity = scoreSeverity(parseComplaint(baseComplaint()), ruleSet.scoring.severity);
    expect(severity.factors[0]).toMatchObject({ code: 'category', points: 40 });
    expect(severity.band).toBe('high');
  });

  it('rejects band thresholds that do not rise', () => {
    expect(() =>
      loadRuleSet({
        name: 't',
        version: '1',
        rules: [],
        scoring: { severity: { bands: { high: 80, critical: 70 } } },
      }),
    ).toThrow(/medium ≤ high ≤ critical/);
  });

  it('counts days late up to receipt while the order has not arrived', () => {
    const complaint = parseComplaint({
      ...baseComplaint({ category: 'late_delivery' }),
      order: { ...baseComplaint().order!, promisedAt: '2026-03-07', deliveredAt: undefined },
    });
    expect(scoreSeverity(complaint).factors.find((f) => f.code === 'daysLate')?.params).toEqual({ days: 3 });
  });
});

describe('scoreCustomerValue', () => {
  it('scores tenure, spend, orders, recency and subscription with a tier', () => {
    const complaint = parseComplaint({
      ...baseComplaint(),
      subscription: { plan: 'Plus', monthlyPrice: 10, currency: 'EUR' },
      customer: {
        id: 'u',
        since: '2022-03-10',
        lifetimeSpend: 9_999,
        orderCount: 30,
        lastOrderAt: '2026-03-01',
        priorComplaints: [],
      },
    });
    const value = scoreCustomerValue(complaint, defaultScoring.value);
    expect(value.factors.map((f) => [f.code, f.points])).toEqual([
      ['tenure', 20],
      ['lifetimeSpend', 32],
      ['orders', 20],
      ['recentOrder', 10],
      ['subscriber', 10],
    ]);
    expect(value.score).toBe(92);
    expect(value.tier).toBe('platinum');
  });
});

describe('the clock', () => {
  it('gives the same scores and dates in any machine time zone', () => {
    const script = `
      const { createRecommender } = await import(${JSON.stringify(new URL('../../dist/index.js', import.meta.url).href)});
      const { readFileSync } = await import('node:fs');
      const lines = readFileSync(${JSON.stringify(new URL('../fixtures/scenarios.jsonl', import.meta.url).pathname)}, 'utf8').split('\\n').filter(Boolean);
      const r = createRecommender({ exchangeRates: JSON.parse(readFileSync(${JSON.stringify(new URL('../../examples/rates.json', import.meta.url).pathname)}, 'utf8')) });
      const out = [];
      for (const l of lines) out.push(await r.recommend(JSON.parse(l)));
      console.log(JSON.stringify(out));`;
    const run = (tz: string) =>
      execFileSync(process.execPath, ['--input-type=module', '-e', script], {
        env: { ...process.env, TZ: tz },
        encoding: 'utf8',
      });
    const utc = run('UTC');
    expect(run('Asia/Tehran')).toBe(utc);
    expect(run('America/Los_Angeles')).toBe(utc);
  });
});
