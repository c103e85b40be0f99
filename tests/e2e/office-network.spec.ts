/**
 * The office on one host: three browser contexts are three workstations
 * against one host over HTTPS (its own certificate; the browser is told to
 * accept it, as a person does after comparing the code). Reception registers
 * at one desk, the specialist opens the case at another and sends its
 * requests, the head signs from a third; the administrator sees the sessions
 * and the certificate code, and ends a session. Also: the idle warning, and
 * the desktop app's first-start screen (with a stand-in for the Electron
 * shell, which cannot run here).
 */
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CaseView } from '../../core/api/reception';
import type { ShellBridge } from '../../core/api/shell';
import { CITIZEN_ACT, NEED_ACT } from '../../scripts/form-samples-acts';
import { SAMPLE_REFUSAL } from '../../scripts/form-samples-decision';
import { SAMPLE_BARTHEL, SAMPLE_LAWTON } from '../../scripts/form-samples-scales';
import { snilsFrom } from '../support/applications';
import { actRev, draftOf } from '../support/case-steps';
import { officeYear } from '../support/office-clock';
import { expect, login, startServer, test } from './fixtures';
import { fillApplicant, markReceived, newApplication, register } from './intake';

const PASSWORD = 'staff-pass-1';
const SHOTS = process.env.SCREENSHOT_DIR;

interface Office {
  url: string;
  stdout: () => string;
  desk(): Promise<Page>;
  close(): Promise<void>;
}

