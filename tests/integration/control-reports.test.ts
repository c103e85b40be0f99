/**
 * Reports and exports: the journal and a filtered case list as XLSX (rows
 * equal the list, Russian headers, dates as dates), the statistical report
 * as XLSX and DOCX matching the journal rows of its period, exports as jobs
 * with progress, owned by the user who started them.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../core/api/errors';
import type { CaseRow } from '../../core/api/reception';
import { CASE_STATUS_LABELS } from '../../core/domain/case-states';
import { CHANNEL_LABELS, type Channel } from '../../core/domain/deadlines';
import { formatRuDate, formatRuDateTime } from '../../core/domain/dates';
import { subserviceLabel } from '../../core/domain/labels';
import { REFUSAL_GROUNDS } from '../../core/domain/refusal-grounds';
import { fillDatabase } from '../../bench/generate';
import { fillControlData } from '../../bench/generate-control';
import { jobsOf } from '../../main/backend/control/jobs';
import { docxText as docxToText } from '../helpers/docx-xml';
import { createEnv, userWithRoles, type TestEnv } from './helpers';

let env: TestEnv;
let head: string;
let spec: string;
const clock = new Date('2026-11-25T06:00:00Z');
const FROM = '2025-01-01';
const TO = '2025-12-31';

async function call<T>(token: string, method: string, input: unknown): Promise<T> {
  const r = await env.backend.call(token, method, input);
  if (!r.envelope.ok) throw new ApiError(r.envelope.error.code, r.envelope.error.message, r.envelope.error.fields);
  return r.envelope.data as T;
}

/** Starts a job, follows its progress to the end, downloads the file. */
async function runJob(token: string, method: string, input: unknown) {
  const { jobId, total } = await call<{ jobId: string; total: number }>(token, method, input);
  const first = await call<{ state: string; done: number; total: number }>(token, 'exports.status', { jobId });
  expect(first.total).toBe(total);
  await jobsOf(env.backend.services).settle(jobId);
  const st = await call<{ state: string; done: number; total: number; progress: number; fileName: string }>(token, 'exports.status', { jobId });
  expect(st).toMatchObject({ state: 'done', done: total, progress: 1 });
  const f = await call<{ fileName: string; mime: string; base64: string }>(token, 'exports.download', { jobId });
  expect(f.fileName).toBe(st.fileName);
  return { ...f, buf: Buffer.from(f.base64, 'base64'), jobId, total };
}

async function journalRows(filter: object): Promise<CaseRow[]> {
  const out: CaseRow[] = [];
  for (let page = 1; ; page++) {
    const r = await call<{ rows: CaseRow[]; total: number }>(head, 'cases.list', { ...filter, sort: 'number_asc', page, pageSize: 500 });
    out.push(...r.rows);
    if (out.length >= r.total) return out;
  }
}

const readXlsx = async (buf: Buffer) => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb;
};

beforeAll(async () => {
  env = await createEnv({ now: () => clock });
  head = await userWithRoles(env, 'head', ['head']);
  spec = await userWithRoles(env, 'spec1', ['specialist']);
  await userWithRoles(env, 'spec2', ['specialist']);
  const users = env.backend.db.$client.prepare('select id, full_name as name, username from users').all() as { id: number; name: string; username: string }[];
  const u = (n: string) => users.find((x) => x.username === n)!;
  const cal = env.backend.services.calendar();
  fillDatabase(env.backend.db, cal, { persons: 300, cases: 4000, officeCode: 'khanty-mansiysk', userId: u('spec1').id, userName: u('spec1').name, until: '2026-11-25', seed: 5 });
  fillControlData(env.backend.db, cal, { specialists: [u('spec1'), u('spec2')], headId: u('head').id, headName: u('head').name, officeCode: 'khanty-mansiysk', today: '2026-11-25', complaints: 40 });
}, 120_000);
afterAll(() => env.cleanup());

