import { defineConfig } from 'vitest/config';

/** npm run test:scale: copies of the bot behind nginx, sharing PostgreSQL (see scripts/scale.sh). */
export default defineConfig({
  test: {
    include: ['test/scale/**/*.scale.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
