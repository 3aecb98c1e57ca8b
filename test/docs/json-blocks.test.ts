import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultRuleSet, loadRuleSet, ruleSetWarnings } from '../../src/index';
import { parseOutcome } from '../../src/outcomes/index';
import { root } from './snippets';

// The ```json blocks of the README and docs/ are what a reader copies into a file: a rule set, one rule,
// a rule set's policy, or an outcome record. They are not programs, so code.test.ts does not run them;
// each is loaded here as what it is, and must load as it stands (a rule set without warnings).
const pages = [
  'README.md',
  ...readdirSync(join(root, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];

interface Block {
  readonly where: string;
  readonly json: Record<string, unknown>;
}

function blocks(page: string): Block[] {
  const text = readFileSync(join(root, page), 'utf8');
  return [...text.matchAll(/^```json\n([\s\S]*?)^```$/gm)].map((m) => ({
    where: `${page}:${text.slice(0, m.index).split('\n').length + 1}`,
    json: JSON.parse(m[1] ?? '') as Record<string, unknown>,
  }));
}

/** Loads a block as the thing it is; throws what the loader throws. */
function load(json: Record<string, unknown>): string {
  if ('rules' in json) {
    const ruleSet = loadRuleSet(json);
    expect(ruleSetWarnings(ruleSet)).toEqual([]);
    return 'a rule set';
  }
  if ('conditions' in json) {
    loadRuleSet({ name: 'page', version: '1', currency: 'EUR', rules: [json] });
    return 'a rule';
  }
  if ('policy' in json) {
    loadRuleSet({ name: 'page', version: '1', currency: 'EUR', ...json, rules: defaultRuleSet.rules });
    return 'a policy';
  }
  if ('complaintId' in json) {
    parseOutcome(json);
    return 'an outcome record';
  }
  throw new Error('not a rule set, a rule, a policy or an outcome record: say here what it is');
}

const found = pages.flatMap(blocks);

describe('the JSON the docs show', () => {
  it('is there to check', () => {
    expect(found.length).toBeGreaterThan(0);
  });

  it.each(found.map((b) => [b.where, b] as const))('%s loads as it stands', (_, block) => {
    expect(load(block.json)).toMatch(/^an? /);
  });
});
