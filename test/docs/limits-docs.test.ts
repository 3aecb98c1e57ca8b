import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultLimits, LIMIT_CODES, limits } from '../../src/index';

/** The limits tables in docs/limits-and-security.md and SECURITY.md are the code's, number for number. */

function table(file: string, marker: string): string[][] {
  const text = readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8');
  const start = text.indexOf(`<!-- ${marker}:start -->`);
  const end = text.indexOf(`<!-- ${marker}:end -->`);
  expect(start, `${file} has a ${marker}`).toBeGreaterThan(-1);
  expect(end).toBeGreaterThan(start);
  return text
    .slice(start, end)
    .split('\n')
    .filter((line) => line.startsWith('|'))
    .slice(2) // header and separator
    .map((line) =>
      line
        .split('|')
        .slice(1, -1)
        .map((cell) => cell.trim()),
    );
}

const name = (cell: string | undefined) => (cell ?? '').replace(/`/g, '');
const number = (cell: string | undefined) =>
  Number((/^[\d,]+/.exec(cell ?? '')?.[0] ?? 'NaN').replace(/,/g, ''));

describe('the documented limits', () => {
  it.each(['docs/limits-and-security.md', 'SECURITY.md'])(
    '%s lists every configurable limit with its default and issue code',
    (file) => {
      const rows = table(file, 'limits-table');
      const documented = Object.fromEntries(
        rows.map((r) => [name(r[0]), { default: number(r[1]), code: name(r[2]) }]),
      );
      const actual = Object.fromEntries(
        Object.entries(defaultLimits).map(([k, v]) => [
          k,
          { default: v, code: LIMIT_CODES[k as keyof typeof LIMIT_CODES] },
        ]),
      );
      expect(documented).toEqual(actual);
    },
  );

  it('docs/limits-and-security.md lists every field bound with its value', () => {
    const rows = table('docs/limits-and-security.md', 'field-bounds-table');
    const documented = Object.fromEntries(rows.map((r) => [name(r[0]), number(r[1])]));
    const bounds = Object.fromEntries(
      Object.entries(limits).filter(([k]) => !Object.hasOwn(defaultLimits, k)),
    );
    expect(documented).toEqual(bounds);
  });
});
