// Module hooks that let Node 20 run the TypeScript examples as they are: a `.ts` file is compiled to
// JavaScript with esbuild (types stripped, nothing checked: `npm run typecheck` does that) when it is
// loaded. Registered by scripts/register-ts.mjs: `node --import ./scripts/register-ts.mjs FILE.ts`.
import { readFile } from 'node:fs/promises';
import { transform } from 'esbuild';

/** @type {import('node:module').LoadHook} */
export async function load(url, context, nextLoad) {
  if (!url.startsWith('file:') || !url.endsWith('.ts')) return nextLoad(url, context);
  const source = await readFile(new URL(url), 'utf8');
  const { code } = await transform(source, {
    loader: 'ts',
    format: 'esm',
    target: 'node20',
    sourcefile: url,
    sourcemap: 'inline',
  });
  return { format: 'module', source: code, shortCircuit: true };
}
