import { defineConfig } from 'vitest/config';

/** Test files that mock modules (vi.mock): they get a fresh module registry of their own. */
const MOCKING = ['test/recommend/faults.test.ts', 'test/remedies/planted-remedy.test.ts'];

export default defineConfig({
  test: {
    // Property tests are seeded (see test/seed.ts); nothing here may read the wall clock.
    testTimeout: 60_000,
    pool: 'forks',
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: { name: 'shared', include: ['test/**/*.test.ts'], exclude: MOCKING, isolate: false },
      },
      { extends: true, test: { name: 'isolated', include: MOCKING, isolate: true } },
      {
        // Type tests (`*.test-d.ts`: `expectTypeOf`, `@ts-expect-error`) run with every `npm test`:
        // vitest checks them with tsc and fails the run on a type error or a wrong expectation.
        extends: true,
        test: {
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
