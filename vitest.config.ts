import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Golden CLI tests spawn the built bin once; in-process tests are the bulk.
    testTimeout: 30_000,
    // Spawned folio processes inherit this: no cache folder is written into the fixtures.
    env: { FOLIO_CACHE: 'off' },
  },
});
