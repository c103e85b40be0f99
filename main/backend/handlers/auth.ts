/**
 * First-run setup, sign-in with lockout, sign-out, own password.
 *
 * Lockout: five failures in a row lock a name for 15 minutes (LoginPolicy).
 * For an ordinary user the lock is on the account, and ends its sessions. For
 * an administrator the count and the lock are per workstation: a stranger who
 * types the administrator's name locks it out of their own desk only, and the
 * administrator still signs in from theirs. `socdesk unlock <name>` on the host
 * clears any lock (README). Unknown names are counted, slowed and locked the same
 * way, in memory, so nothing tells whether a name exists.
 */
import { and, eq } from 'drizzle-orm';
import { ApiError } from '../../../core/api/errors';
import { formatRuDateTime } from '../../../core/domain/dates';
import { adminLoginLocks, refItems, users } from '../../../db/schema';
import type { Ctx } from '../context';
import { dummyPasswordHash, hashPassword, verifyPassword } from '../password';
import { auditableUser, getSetting, OFFICE_SETTING, sessionView, setSetting } from '../views';
import type { HandlerGroup } from './types';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const UNKNOWN_NAMES_KEPT = 10_000;

function lockedError(until: string): ApiError {
  return new ApiError(
    'LOCKED',
    `Слишком много неудачных попыток входа. Вход под этим именем заблокирован до ${formatRuDateTime(until)}. Повторите позже или обратитесь к администратору.`,
  );
}

interface LockState {
  failures: number;
  lockedUntil: string | null;
}

/** Failures so far, counting from zero again once an earlier lock has run out. */
function currentFailures(s: LockState): number {
  return s.lockedUntil ? 0 : s.failures;
}

/** One sign-in attempt; attempts for the same name never run at once (see auth.login). */
async function signIn(ctx: Ctx, username: string, password: string) {
  const policy = ctx.services.loginPolicy;
  const now = ctx.now();
  const nowIso = now.toISOString();
  const bad = new ApiError('BAD_CREDENTIALS', 'Неверное имя пользователя или пароль.');
  const lockFrom = () => new Date(now.getTime() + policy.lockMinutes * 60_000).toISOString();
  const source = ctx.session.from.source;
  const u = ctx.db.select().from(users).where(eq(users.username, username)).get();

  if (!u) {
    const known = ctx.services.unknownLogins;
    const st = known.get(username) ?? { failures: 0, lockedUntil: null };
    if (st.lockedUntil && st.lockedUntil > nowIso) throw lockedError(st.lockedUntil);
    await verifyPassword(password, await dummyPasswordHash());
    const failures = currentFailures(st) + 1;
    const lock = failures >= policy.maxFailures;
    const next = { failures: lock ? 0 : failures, lockedUntil: lock ? lockFrom() : null };
    known.delete(username);
    known.set(username, next);
    if (known.size > UNKNOWN_NAMES_KEPT) known.delete(known.keys().next().value!);
    ctx.tx(() => ctx.audit({ action: 'auth.login_failed', entity: 'user', after: { reason: 'unknown_user', failures, source } }));
    await sleep(policy.delayMs(failures));
    throw lock ? lockedError(next.lockedUntil!) : bad;
  }

  const isAdmin = u.roles.includes('admin');
  const perSource = isAdmin ? ctx.db.select().from(adminLoginLocks).where(and(eq(adminLoginLocks.userId, u.id), eq(adminLoginLocks.source, source))).get() : undefined;
  const st: LockState = isAdmin ? { failures: perSource?.failures ?? 0, lockedUntil: perSource?.lockedUntil ?? null } : { failures: u.failedLogins, lockedUntil: u.lockedUntil };
  if (st.lockedUntil && st.lockedUntil > nowIso) throw lockedError(st.lockedUntil);

  const okPassword = await verifyPassword(password, u.passwordHash);
  const actor = { id: u.id, username: u.username };
  if (!okPassword) {
    const failures = currentFailures(st) + 1;
    const lock = failures >= policy.maxFailures;
    const lockedUntil = lock ? lockFrom() : null;
    ctx.tx(() => {
      const values = { failures: lock ? 0 : failures, lockedUntil };
      let ended = 0;
      if (isAdmin) {
        ctx.db
          .insert(adminLoginLocks)
          .values({ userId: u.id, source, ...values })
          .onConflictDoUpdate({ target: [adminLoginLocks.userId, adminLoginLocks.source], set: values })
          .run();
        if (lock) ended = ctx.session.store.endFrom(u.id, source);
      } else {
        ctx.db.update(users).set({ failedLogins: values.failures, lockedUntil }).where(eq(users.id, u.id)).run();
        if (lock) ended = ctx.session.store.endAllOf(u.id);
      }
      ctx.audit({ action: lock ? 'auth.locked' : 'auth.login_failed', entity: 'user', entityId: u.id, after: { failures, source, ...(lock ? { sessionsEnded: ended } : {}) }, actor });
    });
    await sleep(policy.delayMs(failures));
    throw lock ? lockedError(lockedUntil!) : bad;
  }
  if (!u.active) throw new ApiError('FORBIDDEN', 'Учётная запись отключена. Обратитесь к администратору.');
  ctx.tx(() => {
    // The password may have been reset while it was being checked.
    const fresh = ctx.db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, u.id)).get();
    if (fresh?.hash !== u.passwordHash) throw bad;
    ctx.db.update(users).set({ failedLogins: 0, lockedUntil: null, lastLoginAt: nowIso }).where(eq(users.id, u.id)).run();
    if (isAdmin) ctx.db.delete(adminLoginLocks).where(and(eq(adminLoginLocks.userId, u.id), eq(adminLoginLocks.source, source))).run();
    ctx.session.start(u.id);
    ctx.audit({ action: 'auth.login', entity: 'user', entityId: u.id, after: { source }, actor });
  });
  return sessionView(ctx.db, u.id);
}

