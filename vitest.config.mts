import { defineConfig } from 'vitest/config';

// The app keeps the office's clock (UTC+5) itself; tests run in UTC, as the build machines do, to prove it needs no TZ.
process.env.TZ = 'UTC';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    testTimeout: 20000,
    pool: 'forks',
  },
});
