import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// `npm run lint` holds every function to biome's cognitive complexity of 25: a function over it is split
// into named steps, not excused. This keeps the rule from being turned down or around.
const root = fileURLToPath(new URL('../..', import.meta.url));
const RULE = 'noExcessiveCognitiveComplexity';

function sources(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(ts|mts|cts|js|mjs|cjs)$/.test(e.name))
    .map((e) => join(e.parentPath, e.name));
}

describe('the cognitive complexity rule', () => {
  const config = JSON.parse(readFileSync(join(root, 'biome.json'), 'utf8'));

  it('is an error above 25', () => {
    expect(config.linter.rules.complexity[RULE]).toEqual({
      level: 'error',
      options: { maxAllowedComplexity: 25 },
    });
  });

  it('has no exceptions: no override names it, no comment suppresses it', () => {
    for (const override of config.overrides ?? []) expect(JSON.stringify(override)).not.toContain(RULE);
    const suppression = new RegExp(`${['biome', 'ignore'].join('-')}[^\\n]*${RULE}`);
    const suppressed = ['src', 'test', 'bench', 'scripts', 'examples']
      .flatMap(sources)
      .filter((file) => suppression.test(readFileSync(file, 'utf8')));
    expect(suppressed).toEqual([]);
  });
});
