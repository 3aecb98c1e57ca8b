import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtDeclarations, DECLARATIONS_TIMEOUT } from '../declarations';
import {
  markdownSessions,
  markdownSnippets,
  root,
  runSnippets,
  type SnippetResult,
  tsdocExamples,
  typeErrors,
  where,
} from './snippets';

// The code in the docs: every ```ts block of the README and of docs/, and every `@example` in the TSDoc of
// src/, is a program that type-checks against the built package's declarations and runs against the
// built package (npm test builds first), and every `//=>` result in it holds. All of them are checked
// by one TypeScript program and run by one Node process.
const pages = [
  'README.md',
  ...readdirSync(join(root, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];
const sources = (readdirSync(join(root, 'src'), { recursive: true }) as string[])
  .filter((f) => f.endsWith('.ts'))
  .map((f) => relative(root, join(root, 'src', f)))
  .sort();
const snippets = [
  ...pages.flatMap((page) => markdownSnippets(page)),
  ...sources.flatMap((f) => tsdocExamples(f)),
];
let results: SnippetResult[] = [];

beforeAll(() => {
  results = runSnippets(snippets);
}, 120_000);

describe('the docs pages', () => {
  // A ```ts program (run below) or a `$ redress` session (run by sessions.test.ts).
  it.each(pages)('%s has an example that runs', (page) => {
    const runnable = snippets.filter((s) => s.file === page).length + markdownSessions(page).length;
    expect(runnable).toBeGreaterThan(0);
  });
});

describe('the @example blocks of the main entry points', () => {
  it.each([
    ['createRecommender', 'src/recommender/'],
    ['parseComplaint', 'src/complaint/'],
    ['loadRuleSet', 'src/rules/'],
    ['detectIncidents', 'src/incidents/'],
    ['analyzeRuleSet', 'src/analysis/'],
    ['assertFair', 'src/testing/'],
  ])('%s has one', (name, folder) => {
    const tsdoc = snippets.filter((s) => s.file.startsWith(folder));
    expect(tsdoc.some((s) => s.code.includes(`${name}(`))).toBe(true);
  });
});

describe('the code of the docs', () => {
  it(
    'type-checks against the built package',
    async () => {
      await builtDeclarations();
      expect(typeErrors(snippets)).toEqual([]);
    },
    DECLARATIONS_TIMEOUT,
  );
});

describe.each(snippets.map((s, i) => [where(s), i] as const))('the example at %s', (_where, i) => {
  it('runs, and every //=> result holds', () => {
    const result = results[i];
    expect(result?.failures ?? ['not run']).toEqual([]);
    expect(result?.passed).toBeGreaterThan(0);
  });
});
