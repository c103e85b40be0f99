/**
 * Renderer speed on the 200,000-case register: the built host
 * (out/main/server.js, `npx electron-vite build` first) serves the register,
 * Chromium shows the app at 1366×768, and the page itself times (with
 * performance.now and the Event Timing API):
 * - renderer.keystroke.intake / .act3: keystroke to paint while typing into
 *   the intake's «Фамилия» and into a text field of the Appendix 3 act (a
 *   case whose act is filled in), by the browser's Event Timing API (what
 *   INP is made of): from the keydown's timeStamp (the wait in the input
 *   queue counts) to the next frame presented after its handlers. The API
 *   reports durations of 16 ms and more, in steps of 8 ms: a keystroke it does
 *   not report took less and counts as 16 ms. Target p95 ≤ 30 ms;
 * - renderer.keystroke.*.settled: for reference, from the keydown to the
 *   first task after the frame that shows the new value: it also counts the
 *   deferred work (transitions) that runs after the paint;
 * - renderer.case_open: a click on a case's number in «Дела» until its
 *   header is on screen; target ≤ 300 ms;
 * - renderer.cases_page / journal_page: a click on the next page of «Дела» or
 *   «Журнал» until the new rows are on screen; target ≤ 300 ms.
 * - renderer.keystroke.sign_in: the same in the sign-in form's bare input, for
 *   reference: what a keystroke costs on this machine at this moment.
 * Typing is KEYS keys per field at a clerk's pace (one key every 80 ms),
 * Latin letters: the browser gives non-US characters as text without key
 * events.
 *
 * Runs inside `npm run bench` on the reception benchmark's register, alone
 * with `npm run bench -- renderer` (or `tsx bench/renderer.ts [--cases N]
 * [--register FILE]`), which generates its own (kept in FILE and reused when
 * FILE exists; the run works on a copy).
 */
import { chromium, type Locator, type Page } from '@playwright/test';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { localDateTime, todayIso } from '../core/domain/dates';
import { setQuiet } from '../main/backend/logger';
import { CITIZEN_ACT } from '../scripts/form-samples-acts';
import { sampleApplication, snilsFrom } from '../tests/support/applications';
import { makeRegister } from './generate';
import { benchArg, percentile, report, spawnHost, withRegisterIn, type Metric } from './lib';

const ROOT = resolve(__dirname, '..');
const PASSWORD = 'bench-pass-1';
/** Keystrokes per field: enough that a p95 is not two or three stray frames. */
const KEYS = 200;
const KEY_GAP_MS = 80;
const OPENS = 20;
const PAGES = 20;
/** Labels of the Appendix 3 act's text fields, the first one found is typed into (the act's layout may change; its labels are the form's). */
const ACT_FIELDS = ['Ф.И.О. участкового врача', 'Частота обращений в медицинские организации', 'Адрес проживания, по которому проведено обследование'];

function startHost(dataDir: string) {
  const server = join(ROOT, 'out/main/server.js');
  if (!existsSync(server)) throw new Error('out/main/server.js is missing: run `npx electron-vite build` first');
  return spawnHost([server, '--port', '0', '--data-dir', dataDir]);
}

interface Probe {
  keys: number[];
  /** The keydown timeStamps of the keystrokes that changed the field. */
  typed: number[];
  /** Event Timing entries of keydowns (16 ms and more): [startTime, duration]. */
  painted: [number, number][];
  pending: { t0: number; el: EventTarget | null } | null;
  /** From `t0` to the task after the first frame in which `ok()` holds. */
  until(t0: number, ok: () => boolean): Promise<number>;
  firstRow(): string;
  /** Clicks the next page of the list; the time until other rows are on screen. */
  nextPage(): Promise<number>;
  /** Clicks the number of the list's row `n`; the time until the case's header is on screen. */
  openRow(n: number): Promise<number>;
}

