import { readdirSync, readFileSync } from 'node:fs';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ENTRIES } from '../../scripts/package-entries.mjs';
import { builtDeclarations, DECLARATIONS_TIMEOUT } from '../declarations';

const root = new URL('../..', import.meta.url).pathname;
// The public entry points: the library and its `redress/…` subpath entries.
const entries = Object.values(PACKAGE_ENTRIES).map((file) => `src/${file}.ts`);

describe('the public API', () => {
  it('documents every export with a TSDoc comment', () => {
    const program = ts.createProgram(
      entries.map((e) => `${root}${e}`),
      {
        strict: true,
        module: ts.ModuleKind.ESNext,
        moduleResolution: ts.ModuleResolutionKind.Bundler,
        resolveJsonModule: true,
        noEmit: true,
        // The TSDoc is in src/: the standard library's declarations (the DOM's among them, by default) and
        // the @types packages are not read, which was 40% of this test's CPU (the same 214 exports).
        noLib: true,
        types: [],
      },
    );
    const checker = program.getTypeChecker();
    const undocumented: string[] = [];
    for (const entry of entries) {
      const source = program.getSourceFile(`${root}${entry}`);
      const moduleSymbol = source && checker.getSymbolAtLocation(source);
      expect(moduleSymbol, entry).toBeDefined();
      for (const exported of checker.getExportsOfModule(moduleSymbol as ts.Symbol)) {
        const target = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
        if (ts.displayPartsToString(target.getDocumentationComment(checker)).trim() === '') {
          undocumented.push(`${entry}: ${exported.getName()}`);
        }
      }
    }
    expect(undocumented).toEqual([]);
  });

  it(
    'has no `any` in the published type declarations',
    async () => {
      await builtDeclarations();
      const declarations = readdirSync(`${root}dist`).filter(
        (f) => f.endsWith('.d.ts') || f.endsWith('.d.cts'),
      );
      expect(declarations.length).toBeGreaterThan(0);
      for (const file of declarations) {
        const code = readFileSync(`${root}dist/${file}`, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
        expect(code, file).not.toMatch(/[:<,|(]\s*any\b|\bany\[\]/);
      }
    },
    DECLARATIONS_TIMEOUT,
  );

  it('exports only from the entry points: no deep imports in the exports map', () => {
    const pkg = JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as {
      exports: Record<string, unknown>;
    };
    expect(Object.keys(pkg.exports).sort()).toEqual(
      ['.', './analysis', './incidents', './outcomes', './package.json', './testing'].sort(),
    );
  });
});
