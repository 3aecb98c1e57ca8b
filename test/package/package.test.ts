import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FACTS } from '../../src/index';

const root = new URL('../..', import.meta.url).pathname;
const node = (args: string[]) => execFileSync(process.execPath, args, { cwd: root, encoding: 'utf8' });
const complaint = readFileSync(new URL('../fixtures/scenarios.jsonl', import.meta.url), 'utf8').split(
  '\n',
)[0];

/** What a program that loads the package by name saw, from one module system. */
interface Loaded {
  /** `typeof createRecommender` and a value of the main entry. */
  readonly main: [string, string | number];
  /** `typeof` the analysis, incidents and outcomes entries' main functions. */
  readonly entries: string[];
  /** The first remedy, the version and whether the rule set's hash is the default rule set's. */
  readonly recommended: [string, string, boolean];
}

// One process for each module system, which loads the package by name (the main entry first) and does
// everything the tests below ask of that build: a process each was most of this file's time.
const loaded = (script: string[]): (() => Loaded) => {
  let result: Loaded | undefined;
  return () => {
    result ??= JSON.parse(node(script)) as Loaded;
    return result;
  };
};
const print = (main: string, entries: string) =>
  `const r = await m.createRecommender().recommend(${complaint}); console.log(JSON.stringify({ main: ${main}, entries: ${entries}, recommended: [r.remedies[0].type, r.redressVersion, r.ruleSet.hash === m.ruleSetHash(m.defaultRuleSet)] }))`;
const esm = loaded([
  '--input-type=module',
  '-e',
  `const m = await import('redress'); const a = await import('redress/analysis'); const i = await import('redress/incidents'); const o = await import('redress/outcomes'); ${print(
    '[typeof m.createRecommender, m.defaultRuleSet.name]',
    '[typeof a.analyzeRuleSet, typeof i.detectIncidents, typeof o.summarizeOutcomes]',
  )}`,
]);
const cjs = loaded([
  '-e',
  `(async () => { const m = require('redress'); ${print(
    '[typeof m.createRecommender, m.REMEDY_TYPES.length]',
    "[typeof require('redress/analysis').analyzeRuleSet, typeof require('redress/incidents').detectIncidents, typeof require('redress/outcomes').summarizeOutcomes]",
  )} })().catch((e) => { console.error(e); process.exit(1); })`,
]);

describe('the built package', () => {
  it('loads by name from ESM', () => {
    expect(esm().main).toEqual(['function', 'default']);
  });

  it('loads by name from CommonJS', () => {
    expect(cjs().main).toEqual(['function', 9]);
  });

  it('loads the analysis, incidents and outcomes entries by name, from ESM and from CommonJS', () => {
    expect(esm().entries).toEqual(['function', 'function', 'function']);
    expect(cjs().entries).toEqual(['function', 'function', 'function']);
  });

  it('recommends from CommonJS', () => {
    expect(cjs().recommended[0]).toBe('resend');
  });

  it("stamps recommendations with package.json's version and the rule set's hash, in the ESM and CommonJS builds", () => {
    const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      version: string;
    };
    expect(esm().recommended.slice(1)).toEqual([version, true]);
    expect(cjs().recommended.slice(1)).toEqual([version, true]);
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
