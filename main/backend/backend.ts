/**
 * The backend: one object that owns the database and answers API calls.
 * It knows nothing about Electron or HTTP; each transport hands it the
 * caller's session token and gets back an envelope plus any session change.
 */
import type { z } from 'zod';
import { methods, isMethodName, type MethodName } from '../../core/api/contract';
import { ApiError, type Envelope } from '../../core/api/errors';
import { openDatabase, type Db } from '../../db/connection';
import { appendAudit } from '../../db/audit-chain';
import { BackupError } from './backups/backups';
import { restoreDatabaseFile, type RestoreResult } from './backups/restore';
import { BackupService } from './backups/service';
import type { AuditRecord, Ctx, CurrentUser } from './context';
import { handlers } from './handlers';
import { log } from './logger';
import { ChangeFeed } from './notifications';
import { exchangeConfigured, getExchangeSettings } from './exchange/state';
import { backendSyncDeps, Scheduler, syncOnce } from './exchange/sync';
import { seedReferenceData } from './refdata';
import { DEFAULT_LOGIN_POLICY, Services, type LoginPolicy } from './services';
import { LOCAL_SOURCE, SessionStore, type CallSource } from './sessions';
import { zodToApiError } from './validation';
import { WriteQueue } from './write-queue';

export interface BackendOptions {
  /** Path of the SQLite file (or ':memory:'). */
  dbFile: string;
  now?: () => Date;
  loginPolicy?: Partial<LoginPolicy>;
  /** Session lifetime in hours. */
  sessionHours?: number;
  /** The idle limit in minutes until the office sets its own (default 30). */
  idleMinutes?: number;
}

export interface CallResult {
  envelope: Envelope<unknown>;
  /** Set when the call opened (token) or closed (null) a session. */
  session?: { token: string | null; expiresAt?: string };
}

export class Backend {
  /** Reassigned only by restoreFrom (the database is replaced by a backup). */
  db: Db;
  readonly services: Services;
  sessions: SessionStore;
  /** Every `write` method runs through this queue, one at a time. */
  readonly writes = new WriteQueue();
  /** What changed, for the live updates of connected clients (main/backend/notifications.ts). */
  changes: ChangeFeed;
  readonly backups: BackupService;
  private readonly now: () => Date;

  constructor(private readonly opts: BackendOptions) {
    let damaged: string | null = null;
    try {
      this.db = openDatabase(opts.dbFile);
    } catch (e) {
      damaged = damageOf(e);
      if (!damaged) throw e;
      // Never a crash: an empty database in memory answers recovery.* until a backup is restored.
      log.error('database damaged at start', e);
      this.db = openDatabase(':memory:');
    }
    this.now = opts.now ?? (() => new Date());
    this.sessions = new SessionStore(this.db, this.now, opts.sessionHours ?? 12, opts.idleMinutes);
    this.services = new Services(this.db, { ...DEFAULT_LOGIN_POLICY, ...opts.loginPolicy });
    this.services.damaged = damaged;
    seedReferenceData(this.db);
    this.changes = new ChangeFeed(this.db);
    this.backups = new BackupService({ db: () => this.db, dbFile: opts.dbFile, now: this.now });
    this.services.backups = this.backups;
    this.services.restore = (file) => this.restoreFrom(file);
    this.services.exchange = new Scheduler({
      run: () => syncOnce(backendSyncDeps(this)),
      intervalMs: () => getExchangeSettings(this.db).intervalMinutes * 60_000,
      configured: () => exchangeConfigured(getExchangeSettings(this.db)),
    });
    this.sessions.sweep();
  }

  /** Starts the periodic exchange with the portal (the desktop app and browser mode do; tests do not). */
  startExchange(): void {
    this.services.exchange?.start(30_000);
  }

  /** Starts the backup schedule (daily at the office's quiet hour and at the first start of the day). */
  startBackups(): void {
    if (this.services.damaged == null) this.backups.start();
  }

  /** Closes the database; a running exchange session is abandoned (its transactions are atomic). */
  close(): void {
    this.changes.close();
    void this.services.exchange?.stop();
    void this.backups.stop();
    this.db.$client.close();
  }

  /** Waits for a running exchange session and backup, then closes: for a graceful exit. */
  async shutdown(): Promise<void> {
    this.changes.close();
    await this.services.exchange?.stop();
    await this.backups.stop();
    this.db.$client.close();
  }

  /**
   * Replaces the live database with a stored backup (backups/restore.ts: the
   * backup verified first, the current database saved), then reopens it
   * (migrated if the backup is older). Callers run it with no other write in
   * progress (the restore method is a queued write).
   */
  async restoreFrom(file: string): Promise<RestoreResult> {
    const dbFile = this.opts.dbFile;
    if (dbFile === ':memory:') throw new BackupError('Восстановление недоступно для базы в памяти.');
    const passphrase = this.backups.passphrase();
    if (!passphrase) throw new BackupError('Не задан пароль резервных копий.');
    const folder = this.backups.folder();
    await this.backups.stop();
    this.changes.close();
    this.db.$client.close();
    try {
      return await restoreDatabaseFile({ dbFile, folder, file, passphrase, now: this.now() });
    } finally {
      // The restored database, or the same one when the backup was refused.
      this.db = openDatabase(dbFile);
      this.sessions = new SessionStore(this.db, this.now, this.opts.sessionHours ?? 12, this.opts.idleMinutes);
      this.services.rebind(this.db);
      seedReferenceData(this.db);
      this.changes = new ChangeFeed(this.db);
      log.warn('database restore attempted', { file });
    }
  }

