/**
 * The office's control through the real UI (issue 10): role homes at every
 * sign-in with each user's own filters, the sign-off round trip through
 * «На подпись», the dashboard's charts, a complaint with its deadlines and
 * answer letter (opened in LibreOffice), and an XLSX export equal to its list.
 */
import type { Download, Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ComplaintView } from '../../core/api/complaints';
import type { CaseView } from '../../core/api/reception';
import { addDays } from '../../core/domain/dates';
import { SAMPLE_IPPSU, SAMPLE_REFUSAL } from '../../scripts/form-samples-decision';
import { docxToPdf } from '../helpers/docx-text';
import { docxText } from '../helpers/docx-xml';
import { sampleApplication, snilsFrom } from '../support/applications';
import { draftOf, draftRefusal } from '../support/case-steps';
import { officeDateTime, officeToday } from '../support/office-clock';
import { expect, login, logout, test, type AppHandle } from './fixtures';

const PASSWORD = 'staff-pass-1';
const USERS = {
  priem: ['Приёмова Мария Ивановна', ['reception']],
  spec: ['Специалистова Ирина Олеговна', ['specialist']],
  head: ['Начальникова Галина Петровна', ['head']],
} as const;

async function api<T = CaseView>(app: AppHandle, method: Parameters<AppHandle['callApi']>[0], input: unknown): Promise<T> {
  const r = await app.callApi(method, input as never);
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.data as T;
}

async function setUp(app: AppHandle): Promise<void> {
  await api(app, 'setup.init', { officeCode: 'surgut', username: 'admin', fullName: 'Админова А. А.', position: 'Администратор', password: 'admin-pass-1' });
  for (const [username, [fullName, roles]] of Object.entries(USERS)) {
    await api(app, 'users.create', { username, fullName, position: username === 'head' ? 'Начальник управления' : 'Специалист-эксперт', roles: [...roles], password: PASSWORD });
  }
  await api(app, 'auth.logout', {});
  await app.page.reload();
}

async function signIn(page: Page, username: keyof typeof USERS): Promise<void> {
  if (await page.getByTestId('user-menu').isVisible()) await logout(page);
  await login(page, username, PASSWORD);
  await expect(page.getByTestId('user-menu')).toContainText(USERS[username][0]);
}

const nav = (page: Page, name: string) => page.getByRole('navigation', { name: 'Разделы' }).getByRole('link', { name: new RegExp(`^${name}`) });

async function download(page: Page, click: () => Promise<void>): Promise<Buffer> {
  const d: Promise<Download> = page.waitForEvent('download');
  await click();
  return readFileSync((await (await d).path())!);
}

