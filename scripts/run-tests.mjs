// `npm test`: builds the app, runs the unit and integration tests (vitest),
// then the end-to-end tests (Playwright in Chromium against browser mode),
// and prints one closing line with the totals: "Total: N passed, N failed, N skipped".
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';

const run = (cmd, args, env = {}) => spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } }).status ?? 1;
const readJson = (f) => {
  try {
    return JSON.parse(readFileSync(f, 'utf8'));
  } catch {
    return null;
  }
};

mkdirSync('test-reports', { recursive: true });
rmSync('test-reports/vitest.json', { force: true });
rmSync('test-reports/playwright.json', { force: true });

if (!process.env.SOCDESK_SKIP_BUILD && run('npx', ['electron-vite', 'build']) !== 0) process.exit(1);

const unitStatus = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile=test-reports/vitest.json']);
const e2eStatus = run('npx', ['playwright', 'test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: 'test-reports/playwright.json' });

const v = readJson('test-reports/vitest.json');
const p = readJson('test-reports/playwright.json');
const passed = (v?.numPassedTests ?? 0) + (p?.stats?.expected ?? 0) + (p?.stats?.flaky ?? 0);
const failed = (v?.numFailedTests ?? 0) + (p?.stats?.unexpected ?? 0);
const skipped = (v?.numPendingTests ?? 0) + (v?.numTodoTests ?? 0) + (p?.stats?.skipped ?? 0);
const e2eRan = (p?.stats?.expected ?? 0) + (p?.stats?.unexpected ?? 0) + (p?.stats?.flaky ?? 0);

console.log('');
console.log(`Unit and integration: ${v?.numPassedTests ?? 0} passed, ${v?.numFailedTests ?? 0} failed`);
console.log(`End-to-end: ${p?.stats?.expected ?? 0} passed, ${p?.stats?.unexpected ?? 0} failed`);
console.log(`Total: ${passed} passed, ${failed} failed, ${skipped} skipped`);
if (e2eRan === 0) console.log('No end-to-end test ran: that counts as a failure.');
process.exit(unitStatus !== 0 || e2eStatus !== 0 || failed > 0 || e2eRan === 0 || !v || !p ? 1 : 0);
