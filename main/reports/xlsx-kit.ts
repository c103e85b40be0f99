/**
 * Shared toolkit of the XLSX exports and reports (exceljs, streaming writer):
 * a workbook written into memory, a bold frozen header row, dates as real
 * Excel dates on the office's wall clock.
 */
import ExcelJS from 'exceljs';
import { PassThrough } from 'node:stream';
import { OFFICE_UTC_OFFSET_MINUTES } from '../../core/domain/dates';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const DATE_FORMAT = 'dd.mm.yyyy';
export const DATE_TIME_FORMAT = 'dd.mm.yyyy hh:mm';

/**
 * Excel dates have no zone: a cell shows the fields of the UTC instant it is
 * given. These build that instant from the office's wall clock.
 */
export function xlsxDate(iso: string | null | undefined): Date | null {
  if (!iso) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
}

/** 'YYYY-MM-DDTHH:MM' as the office's wall clock (how cases store the time of receipt). */
export function xlsxLocalDateTime(s: string | null | undefined): Date | null {
  const m = s ? /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(s) : null;
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]))) : null;
}

/** A UTC timestamp shown on the office's wall clock. */
export function xlsxInstant(iso: string | null | undefined): Date | null {
  if (!iso) return null;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? null : new Date(t + OFFICE_UTC_OFFSET_MINUTES * 60_000);
}

export interface XlsxColumn {
  header: string;
  key: string;
  width: number;
  format?: string;
}

/** A streaming workbook whose bytes are collected in memory. */
export function memoryWorkbook(o: { title: string; creator?: string }) {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    stream.on('end', () => resolve());
    stream.on('error', reject);
  });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  wb.creator = o.creator ?? 'Socdesk';
  wb.title = o.title;
  wb.created = new Date();
  return {
    wb,
    /** Adds a sheet with a bold, frozen, filterable header row. */
    sheet(name: string, columns: XlsxColumn[]) {
      const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
      ws.columns = columns.map((c) => ({ header: c.header, key: c.key, width: c.width, style: c.format ? { numFmt: c.format } : undefined }));
      const head = ws.getRow(1);
      head.font = { bold: true };
      head.alignment = { vertical: 'middle', wrapText: true };
      head.commit();
      return ws;
    },
    async finish(): Promise<Buffer> {
      await wb.commit();
      await done;
      return Buffer.concat(chunks);
    },
  };
}

/** Lets other calls run between chunks of a long export. */
export const yieldToOthers = () => new Promise<void>((r) => setImmediate(r));
