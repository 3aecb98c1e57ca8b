import { rmSync, writeFileSync } from 'node:fs';
import { build } from 'tsup';
import { declarationEntries } from '../tsup.config';
import { DECLARATIONS_STATE } from './declarations';

/**
 * vitest's global setup: under `npm test`, builds the package that the end-to-end, package and docs
 * tests run. The JavaScript is built first (a couple of seconds; every test waits for it). The type
 * declarations take one core for about ten seconds and only a few tests read them, so they are built
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
    dts: { entry: declarationEntries, only: true },
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
