/**
 * Every screen at 1366×768, a common office screen: each is photographed
 * (test-results/screens/*.png, to be looked at) and checked for horizontal
 * scrolling — neither the page nor any table on it scrolls sideways — and for
 * a header that toasts do not cover. The Latin-word scan of the fixtures
 * reads every screen visited here.
 */
import type { Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import type { CaseView } from '../../core/api/reception';
import { CITIZEN_ACT, NEED_ACT } from '../../scripts/form-samples-acts';
import { SAMPLE_BARTHEL, SAMPLE_LAWTON } from '../../scripts/form-samples-scales';
import { sampleApplication } from '../support/applications';
import { officeDateTime, officeToday } from '../support/office-clock';
import { expect, login, test, type AppHandle } from './fixtures';

test.use({ viewport: { width: 1366, height: 768 } });

const DIR = 'test-results/screens';

async function api<T>(app: AppHandle, method: Parameters<AppHandle['callApi']>[0], input: unknown): Promise<T> {
  const r = await app.callApi(method, input as never);
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.data as T;
}

/** What scrolls sideways on the page: the document, or any element whose content is wider than its box. */
async function sidewaysScroll(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    if (document.documentElement.scrollWidth > document.documentElement.clientWidth + 1) out.push(`страница: ${document.documentElement.scrollWidth}px`);
    for (const el of document.querySelectorAll<HTMLElement>('body *')) {
      const cs = getComputedStyle(el);
      if (!/(auto|scroll)/.test(cs.overflowX) || el.clientWidth === 0) continue;
      if (el.scrollWidth > el.clientWidth + 1 && el.querySelector('table')) out.push(`таблица: ${el.scrollWidth}px в ${el.clientWidth}px`);
    }
    return out;
  });
}

async function shot(page: Page, name: string): Promise<void> {
  await page.waitForLoadState('networkidle');
  await expect(page.locator('.mantine-Loader-root')).toHaveCount(0);
  await page.screenshot({ path: `${DIR}/${name}.png` });
  expect(await sidewaysScroll(page), `${name}: sideways scrolling`).toEqual([]);
}

test('every screen at 1366×768', async ({ app }) => {
  test.setTimeout(180_000);
  mkdirSync(DIR, { recursive: true });
  const { page } = app;
  await api(app, 'setup.init', { officeCode: 'nyagan', username: 'admin', fullName: 'Администраторова Анна Сергеевна', position: 'Главный специалист-эксперт', password: 'admin-pass-1', headName: 'Руководова Елена Петровна', headPosition: 'Начальник управления' });
  await api(app, 'users.create', { username: 'all', fullName: 'Всеволодова Мария Ивановна', position: 'Специалист-эксперт', roles: ['reception', 'specialist', 'head', 'admin'], password: 'staff-pass-1' });
  await api(app, 'auth.logout', {});
  await page.reload();
  await shot(page, '01-sign-in');
  await login(page, 'all', 'staff-pass-1');
  await expect(page.getByTestId('user-menu')).toBeVisible();

  // A case with requests sent and answered and the acts entered; a second one just registered.
  let c = await api<CaseView>(app, 'cases.register', sampleApplication({ receivedAt: officeDateTime(5) }));
  c = await api<CaseView>(app, 'requests.sendAll', {
    caseId: c.id,
    sentDate: officeToday(),
    requests: c.proposedRequests.map((p) => ({ agencyCode: p.agencyCode, documentKeys: p.documentKeys, subject: p.subject, channel: 'smev' })),
  });
  for (const r of c.requests.slice(1)) c = await api<CaseView>(app, 'requests.answer', { requestId: r.id, rev: r.rev, answerDate: officeToday(), incomingNumber: `вх-${r.id}`, summary: 'Сведения представлены' });
  await api(app, 'acts.save', { caseId: c.id, rev: 0, form: 'appendix3-citizen', act: CITIZEN_ACT, barthel: SAMPLE_BARTHEL, lawton: SAMPLE_LAWTON });
  await api(app, 'acts.save', { caseId: c.id, rev: 0, form: 'appendix4', act: NEED_ACT });
  await api(app, 'cases.register', sampleApplication({ receivedAt: officeDateTime(10), applicant: { lastName: 'Константинопольская-Щедрина', snils: undefined } }));

  const go = async (hash: string) => {
    await page.goto(page.url().replace(/#.*$/, '') + `#${hash}`);
  };
  const screens: [string, string][] = [
    ['02-home', '/'],
    ['03-journal', '/journal'],
    ['04-cases', '/cases'],
    ['05-deadlines', '/deadlines'],
    ['06-intake', '/intake'],
    ['07-person', `/persons/${c.personId}`],
    ['08-reference', '/reference'],
    ['09-catalogue', '/catalogue'],
    ['10-exchange', '/exchange'],
    ['11-admin-office', '/admin/office'],
    ['12-admin-users', '/admin/users'],
    ['13-admin-calendar', '/admin/calendar'],
    ['14-admin-audit', '/admin/audit'],
    ['15-admin-sessions', '/admin/sessions'],
  ];
  for (const [name, hash] of screens) {
    await go(hash);
    await shot(page, name);
  }

  // No portal configured: «Обмен» says so calmly, with nothing to retry.
  await go('/exchange');
  await expect(page.getByTestId('exchange-not-configured')).toContainText('Обмен с порталом не настроен');
  await expect(page.getByRole('button', { name: 'Обменяться сейчас' })).toHaveCount(0);
  await expect(page.getByTestId('exchange-errors')).toHaveCount(0);

  // A fresh install: the starter providers, marked as a sample to correct.
  await go('/catalogue');
  await page.getByRole('tab', { name: 'Поставщики' }).click();
  await expect(page.getByTestId('providers-unconfirmed')).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: '(не подтверждено)' })).toHaveCount(3);
  await shot(page, '09b-providers');

  // The case, tab by tab.
  await go(`/cases/${c.id}`);
  await expect(page.getByTestId('case-header')).toBeVisible();
  for (const [i, tab] of ['Заявление и документы', 'Запросы', 'Акты', 'Решение', 'Выдача', 'Ход дела'].entries()) {
    await page.getByRole('tab', { name: tab, exact: true }).click();
    await shot(page, `2${i}-case-${['details', 'requests', 'acts', 'decision', 'issue', 'timeline'][i]}`);
  }
  // The tabs are at the top: on screen without scrolling.
  await expect(page.getByRole('tab', { name: 'Запросы', exact: true })).toBeInViewport();
});
