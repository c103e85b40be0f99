/**
 * Case processing shared by the handlers: the one way a case changes state
 * (checked against core/domain/case-states, recorded on the timeline and in
 * the audit log, deadlines refreshed).
 */
import { eq } from 'drizzle-orm';
import { ApiError } from '../../core/api/errors';
import { CASE_STATUS_LABELS, canTransition, type CaseStatus } from '../../core/domain/case-states';
import { todayIso } from '../../core/domain/dates';
import { caseEvents, cases } from '../../db/schema';
import type { UserCtx, Ctx } from './context';
import { loadCase, refreshCaseDeadlines } from './cases';
import { exchangeOnTransition } from './exchange/outbox';
import { nextRev } from './revisions';

type CaseRecord = typeof cases.$inferSelect;

/** Moves a case to `to` if the procedure allows it; records who and when. Call inside a transaction. */
export function transition(ctx: UserCtx, c: CaseRecord, to: CaseStatus, note?: string): void {
  const from = c.status;
  if (!canTransition(from, to)) {
    throw new ApiError('CONFLICT', `Действие недоступно: дело в состоянии «${CASE_STATUS_LABELS[from]}», переход в «${CASE_STATUS_LABELS[to]}» не предусмотрен.`);
  }
  ctx.db.update(cases).set({ status: to, ...nextRev(ctx) }).where(eq(cases.id, c.id)).run();
  recordEvent(ctx, c.id, from, to, note);
  // The citizen's status on the portal follows, in the same transaction (outbox).
  exchangeOnTransition(ctx.db, { ...c, status: to }, from, to, note ?? null, ctx.now());
  refreshCaseDeadlines(ctx.db, ctx.services.calendar(), c.id);
  ctx.audit({ action: 'transition', entity: 'case', entityId: c.id, before: { status: from }, after: { status: to, note: note ?? null } });
  c.status = to;
  c.rev += 1;
}

export function recordEvent(ctx: UserCtx, caseId: number, from: CaseStatus | null, to: CaseStatus, note?: string): void {
  ctx.db
    .insert(caseEvents)
    .values({ caseId, at: ctx.now().toISOString(), userId: ctx.user.id, userName: ctx.user.fullName, fromStatus: from, toStatus: to, note: note ?? null })
    .run();
}

/** A case that can still be worked on (not closed). */
export function openCase(ctx: Ctx, caseId: number): CaseRecord {
  const c = loadCase(ctx.db, caseId);
  if (c.status === 'annulled' || c.status === 'withdrawn' || c.status === 'issued') {
    throw new ApiError('CONFLICT', `Дело в состоянии «${CASE_STATUS_LABELS[c.status]}»: изменения невозможны.`);
  }
  return c;
}

export function localDate(ctx: Ctx): string {
  return todayIso(ctx.now());
}
