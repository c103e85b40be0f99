/** The administrator's view of sessions on every workstation, the idle limit, and the host's details. */
import { desc, eq } from 'drizzle-orm';
import { ApiError } from '../../../core/api/errors';
import { sessions, users } from '../../../db/schema';
import type { HandlerGroup } from './types';

export const sessionHandlers: HandlerGroup<'sessions.list' | 'sessions.end' | 'sessions.saveSettings' | 'host.info'> = {
  'sessions.list': (ctx) => {
    const store = ctx.session.store;
    store.sweep();
    const rows = ctx.db
      .select({
        id: sessions.id,
        userId: sessions.userId,
        username: users.username,
        fullName: users.fullName,
        source: sessions.source,
        workstation: sessions.workstation,
        createdAt: sessions.createdAt,
        lastActivityAt: sessions.lastActivityAt,
      })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .orderBy(desc(sessions.lastActivityAt))
      .all();
    return { idleMinutes: store.idleMinutes(), rows: rows.map((r) => ({ ...r, current: r.id === ctx.session.id })) };
  },

  'sessions.end': (ctx, input) =>
    ctx.tx(() => {
      const s = ctx.db.select().from(sessions).where(eq(sessions.id, input.id)).get();
      if (!s) throw new ApiError('NOT_FOUND', 'Сеанс уже завершён.');
      if (s.id === ctx.session.id) throw new ApiError('CONFLICT', 'Свой сеанс завершите кнопкой «Выйти».');
      ctx.session.store.end(s.id);
      ctx.audit({ action: 'session.end', entity: 'user', entityId: s.userId, after: { session: s.id, source: s.source } });
      return { ok: true as const };
    }),

  'sessions.saveSettings': (ctx, input) =>
    ctx.tx(() => {
      const before = ctx.session.store.idleMinutes();
      ctx.session.store.setIdleMinutes(input.idleMinutes);
      ctx.audit({ action: 'update', entity: 'settings', entityId: 'session_idle_minutes', before: { idleMinutes: before }, after: { idleMinutes: input.idleMinutes } });
      return { ok: true as const };
    }),

  'host.info': (ctx) => ctx.services.host?.() ?? { urls: [], certificate: null },
};
