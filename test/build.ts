import { spawn } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { build } from 'tsup';
import { DECLARATIONS_STATE } from './declarations';

const script = new URL('../scripts/build-declarations.mjs', import.meta.url).pathname;

/**
 * The type declarations, built in a process of their own (tsc's emit is synchronous: in this process
 * it would hold up vitest's for seconds) and without the type check of src/, which `npm run typecheck`
 * runs in CI and at every landing. Rejects with what the build printed when it fails.
 */
function declarations(): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, '--no-check'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let printed = '';
    child.stderr.on('data', (chunk: Buffer) => {
      printed += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(printed.trim() || `exited ${code}`)),
    );
  });
}

/**
 * vitest's global setup: under `npm test`, builds the package that the end-to-end, package and docs
 * tests run. The JavaScript is built first (a couple of seconds; every test waits for it). The type
 * declarations take one core for about ten seconds and only a few tests read them, so they are built
 * while the tests run, and those tests wait for them (`builtDeclarations` in declarations.ts).
 * `npx vitest` on its own builds nothing: it tests dist/ as the last build left it.
 */
export default async function setup(): Promise<(() => Promise<void>) | undefined> {
  if (process.env.npm_lifecycle_event !== 'test') return undefined;
  await build({ silent: true });
  writeFileSync(DECLARATIONS_STATE, `building ${process.pid}`);
  let failure: unknown;
  const built = declarations().then(
    () => writeFileSync(DECLARATIONS_STATE, 'built'),
    (error: unknown) => {
      failure = error;
      writeFileSync(DECLARATIONS_STATE, `failed: ${error instanceof Error ? error.message : String(error)}`);
    },
  );
  return async () => {
    await built;
    rmSync(DECLARATIONS_STATE, { force: true });
    // Also when no test that reads the declarations was run: a build that fails fails `npm test`.
    if (failure !== undefined) {
      process.exitCode = 1;
      throw failure;
    }
  };
}