/** The page's timing helpers (an init script: the app's CSP allows no eval). */
function installProbes(): void {
  const afterFrame = (t0: number) =>
    new Promise<number>((done) =>
      requestAnimationFrame(() => {
        // The task after the frame: its style, layout and paint are done by then.
        const ch = new MessageChannel();
        ch.port1.onmessage = () => done(performance.now() - t0);
        ch.port2.postMessage(0);
      }),
    );
  const rows = () => document.querySelectorAll<HTMLTableRowElement>('main table tbody tr');
  const probe: Probe = {
    keys: [],
    typed: [],
    painted: [],
    pending: null,
    until: (t0, ok) =>
      new Promise((done) => {
        const check = () => (ok() ? void afterFrame(t0).then(done) : requestAnimationFrame(check));
        check();
      }),
    firstRow: () => rows()[0]?.querySelector('a')?.textContent ?? '',
    nextPage: () => {
      const before = probe.firstRow();
      const controls = [...document.querySelectorAll<HTMLButtonElement>('main .mantine-Pagination-control')];
      const current = Number(controls.find((b) => b.hasAttribute('data-active'))?.textContent);
      const next = controls.find((b) => b.textContent === String(current + 1));
      if (!next) throw new Error(`no page after ${current}: ${controls.map((b) => b.textContent + (b.hasAttribute('data-active') ? '*' : '')).join(' ')}`);
      const t0 = performance.now();
      next.click();
      return probe.until(t0, () => probe.firstRow() !== before && probe.firstRow() !== '');
    },
    openRow: (n) => {
      const link = rows()[n]?.querySelector('a');
      if (!link) throw new Error(`no row ${n}`);
      const t0 = performance.now();
      link.click();
      return probe.until(t0, () => !!document.querySelector<HTMLElement>('[data-testid="case-header"]')?.checkVisibility());
    },
  };
  (window as unknown as { __bench: Probe }).__bench = probe;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.name === 'keydown') probe.painted.push([e.startTime, e.duration]);
  }).observe({ type: 'event', durationThreshold: 16, buffered: true } as PerformanceObserverInit);
  document.addEventListener('keydown', (e) => (probe.pending = { t0: e.timeStamp, el: e.target }), true);
  document.addEventListener('input', (e) => {
    const p = probe.pending;
    const el = e.target as HTMLInputElement | HTMLTextAreaElement;
    if (!p || p.el !== el) return;
    probe.pending = null;
    probe.typed.push(p.t0);
    const value = el.value;
    // The value the key made, as the (controlled) input shows it after the render.
    void probe.until(p.t0, () => el.value === value).then((ms) => probe.keys.push(ms));
  });
}

const probe = (page: Page) => ({
  keys: () => page.evaluate(() => (window as unknown as { __bench: Probe }).__bench.keys),
  /** Keystroke to paint (Event Timing) of the keystrokes typed since the reset; unreported ones took under 16 ms. */
  painted: () =>
    page.evaluate(() => {
      const b = (window as unknown as { __bench: Probe }).__bench;
      // The entry's startTime is the event's timeStamp (both coarsened by the browser).
      return b.typed.map((t) => b.painted.find(([s]) => Math.abs(s - t) < 1)?.[1] ?? 16);
    }),
  resetKeys: () =>
    page.evaluate(() => {
      const b = (window as unknown as { __bench: Probe }).__bench;
      b.keys = [];
      b.typed = [];
      b.painted = [];
    }),
  nextPage: () => page.evaluate(() => (window as unknown as { __bench: Probe }).__bench.nextPage()),
  openRow: (n: number) => page.evaluate((i) => (window as unknown as { __bench: Probe }).__bench.openRow(i), n),
});

