/** Administration: this office's details, users, the audit log. */
import { and, count, desc, eq, gte, lt, type SQL } from 'drizzle-orm';
import { ApiError } from '../../../core/api/errors';
import { addDays } from '../../../core/domain/dates';
import { auditLog, refItems, users } from '../../../db/schema';
import { hashPassword } from '../password';
import { clearLoginLocks } from './auth';
import { assertRev, firstRev, nextRev } from '../revisions';
import { auditableUser, officeRow, toOfficeView, toUserView } from '../views';
import { renameResponsible } from '../control/assignment';
import type { HandlerGroup } from './types';
import type { UserCtx } from '../context';

function loadUser(ctx: UserCtx, id: number) {
  const u = ctx.db.select().from(users).where(eq(users.id, id)).get();
  if (!u) throw new ApiError('NOT_FOUND', 'Пользователь не найден.');
  return u;
}

/** At least one active administrator must remain, or nobody could manage users. */
function assertAdminRemains(ctx: UserCtx): void {
  const admins = ctx.db
    .select()
    .from(users)
    .where(eq(users.active, true))
    .all()
    .filter((u) => u.roles.includes('admin'));
  if (admins.length === 0) {
    throw new ApiError('CONFLICT', 'Должен остаться хотя бы один действующий администратор.');
  }
}

export const adminHandlers: HandlerGroup<
  'office.update' | 'users.list' | 'users.create' | 'users.update' | 'users.resetPassword' | 'users.unlock' | 'audit.list'
> = {
  'office.update': (ctx, input) =>
    ctx.tx(() => {
      const before = officeRow(ctx.db);
      assertRev(ctx, before, input.rev, 'сведения об управлении');
      const details = { ...before.details, headName: input.headName ?? null, headPosition: input.headPosition ?? null };
      const after = ctx.db
        .update(refItems)
        .set({ name: input.name, address: input.address, phone: input.phone, email: input.email, details, locallyModified: true, ...nextRev(ctx) })
        .where(and(eq(refItems.kind, 'office'), eq(refItems.code, before.code)))
        .returning()
        .get();
      ctx.audit({ action: 'update', entity: 'office', entityId: before.code, before, after });
      return toOfficeView(after);
    }),

  'users.list': (ctx) => ctx.db.select().from(users).orderBy(users.fullName).all().map(toUserView),

  'users.create': async (ctx, input) => {
    const passwordHash = await ctx.outside(() => hashPassword(input.password));
    return ctx.tx(() => {
      if (ctx.db.select({ id: users.id }).from(users).where(eq(users.username, input.username)).get()) {
        throw new ApiError('CONFLICT', `Имя пользователя «${input.username}» уже занято.`, { username: 'Имя уже занято' });
      }
      const u = ctx.db
        .insert(users)
        .values({ username: input.username, fullName: input.fullName, position: input.position, roles: input.roles, passwordHash, ...firstRev(ctx) })
        .returning()
        .get();
      ctx.audit({ action: 'create', entity: 'user', entityId: u.id, after: auditableUser(u) });
      return toUserView(u);
    });
  },

  'users.update': (ctx, input) =>
    ctx.tx(() => {
      const before = loadUser(ctx, input.id);
      assertRev(ctx, before, input.rev, 'учётную запись пользователя');
      const after = ctx.db
        .update(users)
        .set({ fullName: input.fullName, position: input.position, roles: input.roles, active: input.active, ...nextRev(ctx) })
        .where(eq(users.id, input.id))
        .returning()
        .get();
      assertAdminRemains(ctx);
      if (after.fullName !== before.fullName) renameResponsible(ctx.db, after.id, after.fullName);
      // Deactivation ends the user's sessions: reactivating later does not bring them back.
      const ended = !after.active && before.active ? ctx.session.store.endAllOf(after.id, ctx.session.id) : 0;
      ctx.audit({ action: 'update', entity: 'user', entityId: after.id, before: auditableUser(before), after: { ...auditableUser(after), ...(ended ? { sessionsEnded: ended } : {}) } });
      return toUserView(after);
    }),

  'users.resetPassword': async (ctx, input) => {
    const passwordHash = await ctx.outside(() => hashPassword(input.password));
    return ctx.tx(() => {
      loadUser(ctx, input.id);
      ctx.db.update(users).set({ passwordHash }).where(eq(users.id, input.id)).run();
      clearLoginLocks(ctx, input.id);
      // Whoever is signed in as this user signs in again, with the new password.
      const ended = ctx.session.store.endAllOf(input.id, ctx.session.id);
      ctx.audit({ action: 'password.reset', entity: 'user', entityId: input.id, after: { sessionsEnded: ended } });
      return { ok: true as const };
    });
  },

  'users.unlock': (ctx, input) =>
    ctx.tx(() => {
      const before = loadUser(ctx, input.id);
      clearLoginLocks(ctx, input.id);
      const after = loadUser(ctx, input.id);
      ctx.audit({ action: 'unlock', entity: 'user', entityId: input.id, before: { lockedUntil: before.lockedUntil }, after: { lockedUntil: null } });
      return toUserView(after);
    }),

  'audit.list': (ctx, input) => {
    const where: SQL[] = [];
    // Stored timestamps are UTC; the filter's dates are taken as UTC days.
    if (input.from) where.push(gte(auditLog.at, input.from));
    if (input.to) where.push(lt(auditLog.at, addDays(input.to, 1)));
    if (input.userId) where.push(eq(auditLog.userId, input.userId));
    if (input.entity) where.push(eq(auditLog.entity, input.entity));
    if (input.action) where.push(eq(auditLog.action, input.action));
    const cond = where.length ? and(...where) : undefined;
    const total = ctx.db.select({ n: count() }).from(auditLog).where(cond).get()?.n ?? 0;
    const rows = ctx.db
      .select()
      .from(auditLog)
      .where(cond)
      .orderBy(desc(auditLog.id))
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize)
      .all();
    return { rows, total };
  },
};
