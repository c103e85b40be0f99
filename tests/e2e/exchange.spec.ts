import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CaseView } from '../../core/api/reception';
import { CITIZEN_ACT, NEED_ACT } from '../../scripts/form-samples-acts';
import { SAMPLE_IPPSU } from '../../scripts/form-samples-decision';
import { SAMPLE_BARTHEL, SAMPLE_LAWTON } from '../../scripts/form-samples-scales';
import { APPLICATION_159N } from '../../core/domain/application-159n';
import { SAMPLE_APPLICATION_159N, applicationSubmitted, contractStatus } from '../../tools/portal-emulator/samples';
import { startEmulator, type Emulator } from '../../tools/portal-emulator/server';
import { expect, login, test, type AppHandle } from './fixtures';
import { officeToday } from '../support/office-clock';

const SECRET = 'e2e-secret-0123456789';
let emu: Emulator;
let emuDir: string;

test.beforeEach(async () => {
  emuDir = mkdtempSync(join(tmpdir(), 'socdesk-emu-'));
  emu = await startEmulator({ dbFile: join(emuDir, 'emulator.sqlite'), offices: { surgut: SECRET } });
});
test.afterEach(async () => {
  await emu.close();
  rmSync(emuDir, { recursive: true, force: true });
});

async function office(app: AppHandle): Promise<void> {
  await app.callApi('setup.init', { officeCode: 'surgut', username: 'admin', fullName: 'Админова А. А.', position: 'Администратор', password: 'admin-pass-1' });
  await app.callApi('users.create', { username: 'work', fullName: 'Работникова Вера Павловна', position: 'Главный специалист', roles: ['reception', 'specialist', 'head'], password: 'work-pass-1' });
  await app.callApi('exchange.saveSettings', { portalUrl: emu.url, officeSecret: SECRET, intervalMinutes: 60 });
  await app.callApi('auth.logout', {});
  await app.page.reload();
  await login(app.page, 'work', 'work-pass-1');
  await expect(app.page.getByTestId('user-menu')).toContainText('Работникова');
}

async function api<T>(app: AppHandle, method: Parameters<AppHandle['callApi']>[0], input: unknown): Promise<T> {
  const r = await app.callApi(method, input as never);
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.data as T;
}

