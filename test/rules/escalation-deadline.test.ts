import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createRecommender, loadRuleSet, ruleSetWarnings } from '../../src/index';
import { scenario } from '../helpers';

const escalating = (hours: number, policy: Record<string, unknown> = {}) => ({
  name: 'slow-desk',
  version: '1',
  currency: 'EUR',
  policy,
  rules: [
    {
      name: 'to-the-desk',
      priority: 50,
      conditions: { all: [{ fact: 'category', operator: 'equal', value: 'wrong_item' }] },
      remedies: [
        { type: 'apology', form: 'personal' },
        { type: 'escalate', queue: 'desk', respondWithinHours: hours },
      ],
    },
  ],
});

describe('an escalation due later than the first answer', () => {
  it('is a warning at the rule’s respondWithinHours, saying what the escalation gets instead', async () => {
    expect(ruleSetWarnings(escalating(48))).toEqual([
      {
        code: 'escalation_after_first_answer',
        rule: 'to-the-desk',
        path: ['rules', 0, 'remedies', 1, 'respondWithinHours'],
        pointer: '/rules/0/remedies/1/respondWithinHours',
        message:
          'rule "to-the-desk" (rules[0]) escalates to desk within 48 h, but the first answer is due within 24 h (policy.respondWithinHours): the escalation is due then, not after 48 h',
        hint: 'write "respondWithinHours": 24 or less here, or raise policy.respondWithinHours to 48',
      },
    ]);
    // What it warns about: the escalation is due with the first answer, 24 hours after the complaint.
    const r = await createRecommender({ ruleSet: loadRuleSet(escalating(48)) }).recommend(
      scenario('c-wrong-item'),
    );
    const escalate = r.remedies.find((x) => x.type === 'escalate');
    expect(escalate?.dueAt).toBe(r.handling.respondBy);
  });

  it('is no warning within the first answer, or under a policy that answers later', () => {
    expect(ruleSetWarnings(escalating(24))).toEqual([]);
    expect(ruleSetWarnings(escalating(48, { respondWithinHours: 48 }))).toEqual([]);
  });

  it('is not in the example rule files: they say what they get', () => {
    for (const file of ['current.json', 'proposed.json', 'bookshop.json']) {
      const text = readFileSync(new URL(`../../examples/rules/${file}`, import.meta.url), 'utf8');
      expect(ruleSetWarnings(text).filter((w) => w.code === 'escalation_after_first_answer')).toEqual([]);
    }
  });
});