async function api<T = unknown>(page: Page, method: string, input: unknown): Promise<T> {
  const env = await page.evaluate(
    async ([m, i]) => (await fetch(`/api/${m}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(i) })).json(),
    [method, input] as const,
  );
  if (!env.ok) throw new Error(`${method}: ${env.error.message}`);
  return env.data as T;
}

async function signIn(page: Page, url: string, username: string): Promise<void> {
  await page.goto(url);
  await page.getByLabel('Имя пользователя').fill(username);
  await page.getByLabel('Пароль').fill(PASSWORD);
  await page.getByRole('button', { name: 'Войти' }).click();
  await page.getByTestId('user-menu').waitFor();
}

interface Typed {
  /** Keystroke to the next paint (Event Timing). */
  painted: number[];
  /** Keystroke to the task after the frame that shows the value. */
  settled: number[];
}

/** Types KEYS letters into `field`, one at a time, and returns the page's samples. */
async function typeInto(page: Page, field: Locator): Promise<Typed> {
  await field.click();
  await field.press('End');
  await probe(page).resetKeys();
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  for (let i = 0; i < KEYS; i++) {
    await page.keyboard.press(i % 12 === 11 ? 'Space' : letters[i % letters.length]!);
    await page.waitForFunction((n) => (window as unknown as { __bench: Probe }).__bench.keys.length >= n, i + 1);
    await page.waitForTimeout(KEY_GAP_MS);
  }
  // The last entries reach the observer a frame or two later.
  await page.waitForTimeout(200);
  return { painted: await probe(page).painted(), settled: await probe(page).keys() };
}

async function listPages(page: Page, n: number): Promise<number[]> {
  await page.locator('main table tbody tr').first().waitFor();
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push(await probe(page).nextPage());
  return out;
}

/** Answers «Уйти без сохранения» if leaving a screen with unsaved changes asked. */
async function leaveUnsaved(page: Page): Promise<void> {
  const leave = page.getByRole('button', { name: 'Уйти без сохранения' });
  await leave.waitFor({ timeout: 3000 }).then(
    () => leave.click(),
    () => undefined,
  );
}

/** `registerDir`: a data folder holding the 200,000-case register (users admin / bench-pass-1). */
export async function rendererBench(registerDir: string, log: (s: string) => void): Promise<Metric[]> {
  const host = await startHost(registerDir);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'ru-RU', timezoneId: 'Asia/Yekaterinburg' });
    // As source text, with the helper tsx's compiler wraps named functions in (the page has no such helper).
    await context.addInitScript({ content: `var __name = (f) => f; (${installProbes.toString()})();` });
    const page = await context.newPage();

    // What one keystroke costs on this machine in a bare input (the sign-in form), to read the figures below by.
    await page.goto(host.url);
    const bare = await typeInto(page, page.getByLabel('Имя пользователя'));
    await page.reload();

    // A user for reception and processing, and a case with a filled-in Appendix 3 act.
    await signIn(page, host.url, 'admin');
    await api(page, 'users.create', { username: 'rbench', fullName: 'Скоростная Анна Петровна', position: 'Специалист-эксперт', roles: ['reception', 'specialist'], password: PASSWORD }).catch(() => undefined);
    await api(page, 'auth.logout', {});
    await page.reload();
    await signIn(page, host.url, 'rbench');
    const c = await api<{ id: number }>(page, 'cases.register', sampleApplication({ receivedAt: localDateTime(new Date(Date.now() - 5 * 60_000)), applicant: { snils: snilsFrom(97_000_000 + (Date.now() % 1000)), lastName: 'Отрисовкина' } }));
    await api(page, 'acts.save', { caseId: c.id, rev: 0, form: 'appendix3-citizen', act: CITIZEN_ACT, barthel: {}, lawton: {} });

    // The intake: a sub-service chosen (its checklist on screen), then the surname typed.
    await page.goto(`${host.url}#/intake`);
    await page.getByLabel(/^Подуслуга/).selectOption('home');
    await page.getByTestId('doc-identity').waitFor();
    const intake = await typeInto(page, page.getByRole('group', { name: /^Заявитель/ }).getByLabel(/^Фамилия/));
    log(`intake: ${intake.painted.length} keystrokes`);
    await page.getByRole('button', { name: 'Очистить форму' }).click();
    await page.getByRole('button', { name: 'Нажмите ещё раз, чтобы очистить' }).click();

    // The Appendix 3 act of the case.
    await page.goto(`${host.url}#/cases/${c.id}`);
    await page.getByRole('tab', { name: 'Акты' }).click();
    await page.getByRole('tab', { name: /Приложение 3/ }).click();
    const act = page.getByRole('form', { name: 'Акт обследования гражданина' });
    await act.waitFor();
    let field = null;
    for (const label of ACT_FIELDS) {
      const f = act.getByLabel(label, { exact: true });
      if ((await f.count()) === 1) {
        field = f;
        break;
      }
    }
    if (!field) throw new Error(`none of the act's fields is on screen: ${ACT_FIELDS.join(', ')}`);
    const act3 = await typeInto(page, field);
    log(`act: ${act3.painted.length} keystrokes`);

    // «Дела»: open cases from the first page one after another (each read afresh), back to the list after each.
    await page.goto(`${host.url}#/cases`);
    await leaveUnsaved(page);
    const opens: number[] = [];
    for (let i = 0; i < OPENS; i++) {
      await page.locator('main table tbody tr').nth(i + 2).waitFor();
      opens.push(await probe(page).openRow(i + 2));
      await page.goBack();
    }

    // Pages of «Дела» and of «Журнал».
    await page.goto(`${host.url}#/cases`);
    const casesPages = await listPages(page, PAGES);
    // The journal opens on this month; from January of last year it has pages enough.
    await page.goto(`${host.url}#/journal`);
    await page.getByLabel('Период с').fill(`01.01.${Number(todayIso().slice(0, 4)) - 1}`);
    await page.locator('main .mantine-Pagination-control', { hasText: /^5$/ }).waitFor();
    const journalPages = await listPages(page, PAGES);

    const keys = (name: string, t: Typed, target: number | null = 30): Metric[] => [
      { metric: `${name}.p50`, value: percentile(t.painted, 50), unit: 'ms', target: null },
      { metric: `${name}.p95`, value: percentile(t.painted, 95), unit: 'ms', target },
      { metric: `${name}.settled.p50`, value: percentile(t.settled, 50), unit: 'ms', target: null },
      { metric: `${name}.settled.p95`, value: percentile(t.settled, 95), unit: 'ms', target: null },
    ];
    const nav = (name: string, s: number[]): Metric[] => [
      { metric: `${name}.p50`, value: percentile(s, 50), unit: 'ms', target: null },
      { metric: `${name}.p95`, value: percentile(s, 95), unit: 'ms', target: 300 },
    ];
    return [
      ...keys('renderer.keystroke.sign_in', bare, null),
      ...keys('renderer.keystroke.intake', intake),
      ...keys('renderer.keystroke.act3', act3),
      ...nav('renderer.case_open', opens),
      ...nav('renderer.cases_page', casesPages),
      ...nav('renderer.journal_page', journalPages),
    ];
  } finally {
    await browser.close();
    await host.stop();
  }
}

/** Runs the benchmark on a register file (moved into a data folder for the host, and back). */
export async function rendererBenchOn(dir: string, registerFile: string, log: (s: string) => void): Promise<Metric[]> {
  return withRegisterIn(join(dir, 'renderer'), registerFile, () => rendererBench(join(dir, 'renderer'), log));
}

async function standalone(): Promise<void> {
  setQuiet(true);
  const cases = Number(benchArg('--cases') ?? 200_000);
  const kept = benchArg('--register');
  const dir = mkdtempSync(join(tmpdir(), 'socdesk-bench-renderer-'));
  try {
    const log = (s: string) => console.error(s);
    const file = join(dir, 'register.sqlite');
    // A kept register (--register FILE, made there when missing) is copied: the benchmark writes to the one it runs on.
    if (kept) {
      if (!existsSync(kept)) await makeRegister(kept, cases, log);
      copyFileSync(kept, file);
    } else await makeRegister(file, cases, log);
    report(await rendererBenchOn(dir, file, log), process.argv.includes('--json'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith('renderer.ts')) void standalone();
