import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from './snippets';

// Every relative link of the README, the docs and the other pages at the root leads to a file that
// exists and, when it names a heading, to a heading of that page: moving a section breaks no link.
const pages = [
  'README.md',
  'CONTRIBUTING.md',
  'CHANGELOG.md',
  'SECURITY.md',
  ...readdirSync(join(root, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];

const withoutCode = (text: string) => text.replace(/```[\s\S]*?```/g, '');

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens. */
const slug = (heading: string) =>
  heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}_\- ]/gu, '')
    .replaceAll(' ', '-');

function anchorsOf(file: string): Set<string> {
  const text = withoutCode(readFileSync(file, 'utf8'));
  return new Set([
    ...[...text.matchAll(/^#+ (.*)$/gm)].map((m) => slug(m[1] ?? '')),
    ...[...text.matchAll(/<a id="([^"]+)"/g)].map((m) => m[1] ?? ''),
  ]);
}

describe.each(pages)('the links of %s', (page) => {
  it('lead to files and headings that exist', () => {
    const broken: string[] = [];
    for (const [, link = ''] of withoutCode(readFileSync(join(root, page), 'utf8')).matchAll(
      /\]\(([^)\s]+)\)/g,
    )) {
      if (/^[a-z]+:/.test(link)) continue;
      const [path = '', anchor] = link.split('#');
      const target = path === '' ? join(root, page) : normalize(join(root, dirname(page), path));
      if (!existsSync(target)) broken.push(`${link}: no such file`);
      else if (anchor && target.endsWith('.md') && !anchorsOf(target).has(anchor))
        broken.push(`${link}: no such heading`);
    }
    expect(broken).toEqual([]);
  });
});
