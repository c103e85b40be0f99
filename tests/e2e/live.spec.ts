/**
 * The live office: several workstations (browser contexts, each with its own
 * session) on one host. What one desk commits shows at the others without a
 * reload; two people editing one act cannot overwrite each other; leaving an
 * edited act asks first; a host that goes away and comes back loses nothing
 * that was typed.
 */
import type { Page } from '@playwright/test';
import type { CaseView } from '../../core/api/reception';
import { CITIZEN_ACT, NEED_ACT } from '../../scripts/form-samples-acts';
import { SAMPLE_BARTHEL, SAMPLE_LAWTON } from '../../scripts/form-samples-scales';
import { sampleApplication, snilsFrom } from '../support/applications';
import { officeDateTime, officeToday, officeYear } from '../support/office-clock';
import { expect, login, officeTest as test, type Desk, type OfficeHandle } from './fixtures';

const PASSWORD = 'staff-pass-1';
const STAFF = [
  ['priem', 'Приёмова Мария Ивановна', ['reception']],
  ['spec1', 'Специалистова Ирина Олеговна', ['specialist']],
  ['spec2', 'Второва Анна Петровна', ['specialist']],
  ['head', 'Начальникова Галина Петровна', ['head']],
] as const;
type Who = (typeof STAFF)[number][0];

async function staffOffice(office: OfficeHandle): Promise<void> {
  await office.seed('setup.init', { officeCode: 'surgut', username: 'admin', fullName: 'Админова А. А.', position: 'Администратор', password: 'admin-pass-1' });
  for (const [username, fullName, roles] of STAFF) {
    await office.seed('users.create', { username, fullName, position: username === 'head' ? 'Начальник управления' : 'Специалист-эксперт', roles: [...roles], password: PASSWORD });
  }
}

/** The seeding client acts as `who` from now on. */
const seedAs = (office: OfficeHandle, who: Who) => office.seed('auth.login', { username: who, password: PASSWORD });

async function signedIn(office: OfficeHandle, who: Who): Promise<Desk> {
  const desk = await office.desk();
  await login(desk.page, who, PASSWORD);
  await expect(desk.page.getByTestId('user-menu')).toContainText(STAFF.find((s) => s[0] === who)![1]);
  return desk;
}

async function api<T = CaseView>(desk: Desk, method: Parameters<Desk['callApi']>[0], input: unknown): Promise<T> {
  const r = await desk.callApi(method, input as never);
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.data as T;
}

/** A registered case with its requests answered and both acts complete: next comes the decision. */
async function caseReadyForDecision(office: OfficeHandle): Promise<CaseView> {
  await seedAs(office, 'priem');
  let c = await office.seed('cases.register', sampleApplication({ receivedAt: officeDateTime(10), applicant: { snils: snilsFrom(31), lastName: 'Решетова' } }));
  await seedAs(office, 'spec1');
  for (const p of c.proposedRequests) {
    c = await office.seed('requests.send', { caseId: c.id, agencyCode: p.agencyCode, documentKeys: p.documentKeys, subject: p.subject, channel: 'smev', outgoingNumber: `15-${p.agencyCode}`, sentDate: officeToday() });
  }
  for (const r of c.requests) c = await office.seed('requests.answer', { requestId: r.id, rev: r.rev, answerDate: officeToday(), incomingNumber: `вх-${r.id}`, summary: 'Сведения получены' });
  await office.seed('acts.save', { caseId: c.id, rev: 0, form: 'appendix3-citizen', act: CITIZEN_ACT, barthel: SAMPLE_BARTHEL, lawton: SAMPLE_LAWTON });
  c = await office.seed('acts.save', { caseId: c.id, rev: 0, form: 'appendix4', act: NEED_ACT });
  return office.seed('cases.completeDocuments', { caseId: c.id, rev: c.rev });
}

/** Opens a case from the journal through the app's own links (so Back has somewhere to go). */
async function openFromJournal(page: Page, c: CaseView, tab: string): Promise<void> {
  await page.getByRole('navigation').getByText('Журнал', { exact: true }).click();
  await page.getByTestId(`case-row-${c.id}`).getByRole('link', { name: c.journalNumber }).click();
  await expect(page.getByRole('heading', { name: `Дело № ${c.journalNumber}` })).toBeVisible();
  await page.getByRole('tab', { name: tab }).click();
}

