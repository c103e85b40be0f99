import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, setupThroughUi, startServer, test } from './fixtures';

test('an administrator is warned without a fresh backup, sets the passphrase, takes a verified copy and checks the audit chain', async ({ app }) => {
  const { page } = app;
  await page.setViewportSize({ width: 1366, height: 768 });
  await setupThroughUi(page);
  await expect(page.getByTestId('backup-warning')).toContainText('Ни одной проверенной резервной копии нет.');

  await page.getByRole('link', { name: 'Резервные копии', exact: true }).click();
  await expect(page.getByText('Проверенных резервных копий нет')).toBeVisible();
  await page.getByLabel('Пароль резервных копий').fill('Пароль копий 2026');
  await page.getByRole('button', { name: 'Сохранить настройки' }).click();
  await expect(page.getByText('Настройки сохранены.')).toBeVisible();
  await page.getByRole('button', { name: 'Создать копию сейчас' }).click();
  const row = page.getByRole('table', { name: 'Резервные копии' }).getByRole('row').nth(1);
  await expect(row).toContainText('вручную');
  await expect(row).toContainText('да');
  await expect(page.getByText('Последняя проверенная копия', { exact: true })).toBeVisible();
  await expect(page.getByTestId('backup-warning')).toHaveCount(0);
  await row.getByRole('button', { name: 'Проверить' }).click();
  await expect(page.getByText(/проверена: расшифровывается, цела/)).toBeVisible();
  await page.screenshot({ path: 'test-results/data-safety-backups.png' });

  // Restore asks first.
  await row.getByRole('button', { name: 'Восстановить' }).click();
  await expect(page.getByRole('dialog')).toContainText('Текущая база данных сначала будет сохранена');
  await page.screenshot({ path: 'test-results/data-safety-restore-confirm.png' });
  await page.getByRole('dialog').getByRole('button', { name: 'Отмена' }).click();

  await page.getByRole('link', { name: 'Журнал аудита' }).click();
  await page.getByRole('button', { name: 'Проверить целостность' }).click();
  await expect(page.getByTestId('audit-chain')).toContainText(/Журнал аудита цел: \d+ записей/);
  await page.screenshot({ path: 'test-results/data-safety-audit.png' });

  await page.getByRole('link', { name: 'Журнал программы' }).click();
  await expect(page.getByRole('heading', { name: 'Журнал программы' })).toBeVisible();
  await page.screenshot({ path: 'test-results/data-safety-log.png' });
});

test('a database that cannot be opened at start gets the recovery screen, not a crash', async ({ browser }) => {
  test.skip(process.env.E2E_TARGET === 'electron', 'the host process: browser mode');
  const dataDir = mkdtempSync(join(tmpdir(), 'socdesk-damaged-'));
  writeFileSync(join(dataDir, 'socdesk.sqlite'), Buffer.alloc(64 * 1024, 0x5a));
  const server = await startServer(dataDir);
  const context = await browser.newContext({ baseURL: server.url, viewport: { width: 1366, height: 768 } });
  try {
    const page = await context.newPage();
    await page.goto('/');
    await expect(page.getByRole('heading', { name: 'База данных не открывается' })).toBeVisible();
    await expect(page.getByText('Файл базы данных повреждён: программа не может его прочитать.')).toBeVisible();
    await expect(page.getByText(/Проверенных резервных копий в папке по умолчанию нет/)).toBeVisible();
    await expect(page.getByRole('button', { name: 'Восстановить из последней копии' })).toBeDisabled();
    await page.screenshot({ path: 'test-results/data-safety-recovery.png' });
  } finally {
    await context.close();
    server.proc.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  }
});
