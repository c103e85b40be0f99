/**
 * A case list as XLSX: the registration journal (its screen's columns plus
 * the registration date and the p.35/p.43 mark) or the «Дела» list (with the
 * nearest deadline and the responsible specialist). Russian headers, dates as
 * dates. Rows come in chunks; progress is reported after each chunk.
 */
import type { CaseRow } from '../../core/api/reception';
import { CASE_STATUS_LABELS, type CaseStatus } from '../../core/domain/case-states';
import { CHANNEL_LABELS, DEADLINE_LABELS, type Channel, type DeadlineKind } from '../../core/domain/deadlines';
import { subserviceLabel } from '../../core/domain/labels';
import { formatSnils } from '../../core/domain/snils';
import { DATE_FORMAT, DATE_TIME_FORMAT, memoryWorkbook, xlsxDate, xlsxInstant, xlsxLocalDateTime, yieldToOthers, type XlsxColumn } from './xlsx-kit';

export type CaseListLayout = 'journal' | 'cases';

const COLUMNS: Record<string, XlsxColumn> = {
  number: { header: 'Рег. №', key: 'number', width: 11 },
  received: { header: 'Поступило', key: 'received', width: 17, format: DATE_TIME_FORMAT },
  registered: { header: 'Зарегистрировано', key: 'registered', width: 17, format: DATE_TIME_FORMAT },
  late: { header: 'Срок регистрации нарушен', key: 'late', width: 14 },
  applicant: { header: 'Заявитель', key: 'applicant', width: 34 },
  birthDate: { header: 'Дата рождения', key: 'birthDate', width: 13, format: DATE_FORMAT },
  snils: { header: 'СНИЛС', key: 'snils', width: 15 },
  subservice: { header: 'Подуслуга', key: 'subservice', width: 22 },
  channel: { header: 'Способ', key: 'channel', width: 18 },
  registeredBy: { header: 'Принял', key: 'registeredBy', width: 28 },
  responsible: { header: 'Ответственный', key: 'responsible', width: 28 },
  status: { header: 'Статус', key: 'status', width: 24 },
  annulReason: { header: 'Причина аннулирования', key: 'annulReason', width: 30 },
  due: { header: 'Ближайший срок', key: 'due', width: 13, format: DATE_FORMAT },
  dueKind: { header: 'Этап', key: 'dueKind', width: 26 },
};

export const LAYOUTS: Record<CaseListLayout, string[]> = {
  journal: ['number', 'received', 'registered', 'late', 'applicant', 'birthDate', 'snils', 'subservice', 'channel', 'registeredBy', 'status', 'annulReason'],
  cases: ['number', 'registered', 'applicant', 'birthDate', 'snils', 'subservice', 'status', 'due', 'dueKind', 'registeredBy', 'responsible'],
};

/** The cells of one row, by column key (what the XLSX holds and the tests read back). */
export function caseCells(r: CaseRow): Record<string, string | Date | null> {
  return {
    number: r.journalNumber,
    received: xlsxLocalDateTime(r.receivedAt),
    registered: xlsxInstant(r.registeredAt),
    late: r.registeredLate ? 'Да' : '',
    applicant: r.applicantName,
    birthDate: xlsxDate(r.applicantBirthDate),
    snils: r.snils ? formatSnils(r.snils) : '',
    subservice: subserviceLabel(r.subservice),
    channel: CHANNEL_LABELS[r.channel as Channel] ?? r.channel,
    registeredBy: r.registeredByName,
    responsible: r.responsibleName ?? '',
    status: CASE_STATUS_LABELS[r.status as CaseStatus] ?? r.status,
    annulReason: r.annulReason ?? '',
    due: xlsxDate(r.nextDue),
    dueKind: r.nextDueKind ? (DEADLINE_LABELS[r.nextDueKind as DeadlineKind] ?? r.nextDueKind) : '',
  };
}

export interface CaseListExport {
  layout: CaseListLayout;
  title: string;
  /** Returns the next chunk of rows, or an empty array at the end. */
  nextChunk(): CaseRow[];
  onProgress(done: number): void;
}

export async function buildCaseListXlsx(o: CaseListExport): Promise<Buffer> {
  const book = memoryWorkbook({ title: o.title });
  const keys = LAYOUTS[o.layout];
  const ws = book.sheet(o.layout === 'journal' ? 'Журнал' : 'Дела', keys.map((k) => COLUMNS[k]!));
  let done = 0;
  for (let chunk = o.nextChunk(); chunk.length; chunk = o.nextChunk()) {
    for (const r of chunk) {
      const cells = caseCells(r);
      const row = ws.addRow(Object.fromEntries(keys.map((k) => [k, cells[k] ?? null])));
      if (r.status === 'annulled') row.font = { strike: true, color: { argb: 'FF808080' } };
      row.commit();
    }
    done += chunk.length;
    o.onProgress(done);
    await yieldToOthers();
  }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: keys.length } };
  await ws.commit();
  return book.finish();
}
