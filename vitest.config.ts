import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'templates/**/*.test.ts', 'generator/**/*.test.ts'],
    // Builds dist/ when it is stale (the bin and `npm pack` use it) and finds a browser.
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
