import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { recommendLines } from '../../../src/cli/batch';
import { readLines } from '../../../src/cli/line-reader';
import { replayLines } from '../../../src/cli/simulate/replay';
import { createRecommender, loadRuleSet, type RecommenderOptions } from '../../../src/index';
import { root } from '../run';

/**
 * The replay decides each line once for every rule set, without the words; what it yields must be
 * what recommending each line in full yields, less the words (rationale, message, alternatives): the same
 * remedies, costs, handling and cases, and the same error records for lines that fail, of every kind.
 */
const read = (path: string) => readFileSync(join(root, path), 'utf8');
const examples = read('examples/complaints.jsonl').trimEnd().split('\n');
const scenarios = read('test/fixtures/scenarios.jsonl').trimEnd().split('\n');
const rules = ['examples/rules/proposed.json', 'examples/rules/current.json'].map((path) =>
  loadRuleSet(JSON.parse(read(path))),
);
const rates = JSON.parse(read('examples/rates.json')) as RecommenderOptions['exchangeRates'];
const MAX_LINE_BYTES = 4096;

const first = JSON.parse(examples[0] as string) as Record<string, unknown>;
const bad: (string | Buffer)[] = [
  'not json',
  '{"id":"dup","id":"dup"}', // a repeated key: JSON.parse takes it, the library does not
  '{"id":"  padded  ","channel":"email"}', // invalid, its id read back from the text
  JSON.stringify({ ...first, id: 'long', summary: 'x'.repeat(MAX_LINE_BYTES) }), // over --max-line-bytes
  Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]), // not UTF-8
  JSON.stringify({ ...first, id: 'far', receivedAt: '2126-03-01T09:24:00Z' }),
  JSON.stringify({ ...first, id: 'proto', __proto__x: 1, constructor: { prototype: {} } }),
  '   ',
  '[1,2,3]',
  JSON.stringify({ ...first, id: 'jpy', order: { ...(first.order as object), currency: 'JPY' } }),
];
// The first complaint's problem again, on other channels and angrier: linked to its case, topped up.
const again = JSON.stringify({
  ...first,
  id: 'again',
  channel: 'email',
  receivedAt: '2026-03-01T11:24:00+01:00',
});

function input(): Buffer {
  const lines = [
    examples[0] as string,
    again,
    ...examples.slice(1, 400),
    ...scenarios,
    ...bad,
    ...examples.slice(400, 600),
  ];
  return Buffer.concat(lines.map((l) => Buffer.concat([Buffer.from(l), Buffer.from('\n')])));
}

async function* chunks(bytes: Buffer): AsyncGenerator<Buffer> {
  for (let at = 0; at < bytes.length; at += 1000) yield bytes.subarray(at, at + 1000);
}

const withoutWords = (result: object) => {
  const { rationale: _r, message: _m, alternatives: _a, ...rest } = result as Record<string, unknown>;
  return rest;
};

async function both(link: boolean) {
  const sides = rules.map((ruleSet) => ({ ruleSet, exchangeRates: rates }));
  const lines = () => readLines(chunks(input()), { maxLineBytes: MAX_LINE_BYTES });
  const full = [];
  for await (const item of recommendLines(lines(), sides.map(createRecommender), MAX_LINE_BYTES, {
    concurrency: 1,
    ...(link ? {} : { link: false }),
  })) {
    full.push({ line: item.line, bytes: item.bytes, results: item.results.map(withoutWords) });
  }
  const replayed = [];
  for await (const item of replayLines(lines(), { sides, maxLineBytes: MAX_LINE_BYTES, link })) {
    replayed.push({ line: item.line, bytes: item.bytes, results: item.results });
  }
  return { full, replayed };
}

describe('the replay against recommending in full', () => {
  for (const link of [true, false]) {
    it(`yields the same decisions and errors line by line${link ? ', linked' : ' without linking'}`, async () => {
      const { full, replayed } = await both(link);
      expect(replayed).toEqual(full);
      const errors = full.flatMap((item) => item.results.filter((r) => 'error' in r && 'line' in r));
      // Every kind of failing line is there, for both rule sets.
      expect(errors.length).toBeGreaterThanOrEqual(2 * 8);
      if (link) expect(full.some((item) => item.results.some((r) => 'case' in r))).toBe(true);
    });
  }
});