async function openAct4(page: Page): Promise<ReturnType<Page['getByRole']>> {
  await page.getByRole('tab', { name: /Приложение 4/ }).click();
  return page.getByRole('form', { name: 'Акт оценки индивидуальной потребности' });
}

test('reception registers at one desk: the specialist’s journal shows it at once, and the case page follows', async ({ office }) => {
  await staffOffice(office);
  const reception = await signedIn(office, 'priem');
  const specialist = await signedIn(office, 'spec1');
  // A specialist lands on «Мои дела»; the journal is one link away.
  await specialist.page.getByRole('navigation').getByText('Журнал', { exact: true }).click();
  await expect(specialist.page.getByRole('heading', { name: 'Журнал регистрации заявлений' })).toBeVisible();
  await expect(specialist.page.getByText('За выбранный период заявлений не зарегистрировано')).toBeVisible();

  // Reception registers (from its own workstation and session).
  const c = await api(reception, 'cases.register', sampleApplication({ receivedAt: officeDateTime(5) }));
  const row = specialist.page.getByTestId(`case-row-${c.id}`);
  await expect(row).toBeVisible({ timeout: 2000 });
  await expect(row).toContainText('Семёнова Алёна Петровна');
  await expect(row).toHaveAttribute('data-status', 'registered');

  // The specialist opens it; reception annuls it meanwhile: the page and the journal follow.
  await row.getByRole('link', { name: c.journalNumber }).click();
  await expect(specialist.page.getByTestId('case-stepper')).toHaveAttribute('data-status', 'registered');
  await api(reception, 'cases.annul', { id: c.id, rev: c.rev, reason: 'Зарегистрировано ошибочно' });
  await expect(specialist.page.getByTestId('case-stepper')).toHaveAttribute('data-status', 'annulled', { timeout: 2000 });
  await expect(specialist.page.getByText('Регистрация аннулирована', { exact: true })).toBeVisible();
  await specialist.page.getByRole('navigation').getByText('Журнал', { exact: true }).click();
  await expect(specialist.page.getByTestId(`case-row-${c.id}`)).toHaveAttribute('data-status', 'annulled');
});

test('the head’s list of decisions awaiting signature updates live, and so does the case page', async ({ office }) => {
  await staffOffice(office);
  const c = await caseReadyForDecision(office);
  const head = await signedIn(office, 'head');
  const specialist = await signedIn(office, 'spec1');

  // The head keeps the register filtered to «Решение подготовлено»: what awaits signature (the sign-off queue is issue 10's).
  await head.page.getByRole('navigation').getByText('Дела', { exact: true }).click();
  await head.page.getByLabel('Статус', { exact: true }).click();
  await head.page.getByRole('option', { name: 'Решение подготовлено' }).click();
  await expect(head.page.getByText('Найдено дел: 0')).toBeVisible();

  // The specialist drafts the ИППСУ through the UI.
  await openFromJournal(specialist.page, c, 'Решение');
  const decision = specialist.page.getByRole('form', { name: 'Проект решения' });
  await decision.getByText('Признать нуждающимся (ИППСУ)').click();
  await decision.getByRole('button', { name: 'Заполнить из акта (приложение 4)' }).click();
  await decision.getByRole('radiogroup', { name: 'Программа составлена' }).getByLabel('впервые').check();
  await decision.getByLabel(/^На срок до/).fill(`31.12.${officeYear() + 1}`);
  await specialist.page.getByRole('button', { name: 'Сохранить проект' }).click();
  await expect(specialist.page.getByTestId('decision-1')).toHaveAttribute('data-status', 'draft');

  // Within 2 seconds it is on the head's list, without a reload.
  const row = head.page.getByTestId(`case-row-${c.id}`);
  await expect(row).toBeVisible({ timeout: 2000 });
  await expect(row).toHaveAttribute('data-status', 'decision_drafted');

  // The head signs from the case; the specialist's page shows the signature, the head's list empties.
  await row.click();
  await head.page.getByRole('tab', { name: 'Решение' }).click();
  await head.page.getByRole('button', { name: 'Подписать' }).first().click();
  await head.page.getByRole('dialog', { name: 'Подписать решение' }).getByRole('button', { name: 'Подписать' }).click();
  await expect(head.page.getByTestId('decision-1')).toHaveAttribute('data-status', 'signed');
  await expect(specialist.page.getByTestId('decision-1')).toHaveAttribute('data-status', 'signed', { timeout: 2000 });
  await expect(specialist.page.getByTestId('case-stepper')).toHaveAttribute('data-status', 'signed');
  await head.page.goBack();
  await expect(head.page.getByText('Найдено дел: 0')).toBeVisible();
});

