/** The statistical report for a period as XLSX: one sheet per table of the report (statistics-content.ts). */
import { formatRuDate, formatRuDateTime } from '../../core/domain/dates';
import { reportTables, reportTitle, type StatisticsReportData } from './statistics-content';
import { memoryWorkbook } from './xlsx-kit';

export async function buildStatisticsXlsx(d: StatisticsReportData): Promise<Buffer> {
  const book = memoryWorkbook({ title: reportTitle(d).join(' ') });
  const head = book.sheet('Отчёт', [
    { header: 'Статистический отчёт', key: 'a', width: 70 },
    { header: '', key: 'b', width: 40 },
  ]);
  for (const [a, b] of [
    ['Управление', d.officeName],
    ['Период', `с ${formatRuDate(d.from)} по ${formatRuDate(d.to)}`],
    ['Специалист', d.specialistName ?? 'все специалисты'],
    ['Сформирован', `${formatRuDateTime(d.generatedAt)}, ${d.generatedBy}`],
  ]) head.addRow({ a, b }).commit();
  await head.commit();
  for (const t of reportTables(d)) {
    const name = t.title.replace(/^(\d+)\..*$/, 'Таблица $1');
    const ws = book.sheet(
      name,
      t.columns.map((c, i) => ({ header: c, key: `c${i}`, width: Math.max(10, Math.round(t.widths[i]! / 2)) })),
    );
    for (const r of t.rows) ws.addRow(Object.fromEntries(r.map((v, i) => [`c${i}`, v]))).commit();
    ws.addRow({}).commit();
    ws.addRow({ c0: t.title }).commit();
    await ws.commit();
  }
  return book.finish();
}