describe('XLSX exports', () => {
  it('the journal of a period: its rows, in journal order, the screen’s columns, dates as dates', async () => {
    const rows = await journalRows({ from: FROM, to: TO });
    expect(rows.length).toBeGreaterThan(300);
    const f = await runJob(spec, 'exports.cases', { layout: 'journal', from: FROM, to: TO, sort: 'number_asc' });
    expect(f.fileName).toBe('Журнал регистрации заявлений 01.01.2025—31.12.2025.xlsx');
    expect(f.mime).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const ws = (await readXlsx(f.buf)).getWorksheet('Журнал')!;
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual([
      'Рег. №', 'Поступило', 'Зарегистрировано', 'Срок регистрации нарушен', 'Заявитель', 'Дата рождения', 'СНИЛС', 'Подуслуга', 'Способ', 'Принял', 'Статус', 'Причина аннулирования',
    ]);
    expect(ws.rowCount).toBe(rows.length + 1);
    rows.forEach((r, i) => {
      const x = ws.getRow(i + 2);
      expect(x.getCell(1).value).toBe(r.journalNumber);
      const received = x.getCell(2).value as Date;
      expect(received).toBeInstanceOf(Date);
      expect(received.toISOString().slice(0, 16)).toBe(r.receivedAt.slice(0, 16));
      const registered = x.getCell(3).value as Date;
      expect(formatRuDate(registered.toISOString().slice(0, 10)) + registered.toISOString().slice(10, 16).replace('T', ' ')).toBe(formatRuDateTime(r.registeredAt));
      expect(x.getCell(4).value ?? '').toBe(r.registeredLate ? 'Да' : '');
      expect(x.getCell(5).value).toBe(r.applicantName);
      expect((x.getCell(6).value as Date).toISOString().slice(0, 10)).toBe(r.applicantBirthDate);
      expect(x.getCell(8).value).toBe(subserviceLabel(r.subservice));
      expect(x.getCell(9).value).toBe(CHANNEL_LABELS[r.channel as Channel]);
      expect(x.getCell(11).value).toBe(CASE_STATUS_LABELS[r.status]);
    });
    expect(ws.getColumn(2).numFmt).toBe('dd.mm.yyyy hh:mm');
    const audit = await call<{ rows: { action: string; entity: string }[] }>(env.adminToken, 'audit.list', { action: 'export' });
    expect(audit.rows[0]).toMatchObject({ entity: 'journal' });
  });

  it('a filtered case list: the rows of cases.list with the same filter, with the responsible specialist', async () => {
    const filter = { outcome: 'refusal' as const, responsibleId: 3 };
    const rows = (await call<{ rows: CaseRow[] }>(head, 'cases.list', { ...filter, sort: 'due_asc', pageSize: 500 })).rows;
    expect(rows.length).toBeGreaterThan(0);
    const f = await runJob(head, 'exports.cases', { ...filter, layout: 'cases', sort: 'due_asc' });
    const ws = (await readXlsx(f.buf)).getWorksheet('Дела')!;
    expect(ws.getRow(1).getCell(11).value).toBe('Ответственный');
    expect(ws.rowCount - 1).toBe(rows.length);
    expect(Array.from({ length: rows.length }, (_, i) => ws.getRow(i + 2).getCell(1).value)).toEqual(rows.map((r) => r.journalNumber));
    expect(ws.getRow(2).getCell(11).value).toBe(rows[0]!.responsibleName);
  });

  it('a job belongs to its user and is downloaded once', async () => {
    const { jobId } = await call<{ jobId: string }>(spec, 'exports.cases', { from: '2026-11-01', to: '2026-11-25' });
    await jobsOf(env.backend.services).settle(jobId);
    await expect(call(head, 'exports.status', { jobId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await call(spec, 'exports.download', { jobId });
    await expect(call(spec, 'exports.download', { jobId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(call(spec, 'exports.status', { jobId: 'не-номер' })).rejects.toMatchObject({ code: 'VALIDATION' });
  });
});

describe('the statistical report of a period matches the journal rows of the period', () => {
  it('XLSX: counts by sub-service and channel, outcomes and refusals by ground', async () => {
    const rows = await journalRows({ from: FROM, to: TO });
    const f = await runJob(head, 'reports.statistics', { from: FROM, to: TO, format: 'xlsx' });
    expect(f.fileName).toBe('Статистический отчёт 01.01.2025—31.12.2025.xlsx');
    const wb = await readXlsx(f.buf);
    const t1 = wb.getWorksheet('Таблица 1')!;
    const value = (ws: ExcelJS.Worksheet, label: string) => {
      for (let i = 2; i <= ws.rowCount; i++) if (ws.getRow(i).getCell(1).value === label) return ws.getRow(i).getCell(2).value;
      throw new Error(`no row ${label}`);
    };
    expect(value(t1, 'Всего зарегистрировано в журнале за период')).toBe(rows.length);
    for (const s of new Set(rows.map((r) => r.subservice))) expect(value(t1, `подуслуга ${subserviceLabel(s)}`)).toBe(rows.filter((r) => r.subservice === s).length);
    for (const c of new Set(rows.map((r) => r.channel))) expect(value(t1, `способ поступления: ${CHANNEL_LABELS[c as Channel]}`)).toBe(rows.filter((r) => r.channel === c).length);
    expect(value(t1, 'Зарегистрировано с нарушением срока (п. 35, 43)')).toBe(rows.filter((r) => r.registeredLate).length);

    // Months: the journal rows by month of registration.
    const t2 = wb.getWorksheet('Таблица 2')!;
    const monthTotals = Array.from({ length: 12 }, (_, i) => t2.getRow(i + 2).getCell(t2.columnCount).value);
    const byMonth = Array.from({ length: 12 }, (_, m) => rows.filter((r) => formatRuDateTime(r.registeredAt).slice(3, 5) === String(m + 1).padStart(2, '0')).length);
    expect(monthTotals).toEqual(byMonth);

    // Outcomes: withdrawn and annulled as the journal shows them; ИППСУ and refusals as lists by outcome.
    const t3 = wb.getWorksheet('Таблица 3')!;
    expect(value(t3, 'Отозвано заявителем')).toBe(rows.filter((r) => r.status === 'withdrawn').length);
    expect(value(t3, 'Регистрация аннулирована')).toBe(rows.filter((r) => r.status === 'annulled').length);
    const refusals = await journalRows({ from: FROM, to: TO, outcome: 'refusal' });
    expect(value(t3, 'Отказ')).toBe(refusals.length);
    const t4 = wb.getWorksheet('Таблица 4')!;
    for (const g of REFUSAL_GROUNDS) expect(value(t4, g.text)).toBe((await journalRows({ from: FROM, to: TO, refusalGround: g.code })).length);
    const t6 = wb.getWorksheet('Таблица 6')!;
    expect(t6.getRow(1).values).toEqual([undefined, 'Этап', 'Пункт', 'В срок', 'С нарушением', 'Срок не истёк', 'Просрочено', 'Доля в срок']);
    const reg = t6.getRow(2);
    expect([reg.getCell(1).value, Number(reg.getCell(3).value) + Number(reg.getCell(4).value)]).toEqual([
      'Регистрация заявления',
      rows.filter((r) => r.status !== 'annulled').length,
    ]);
  });

  it('DOCX: the same figures in the printed report', async () => {
    const rows = await journalRows({ from: FROM, to: TO });
    const f = await runJob(head, 'reports.statistics', { from: FROM, to: TO, format: 'docx' });
    const text = docxToText(f.buf).replace(/\s+/g, ' ');
    expect(text).toContain('Статистический отчёт');
    expect(text).toContain('за период с 01.01.2025 по 31.12.2025');
    expect(text).toContain(`Всего зарегистрировано в журнале за период ${rows.length.toLocaleString('ru-RU')}`.replace(/\s+/g, ' '));
    expect(text).toContain(`Отозвано заявителем ${rows.filter((r) => r.status === 'withdrawn').length}`);
    expect(text).toContain('Соблюдение сроков по этапам');
    expect(text).toContain(REFUSAL_GROUNDS[0].text.slice(0, 60));
  });

  it('for one specialist, and only for the head', async () => {
    const rows = await journalRows({ from: FROM, to: TO, responsibleId: 3 });
    const f = await runJob(head, 'reports.statistics', { from: FROM, to: TO, responsibleId: 3, format: 'xlsx' });
    const t1 = (await readXlsx(f.buf)).getWorksheet('Таблица 1')!;
    expect(t1.getRow(2).getCell(2).value).toBe(rows.length);
    await expect(call(spec, 'reports.statistics', { from: FROM, to: TO, format: 'xlsx' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
