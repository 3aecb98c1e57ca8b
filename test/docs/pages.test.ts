import { readdirSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  markdownSessions,
  markdownSnippets,
  runSnippets,
  type SnippetResult,
  typeErrors,
  where,
} from './snippets';

// Every ```ts block of the README and of docs/ is a program that runs against the built package
// (npm test builds first), and every `//=>` result in it holds.
const pages = [
  'README.md',
  ...readdirSync(new URL('../../docs', import.meta.url))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];
const snippets = pages.flatMap((page) => markdownSnippets(page));
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

describe('the examples of the docs', () => {
  it('type-check against the built package', () => {
    expect(typeErrors(snippets)).toEqual([]);
  }, 60_000);
});

describe.each(snippets.map((s, i) => [where(s), i] as const))('the example at %s', (_where, i) => {
  it('runs, and every //=> result holds', () => {
    const result = results[i];
    expect(result?.failures ?? ['not run']).toEqual([]);
    expect(result?.passed).toBeGreaterThan(0);
  });
});
