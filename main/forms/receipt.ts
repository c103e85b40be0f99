/**
 * Расписка в получении документов (регламент, п. 37 and п. 44): the
 * documents received and the date the Управление received them, the
 * documents and information the office will obtain by interagency requests,
 * the required documents not provided, and the position and name of the
 * specialist who accepted the documents. Made to fit one page for a typical
 * case (up to 10 documents); a longer one keeps its signatures with the
 * text before them.
 */
import { AUTHORITY_LABELS, type CaseView } from '../../core/api/reception';
import type { OfficeView } from '../../core/api/contract';
import { formatRuDate } from '../../core/domain/dates';
import { CHANNEL_LABELS, type Channel } from '../../core/domain/deadlines';
import { formatSnils } from '../../core/domain/snils';
import {
  capitalize,
  createDocument,
  formatDateOf,
  formatLocalDateTime,
  labelValue,
  para,
  portraitSection,
  run,
  shortName,
  signatureColumns,
  spacer,
  table,
  title,
  toBuffer,
  type Cell,
} from './docx-kit';
import { officeTitle } from './letterhead';

export interface ReceiptData {
  office: OfficeView;
  case: CaseView;
  subserviceName: string;
  /** Agency code -> name as the UI shows it (reference data, current names), for the interagency table. */
  agencyNames: Record<string, string>;
  mfcName: string | null;
}

function str(v: unknown): string | null {
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : null;
}

function applicantLine(c: CaseView): string {
  const a = c.applicant;
  const name = c.applicantName || [a.lastName, a.firstName, a.middleName].filter(Boolean).join(' ');
  const parts = [name, `дата рождения ${formatRuDate(c.applicantBirthDate || a.birthDate)}`];
  const snils = c.snils ?? a.snils ?? null;
  if (snils) parts.push(`СНИЛС ${formatSnilsSafe(snils)}`);
  return parts.join(', ');
}

export function formatSnilsSafe(s: string): string {
  try {
    return formatSnils(s);
  } catch {
    return s;
  }
}

/** «Доверенность № 86 АА 1234567 от 15.01.2025», «Законный представитель, документ № … от …», … */
export function authorityLine(r: Record<string, unknown>): string {
  const authority = str(r.authority);
  const num = str(r.authorityNumber);
  const date = str(r.authorityDate);
  const doc = [num ? `№ ${num}` : null, date ? `от ${formatRuDate(date)}` : null].filter(Boolean).join(' ');
  if (authority === 'power_of_attorney') return doc ? `доверенность ${doc}` : 'доверенность';
  const parts: string[] = [];
  if (authority === 'organization') parts.push(`${AUTHORITY_LABELS.organization.toLowerCase()}: ${str(r.organization) ?? 'не указано'}`);
  else if (authority === 'legal') parts.push(AUTHORITY_LABELS.legal.toLowerCase());
  else parts.push('не указано');
  if (doc) parts.push(`документ, подтверждающий полномочия, ${doc}`);
  return parts.join(', ');
}

export function channelLine(c: CaseView, mfcName: string | null): string {
  const label = CHANNEL_LABELS[c.channel as Channel] ?? c.channel;
  const mfc = mfcName ?? c.mfcName;
  return c.channel === 'mfc' && mfc ? `через МФЦ — ${mfc}` : label;
}

/**
 * p.44: the date the Управление received the documents. In person, with the
 * time of the visit; by mail, portal or МФЦ, the date they reached the
 * Управление (the МФЦ's own time is not the Управление's).
 */
function receivedLine(c: CaseView): [string, string] {
  if (c.channel === 'in_person') return ['Дата и время получения документов', formatLocalDateTime(c.receivedAt)];
  return ['Дата получения документов Управлением', formatRuDate(c.receivedAt.slice(0, 10))];
}

const FORM_LABELS: Record<string, string> = { original: 'Подлинник', copy: 'Копия' };

