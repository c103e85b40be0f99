// `npm test`: builds the app, runs the unit and integration tests (vitest),
// then the end-to-end tests (Playwright in Chromium against browser mode),
// then the render layer (tests/render: forms through LibreOffice) when
// `soffice` and `pdftotext` are on PATH — otherwise it says it skipped it and
// why — and prints one closing line with the totals: "Total: N passed, N failed, N skipped".
import { spawnSync } from 'node:child_process';
import { accessSync, constants, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { delimiter, join } from 'node:path';

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
rmSync('test-reports/render.json', { force: true });

const isExecutable = (file) => {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};
/** Whether an executable of that name is on PATH. */
const onPath = (name) => (process.env.PATH ?? '').split(delimiter).some((dir) => dir !== '' && isExecutable(join(dir, name)));
const soffice = process.env.SOFFICE_BIN ?? 'soffice';
const renderMissing = [soffice, 'pdftotext'].filter((t) => !(t.includes('/') ? isExecutable(t) : onPath(t)));

if (!process.env.SOCDESK_SKIP_BUILD && run('npx', ['electron-vite', 'build']) !== 0) process.exit(1);

const unitStatus = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile=test-reports/vitest.json']);
const e2eStatus = run('npx', ['playwright', 'test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: 'test-reports/playwright.json' });

const renderStatus =
  renderMissing.length === 0
    ? run('npx', ['vitest', 'run', '--config', 'vitest.render.config.mts', '--reporter=default', '--reporter=json', '--outputFile=test-reports/render.json'])
    : 0;

const v = readJson('test-reports/vitest.json');
const p = readJson('test-reports/playwright.json');
const r = readJson('test-reports/render.json');
const passed = (v?.numPassedTests ?? 0) + (p?.stats?.expected ?? 0) + (p?.stats?.flaky ?? 0) + (r?.numPassedTests ?? 0);
const failed = (v?.numFailedTests ?? 0) + (p?.stats?.unexpected ?? 0) + (r?.numFailedTests ?? 0);
const skipped = (v?.numPendingTests ?? 0) + (v?.numTodoTests ?? 0) + (p?.stats?.skipped ?? 0);
const e2eRan = (p?.stats?.expected ?? 0) + (p?.stats?.unexpected ?? 0) + (p?.stats?.flaky ?? 0);

console.log('');
console.log(`Unit and integration: ${v?.numPassedTests ?? 0} passed, ${v?.numFailedTests ?? 0} failed`);
console.log(`End-to-end: ${p?.stats?.expected ?? 0} passed, ${p?.stats?.unexpected ?? 0} failed`);
if (renderMissing.length === 0) {
  console.log(`Render (LibreOffice): ${r?.numPassedTests ?? 0} passed, ${r?.numFailedTests ?? 0} failed`);
} else {
  console.log(
    `Render (LibreOffice): skipped — ${renderMissing.join(' and ')} not found on PATH; ` +
      'the forms were checked from their DOCX XML only. Install LibreOffice and poppler-utils and run `npm run test:render`.',
  );
}
console.log(`Total: ${passed} passed, ${failed} failed, ${skipped} skipped`);
if (e2eRan === 0) console.log('No end-to-end test ran: that counts as a failure.');
process.exit(unitStatus !== 0 || e2eStatus !== 0 || renderStatus !== 0 || failed > 0 || e2eRan === 0 || !v || !p ? 1 : 0);
