/**
 * The Russian production calendar (5-day week) and working-day arithmetic.
 *
 * The calendar is data: every year lists its non-working public holidays
 * (ст. 112 ТК РФ), weekdays made days off by transfers, and weekend days made
 * working days. Anything not listed follows the plain rule: Monday-Friday
 * working, Saturday-Sunday off. For a year the calendar does not cover, the
 * plain rule is used as well; `covers()` tells the caller the answer is only
 * an estimate.
 *
 * Pure functions over ISO 'YYYY-MM-DD' strings, no I/O.
 */
import { addDays, isIsoDate, toDayNumber, weekday, yearOf } from './dates';

export {
  addDays,
  diffDays,
  formatRuDate,
  formatRuDateTime,
  fromDayNumber,
  isIsoDate,
  isWeekend,
  isoFromParts,
  isoParts,
  parseRuDate,
  toDayNumber,
  todayIso,
  weekday,
  yearOf,
} from './dates';

export const CALENDAR_DAY_KINDS = ['holiday', 'dayoff', 'workday'] as const;
export type CalendarDayKind = (typeof CALENDAR_DAY_KINDS)[number];

export interface CalendarDay {
  /** 'YYYY-MM-DD' */
  date: string;
  /** holiday: non-working public holiday; dayoff: weekday off by a transfer; workday: Sat/Sun made working. */
  kind: CalendarDayKind;
  note?: string;
}

export interface ProductionCalendarInit {
  days: readonly CalendarDay[];
  /** Years whose exceptions are all listed in `days`. */
  years: readonly number[];
}

/** Upper bound for the day-by-day loops: far beyond any real term. */
const MAX_SCAN_DAYS = 366 * 200;

function assertDate(date: string): void {
  if (!isIsoDate(date)) {
    throw new RangeError(`Invalid ISO date (expected YYYY-MM-DD): ${JSON.stringify(date)}`);
  }
}

export function isCalendarDayKind(v: unknown): v is CalendarDayKind {
  return CALENDAR_DAY_KINDS.some((k) => k === v);
}

export class ProductionCalendar {
  private readonly byDate = new Map<string, CalendarDay>();
  private readonly yearSet: ReadonlySet<number>;
  /** The calendar is immutable, so yearly totals are computed once. */
  private readonly yearTotals = new Map<number, number>();

  constructor(init: ProductionCalendarInit) {
    const years = new Set<number>();
    for (const y of init.years) {
      if (!Number.isInteger(y) || y < 1 || y > 9999) throw new RangeError(`Invalid calendar year: ${y}`);
      years.add(y);
    }
    this.yearSet = years;
    for (const d of init.days) {
      assertDate(d.date);
      if (!isCalendarDayKind(d.kind)) throw new RangeError(`Invalid calendar day kind for ${d.date}: ${String(d.kind)}`);
      if (!years.has(yearOf(d.date))) {
        throw new RangeError(`Calendar day ${d.date} is outside the covered years`);
      }
      if (this.byDate.has(d.date)) throw new RangeError(`Calendar day ${d.date} is listed twice`);
      const day: CalendarDay = { date: d.date, kind: d.kind };
      if (d.note !== undefined) day.note = d.note;
      this.byDate.set(d.date, day);
    }
  }

  /** The covered years, ascending. */
  coveredYears(): number[] {
    return [...this.yearSet].sort((a, b) => a - b);
  }

  /** True when the calendar holds the decree data for the year of `date`. */
  covers(date: string): boolean {
    assertDate(date);
    return this.yearSet.has(yearOf(date));
  }

  /** True when the calendar holds the decree data for `year`. */
  coversYear(year: number): boolean {
    return this.yearSet.has(year);
  }

  /** The listed exception for a date (holiday, transferred day off, working weekend), if any. */
  dayInfo(date: string): CalendarDay | undefined {
    assertDate(date);
    const d = this.byDate.get(date);
    return d ? { ...d } : undefined;
  }

  /** The listed exceptions of one year, by date. */
  daysOfYear(year: number): CalendarDay[] {
    const prefix = `${String(year).padStart(4, '0')}-`;
    return [...this.byDate.values()]
      .filter((d) => d.date.startsWith(prefix))
      .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
      .map((d) => ({ ...d }));
  }

