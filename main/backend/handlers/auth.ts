/** First-run setup, sign-in with lockout, sign-out, own password. */
import { and, eq } from 'drizzle-orm';
import { ApiError } from '../../../core/api/errors';
import { formatRuDateTime } from '../../../core/domain/dates';
import { refItems, users } from '../../../db/schema';
import { dummyPasswordHash, hashPassword, verifyPassword } from '../password';
import { auditableUser, getSetting, OFFICE_SETTING, sessionView, setSetting } from '../views';
import type { HandlerGroup } from './types';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export const authHandlers: HandlerGroup<
  'host.clock' | 'setup.status' | 'setup.init' | 'auth.login' | 'auth.logout' | 'auth.session' | 'auth.changePassword'
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
          .map((r) => ({ code: r.code, name: r.name, territory: String((r.details as { territory?: string }).territory ?? '') }));
    return { initialized, offices };
  },

  'setup.init': async (ctx, input) => {
    const passwordHash = await hashPassword(input.password);
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
    const bad = new ApiError('BAD_CREDENTIALS', 'Неверное имя пользователя или пароль.');
    const u = ctx.db.select().from(users).where(eq(users.username, input.username)).get();
    if (!u) {
      await verifyPassword(input.password, await dummyPasswordHash());
      ctx.tx(() => ctx.audit({ action: 'auth.login_failed', entity: 'user', after: { reason: 'unknown_user', username: input.username } }));
      throw bad;
    }
    const nowIso = ctx.now().toISOString();
    if (u.lockedUntil && u.lockedUntil > nowIso) {
      throw new ApiError(
        'LOCKED',
        `Учётная запись заблокирована после неудачных попыток входа до ${formatRuDateTime(u.lockedUntil)}. Повторите позже или обратитесь к администратору.`,
      );
    }
    const okPassword = await verifyPassword(input.password, u.passwordHash);
    if (!okPassword) {
      const policy = ctx.services.loginPolicy;
      const failures = (u.lockedUntil ? 0 : u.failedLogins) + 1;
      const lock = failures >= policy.maxFailures;
      const lockedUntil = lock ? new Date(ctx.now().getTime() + policy.lockMinutes * 60_000).toISOString() : null;
      ctx.tx(() => {
        ctx.db.update(users).set({ failedLogins: lock ? 0 : failures, lockedUntil }).where(eq(users.id, u.id)).run();
        ctx.audit({ action: lock ? 'auth.locked' : 'auth.login_failed', entity: 'user', entityId: u.id, after: { failures }, actor: { id: u.id, username: u.username } });
      });
      await sleep(policy.delayMs(failures));
      if (lock) {
        throw new ApiError(
          'LOCKED',
          `Слишком много неудачных попыток. Учётная запись заблокирована до ${formatRuDateTime(lockedUntil)}.`,
        );
      }
      throw bad;
    }
    if (!u.active) throw new ApiError('FORBIDDEN', 'Учётная запись отключена. Обратитесь к администратору.');
    ctx.tx(() => {
      ctx.db.update(users).set({ failedLogins: 0, lockedUntil: null, lastLoginAt: nowIso }).where(eq(users.id, u.id)).run();
      ctx.session.start(u.id);
      ctx.audit({ action: 'auth.login', entity: 'user', entityId: u.id, actor: { id: u.id, username: u.username } });
    });
    return sessionView(ctx.db, u.id);
  },

  'auth.logout': (ctx) => {
    ctx.session.end();
    return { ok: true as const };
  },

  'auth.session': (ctx) => (ctx.user && getSetting(ctx.db, OFFICE_SETTING) !== null ? sessionView(ctx.db, ctx.user.id) : null),

  'auth.changePassword': async (ctx, input) => {
    const u = ctx.db.select().from(users).where(eq(users.id, ctx.user.id)).get();
    if (!u || !(await verifyPassword(input.currentPassword, u.passwordHash))) {
      throw new ApiError('VALIDATION', 'Текущий пароль указан неверно.', { currentPassword: 'Неверный пароль' });
    }
    const passwordHash = await hashPassword(input.newPassword);
    ctx.tx(() => {
      ctx.db.update(users).set({ passwordHash }).where(eq(users.id, u.id)).run();
      ctx.audit({ action: 'password.change', entity: 'user', entityId: u.id });
    });
    return { ok: true as const };
  },
};
