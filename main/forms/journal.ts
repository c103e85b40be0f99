/**
 * Журнал регистрации заявлений (регламент, п. 44): the office's journal of
 * applications for a period, on A4 landscape, in journal-number order.
 * Annulled registrations stay in the journal with their reason.
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
  shortName,
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

export interface JournalData {
  office: OfficeView;
  /** Period, ISO dates. */
  from: string;
  to: string;
  rows: CaseRow[];
  printedBy: string;
  printedAt: Date;
}

const SHY = '\u00ad';

/** Widths in mm of the 262 mm landscape text width. */
const COLUMNS: Column[] = [
  { title: '№ п/п', width: 8, align: 'center' },
  { title: 'Рег. №', width: 18, align: 'center' },
  { title: `Дата и время поступ${SHY}ления`, width: 20, align: 'center' },
  { title: `Дата регист${SHY}рации`, width: 20, align: 'center' },
  { title: 'Заявитель (ФИО, дата рождения)', width: 31 },
  { title: 'СНИЛС', width: 27, align: 'center' },
  { title: 'Подуслуга', width: 38 },
  { title: `Способ поступ${SHY}ления`, width: 25, align: 'center' },
  { title: 'Принял (специалист)', width: 25 },
  { title: `Срок предостав${SHY}ления результата`, width: 19, align: 'center' },
  { title: 'Статус / отметка', width: 31 },
];

function snilsText(s: string | null): string {
  if (!s) return '—';
  try {
    return formatSnils(s).replace(' ', '\u00a0');
  } catch {
    return s;
  }
}

/** «Петрова М. И.» with no-break spaces between the initials, so they wrap together. */
function keepInitials(name: string): string {
  return name.replace(/(\S\.) (?=\S\.)/g, '$1\u00a0');
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
          keepInitials(shortName(r.registeredByName)),
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
