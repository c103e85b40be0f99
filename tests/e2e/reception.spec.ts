import { readFileSync } from 'node:fs';
import { docxText as docxToText } from '../helpers/docx-xml';
import { formatRuDate } from '../../core/domain/dates';
import { snilsFrom } from '../support/applications';
import { officeToday, officeYear } from '../support/office-clock';
import { expect, login, test, type AppHandle } from './fixtures';
import { fillAddress, fillApplicant, label, markReceived, newApplication, register } from './intake';
import { interceptPrint, preview, printCount, printedText, saveFromPreview } from './print';

const PASSWORD = 'priem-pass-1';

/** An office set up through the API (the UI path is covered by foundation.spec), and a reception user signed in through the UI. */
async function officeWithReception(app: AppHandle): Promise<void> {
  const setup = await app.callApi('setup.init', { officeCode: 'surgut', username: 'admin', fullName: 'Админова А. А.', position: 'Администратор', password: 'admin-pass-1' });
  expect(setup.ok).toBe(true);
  const u = await app.callApi('users.create', { username: 'priem', fullName: 'Приёмова Мария Ивановна', position: 'Специалист по приёму', roles: ['reception'], password: PASSWORD });
  expect(u.ok).toBe(true);
  await app.callApi('auth.logout', {});
  await app.page.reload();
  await login(app.page, 'priem', PASSWORD);
  await expect(app.page.getByTestId('user-menu')).toContainText('Приёмова Мария Ивановна');
}

