/**
 * Журнал регистрации заявлений (регламент, п. 37, п. 44, п. 45): the
 * office's journal of applications for a period, on A4 landscape, in
 * journal-number order, with the position and full name of the specialist
 * who accepted each application (p.37); annulled registrations stay with
 * their reason. A second section registers the interagency requests of
 * those applications and the answers to them (p.45: answers are registered
 * «в журнале регистрации заявлений»).
 */
import type { CaseRow } from '../../core/api/reception';
import type { OfficeView } from '../../core/api/contract';
import { formatRuDate, formatRuDateTime } from '../../core/domain/dates';
import { CHANNEL_LABELS, type Channel } from '../../core/domain/deadlines';
import { CASE_STATUS_LABELS } from '../../core/domain/case-states';
import { formatSnils } from '../../core/domain/snils';
import type { SubserviceCode } from '../../core/domain/checklists';
import {
  createDocument,
  formatDateOf,
  formatLocalDateTime,
  landscapeSection,
  para,
  run,
  table,
  title,
  toBuffer,
  type Cell,
  type Column,
} from './docx-kit';

/**
 * Short names of the sub-services for the journal's narrow column (the full
 * names of subservices.json run up to 14 lines there).
 */
export const JOURNAL_SUBSERVICE_NAMES: Record<SubserviceCode, string> = {
  home: 'Социальные услуги на дому',
  'semi-stationary': 'Социальные услуги в полустационарной форме',
  stationary: 'Социальные услуги в стационарной форме',
  'special-housing':
    'Жилые помещения специализированного жилищного фонда (социальные квартиры, специальный дом для одиноких престарелых)',
  'minors-semi-stationary': 'Несовершеннолетним: социальные услуги в полустационарной форме',
};

/** An interagency request of a journal row and its answer. */
export interface JournalRequest {
  agencyName: string;
  subject: string;
  outgoingNumber: string;
  /** ISO dates. */
  sentDate: string;
  dueDate: string;
  answerDate: string | null;
  answerIncomingNumber: string | null;
}

export type JournalRow = CaseRow & {
  /** p.37: the accepting specialist's position (the name is `registeredByName`). */
  registeredByPosition: string;
  requests: JournalRequest[];
};

export interface JournalData {
  office: OfficeView;
  /** Period, ISO dates. */
  from: string;
  to: string;
  rows: JournalRow[];
  printedBy: string;
  printedAt: Date;
}

/** Widths in mm of the landscape text width. */
const COLUMNS: Column[] = [
  { title: '№ п/п', width: 8, align: 'center' },
  { title: 'Рег. №', width: 17, align: 'center' },
  { title: 'Дата и время поступления', width: 21, align: 'center' },
  { title: 'Дата регистрации', width: 21, align: 'center' },
  { title: 'Заявитель (ФИО, дата рождения)', width: 31 },
  { title: 'СНИЛС', width: 28, align: 'center' },
  { title: 'Подуслуга', width: 31 },
  { title: 'Способ поступления', width: 22, align: 'center' },
  { title: 'Принял (должность, фамилия, имя, отчество)', width: 35 },
  { title: 'Срок результата', width: 19, align: 'center' },
  { title: 'Статус / отметка', width: 29 },
];

const REQUEST_COLUMNS: Column[] = [
  { title: '№ п/п', width: 8, align: 'center' },
  { title: 'Рег. № заявления', width: 20, align: 'center' },
  { title: 'Заявитель', width: 34 },
  { title: 'Орган (организация)', width: 36 },
  { title: 'Запрошенные документы (сведения)', width: 66 },
  { title: 'Запрос: исх. №, дата', width: 26, align: 'center' },
  { title: 'Срок ответа', width: 18, align: 'center' },
  { title: 'Ответ зарегистрирован: дата, вх. №', width: 30, align: 'center' },
];

function snilsText(s: string | null): string {
  if (!s) return '—';
  try {
    return formatSnils(s).replace(' ', '\u00a0');
  } catch {
    return s;
  }
}

function requestRows(rows: JournalRow[]): Cell[][] {
  const out: Cell[][] = [];
  for (const r of rows) {
    for (const q of r.requests) {
      out.push([
        String(out.length + 1),
        r.journalNumber,
        r.applicantName,
        q.agencyName,
        q.subject,
        `№ ${q.outgoingNumber}\nот ${formatRuDate(q.sentDate)}`,
        formatRuDate(q.dueDate),
        q.answerDate ? `${formatRuDate(q.answerDate)}${q.answerIncomingNumber ? `\nвх. № ${q.answerIncomingNumber}` : ''}` : 'ответ не поступил',
      ]);
    }
  }
  return out.length > 0 ? out : [[{ text: 'Запросы не направлялись', colSpan: REQUEST_COLUMNS.length, align: 'center' }]];
}

function statusText(r: CaseRow): string {
  if (r.status === 'annulled') return `Аннулировано: ${r.annulReason ?? 'причина не указана'}`;
  return CASE_STATUS_LABELS[r.status] ?? r.status;
}

export async function buildJournal(d: JournalData): Promise<Buffer> {
  const rows = [...d.rows].sort((a, b) => a.journalYear - b.journalYear || a.journalSeq - b.journalSeq);
  const body: Cell[][] =
    rows.length > 0
      ? rows.map((r, i) => [
          String(i + 1),
          r.journalNumber,
          formatLocalDateTime(r.receivedAt).replace(' ', '\n'),
          formatDateOf(r.registeredAt),
          `${r.applicantName},\n${formatRuDate(r.applicantBirthDate)} г. р.`,
          snilsText(r.snils),
          JOURNAL_SUBSERVICE_NAMES[r.subservice as SubserviceCode] ?? r.subservice,
          CHANNEL_LABELS[r.channel as Channel] ?? r.channel,
          `${r.registeredByPosition}\n${r.registeredByName}`,
          formatRuDate(r.dueResult),
          statusText(r),
        ])
      : [[{ text: 'За период заявления не регистрировались', colSpan: COLUMNS.length, align: 'center' }]];

  const children = [
    ...title(
      ['ЖУРНАЛ', 'регистрации заявлений о признании граждан нуждающимися в социальном обслуживании'],
      { before: 0, after: 2 },
    ),
    para(d.office.name, { align: 'center' }),
    para(`за период с ${formatRuDate(d.from)} по ${formatRuDate(d.to)}`, { align: 'center', after: 8 }),
    table(COLUMNS, body, { orientation: 'landscape', fontSize: 10, headerFontSize: 9 }),
    para([run('Всего записей: ', { bold: true }), run(String(rows.length))], { before: 8 }),

    para('Межведомственные запросы и ответы на них (п. 45 Административного регламента)', {
      bold: true,
      align: 'center',
      before: 14,
      after: 6,
      keepNext: true,
    }),
    table(REQUEST_COLUMNS, requestRows(rows), { orientation: 'landscape', fontSize: 10, headerFontSize: 9 }),
    para(`Журнал сформирован ${formatRuDateTime(d.printedAt)}, распечатал: ${d.printedBy}`, {
      size: 10,
      before: 4,
      italics: true,
    }),
  ];

  const doc = createDocument({
    title: `Журнал регистрации заявлений с ${formatRuDate(d.from)} по ${formatRuDate(d.to)}`,
    subject: 'Журнал регистрации заявлений',
    sections: [landscapeSection(children)],
  });
  return toBuffer(doc);
}
