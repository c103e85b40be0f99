/**
 * «Мои дела»: a specialist's open cases, drafts returned by the head first,
 * then by nearest deadline, each with what needs the specialist's action —
 * interagency answers due or overdue, answers arrived, requests still to
 * send, a draft returned with the head's comment, a draft lying with the head.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import { soonHorizon } from '../../../core/domain/deadlines';
import { todayIso } from '../../../core/domain/dates';
import { cases, interagencyRequests } from '../../../db/schema';
import { toCaseRow } from '../cases';
import type { UserCtx } from '../context';
import { isOpenSql } from './filters';
import { lastEvents } from './signoff';

export type ActionKind = 'draft_returned' | 'requests_overdue' | 'requests_due' | 'answers_arrived' | 'requests_to_send' | 'awaiting_signature' | 'unsigned_draft';

export interface CaseAction {
  kind: ActionKind;
  /** Russian text for the list. */
  text: string;
  count: number | null;
  date: string | null;
}

export function myCases(ctx: UserCtx, o: { userId: number; page: number; pageSize: number }) {
  const cal = ctx.services.calendar();
  const t = todayIso(ctx.now());
  const horizon = soonHorizon(cal, t);
  const where = and(eq(cases.responsibleId, o.userId), isOpenSql);
  const total = ctx.db.select({ n: sql<number>`count(*)` }).from(cases).where(where).get()?.n ?? 0;
  const rows = ctx.db
    .select()
    .from(cases)
    .where(where)
    .orderBy(sql`${cases.status} = 'returned' desc`, sql`${cases.nextDue} is null`, cases.nextDue, cases.id)
    .limit(o.pageSize)
    .offset((o.page - 1) * o.pageSize)
    .all();
  const ids = rows.map((r) => r.id);
  const req = ids.length
    ? ctx.db
        .select({
          caseId: interagencyRequests.caseId,
          open: sql<number>`sum(${interagencyRequests.answerDate} is null)`,
          overdue: sql<number>`sum(${interagencyRequests.answerDate} is null and ${interagencyRequests.dueDate} < ${t})`,
          due: sql<number>`sum(${interagencyRequests.answerDate} is null and ${interagencyRequests.dueDate} between ${t} and ${horizon})`,
          nearest: sql<string | null>`min(case when ${interagencyRequests.answerDate} is null then ${interagencyRequests.dueDate} end)`,
          answered: sql<number>`sum(${interagencyRequests.answerDate} is not null)`,
          lastAnswer: sql<string | null>`max(${interagencyRequests.answerDate})`,
        })
        .from(interagencyRequests)
        .where(inArray(interagencyRequests.caseId, ids))
        .groupBy(interagencyRequests.caseId)
        .all()
    : [];
  const returned = lastEvents(ctx, rows.filter((r) => r.status === 'returned').map((r) => r.id), 'returned');
  const list = rows.map((c) => {
    const r = req.find((x) => x.caseId === c.id);
    const actions: CaseAction[] = [];
    if (c.status === 'returned') {
      const e = returned.get(c.id);
      actions.push({ kind: 'draft_returned', text: e?.note ?? 'Проект возвращён на доработку', count: null, date: e?.at ?? null });
    }
    if (r?.overdue) actions.push({ kind: 'requests_overdue', text: `Просрочены ответы на запросы: ${r.overdue}`, count: r.overdue, date: r.nearest });
    else if (r?.due) actions.push({ kind: 'requests_due', text: `Ожидаются ответы на запросы: ${r.due}`, count: r.due, date: r.nearest });
    if (c.status === 'requests_sent' && r?.answered) {
      actions.push({
        kind: 'answers_arrived',
        text: r.open ? `Поступили ответы: ${r.answered} из ${r.answered + r.open}` : 'Поступили все ответы: можно отметить документы собранными',
        count: r.answered,
        date: r.lastAnswer,
      });
    }
    if (c.status === 'registered' && c.dueRequests) actions.push({ kind: 'requests_to_send', text: 'Направить межведомственные запросы', count: null, date: c.dueRequests });
    if (c.status === 'decision_drafted') actions.push({ kind: 'unsigned_draft', text: 'Проект решения не передан на подпись', count: null, date: c.dueDecision });
    if (c.status === 'awaiting_signature') actions.push({ kind: 'awaiting_signature', text: 'Проект на подписи у руководителя', count: null, date: c.dueDecision });
    return { ...toCaseRow(c, cal, t), actions };
  });
  return { rows: list, total };
}
