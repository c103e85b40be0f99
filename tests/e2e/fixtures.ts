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

/**
 * The Latin-word scan: in every page of every spec, each screen the page
 * shows (on load, on each navigation and after each change of the DOM) is
 * read for Latin words in its visible text and in its aria-label, title,
 * placeholder and alt attributes. A person must not meet an internal code
 * or an English word; what a person typed (user names, addresses of hosts)
 * and what is Latin by nature (URLs, e-mail addresses, file names, Roman
 * numerals, the product's name) is allowed. The fixtures fail the test when
 * a page showed anything else.
 */
function latinScanScript() {
  const w = window as unknown as { __latinFound?: Record<string, string> };
  const found: Record<string, string> = (w.__latinFound = {});
  // Key names of the shortcuts shown (Ctrl+K, Alt+N) are what the keyboard says.
  // A signed document's SHA-256 fingerprint is shown on purpose, as hex.
  const ALLOWED = /^(Socdesk|DOCX|XLSX|PDF|COVID-19|SHA-256|[IVXLC]+|Ctrl|Alt|Shift|Enter|Esc|Tab|Backspace|[A-Z])$/;
  const STRIP = [/\b[0-9a-f]{12,}\b/gi, /\bhttps?:\/\/\S+/g, /\S+@\S+\.\S+/g, /\S+\.(docx|xlsx|pdf|zip|socdesk|json|sqlite|crt|pem)\b/gi, /\b[a-z0-9-]+(\.[a-z0-9-]+)+(:\d+)?\b/gi];
  const allowedData = new Set<string>();
  const note = (text: string, where: string) => {
    let t = text;
    for (const re of STRIP) t = t.replace(re, ' ');
    for (const m of t.matchAll(/[A-Za-z][A-Za-z0-9_-]*/g)) {
      const word = m[0];
      if (ALLOWED.test(word) || allowedData.has(word.toLowerCase())) continue;
      if (!(word in found)) found[word] = `${location.hash || '/'} · ${where}: ${text.trim().slice(0, 120)}`;
    }
  };
  const visible = (el: Element | null) => {
    for (let e = el; e; e = e.parentElement) {
      if (e.getAttribute('aria-hidden') === 'true' && !e.closest('[role="dialog"]')) return false;
      const cs = getComputedStyle(e);
      if (cs.display === 'none' || cs.visibility === 'hidden') return false;
    }
    return true;
  };
  const scan = () => {
    if (!document.body) return;
    // What people typed is theirs: the values of the inputs on screen (user names, host addresses) are data.
    for (const el of document.querySelectorAll('input, textarea')) {
      for (const m of ((el as HTMLInputElement).value ?? '').matchAll(/[A-Za-z][A-Za-z0-9_-]*/g)) allowedData.add(m[0].toLowerCase());
    }
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const parent = n.parentElement;
      if (!parent || /^(SCRIPT|STYLE|NOSCRIPT|TEXTAREA)$/.test(parent.tagName) || !/[A-Za-z]/.test(n.textContent ?? '')) continue;
      if (parent.closest('[data-latin-ok]') || !visible(parent)) continue;
      note(n.textContent ?? '', 'текст');
    }
    for (const el of document.querySelectorAll('[aria-label], [title], [placeholder], img[alt]')) {
      if (el.closest('[data-latin-ok]')) continue;
      for (const a of ['aria-label', 'title', 'placeholder', 'alt']) {
        const v = el.getAttribute(a);
        if (v && /[A-Za-z]/.test(v)) note(v, a);
      }
    }
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(scan, 150);
  };
  const start = () => {
    new MutationObserver(later).observe(document.documentElement, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['aria-label', 'title', 'placeholder'] });
    window.addEventListener('hashchange', later);
    later();
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
}

/** Latin words the page showed (word → where), for the fixtures' check. */
export async function latinFound(page: Page): Promise<Record<string, string>> {
  if (page.isClosed()) return {};
  try {
    // The last change may not be scanned yet.
    await page.waitForTimeout(200);
    return await page.evaluate(() => (window as unknown as { __latinFound?: Record<string, string> }).__latinFound ?? {});
  } catch {
    return {};
  }
}

/** Fails the test with the Latin words a person saw; `extra`: data the spec itself typed (user names). */
export async function expectNoLatin(pages: Page[]): Promise<void> {
  const all: Record<string, string> = {};
  for (const p of pages) Object.assign(all, await latinFound(p));
  const shown = Object.entries(all).filter(([w]) => !SEEDED_LATIN.some((re) => re.test(w)));
  expect(Object.fromEntries(shown), 'Latin words on screen').toEqual({});
}

/**
 * Data the specs type or receive, not text of the program: user names and
 * secrets, outgoing numbers typed by the specs, the portal's application
 * numbers (the portal emulator's).
 */
const SEEDED_LATIN = [/^(admin2?|priem|spec|spec2|head|all|worker|secret)$/i, /^e2e-\d+$/, /^EPGU-\d+$/];

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
      await context.addInitScript(latinScanScript);
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
    const latin = await expectNoLatin(page.context().pages()).then(() => null, (e: unknown) => e);
    await close();
    rmSync(dataDir, { recursive: true, force: true });
    if (latin) throw latin;
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

async function newDesk(browser: Browser, url: string): Promise<{ desk: Desk; pages: () => Page[]; close: () => Promise<void> }> {
  const context = await browser.newContext({ baseURL: url });
  await context.addInitScript(latinScanScript);
  const page = await context.newPage();
  await page.goto('/');
  const callApi: AppHandle['callApi'] = (method, input) => page.evaluate(([m, i]) => window.api!.call(m, i), [method, input] as const) as never;
  return { desk: { page, callApi }, pages: () => context.pages(), close: () => context.close() };
}

export const officeTest = base.extend<{ office: OfficeHandle }>({
  office: async ({ browser }, use, testInfo) => {
    testInfo.skip(process.env.E2E_TARGET === 'electron', 'several workstations on one host: browser mode');
    const dataDir = mkdtempSync(join(tmpdir(), 'socdesk-e2e-'));
    let server = await startServer(dataDir);
    const url = server.url;
    const port = Number(new URL(url).port);
    const contexts: (() => Promise<void>)[] = [];
    const deskPages: (() => Page[])[] = [];
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
        deskPages.push(d.pages);
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
    const latin = await expectNoLatin(deskPages.flatMap((p) => p())).then(() => null, (e: unknown) => e);
    for (const close of contexts) await close();
    await stop();
    rmSync(dataDir, { recursive: true, force: true });
    if (latin) throw latin;
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
