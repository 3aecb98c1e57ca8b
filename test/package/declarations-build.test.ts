import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bundleDeclarations, emitDeclarations } from '../../scripts/build-declarations.mjs';

// How dist/'s type declarations are joined (scripts/build-declarations.mjs). The whole build runs under
// every `npm test` (test/build.ts) and the package tests read what it wrote; these cases show what the
// joining does with declarations that would publish a flaw, on three small files.
const dir = mkdtempSync(join(tmpdir(), 'redress-declarations-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes `files` (name → text) into a new folder `name` under `dir`; returns its path. */
function folder(name: string, files: Record<string, string>): string {
  const at = join(dir, name);
  mkdirSync(at);
  for (const [file, text] of Object.entries(files)) writeFileSync(join(at, file), text);
  return at;
}

const rates = 'export interface Rates { readonly asOf: string }\n';
const entries = (from: string) => ({ index: join(from, 'index.d.ts'), testing: join(from, 'testing.d.ts') });

describe('the published declarations', () => {
  it('are built with the type check before every publish, not left from a test run', () => {
    // `npm test` builds them without the check (test/build.ts); `npm publish` rebuilds them with it.
    const { scripts } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(scripts.prepublishOnly).toBe('npm run build');
    expect(scripts.build).toMatch(/node scripts\/build-declarations\.mjs$/);
  });
});

describe('joining the type declarations', () => {
  it('writes each entry for import and require, the types both use in a shared chunk', async () => {
    const from = folder('named', {
      'rates.d.ts': rates,
      'index.d.ts':
        "import type { Rates } from './rates';\nexport type { Rates };\nexport declare function make(rates: Rates): void;\n",
      'testing.d.ts':
        "import type { Rates } from './rates';\nexport declare function check(rates: Rates): boolean;\n",
    });
    const out = folder('named-out', {});
    await bundleDeclarations(entries(from), out);
    const written = readdirSync(out).sort();
    expect(written.map((f) => f.replace(/-[\w-]{8}\./, '-<hash>.'))).toEqual([
      'index.d.cts',
      'index.d.ts',
      'rates-<hash>.d.cts',
      'rates-<hash>.d.ts',
      'testing.d.cts',
      'testing.d.ts',
    ]);
    const text = (file: string) => readFileSync(join(out, file), 'utf8');
    expect(text('index.d.ts')).toContain('export { Rates, make };');
    // Each side imports its own kind: a CommonJS user's types never pass through the ESM declarations.
    expect(text('testing.d.ts')).toContain("import { Rates } from './index.js';");
    expect(text('testing.d.cts')).toContain("import { Rates } from './index.cjs';");
  });

  it('writes nothing and names the type when an entry uses a shared type no entry exports', async () => {
    // `Rates` is in both entries' signatures but exported by neither: a user could not name it.
    const from = folder('unnamed', {
      'rates.d.ts': rates,
      'index.d.ts':
        "import type { Rates } from './rates';\nexport declare function make(rates: Rates): void;\n",
      'testing.d.ts':
        "import type { Rates } from './rates';\nexport declare function check(rates: Rates): boolean;\n",
    });
    const out = folder('unnamed-out', {});
    await expect(bundleDeclarations(entries(from), out)).rejects.toThrow(/not built[\s\S]*Rates/);
    expect(readdirSync(out)).toEqual([]);
  });

  it('writes nothing when a declaration imports a module that resolves nowhere', async () => {
    const from = folder('unresolved', {
      'index.d.ts': "import type { Gone } from 'not-a-dependency';\nexport declare const gone: Gone;\n",
      'testing.d.ts': 'export declare const ok: true;\n',
    });
    const out = folder('unresolved-out', {});
    await expect(bundleDeclarations(entries(from), out)).rejects.toThrow(/not-a-dependency/);
    expect(existsSync(join(out, 'index.d.ts'))).toBe(false);
  });
});

describe('emitting the declarations', () => {
  // An option tsc does not know is an error of the tsconfig, not of the program: the type check does
  // not list it, and the build must not go on without it.
  const from = folder('bad-config', {
    'tsconfig.json': JSON.stringify({
      compilerOptions: {
        declaration: true,
        emitDeclarationOnly: true,
        skipLibCheck: true,
        notAnOption: true,
      },
      files: ['a.ts'],
    }),
    'a.ts': 'export const a = 1;\n',
  });

  it.each([true, false])('writes nothing and names an error of the tsconfig, with the check %s', (check) => {
    const out = join(dir, `bad-config-out-${check}`);
    expect(() => emitDeclarations(join(from, 'tsconfig.json'), out, check)).toThrow(
      /not built[\s\S]*notAnOption/,
    );
    expect(existsSync(join(out, 'a.d.ts'))).toBe(false);
  });
});
