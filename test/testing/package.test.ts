import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { builtDeclarations, DECLARATIONS_TIMEOUT } from '../declarations';

// These tests run the BUILT package (`npm test` builds first), installed the way a user installs it:
// a project whose node_modules/redress is this package, resolved by name through its `exports`.
const root = fileURLToPath(new URL('../..', import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  exports: Record<string, unknown>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
};
let project: string;

/** Runs node in the consumer project; fails with its stderr when it fails. */
function node(args: string[]): { stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, args, { cwd: project, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`node ${args.join(' ')} exited with ${run.status}:\n${run.stderr}`);
  return { stdout: run.stdout, stderr: run.stderr };
}

beforeAll(() => {
  project = mkdtempSync(join(tmpdir(), 'redress-consumer-'));
  mkdirSync(join(project, 'node_modules'));
  symlinkSync(root, join(project, 'node_modules', 'redress'), 'dir');
  writeFileSync(join(project, 'package.json'), '{ "name": "consumer", "private": true }\n');
  const use = (imports: string) => `
${imports}
const results = await assertFair(defaultRuleSet, { numRuns: 3, seed: 1 });
const arbitrary = complaintArbitrary({ categories: ['wrong_item'] });
console.log(JSON.stringify({
  properties: results.map((r) => r.property),
  passed: results.every((r) => r.passed),
  fairnessError: new FairnessError([], [], 'x') instanceof Error,
  arbitrary: typeof arbitrary.generate,
}));`;
  writeFileSync(
    join(project, 'esm.mjs'),
    use(
      "import { assertFair, complaintArbitrary, FairnessError } from 'redress/testing';\nimport { defaultRuleSet } from 'redress';",
    ),
  );
  writeFileSync(
    join(project, 'cjs.cjs'),
    `(async () => {${use(
      "const { assertFair, complaintArbitrary, FairnessError } = require('redress/testing');\nconst { defaultRuleSet } = require('redress');",
    )}})().catch((e) => { console.error(e); process.exit(1); });`,
  );
  // A resolve hook that reports every module resolved whose name mentions fast-check.
  writeFileSync(
    join(project, 'hooks.mjs'),
    `export async function resolve(specifier, context, next) {
  if (specifier.includes('fast-check')) process.stderr.write('resolved fast-check\\n');
  return next(specifier, context);
}\n`,
  );
  writeFileSync(
    join(project, 'register.mjs'),
    "import { register } from 'node:module';\nregister('./hooks.mjs', import.meta.url);\n",
  );
});

afterAll(() => {
  if (project) rmSync(project, { recursive: true, force: true });
});

const expected = {
  properties: [
    'severityMonotonicity',
    'invariance',
    'harmFloor',
    'capsHold',
    'determinism',
    'boundedDisparity',
    'compensationHistory',
    'currencyInvariance',
    'splitInvariance',
  ],
  passed: true,
  fairnessError: true,
  arbitrary: 'function',
};

/**
 * One CommonJS process for the two checks of what loading requires: the main entry first (how many
 * fast-check modules it loaded), then the testing entry (how many then), then the other entries (which
 * date-fns modules all of them loaded). A process each was most of their time.
 */
let required: { fastCheck: [number, number]; dateFns: string[] } | undefined;
function commonJs(): { fastCheck: [number, number]; dateFns: string[] } {
  const fastCheck = "Object.keys(require.cache).filter((k) => k.includes('fast-check')).length";
  const dateFns =
    "Object.keys(require.cache).filter((k) => /[\\\\/]date-fns[\\\\/]/.test(k)).map((k) => k.replace(/.*[\\\\/]date-fns[\\\\/]/, ''))";
  required ??= JSON.parse(
    node([
      '-e',
      `require('redress'); const main = ${fastCheck}; require('redress/testing'); const testing = ${fastCheck}; for (const e of ['redress/analysis', 'redress/incidents']) require(e); console.log(JSON.stringify({ fastCheck: [main, testing], dateFns: ${dateFns} }));`,
    ]).stdout,
  ) as { fastCheck: [number, number]; dateFns: string[] };
  return required;
}

describe('the redress/testing entry of the built package', () => {
  test('imports by name from ESM and runs every property', { timeout: 120_000 }, () => {
    expect(JSON.parse(node(['esm.mjs']).stdout)).toEqual(expected);
  });

  test('requires by name from CommonJS and runs every property', { timeout: 120_000 }, () => {
    expect(JSON.parse(node(['cjs.cjs']).stdout)).toEqual(expected);
  });

  test('the main entry never loads fast-check, from ESM or CommonJS; the testing entry does', () => {
    // One process per module system: load the main entry, mark the point, then load the testing entry.
    const esm = node([
      '--import',
      './register.mjs',
      '--input-type=module',
      '-e',
      "await import('redress'); process.stderr.write('-- main loaded --\\n'); await import('redress/testing');",
    ]).stderr;
    const [beforeMark, afterMark] = esm.split('-- main loaded --');
    expect(beforeMark).not.toContain('resolved fast-check');
    expect(afterMark).toContain('resolved fast-check');
    const [main, testing] = commonJs().fastCheck;
    expect(main).toBe(0);
    expect(testing).toBeGreaterThan(0);
  });

  test('every entry loads only the date-fns functions it uses, not the whole library', () => {
    // date-fns' index loads about 250 modules (0.1 s in every process and worker thread); redress needs three.
    const loaded = commonJs().dateFns;
    expect(loaded.filter((m) => m === 'index.cjs')).toEqual([]);
    expect(loaded.length).toBeLessThan(30);
  });

  test(
    'the package declares the entry, with types for import and require, and fast-check as an optional peer',
    async () => {
      await builtDeclarations();
      expect(pkg.exports['./testing']).toEqual({
        import: { types: './dist/testing.d.ts', default: './dist/testing.js' },
        require: { types: './dist/testing.d.cts', default: './dist/testing.cjs' },
      });
      for (const conditions of Object.values(pkg.exports)) {
        if (typeof conditions !== 'object' || conditions === null) continue;
        for (const target of Object.values(conditions as Record<string, Record<string, string>>)) {
          for (const file of Object.values(target)) expect(existsSync(join(root, file)), file).toBe(true);
        }
      }
      expect(pkg.peerDependencies?.['fast-check']).toBeDefined();
      expect(pkg.peerDependenciesMeta?.['fast-check']?.optional).toBe(true);
      expect(pkg.dependencies?.['fast-check']).toBeUndefined();
      expect(pkg.devDependencies?.['fast-check']).toBeDefined();
    },
    DECLARATIONS_TIMEOUT,
  );
});