  /** Working day under the calendar; outside the covered years, plain Monday-Friday. */
  isWorkingDay(date: string): boolean {
    assertDate(date);
    return this.isWorking(date);
  }

  /** isWorkingDay for dates already known to be valid (the hot loops below). */
  private isWorking(date: string): boolean {
    const listed = this.byDate.get(date);
    if (listed) return listed.kind === 'workday';
    return weekday(date) <= 5;
  }

  /** The first working day strictly after `date`. */
  nextWorkingDay(date: string): string {
    return this.addWorkingDays(date, 1);
  }

  /** The last working day strictly before `date`. */
  previousWorkingDay(date: string): string {
    return this.addWorkingDays(date, -1);
  }

  /**
   * The n-th working day after `date` («в течение n рабочих дней со дня X»:
   * counting starts on the working day after X). n = 0 gives `date` itself
   * when it is a working day, otherwise the next working day. A negative n
   * counts back: the |n|-th working day before `date`.
   */
  addWorkingDays(date: string, n: number): string {
    assertDate(date);
    if (!Number.isInteger(n)) throw new RangeError(`Number of working days must be an integer: ${n}`);
    if (n === 0) return this.isWorkingDay(date) ? date : this.addWorkingDays(date, 1);
    const step = n > 0 ? 1 : -1;
    let left = Math.abs(n);
    let cur = date;
    for (let i = 0; i < MAX_SCAN_DAYS + left * 7; i++) {
      cur = addDays(cur, step);
      if (this.isWorking(cur) && --left === 0) return cur;
    }
    throw new RangeError(`No working day found within range from ${date}`);
  }

  /** Working days in the inclusive range [from, to]; 0 when `to` is before `from`. */
  countWorkingDays(from: string, to: string): number {
    assertDate(from);
    assertDate(to);
    const span = toDayNumber(to) - toDayNumber(from);
    if (span < 0) return 0;
    let count = 0;
    let cur = from;
    for (let i = 0; i <= span; i++) {
      if (this.isWorking(cur)) count++;
      if (i < span) cur = addDays(cur, 1);
    }
    return count;
  }

  /** Working days in a calendar year (plain Monday-Friday count when the year is not covered). */
  workingDaysInYear(year: number): number {
    if (!Number.isInteger(year) || year < 1 || year > 9999) throw new RangeError(`Invalid year: ${year}`);
    let total = this.yearTotals.get(year);
    if (total === undefined) {
      const y = String(year).padStart(4, '0');
      total = this.countWorkingDays(`${y}-01-01`, `${y}-12-31`);
      this.yearTotals.set(year, total);
    }
    return total;
  }
}

/** The shape of resources/reference/calendar.json. */
export interface CalendarReference {
  years: ReadonlyArray<{
    year: number;
    source?: string;
    confirmed?: boolean;
    days: ReadonlyArray<{ date: string; kind: string; note?: string | null }>;
  }>;
}

/** Builds a ProductionCalendar from the calendar.json shape. Throws RangeError on malformed data. */
export function calendarFromReference(json: CalendarReference): ProductionCalendar {
  if (!json || !Array.isArray(json.years)) throw new RangeError('Calendar reference: "years" must be an array');
  const years: number[] = [];
  const days: CalendarDay[] = [];
  for (const y of json.years) {
    if (!Number.isInteger(y.year)) throw new RangeError(`Calendar reference: invalid year ${String(y.year)}`);
    if (years.includes(y.year)) throw new RangeError(`Calendar reference: year ${y.year} is listed twice`);
    years.push(y.year);
    if (!Array.isArray(y.days)) throw new RangeError(`Calendar reference: "days" of ${y.year} must be an array`);
    for (const d of y.days) {
      if (!isCalendarDayKind(d.kind)) throw new RangeError(`Calendar reference: invalid kind for ${String(d.date)}: ${String(d.kind)}`);
      if (isIsoDate(d.date) && yearOf(d.date) !== y.year) {
        throw new RangeError(`Calendar reference: ${d.date} is listed under ${y.year}`);
      }
      const day: CalendarDay = { date: d.date, kind: d.kind };
      if (typeof d.note === 'string' && d.note) day.note = d.note;
      days.push(day);
    }
  }
  return new ProductionCalendar({ days, years });
}
