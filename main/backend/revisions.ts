/**
 * No lost edits: every record a person edits carries a revision (`rev`,
 * with who changed it last and when, db/schema.ts `revision()`). A save
 * names the revision it edits; over a newer one it is refused with CONFLICT
 * naming who changed the record and when, and nothing is written.
 *
 * Usage inside the write transaction:
 *   assertRev(ctx, row, input.rev, 'акт обследования');
 *   db.update(t).set({ ...values, ...nextRev(ctx) })…
 */
import { eq, sql, type SQL } from 'drizzle-orm';
import { ApiError } from '../../core/api/errors';
import { formatRuDateTime } from '../../core/domain/dates';
import type { Db } from '../../db/connection';
import { users } from '../../db/schema';
import type { Ctx } from './context';

export interface Revisioned {
  rev: number;
  updatedAt: string | null;
  updatedBy: number | null;
}

/** What a change sets: the next revision, who (null: the program) and when. */
export interface RevisionSet {
  rev: SQL<number>;
  updatedAt: string;
  updatedBy: number | null;
}

/** The columns a change by the current user sets: the next revision, who and when. */
export function nextRev(ctx: Pick<Ctx, 'now' | 'user'>): RevisionSet {
  return { rev: sql<number>`rev + 1`, updatedAt: ctx.now().toISOString(), updatedBy: ctx.user?.id ?? null };
}

/** The same for a change the program makes itself (reference upgrade, portal exchange): no person. */
export function nextRevBySystem(now: Date): RevisionSet {
  return { rev: sql<number>`rev + 1`, updatedAt: now.toISOString(), updatedBy: null };
}

/** Who and when for a new record made by the current user (its revision is 1 by default). */
export function firstRev(ctx: Pick<Ctx, 'now' | 'user'>) {
  return { updatedAt: ctx.now().toISOString(), updatedBy: ctx.user?.id ?? null };
}

/**
 * Refuses a save made over a newer revision. `row` is the record as it is
 * now (undefined when it does not exist), `expected` the revision the caller
 * read (0: they are creating it), `what` the record in the accusative case
 * («акт обследования», «дело», «запись справочника»).
 */
export function assertRev(ctx: { db: Db }, row: Revisioned | null | undefined, expected: number, what: string): void {
  if (!row) {
    if (expected === 0) return;
    throw new ApiError('CONFLICT', `Пока вы работали, ${what} удалили или заменили. Ваши изменения не сохранены: обновите данные.`, undefined, {
      changedBy: null,
      changedAt: null,
      rev: 0,
    });
  }
  if (row.rev === expected) return;
  const by = row.updatedBy == null ? null : (ctx.db.select({ name: users.fullName }).from(users).where(eq(users.id, row.updatedBy)).get()?.name ?? null);
  const when = row.updatedAt ? ` (${formatRuDateTime(row.updatedAt).replace(' ', ' в ')})` : '';
  const done = by
    ? `${by} ${expected === 0 ? 'уже создал(а)' : 'изменил(а)'} ${what}`
    : `программа (обмен с порталом или обновление справочников) ${expected === 0 ? 'уже создала' : 'обновила'} ${what}`;
  throw new ApiError('CONFLICT', `Пока вы работали, ${done}${when}. Ваши изменения не сохранены: обновите данные и внесите их снова.`, undefined, {
    changedBy: by,
    changedAt: row.updatedAt,
    rev: row.rev,
  });
}