test('two specialists edit the same act: the second save is refused, names the first, overwrites nothing; the versions compare side by side', async ({ office }) => {
  await staffOffice(office);
  await seedAs(office, 'priem');
  let c = await office.seed('cases.register', sampleApplication({ receivedAt: officeDateTime(5) }));
  await seedAs(office, 'spec1');
  c = await office.seed('acts.save', { caseId: c.id, rev: 0, form: 'appendix4', act: { ...NEED_ACT, additionalInfo: 'Исходная запись' } });
  const first = await signedIn(office, 'spec1');
  const second = await signedIn(office, 'spec2');
  await openFromJournal(first.page, c, 'Акты');
  await openFromJournal(second.page, c, 'Акты');
  const act1 = await openAct4(first.page);
  const act2 = await openAct4(second.page);
  await expect(act2.getByLabel('Дополнительные данные')).toHaveValue('Исходная запись');

  // Both type; the first saves.
  await act2.getByLabel('Дополнительные данные').fill('Запись второго специалиста');
  await act1.getByLabel('Дополнительные данные').fill('Запись первого специалиста');
  await act1.getByRole('button', { name: 'Сохранить' }).click();
  await expect(first.page.getByText('Акт оценки сохранён')).toBeVisible();

  // The second desk is told while typing, and keeps what it typed.
  await expect(second.page.getByTestId('act-changed-meanwhile')).toContainText('Специалистова Ирина Олеговна', { timeout: 2000 });
  await expect(act2.getByLabel('Дополнительные данные')).toHaveValue('Запись второго специалиста');

  // Its save is refused with who and when; nothing is overwritten.
  await act2.getByRole('button', { name: 'Сохранить' }).click();
  const stale = second.page.getByTestId('stale-dialog');
  await expect(stale).toContainText('Пока вы работали, Специалистова Ирина Олеговна изменил(а) акт оценки потребности');
  await expect(stale).toContainText('Ваши изменения не сохранены');
  const saved = (await api(second, 'cases.get', { id: c.id })).acts.find((a) => a.form === 'appendix4')!;
  expect(saved.act.additionalInfo).toBe('Запись первого специалиста');
  expect(saved.updatedByName).toBe('Специалистова Ирина Олеговна');
  expect(saved.rev).toBe(2);

  // Side by side: the saved version and the one typed, with what differs marked.
  await stale.getByRole('button', { name: 'Сравнить версии' }).click();
  const compare = second.page.getByRole('dialog', { name: 'Сравнение версий акта' });
  await expect(compare.getByTestId('compare-saved').getByLabel('Дополнительные данные')).toHaveValue('Запись первого специалиста');
  await expect(compare.getByTestId('compare-mine').getByLabel('Дополнительные данные')).toHaveValue('Запись второго специалиста');
  await expect(compare.getByTestId('compare-count')).toHaveText('Различается полей: 1 (выделены).');
  await expect(compare.getByTestId('compare-mine').locator('[data-differs]')).toHaveCount(1);
  // Keeping the saved version: the form shows it and has nothing unsaved.
  await compare.getByRole('button', { name: 'Оставить сохранённую версию' }).click();
  await expect(compare).toBeHidden();
  await expect(act2.getByLabel('Дополнительные данные')).toHaveValue('Запись первого специалиста');
  await expect(second.page.getByTestId('act-changed-meanwhile')).toBeHidden();

  // A further save from the first desk reaches the second's clean form at once.
  await act1.getByLabel('Дополнительные данные').fill('Уточнено');
  await act1.getByRole('button', { name: 'Сохранить' }).click();
  await expect(act2.getByLabel('Дополнительные данные')).toHaveValue('Уточнено', { timeout: 2000 });
});

