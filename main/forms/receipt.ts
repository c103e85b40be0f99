/**
 * Расписка в получении документов (регламент, п. 37 and п. 44): the
 * documents received and the date of receipt, the documents and information
 * the office will obtain by interagency requests, and the position and name
 * of the specialist who accepted the documents.
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
  signatureLine,
  spacer,
  table,
  title,
  toBuffer,
  type Cell,
} from './docx-kit';

export interface ReceiptData {
  office: OfficeView;
  case: CaseView;
  subserviceName: string;
  /** Agency code -> name, for the interagency table. */
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

function formatSnilsSafe(s: string): string {
  try {
    return formatSnils(s);
  } catch {
    return s;
  }
}

/** «Доверенность № 86 АА 1234567 от 15.01.2025», «Законный представитель, документ № … от …», … */
function authorityLine(r: Record<string, unknown>): string {
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

function channelLine(c: CaseView, mfcName: string | null): string {
  const label = CHANNEL_LABELS[c.channel as Channel] ?? c.channel;
  const mfc = mfcName ?? c.mfcName;
  return c.channel === 'mfc' && mfc ? `через МФЦ — ${mfc}` : label;
}

const FORM_LABELS: Record<string, string> = { original: 'Подлинник', copy: 'Копия' };

export async function buildReceipt(d: ReceiptData): Promise<Buffer> {
  const c = d.case;
  const received = c.documents.filter((x) => x.state === 'received');
  const toRequest = c.documents.filter((x) => x.state === 'to_request');
  const rep = c.representative;
  const repName = rep ? str(rep.fullName) : null;
  const recipient = repName ?? c.applicantName;
  const sectionHead = (text: string) => para(text, { bold: true, before: 8, after: 4, keepNext: true });

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
    // Letterhead.
    para(d.office.name, { align: 'center', bold: true }),
    para(`${d.office.address}\nТел.: ${d.office.phone}${d.office.email ? `, эл. почта: ${d.office.email}` : ''}`, {
      align: 'center',
      size: 10,
      after: 6,
      ruleBelow: true,
    }),

    ...title(['РАСПИСКА', 'в получении документов'], { before: 10, after: 10 }),

    para(
      [
        run('Заявление зарегистрировано в журнале регистрации заявлений '),
        run(`№ ${c.journalNumber} от ${formatDateOf(c.registeredAt)}`, { bold: true }),
      ],
      { align: 'both', after: 3 },
    ),
    labelValue(
      'Государственная услуга',
      `признание гражданина нуждающимся в социальном обслуживании: ${d.subserviceName}`,
    ),
    labelValue('Заявитель', applicantLine(c)),
    ...(rep
      ? [
          labelValue('Представитель заявителя', repName ?? '—'),
          labelValue('Основание полномочий', authorityLine(rep)),
        ]
      : []),
    labelValue('Способ подачи заявления', channelLine(c, d.mfcName)),
    labelValue('Дата и время получения документов', formatLocalDateTime(c.receivedAt)),

    sectionHead('Перечень принятых документов'),
    received.length > 0
      ? table(
          [
            { title: '№', width: 7, align: 'center' },
            { title: 'Наименование документа', width: 110 },
            { title: 'Подлинник / копия', width: 26, align: 'center' },
            { title: 'Кол-во листов', width: 20, align: 'center' },
          ],
          receivedRows,
        )
      : para('Документы не представлены.'),

    sectionHead(
      'Документы и сведения, которые будут получены в порядке межведомственного информационного взаимодействия',
    ),
    toRequest.length > 0
      ? table(
          [
            { title: '№', width: 7, align: 'center' },
            { title: 'Наименование документа (сведений)', width: 96 },
            { title: 'Орган (организация)', width: 60 },
          ],
          toRequest.map((x, i) => [
            String(i + 1),
            capitalize(x.title),
            (x.agencyCode && d.agencyNames[x.agencyCode]) || x.agencyCode || '—',
          ]),
        )
      : para('не требуются'),

    spacer(8),
    para(
      [
        run('Результат предоставления государственной услуги будет предоставлен не позднее '),
        run(formatRuDate(c.deadlines.result), { bold: true }),
        run('.'),
      ],
      { align: 'both', after: 3 },
    ),
    labelValue('Телефон для справок', d.office.phone),

    para([run('Документы принял: ', { bold: true }), run(`${c.registeredByPosition} ${c.registeredByName}`)], {
      before: 10,
      after: 8,
      keepNext: true,
    }),
    signatureLine({ name: shortName(c.registeredByName), date: formatDateOf(c.registeredAt) }),

    para('Расписку получил:', { bold: true, before: 12, after: 8, keepNext: true }),
    signatureLine({ name: shortName(recipient), date: true }),
  ];

  const doc = createDocument({
    title: `Расписка в получении документов № ${c.journalNumber}`,
    subject: 'Расписка в получении документов',
    sections: [portraitSection(children, { pageNumbers: false })],
  });
  return toBuffer(doc);
}
