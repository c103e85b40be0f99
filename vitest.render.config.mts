import { defineConfig } from 'vitest/config';

// The render layer: the forms converted by LibreOffice (soffice) to PDF and
// read page by page. `npm run test:render`; `npm test` runs it only when
// soffice is on PATH.
process.env.TZ = 'UTC';

export default defineConfig({
  test: {
    include: ['tests/render/**/*.test.ts'],
    testTimeout: 180000,
    hookTimeout: 600000,
    pool: 'forks',
    maxWorkers: 1,
  },
});
