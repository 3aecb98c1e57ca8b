import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { root, runSnippets, type SnippetResult, tsdocExamples, typeErrors, where } from './snippets';

// Every `@example` in the TSDoc of src/ is a program that type-checks and runs against the built package
// (npm test builds first), and every `//=>` result in it holds.
const sources = (readdirSync(join(root, 'src'), { recursive: true }) as string[])
  .filter((f) => f.endsWith('.ts'))
  .map((f) => relative(root, join(root, 'src', f)))
  .sort();
const examples = sources.flatMap((file) => tsdocExamples(file));
let results: SnippetResult[] = [];

beforeAll(() => {
  results = runSnippets(examples);
}, 120_000);

describe('the @example blocks of the main entry points', () => {
  it.each([
    ['createRecommender', 'src/recommender/'],
    ['parseComplaint', 'src/complaint/'],
    ['loadRuleSet', 'src/rules/'],
    ['detectIncidents', 'src/incidents/'],
    ['analyzeRuleSet', 'src/analysis/'],
    ['assertFair', 'src/testing/'],
  ])('%s has one', (name, folder) => {
    expect(examples.some((e) => e.file.startsWith(folder) && e.code.includes(`${name}(`))).toBe(true);
  });

  it('type-check against the built package', () => {
    expect(typeErrors(examples)).toEqual([]);
  }, 60_000);
});

describe.each(examples.map((e, i) => [where(e), i] as const))('the @example at %s', (_where, i) => {
  it('runs, and every //=> result holds', () => {
    const result = results[i];
    expect(result?.failures ?? ['not run']).toEqual([]);
    expect(result?.passed).toBeGreaterThan(0);
  });
});