test('leaving an edited act asks first: a link, an Alt+digit hotkey, Alt+N, Back, and closing the page', async ({ office }) => {
  await staffOffice(office);
  await seedAs(office, 'priem');
  const c = await office.seed('cases.register', sampleApplication({ receivedAt: officeDateTime(5) }));
  const desk = await signedIn(office, 'spec1');
  const { page } = desk;
  await openFromJournal(page, c, 'Акты');
  const act = await openAct4(page);
  await act.getByLabel('Дополнительные данные').fill('Не потерять');
  const ask = page.getByRole('dialog', { name: 'Несохранённые изменения' });
  const stillHere = async () => {
    await ask.getByRole('button', { name: 'Остаться' }).click();
    await expect(ask).toBeHidden();
    await expect(page.getByRole('heading', { name: `Дело № ${c.journalNumber}` })).toBeVisible();
    await expect(act.getByLabel('Дополнительные данные')).toHaveValue('Не потерять');
  };

  await page.getByRole('navigation').getByText('Сроки', { exact: true }).click();
  await expect(ask).toBeVisible();
  await stillHere();

  await page.keyboard.press('Alt+2');
  await expect(ask).toBeVisible();
  await stillHere();

  await page.keyboard.press('Alt+KeyN');
  await expect(ask).toBeVisible();
  await stillHere();

  await page.goBack();
  await expect(ask).toBeVisible();
  await stillHere();
  expect(page.url()).toContain(`#/cases/${c.id}`);

  // Reloading or closing the page: the browser's own question (beforeunload).
  const dialog = page.waitForEvent('dialog');
  await page.close({ runBeforeUnload: true });
  const d = await dialog;
  expect(d.type()).toBe('beforeunload');
  await d.dismiss();
  await expect(act.getByLabel('Дополнительные данные')).toHaveValue('Не потерять');

  // Leaving on purpose: the screen goes, and nothing asks again.
  await page.getByRole('navigation').getByText('Сроки', { exact: true }).click();
  await ask.getByRole('button', { name: 'Уйти без сохранения' }).click();
  await expect(page.getByRole('heading', { name: 'Сроки' })).toBeVisible();
  await page.getByRole('navigation').getByText('Журнал', { exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Журнал регистрации заявлений' })).toBeVisible();
  await expect(ask).toBeHidden();
});

test('the host stops and starts again: the banner comes and goes, a save is refused meanwhile, nothing typed is lost', async ({ office }) => {
  await staffOffice(office);
  await seedAs(office, 'priem');
  const c = await office.seed('cases.register', sampleApplication({ receivedAt: officeDateTime(5) }));
  const specialist = await signedIn(office, 'spec1');
  const reception = await signedIn(office, 'priem');
  await openFromJournal(specialist.page, c, 'Акты');
  const act = await openAct4(specialist.page);
  await act.getByLabel('Дополнительные данные').fill('Набрано до обрыва');

  await office.stopHost();
  for (const desk of [specialist, reception]) {
    await expect(desk.page.getByTestId('connection-banner')).toContainText('Нет связи с сервером управления');
  }
  // The screen stays readable from what was loaded, and typing goes on.
  await expect(specialist.page.getByRole('heading', { name: `Дело № ${c.journalNumber}` })).toBeVisible();
  await act.getByLabel('Дополнительные данные').fill('Набрано до обрыва и во время');
  // A save is refused with a message, not lost and not queued.
  await act.getByRole('button', { name: 'Сохранить' }).click();
  await expect(specialist.page.getByText('Нет связи с сервером управления: изменения не сохранены')).toBeVisible();
  await expect(act.getByLabel('Дополнительные данные')).toHaveValue('Набрано до обрыва и во время');

  // Meanwhile reception's desk is still on its journal; the host comes back and a change made then reaches it.
  await office.startHost();
  for (const desk of [specialist, reception]) {
    await expect(desk.page.getByTestId('connection-banner')).toBeHidden({ timeout: 25_000 });
  }
  await expect(act.getByLabel('Дополнительные данные')).toHaveValue('Набрано до обрыва и во время');
  await act.getByRole('button', { name: 'Сохранить' }).click();
  await expect(specialist.page.getByText('Акт оценки сохранён')).toBeVisible();
  const saved = (await api(specialist, 'cases.get', { id: c.id })).acts.find((a) => a.form === 'appendix4')!;
  expect(saved.act.additionalInfo).toBe('Набрано до обрыва и во время');
  const later = await api(reception, 'cases.register', sampleApplication({ receivedAt: officeDateTime(1), applicant: { snils: snilsFrom(77), lastName: 'Позднякова' } }));
  await specialist.page.getByRole('navigation').getByText('Журнал', { exact: true }).click();
  await expect(specialist.page.getByTestId(`case-row-${later.id}`)).toBeVisible({ timeout: 2000 });
});
