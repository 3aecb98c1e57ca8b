// Builds the package's type declarations into dist/: `<entry>.d.ts` for `import`, `<entry>.d.cts` for
// `require` (the `types` of package.json's `exports`), with the types two entries share in chunks.
//
//   node scripts/build-declarations.mjs             type-checks src/ first; writes nothing on an error
//   node scripts/build-declarations.mjs --no-check  emits without the check (`npm test`, test/build.ts:
//                                                   `npm run typecheck` checks the same program in CI)
//
// Why not tsup's `dts` option, which did this until 2026-12-01: it gave the entries to its bundled
// rollup-plugin-dts, which builds TypeScript programs of its own from the sources. Here tsc emits every
// declaration of src/ once and rollup only joins the emitted files: on the 2-core machine 9 s of CPU and
// 0.3 GB of memory without the check, against 19 s and 1 GB. Compared file by file on the switch, every
// declared type is the same text; the subpath entries now import the types they share with the main
// entry from `./index.js` rather than from hashed chunks. (Without the check, as before, the members
// of one object type of string literals may come in another order: the same type.)
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rollup } from 'rollup';
import { dts } from 'rollup-plugin-dts';
import ts from 'typescript';
import { PACKAGE_ENTRIES } from './package-entries.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Every error among `diagnostics`, as tsc prints them; empty when there is none. */
function errorsOf(diagnostics) {
  const errors = diagnostics.filter((d) => d.category === ts.DiagnosticCategory.Error);
  const host = { getCanonicalFileName: (f) => f, getCurrentDirectory: () => root, getNewLine: () => '\n' };
  return errors.length === 0 ? '' : ts.formatDiagnostics(errors, host);
}

function notBuilt(reason) {
  return new Error(`the type declarations were not built:\n${reason}`);
}

/**
 * Emits the declarations of the program `configPath` names (src/'s: tsconfig.declarations.json) into
 * `outDir`; with `check`, type-checks first. Throws, naming them, on errors of the tsconfig or, with
 * `check`, of the program.
 */
export function emitDeclarations(configPath, outDir, check) {
  const { config, error } = ts.readConfigFile(configPath, ts.sys.readFile);
  if (error) throw notBuilt(errorsOf([error]));
  const base = dirname(configPath);
  const parsed = ts.parseJsonConfigFileContent(config, ts.sys, base, { outDir, noCheck: !check }, configPath);
  const program = ts.createProgram({ rootNames: parsed.fileNames, options: parsed.options });
  // The program's diagnostics do not hold the tsconfig's own errors (an unknown option): both are named.
  const before = errorsOf(check ? [...parsed.errors, ...ts.getPreEmitDiagnostics(program)] : parsed.errors);
  if (before !== '') throw notBuilt(before);
  const after = errorsOf(program.emit(undefined, undefined, undefined, true).diagnostics);
  if (after !== '') throw notBuilt(after);
}

/** What the declarations import from outside: node's modules and the package's dependencies. */
function isExternal() {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const names = Object.keys({ ...pkg.dependencies, ...pkg.peerDependencies, ...pkg.optionalDependencies });
  return (id) => id.startsWith('node:') || names.some((name) => id === name || id.startsWith(`${name}/`));
}

/**
 * Joins declaration files into one per entry (`input`: entry name → its .d.ts file), as `<name>.d.ts`
 * and `<name>.d.cts` in `outDir`, with shared chunks. A warning from rollup is a flaw in the published
 * types (a type an entry uses that no entry exports, so users cannot name it; an import that resolves
 * nowhere): then it writes nothing and rejects, naming it. rollup-plugin-dts warns while the chunks are
 * generated, so both outputs are generated before either is written.
 */
export async function bundleDeclarations(input, outDir) {
  const warnings = [];
  const build = await rollup({
    input,
    plugins: [dts()],
    external: isExternal(),
    onwarn: (warning) => warnings.push(warning.message),
  });
  try {
    const files = [];
    for (const extension of ['.d.ts', '.d.cts']) {
      const { output } = await build.generate({
        format: 'es',
        entryFileNames: `[name]${extension}`,
        // A chunk is named after its first module, which is a .d.ts: `caps.d.ts` gives `caps-<hash>.d.ts`.
        chunkFileNames: (chunk) => `${chunk.name.replace(/\.d$/, '')}-[hash]${extension}`,
      });
      files.push(...output);
    }
    if (warnings.length > 0) throw notBuilt(warnings.join('\n'));
    for (const file of files)
      writeFileSync(join(outDir, file.fileName), file.type === 'chunk' ? file.code : file.source);
  } finally {
    await build.close();
  }
}

/**
 * Builds dist/'s type declarations from src/: tsc emits them into a temporary directory, then
 * `bundleDeclarations` joins them. Rejects, writing nothing, on a type error (with `check`, the
 * default) or on a flaw in the joined declarations.
 */
export async function buildDeclarations({ check = true } = {}) {
  const emitted = mkdtempSync(join(tmpdir(), 'redress-declarations-'));
  try {
    emitDeclarations(join(root, 'tsconfig.declarations.json'), emitted, check);
    const input = Object.fromEntries(
      Object.entries(PACKAGE_ENTRIES).map(([name, file]) => [name, join(emitted, `${file}.d.ts`)]),
    );
    await bundleDeclarations(input, join(root, 'dist'));
  } finally {
    rmSync(emitted, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const unknown = args.filter((arg) => arg !== '--no-check');
  if (unknown.length > 0) {
    console.error(`build-declarations: unknown argument ${unknown[0]} (the only option is --no-check)`);
    process.exitCode = 2;
  } else {
    buildDeclarations({ check: !args.includes('--no-check') }).catch((error) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    });
  }
}
