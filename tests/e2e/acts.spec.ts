/**
 * The Appendix 3 act entered from a centre's paper act, keyboard first, as a
 * trained specialist would: Enter from question to question, a digit for an
 * option, typed text where the paper has text. Every key pressed (a typed
 * text counts each character, a chord such as Ctrl+Enter counts once) and
 * every click is counted and printed:
 *
 *   Appendix 3: N keystrokes, M clicks
 *
 * The counts are reported, not asserted (the goal is under 250 keystrokes
 * for a typical case). The act saved is then read back through the API and
 * from its printed form. The typical case: an elderly woman living alone,
 * a pensioner with a disability (as registered), in an office whose earlier
 * acts came from the same centre.
 */
import type { Locator, Page } from '@playwright/test';
import type { CaseView } from '../../core/api/reception';
import { addDays, formatRuDate } from '../../core/domain/dates';
import { BARTHEL_ITEMS, LAWTON_ITEMS } from '../../core/domain/scales';
import { CITIZEN_ACT, SURGUT_CENTRE } from '../../scripts/form-samples-acts';
import { SAMPLE_BARTHEL, SAMPLE_LAWTON } from '../../scripts/form-samples-scales';
import { sampleApplication, snilsFrom } from '../support/applications';
import { officeDateTime, officeToday } from '../support/office-clock';
import { expect, login, test, type AppHandle } from './fixtures';
import { printedText } from './print';

test.use({ viewport: { width: 1366, height: 768 } });

const PASSWORD = 'staff-pass-1';
const SPECIALIST = 'Специалистова Ирина Олеговна';

async function api<T>(app: AppHandle, method: Parameters<AppHandle['callApi']>[0], input: unknown): Promise<T> {
  const r = await app.callApi(method, input as never);
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.data as T;
}

/** What a person does with the keyboard and the mouse, counted. */
class Hands {
  keys = 0;
  clicks = 0;
  constructor(private readonly page: Page) {}
  /** One key (or a chord such as Control+Enter), `times` times. */
  async press(key: string, times = 1): Promise<void> {
    for (let i = 0; i < times; i++) {
      await this.page.keyboard.press(key);
      this.keys++;
    }
  }
  /** Text typed character by character. */
  async type(text: string): Promise<void> {
    await this.page.keyboard.type(text);
    this.keys += [...text].length;
  }
  /** Text, then Enter to the next question. */
  async answer(text: string): Promise<void> {
    await this.type(text);
    await this.press('Enter');
  }
  async click(target: Locator): Promise<void> {
    await target.click();
    this.clicks++;
  }
}

/** The fields of a saved act that hold something (a multiple choice is one field, a table row's cells each). */
function filled(v: unknown): number {
  if (Array.isArray(v)) return v.length === 0 ? 0 : v.every((x) => typeof x === 'string') ? 1 : v.reduce((n: number, x) => n + filled(x), 0);
  if (v && typeof v === 'object') return Object.values(v).reduce((n: number, x) => n + filled(x), 0);
  return v === undefined || v === null || v === '' || v === false ? 0 : 1;
}

/** The paper act: what the centre wrote, as the specialist reads it off the page. */
const PAPER = {
  number: '47',
  diseases: 'гипертония, артроз',
  medicalVisits: '1 раз в месяц',
  iprNumber: '1207.5.86/2024',
  iprIssueDate: '15.10.2024',
  iprIssuer: 'бюро МСЭ № 5',
  concerns: 'боли в коленях',
  rooms: '1',
  floor: '4',
  furniture: 'имеется',
  appliances: 'имеется',
  rehabAids: 'трость',
  distances: ['0,3', '0,2', '0,8', '1,2'],
  income: '24817,36',
  compiler: 'Гай',
};

