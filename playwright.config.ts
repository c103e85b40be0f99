import { defineConfig } from '@playwright/test';

// Under faketime (the date-sensitive CI step) the host runs on the shifted clock
// and Chromium on the real one, as a workstation whose clock is off would:
// Chromium is not started with faketime's preload.
const FAKETIME_VARS = new Set(['LD_PRELOAD', 'FAKETIME', 'FAKETIME_DONT_FAKE_MONOTONIC', 'FAKETIME_NO_CACHE', 'FAKETIME_SHARED', 'DONT_FAKE_MONOTONIC']);
const chromiumEnv = Object.fromEntries(Object.entries(process.env).filter(([k, v]) => v !== undefined && !FAKETIME_VARS.has(k))) as Record<string, string>;

/**
 * End-to-end tests through the real UI. By default they run in Debian's
 * Chromium against browser mode (out/main/server.js); with
 * E2E_TARGET=electron, on a machine that has the Electron binary, the same
 * specs drive the desktop app. Build first: `npm run build`.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    locale: 'ru-RU',
    timezoneId: 'Asia/Yekaterinburg',
    trace: 'retain-on-failure',
    actionTimeout: 10_000,
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      env: chromiumEnv,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
});