  /** Resolves a session token to an active user, or null. */
  userForToken(token: string | null): CurrentUser | null {
    return this.sessions.resolve(token)?.user ?? null;
  }

  /**
   * Answers one call. `from` says which workstation sent it (the transport
   * knows: an address over the network, 'local' for this computer's window).
   * Methods marked `write` run one at a time through the write queue.
   */
  async call(token: string | null, method: string, rawInput: unknown, from: CallSource = LOCAL_SOURCE): Promise<CallResult> {
    let sessionChange: CallResult['session'];
    try {
      if (!isMethodName(method)) throw new ApiError('UNKNOWN_METHOD', 'Неизвестная операция');
      const def = methods[method];
      if (this.services.damaged != null && !method.startsWith('recovery.') && method !== 'host.clock') throw new ApiError('DATABASE_DAMAGED', this.services.damaged);
      const parsed = (def.input as z.ZodType).safeParse(rawInput ?? {});
      const run = async (outside: Ctx['outside']) => {
        const current = this.sessions.resolve(token);
        const user = current?.user ?? null;
        checkAccess(def.access, user);
        if (!parsed.success) throw zodToApiError(parsed.error);
        // A write is the user at work: the idle limit counts from it (recorded at most every 15 seconds).
        if (current && def.write && this.now().getTime() - Date.parse(current.lastActivityAt) >= 15_000) this.sessions.touch(current.id);
        let sessionId = current?.id ?? null;
        const ctx: Ctx = {
          db: this.db,
          user,
          services: this.services,
          now: this.now,
          tx: (fn) => this.db.$client.transaction(fn).immediate(),
          audit: (rec) => this.writeAudit(user, rec),
          outside,
          session: {
            get id() {
              return sessionId;
            },
            from,
            store: this.sessions,
            start: (userId) => {
              const s = this.sessions.start(userId, from);
              sessionId = s.id;
              sessionChange = { token: s.token, expiresAt: s.expiresAt };
            },
            end: () => {
              if (sessionId != null) this.sessions.end(sessionId);
              sessionId = null;
              sessionChange = { token: null };
            },
          },
        };
        const handler = handlers[method] as (ctx: Ctx, input: unknown) => unknown;
        return handler(ctx, parsed.data);
      };
      const data = def.write ? await this.writes.run(run) : await run((fn) => fn());
      return { envelope: { ok: true, data }, session: sessionChange };
    } catch (e) {
      if (e instanceof ApiError) return { envelope: { ok: false, error: e.toBody() }, session: sessionChange };
      log.error('handler failed', e, { method: isMethodName(method) ? method : 'unknown', code: sqliteCode(e) });
      if (sqliteCode(e) === 'SQLITE_FULL') {
        // The transaction was rolled back: the database holds what was committed before.
        return {
          envelope: { ok: false, error: { code: 'INTERNAL', message: 'На диске сервера Socdesk нет места: запись не сохранена, данные не изменены. Освободите место на диске (или обратитесь к администратору) и повторите.' } },
          session: sessionChange,
        };
      }
      return {
        envelope: {
          ok: false,
          error: { code: 'INTERNAL', message: 'Внутренняя ошибка программы. Данные не изменены. Повторите действие или обратитесь к администратору.' },
        },
        session: sessionChange,
      };
    } finally {
      // What the call committed goes out to the connected clients.
      this.changes.publish();
    }
  }

  /** Typed convenience for tests and tools: throws ApiError on failure. */
  async invoke<M extends MethodName>(token: string | null, method: M, input: z.input<(typeof methods)[M]['input']>) {
    const r = await this.call(token, method, input);
    if (!r.envelope.ok) throw new ApiError(r.envelope.error.code, r.envelope.error.message, r.envelope.error.fields, r.envelope.error.stale);
    return { data: r.envelope.data as z.output<(typeof methods)[M]['output']>, session: r.session };
  }

  private writeAudit(user: CurrentUser | null, rec: AuditRecord): void {
    const actor = rec.actor ?? user;
    const json = (v: unknown) => (v == null ? null : JSON.stringify(v));
    appendAudit(this.db.$client, [
      this.now().toISOString(),
      actor?.id ?? null,
      actor?.username ?? null,
      rec.action,
      rec.entity,
      rec.entityId == null ? null : String(rec.entityId),
      json(rec.before),
      json(rec.after),
    ]);
  }
}

function sqliteCode(e: unknown): string | null {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_') ? code : null;
}

/** A Russian sentence when the error means the database file is damaged or unreadable; null for anything else. */
function damageOf(e: unknown): string | null {
  const code = (e as { code?: unknown }).code;
  if (typeof code !== 'string') return null;
  if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) return 'Файл базы данных повреждён: программа не может его прочитать.';
  if (code.startsWith('SQLITE_CANTOPEN') || code.startsWith('SQLITE_PERM') || code.startsWith('SQLITE_IOERR') || code === 'SQLITE_READONLY' || code === 'EACCES' || code === 'EPERM')
    return 'Файл базы данных недоступен для чтения или записи (права доступа или ошибка диска).';
  return null;
}

function checkAccess(access: (typeof methods)[MethodName]['access'], user: CurrentUser | null): void {
  if (access === 'public') return;
  if (!user) throw new ApiError('UNAUTHENTICATED', 'Сеанс завершён. Войдите в систему снова.');
  if (access === 'user') return;
  if (!access.some((r) => user.roles.includes(r))) {
    throw new ApiError('FORBIDDEN', 'Недостаточно прав для этого действия.');
  }
}
