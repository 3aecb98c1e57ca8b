import { rmSync, writeFileSync } from 'node:fs';
import { build } from 'tsup';
import { declarationEntries } from '../tsup.config';
import { DECLARATIONS_STATE } from './declarations';

/**
 * vitest's global setup: under `npm test`, builds the package that the end-to-end, package and docs
 * tests run. The JavaScript is built first (a couple of seconds; every test waits for it). The type
 * declarations take one core for about twenty seconds and only a few tests read them, so they are built
 * while the tests run, and those tests wait for them (`builtDeclarations` in declarations.ts).
 * `npx vitest` on its own builds nothing: it tests dist/ as the last build left it.
 */
export default async function setup(): Promise<(() => Promise<void>) | undefined> {
  if (process.env.npm_lifecycle_event !== 'test') return undefined;
  await build({ silent: true, dts: false });
  writeFileSync(DECLARATIONS_STATE, `building ${process.pid}`);
  let failure: unknown;
  const declarations = build({
    silent: true,
    clean: false, // the JavaScript just built stays
    // Emitted without tsup's full type check first (its `noEmitOnError` checks all of src/ before the
    // first line is written): `npm run typecheck` checks the same program in CI and at every landing,
    // and the published build (`npm run build`) keeps the check. The declarations are the same text
    // (checked on 2026-12-01: only the order of one enum's members in an object type differed, and so
    // the chunks' hashed names); the build took 18-22 s of CPU against 25-27 s with the check.
    dts: { entry: declarationEntries, only: true, compilerOptions: { noEmitOnError: false, noCheck: true } },
  }).then(
    () => writeFileSync(DECLARATIONS_STATE, 'built'),
    (error: unknown) => {
      failure = error;
      writeFileSync(DECLARATIONS_STATE, `failed: ${error instanceof Error ? error.message : String(error)}`);
    },
  );
  return async () => {
    await declarations;
    rmSync(DECLARATIONS_STATE, { force: true });
    // Also when no test that reads the declarations was run: a build that fails fails `npm test`.
    if (failure !== undefined) {
      process.exitCode = 1;
      throw failure;
    }
  };
}
