/**
 * The backend: one object that owns the database and answers API calls.
 * It knows nothing about Electron or HTTP; each transport hands it the
 * caller's session token and gets back an envelope plus any session change.
 */
import { createHash, randomBytes } from 'node:crypto';
import { eq, lt } from 'drizzle-orm';
import type { z } from 'zod';
import { methods, isMethodName, type MethodName } from '../../core/api/contract';
import { ApiError, type Envelope } from '../../core/api/errors';
import type { Role } from '../../core/api/schemas';
import { openDatabase, type Db } from '../../db/connection';
import { auditLog, sessions, users } from '../../db/schema';
import type { AuditRecord, Ctx, CurrentUser } from './context';
import { handlers } from './handlers';
import { log } from './logger';
import { getExchangeSettings } from './exchange/state';
import { backendSyncDeps, Scheduler, syncOnce } from './exchange/sync';
import { seedReferenceData } from './refdata';
import { DEFAULT_LOGIN_POLICY, Services, type LoginPolicy } from './services';
import { zodToApiError } from './validation';

export interface BackendOptions {
  /** Path of the SQLite file (or ':memory:'). */
  dbFile: string;
  now?: () => Date;
  loginPolicy?: Partial<LoginPolicy>;
  /** Session lifetime in hours. */
  sessionHours?: number;
}

export interface CallResult {
  envelope: Envelope<unknown>;
  /** Set when the call opened (token) or closed (null) a session. */
  session?: { token: string | null; expiresAt?: string };
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export class Backend {
  readonly db: Db;
  readonly services: Services;
  private readonly now: () => Date;
  private readonly sessionHours: number;

  constructor(opts: BackendOptions) {
    this.db = openDatabase(opts.dbFile);
    this.now = opts.now ?? (() => new Date());
    this.sessionHours = opts.sessionHours ?? 12;
    this.services = new Services(this.db, { ...DEFAULT_LOGIN_POLICY, ...opts.loginPolicy });
    seedReferenceData(this.db);
    this.services.exchange = new Scheduler({
      run: () => syncOnce(backendSyncDeps(this)),
      intervalMs: () => getExchangeSettings(this.db).intervalMinutes * 60_000,
    });
    this.db.delete(sessions).where(lt(sessions.expiresAt, this.now().toISOString())).run();
  }

  /** Starts the periodic exchange with the portal (the desktop app and browser mode do; tests do not). */
  startExchange(): void {
    this.services.exchange?.start(30_000);
  }

  /** Closes the database; a running exchange session is abandoned (its transactions are atomic). */
  close(): void {
    void this.services.exchange?.stop();
    this.db.$client.close();
  }

  /** Waits for a running exchange session, then closes: for a graceful exit. */
  async shutdown(): Promise<void> {
    await this.services.exchange?.stop();
    this.db.$client.close();
  }

  /** Resolves a session token to an active user, or null. */
  userForToken(token: string | null): CurrentUser | null {
    if (!token) return null;
    const row = this.db
      .select({ user: users, expiresAt: sessions.expiresAt })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(eq(sessions.tokenHash, hashToken(token)))
      .get();
    if (!row || row.expiresAt <= this.now().toISOString() || !row.user.active) return null;
    const u = row.user;
    return { id: u.id, username: u.username, fullName: u.fullName, position: u.position, roles: u.roles as Role[] };
  }

  async call(token: string | null, method: string, rawInput: unknown): Promise<CallResult> {
    let sessionChange: CallResult['session'];
    try {
      if (!isMethodName(method)) throw new ApiError('UNKNOWN_METHOD', 'Неизвестная операция');
      const def = methods[method];
      const user = this.userForToken(token);
      checkAccess(def.access, user);
      const parsed = (def.input as z.ZodType).safeParse(rawInput ?? {});
      if (!parsed.success) throw zodToApiError(parsed.error);

      const ctx: Ctx = {
        db: this.db,
        user,
        services: this.services,
        now: this.now,
        tx: (fn) => this.db.$client.transaction(fn).immediate(),
        audit: (rec) => this.writeAudit(user, rec),
        session: {
          start: (userId) => {
            const t = randomBytes(32).toString('base64url');
            const createdAt = this.now();
            const expiresAt = new Date(createdAt.getTime() + this.sessionHours * 3600_000).toISOString();
            this.db.insert(sessions).values({ tokenHash: hashToken(t), userId, createdAt: createdAt.toISOString(), expiresAt }).run();
            sessionChange = { token: t, expiresAt };
          },
          end: () => {
            if (token) this.db.delete(sessions).where(eq(sessions.tokenHash, hashToken(token))).run();
            sessionChange = { token: null };
          },
        },
      };
      const handler = handlers[method] as (ctx: Ctx, input: unknown) => unknown;
      const data = await handler(ctx, parsed.data);
      return { envelope: { ok: true, data }, session: sessionChange };
    } catch (e) {
      if (e instanceof ApiError) return { envelope: { ok: false, error: e.toBody() }, session: sessionChange };
      log.error('handler failed', e, { method: isMethodName(method) ? method : 'unknown' });
      return {
        envelope: {
          ok: false,
          error: { code: 'INTERNAL', message: 'Внутренняя ошибка программы. Данные не изменены. Повторите действие или обратитесь к администратору.' },
        },
        session: sessionChange,
      };
    }
  }

  /** Typed convenience for tests and tools: throws ApiError on failure. */
  async invoke<M extends MethodName>(token: string | null, method: M, input: z.input<(typeof methods)[M]['input']>) {
    const r = await this.call(token, method, input);
    if (!r.envelope.ok) throw new ApiError(r.envelope.error.code, r.envelope.error.message, r.envelope.error.fields);
    return { data: r.envelope.data as z.output<(typeof methods)[M]['output']>, session: r.session };
  }

  private writeAudit(user: CurrentUser | null, rec: AuditRecord): void {
    const actor = rec.actor ?? user;
    this.db
      .insert(auditLog)
      .values({
        at: this.now().toISOString(),
        userId: actor?.id ?? null,
        username: actor?.username ?? null,
        action: rec.action,
        entity: rec.entity,
        entityId: rec.entityId == null ? null : String(rec.entityId),
        before: rec.before ?? null,
        after: rec.after ?? null,
      })
      .run();
  }
}

function checkAccess(access: (typeof methods)[MethodName]['access'], user: CurrentUser | null): void {
  if (access === 'public') return;
  if (!user) throw new ApiError('UNAUTHENTICATED', 'Сеанс завершён. Войдите в систему снова.');
  if (access === 'user') return;
  if (!access.some((r) => user.roles.includes(r))) {
    throw new ApiError('FORBIDDEN', 'Недостаточно прав для этого действия.');
  }
}
