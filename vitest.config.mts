import { defineConfig } from 'vitest/config';

// Dates and deadlines are local to the office; run tests in Khanty-Mansiysk time (UTC+5) whatever the machine's zone.
process.env.TZ = 'Asia/Yekaterinburg';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    testTimeout: 20000,
    pool: 'forks',
  },
});