async function office(browser: Browser): Promise<Office> {
  const dataDir = mkdtempSync(join(tmpdir(), 'socdesk-e2e-lan-'));
  const { url, proc, stdout } = await startServer(dataDir, ['--tls']);
  // The certificate lines follow the address line.
  await expect.poll(() => /SHA-256 сертификата/.test(stdout())).toBe(true);
  const contexts: BrowserContext[] = [];
  return {
    url,
    stdout,
    desk: async () => {
      const ctx = await browser.newContext({ baseURL: url, ignoreHTTPSErrors: true, viewport: { width: 1366, height: 768 } });
      contexts.push(ctx);
      const page = await ctx.newPage();
      await page.goto('/');
      return page;
    },
    close: async () => {
      for (const c of contexts) await c.close();
      proc.kill('SIGTERM');
      await new Promise((r) => proc.once('exit', r));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function call<T>(page: Page, method: string, input: unknown): Promise<T> {
  const r = (await page.evaluate(([m, i]) => window.api!.call(m, i), [method, input] as const)) as { ok: boolean; data?: T; error?: { message: string } };
  if (!r.ok) throw new Error(`${method}: ${r.error!.message}`);
  return r.data as T;
}

async function signedIn(page: Page, username: string, fullName: string): Promise<void> {
  await login(page, username, PASSWORD);
  await expect(page.getByTestId('user-menu')).toContainText(fullName);
}

test('three workstations on one host over HTTPS: reception registers, the specialist sends requests, the head signs', async ({ browser }) => {
  test.setTimeout(120_000);
  const o = await office(browser);
  try {
    expect(o.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/$/);
    const code = /Код сертификата[^:]*: (\d{5} \d{5} \d{5} \d{5})/.exec(o.stdout())![1];

    // The administrator's desk: the office and its staff.
    const admin = await o.desk();
    await call(admin, 'setup.init', { officeCode: 'surgut', username: 'admin', fullName: 'Админова Анна Андреевна', position: 'Администратор', password: 'admin-pass-1' });
    for (const [username, fullName, roles] of [
      ['priem', 'Приёмова Мария Ивановна', ['reception']],
      ['spec', 'Специалистова Ирина Олеговна', ['specialist']],
      ['head', 'Начальникова Галина Петровна', ['head']],
    ] as const) {
      await call(admin, 'users.create', { username, fullName, position: username === 'head' ? 'Начальник управления' : 'Специалист-эксперт', roles: [...roles], password: PASSWORD });
    }

    // Desk 1, reception: registers through the intake form.
    const reception = await o.desk();
    await signedIn(reception, 'priem', 'Приёмова Мария Ивановна');
    await newApplication(reception, 'home');
    await fillApplicant(reception, { lastName: 'Сетевая', firstName: 'Алёна', middleName: 'Петровна', birthDate: '14.03.1948', sex: 'Женский', snils: snilsFrom(801) });
    await markReceived(reception, 'identity', 'Подлинник', 2);
    await markReceived(reception, 'medical-conclusion', 'Копия', 1);
    const number = await register(reception);
    expect(number).toBe(`1/${officeYear()}`);

    // Desk 2, the specialist: finds the case by its journal number and sends every proposed request.
    const spec = await o.desk();
    await signedIn(spec, 'spec', 'Специалистова Ирина Олеговна');
    await spec.getByLabel('Быстрый поиск').fill(number);
    await spec.getByRole('option', { name: new RegExp(`№ ${number.replace('/', '\\/')}`) }).click();
    await expect(spec).toHaveURL(/#\/cases\/\d+$/);
    const c = await call<CaseView>(spec, 'cases.get', { id: Number(/#\/cases\/(\d+)/.exec(spec.url())![1]) });
    await spec.getByRole('tab', { name: 'Запросы' }).click();
    for (const [i, p] of c.proposedRequests.entries()) {
      await spec.getByTestId(`proposed-${p.agencyCode}`).getByRole('button', { name: 'Направить запрос' }).click();
      const dialog = spec.getByRole('dialog');
      await dialog.getByLabel(/^Исходящий номер/).fill(`15-0${i + 1}`);
      await dialog.getByLabel('СМЭВ').check();
      await dialog.getByRole('button', { name: 'Направить' }).click();
      await expect(dialog).toBeHidden();
    }
    await expect(spec.getByTestId('case-stepper')).toHaveAttribute('data-status', 'requests_sent');
    // Answers, acts and the draft: the processing spec walks them through the UI; here through the same desk's API.
    let v = await call<CaseView>(spec, 'cases.get', { id: c.id });
    for (const r of v.requests) {
      v = await call<CaseView>(spec, 'requests.answer', { requestId: r.id, rev: r.rev, answerDate: r.sentDate, incomingNumber: `вх-${r.id}`, summary: 'Сведения получены' });
    }
    v = await call<CaseView>(spec, 'acts.save', { caseId: c.id, rev: actRev(v, false), form: 'appendix3-citizen', act: CITIZEN_ACT, barthel: SAMPLE_BARTHEL, lawton: SAMPLE_LAWTON });
    v = await call<CaseView>(spec, 'acts.save', { caseId: c.id, rev: actRev(v, true), form: 'appendix4', act: NEED_ACT });
    v = await call<CaseView>(spec, 'cases.completeDocuments', { caseId: c.id, rev: v.rev });
    await call(spec, 'decisions.save', { caseId: c.id, ...draftOf(v), kind: 'refusal', refusal: SAMPLE_REFUSAL });

    // Desk 3, the head: signs.
    const head = await o.desk();
    await signedIn(head, 'head', 'Начальникова Галина Петровна');
    await head.goto(`/#/cases/${c.id}`);
    await head.getByRole('tab', { name: 'Решение' }).click();
    await head.getByRole('button', { name: 'Подписать' }).first().click();
    await head.getByRole('dialog', { name: 'Подписать решение' }).getByRole('button', { name: 'Подписать' }).click();
    await expect(head.getByTestId('decision-1')).toHaveAttribute('data-status', 'signed');
    expect((await call<CaseView>(head, 'cases.get', { id: c.id })).decisions[0].outgoingNumber).toBe(`1/${officeYear()}`);

    // Reception's desk sees the signed result.
    await reception.goto(`/#/cases/${c.id}`);
    await reception.reload();
    await expect(reception.getByTestId('case-stepper')).toHaveAttribute('data-status', 'signed');

    // The administrator: sessions at every desk, the certificate code as the host printed it; ends reception's session.
    // (Setup signed the administrator in at this desk.)
    await admin.goto('/#/admin/sessions');
    await admin.reload();
    await expect(admin.getByRole('heading', { name: 'Сеансы и подключение' })).toBeVisible();
    await expect(admin.getByTestId('certificate-code')).toHaveText(code);
    const table = admin.getByRole('table', { name: 'Активные сеансы' });
    for (const name of ['Приёмова Мария Ивановна', 'Специалистова Ирина Олеговна', 'Начальникова Галина Петровна']) {
      await expect(table.getByRole('row', { name: new RegExp(name) })).toContainText('127.0.0.1');
    }
    if (SHOTS) await admin.screenshot({ path: join(SHOTS, 'sessions.png'), fullPage: false });
    await admin.getByRole('button', { name: 'Завершить сеанс: Приёмова Мария Ивановна' }).click();
    await expect(table.getByRole('row', { name: /Приёмова/ })).toHaveCount(0);
    // Reception's next call finds the session gone: the sign-in screen.
    await reception.getByRole('tab', { name: 'Ход дела' }).click();
    await reception.getByRole('link', { name: /Журнал/ }).first().click();
    await expect(reception.getByRole('heading', { name: 'Вход в Socdesk' })).toBeVisible();
  } finally {
    await o.close();
  }
});

test('the idle warning comes before the limit; «Продолжить работу» keeps the session, doing nothing ends it', async ({ browser }) => {
  const o = await office(browser);
  try {
    const page = await o.desk();
    await page.clock.install();
    await page.reload();
    await call(page, 'setup.init', { officeCode: 'surgut', username: 'admin', fullName: 'Админова Анна Андреевна', position: 'Администратор', password: 'admin-pass-1' });
    // Setup signs the administrator in.
    await page.reload();
    await expect(page.getByTestId('user-menu')).toBeVisible();
    const warning = page.getByRole('dialog', { name: 'Сеанс скоро будет завершён' });
    // 30 minutes by default; the warning shows two minutes before.
    await page.clock.fastForward('27:00');
    await expect(warning).toBeHidden();
    await page.clock.fastForward('01:30');
    await expect(warning).toBeVisible();
    await expect(warning).toContainText(/Через 1:\d\d/);
    if (SHOTS) await page.screenshot({ path: join(SHOTS, 'idle-warning.png') });
    await warning.getByRole('button', { name: 'Продолжить работу' }).click();
    await expect(warning).toBeHidden();
    await page.clock.fastForward('29:00');
    await expect(warning).toBeVisible();
    await page.clock.fastForward('02:00');
    await expect(page.getByRole('heading', { name: 'Вход в Socdesk' })).toBeVisible();
    await expect(page.getByText('Сеанс завершён из-за бездействия. Войдите снова.')).toBeVisible();
  } finally {
    await o.close();
  }
});

test("the desktop app's first start: connect to the office's host after comparing the certificate code", async ({ browser }) => {
  const o = await office(browser);
  try {
    const code = /Код сертификата[^:]*: (\d{5} \d{5} \d{5} \d{5})/.exec(o.stdout())![1];
    const sha256 = /SHA-256 сертификата: (\S+)/.exec(o.stdout())![1];
    const ctx = await browser.newContext({ baseURL: o.url, ignoreHTTPSErrors: true, viewport: { width: 1366, height: 768 } });
    // A stand-in for the Electron shell's bridge (main/index.ts, which needs the Electron binary): it answers
    // with the certificate the real host printed, as the shell's probe of that host would.
    await ctx.addInitScript(
      ({ url, code, sha256 }) => {
        let configured = false;
        const shell: ShellBridge = {
          connection: async () => (configured ? { configured: true, mode: 'remote', url, code } : { configured: false }),
          probe: async (address) =>
            address.trim() === '192.168.1.10'
              ? { ok: true, url: 'https://192.168.1.10:8470/', certificate: { code, sha256, selfSigned: true, validTo: '2036-01-01T00:00:00.000Z' } }
              : { ok: false, message: `Нет связи с сервером Socdesk по адресу https://${address}:8470/. Проверьте адрес, сеть и что сервер запущен.` },
          useThisComputer: async () => ({ ok: true }),
          connect: async (_u, pin) => (pin === sha256 ? ((configured = true), { ok: true }) : { ok: false, message: 'Сертификат сервера изменился после проверки.' }),
        };
        (window as unknown as { shell: ShellBridge }).shell = shell;
      },
      { url: o.url, code, sha256 },
    );
    const page = await ctx.newPage();
    await page.goto('/');
    await expect(page.getByRole('heading', { name: 'Где хранится журнал управления' })).toBeVisible();
    await page.getByLabel('На сервере управления').check();
    await page.getByLabel(/^Адрес сервера/).fill('192.168.1.99');
    await page.getByRole('button', { name: 'Проверить сервер' }).click();
    await expect(page.getByRole('alert')).toContainText('Нет связи с сервером Socdesk');
    await page.getByLabel(/^Адрес сервера/).fill('192.168.1.10');
    await page.getByRole('button', { name: 'Проверить сервер' }).click();
    await expect(page.getByTestId('probed-code')).toHaveText(code);
    if (SHOTS) await page.screenshot({ path: join(SHOTS, 'connection.png') });
    await page.getByRole('button', { name: 'Коды совпадают — подключиться' }).click();
    // Connected: the host's first-run setup follows.
    await expect(page.getByRole('heading', { name: 'Первоначальная настройка Socdesk' })).toBeVisible();
    await ctx.close();
  } finally {
    await o.close();
  }
});
