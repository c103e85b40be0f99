import type { Page } from '@playwright/test';
import type { CaseView } from '../../core/api/reception';
import { BARTHEL_ITEMS, LAWTON_ITEMS } from '../../core/domain/scales';
import { CITIZEN_ACT, NEED_ACT } from '../../scripts/form-samples-acts';
import { SAMPLE_BARTHEL, SAMPLE_LAWTON } from '../../scripts/form-samples-scales';
import { printedText } from './print';
import { sampleApplication } from '../support/applications';
import { expect, login, logout, test, type AppHandle } from './fixtures';
import { officeDateTime, officeYear } from '../support/office-clock';

const PASSWORD = 'staff-pass-1';

async function api<T>(app: AppHandle, method: Parameters<AppHandle['callApi']>[0], input: unknown): Promise<T> {
  const r = await app.callApi(method, input as never);
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.data as T;
}

async function signIn(page: Page, username: string, fullName: string): Promise<void> {
  if (await page.getByTestId('user-menu').isVisible()) await logout(page);
  await login(page, username, PASSWORD);
  await expect(page.getByTestId('user-menu')).toContainText(fullName);
}

/** Opens the case by its address; what was changed through the API meanwhile is on screen without a reload. */
async function openCase(page: Page, id: number, tab: string): Promise<void> {
  await page.goto(page.url().replace(/#.*$/, '') + `#/cases/${id}`);
  await page.getByRole('tab', { name: tab }).click();
}


test('one case walks from registration to issue through the UI', async ({ app }) => {
  test.setTimeout(120_000); // the whole procedure through the UI, three users: long on a loaded machine
  const { page } = app;
  // The office, its staff and a registered application (registration through the UI is reception.spec's).
  await api(app, 'setup.init', { officeCode: 'surgut', username: 'admin', fullName: 'Админова А. А.', position: 'Администратор', password: 'admin-pass-1' });
  for (const [username, fullName, roles] of [
    ['priem', 'Приёмова Мария Ивановна', ['reception']],
    ['spec', 'Специалистова Ирина Олеговна', ['specialist']],
    ['head', 'Начальникова Галина Петровна', ['head']],
  ] as const) {
    await api(app, 'users.create', { username, fullName, position: username === 'head' ? 'Начальник управления' : 'Специалист-эксперт', roles: [...roles], password: PASSWORD });
  }
  await api(app, 'auth.logout', {});
  await page.reload();
  await signIn(page, 'priem', 'Приёмова Мария Ивановна');
  const receivedAt = officeDateTime(5);
  const c = await api<CaseView>(app, 'cases.register', sampleApplication({ receivedAt }));

  // p.45: the specialist sends every proposed request in one dialog, numbered from the register of outgoing documents.
  await signIn(page, 'spec', 'Специалистова Ирина Олеговна');
  await openCase(page, c.id, 'Запросы');
  const n = c.proposedRequests.length;
  const year = officeYear();
  await page.getByRole('button', { name: `Направить все запросы (${n})` }).click();
  const sendAll = page.getByRole('dialog', { name: 'Направить все запросы' });
  const firstRow = sendAll.getByTestId(`send-${c.proposedRequests[0].agencyCode}`);
  await expect(firstRow.getByRole('textbox', { name: /^Исходящий номер/ })).toHaveAttribute('placeholder', `1/${year}`);
  await firstRow.getByText('На бумаге').click();
  await sendAll.getByRole('button', { name: `Направить (${n})` }).click();
  await expect(sendAll).toBeHidden();
  await expect(page.getByTestId('case-stepper')).toHaveAttribute('data-status', 'requests_sent');
  // The letter for the paper request.
  const paperRow = page.locator('[data-testid^="request-"]').filter({ hasText: `1/${year}` });
  const letter = await printedText(page, async () => {
    await paperRow.getByRole('button', { name: 'Письмо' }).click();
  });
  expect(letter).toContain(`1/${year}`);
  expect(letter).toContain('Семёнова Алёна Петровна');
  const sent = page.locator('[data-testid^="request-"]');
  await expect(sent).toHaveCount(n);
  for (let i = 0; i < n; i++) await expect(sent.nth(i)).toContainText(`${i + 1}/${year}`);

  // The answers from one list.
  await page.getByRole('button', { name: 'Зарегистрировать ответы списком' }).click();
  const answers = page.getByRole('dialog', { name: 'Ответы на запросы' });
  for (let i = 0; i < n; i++) {
    await answers.getByRole('textbox', { name: `Входящий номер ответа на исх. № ${i + 1}/${year}` }).fill(`вх-${i + 1}`);
    await answers.getByRole('textbox', { name: `Содержание ответа на исх. № ${i + 1}/${year}` }).fill('Сведения представлены');
  }
  await answers.getByRole('button', { name: `Зарегистрировать (${n})` }).click();
  await expect(answers).toBeHidden();
  await expect(page.locator('[data-testid^="request-"][data-answered="true"]')).toHaveCount(n);

  // The case page tells the truth: every requested document has its answer, the deadlines name each answer, the timeline every step.
  await page.getByRole('tab', { name: 'Заявление и документы' }).click();
  const requestedDocs = page.locator('[data-testid^="case-doc-"][data-state="answered"]');
  await expect(requestedDocs).toHaveCount(c.documents.filter((d) => d.state === 'to_request').length);
  await expect(page.locator('[data-testid^="case-doc-"][data-state="to_request"]')).toHaveCount(0);
  await expect(requestedDocs.first()).toContainText('Ответ получен');
  const deadlines = page.getByTestId('case-deadlines');
  await expect(deadlines).not.toContainText('не требуются');
  await expect(deadlines.getByText(/^получен /)).toHaveCount(n);
  await page.getByRole('tab', { name: 'Ход дела' }).click();
  await expect(page.locator('[data-kind="request"]')).toHaveCount(n);
  await expect(page.locator('[data-kind="answer"]')).toHaveCount(n);
  await expect(page.locator('[data-kind="answer"]').first()).toContainText('Специалистова Ирина Олеговна');

  // The acts: the centre's paper act text is entered beforehand (API), the scales and the degree through the UI.
  const { degree: _degree, ...actWithoutDegree } = CITIZEN_ACT;
  await api(app, 'acts.save', { caseId: c.id, rev: 0, form: 'appendix3-citizen', act: actWithoutDegree, barthel: {}, lawton: {} });
  await api(app, 'acts.save', { caseId: c.id, rev: 0, form: 'appendix4', act: NEED_ACT });
  await openCase(page, c.id, 'Акты');
  await page.getByRole('tab', { name: /Приложение 3/ }).click();
  const act3 = page.getByRole('form', { name: 'Акт обследования гражданина' });
  await expect(page.getByTestId('act-status-appendix3-citizen')).toHaveAttribute('data-complete', 'false');
  for (const item of BARTHEL_ITEMS) await act3.getByTestId(`barthel-${item.key}`).getByRole('radio').nth(SAMPLE_BARTHEL[item.key]).check();
  for (const item of LAWTON_ITEMS) await act3.getByTestId(`lawton-${item.key}`).getByRole('radio').nth(SAMPLE_LAWTON[item.key]).check();
  await expect(act3.getByTestId('barthel-total')).toHaveAttribute('data-score', '70');
  await expect(act3.getByTestId('lawton-total')).toHaveAttribute('data-score', '5');
  await act3.getByLabel('Заключение: степень').selectOption('4');
  await act3.getByRole('button', { name: 'Сохранить' }).click();
  await expect(page.getByTestId('act-status-appendix3-citizen')).toHaveAttribute('data-complete', 'true');
  // The Barthel questionnaire prints as an attachment with the score.
  const barthel = await printedText(page, async () => {
    await act3.getByRole('button', { name: 'Печать: индекс Бартела' }).click();
  });
  expect(barthel).toContain('Семёнова Алёна Петровна');
  expect(barthel).toMatch(/Сумма баллов:\s+70 \(из 100 возможных\)/);
  // A blank questionnaire printed from inside the case carries the person; its date is left to write by hand.
  const blankLawton = await printedText(page, async () => {
    await act3.getByRole('button', { name: 'Пустой бланк' }).click();
    await page.getByRole('menuitem', { name: 'Анкета: шкала Лаутона' }).click();
  });
  expect(blankLawton).toContain('Семёнова Алёна Петровна');
  expect(blankLawton).toMatch(/Дата обследования:\s+«___» ____________ 20___ г\./);
  expect(blankLawton).not.toMatch(/Сумма баллов:\s+\d/);

  await page.getByRole('button', { name: 'Документы собраны', exact: true }).click();
  await expect(page.getByTestId('case-stepper')).toHaveAttribute('data-status', 'documents_complete');

  // p.46: the ИППСУ drafted from the Appendix 4 act.
  await page.getByRole('tab', { name: 'Решение' }).click();
  const decision = page.getByRole('form', { name: 'Проект решения' });
  await decision.getByText('Признать нуждающимся (ИППСУ)').click();
  await decision.getByRole('button', { name: 'Заполнить из акта (приложение 4)' }).click();
  await decision.getByRole('radiogroup', { name: 'Программа составлена' }).getByLabel('впервые').check();
  await decision.getByLabel(/^На срок до/).fill(`31.12.${officeYear() + 1}`);
  await page.getByRole('button', { name: 'Сохранить проект' }).click();
  await expect(page.getByTestId('decision-1')).toHaveAttribute('data-status', 'draft');

  // A specialist cannot sign: the backend refuses.
  const draft = (await api<CaseView>(app, 'cases.get', { id: c.id })).decisions[0];
  const refused = await app.callApi('decisions.sign', { decisionId: draft.id, rev: draft.rev });
  expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

  // The head signs.
  await signIn(page, 'head', 'Начальникова Галина Петровна');
  await openCase(page, c.id, 'Решение');
  await page.getByRole('button', { name: 'Подписать' }).first().click();
  await page.getByRole('dialog', { name: 'Подписать решение' }).getByRole('button', { name: 'Подписать' }).click();
  await expect(page.getByTestId('decision-1')).toHaveAttribute('data-status', 'signed');
  const ippsu = await printedText(page, async () => {
    await page.getByTestId('decision-1').getByRole('button', { name: 'Печать' }).click();
  });
  expect(ippsu).toMatch(/ИНДИВИДУАЛЬНАЯ ПРОГРАММА/i);
  expect(ippsu).toContain('Семёнова Алёна Петровна');
  expect(ippsu).toContain('Начальникова');
  expect(ippsu).toContain(`${n + 1}/${year}`); // the register of outgoing documents goes on after the requests
  expect(ippsu).not.toMatch(/ПРОЕКТ/);

  // p.47: reception sends it by post.
  await signIn(page, 'priem', 'Приёмова Мария Ивановна');
  await openCase(page, c.id, 'Выдача');
  const issue = page.getByRole('form', { name: 'Выдача результата' });
  await issue.getByLabel('Почтой').check();
  await issue.getByLabel(/^Почтовый идентификатор/).fill('62840012345678');
  await issue.getByRole('button', { name: 'Отметить отправку почтой' }).click();
  await expect(page.getByTestId('case-stepper')).toHaveAttribute('data-status', 'issued');
  await expect(page.getByTestId('issued')).toContainText('62840012345678');

  // The timeline shows every step.
  await page.getByRole('tab', { name: 'Ход дела' }).click();
  for (const step of ['Зарегистрировано', 'Направлены запросы', 'Документы собраны', 'Решение подготовлено', 'Подписано', 'Выдано']) {
    await expect(page.getByRole('tabpanel').getByText(step).first()).toBeVisible();
  }
});
