/**
 * Long-lived backend services shared by handlers: the production calendar
 * (cached, rebuilt when the calendar changes) and the login policy.
 */
import { ProductionCalendar } from '../../core/domain/calendar';
import type { Db } from '../../db/connection';
import { calendarDays, calendarYears } from '../../db/schema';
import type { HostInfoView } from '../../core/api/sessions';
import type { Scheduler } from './exchange/sync';
import { KeyedSerializer } from './write-queue';
import type { BackupService } from './backups/service';
import type { RestoreResult } from './backups/restore';

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
  /** Set by the network host: its addresses and certificate (null when nothing listens beyond this computer's window). */
  host: (() => HostInfoView) | null = null;
  /** Sign-in attempts for one username run one after another, so failures are counted exactly. */
  readonly loginAttempts = new KeyedSerializer();
  /**
   * Failures for usernames that do not exist, counted like real ones (in memory),
   * so an unknown name is slowed and locked exactly as a known one: neither the
   * answer nor its timing tells whether a name exists.
   */
  readonly unknownLogins = new Map<string, { failures: number; lockedUntil: string | null }>();

  /** Why the database could not be opened at start (a Russian sentence), or null: then only recovery.* answers. */
  damaged: string | null = null;
  /** The office's backups (set by the Backend). */
  backups: BackupService | null = null;
  /** Replaces the live database with a stored backup (set by the Backend; see Backend.restoreFrom). */
  restore: ((file: string) => Promise<RestoreResult>) | null = null;

  constructor(
    private db: Db,
    readonly loginPolicy: LoginPolicy,
  ) {}

  /** Whether the user (id and name) exists in the current database (after a restore it may not). */
  userExists(id: number, username: string): boolean {
    return this.db.$client.prepare('select 1 from users where id = ? and username = ?').get(id, username) != null;
  }

  /** After a restore: the services read the new database. */
  rebind(db: Db): void {
    this.db = db;
    this.damaged = null;
    this.cal = null;
    this.unknownLogins.clear();
  }

  calendar(): ProductionCalendar {
    if (!this.cal) {
      const days = this.db
        .select({ date: calendarDays.date, kind: calendarDays.kind, note: calendarDays.note })
        .from(calendarDays)
        .all()
        .map((d) => ({ date: d.date, kind: d.kind, note: d.note ?? undefined }));
      const years = this.db.select({ year: calendarYears.year }).from(calendarYears).all().map((y) => y.year);
      this.cal = new ProductionCalendar({ days, years });
    }
    return this.cal;
  }

  invalidateCalendar(): void {
    this.cal = null;
  }
}
