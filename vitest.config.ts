import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Property tests are seeded (see test/seed.ts); nothing here may read the wall clock.
    testTimeout: 60_000,
    pool: 'forks',
  },
});
