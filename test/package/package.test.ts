import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FACTS } from '../../src/index';

const root = new URL('../..', import.meta.url).pathname;
const node = (args: string[]) => execFileSync(process.execPath, args, { cwd: root, encoding: 'utf8' });

describe('the built package', () => {
  it('loads by name from ESM', () => {
    const out = node([
      '--input-type=module',
      '-e',
      "const r = await import('redress'); console.log(typeof r.createRecommender, r.defaultRuleSet.name)",
    ]);
    expect(out.trim()).toBe('function default');
  });

  it('loads by name from CommonJS', () => {
    const out = node([
      '-e',
      "const r = require('redress'); console.log(typeof r.createRecommender, r.REMEDY_TYPES.length)",
    ]);
    expect(out.trim()).toBe('function 9');
  });

  it('loads the analysis, incidents and outcomes entries by name, from ESM and from CommonJS', () => {
    const esm = node([
      '--input-type=module',
      '-e',
      "const a = await import('redress/analysis'); const i = await import('redress/incidents'); const o = await import('redress/outcomes'); console.log(typeof a.analyzeRuleSet, typeof i.detectIncidents, typeof o.summarizeOutcomes)",
    ]);
    const cjs = node([
      '-e',
      "console.log(typeof require('redress/analysis').analyzeRuleSet, typeof require('redress/incidents').detectIncidents, typeof require('redress/outcomes').summarizeOutcomes)",
    ]);
    expect(esm.trim()).toBe('function function function');
    expect(cjs.trim()).toBe('function function function');
  });

  it('recommends from CommonJS', () => {
    const complaint = readFileSync(new URL('../fixtures/scenarios.jsonl', import.meta.url), 'utf8').split(
      '\n',
    )[0];
    const out = node([
      '-e',
      `require('redress').createRecommender().recommend(${complaint}).then(r => console.log(r.remedies[0].type))`,
    ]);
    expect(out.trim()).toBe('resend');
  });

  it("stamps recommendations with package.json's version and the rule set's hash, in the ESM and CommonJS builds", () => {
    const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      version: string;
    };
    const complaint = readFileSync(new URL('../fixtures/scenarios.jsonl', import.meta.url), 'utf8').split(
      '\n',
    )[0];
    const print = 'r => console.log(r.redressVersion, r.ruleSet.hash === m.ruleSetHash(m.defaultRuleSet))';
    const esm = node([
      '--input-type=module',
      '-e',
      `const m = await import('redress'); m.createRecommender().recommend(${complaint}).then(${print})`,
    ]);
    const cjs = node([
      '-e',
      `const m = require('redress'); m.createRecommender().recommend(${complaint}).then(${print})`,
    ]);
    expect(esm.trim()).toBe(`${version} true`);
    expect(cjs.trim()).toBe(`${version} true`);
  });
});

describe('the README and docs/rules.md', () => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const rulesPage = readFileSync(new URL('../../docs/rules.md', import.meta.url), 'utf8');

  it('documents exactly the facts in the catalogue, with their types', () => {
    const table =
      rulesPage.split('<!-- facts-table:start -->')[1]?.split('<!-- facts-table:end -->')[0] ?? '';
    const rows = table
      .split('\n')
      .filter((l) => l.startsWith('| `'))
      .map((l) => l.split(/(?<!\\)\|/).map((cell) => cell.trim()));
    expect(rows.map((r) => r[1]?.replaceAll('`', ''))).toEqual(Object.keys(FACTS));
    for (const row of rows) {
      const spec = FACTS[row[1]?.replaceAll('`', '') as keyof typeof FACTS];
      const type = spec.type === 'enum' ? spec.values.map((v) => `\`${v}\``).join(' \\| ') : spec.type;
      expect(row[2]).toBe(type);
    }
  });

  it('starts with the install-and-run command and the test command that CI runs', () => {
    const ci = readFileSync(new URL('../../.ci/run', import.meta.url), 'utf8');
    expect(readme.slice(0, 1200)).toContain('npm ci && npm run demo');
    expect(readme.slice(0, 1200)).toContain('npm test');
    expect(ci).toContain('npm ci && npm run demo');
    expect(ci).toContain('npm test');
  });
});
