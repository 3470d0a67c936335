import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Golden CLI tests spawn the built bin once; in-process tests are the bulk.
    testTimeout: 30_000,
  },
});
