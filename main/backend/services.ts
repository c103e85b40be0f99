/**
 * Long-lived backend services shared by handlers: the production calendar
 * (cached, rebuilt when the calendar changes) and the login policy.
 */
import { ProductionCalendar } from '../../core/domain/calendar';
import type { Db } from '../../db/connection';
import { calendarDays, calendarYears } from '../../db/schema';
import type { Scheduler } from './exchange/sync';

export interface LoginPolicy {
  /** Failed attempts in a row that lock the account. */
  maxFailures: number;
  /** How long a lock lasts. */
  lockMinutes: number;
  /** Delay before answering a failed attempt (ms), by the count of failures so far. */
  delayMs(failures: number): number;
}

export const DEFAULT_LOGIN_POLICY: LoginPolicy = {
  maxFailures: 5,
  lockMinutes: 15,
  delayMs: (failures) => Math.min(250 * 2 ** (failures - 1), 4000),
};

export class Services {
  private cal: ProductionCalendar | null = null;
  /** The exchange scheduler (set by the Backend; started by the desktop shell and browser mode, not by tests). */
  exchange: Scheduler | null = null;

  constructor(
    private readonly db: Db,
    readonly loginPolicy: LoginPolicy,
  ) {}

  calendar(): ProductionCalendar {
    if (!this.cal) {
      const days = this.db
        .select({ date: calendarDays.date, kind: calendarDays.kind, note: calendarDays.note })
        .from(calendarDays)
        .all()
        .map((d) => ({ date: d.date, kind: d.kind as 'holiday' | 'dayoff' | 'workday', note: d.note ?? undefined }));
      const years = this.db.select({ year: calendarYears.year }).from(calendarYears).all().map((y) => y.year);
      this.cal = new ProductionCalendar({ days, years });
    }
    return this.cal;
  }

  invalidateCalendar(): void {
    this.cal = null;
  }
}