test('the Appendix 3 act from a paper act, keyboard first: keystrokes and clicks counted, the act saved and printed', async ({ app }) => {
  test.setTimeout(240_000); // each key is a round trip to the browser: long on a loaded machine
  const { page } = app;
  await api(app, 'setup.init', { officeCode: 'surgut', username: 'admin', fullName: 'Админова А. А.', position: 'Администратор', password: 'admin-pass-1' });
  await api(app, 'users.create', { username: 'spec', fullName: SPECIALIST, position: 'Специалист-эксперт', roles: ['reception', 'specialist'], password: PASSWORD });
  await api(app, 'auth.login', { username: 'spec', password: PASSWORD });
  // An earlier case of the office, its act from the same centre (the organisation and the social worker come from it).
  const earlier = await api<CaseView>(app, 'cases.register', sampleApplication({ receivedAt: officeDateTime(20 * 24 * 60), applicant: { snils: snilsFrom(71), lastName: 'Прежняя' } }));
  await api(app, 'acts.save', { caseId: earlier.id, rev: 0, form: 'appendix3-citizen', act: { ...CITIZEN_ACT, date: addDays(officeToday(), -14), signaturesDate: undefined, citizen: { ...CITIZEN_ACT.citizen, date: undefined } }, barthel: {}, lawton: {} });
  // This case: registered a week ago; a pensioner with a disability.
  const c = await api<CaseView>(app, 'cases.register', sampleApplication({ receivedAt: officeDateTime(7 * 24 * 60), circumstances: { pensioner: true, disabled: true } }));
  const actDate = addDays(officeToday(), -2);
  await api(app, 'auth.logout', {});
  await page.reload();
  await login(page, 'spec', PASSWORD);
  await expect(page.getByTestId('user-menu')).toContainText(SPECIALIST);
  await page.goto(page.url().replace(/#.*$/, '') + `#/cases/${c.id}`);
  await expect(page.getByTestId('case-header')).toBeVisible();

  // ---------------------------------------------------------------- the act, as a person enters it
  const k = new Hands(page);
  const act = page.getByRole('form', { name: 'Акт обследования гражданина' });
  const focused = (l: Locator) => expect(l).toBeFocused();
  await k.click(page.getByRole('tab', { name: 'Акты', exact: true }));
  // The act starts from what is known: today, the centre of the office's acts, the person, the categories registered.
  await expect(act.getByLabel('Дата акта')).toHaveValue(formatRuDate(officeToday()));
  await expect(act.getByLabel('Наименование организации социального обслуживания')).toHaveValue(SURGUT_CENTRE);
  await expect(act.getByLabel('Ф.И.О. гражданина', { exact: true })).toHaveValue('Семёнова Алёна Петровна');
  await expect(act.getByRole('checkbox', { name: 'пенсионер по старости' })).toBeChecked();
  await expect(act.getByRole('checkbox', { name: /^инвалид _+ группы$/ })).toBeChecked();

  await k.click(act.getByLabel('Номер акта'));
  await k.answer(PAPER.number);
  await focused(act.getByLabel('Дата акта'));
  await k.answer(formatRuDate(actDate).replace(/\./g, ''));
  // Organisation, name, address and categories are as the paper says: Enter past each.
  await k.press('Enter', 4);
  await focused(act.getByRole('radiogroup', { name: /Группа инвалидности/ }).getByRole('radio').first());
  await k.press('2'); // II группа, and on
  await focused(act.getByLabel('Наличие заболевания'));
  await k.answer(PAPER.diseases);
  await k.answer(PAPER.medicalVisits);
  await k.press('3'); // прием витаминов
  await k.press('Enter');
  await k.press('1'); // ИПР: да
  await focused(act.getByLabel('Номер ИПР'));
  await k.answer(PAPER.iprNumber);
  await k.answer(PAPER.iprIssueDate.replace(/\./g, ''));
  await k.answer(PAPER.iprIssuer);
  await k.answer(PAPER.concerns);
  await k.press('Enter'); // участковый врач: not on the paper
  await k.press('1'); // одинокая (nobody lives with her: no table)
  await k.press('2'); // вредные привычки: нет
  await k.press('Enter', 2); // конфликты: none, no note
  await k.press('2'); // квартира
  await focused(act.getByLabel('Количество комнат'));
  await k.answer(PAPER.rooms);
  await k.answer(PAPER.floor);
  await k.press('2'); // лифт: нет
  await k.press('2'); // пандус: нет
  await k.press('1'); // отопление централизованное
  await k.press('Enter');
  await k.press('1'); // холодная
  await k.press('2'); // горячая
  await k.press('5'); // ванная
  await k.press('Enter');
  await k.press('1'); // канализация: да
  await k.press('Enter'); // благоустройства: другое
  await k.answer(PAPER.furniture);
  await k.answer(PAPER.appliances);
  await k.answer(PAPER.rehabAids);
  for (const d of PAPER.distances) await k.answer(d);
  await k.press('Enter', 2); // источник водоснабжения, отсутствие жилья
  await focused(act.getByLabel('Среднедушевой доход гражданина (семьи), рублей'));
  await k.answer(PAPER.income);
  await k.press('Enter'); // дополнительные данные
  await k.press('1'); // отсутствие родственников…
  await k.press('2'); // одиночество
  await k.press('Enter');
  await k.press('3'); // …в данном населенном пункте, and on
  await k.press('2'); // наличие удобств
  await k.press('4'); // компактное размещение объектов
  await k.press('Enter');
  // The questionnaires: a digit per item.
  await focused(act.getByTestId('barthel-feeding').getByRole('radio').first());
  for (const [i, item] of BARTHEL_ITEMS.entries()) {
    await k.press(String(SAMPLE_BARTHEL[item.key] + 1));
    if (i === BARTHEL_ITEMS.length - 2) {
      // Far down the questionnaire, its running total and the save bar are still in sight, one under the other.
      const total = await act.getByTestId('barthel-sticky').boundingBox();
      const bar = await act.getByRole('button', { name: 'Сохранить' }).boundingBox();
      expect(bar!.y).toBeGreaterThanOrEqual(56);
      expect(total!.y).toBeGreaterThan(bar!.y + bar!.height);
      expect(total!.y + total!.height).toBeLessThan(768);
      await expect(act.getByTestId('barthel-total')).toContainText('Итого: 65 из 100');
    }
  }
  for (const item of LAWTON_ITEMS) await k.press(String(SAMPLE_LAWTON[item.key] + 1));
  await expect(act.getByTestId('barthel-total')).toHaveAttribute('data-score', '70');
  await expect(act.getByTestId('lawton-total')).toHaveAttribute('data-score', '5');
  // The conclusion.
  for (const digit of ['2', '2', '2', '2', '2', '1']) await k.press(digit);
  await focused(act.getByLabel('Заключение: степень'));
  await k.answer('4');
  await k.press('2'); // периодической
  await k.press('1'); // вследствие утраты способности к самообслуживанию
  await k.press('Enter');
  // Signatures: the social worker of the earlier act, picked by three letters; her position comes along.
  await focused(act.getByRole('textbox', { name: 'Составил: Должность (для присутствующих — статус, степень родства), строка 1' }));
  await k.press('Enter');
  await k.type(PAPER.compiler);
  await k.press('Enter'); // the first match
  await expect(act.getByRole('textbox', { name: 'Составил: Должность (для присутствующих — статус, степень родства), строка 1' })).toHaveValue('Специалист по социальной работе');
  await k.press('Enter', 3); // дата подписей (the act's), Ф.И.О. гражданина (as registered)
  await focused(act.getByRole('checkbox', { name: 'Достоверность и полноту настоящих сведений подтверждаю' }));
  await k.press('Space');
  await k.press('Enter');
  await k.press('Space'); // согласие на обработку персональных данных
  await k.press('Control+Enter');
  await expect(page.getByTestId('act-status-appendix3-citizen')).toHaveAttribute('data-complete', 'true');

  // ---------------------------------------------------------------- what was saved
  const saved = (await api<CaseView>(app, 'cases.get', { id: c.id })).acts.find((a) => a.form === 'appendix3-citizen')!;
  const { barthel: _points, lawton: _points2, ...answered } = saved.act;
  const fields = filled(answered) + Object.keys(saved.barthel ?? {}).length + Object.keys(saved.lawton ?? {}).length;
  console.log(`Appendix 3: ${k.keys} keystrokes, ${k.clicks} clicks, ${fields} fields filled`);
  expect(k.keys).toBeGreaterThan(0);

  expect(saved.complete, saved.missing.join('; ')).toBe(true);
  expect(saved.act).toMatchObject({
    number: '47',
    date: actDate,
    organization: SURGUT_CENTRE,
    fullName: 'Семёнова Алёна Петровна',
    categories: ['old_age_pensioner', 'disabled'],
    disabilityGroup: 'II',
    health: { diseases: PAPER.diseases, medicalVisits: PAPER.medicalVisits, prevention: ['vitamins'], ipr: 'yes', iprNumber: PAPER.iprNumber, iprIssueDate: '2024-10-15', iprIssuer: PAPER.iprIssuer, concerns: PAPER.concerns },
    familyStatus: 'single',
    badHabits: 'no',
    housing: { type: 'apartment', rooms: 1, floor: '4', lift: 'no', ramp: 'no' },
    amenities: { heating: ['central'], water: ['cold', 'hot', 'bath'], sewerage: 'yes' },
    furnishings: { furniture: 'имеется', appliances: 'имеется', rehabAids: 'трость' },
    distances: { transport: 0.3, shops: 0.2, post: 0.8, utilities: 1.2 },
    perCapitaIncome: 24817.36,
    riskFactors: ['no_relatives', 'loneliness'],
    noRelativesScope: 'in_locality',
    positiveFactors: ['amenities', 'compact_infrastructure'],
    barthel: { score: 70 },
    lawton: { score: 5 },
    householdActivity: 'lost_partly',
    independentLiving: 'lost_partly',
    independentOfHelp: 'lost_partly',
    socialIntegration: 'kept_partly',
    adaptation: 'partial_limits',
    compensation: 'active',
    degree: 4,
    helpKind: 'periodic',
    helpReasons: ['self_care_loss'],
    compiledBy: [{ position: 'Специалист по социальной работе', fullName: 'Гайнуллина Альбина Рашитовна' }],
    citizen: { fullName: 'Семёнова Алёна Петровна', confirmed: true, pdConsent: true },
  });
  expect(saved.barthel).toEqual(SAMPLE_BARTHEL);
  expect(saved.lawton).toEqual(SAMPLE_LAWTON);

  // ---------------------------------------------------------------- the printed act
  const printed = await printedText(page, async () => {
    await act.getByRole('button', { name: 'Печать акта' }).click();
  });
  expect(printed).toContain('Семёнова Алёна Петровна');
  expect(printed).toContain(PAPER.iprNumber);
  expect(printed).toContain(PAPER.diseases);
  expect(printed).toContain('Гайнуллина Альбина Рашитовна');
  expect(printed).toContain('№ 47');
  expect(printed).toMatch(/шкале Бартела[^\d]*70/);

  // ---------------------------------------------------------------- Appendix 4 starts from it
  await page.getByRole('tab', { name: /Приложение 4/ }).click();
  const need = page.getByRole('form', { name: 'Акт оценки индивидуальной потребности' });
  await expect(need.getByLabel('Наименование организации социального обслуживания')).toHaveValue(SURGUT_CENTRE);
  await expect(need.getByLabel('Дата рождения')).toHaveValue('14.03.1948');
  await expect(need.getByRole('radio', { name: 'жен.' })).toBeChecked();
  await expect(need.getByRole('radio', { name: 'II группа', exact: true })).toBeChecked();
  await expect(need.getByRole('combobox', { name: 'Составил: Ф.И.О., строка 1' })).toHaveValue('Гайнуллина Альбина Рашитовна');
  // A service from the catalogue of its type, picked by a few letters.
  await need.getByTestId('act4-services-household').getByRole('button', { name: 'Добавить услугу' }).click();
  await page.keyboard.type('Убор');
  await page.keyboard.press('Enter');
  const row = need.getByTestId('act4-services-household-row-1');
  await expect(row.getByRole('combobox')).toHaveValue('Уборка жилых помещений');
  await expect(row).toContainText('из перечня, единица: услуга');
});

test('the act form refuses what the act cannot say: a date after today, a count that is not a number', async ({ app }) => {
  const { page } = app;
  await api(app, 'setup.init', { officeCode: 'surgut', username: 'admin', fullName: 'Админова А. А.', position: 'Администратор', password: 'admin-pass-1' });
  await api(app, 'users.create', { username: 'spec', fullName: SPECIALIST, position: 'Специалист-эксперт', roles: ['reception', 'specialist'], password: PASSWORD });
  await api(app, 'auth.login', { username: 'spec', password: PASSWORD });
  const c = await api<CaseView>(app, 'cases.register', sampleApplication({ receivedAt: officeDateTime(60) }));
  await page.reload();
  await page.goto(page.url().replace(/#.*$/, '') + `#/cases/${c.id}`);
  await page.getByRole('tab', { name: 'Акты', exact: true }).click();
  const act = page.getByRole('form', { name: 'Акт обследования гражданина' });
  await act.getByLabel('Дата акта').fill(formatRuDate(addDays(officeToday(), 1)));
  await act.getByLabel('Количество комнат').fill('две');
  await act.getByRole('button', { name: 'Сохранить' }).click();
  // Refused before it reaches the backend, each message under its field, the notice naming the fields by their labels.
  await expect(act.getByText('Позже сегодняшней даты')).toBeVisible();
  await expect(act.getByText('Количество комнат: введите число')).toBeVisible();
  await expect(page.getByText(/^Проверьте данные\. .*Количество комнат: введите число/)).toBeVisible();
  await expect(page.getByText(/Дата: Позже сегодняшней даты/)).toBeVisible();
  await expect(act.getByLabel('Дата акта')).toBeFocused();
  expect((await api<CaseView>(app, 'cases.get', { id: c.id })).acts).toEqual([]);
  // The unsaved changes are guarded: leaving asks first.
  await page.getByRole('navigation').getByText('Журнал', { exact: true }).click();
  await expect(page.getByRole('dialog', { name: 'Несохранённые изменения' })).toBeVisible();
  await page.getByRole('button', { name: 'Остаться' }).click();
  await expect(act.getByLabel('Количество комнат')).toHaveValue('две');
});
