import { defineConfig } from 'vitest/config';

// `npm run bench`: measurements printed as a table, never asserted (README, "Run every test").
export default defineConfig({
  test: {
    environment: 'node',
    include: ['test/bench/**/*.bench.ts'],
    testTimeout: 600_000,
    hookTimeout: 600_000,
  },
});
