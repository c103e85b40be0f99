/**
 * The statistical report for a period as DOCX (A4 landscape): the office,
 * the period and specialist, then the tables of statistics-content.ts.
 */
import type { FileChild } from 'docx';
import { formatRuDateTime } from '../../core/domain/dates';
import { reportTables, reportTitle, type StatisticsReportData } from '../reports/statistics-content';
import { createDocument, landscapeSection, para, table, title, toBuffer } from './docx-kit';

export async function buildStatisticsReport(d: StatisticsReportData): Promise<Buffer> {
  const children: FileChild[] = [
    para(d.officeName, { align: 'center', bold: true, ruleBelow: true, after: 6 }),
    ...title(reportTitle(d), { after: 6 }),
    para(`Специалист: ${d.specialistName ?? 'все специалисты'}`, { after: 8 }),
  ];
  for (const t of reportTables(d)) {
    children.push(para(t.title, { bold: true, before: 8, after: 4, keepNext: true }));
    children.push(
      table(
        t.columns.map((c, i) => ({ title: c, width: t.widths[i]!, align: i === 0 ? 'left' : 'center' })),
        t.rows.map((r) => r.map((v) => (typeof v === 'number' ? v.toLocaleString('ru-RU') : v))),
        { orientation: 'landscape', fontSize: 10, headerFontSize: 10 },
      ),
    );
  }
  children.push(para(`Сформирован ${formatRuDateTime(d.generatedAt)}: ${d.generatedBy}`, { size: 9, before: 10 }));
  const doc = createDocument({ title: reportTitle(d).join(' '), subject: 'Статистический отчёт', sections: [landscapeSection(children)] });
  return toBuffer(doc);
}