/** Clears every sign-in lock of a user (the administrator's «Разблокировать», or `socdesk unlock` on the host). */
export function clearLoginLocks(ctx: Pick<Ctx, 'db'>, userId: number): void {
  ctx.db.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, userId)).run();
  ctx.db.delete(adminLoginLocks).where(eq(adminLoginLocks.userId, userId)).run();
}

export const authHandlers: HandlerGroup<
  'host.clock' | 'setup.status' | 'setup.init' | 'auth.login' | 'auth.logout' | 'auth.session' | 'auth.keepAlive' | 'auth.changePassword'
> = {
  'host.clock': (ctx) => ({ now: ctx.now().toISOString() }),

  'setup.status': (ctx) => {
    const initialized = getSetting(ctx.db, OFFICE_SETTING) !== null;
    const offices = initialized
      ? []
      : ctx.db
          .select()
          .from(refItems)
          .where(and(eq(refItems.kind, 'office'), eq(refItems.active, true)))
          .orderBy(refItems.number)
          .all()
          .map((r) => ({ code: r.code, name: r.name, territory: String(r.details.territory ?? '') }));
    return { initialized, offices };
  },

  'setup.init': async (ctx, input) => {
    const passwordHash = await ctx.outside(() => hashPassword(input.password));
    const userId = ctx.tx(() => {
      if (getSetting(ctx.db, OFFICE_SETTING) !== null) {
        throw new ApiError('CONFLICT', 'Первоначальная настройка уже выполнена.');
      }
      const office = ctx.db
        .select()
        .from(refItems)
        .where(and(eq(refItems.kind, 'office'), eq(refItems.code, input.officeCode)))
        .get();
      if (!office) throw new ApiError('VALIDATION', 'Выберите управление из списка.', { officeCode: 'Выберите управление из списка' });
      setSetting(ctx.db, OFFICE_SETTING, office.code);
      const details = { ...office.details, headName: input.headName ?? null, headPosition: input.headPosition ?? null };
      ctx.db.update(refItems).set({ details, locallyModified: true }).where(and(eq(refItems.kind, 'office'), eq(refItems.code, office.code))).run();
      const u = ctx.db
        .insert(users)
        .values({ username: input.username, fullName: input.fullName, position: input.position, roles: ['admin'], passwordHash })
        .returning()
        .get();
      const actor = { id: u.id, username: u.username };
      ctx.audit({ action: 'setup.init', entity: 'settings', entityId: OFFICE_SETTING, after: { officeCode: office.code, headName: input.headName ?? null, headPosition: input.headPosition ?? null }, actor });
      ctx.audit({ action: 'create', entity: 'user', entityId: u.id, after: auditableUser(u), actor });
      ctx.session.start(u.id);
      return u.id;
    });
    return sessionView(ctx.db, userId);
  },

  'auth.login': async (ctx, input) => {
    if (getSetting(ctx.db, OFFICE_SETTING) === null) {
      throw new ApiError('NOT_INITIALIZED', 'Программа ещё не настроена: выполните первоначальную настройку.');
    }
    // Out of the write queue at once (hashing and the failure delay take time); attempts for one
    // name run one after another in their own queue, so every failure is counted.
    return ctx.outside(() => ctx.services.loginAttempts.run(input.username, () => signIn(ctx, input.username, input.password)));
  },

  'auth.logout': (ctx) => {
    ctx.session.end();
    return { ok: true as const };
  },

  'auth.session': (ctx) => (ctx.user && getSetting(ctx.db, OFFICE_SETTING) !== null ? sessionView(ctx.db, ctx.user.id) : null),

  'auth.keepAlive': (ctx) => {
    const store = ctx.session.store;
    const at = store.touch(ctx.session.id!);
    return { idleMinutes: store.idleMinutes(), idleDeadline: store.idleDeadline(at) };
  },

  'auth.changePassword': async (ctx, input) => {
    const u = ctx.db.select().from(users).where(eq(users.id, ctx.user.id)).get();
    const checked = u && (await ctx.outside(() => verifyPassword(input.currentPassword, u.passwordHash)));
    if (!u || !checked) {
      throw new ApiError('VALIDATION', 'Текущий пароль указан неверно.', { currentPassword: 'Неверный пароль' });
    }
    const passwordHash = await ctx.outside(() => hashPassword(input.newPassword));
    ctx.tx(() => {
      ctx.db.update(users).set({ passwordHash }).where(eq(users.id, u.id)).run();
      // The other workstations where this user is signed in sign in again, with the new password.
      const ended = ctx.session.store.endAllOf(u.id, ctx.session.id);
      ctx.audit({ action: 'password.change', entity: 'user', entityId: u.id, after: { sessionsEnded: ended } });
    });
    return { ok: true as const };
  },
};
