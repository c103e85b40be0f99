// `npm run test:clock`: the date-sensitive tests on a shifted clock, through
// faketime (Debian package `faketime`): at 22:30 and at 00:30 on the office's
// clock (UTC+5) across New Year's night, when the office's date and the UTC
// date differ and the year changes. The host and the test runner take the
// shifted clock; Chromium keeps the real one (playwright.config.ts), as a
// workstation whose clock is off would. Run after `npm run build`.
import { spawnSync } from 'node:child_process';

const CLOCKS = [
  { label: '31.12 22:30 по времени управления', utc: '2026-12-31 17:30:00' },
  { label: '01.01 00:30 по времени управления', utc: '2026-12-31 19:30:00' },
];
const UNIT = ['tests/unit/calendar.test.ts', 'tests/unit/deadlines.test.ts', 'tests/integration/reception.test.ts', 'tests/integration/processing.test.ts', 'tests/integration/exchange.test.ts', 'tests/integration/lan.test.ts'];
const E2E = ['tests/e2e/reception.spec.ts', 'tests/e2e/processing.spec.ts', 'tests/e2e/exchange.spec.ts', 'tests/e2e/office-network.spec.ts'];

if (spawnSync('faketime', ['-h'], { stdio: 'ignore' }).error) {
  console.error('faketime is not installed (Debian: apt-get install faketime)');
  process.exit(1);
}
let failed = 0;
for (const c of CLOCKS) {
  console.log(`\n=== Clock shifted to ${c.utc} UTC (${c.label}) ===`);
  const run = (args) => spawnSync('faketime', [c.utc, 'npx', ...args], { stdio: 'inherit' }).status ?? 1;
  if (run(['vitest', 'run', ...UNIT]) !== 0) failed++;
  if (run(['playwright', 'test', ...E2E]) !== 0) failed++;
}
console.log(failed ? `Shifted clock: ${failed} run(s) failed` : 'Shifted clock: all runs passed');
process.exit(failed ? 1 : 0);
