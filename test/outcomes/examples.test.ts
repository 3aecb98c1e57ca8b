import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createRecommender, loadRuleSet } from '../../src/index';
import { summarizeOutcomes } from '../../src/outcomes/index';
import { root, tempDir } from '../cli/run';
import { RATES } from '../helpers';

const tmp = tempDir();
afterAll(() => tmp.remove());

const lines = (path: string) => readFileSync(join(root, path), 'utf8').trim().split('\n');
const outcomes = lines('examples/outcomes.jsonl');

async function exampleSummary() {
  const recommender = createRecommender({
    ruleSet: loadRuleSet(readFileSync(join(root, 'examples/rules/current.json'), 'utf8')),
    exchangeRates: RATES,
  });
  const recommendations = [];
  for (const complaint of lines('examples/complaints.jsonl'))
    recommendations.push(await recommender.recommend(complaint));
  return summarizeOutcomes({ recommendations, outcomes });
}

describe('examples/outcomes.jsonl', () => {
  it('is exactly what the generator writes from its fixed seed', () => {
    const out = join(tmp.dir, 'outcomes.jsonl');
    execFileSync(process.execPath, ['examples/generate-outcomes.mjs', '--out', out], {
      cwd: root,
      stdio: 'ignore',
    });
    expect(readFileSync(out, 'utf8')).toBe(`${outcomes.join('\n')}\n`);
  });

  it('marks exactly the planted weak rule worse, and not the weak rule with too few answers', async () => {
    const summary = await exampleSummary();
    expect(summary.errors.count).toBe(0);
    expect(summary.join.matched).toBe(outcomes.length);
    expect(summary.join.unmatchedRecommendations.count).toBe(1212 - outcomes.length);
    const worse = summary.verdicts.filter((v) => v.verdict === 'worse');
    expect(worse.map((v) => [v.rule, v.category])).toEqual([['late-minor', 'late_delivery']]);
    // Planted just as weak, but on 17 answers: no verdict, and the summary says why.
    const refund = summary.verdicts.find((v) => v.rule === 'damaged-item-refund');
    expect(refund).toMatchObject({ verdict: 'too_few', note: expect.stringContaining('fewer than the 30') });
    expect(refund?.satisfied.n).toBeLessThan(30);
    expect(refund?.satisfied.rate).toBeLessThan(refund?.others.rate as number);
  });
});
