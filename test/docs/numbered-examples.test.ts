import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { root } from './snippets';

// examples/NN-name.ts are complete programs that import redress by its name. Each is run here against the
// built package (npm test builds first) as `npm run example` runs it, and must print exactly what its
// closing `// Output:` comment shows. `npm run typecheck` checks their types.
const files = readdirSync(join(root, 'examples'))
  .filter((f) => /^\d\d-[a-z0-9-]+\.ts$/.test(f))
  .sort();

/** The lines a program's closing `// Output:` comment shows. */
function shownOutput(source: string): string[] | undefined {
  const at = source.lastIndexOf('\n// Output:\n');
  if (at < 0) return undefined;
  return source
    .slice(at + '\n// Output:\n'.length)
    .trimEnd()
    .split('\n')
    .map((line) => line.replace(/^\/\/ ?/, ''));
}

type Run = { code: number | null; stdout: string; stderr: string };

/**
 * Runs every program against the built package (npm test builds first) in one process that imports them
 * one after the other, each as `npm run example` runs it (test/docs/example-runner.mjs): one Node, one
 * TypeScript loader and one package for the seven, which were most of a short program's time.
 */
function runAll(): Promise<Map<string, Run>> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [
        '--enable-source-maps',
        '--import',
        './scripts/register-ts.mjs',
        'test/docs/example-runner.mjs',
        ...files.map((f) => join('examples', f)),
      ],
      { cwd: root, env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`the example runner failed: ${stderr || error.message}`));
        else {
          const runs = JSON.parse(stdout) as Record<string, Run>;
          resolve(new Map(files.map((f) => [f, runs[join('examples', f)] as Run])));
        }
      },
    );
  });
}

let runs = new Map<string, Run>();
beforeAll(async () => {
  runs = await runAll();
}, 180_000);

describe('the numbered examples', () => {
  it('are numbered 01, 02, … without gaps, and cover what a newcomer looks for', () => {
    expect(files.map((f) => f.slice(0, 2))).toEqual(files.map((_, i) => String(i + 1).padStart(2, '0')));
    const all = files.map((f) => readFileSync(join(root, 'examples', f), 'utf8')).join('\n');
    for (const use of [
      'createRecommender(',
      'loadRuleSet(',
      "locale: 'auto'",
      'recommendMany(',
      'incidents: true',
      'analyzeRuleSet(',
      'assertFair(',
    ])
      expect(all).toContain(use);
  });

  describe.each(files)('%s', (file) => {
    const source = readFileSync(join(root, 'examples', file), 'utf8');

    it('is a complete program that imports redress by its name', () => {
      expect(source).toMatch(/^import .* from 'redress(\/[a-z]+)?';$/m);
      expect(source).not.toMatch(/from '\.\.?\/(src|dist)\//);
    });

    it('prints what its // Output: comment shows', () => {
      const shown = shownOutput(source);
      expect(shown, 'the program ends with an // Output: comment').toBeDefined();
      const result = runs.get(file);
      expect(result?.stderr).toBe('');
      expect(result?.code).toBe(0);
      const printed = (result?.stdout ?? '')
        .trimEnd()
        .split('\n')
        .map((l) => l.trimEnd());
      expect(printed).toEqual(shown);
    });
  });
});
