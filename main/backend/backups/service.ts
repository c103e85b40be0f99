/**
 * The office's backups as a running service: settings (target folder, the
 * quiet hour, retention), the backup passphrase (kept in the data folder's
 * keys/, owner-only), the schedule (daily at the quiet hour and at the first
 * start of the day), the list and status for the admin screen, and restore.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { z } from 'zod';
import { officeInstant, todayIso } from '../../../core/domain/dates';
import type { Db } from '../../../db/connection';
import { ownerOnlyDir, OWNER_FILE_MODE } from '../../../db/connection';
import { log } from '../logger';
import { getSetting, setSetting } from '../views';
import { applyRetention, BackupError, createBackup, listBackups, verifyBackup, type BackupKind, type BackupManifest } from './backups';

export const BACKUP_SETTING = 'backup';
export const BACKUP_DIR_NAME = 'backups';
export const KEYS_DIR_NAME = 'keys';
export const PASSPHRASE_FILE = 'backup-passphrase';
/** Without a verified backup newer than this, administrators are warned at sign-in. */
export const STALE_AFTER_MS = 2 * 24 * 3600_000;

export const BackupSettings = z.object({
  /** null: the data folder's backups/. */
  folder: z.string().nullable(),
  /** The office hour (0–23) of the daily backup. */
  hour: z.number().int().min(0).max(23),
  keepDaily: z.number().int().min(1).max(366),
  keepMonthly: z.number().int().min(0).max(120),
});
export type BackupSettings = z.infer<typeof BackupSettings>;
export const DEFAULT_BACKUP_SETTINGS: BackupSettings = { folder: null, hour: 13, keepDaily: 14, keepMonthly: 12 };

export interface BackupStatus {
  settings: BackupSettings;
  folder: string;
  passphraseSet: boolean;
  backups: BackupManifest[];
  lastVerified: BackupManifest | null;
  /** No verified backup newer than 2 days. */
  stale: boolean;
  running: boolean;
  lastError: { at: string; message: string } | null;
}

export class BackupService {
  private running: Promise<BackupManifest> | null = null;
  private lastError: BackupStatus['lastError'] = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly deps: { db: () => Db; dbFile: string; now: () => Date },
  ) {}

  get dataDir(): string {
    return dirname(resolve(this.deps.dbFile));
  }

  settings(): BackupSettings {
    const raw = getSetting(this.deps.db(), BACKUP_SETTING);
    if (!raw) return DEFAULT_BACKUP_SETTINGS;
    const parsed = BackupSettings.safeParse({ ...DEFAULT_BACKUP_SETTINGS, ...(JSON.parse(raw) as object) });
    return parsed.success ? parsed.data : DEFAULT_BACKUP_SETTINGS;
  }

  saveSettings(s: BackupSettings): void {
    setSetting(this.deps.db(), BACKUP_SETTING, JSON.stringify(s));
  }

  folder(): string {
    return this.settings().folder ?? join(this.dataDir, BACKUP_DIR_NAME);
  }

  private passphraseFile(): string {
    return join(this.dataDir, KEYS_DIR_NAME, PASSPHRASE_FILE);
  }

  passphrase(): string | null {
    if (process.env.SOCDESK_BACKUP_PASSPHRASE) return process.env.SOCDESK_BACKUP_PASSPHRASE;
    const f = this.passphraseFile();
    return existsSync(f) ? readFileSync(f, 'utf8') : null;
  }

  setPassphrase(p: string): void {
    ownerOnlyDir(dirname(this.passphraseFile()));
    writeFileSync(this.passphraseFile(), p, { mode: OWNER_FILE_MODE });
  }

  list(): BackupManifest[] {
    return listBackups(this.folder());
  }

  status(): BackupStatus {
    const backups = this.list();
    const lastVerified = backups.find((b) => b.verified) ?? null;
    return {
      settings: this.settings(),
      folder: this.folder(),
      passphraseSet: this.passphrase() != null,
      backups,
      lastVerified,
      stale: !lastVerified || this.deps.now().getTime() - Date.parse(lastVerified.createdAt) > STALE_AFTER_MS,
      running: this.running != null,
      lastError: this.lastError,
    };
  }

  /** Takes one backup (one at a time: a second call waits for the running one) and applies retention. */
  async run(kind: BackupKind): Promise<BackupManifest> {
    while (this.running) await this.running.catch(() => undefined);
    const passphrase = this.passphrase();
    if (!passphrase) throw new BackupError('Не задан пароль резервных копий: задайте его на экране «Резервные копии».');
    const s = this.settings();
    const job = (async () => {
      const m = await createBackup({ dbFile: this.deps.dbFile, folder: this.folder(), passphrase, kind, now: this.deps.now() });
      applyRetention(this.folder(), { daily: s.keepDaily, monthly: s.keepMonthly });
      return m;
    })();
    this.running = job;
    try {
      const m = await job;
      this.lastError = null;
      log.info('backup written', { kind, bytes: m.bytes, auditCount: m.audit.count });
      return m;
    } catch (e) {
      this.lastError = { at: this.deps.now().toISOString(), message: e instanceof BackupError ? e.message : 'Резервную копию создать не удалось (подробности в журнале программы).' };
      log.error('backup failed', e, { kind });
      throw e;
    } finally {
      this.running = null;
    }
  }

  verify(file: string): Promise<BackupManifest> {
    const p = this.passphrase();
    if (!p) throw new BackupError('Не задан пароль резервных копий.');
    return verifyBackup(this.folder(), file, p);
  }

  /**
   * Due when today (office date) has no backup yet (the first start of the day)
   * or the quiet hour has come and nothing was written since.
   */
  due(): boolean {
    if (!this.passphrase()) return false;
    const now = this.deps.now();
    const today = todayIso(now);
    const last = this.list()[0];
    if (!last || todayIso(new Date(last.createdAt)) !== today) return true;
    const quiet = officeInstant(today, `${String(this.settings().hour).padStart(2, '0')}:00`);
    return now >= quiet && new Date(last.createdAt) < quiet;
  }

  /** Checks every few minutes whether a scheduled backup is due (the host and the desktop app; tests do not). */
  start(checkMs = 5 * 60_000): void {
    if (this.timer) return;
    const tick = () => {
      if (this.running) return;
      try {
        if (this.due()) void this.run('scheduled').catch(() => undefined);
      } catch (e) {
        log.error('backup schedule check failed', e);
      }
    };
    setTimeout(tick, 5_000).unref();
    this.timer = setInterval(tick, checkMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running?.catch(() => undefined);
  }
}