test('reception registers applications for all five sub-services and prints receipts', async ({ app }) => {
  // Five intakes typed through the UI, the address in its parts: more than the default minute on a busy machine.
  test.setTimeout(120_000);
  const { page } = app;
  await officeWithReception(app);
  const numbers: string[] = [];

  // 1. At home, in person; two documents received: the receipt must list exactly these.
  await newApplication(page, 'home');
  await fillApplicant(page, { lastName: 'Семёнова', firstName: 'Алёна', middleName: 'Петровна', birthDate: '14.03.1948', sex: 'Женский', snils: snilsFrom(11) });
  await markReceived(page, 'identity', 'Подлинник', 2);
  await markReceived(page, 'medical-conclusion', 'Копия', 3);
  numbers.push(await register(page));
  const file = await saveFromPreview(page, () => page.getByRole('button', { name: 'Печать расписки' }).click());
  expect(file.suggestedFilename()).toBe(`Расписка ${numbers[0].replace('/', '-')}.docx`);
  const text = docxToText(readFileSync((await file.path())!)).replace(/\u00a0/g, ' ');
  expect(text).toContain(`№ ${numbers[0]}`);
  expect(text).toContain('Семёнова Алёна Петровна');
  const received = text.slice(text.indexOf('Перечень принятых документов'), text.indexOf('Итого листов'));
  expect(received).toMatch(/Документ, удостоверяющий личность гражданина\s+Подлинник\s+2/);
  expect(received).toMatch(/Заключение медицинской организации о состоянии здоровья гражданина[^]*?Копия\s+3/);
  // Exactly the two ticked documents, nothing else:
  expect(received.match(/^\d+$/gm)).toEqual(['1', '2', '2', '3']);
  // Not among the received ones; listed as not provided (p.44) when it is required.
  expect(received).not.toMatch(/справка, подтверждающая факт установления инвалидности/i);
  // What the office will request (p.44), with the agency:
  const requested = text.slice(text.indexOf('межведомственного информационного взаимодействия'));
  expect(requested).toMatch(/Сведения об отсутствии \(либо наличии\) у гражданина судимости\s+УМВД России по ХМАО - Югре/);
  expect(requested).toMatch(/ОСФР по ХМАО - Югре/);
  expect(requested).not.toMatch(/Пенсионного фонда|Миграционная служба/);
  expect(requested).toMatch(/Сведения о страховом номере индивидуального лицевого счета/);
  expect(requested).toMatch(/Сведения о совместном проживании гражданина/);

  // 2. Semi-stationary.
  await newApplication(page, 'semi-stationary');
  await fillApplicant(page, { lastName: 'Фёдоров', firstName: 'Пётр', middleName: 'Ильич', birthDate: '02.02.1950', sex: 'Мужской', snils: snilsFrom(12) });
  numbers.push(await register(page));

  // 3. Stationary, through an MFC.
  await newApplication(page, 'stationary');
  await page.getByLabel(label('Способ поступления')).selectOption({ label: 'МФЦ' });
  await page.getByLabel(label('МФЦ')).click();
  await page.getByRole('option', { name: /Сургут/ }).first().click();
  await fillApplicant(page, { lastName: 'Королёва', firstName: 'Нина', middleName: 'Степановна', birthDate: '01.01.1939', sex: 'Женский', snils: snilsFrom(13) });
  numbers.push(await register(page));

  // 4. Special housing fund.
  await newApplication(page, 'special-housing');
  await fillApplicant(page, { lastName: 'Ковалёв', firstName: 'Артём', middleName: 'Семёнович', birthDate: '05.05.1945', sex: 'Мужской', snils: snilsFrom(14) });
  numbers.push(await register(page));

  // 5. Minors: a child under 14 with a legal representative.
  await newApplication(page, 'minors-semi-stationary');
  await fillApplicant(page, { lastName: 'Кузнецов', firstName: 'Даниил', middleName: 'Олегович', birthDate: '01.06.2015', sex: 'Мужской', snils: snilsFrom(15), docKind: 'Свидетельство о рождении' });
  const rep = page.getByRole('group', { name: 'Представитель' });
  await expect(rep.getByLabel(/Заявление подаёт представитель/)).toBeChecked();
  await rep.getByLabel(label('ФИО представителя')).fill('Кузнецова Ольга Викторовна');
  await rep.getByLabel(label('Серия')).fill('67 10');
  await rep.getByLabel(label('Номер')).fill('654321');
  await rep.getByLabel(label('Кем выдан')).fill('УМВД по г. Сургуту');
  await rep.getByLabel(label('Дата выдачи')).fill('01.02.2010');
  numbers.push(await register(page));

  // Journal numbers are consecutive.
  const year = numbers[0].split('/')[1];
  expect(numbers).toEqual([1, 2, 3, 4, 5].map((n) => `${n}/${year}`));

  // All five are in the journal.
  await page.goto(page.url().replace(/#.*$/, '') + '#/journal');
  for (const n of numbers) await expect(page.getByRole('row', { name: new RegExp(n.replace('/', '\\/')) })).toBeVisible();
});

test('a known СНИЛС offers the existing person; an annulled registration stays in the journal', async ({ app }) => {
  const { page } = app;
  await officeWithReception(app);
  const person = { lastName: 'Орлова', firstName: 'Тамара', middleName: 'Ивановна', birthDate: '17.05.1947', sex: 'Женский' as const, snils: snilsFrom(21) };
  await newApplication(page, 'home');
  await fillApplicant(page, person);
  const first = await register(page);

  // A second application: typing the same СНИЛС shows the person and their case.
  await newApplication(page, 'stationary');
  await page.getByRole('group', { name: /^Заявитель/ }).getByLabel(label('СНИЛС')).fill(person.snils.replace(/\D/g, ''));
  const matches = page.getByTestId('person-matches');
  await expect(matches).toContainText('Орлова Тамара Ивановна');
  await expect(matches).toContainText(first);
  await matches.getByRole('button', { name: 'Использовать эти данные' }).click();
  await expect(page.getByTestId('person-chosen')).toBeVisible();
  await expect(page.getByRole('group', { name: /^Заявитель/ }).getByLabel(label('Фамилия'))).toHaveValue('Орлова');
  const second = await register(page);

  // The person card lists both cases.
  await page.getByRole('link', { name: 'Открыть дело' }).click();
  await page.getByRole('link', { name: 'Карточка заявителя' }).click();
  await expect(page.getByRole('row', { name: new RegExp(first.replace('/', '\\/')) })).toBeVisible();
  await expect(page.getByRole('row', { name: new RegExp(second.replace('/', '\\/')) })).toBeVisible();

  // Annul the second registration: it stays in the journal with the reason.
  await page.getByRole('row', { name: new RegExp(second.replace('/', '\\/')) }).click();
  await page.getByRole('button', { name: 'Аннулировать регистрацию' }).click();
  await page.getByLabel(/Причина аннулирования/).fill('Заявление зарегистрировано повторно по ошибке');
  await page.getByRole('button', { name: 'Аннулировать', exact: true }).click();
  await expect(page.getByText('Аннулировано').first()).toBeVisible();
  await page.goto(page.url().replace(/#.*$/, '') + '#/journal');
  const row = page.getByRole('row', { name: new RegExp(second.replace('/', '\\/')) });
  await expect(row).toContainText('Аннулировано');
  await expect(row).toContainText('Заявление зарегистрировано повторно по ошибке');

  // Quick search finds her by a prefix in any order, ё-insensitively.
  await page.getByLabel('Быстрый поиск').fill('тамара орл');
  await expect(page.getByRole('option', { name: /Орлова Тамара Ивановна/ })).toBeVisible();
});

test("a workstation whose clock is 30 hours off takes «now» from the host and registers with the host's date", async ({ app }) => {
  const { page } = app;
  // The page's clock runs 30 hours behind the host's (the host is this test's process clock).
  await page.clock.install({ time: new Date(Date.now() - 30 * 3600_000) });
  await page.reload();
  await officeWithReception(app);
  await newApplication(page, 'home');
  const hostToday = officeToday();
  await expect(page.getByLabel(label('Дата поступления'))).toHaveValue(formatRuDate(hostToday));
  await fillApplicant(page, { lastName: 'Часовая', firstName: 'Вера', middleName: 'Павловна', birthDate: '11.11.1944', sex: 'Женский', snils: snilsFrom(16) });
  const number = await register(page);
  const list = await app.callApi('cases.list', {});
  expect(list.ok).toBe(true);
  const row = list.ok ? list.data.rows.find((r) => r.journalNumber === number)! : null;
  expect(officeToday(row!.registeredAt)).toBe(hostToday);
  expect(row!.receivedAt.slice(0, 10)).toBe(hostToday);
});

test('the duplicate dialog offers only what can be done: another person’s СНИЛС cannot be registered as someone new', async ({ app }) => {
  const { page } = app;
  await officeWithReception(app);
  const snils = snilsFrom(31);
  await newApplication(page, 'home');
  await fillApplicant(page, { lastName: 'Орлова', firstName: 'Тамара', birthDate: '17.05.1947', sex: 'Женский', snils });
  await register(page);

  // Someone else, typed with her СНИЛС.
  await newApplication(page, 'home');
  await fillApplicant(page, { lastName: 'Ветрова', firstName: 'Нина', birthDate: '02.02.1950', sex: 'Женский', snils });
  await page.getByRole('button', { name: /Зарегистрировать/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Заявитель уже есть в базе?' });
  await expect(dialog.getByTestId('snils-taken')).toContainText('Орлова Тамара');
  await expect(dialog.getByRole('button', { name: /другой человек/ })).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Исправить СНИЛС' }).click();
  await expect(dialog).toBeHidden();
  const snilsInput = page.getByRole('group', { name: /^Заявитель/ }).getByLabel(label('СНИЛС'));
  await expect(snilsInput).toBeFocused();
  // With her own СНИЛС she is registered as a new person.
  await snilsInput.fill(snilsFrom(32).replace(/\D/g, ''));
  await page.getByRole('button', { name: /Зарегистрировать/ }).click();
  const again = page.getByRole('dialog', { name: 'Заявитель уже есть в базе?' });
  if (await again.isVisible()) await again.getByRole('button', { name: /другой человек/ }).click();
  await expect(page.getByTestId('registered')).toBeVisible();
});

test('a person card is corrected; the change shows on her case', async ({ app }) => {
  const { page } = app;
  await officeWithReception(app);
  await newApplication(page, 'home');
  await fillApplicant(page, { lastName: 'Орлова', firstName: 'Тамара', birthDate: '17.05.1947', sex: 'Женский', snils: snilsFrom(41) });
  const number = await register(page);
  await page.getByRole('link', { name: 'Открыть дело' }).click();
  await page.getByRole('link', { name: 'Карточка заявителя' }).click();
  await page.getByRole('button', { name: 'Исправить данные' }).click();
  const dialog = page.getByRole('dialog', { name: 'Исправить данные человека' });
  await dialog.getByLabel(label('Фамилия')).fill('Орлова-Ветрова');
  await dialog.getByLabel(label('Телефон')).fill('+7 900 111-22-33');
  await dialog.getByRole('button', { name: 'Сохранить' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { name: /^Орлова-Ветрова Тамара/ })).toBeVisible();
  await expect(page.getByText('+7 900 111-22-33')).toBeVisible();
  // Her case names her as she is now and says the card changed after registration.
  await page.getByRole('link', { name: number, exact: true }).click();
  await expect(page.getByTestId('case-header')).toContainText('Орлова-Ветрова Тамара');
  await expect(page.getByTestId('person-changed')).toContainText('Приёмова Мария Ивановна');
});

test('the address is entered in parts, by keyboard, with an actual address of its own; the card shows it and corrects it in parts', async ({ app }) => {
  const { page } = app;
  await page.setViewportSize({ width: 1366, height: 768 });
  await officeWithReception(app);
  await newApplication(page, 'home');
  await fillApplicant(page, { lastName: 'Лаптева', firstName: 'Нина', birthDate: '03.09.1944', sex: 'Женский', snils: snilsFrom(42) });
  const reg = page.getByRole('group', { name: 'Адрес регистрации', exact: true });
  // Tab goes through the parts in the order of the address.
  await reg.getByLabel(label('Индекс')).fill('');
  await reg.getByLabel(label('Индекс')).focus();
  await page.keyboard.type('628011');
  for (const [value, field] of [
    ['г. Ханты-Мансийск', 'Район / город'],
    ['', 'Населённый пункт'],
    ['Мира', 'Улица'],
    ['18', 'Дом'],
    ['2', 'Корпус'],
    ['3', 'Квартира'],
  ] as const) {
    await page.keyboard.press('Tab');
    await expect(reg.getByLabel(label(field))).toBeFocused();
    await page.keyboard.press('ControlOrMeta+A');
    if (value) await page.keyboard.type(value);
    else await page.keyboard.press('Delete');
  }
  await page.getByLabel('Адрес фактического проживания совпадает с адресом регистрации').uncheck();
  await fillAddress(page, 'Адрес фактического проживания', { index: '628520', district: 'Ханты-Мансийский р-н', settlement: 'с. Селиярово', street: 'Лесная', house: '5' });
  await page.getByRole('group', { name: /^Заявитель/ }).screenshot({ path: 'test-results/intake-address-1366.png' });
  await markReceived(page, 'identity', 'Подлинник', 2);
  await register(page);
  await page.getByRole('link', { name: 'Открыть дело' }).click();
  await page.getByRole('link', { name: 'Карточка заявителя' }).click();
  const row = (l: string) => page.getByRole('row', { name: new RegExp(`^${l}`) });
  await expect(row('Адрес регистрации')).toContainText('628011, г. Ханты-Мансийск, ул. Мира, д. 18, корп. 2, кв. 3');
  await expect(row('Адрес проживания')).toContainText('628520, Ханты-Мансийский р-н, с. Селиярово, ул. Лесная, д. 5');

  // Corrected on the card: the parts come back in their fields; the flat changes, the actual address becomes the same.
  await page.getByRole('button', { name: 'Исправить данные' }).click();
  const dialog = page.getByRole('dialog', { name: 'Исправить данные человека' });
  const regOnCard = dialog.getByRole('group', { name: 'Адрес регистрации', exact: true });
  await expect(regOnCard.getByLabel(label('Улица'))).toHaveValue('Мира');
  await expect(regOnCard.getByLabel(label('Корпус'))).toHaveValue('2');
  await expect(dialog.getByRole('group', { name: 'Адрес фактического проживания', exact: true }).getByLabel(label('Населённый пункт'))).toHaveValue('с. Селиярово');
  await regOnCard.getByLabel(label('Квартира')).fill('31');
  await dialog.getByLabel('Адрес фактического проживания совпадает с адресом регистрации').check();
  await dialog.screenshot({ path: 'test-results/person-address-1366.png' });
  await dialog.getByRole('button', { name: 'Сохранить' }).click();
  await expect(dialog).toBeHidden();
  await expect(row('Адрес регистрации')).toContainText('628011, г. Ханты-Мансийск, ул. Мира, д. 18, корп. 2, кв. 31');
  await expect(row('Адрес проживания')).toContainText('совпадает с адресом регистрации');
});

test('Alt+N opens a new intake from every screen: «Дела», a case page, while typing in a field', async ({ app }) => {
  const { page } = app;
  await officeWithReception(app);
  await newApplication(page, 'home');
  await fillApplicant(page, { lastName: 'Клавишева', firstName: 'Нина', birthDate: '03.02.1950', sex: 'Женский', snils: snilsFrom(42) });
  const number = await register(page);
  const intake = page.getByRole('heading', { name: 'Новое заявление' });

  await page.getByRole('navigation').getByText('Дела', { exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Дела', exact: true })).toBeVisible();
  await page.getByRole('textbox', { name: 'Поиск', exact: true }).fill(number);
  await page.keyboard.press('Alt+KeyN');
  await expect(intake).toBeVisible();
  await expect(page).toHaveURL(/#\/intake$/);

  await page.getByRole('navigation').getByText('Дела', { exact: true }).click();
  await page.getByRole('link', { name: number, exact: true }).click();
  await expect(page.getByRole('heading', { name: `Дело № ${number}` })).toBeVisible();
  await page.keyboard.press('Alt+KeyN');
  await expect(intake).toBeVisible();
});

test('dates that cannot be: a birth date after today is refused and does not turn the document into a birth certificate; a document issued before the birth is flagged', async ({ app }) => {
  const { page } = app;
  await officeWithReception(app);
  await newApplication(page, 'home');
  const g = page.getByRole('group', { name: /^Заявитель/ });
  const kind = g.getByLabel(label('Вид документа'));
  const before = await kind.inputValue();
  expect(before).not.toBe('birth_certificate');
  await g.getByLabel(label('Дата рождения')).fill(`01.02.${officeYear() + 1}`);
  await g.getByLabel(label('Дата рождения')).press('Tab');
  await expect(g.getByText('Дата рождения позже даты поступления заявления')).toBeVisible();
  await expect(kind).toHaveValue(before);

  await g.getByLabel(label('Дата рождения')).fill('10.05.1950');
  await g.getByLabel(label('Дата выдачи')).fill('01.01.1949');
  await g.getByLabel(label('Дата выдачи')).press('Tab');
  await expect(g.getByText('Дата выдачи документа раньше даты рождения')).toBeVisible();
  await expect(g.getByText('Дата рождения позже даты поступления заявления')).toBeHidden();
  await g.getByLabel(label('Дата выдачи')).fill('15.04.2005');
  await g.getByLabel(label('Дата выдачи')).press('Tab');
  await expect(g.getByText('Дата выдачи документа раньше даты рождения')).toBeHidden();
});

test('the receipt previews in the app from the registration result and opens the print dialog', async ({ app }) => {
  const { page } = app;
  await interceptPrint(page);
  await officeWithReception(app);
  await newApplication(page, 'home');
  await fillApplicant(page, { lastName: 'Кравцова', firstName: 'Нина', middleName: 'Павловна', birthDate: '02.02.1944', sex: 'Женский', snils: snilsFrom(12) });
  await markReceived(page, 'identity', 'Подлинник', 2);
  const number = await register(page);
  // One key: the print button has the focus on the registration result.
  await expect(page.getByRole('button', { name: 'Печать расписки' })).toBeFocused();
  await page.keyboard.press('Enter');
  const dialog = preview(page);
  await expect(dialog).toBeVisible();
  // Rendered in the app from the DOCX itself: its pages with this case's data.
  const pages = dialog.locator('section.docx');
  await expect(pages.first()).toBeVisible({ timeout: 15_000 });
  await expect(pages).toHaveCount(1);
  await expect(pages.first()).toContainText('РАСПИСКА в получении документов');
  await expect(pages.first()).toContainText(`№ ${number}`);
  await expect(pages.first()).toContainText('Кравцова Нина Павловна');
  await page.screenshot({ path: 'test-results/receipt-preview.png' });
  await dialog.getByRole('button', { name: 'Печать' }).click();
  await expect.poll(() => printCount(page)).toBe(1);
  // The printed copy is the rendered pages only.
  await dialog.getByRole('button', { name: 'Закрыть' }).click();
  await expect(dialog).toBeHidden();
  const saved = await saveFromPreview(page, () => page.getByRole('button', { name: 'Печать расписки' }).click());
  expect(saved.suggestedFilename()).toBe(`Расписка ${number.replace('/', '-')}.docx`);
});

test('the 159н application prints right after registration with the applicant’s data, by one key, and from the case page', async ({ app }) => {
  const { page } = app;
  await page.setViewportSize({ width: 1366, height: 768 });
  await officeWithReception(app);
  await newApplication(page, 'home');
  await fillApplicant(page, { lastName: 'Журавлёва', firstName: 'Зоя', middleName: 'Ивановна', birthDate: '07.07.1939', sex: 'Женский', snils: snilsFrom(13) });
  await markReceived(page, 'identity', 'Подлинник', 2);
  // A 159н field the checklist does not need: entered at intake, printed in the application.
  await page.getByLabel('Условия проживания', { exact: true }).fill('Частный дом, печное отопление');
  await page.getByLabel(/согласие на обработку персональных данных/).check();
  await page.getByRole('group', { name: 'Сведения заявления (форма 159н)' }).screenshot({ path: 'test-results/intake-159n-1366.png' });
  const number = await register(page);
  await expect(page.getByRole('button', { name: /Заявление \(159н\)/ })).toBeVisible();
  await page.screenshot({ path: 'test-results/registered-1366.png' });
  // Alt+P (the key of «З» on the Russian layout) from the registration result opens the application in the preview.
  await page.keyboard.press('Alt+KeyP');
  const dialog = preview(page);
  const pages = dialog.locator('section.docx');
  await expect(pages.first()).toBeVisible({ timeout: 15_000 });
  await expect(pages.first()).toContainText('ЗАЯВЛЕНИЕ');
  await expect(pages.first()).toContainText('Журавлёва Зоя Ивановна');
  await page.screenshot({ path: 'test-results/application-preview.png' });
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Сохранить DOCX' }).click();
  const saved = await download;
  expect(saved.suggestedFilename()).toBe(`Заявление ${number.replace('/', '-')}.docx`);
  const text = docxToText(readFileSync((await saved.path())!)).replace(/\u00a0/g, ' ');
  expect(text).toMatch(/Фамилия, имя, отчество \(при наличии\): Журавлёва Зоя Ивановна/);
  expect(text).toContain('Дата рождения: 07.07.1939');
  expect(text).toContain('Адрес места жительства (пребывания): 628400, г. Сургут, ул. Ленина, д. 10, кв. 4');
  expect(text).toContain('признание граждан нуждающимися в социальных услугах на дому');
  expect(text).toContain('№ 152-ФЗ «О персональных данных» даю согласие');
  expect(text).toContain('Условия проживания: Частный дом, печное отопление');
  expect(text).toContain(`№ ${number} от ${formatRuDate(officeToday())}`);
  await dialog.getByRole('button', { name: 'Закрыть' }).click();
  await expect(dialog).toBeHidden();

  // The same from the case page.
  await page.getByRole('link', { name: 'Открыть дело' }).click();
  await expect(page.getByRole('button', { name: 'Заявление (159н)' })).toBeVisible();
  await page.screenshot({ path: 'test-results/case-159n-1366.png' });
  const fromCase = await printedText(page, () => page.getByRole('button', { name: 'Заявление (159н)' }).click());
  expect(fromCase).toContain('Журавлёва Зоя Ивановна');
  expect(fromCase).toContain('Дата рождения: 07.07.1939');
});

test('the intake draft survives a reload right after typing and leaving through the menu', async ({ app }) => {
  const { page } = app;
  await officeWithReception(app);
  await newApplication(page, 'home');
  const g = page.getByRole('group', { name: /^Заявитель/ });
  // Typed and reloaded at once, within the second the draft waits before saving.
  await g.getByLabel(label('Фамилия')).fill('Перезагрузкина');
  await g.getByLabel(label('Имя')).pressSequentially('Вера');
  await page.reload();
  await expect(page.getByText(/^Восстановлен черновик от/)).toBeVisible();
  await expect(g.getByLabel(label('Фамилия'))).toHaveValue('Перезагрузкина');
  await expect(g.getByLabel(label('Имя'))).toHaveValue('Вера');
  await expect(page.getByLabel(label('Подуслуга'))).toHaveValue('home');

  // Typed, then off to «Дела» through the menu and back to the intake from the journal.
  await g.getByLabel(label('Отчество')).pressSequentially('Павловна');
  await page.getByRole('navigation').getByText('Дела', { exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Дела', exact: true })).toBeVisible();
  await page.getByRole('navigation').getByText('Журнал', { exact: true }).click();
  await page.getByRole('button', { name: 'Новое заявление' }).or(page.getByRole('link', { name: 'Новое заявление' })).first().click();
  await expect(page.getByRole('heading', { name: 'Новое заявление' })).toBeVisible();
  await expect(g.getByLabel(label('Фамилия'))).toHaveValue('Перезагрузкина');
  await expect(g.getByLabel(label('Отчество'))).toHaveValue('Павловна');
});

test('the intake checks with the backend’s schema before sending: every error at once, hidden fields never asked', async ({ app }) => {
  const { page } = app;
  await officeWithReception(app);
  await newApplication(page, 'home');
  await page.getByLabel(label('Способ поступления')).selectOption({ label: 'МФЦ' });
  const rep = page.getByRole('group', { name: 'Представитель' });
  await rep.getByLabel(/Заявление подаёт представитель/).check();
  await rep.getByLabel(label('Основание полномочий')).selectOption({ label: 'По доверенности' });
  await markReceivedWithoutForm(page, 'identity');
  await page.getByRole('button', { name: /Зарегистрировать/ }).click();
  // Plain and conditional errors together, each under its field; nothing was sent.
  const g = page.getByRole('group', { name: /^Заявитель/ });
  await expect(g.getByLabel(label('Фамилия'))).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Выберите МФЦ')).toBeVisible();
  await expect(rep.getByText('Укажите номер доверенности')).toBeVisible();
  await expect(rep.getByText('Укажите дату доверенности')).toBeVisible();
  await expect(page.getByTestId('doc-identity')).toContainText('Укажите: подлинник или копия');
  await expect(page.getByText(/^Проверьте данные\. Подуслуга|^Проверьте данные\. .*Фамилия: Заполните поле/)).toBeVisible();
  expect(await app.callApi('cases.list', {})).toMatchObject({ ok: true, data: { rows: [] } });

  // The representative by law: the power-of-attorney fields go, and so do their errors; the organisation is never asked.
  await rep.getByLabel(label('Основание полномочий')).selectOption({ label: 'Законный представитель' });
  await page.keyboard.press('Control+Enter');
  await expect(rep.getByText('Укажите номер доверенности')).toHaveCount(0);
  await expect(rep.getByText(/Укажите организацию/)).toHaveCount(0);
  await expect(rep.getByLabel(label('ФИО представителя'))).toHaveAttribute('aria-invalid', 'true');
});

async function markReceivedWithoutForm(page: import('@playwright/test').Page, key: string): Promise<void> {
  const row = page.getByTestId(`doc-${key}`);
  await row.getByText('Принят', { exact: true }).click();
  await row.getByLabel('Число листов').fill('');
  await expect(row).toHaveAttribute('data-state', 'received');
}
