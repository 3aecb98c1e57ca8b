import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { cruise, type IConfiguration, type ICruiseResult } from 'dependency-cruiser';
import { describe, expect, it } from 'vitest';

// The import rules of .dependency-cruiser.cjs, which `npm run lint` enforces in CI.
const config = createRequire(import.meta.url)('../../.dependency-cruiser.cjs') as IConfiguration;

async function violations(baseDir: string): Promise<string[]> {
  const result = await cruise(['src'], {
    baseDir,
    ruleSet: config,
    validate: true,
    tsPreCompilationDeps: true,
  });
  const output = result.output as ICruiseResult;
  return output.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`);
}

describe('the import rules', () => {
  it('hold for the library: no cycle, no upward import, every module in a layer', async () => {
    expect(await violations(fileURLToPath(new URL('../..', import.meta.url)))).toEqual([]);
  });

  it('catch an upward import and a cycle', async () => {
    const found = await violations(fileURLToPath(new URL('../fixtures/layers', import.meta.url)));
    expect(found).toContain('no-upward-from-policy: src/policy/caps.ts → src/recommend/assemble.ts');
    expect(found.some((v) => v.startsWith('no-circular: src/rules/a.ts'))).toBe(true);
  });
});
