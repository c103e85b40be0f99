/**
 * The sign-off queue (p.46): the specialist sends the drafted result to the
 * head; the head's «На подпись» list shows it with its decision deadline; the
 * head signs it (decisions.sign) or returns it with a comment. The send, the
 * return and the comment are state transitions on the case's timeline.
 */
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { ApiError } from '../../../core/api/errors';
import type { CaseStatus } from '../../../core/domain/case-states';
import { urgency } from '../../../core/domain/deadlines';
import { todayIso } from '../../../core/domain/dates';
import { caseDecisions, caseEvents, cases, users } from '../../../db/schema';
import { caseView, loadCase, toCaseRow } from '../cases';
import type { Ctx, UserCtx } from '../context';
import { openCase, transition } from '../processing';
import { activeUsersWithRole, notify } from './notifications';

function latestDraft(ctx: Ctx, caseId: number) {
  const d = ctx.db.select().from(caseDecisions).where(eq(caseDecisions.caseId, caseId)).orderBy(desc(caseDecisions.version)).get();
  return d?.status === 'draft' ? d : null;
}

const kindText = (kind: string) => (kind === 'ippsu' ? 'проект ИППСУ' : 'проект уведомления об отказе');

/** The specialist sends the draft for signing. */
export function submitForSignature(ctx: UserCtx, input: { caseId: number; comment?: string }) {
  return ctx.tx(() => {
    const c = openCase(ctx, input.caseId);
    const d = latestDraft(ctx, c.id);
    if (!d || (c.status !== 'decision_drafted' && c.status !== 'returned')) {
      throw new ApiError('CONFLICT', c.status === 'awaiting_signature' ? 'Проект уже передан на подпись.' : 'Передать на подпись можно подготовленный проект решения.');
    }
    transition(ctx, c, 'awaiting_signature', [`Передан на подпись ${kindText(d.kind)}, версия ${d.version}`, input.comment].filter(Boolean).join(': '));
    for (const h of activeUsersWithRole(ctx.db, 'head')) {
      if (h.id !== ctx.user.id) notify(ctx, h.id, 'draft_submitted', `На подпись: дело № ${c.journalNumber} (${kindText(d.kind)})`, { caseId: c.id });
    }
    return caseView(ctx.db, loadCase(ctx.db, c.id), ctx.services.calendar(), todayIso(ctx.now()));
  });
}

/** The head returns the draft with a comment; the specialist sees it first in «Мои дела». */
export function returnForRevision(ctx: UserCtx, input: { caseId: number; comment: string }) {
  return ctx.tx(() => {
    const c = openCase(ctx, input.caseId);
    if (c.status !== 'awaiting_signature') throw new ApiError('CONFLICT', 'Вернуть на доработку можно проект, переданный на подпись.');
    transition(ctx, c, 'returned', `Возвращено на доработку: ${input.comment}`);
    const author = latestDraft(ctx, c.id)?.createdBy ?? null;
    const to = c.responsibleId ?? author;
    if (to && to !== ctx.user.id) notify(ctx, to, 'draft_returned', `Возвращён на доработку проект по делу № ${c.journalNumber}: ${input.comment}`, { caseId: c.id });
    return caseView(ctx.db, loadCase(ctx.db, c.id), ctx.services.calendar(), todayIso(ctx.now()));
  });
}

/** The last time each case went to a state, with who did it and the note. */
export function lastEvents(ctx: Ctx, caseIds: number[], toStatus: CaseStatus) {
  if (!caseIds.length) return new Map<number, { at: string; userName: string | null; note: string | null }>();
  const rows = ctx.db
    .select({ caseId: caseEvents.caseId, at: caseEvents.at, userName: caseEvents.userName, note: caseEvents.note })
    .from(caseEvents)
    .where(
      and(
        inArray(caseEvents.caseId, caseIds),
        eq(caseEvents.toStatus, toStatus),
        sql`${caseEvents.id} = (select max(e2.id) from case_events e2 where e2.case_id = ${caseEvents.caseId} and e2.to_status = ${toStatus})`,
      ),
    )
    .all();
  return new Map(rows.map((r) => [r.caseId, r]));
}

/** «На подпись»: drafts sent for signing, nearest decision deadline first (p.46: the term runs until signing). */
export function signoffQueue(ctx: UserCtx) {
  const cal = ctx.services.calendar();
  const t = todayIso(ctx.now());
  const rows = ctx.db.select().from(cases).where(eq(cases.status, 'awaiting_signature')).orderBy(asc(cases.dueDecision), asc(cases.id)).limit(500).all();
  const ids = rows.map((r) => r.id);
  const drafts = ids.length
    ? ctx.db
        .select({ caseId: caseDecisions.caseId, id: caseDecisions.id, kind: caseDecisions.kind, version: caseDecisions.version, createdByName: users.fullName, status: caseDecisions.status })
        .from(caseDecisions)
        .innerJoin(users, eq(users.id, caseDecisions.createdBy))
        .where(and(inArray(caseDecisions.caseId, ids), eq(caseDecisions.status, 'draft')))
        .all()
    : [];
  const sent = lastEvents(ctx, ids, 'awaiting_signature');
  return rows.map((c) => {
    const d = drafts.find((x) => x.caseId === c.id)!;
    const s = sent.get(c.id);
    return {
      case: toCaseRow(c, cal, t),
      decisionId: d.id,
      decisionKind: d.kind,
      version: d.version,
      draftedByName: d.createdByName,
      submittedAt: s?.at ?? null,
      submittedByName: s?.userName ?? null,
      submitNote: s?.note ?? null,
      dueDecision: c.dueDecision,
      decisionUrgency: urgency(cal, c.dueDecision, t),
    };
  });
}