test('package files: a specialist does not get the buttons, an administrator does', async ({ app }) => {
  const { page } = app;
  await office(app);
  await page.goto(page.url().replace(/#.*$/, '') + '#/exchange');
  await expect(page.getByRole('heading', { name: 'Файловый обмен (без связи)' })).toBeVisible();
  await expect(page.getByTestId('packages-not-allowed')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Выгрузить пакет' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Загрузить пакет портала' })).toHaveCount(0);
  await page.getByRole('heading', { name: 'Файловый обмен (без связи)' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/exchange-packages-specialist.png' });

  await app.callApi('auth.logout', {});
  await page.reload();
  await login(page, 'admin', 'admin-pass-1');
  await expect(page.getByTestId('user-menu')).toContainText('Админова');
  await page.getByRole('link', { name: /^Обмен/ }).click();
  await expect(page.getByRole('heading', { name: 'Файловый обмен (без связи)' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Выгрузить пакет' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Загрузить пакет портала' })).toBeVisible();
  await expect(page.getByTestId('packages-not-allowed')).toHaveCount(0);
});

test('an online application arrives from the portal, is registered, «Принято» and a signed contract flow both ways', async ({ app }) => {
  const { page } = app;
  await office(app);
  emu.createInbound('surgut', 'application.submitted', applicationSubmitted({ seed: 5, lastName: 'Порталова' }));

  await page.goto(page.url().replace(/#.*$/, '') + '#/exchange');
  await page.getByRole('button', { name: 'Обменяться сейчас' }).click();
  await expect(page.getByTestId('sync-report')).toContainText('получено 1');

  await page.goto(page.url().replace(/#.*$/, '') + '#/journal');
  const queue = page.getByTestId('portal-queue');
  await expect(queue).toContainText('Порталова');
  await queue.getByRole('button', { name: 'Зарегистрировать' }).click();
  await expect(page.getByTestId('portal-prefill')).toBeVisible();
  await expect(page.getByRole('group', { name: /^Заявитель/ }).getByLabel(/^Фамилия( \*)?$/)).toHaveValue('Порталова');
  // The 159н fields the citizen filled in on the portal arrive in the intake's «Сведения заявления (форма 159н)».
  const app159 = page.getByRole('group', { name: 'Сведения заявления (форма 159н)' });
  await expect(app159.getByLabel(APPLICATION_159N.request.providers)).toHaveValue(SAMPLE_APPLICATION_159N.desiredProviders);
  await expect(app159.getByLabel(APPLICATION_159N.living.household)).toHaveValue(SAMPLE_APPLICATION_159N.household);
  await page.getByRole('button', { name: /Зарегистрировать/ }).click();
  const done = page.getByTestId('registered');
  await expect(done).toBeVisible();
  const number = /№ (\d+\/\d{4})/.exec((await done.getByRole('heading').first().textContent()) ?? '')![1];

  // «Принято» reaches the portal at the next exchange.
  await page.goto(page.url().replace(/#.*$/, '') + '#/exchange');
  await page.getByRole('button', { name: 'Обменяться сейчас' }).click();
  await expect(page.getByTestId('sync-report')).toContainText('Отправлено 2');
  const statuses = emu.received('surgut').filter((e) => e.type === 'application.status').map((e) => (e.payload as { status: string }).status);
  expect(statuses).toEqual(['Принято']);

  // The case is processed to a signed ИППСУ (through the API: the UI walk is processing.spec's), then the portal signs a contract.
  const list = await api<{ rows: { id: number; journalNumber: string }[] }>(app, 'cases.list', {});
  let c = await api<CaseView>(app, 'cases.get', { id: list.rows.find((r) => r.journalNumber === number)!.id });
  for (const [i, p] of c.proposedRequests.entries()) {
    c = await api<CaseView>(app, 'requests.send', { caseId: c.id, agencyCode: p.agencyCode, documentKeys: p.documentKeys, subject: p.subject, channel: 'smev', outgoingNumber: `e2e-${i}`, sentDate: officeToday(c.registeredAt) });
  }
  for (const r of c.requests) c = await api<CaseView>(app, 'requests.answer', { requestId: r.id, rev: r.rev, answerDate: r.sentDate, incomingNumber: `вх-${r.id}`, summary: 'Сведения получены' });
  await api(app, 'acts.save', { caseId: c.id, rev: 0, form: 'appendix3-citizen', act: CITIZEN_ACT, barthel: SAMPLE_BARTHEL, lawton: SAMPLE_LAWTON });
  c = await api<CaseView>(app, 'acts.save', { caseId: c.id, rev: 0, form: 'appendix4', act: NEED_ACT });
  await api(app, 'cases.completeDocuments', { caseId: c.id, rev: c.rev });
  const today = officeToday();
  c = await api<CaseView>(app, 'decisions.save', { caseId: c.id, decisionId: null, rev: 0, kind: 'ippsu', ippsu: { ...SAMPLE_IPPSU, date: today, termUntil: `${Number(today.slice(0, 4)) + 1}-12-31` } });
  c = await api<CaseView>(app, 'decisions.sign', { decisionId: c.decisions[0].id, rev: c.decisions[0].rev });
  const ippsuNumber = c.decisions[0].outgoingNumber!;

  emu.createInbound('surgut', 'contract.status', contractStatus({ ippsu: ippsuNumber, status: 'Подписан', provider: 'БУ «Сургутский комплексный центр социального обслуживания населения»' }));
  await page.getByRole('button', { name: 'Обменяться сейчас' }).click();
  await expect(page.getByTestId('sync-report')).toContainText('получено 1');
  const received = emu.received('surgut').map((e) => e.type);
  expect(received).toContain('ippsu.signed');
  expect(emu.received('surgut').filter((e) => e.type === 'application.status').map((e) => (e.payload as { status: string }).status)).toEqual(['Принято', 'В работе', 'Одобрено']);

  await page.goto(page.url().replace(/#.*$/, '') + `#/cases/${c.id}`);
  const contracts = page.getByTestId('portal-contracts');
  await expect(contracts).toContainText('Подписан');
  await expect(contracts).toContainText('Сургутский комплексный центр');
});
