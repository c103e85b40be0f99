import { ADMIN, expect, HEAD_OF_OFFICE, login, logout, setupThroughUi, test } from './fixtures';

const STAFF = [
  { username: 'priem', fullName: 'Приёмова Ольга Ивановна', role: 'Приём' },
  { username: 'spec', fullName: 'Специалистов Пётр Ильич', role: 'Специалист' },
  { username: 'head', fullName: 'Руководова Ёлка Петровна', role: 'Руководитель' },
  { username: 'admin2', fullName: 'Админов Артём Артёмович', role: 'Администратор' },
];
const PASSWORD = 'staff-pass-1';

test('first run: choose the office, name its head, create the administrator, sign out and in', async ({ app }) => {
  const { page } = app;
  // The empty form names every field to fill, not only the office.
  await page.getByRole('button', { name: 'Сохранить и войти' }).click();
  for (const field of ['Управление социальной защиты населения', 'ФИО руководителя управления', 'Должность руководителя', 'ФИО администратора', 'Имя пользователя (латиницей)']) {
    await expect(page.getByRole('textbox', { name: field }).or(page.getByRole('combobox', { name: field }))).toHaveAttribute('aria-invalid', 'true');
  }
  await setupThroughUi(page);
  const office = await app.callApi('auth.session', {});
  expect(office.ok && office.data?.office.headName).toBe(HEAD_OF_OFFICE.name);
  expect(office.ok && office.data?.office.headPosition).toBe(HEAD_OF_OFFICE.position);
  await expect(page.getByText('Управление социальной защиты населения по г. Сургуту')).toBeVisible();
  for (const section of ['Журнал', 'Дела', 'Сроки', 'Справочники', 'Обмен', 'Администрирование']) {
    await expect(page.getByRole('navigation').getByText(section, { exact: true })).toBeVisible();
  }
  // The session survives a reload.
  await page.reload();
  await expect(page.getByTestId('user-menu')).toContainText(ADMIN.fullName);

  await logout(page);
  await login(page, ADMIN.username, 'wrong-password');
  await expect(page.getByRole('alert')).toHaveText('Неверное имя пользователя или пароль.');
  await login(page, ADMIN.username, ADMIN.password);
  await expect(page.getByTestId('user-menu')).toContainText(ADMIN.fullName);
});

test('the administrator creates users of each role; a reception user cannot administer', async ({ app }) => {
  const { page } = app;
  await setupThroughUi(page);
  await page.getByRole('link', { name: 'Пользователи' }).click();
  for (const u of STAFF) {
    await page.getByRole('button', { name: 'Добавить пользователя' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('ФИО').fill(u.fullName);
    await dialog.getByLabel('Должность').fill('Специалист-эксперт');
    await dialog.getByLabel('Имя пользователя').fill(u.username);
    await dialog.getByLabel(u.role, { exact: true }).check();
    await dialog.getByLabel('Пароль').fill(PASSWORD);
    await dialog.getByRole('button', { name: 'Сохранить' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('row', { name: new RegExp(u.fullName) })).toContainText(u.role);
  }

  // The audit log shows the new users.
  await page.getByRole('link', { name: 'Журнал аудита' }).click();
  await expect(page.getByRole('row').filter({ hasText: 'Создание' }).filter({ hasText: 'Пользователь' })).toHaveCount(STAFF.length + 1); // and the administrator from first run

  // Each new user can sign in; only the administrators see administration.
  for (const u of STAFF) {
    await logout(page);
    await login(page, u.username, PASSWORD);
    await expect(page.getByTestId('user-menu')).toContainText(u.fullName);
    const adminNav = page.getByRole('navigation').getByText('Администрирование', { exact: true });
    if (u.role === 'Администратор') await expect(adminNav).toBeVisible();
    else await expect(adminNav).toHaveCount(0);
  }

  await logout(page);
  await login(page, 'priem', PASSWORD);
  // Reception's home first (chosen at sign-in), then the address typed in.
  await expect(page.getByRole('heading', { name: 'Журнал регистрации заявлений' })).toBeVisible();
  await page.goto(page.url().replace(/#.*$/, '') + '#/admin/users');
  await expect(page.getByText('Раздел доступен только администратору.')).toBeVisible();
  // The backend refuses, whatever the UI shows.
  const r = await app.callApi('users.list', {});
  expect(r).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: 'Недостаточно прав для этого действия.' } });
  const create = await app.callApi('users.create', { username: 'hacker', fullName: 'Х', position: 'Х', roles: ['admin'], password: 'password-123' });
  expect(create.ok).toBe(false);
});

test('reference data and the production calendar are there after first run', async ({ app }) => {
  const { page } = app;
  await setupThroughUi(page);
  await page.getByRole('link', { name: 'Производственный календарь' }).click();
  await expect(page.getByRole('row', { name: /2026/ }).first()).toContainText('247');
  await page.getByRole('link', { name: /Справочники/ }).click();
  await page.getByRole('tab', { name: 'МФЦ' }).click();
  await expect(page.getByRole('row')).toHaveCount(22);
});
