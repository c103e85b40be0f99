/** Steps of the intake form through the real UI, shared by the specs that register applications. */
import type { Page } from '@playwright/test';
import { ADDRESS_PART_LABELS, ADDRESS_PARTS, type AddressParts } from '../../core/domain/address';
import { expect } from './fixtures';

export interface Applicant {
  lastName: string;
  firstName: string;
  middleName?: string;
  birthDate: string; // ДД.ММ.ГГГГ
  sex: 'Мужской' | 'Женский';
  snils?: string;
  docKind?: string;
}

export const label = (text: string) => new RegExp(`^${text}( \\*)?$`);

export async function fillApplicant(page: Page, a: Applicant): Promise<void> {
  const g = page.getByRole('group', { name: /^Заявитель/ });
  await g.getByLabel(label('Фамилия')).fill(a.lastName);
  await g.getByLabel(label('Имя')).fill(a.firstName);
  if (a.middleName) await g.getByLabel(label('Отчество')).fill(a.middleName);
  await g.getByLabel(label('Дата рождения')).fill(a.birthDate);
  await g.getByLabel(label('Пол')).selectOption({ label: a.sex });
  if (a.snils) await g.getByLabel(label('СНИЛС')).fill(a.snils.replace(/\D/g, ''));
  if (a.docKind) await g.getByLabel(label('Вид документа')).selectOption({ label: a.docKind });
  await g.getByLabel(label('Серия')).fill('67 04');
  await g.getByLabel(label('Номер')).fill('456789');
  await g.getByLabel(label('Кем выдан')).fill('ОВД г. Сургута');
  await g.getByLabel(label('Дата выдачи')).fill(a.docKind === 'Свидетельство о рождении' ? '10.06.2015' : '15.04.2005');
  await fillAddress(page, 'Адрес регистрации', REG_ADDRESS);
}

/** The applicant's address the intake helpers enter; printed as «628400, г. Сургут, ул. Ленина, д. 10, кв. 4». */
const REG_ADDRESS: AddressParts = { index: '628400', district: 'г. Сургут', street: 'Ленина', house: '10', flat: '4' };

/** Fills the parts given (an empty string clears one) in the group named `legend` («Адрес регистрации», «Адрес фактического проживания»). */
export async function fillAddress(page: Page, legend: string, a: AddressParts): Promise<void> {
  const g = page.getByRole('group', { name: legend, exact: true });
  for (const k of ADDRESS_PARTS) {
    const v = a[k];
    if (v !== undefined) await g.getByLabel(label(ADDRESS_PART_LABELS[k])).fill(v);
  }
}

export async function markReceived(page: Page, key: string, form: 'Подлинник' | 'Копия', sheets: number): Promise<void> {
  const row = page.getByTestId(`doc-${key}`);
  await row.getByText('Принят', { exact: true }).click();
  await row.getByText(form, { exact: true }).click();
  await row.getByLabel('Число листов').fill(String(sheets));
  await expect(row).toHaveAttribute('data-state', 'received');
}

export async function register(page: Page): Promise<string> {
  await page.getByRole('button', { name: /Зарегистрировать/ }).click();
  const done = page.getByTestId('registered');
  await expect(done).toBeVisible();
  const heading = await done.getByRole('heading', { name: /Зарегистрировано/ }).textContent();
  return /№ (\d+\/\d{4})/.exec(heading ?? '')![1];
}

export async function newApplication(page: Page, subservice: string): Promise<void> {
  const done = page.getByTestId('registered');
  if (await done.isVisible()) await done.getByRole('button', { name: 'Новое заявление' }).click();
  else await page.goto(page.url().replace(/#.*$/, '') + '#/intake');
  await expect(page.getByRole('heading', { name: 'Новое заявление' })).toBeVisible();
  await page.getByLabel(label('Подуслуга')).selectOption(subservice);
}
