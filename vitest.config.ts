import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Starts a throwaway PostgreSQL for the storage tests (see test/helpers/global-setup.ts).
    globalSetup: ['test/helpers/global-setup.ts'],
    // Some tests start the real CLI or a real discord.js client against a local fake.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
