/**
 * Per-user notifications and counts: what is stored (a case assigned to me,
 * a draft returned to me, a draft sent to the heads for signing) is written
 * in the same transaction as the event; what is due today is computed when
 * asked.
 */
import { and, count, desc, eq, inArray, isNotNull, isNull, lt, lte } from 'drizzle-orm';
import type { NotificationKind } from '../../../core/api/control';
import type { Role } from '../../../core/api/schemas';
import { soonHorizon } from '../../../core/domain/deadlines';
import { todayIso } from '../../../core/domain/dates';
import type { Db } from '../../../db/connection';
import { cases, users } from '../../../db/schema';
import { complaints, notifications } from '../../../db/schema-control';
import type { Ctx, UserCtx } from '../context';
import { isOpenSql } from './filters';

/** Stores a notification for a user. Call inside the transaction of the event. */
export function notify(ctx: Ctx, userId: number, kind: NotificationKind, text: string, ref: { caseId?: number; complaintId?: number } = {}): void {
  ctx.db
    .insert(notifications)
    .values({ userId, at: ctx.now().toISOString(), kind, text, caseId: ref.caseId ?? null, complaintId: ref.complaintId ?? null })
    .run();
}

/** Active users with a role (the heads, for the sign-off queue). */
export function activeUsersWithRole(db: Db, role: Role): { id: number; fullName: string }[] {
  return db
    .select({ id: users.id, fullName: users.fullName, roles: users.roles })
    .from(users)
    .where(eq(users.active, true))
    .all()
    .filter((u) => u.roles.includes(role))
    .map(({ id, fullName }) => ({ id, fullName }));
}

const isHead = (ctx: UserCtx) => ctx.user.roles.includes('head');

/** Complaints a user answers for: a head sees all, others those they are responsible for. */
function complaintScope(ctx: UserCtx) {
  return isHead(ctx) ? undefined : eq(complaints.responsibleId, ctx.user.id);
}

export function notificationCounts(ctx: UserCtx) {
  const t = todayIso(ctx.now());
  const horizon = soonHorizon(ctx.services.calendar(), t);
  const n = (q: { n: number } | undefined) => q?.n ?? 0;
  const mine = and(eq(cases.responsibleId, ctx.user.id), isOpenSql);
  return {
    today: t,
    mineOverdue: n(ctx.db.select({ n: count() }).from(cases).where(and(mine, isNotNull(cases.nextDue), lt(cases.nextDue, t))).get()),
    mineDueToday: n(ctx.db.select({ n: count() }).from(cases).where(and(mine, eq(cases.nextDue, t))).get()),
    returnedToMe: n(ctx.db.select({ n: count() }).from(cases).where(and(eq(cases.responsibleId, ctx.user.id), eq(cases.status, 'returned'))).get()),
    awaitingMySignature: isHead(ctx) ? n(ctx.db.select({ n: count() }).from(cases).where(eq(cases.status, 'awaiting_signature')).get()) : 0,
    unassigned: isHead(ctx) ? n(ctx.db.select({ n: count() }).from(cases).where(and(isNull(cases.responsibleId), isOpenSql)).get()) : 0,
    complaintsDue: n(
      ctx.db
        .select({ n: count() })
        .from(complaints)
        .where(and(complaintScope(ctx), isNotNull(complaints.nextDue), lte(complaints.nextDue, horizon)))
        .get(),
    ),
    unread: n(ctx.db.select({ n: count() }).from(notifications).where(and(eq(notifications.userId, ctx.user.id), isNull(notifications.readAt))).get()),
  };
}

export interface NotificationItem {
  key: string;
  id: number | null;
  at: string;
  kind: NotificationKind;
  text: string;
  caseId: number | null;
  complaintId: number | null;
  read: boolean;
}

export function notificationList(ctx: UserCtx, o: { limit: number; unreadOnly: boolean }): NotificationItem[] {
  const t = todayIso(ctx.now());
  const stored = ctx.db
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, ctx.user.id), o.unreadOnly ? isNull(notifications.readAt) : undefined))
    .orderBy(desc(notifications.id))
    .limit(o.limit)
    .all()
    .map(
      (r): NotificationItem => ({
        key: `n${r.id}`,
        id: r.id,
        at: r.at,
        kind: r.kind,
        text: r.text,
        caseId: r.caseId,
        complaintId: r.complaintId,
        read: r.readAt !== null,
      }),
    );
  const at = ctx.now().toISOString();
  const dueCases = ctx.db
    .select({ id: cases.id, number: cases.journalNumber, kind: cases.nextDueKind })
    .from(cases)
    .where(and(eq(cases.responsibleId, ctx.user.id), eq(cases.nextDue, t), isOpenSql))
    .limit(o.limit)
    .all()
    .map(
      (c): NotificationItem => ({
        key: `due-case-${c.id}-${t}`,
        id: null,
        at,
        kind: 'due_today',
        text: `Сегодня истекает срок по делу № ${c.number}`,
        caseId: c.id,
        complaintId: null,
        read: false,
      }),
    );
  const dueComplaints = ctx.db
    .select({ id: complaints.id, number: complaints.number })
    .from(complaints)
    .where(and(complaintScope(ctx), eq(complaints.nextDue, t)))
    .limit(o.limit)
    .all()
    .map(
      (c): NotificationItem => ({
        key: `due-complaint-${c.id}-${t}`,
        id: null,
        at,
        kind: 'due_today',
        text: `Сегодня истекает срок по жалобе № ${c.number}`,
        caseId: null,
        complaintId: c.id,
        read: false,
      }),
    );
  return [...dueCases, ...dueComplaints, ...stored].slice(0, o.limit);
}

/** Marks the user's notifications read (the ones given, or all). Returns how many changed. */
export function markRead(ctx: UserCtx, ids: number[] | 'all'): number {
  const where = and(
    eq(notifications.userId, ctx.user.id),
    isNull(notifications.readAt),
    ids === 'all' ? undefined : inArray(notifications.id, ids.length ? ids : [-1]),
  );
  return ctx.tx(() => {
    const changed = ctx.db.update(notifications).set({ readAt: ctx.now().toISOString() }).where(where).returning({ id: notifications.id }).all();
    if (changed.length) ctx.audit({ action: 'read', entity: 'notification', entityId: null, after: { ids: changed.map((c) => c.id) } });
    return changed.length;
  });
}
