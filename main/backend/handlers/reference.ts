/** Reference data (offices, MFC, agencies, sub-services) and the production calendar. */
import { and, asc, eq } from 'drizzle-orm';
import { ApiError } from '../../../core/api/errors';
import { weekday, yearOf } from '../../../core/domain/dates';
import { calendarDays, calendarYears, refItems } from '../../../db/schema';
import { recomputeOpenDeadlines } from '../cases';
import { recomputeComplaintDeadlines } from '../control/complaints';
import { replaceCalendarYear } from '../refdata';
import { assertRev, nextRev } from '../revisions';
import { toRefItem } from '../views';
import type { HandlerGroup } from './types';
import type { Ctx } from '../context';

function yearView(ctx: Ctx, y: typeof calendarYears.$inferSelect) {
  return {
    year: y.year,
    source: y.source,
    confirmed: y.confirmed,
    locallyModified: y.locallyModified,
    rev: y.rev,
    workingDays: ctx.services.calendar().workingDaysInYear(y.year),
  };
}

export const referenceHandlers: HandlerGroup<'ref.list' | 'ref.update' | 'calendar.years' | 'calendar.year' | 'calendar.saveYear'> = {
  'ref.list': (ctx, input) =>
    ctx.db.select().from(refItems).where(eq(refItems.kind, input.kind)).orderBy(asc(refItems.number), asc(refItems.name)).all().map(toRefItem),

  'ref.update': (ctx, input) =>
    ctx.tx(() => {
      const where = and(eq(refItems.kind, input.kind), eq(refItems.code, input.code));
      const before = ctx.db.select().from(refItems).where(where).get();
      if (!before) throw new ApiError('NOT_FOUND', 'Запись справочника не найдена.');
      assertRev(ctx, before, input.rev, 'запись справочника');
      const after = ctx.db
        .update(refItems)
        .set({
          name: input.name,
          shortName: input.shortName ?? null,
          address: input.address ?? null,
          phone: input.phone ?? null,
          email: input.email ?? null,
          active: input.active,
          locallyModified: true,
          ...nextRev(ctx),
        })
        .where(where)
        .returning()
        .get();
      ctx.audit({ action: 'update', entity: `ref.${input.kind}`, entityId: input.code, before, after });
      return toRefItem(after);
    }),

  'calendar.years': (ctx) => ctx.db.select().from(calendarYears).orderBy(asc(calendarYears.year)).all().map((y) => yearView(ctx, y)),

  'calendar.year': (ctx, input) => {
    const y = ctx.db.select().from(calendarYears).where(eq(calendarYears.year, input.year)).get();
    if (!y) throw new ApiError('NOT_FOUND', `Производственный календарь на ${input.year} год не загружен.`);
    const days = ctx.db
      .select({ date: calendarDays.date, kind: calendarDays.kind, note: calendarDays.note })
      .from(calendarDays)
      .where(eq(calendarDays.year, input.year))
      .orderBy(asc(calendarDays.date))
      .all()
      .map((d) => ({ date: d.date, kind: d.kind, note: d.note ?? undefined }));
    return { year: yearView(ctx, y), days };
  },

  'calendar.saveYear': (ctx, input) => {
    const fields: Record<string, string> = {};
    const seen = new Set<string>();
    input.days.forEach((d, i) => {
      const wd = weekday(d.date);
      if (yearOf(d.date) !== input.year) fields[`days.${i}.date`] = `Дата не относится к ${input.year} году`;
      else if (seen.has(d.date)) fields[`days.${i}.date`] = 'Дата указана дважды';
      else if (d.kind === 'workday' && wd < 6) fields[`days.${i}.kind`] = 'Рабочим днём можно объявить только субботу или воскресенье';
      else if (d.kind === 'dayoff' && wd >= 6) fields[`days.${i}.kind`] = 'Перенесённый выходной должен приходиться на будний день';
      seen.add(d.date);
    });
    if (Object.keys(fields).length) {
      throw new ApiError('VALIDATION', `Проверьте дни календаря: ${Object.values(fields)[0]}.`, fields);
    }
    try {
      const result = ctx.tx(() => {
        const before = ctx.db.select().from(calendarYears).where(eq(calendarYears.year, input.year)).get();
        assertRev(ctx, before, input.rev, `производственный календарь на ${input.year} год`);
        const beforeDays = before ? ctx.db.select().from(calendarDays).where(eq(calendarDays.year, input.year)).all() : [];
        replaceCalendarYear(ctx.db, { year: input.year, source: input.source, confirmed: true, days: input.days, seedHash: before?.seedHash ?? null, locallyModified: true }, nextRev(ctx));
        // Deadlines stored on open cases follow the new calendar, in the same transaction.
        ctx.services.invalidateCalendar();
        const moved = recomputeOpenDeadlines(ctx.db, ctx.services.calendar());
        recomputeComplaintDeadlines(ctx.db, ctx.services.calendar());
        ctx.audit({
          action: before ? 'update' : 'create',
          entity: 'calendar',
          entityId: input.year,
          before: before ? { ...before, days: beforeDays } : null,
          after: { year: input.year, source: input.source, days: input.days, casesWithMovedDeadlines: moved },
        });
        return ctx.db.select().from(calendarYears).where(eq(calendarYears.year, input.year)).get()!;
      });
      return yearView(ctx, result);
    } finally {
      // Drop a calendar built from data that may have been rolled back.
      ctx.services.invalidateCalendar();
    }
  },
};
