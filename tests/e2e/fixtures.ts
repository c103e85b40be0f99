/**
 * One fixture for both targets. `app` starts a fresh Socdesk with an empty
 * data folder and gives a page showing it:
 * - browser mode (default): `node out/main/server.js --port 0 --data-dir <tmp>`,
 *   then a Chromium page on its address;
 * - E2E_TARGET=electron: the desktop app through Playwright's _electron.launch.
 * `callApi` goes through the page's own `window.api`, so it uses whichever
 * transport the target has (HTTP or IPC) and the page's session.
 *
 * `office` (browser mode) is one host and several workstations: each `desk()`
 * is a browser context of its own (its own session), all on the same host;
 * the host can be stopped and started again on the same port and data folder.
 */
import { test as base, expect, _electron, request as playwrightRequest, type Browser, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { In, MethodName, Out } from '../../core/api/contract';

const ROOT = resolve(__dirname, '..', '..');

export interface AppHandle {
  page: Page;
  dataDir: string;
  callApi<M extends MethodName>(method: M, input: In<M>): Promise<{ ok: true; data: Out<M> } | { ok: false; error: { code: string; message: string } }>;
}

/** Starts the host on `port` (0: any; `extraArgs`: e.g. `--tls`); `stdout` is what it printed (the certificate code among it). */
export async function startServer(dataDir: string, extraArgs: string[] = [], port = 0): Promise<{ url: string; proc: ChildProcess; stdout: () => string }> {
  const proc = spawn(process.execPath, [join(ROOT, 'out/main/server.js'), '--port', String(port), '--data-dir', dataDir, ...extraArgs], {
    cwd: ROOT,
    // The host in UTC, the browser in the office's zone: the app must not depend on either.
    env: { ...process.env, SOCDESK_LOG: 'silent', TZ: 'UTC' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  let out = '';
  proc.stderr!.on('data', (d) => (stderr += d));
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start: ${stderr}`)), 20_000);
    proc.stdout!.on('data', (d) => {
      out += d;
      const m = /"url":"([^"]+)"/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolveUrl(m[1]);
      }
    });
    proc.on('exit', (code) => reject(new Error(`server exited with ${code}: ${stderr}`)));
  });
  return { url, proc, stdout: () => out };
}

export const test = base.extend<{ app: AppHandle }>({
  app: async ({ browser }, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'socdesk-e2e-'));
    let page: Page;
    let close: () => Promise<void>;
    if (process.env.E2E_TARGET === 'electron') {
      const electronApp = await _electron.launch({
        args: [join(ROOT, 'out/main/index.js')],
        // A single workstation: no first-start question about where the register is.
        env: { ...process.env, SOCDESK_USER_DATA: dataDir, SOCDESK_CONNECTION: 'local' } as Record<string, string>,
      });
      page = await electronApp.firstWindow();
      close = () => electronApp.close();
    } else {
      const { url, proc } = await startServer(dataDir);
      const context = await browser.newContext({ baseURL: url });
      page = await context.newPage();
      await page.goto('/');
      close = async () => {
        await context.close();
        proc.kill('SIGTERM');
        await new Promise((r) => proc.once('exit', r));
      };
    }
    const callApi: AppHandle['callApi'] = (method, input) =>
      page.evaluate(([m, i]) => window.api!.call(m, i), [method, input] as const) as never;
    await use({ page, dataDir, callApi });
    await close();
    rmSync(dataDir, { recursive: true, force: true });
  },
});

export interface Desk {
  page: Page;
  callApi: AppHandle['callApi'];
}

export interface OfficeHandle {
  url: string;
  dataDir: string;
  /** A new workstation: its own browser context, at the sign-in screen. */
  desk(): Promise<Desk>;
  /** Calls the API outside any workstation, with a cookie jar of its own (setup.init or auth.login signs it in). */
  seed<M extends MethodName>(method: M, input: In<M>): Promise<Out<M>>;
  /** Stops the host (SIGTERM): its clients lose the connection. */
  stopHost(): Promise<void>;
  /** Starts it again on the same port and data folder. */
  startHost(): Promise<void>;
}

async function newDesk(browser: Browser, url: string): Promise<{ desk: Desk; close: () => Promise<void> }> {
  const context = await browser.newContext({ baseURL: url });
  const page = await context.newPage();
  await page.goto('/');
  const callApi: AppHandle['callApi'] = (method, input) => page.evaluate(([m, i]) => window.api!.call(m, i), [method, input] as const) as never;
  return { desk: { page, callApi }, close: () => context.close() };
}

export const officeTest = base.extend<{ office: OfficeHandle }>({
  office: async ({ browser }, use, testInfo) => {
    testInfo.skip(process.env.E2E_TARGET === 'electron', 'several workstations on one host: browser mode');
    const dataDir = mkdtempSync(join(tmpdir(), 'socdesk-e2e-'));
    let server = await startServer(dataDir);
    const url = server.url;
    const port = Number(new URL(url).port);
    const contexts: (() => Promise<void>)[] = [];
    // The seeding client: an API context with its own cookie jar (first-run setup signs it in as the administrator).
    const api = await playwrightRequest.newContext({ baseURL: url });
    const stop = async () => {
      if (server.proc.exitCode !== null) return;
      const exited = new Promise((r) => server.proc.once('exit', r));
      server.proc.kill('SIGTERM');
      await exited;
    };
    await use({
      url,
      dataDir,
      async desk() {
        const d = await newDesk(browser, url);
        contexts.push(d.close);
        return d.desk;
      },
      async seed(method, input) {
        const res = await api.post(`/api/${method}`, { data: input });
        const body = (await res.json()) as { ok: boolean; data: never; error?: { message: string } };
        if (!body.ok) throw new Error(`${method}: ${body.error?.message}`);
        return body.data;
      },
      stopHost: stop,
      async startHost() {
        server = await startServer(dataDir, [], port);
      },
    });
    await api.dispose();
    for (const close of contexts) await close();
    await stop();
    rmSync(dataDir, { recursive: true, force: true });
  },
});

export { expect };

export const HEAD_OF_OFFICE = { name: 'Руководова Елена Петровна', position: 'Начальник управления' };

export const ADMIN = { username: 'admin', password: 'admin-pass-1', fullName: 'Администраторова Анна Сергеевна', position: 'Главный специалист-эксперт' };

/** First-run setup through the real UI. */
export async function setupThroughUi(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Первоначальная настройка Socdesk' })).toBeVisible();
  await page.getByRole('combobox', { name: 'Управление социальной защиты населения' }).fill('Сургут');
  await page.getByRole('option', { name: /г\. Сургут/ }).click();
  await page.getByLabel('ФИО руководителя управления').fill(HEAD_OF_OFFICE.name);
  await page.getByLabel('Должность руководителя').fill(HEAD_OF_OFFICE.position);
  await page.getByLabel('ФИО администратора').fill(ADMIN.fullName);
  await page.getByLabel(/^Должность\s*\*?$/).fill(ADMIN.position);
  await page.getByLabel('Имя пользователя (латиницей)').fill(ADMIN.username);
  await page.getByLabel(/^Пароль\s*\*?$/).fill(ADMIN.password);
  await page.getByLabel('Пароль ещё раз').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Сохранить и войти' }).click();
  await expect(page.getByTestId('user-menu')).toContainText(ADMIN.fullName);
}

export async function login(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel('Имя пользователя').fill(username);
  await page.getByLabel('Пароль').fill(password);
  await page.getByRole('button', { name: 'Войти' }).click();
}

export async function logout(page: Page): Promise<void> {
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: 'Выйти' }).click();
  await expect(page.getByRole('heading', { name: 'Вход в Socdesk' })).toBeVisible();
}
