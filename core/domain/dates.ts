/**
 * Calendar-date helpers working on ISO 'YYYY-MM-DD' strings.
 *
 * A date here is a civil date without time or zone. All arithmetic goes
 * through UTC milliseconds (Date.UTC / getUTC*), so results never depend on
 * the machine's time zone or DST. Only `todayIso` and `formatRuDateTime` read
 * local time, on purpose: they show the office's wall clock.
 */

const MS_PER_DAY = 86_400_000;
const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const RU_RE = /^(\d{2})\.(\d{2})\.(\d{4})$/;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function isValidYmd(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    year >= 1 &&
    year <= 9999 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** True for a real calendar date written as 'YYYY-MM-DD' (years 0001-9999). */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = ISO_RE.exec(value);
  if (!m) return false;
  return isValidYmd(Number(m[1]), Number(m[2]), Number(m[3]));
}

function assertIsoDate(iso: string): void {
  if (!isIsoDate(iso)) {
    throw new RangeError(`Invalid ISO date (expected YYYY-MM-DD): ${JSON.stringify(iso)}`);
  }
}

/** Splits a valid ISO date into numbers. Throws RangeError on invalid input. */
export function isoParts(iso: string): { year: number; month: number; day: number } {
  assertIsoDate(iso);
  return { year: Number(iso.slice(0, 4)), month: Number(iso.slice(5, 7)), day: Number(iso.slice(8, 10)) };
}

/** Builds an ISO date from numbers; throws RangeError when the date does not exist. */
export function isoFromParts(year: number, month: number, day: number): string {
  if (!isValidYmd(year, month, day)) {
    throw new RangeError(`Invalid date: ${year}-${month}-${day}`);
  }
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** The year of an ISO date. */
export function yearOf(iso: string): number {
  return isoParts(iso).year;
}

/** Days since 1970-01-01 (UTC) for an ISO date. */
export function toDayNumber(iso: string): number {
  const { year, month, day } = isoParts(iso);
  const d = new Date(Date.UTC(2000, month - 1, day));
  d.setUTCFullYear(year); // Date.UTC maps years 0-99 to 1900-1999
  return Math.round(d.getTime() / MS_PER_DAY);
}

/** Inverse of toDayNumber. */
export function fromDayNumber(dayNumber: number): string {
  if (!Number.isInteger(dayNumber)) throw new RangeError(`Day number must be an integer: ${dayNumber}`);
  const d = new Date(dayNumber * MS_PER_DAY);
  return isoFromParts(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** Adds n calendar days (n may be negative). */
export function addDays(iso: string, n: number): string {
  if (!Number.isInteger(n)) throw new RangeError(`Number of days must be an integer: ${n}`);
  return fromDayNumber(toDayNumber(iso) + n);
}

/** Calendar days from `from` to `to` (positive when `to` is later). */
export function diffDays(from: string, to: string): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** Full years of age on `on` of someone born on `birthDate` (negative when born after it). */
export function fullYears(birthDate: string, on: string): number {
  const b = isoParts(birthDate);
  const d = isoParts(on);
  const hadBirthday = d.month > b.month || (d.month === b.month && d.day >= b.day);
  return d.year - b.year - (hadBirthday ? 0 : 1);
}

/** ISO weekday: 1 = Monday ... 7 = Sunday. */
export function weekday(iso: string): number {
  const utcDay = new Date(toDayNumber(iso) * MS_PER_DAY).getUTCDay(); // 0 = Sunday
  return utcDay === 0 ? 7 : utcDay;
}

/** True for Saturday and Sunday. */
export function isWeekend(iso: string): boolean {
  return weekday(iso) >= 6;
}

/** 'YYYY-MM-DD' -> 'ДД.ММ.ГГГГ'. Throws RangeError on invalid input. */
export function formatRuDate(iso: string): string {
  const { year, month, day } = isoParts(iso);
  return `${pad(day, 2)}.${pad(month, 2)}.${pad(year, 4)}`;
}

/** 'ДД.ММ.ГГГГ' -> 'YYYY-MM-DD', or null when the text is not a real date. */
export function parseRuDate(text: string): string | null {
  if (typeof text !== 'string') return null;
  const m = RU_RE.exec(text.trim());
  if (!m) return null;
  const day = Number(m[1]);
  const month = Number(m[2]);
  const year = Number(m[3]);
  return isValidYmd(year, month, day) ? isoFromParts(year, month, day) : null;
}

/** The office's offset from UTC: Asia/Yekaterinburg, UTC+5 all year. */
export const OFFICE_UTC_OFFSET_MINUTES = 300;
export const OFFICE_TIME_ZONE = 'Asia/Yekaterinburg';

/** The instant shifted so that its UTC fields read the office's wall clock. */
function officeWall(now: Date): Date {
  return new Date(now.getTime() + OFFICE_UTC_OFFSET_MINUTES * 60_000);
}

/** The office's date at an instant (default: now), as 'YYYY-MM-DD'. */
export function todayIso(now: Date = new Date()): string {
  const w = officeWall(now);
  return isoFromParts(w.getUTCFullYear(), w.getUTCMonth() + 1, w.getUTCDate());
}

/** The office's wall-clock date and time to the minute: 'YYYY-MM-DDTHH:MM'. */
export function localDateTime(now: Date = new Date()): string {
  const w = officeWall(now);
  return `${todayIso(now)}T${pad(w.getUTCHours(), 2)}:${pad(w.getUTCMinutes(), 2)}`;
}

/** The instant at an office wall-clock date and time ('YYYY-MM-DD', 'HH:MM'). */
export function officeInstant(date: string, time = '00:00'): Date {
  const { year, month, day } = isoParts(date);
  const [h, m] = time.split(':').map(Number);
  return new Date(Date.UTC(year, month - 1, day, h || 0, m || 0) - OFFICE_UTC_OFFSET_MINUTES * 60_000);
}

/**
 * An instant (ISO timestamp such as '2025-03-01T09:30:00.000Z', or a Date) as
 * 'ДД.ММ.ГГГГ ЧЧ:ММ' on the office's wall clock. A bare 'YYYY-MM-DD' is shown as
 * the date alone. Empty or unparseable input gives ''.
 */
export function formatRuDateTime(value: string | Date | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value === 'string' && isIsoDate(value)) return formatRuDate(value);
  const d = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(d.getTime())) return '';
  const w = officeWall(d);
  const date = `${pad(w.getUTCDate(), 2)}.${pad(w.getUTCMonth() + 1, 2)}.${pad(w.getUTCFullYear(), 4)}`;
  return `${date} ${pad(w.getUTCHours(), 2)}:${pad(w.getUTCMinutes(), 2)}`;
}