export async function buildReceipt(d: ReceiptData): Promise<Buffer> {
  const c = d.case;
  const received = c.documents.filter((x) => x.state === 'received');
  const toRequest = c.documents.filter((x) => x.state === 'to_request');
  const notProvided = c.documents.filter((x) => x.state === 'not_provided');
  const small = { fontSize: 9.5, headerFontSize: 9, compact: true } as const;
  const rep = c.representative;
  const repName = rep ? str(rep.fullName) : null;
  const recipient = repName ?? c.applicantName;
  const sectionHead = (text: string) => para(text, { bold: true, before: 4, after: 2, keepNext: true, size: 11 });
  const line = (label: string, value: string) => labelValue(label, value, { size: 11, after: 2, align: 'left' });
  const [receivedLabel, receivedValue] = receivedLine(c);

  const receivedRows: Cell[][] = received.map((x, i) => [
    String(i + 1),
    capitalize(x.title),
    FORM_LABELS[x.form ?? ''] ?? '—',
    x.sheets == null ? '—' : String(x.sheets),
  ]);
  const totalSheets = received.reduce((s, x) => s + (x.sheets ?? 0), 0);
  receivedRows.push([
    { text: 'Итого листов:', colSpan: 3, align: 'right', bold: true },
    { text: String(totalSheets), bold: true },
  ]);

  const children = [
    // The office (its phone is given with the result's date below).
    officeTitle(d.office.name, { size: 10, after: 2 }),

    ...title('РАСПИСКА в получении документов', { before: 4, after: 6 }),

    para(
      [
        run('Заявление зарегистрировано в журнале регистрации заявлений ', { size: 11 }),
        run(`№ ${c.journalNumber} от ${formatDateOf(c.registeredAt)}`, { bold: true, size: 11 }),
      ],
      { align: 'both', after: 2 },
    ),
    line('Государственная услуга', d.subserviceName),
    line('Заявитель', applicantLine(c)),
    ...(rep ? [line('Представитель заявителя', `${repName ?? '—'}; основание полномочий: ${authorityLine(rep)}`)] : []),
    line('Способ подачи заявления', channelLine(c, d.mfcName)),
    line(receivedLabel, receivedValue),

    sectionHead('Перечень принятых документов'),
    received.length > 0
      ? table(
          [
            { title: '№', width: 7, align: 'center' },
            { title: 'Наименование документа', width: 120 },
            { title: 'Подлинник / копия', width: 20, align: 'center' },
            { title: 'Листов', width: 16, align: 'center' },
          ],
          receivedRows,
          small,
        )
      : para('Документы не представлены.', { size: 11 }),

    sectionHead(
      'Документы и сведения, которые будут получены в порядке межведомственного информационного взаимодействия',
    ),
    toRequest.length > 0
      ? table(
          [
            { title: '№', width: 7, align: 'center' },
            { title: 'Наименование документа (сведений)', width: 114 },
            { title: 'Орган (организация)', width: 42 },
          ],
          toRequest.map((x, i) => [
            String(i + 1),
            capitalize(x.title),
            (x.agencyCode && d.agencyNames[x.agencyCode]) || x.agencyCode || '—',
          ]),
          small,
        )
      : para('не требуются', { size: 11 }),

    ...(notProvided.length > 0
      ? [
          sectionHead('Не представлены документы, обязательные для представления заявителем:'),
          ...notProvided.map((x, i) => para(`${i + 1}) ${capitalize(x.title)}${i === notProvided.length - 1 ? '.' : ';'}`, { size: 10, align: 'both' })),
        ]
      : []),

    para(
      [
        run('Результат предоставления государственной услуги будет предоставлен не позднее ', { size: 11 }),
        run(formatRuDate(c.deadlines.result), { bold: true, size: 11 }),
        run('. ', { size: 11 }),
        run('Телефон для справок: ', { bold: true, size: 11 }),
        run(d.office.phone, { size: 11 }),
      ],
      { align: 'both', before: 6, after: 2 },
    ),

    spacer(3),
    signatureColumns([
      {
        heading: 'Документы принял:',
        detail: `${c.registeredByPosition} ${c.registeredByName}`,
        name: shortName(c.registeredByName),
        date: formatDateOf(c.registeredAt),
      },
      { heading: 'Расписку получил:', detail: recipient, name: shortName(recipient), date: true },
    ], { leftShare: 0.56 }),
  ];

  const doc = createDocument({
    title: `Расписка в получении документов № ${c.journalNumber}`,
    subject: 'Расписка в получении документов',
    sections: [portraitSection(children)],
  });
  return toBuffer(doc);
}
