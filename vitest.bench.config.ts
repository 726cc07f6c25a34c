import { defineConfig } from 'vitest/config';

// The re-anchoring benchmark (npm run bench:reanchor): kept out of `npm test`, whose config only
// includes src/**/*.test.ts and test/**/*.test.ts.
export default defineConfig({
  test: {
    include: ['bench/**/*.bench-run.ts'],
    environment: 'node',
    testTimeout: 300_000,
  },
});
