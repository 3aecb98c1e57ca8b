import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import WaitingFirst from './test/sequencer';

/** Test files that mock modules (vi.mock): they get a fresh module registry of their own. */
const MOCKING = [
  'test/recommend/faults.test.ts',
  'test/remedies/planted-remedy.test.ts',
  'test/time/timestamp-memo.test.ts',
];

/** What every project below shares (they do not `extend` the root, whose global setup runs once). */
const common = {
  // Property tests are seeded (see test/seed.ts); nothing here may read the wall clock.
  // A guard against a hang, not a speed check (speed is `npm run bench`'s): three minutes, since on a
  // loaded two-core machine the longest property tests and the declarations' build passed one minute.
  testTimeout: 180_000,
  pool: 'forks',
} as const;

export default defineConfig({
  test: {
    // Under `npm test`: build the JavaScript, then the type declarations while the tests run.
    globalSetup: ['test/build.ts'],
    // One worker more than the cores (vitest's default is one fewer): a worker that waits for a process it
    // spawned, or for the browser, leaves its core to the others. Measured on two cores: 3 workers ran
    // the suite in about 54 s, 2 in about 61 s.
    maxWorkers: availableParallelism() + 1,
    // The modules vitest transforms (src/ and the tests, from TypeScript) kept on disk between runs, in
    // node_modules/.experimental-vitest-cache: a run after the first transforms only the files that
    // changed. A clean clone (CI) starts without it.
    experimental: { fsModuleCache: true },
    sequence: { sequencer: WaitingFirst },
    projects: [
      {
        // One module registry per worker: src/ is imported once per worker, not once per file.
        test: { ...common, name: 'shared', include: ['test/**/*.test.ts'], exclude: MOCKING, isolate: false },
      },
      { test: { ...common, name: 'isolated', include: MOCKING, isolate: true } },
      {
        // Type tests (`*.test-d.ts`: `expectTypeOf`, `@ts-expect-error`) run with every `npm test`:
        // vitest checks them with tsc and fails the run on a type error or a wrong expectation.
        test: {
          ...common,
          name: 'types',
          include: [],
          typecheck: {
            enabled: true,
            only: true,
            include: ['test/**/*.test-d.ts'],
            // Only the type tests and what they import: `npm run typecheck` checks the whole project.
            tsconfig: './test/type-tests.tsconfig.json',
          },
        },
      },
    ],
  },
});
