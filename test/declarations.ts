import { createHash } from 'node:crypto';
import { type FSWatcher, readFileSync, watch } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * Where test/build.ts says how the type declarations' build is going while `npm test` runs:
 * `building <pid>`, `built` or `failed: …`. Outside dist/, which is published; one per checkout.
 */
export const DECLARATIONS_STATE = join(
  tmpdir(),
  `redress-declarations-${createHash('sha256').update(root).digest('hex').slice(0, 12)}`,
);

function state(): string | undefined {
  try {
    return readFileSync(DECLARATIONS_STATE, 'utf8');
  } catch {
    return undefined;
  }
}

/** Whether the process that started the build is still there (a killed run leaves its state behind). */
function building(text: string): boolean {
  const pid = Number(text.slice('building '.length));
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * The time a test that waits for the declarations may take: the wait is the build's (about ten seconds
 * of one core on a quiet machine), not the test's, and on a loaded machine it and the type check after
 * it took more than the default minute.
 */
export const DECLARATIONS_TIMEOUT = 180_000;

/**
 * Resolves once dist/ holds the type declarations: at once when no build is under way (after
 * `npm run build`), and under `npm test` when the build test/build.ts started is done. Rejects when
 * that build failed.
 */
export function builtDeclarations(): Promise<void> {
  return new Promise((resolve, reject) => {
    let watcher: FSWatcher | undefined;
    const check = () => {
      const now = state();
      const done = now === undefined || now === 'built' || (now.startsWith('building ') && !building(now));
      const failed = now?.startsWith('failed: ') === true;
      // Anything else is a build under way, or a state caught in the middle of being written.
      if (!done && !failed) return;
      watcher?.close();
      if (failed) reject(new Error(`the type declarations did not build (${now})`));
      else resolve();
    };
    try {
      watcher = watch(DECLARATIONS_STATE, check); // before the first look, so that no change is missed
    } catch {
      // No state file: no build under way.
    }
    check();
  });
}