test('three users in turn: each lands on their own home with their own filters; a draft goes to the head, comes back, and is signed from «На подпись»', async ({ app }) => {
  test.setTimeout(180_000);
  const { page } = app;
  await page.setViewportSize({ width: 1366, height: 768 });
  await setUp(app);

  // Reception: the journal, the intake one key away; a filter of their own on «Дела».
  await signIn(page, 'priem');
  await expect(page).toHaveURL(/#\/journal$/);
  await expect(page.getByRole('heading', { name: 'Журнал регистрации заявлений' })).toBeVisible();
  await page.keyboard.press('Alt+KeyN');
  await expect(page.getByRole('heading', { name: 'Новое заявление' })).toBeVisible();
  await nav(page, 'Дела').click();
  await page.getByRole('textbox', { name: 'Поиск', exact: true }).fill('Приёмный фильтр');
  await expect(page.getByText('Найдено дел: 0')).toBeVisible();

  // The specialist: «Мои дела», not reception's screen, and «Дела» without reception's filter.
  await signIn(page, 'spec');
  await expect(page).toHaveURL(/#\/my$/);
  await expect(page.getByRole('heading', { name: 'Мои дела' })).toBeVisible();
  const other = await api(app, 'cases.register', sampleApplication({ receivedAt: officeDateTime(30), applicant: { snils: snilsFrom(501), lastName: 'Первова' } }));
  const c = await api(app, 'cases.register', sampleApplication({ receivedAt: officeDateTime(20), applicant: { snils: snilsFrom(502), lastName: 'Второва' } }));
  await draftRefusal((m, i) => api(app, m as never, i), c);
  await nav(page, 'Дела').click();
  await expect(page.getByRole('textbox', { name: 'Поиск', exact: true })).toHaveValue('');
  await expect(page.getByText('Найдено дел: 2')).toBeVisible();
  await page.getByRole('textbox', { name: 'Поиск', exact: true }).fill('Второва');
  await expect(page.getByText('Найдено дел: 1')).toBeVisible();
  // The responsible specialist shows in the list.
  await expect(page.getByTestId(`case-row-${c.id}`)).toContainText('Специалистова И. О.');

  // «Передать на подпись» on the draft.
  await page.getByTestId(`case-row-${c.id}`).click();
  await page.getByRole('tab', { name: 'Решение' }).click();
  await page.getByRole('button', { name: 'Передать на подпись' }).click();
  await page.getByRole('dialog').getByLabel('Комментарий для руководителя').fill('Прошу подписать');
  await page.getByRole('dialog').getByRole('button', { name: 'Передать' }).click();
  await expect(page.getByTestId('awaiting-note')).toBeVisible();

  // The head: the dashboard (with its charts), the badge on «На подпись», the return with a comment.
  await signIn(page, 'head');
  await expect(page).toHaveURL(/#\/control$/);
  await expect(page.getByTestId('dashboard')).toBeVisible();
  for (const chart of ['chart-subservice', 'chart-channel', 'chart-outcomes', 'chart-durations']) {
    await expect(page.getByTestId(chart).locator('svg.recharts-surface').first()).toBeVisible();
  }
  // This month's applications are a bar (the months before have none).
  await expect(page.getByTestId('chart-subservice').locator('.recharts-bar-rectangle path').first()).toBeVisible();
  await page.mouse.move(5, 760);
  await page.screenshot({ path: 'test-results/control-dashboard-1366.png' });
  await page.screenshot({ path: 'test-results/control-dashboard-full.png', fullPage: true });
  await expect(nav(page, 'На подпись').getByTestId('badge-signoff')).toHaveText('1');
  // A figure opens the list behind it.
  await page.getByRole('button', { name: /^Без ответственного: / }).click();
  await expect(page.getByText('Найдено дел: 0')).toBeVisible();
  await nav(page, 'Дела').click();
  await expect(page.getByRole('textbox', { name: 'Поиск', exact: true })).toHaveValue('');
  await nav(page, 'На подпись').click();
  const row = page.getByTestId(`signoff-row-${c.id}`);
  await expect(row).toContainText('Прошу подписать');
  await row.getByRole('button', { name: 'Рассмотреть' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText(`Дело № ${c.journalNumber}`);
  await page.screenshot({ path: 'test-results/control-signoff-review.png' });
  await dialog.getByRole('button', { name: 'Вернуть на доработку' }).click();
  await dialog.getByRole('button', { name: 'Вернуть' }).click();
  await expect(dialog.getByText('Напишите, что доработать')).toBeVisible();
  await dialog.getByLabel('Что доработать').fill('Уточните мотивировку отказа');
  await dialog.getByRole('button', { name: 'Вернуть' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Проектов на подпись нет')).toBeVisible();

  // The specialist: the returned draft first, with the comment; fixed and sent again.
  await signIn(page, 'spec');
  await expect(page).toHaveURL(/#\/my$/);
  const first = page.locator('[data-testid^="case-row-"]').first();
  await expect(first).toHaveAttribute('data-testid', `case-row-${c.id}`);
  await expect(first.locator('[data-action="draft_returned"]')).toBeVisible();
  await page.screenshot({ path: 'test-results/control-my-cases.png' });
  await expect(page.locator(`[data-testid="case-row-${other.id}"]`)).toBeVisible();
  await first.click();
  await page.getByRole('tab', { name: 'Решение' }).click();
  await expect(page.getByTestId('returned-note')).toContainText('Уточните мотивировку отказа');
  await page.screenshot({ path: 'test-results/control-returned-draft.png' });
  const now = await api(app, 'cases.get', { id: c.id });
  await api(app, 'decisions.save', { caseId: c.id, ...draftOf(now), kind: 'refusal', refusal: { ...SAMPLE_REFUSAL, motivatedText: `${SAMPLE_REFUSAL.motivatedText} Мотивировка уточнена.` } });
  await page.getByRole('button', { name: 'Передать на подпись' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Передать' }).click();
  await expect(page.getByTestId('awaiting-note')).toBeVisible();
  // The return and its comment are on the timeline.
  await page.getByRole('tab', { name: 'Ход дела' }).click();
  await expect(page.getByRole('tabpanel')).toContainText('Уточните мотивировку отказа');

  // The head signs from «На подпись»: one review screen, one confirmation.
  await signIn(page, 'head');
  await expect(page).toHaveURL(/#\/control$/);
  await nav(page, 'На подпись').click();
  await page.getByTestId(`signoff-row-${c.id}`).getByRole('button', { name: 'Рассмотреть' }).click();
  await expect(dialog).toContainText('Мотивировка уточнена.');
  await dialog.getByRole('button', { name: 'Подписать' }).click();
  await dialog.getByRole('button', { name: 'Подтвердить подпись' }).click();
  await expect(page.getByText(/Подписано: исх\. №/)).toBeVisible();
  await expect(page.getByText('Проектов на подпись нет')).toBeVisible();
  expect((await api(app, 'cases.get', { id: c.id })).status).toBe('signed');

  // Reception again: their home, and their own filter kept.
  await signIn(page, 'priem');
  await expect(page).toHaveURL(/#\/journal$/);
  await nav(page, 'Дела').click();
  await expect(page.getByRole('textbox', { name: 'Поиск', exact: true })).toHaveValue('Приёмный фильтр');
});

test('a complaint with its deadlines and answer letter; an XLSX export equal to its list', async ({ app }) => {
  test.setTimeout(180_000);
  const { page } = app;
  await page.setViewportSize({ width: 1366, height: 768 });
  await setUp(app);
  await signIn(page, 'spec');
  for (let i = 0; i < 3; i++) {
    await api(app, 'cases.register', sampleApplication({ receivedAt: officeDateTime(40 - i), applicant: { snils: snilsFrom(600 + i), lastName: `Выгрузкина${i}` } }));
  }
  const linked = (await api<{ rows: CaseView[] }>(app, 'cases.list', { sort: 'number_asc' })).rows[0]!;

  // The complaint registered through the form (p.65 fields, channel, case link).
  await nav(page, 'Жалобы').click();
  await page.getByRole('link', { name: 'Зарегистрировать жалобу' }).click();
  const form = page.getByRole('form', { name: 'Жалоба' });
  await form.getByLabel('Способ поступления').click();
  await page.getByRole('option', { name: 'Почтой' }).click();
  await form.getByLabel('Дело, по которому подана жалоба').fill(linked.journalNumber);
  await page.getByRole('option', { name: new RegExp(`№ ${linked.journalNumber.replace('/', '\\/')} `) }).click();
  await form.getByLabel('Кому адресована').fill('Начальнику управления социальной защиты населения');
  await form.getByLabel('Учреждение, должностное лицо, чьи решения обжалуются').fill('Специалист-эксперт Специалистова И. О.');
  await form.getByLabel('Обжалуемые решения и действия (бездействие)').fill('Нарушен срок рассмотрения заявления');
  await form.getByLabel('нарушение срока предоставления государственной услуги').check();
  await form.getByLabel('Фамилия').fill('Жалобина');
  await form.getByLabel(/^Имя/).fill('Вера');
  await form.getByLabel('Место жительства').fill('г. Сургут, ул. Мира, д. 1, кв. 5');
  await form.getByLabel('Почтовый адрес для ответа').fill('628400, г. Сургут, ул. Мира, д. 1, кв. 5');
  await form.getByLabel('Доводы заявителя').fill('Результат не выдан в срок.');
  await page.screenshot({ path: 'test-results/control-complaint-form.png' });
  await form.getByRole('button', { name: 'Зарегистрировать' }).click();
  await expect(page.getByRole('heading', { name: /^Жалоба № / })).toBeVisible();
  // Its deadlines: registration (p.67) and decision in 15 working days (p.61).
  await expect(page.getByTestId('complaint-deadline-registration')).toBeVisible();
  await expect(page.getByTestId('complaint-deadline-decision')).toBeVisible();
  const id = Number(/#\/complaints\/(\d+)/.exec(page.url())![1]);
  const k = await api<ComplaintView>(app, 'complaints.get', { id });
  expect(k.caseId).toBe(linked.id);
  await expect(page.getByTestId('complaint-deadline-decision')).toContainText(k.deadlines.decision!.split('-').reverse().join('.'));

  // The head decides (the form of p.70) and the answer letter opens in LibreOffice.
  await signIn(page, 'head');
  await nav(page, 'Жалобы').click();
  await expect(page.getByTestId(`complaint-row-${id}`)).toContainText('Жалобина Вера');
  await page.getByTestId(`complaint-row-${id}`).click();
  await page.getByRole('button', { name: 'Принять решение' }).click();
  const d = page.getByRole('dialog');
  await d.getByLabel('Номер решения').fill('Ж-1');
  await d.getByLabel('Место принятия').fill('г. Сургут');
  await d.getByLabel('Должность принявшего решение').fill('Начальник управления');
  await d.getByLabel('ФИО принявшего решение').fill('Начальникова Г. П.');
  await d.getByLabel(/^Решение/).click();
  await page.getByRole('option', { name: 'Жалоба удовлетворена' }).click();
  await d.getByLabel('Основания принятого решения').fill('Срок рассмотрения нарушен.');
  await d.getByLabel('Меры по устранению нарушений и их сроки').fill('Выдать результат в течение 5 рабочих дней.');
  await d.getByRole('button', { name: 'Сохранить' }).click();
  await expect(d).toBeHidden();
  await expect(page.getByTestId('complaint-deadline-remedy')).toBeVisible();
  await page.screenshot({ path: 'test-results/control-complaint.png' });
  // The letter opens in «Просмотр и печать»; «Сохранить DOCX» saves the same file.
  const docx = await download(page, async () => {
    await page.getByRole('button', { name: 'Ответ заявителю (DOCX)' }).click();
    await page.getByRole('button', { name: 'Сохранить DOCX' }).click();
  });
  await page.keyboard.press('Escape');
  const letterText = docxText(docx);
  expect(letterText).toContain('Жалобина');
  expect(letterText).toContain('Ж-1');
  // And it opens in LibreOffice, where LibreOffice is installed (the render layer's tools).
  if (spawnSync('sh', ['-c', 'command -v soffice && command -v pdftotext']).status === 0) {
    const dir = mkdtempSync(join(tmpdir(), 'socdesk-complaint-'));
    const pdf = docxToPdf(docx, join(dir, 'answer.pdf'));
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    expect(text).toContain('Жалобина');
    expect(text).toContain('Ж-1');
  }

  // «Дела» to XLSX: the rows equal the list on screen.
  await nav(page, 'Дела').click();
  await expect(page.getByText('Найдено дел: 3')).toBeVisible();
  const shown = await page.locator('[data-testid^="case-row-"]').evaluateAll((rows) => rows.map((r) => r.querySelector('a')!.textContent!.trim()));
  const xlsx = await download(page, () => page.getByRole('button', { name: 'Выгрузить таблицу' }).click());
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(xlsx as unknown as ArrayBuffer);
  const ws = book.worksheets[0]!;
  const header = (ws.getRow(1).values as unknown[]).slice(1);
  expect(header).toContain('Ответственный');
  const numbers: string[] = [];
  ws.eachRow((r, n) => {
    if (n > 1) numbers.push(String(r.getCell(1).value));
  });
  expect(numbers).toEqual(shown);

  // The statistical report of the dashboard's period as XLSX.
  await nav(page, 'Контроль').click();
  const report = await download(page, () => page.getByRole('button', { name: 'Отчёт (XLSX)' }).click());
  const stats = new ExcelJS.Workbook();
  await stats.xlsx.load(report as unknown as ArrayBuffer);
  expect(stats.worksheets.length).toBeGreaterThan(0);
  const cells: string[] = [];
  for (const ws of stats.worksheets) ws.eachRow((r) => r.eachCell((cell) => void cells.push(String(cell.value))));
  expect(cells.join(' ')).toContain('Жалоб');
});

test('«Пересмотр ИППСУ»: a programme ending soon, a change of circumstances, a review application pre-filled; the term refused in the form; the terms as data; notifications', async ({ app }) => {
  test.setTimeout(180_000);
  const { page } = app;
  await page.setViewportSize({ width: 1366, height: 768 });
  await setUp(app);
  await signIn(page, 'spec');
  const today = officeToday();
  const plus = (days: number) => addDays(today, days);
  const c = await api(app, 'cases.register', sampleApplication({ receivedAt: officeDateTime(30), applicant: { snils: snilsFrom(701), lastName: 'Пересмотрова' } }));
  await draftRefusal((m, i) => api(app, m as never, i), c);
  const v = await api(app, 'cases.get', { id: c.id });
  await api(app, 'decisions.save', { caseId: c.id, ...draftOf(v), kind: 'ippsu', ippsu: { ...SAMPLE_IPPSU, date: today, termUntil: plus(30) } });
  await api(app, 'signoff.submit', { caseId: c.id, comment: 'Прошу подписать ИППСУ' });

  // The head is notified of the draft to sign (bell and badge).
  await signIn(page, 'head');
  await expect(page.getByTestId('notifications')).toHaveAttribute('aria-label', /непрочитанных 1/);
  await page.getByTestId('notifications').click();
  await expect(page.getByRole('dialog').getByText(new RegExp(`№ ${c.journalNumber.replace('/', '\\/')}`))).toBeVisible();
  await page.keyboard.press('Escape');
  const signed = await api(app, 'decisions.sign', { ...draftOf(await api(app, 'cases.get', { id: c.id })) });
  expect(signed.status).toBe('signed');

  // The specialist records a change of circumstances; the programme is listed for review.
  await signIn(page, 'spec');
  await page.goto(page.url().replace(/#.*$/, '') + `#/persons/${c.personId}`);
  await page.getByRole('button', { name: 'Записать изменение' }).click();
  const dlg = page.getByRole('dialog');
  await dlg.getByLabel('Что изменилось').click();
  await page.getByRole('option', { name: 'Установлена инвалидность' }).click();
  await dlg.getByRole('button', { name: 'Записать' }).click();
  await expect(dlg).toBeHidden();
  await expect(page.getByText('Установлена инвалидность')).toBeVisible();
  await nav(page, 'Пересмотр ИППСУ').click();
  const decisionId = signed.decisions.find((d) => d.status === 'signed')!.id;
  const row = page.getByTestId(`review-row-${decisionId}`);
  await expect(row).toContainText('Пересмотрова');
  await expect(row).toContainText(`Срок программы истекает ${plus(30).split('-').reverse().join('.')}`);
  await expect(row).toContainText('Установлена инвалидность');
  await page.screenshot({ path: 'test-results/control-reviews.png' });
  await row.getByRole('link', { name: 'Зарегистрировать заявление о пересмотре' }).click();
  await expect(page.getByTestId('review-prefill')).toContainText(`дело № ${c.journalNumber}`);
  await expect(page.getByLabel(/^Фамилия/).first()).toHaveValue('Пересмотрова');

  // The ИППСУ term: more than three years is refused in the form at once.
  const other = await api(app, 'cases.register', sampleApplication({ receivedAt: officeDateTime(20), applicant: { snils: snilsFrom(702), lastName: 'Срокова' } }));
  await draftRefusal((m, i) => api(app, m as never, i), other);
  await api(app, 'decisions.save', { caseId: other.id, ...draftOf(await api(app, 'cases.get', { id: other.id })), kind: 'ippsu', ippsu: { ...SAMPLE_IPPSU, date: today, termUntil: plus(60) } });
  await page.goto(page.url().replace(/#.*$/, '') + `#/cases/${other.id}`);
  // The pre-filled intake is left without registering.
  const leave = page.getByRole('dialog', { name: 'Несохранённые изменения' });
  await leave.getByRole('button', { name: 'Уйти без сохранения' }).click({ timeout: 3000 }).catch(() => undefined);
  await page.getByRole('tab', { name: 'Решение' }).click();
  const term = page.getByLabel(/^На срок до/);
  await term.fill(plus(4 * 366).split('-').reverse().join('.'));
  await expect(page.getByText(/Программа составляется не более чем на три года/)).toBeVisible();

  await page.screenshot({ path: 'test-results/control-ippsu-term.png' });

  // The administrator: the terms of the regulation as data, an amendment from a later date.
  await logout(page);
  await login(page, 'admin', 'admin-pass-1');
  await expect(page).toHaveURL(/#\/admin\/office$/);
  await page.getByRole('link', { name: 'Сроки регламента' }).click();
  const terms = page.getByRole('table', { name: 'Сроки регламента' });
  await expect(terms).toContainText('п. 17');
  const rows = await terms.locator('tbody tr').count();
  await terms.locator('tbody tr').first().getByRole('button', { name: 'Изменить' }).click();
  const t = page.getByRole('dialog');
  await t.getByLabel(/^Действует с/).fill(plus(400).split('-').reverse().join('.'));
  await t.getByLabel(/^Основание/).fill('Изменения в административный регламент (проверка)');
  await t.getByRole('button', { name: 'Сохранить' }).click();
  await expect(t).toBeHidden();
  await expect(terms.locator('tbody tr')).toHaveCount(rows + 1);
  await expect(terms).toContainText('Изменения в административный регламент (проверка)');
  await page.screenshot({ path: 'test-results/control-terms.png' });
});
