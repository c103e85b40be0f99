/**
 * How the renderer writes values for people: dates, СНИЛС, ages, sub-service
 * and channel names, counts. One implementation each, used by every screen.
 */
import { formatRuDate, formatRuDateTime, fullYears, isIsoDate } from '../../core/domain/dates';
import { subserviceLabel } from '../../core/domain/labels';
import { formatSnils } from '../../core/domain/snils';
import { CHANNEL_LABELS, DEADLINE_LABELS, type Channel, type DeadlineKind } from '../../core/domain/deadlines';

/** 'ДД.ММ.ГГГГ' of an ISO date, a local 'YYYY-MM-DDTHH:MM' or an instant; '' when empty. */
export function ruDate(value: string | null | undefined): string {
  if (!value) return '';
  const day = value.slice(0, 10);
  // A bare date, or a local date-time without a zone: the date as written.
  if (/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?$/.test(value) && isIsoDate(day)) return formatRuDate(day);
  return formatRuDateTime(value).slice(0, 10);
}

/** 'ДД.ММ.ГГГГ ЧЧ:ММ' (a bare date stays a date). */
export function ruDateTime(value: string | null | undefined): string {
  return formatRuDateTime(value ?? null);
}

/** СНИЛС as 123-456-789 01 (the API keeps the 11 digits). */
export function snilsText(value: string | null | undefined): string {
  if (!value) return '';
  try {
    return formatSnils(value);
  } catch {
    return value;
  }
}

/** Full years between two ISO dates, or null when either is missing. */
export function ageAt(birthDate: string, at: string): number | null {
  return isIsoDate(birthDate) && isIsoDate(at) ? fullYears(birthDate, at) : null;
}

/** «1. На дому»: the sub-service's number and short name (one implementation for screens, exports and reports). */
export const subserviceShort = subserviceLabel;

export function channelLabel(code: string): string {
  return CHANNEL_LABELS[code as Channel] ?? code;
}

const DEADLINE_SHORT: Record<DeadlineKind, string> = {
  registration: 'Регистрация',
  requests: 'Запросы',
  decision: 'Решение',
  result: 'Результат',
  issue: 'Выдача',
};

/** Short name of what is due, for badges in tables. */
export function deadlineLabel(kind: string | null | undefined): string | undefined {
  return kind ? (DEADLINE_SHORT[kind as DeadlineKind] ?? DEADLINE_LABELS[kind as DeadlineKind] ?? kind) : undefined;
}

/** «Иванова Мария Петровна» → «Иванова М. П.» for narrow columns. */
export function shortPersonName(full: string): string {
  const [last, ...rest] = full.trim().split(/\s+/);
  return [last, ...rest.map((w) => `${w[0]}.`)].join(' ');
}

const RU_NUMBER = new Intl.NumberFormat('ru-RU');

/** «1 234», or «более 10 000» when the backend stopped counting. */
export function countText(d: { total: number; totalIsCapped: boolean }): string {
  const n = RU_NUMBER.format(d.total);
  return d.totalIsCapped ? `более ${n}` : n;
}

/** A note as recorded by the backend, with its ISO dates shown as ДД.ММ.ГГГГ. */
export function ruNote(note: string): string {
  return note.replace(/\b(\d{4})-(\d{2})-(\d{2})\b/g, (_, y: string, m: string, d: string) => `${d}.${m}.${y}`);
}
