/**
 * What a case shows of its processing: the timeline, interagency requests
 * sent and still to send, the acts with their scale results, the decision
 * versions.
 */
import { and, asc, desc, eq, inArray, or } from 'drizzle-orm';
import type { z } from 'zod';
import { appendix3CitizenComplete, appendix3FamilyComplete, appendix4Complete, type Appendix3CitizenAct, type Appendix3FamilyAct, type Appendix4Act } from '../../core/api/acts';
import { ACT_FORMS, type ActForm, type ActView, type EventView, type ProcessingView, type ProposedRequest, type RequestView } from '../../core/api/processing';
import type { CaseStatus } from '../../core/domain/case-states';
import { formatRuDate } from '../../core/domain/dates';
import { INTERAGENCY_DOCUMENTS } from '../../core/domain/checklists';
import { scoreBarthel, scoreLawton } from '../../core/domain/scales';
import type { Db } from '../../db/connection';
import { auditLog, caseActs, caseDecisions, caseDocuments, caseEvents, interagencyRequests, refItems, users } from '../../db/schema';
import { assignmentEvents } from './control/assignment';

type Ctx = { db: Db };

export function agencyNames(ctx: Ctx): Record<string, string> {
  return Object.fromEntries(
    ctx.db
      .select({ code: refItems.code, name: refItems.name })
      .from(refItems)
      .where(eq(refItems.kind, 'agency'))
      .all()
      .map((r) => [r.code, r.name]),
  );
}

export function requestViews(ctx: Ctx, caseId: number, today: string): RequestView[] {
  const names = agencyNames(ctx);
  return ctx.db
    .select()
    .from(interagencyRequests)
    .where(eq(interagencyRequests.caseId, caseId))
    .orderBy(asc(interagencyRequests.id))
    .all()
    .map((r) => ({
      id: r.id,
      agencyCode: r.agencyCode,
      agencyName: names[r.agencyCode] ?? r.agencyCode,
      subject: r.subject,
      documentKeys: r.documentKeys,
      channel: r.channel,
      outgoingNumber: r.outgoingNumber,
      sentDate: r.sentDate,
      dueDate: r.dueDate,
      answerDate: r.answerDate,
      answerIncomingNumber: r.answerIncomingNumber,
      answerSummary: r.answerSummary,
      overdue: !r.answerDate && r.dueDate < today,
      rev: r.rev,
    }));
}

/**
 * p.45: the requests the case still needs — the checklist items to be
 * requested that no request sent so far covers, grouped by agency.
 */
export function proposedRequests(ctx: Ctx, caseId: number): z.infer<typeof ProposedRequest>[] {
  const covered = new Set(
    ctx.db
      .select({ keys: interagencyRequests.documentKeys })
      .from(interagencyRequests)
      .where(eq(interagencyRequests.caseId, caseId))
      .all()
      .flatMap((r) => r.keys),
  );
  const names = agencyNames(ctx);
  const byAgency = new Map<string, { keys: string[]; subjects: string[] }>();
  const docs = ctx.db
    .select()
    .from(caseDocuments)
    .where(and(eq(caseDocuments.caseId, caseId), eq(caseDocuments.state, 'to_request')))
    .orderBy(asc(caseDocuments.position))
    .all();
  for (const d of docs) {
    if (covered.has(d.key) || !d.agencyCode) continue;
    const g = byAgency.get(d.agencyCode) ?? { keys: [], subjects: [] };
    g.keys.push(d.key);
    g.subjects.push(INTERAGENCY_DOCUMENTS.find((x) => x.key === d.key)?.request ?? d.title);
    byAgency.set(d.agencyCode, g);
  }
  return [...byAgency].map(([agencyCode, g]) => ({
    agencyCode,
    agencyName: names[agencyCode] ?? agencyCode,
    subject: g.subjects.join('; '),
    documentKeys: g.keys,
  }));
}

const ACT_NAMES: Record<ActForm, string> = {
  'appendix3-citizen': 'акт обследования условий жизнедеятельности (приложение 3)',
  'appendix3-family': 'акт обследования условий жизнедеятельности семьи (приложение 3)',
  appendix4: 'акт оценки индивидуальной потребности (приложение 4)',
};

/**
 * The work on the case that is not a change of state, from the audit log:
 * each request sent, each answer registered, each save of an act and of a
 * draft decision — who and when.
 */
function workEvents(ctx: Ctx, caseId: number, requests: RequestView[]) {
  const decisionIds = ctx.db
    .select({ id: caseDecisions.id, version: caseDecisions.version, kind: caseDecisions.kind })
    .from(caseDecisions)
    .where(eq(caseDecisions.caseId, caseId))
    .all();
  const byRequest = new Map(requests.map((r) => [String(r.id), r]));
  const byDecision = new Map(decisionIds.map((d) => [String(d.id), d]));
  const conds = [and(inArray(auditLog.entity, ACT_FORMS.map((f) => `act.${f}`)), eq(auditLog.entityId, String(caseId)))];
  if (requests.length) conds.push(and(eq(auditLog.entity, 'request'), inArray(auditLog.action, ['request.send', 'request.answer']), inArray(auditLog.entityId, [...byRequest.keys()])));
  if (decisionIds.length) conds.push(and(eq(auditLog.entity, 'decision'), inArray(auditLog.action, ['create', 'update']), inArray(auditLog.entityId, [...byDecision.keys()])));
  const rows = ctx.db
    .select({ at: auditLog.at, action: auditLog.action, entity: auditLog.entity, entityId: auditLog.entityId, userName: users.fullName })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.userId))
    .where(or(...conds))
    .orderBy(asc(auditLog.id))
    .all();
  const out: { at: string; userName: string | null; kind: 'request' | 'answer' | 'act' | 'decision'; note: string }[] = [];
  for (const a of rows) {
    if (a.entity === 'request') {
      const r = byRequest.get(a.entityId ?? '');
      if (!r) continue;
      if (a.action === 'request.send') {
        out.push({ at: a.at, userName: a.userName, kind: 'request', note: `Направлен запрос исх. № ${r.outgoingNumber} от ${formatRuDate(r.sentDate)} в ${r.agencyName}: ${r.subject}` });
      } else if (r.answerDate) {
        out.push({ at: a.at, userName: a.userName, kind: 'answer', note: `Зарегистрирован ответ на запрос исх. № ${r.outgoingNumber} (${r.agencyName}): вх. № ${r.answerIncomingNumber ?? ''} от ${formatRuDate(r.answerDate)}` });
      }
    } else if (a.entity === 'decision') {
      const d = byDecision.get(a.entityId ?? '');
      if (!d) continue;
      const what = d.kind === 'ippsu' ? 'проект ИППСУ' : 'проект решения об отказе';
      out.push({ at: a.at, userName: a.userName, kind: 'decision', note: `${a.action === 'create' ? 'Подготовлен' : 'Изменён'} ${what} (версия ${d.version})` });
    } else {
      const form = a.entity.slice(4) as ActForm;
      out.push({ at: a.at, userName: a.userName, kind: 'act', note: `${a.action === 'create' ? 'Внесён' : 'Изменён'} ${ACT_NAMES[form] ?? 'акт'}` });
    }
  }
  return out;
}

/**
 * The timeline, in time order: state changes, assignments of the responsible
 * specialist and the work on the case (requests, answers, acts, drafts).
 * An event that is not a change of state carries the state the case was in.
 */
export function eventViews(ctx: Ctx, caseId: number, requests: RequestView[] = requestViews(ctx, caseId, '')): EventView[] {
  const states = ctx.db
    .select({ at: caseEvents.at, userName: caseEvents.userName, fromStatus: caseEvents.fromStatus, toStatus: caseEvents.toStatus, note: caseEvents.note })
    .from(caseEvents)
    .where(eq(caseEvents.caseId, caseId))
    .orderBy(asc(caseEvents.id))
    .all()
    .map((e) => ({ ...e, kind: 'status' as const }));
  const assigned = assignmentEvents(ctx.db, caseId).map((a) => ({ at: a.at, userName: a.userName, kind: 'assignment' as const, fromStatus: a.status, toStatus: a.status, note: a.note }));
  const work = workEvents(ctx, caseId, requests);
  // A stable merge: at equal times a state change comes before what it led to (an assignment), work before the state change it caused.
  type Item = { at: string; order: number; e: EventView | (typeof work)[number] };
  const items: Item[] = [
    ...work.map((e) => ({ at: e.at, order: 0, e })),
    ...states.map((e) => ({ at: e.at, order: 1, e })),
    ...assigned.map((e) => ({ at: e.at, order: 2, e })),
  ];
  items.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.order - b.order));
  let status: CaseStatus = 'registered';
  return items.map(({ e }) => {
    if ('toStatus' in e) {
      if (e.kind === 'status') status = e.toStatus;
      return e;
    }
    return { ...e, fromStatus: status, toStatus: status };
  });
}

export function decisionViews(ctx: Ctx, caseId: number) {
  return ctx.db
    .select({
      id: caseDecisions.id,
      version: caseDecisions.version,
      kind: caseDecisions.kind,
      data: caseDecisions.data,
      status: caseDecisions.status,
      createdAt: caseDecisions.createdAt,
      createdByName: users.fullName,
      outgoingNumber: caseDecisions.outgoingNumber,
      signedAt: caseDecisions.signedAt,
      signedByName: caseDecisions.signedByName,
      sha256: caseDecisions.sha256,
      issuedDate: caseDecisions.issuedDate,
      issueMethod: caseDecisions.issueMethod,
      issuedTo: caseDecisions.issuedTo,
      postalAddress: caseDecisions.postalAddress,
      postalId: caseDecisions.postalId,
      rev: caseDecisions.rev,
    })
    .from(caseDecisions)
    .innerJoin(users, eq(users.id, caseDecisions.createdBy))
    .where(eq(caseDecisions.caseId, caseId))
    .orderBy(desc(caseDecisions.version))
    .all();
}


/** The scale results and the completeness of an act as stored. */
export function actStatus(form: ActForm, act: Record<string, unknown>, barthel: Record<string, number> | null, lawton: Record<string, number> | null) {
  const barthelResult = form === 'appendix4' ? null : scoreBarthel(barthel ?? {});
  const lawtonResult = form === 'appendix4' ? null : scoreLawton(lawton ?? {});
  const missing =
    form === 'appendix3-citizen'
      ? appendix3CitizenComplete(act as Appendix3CitizenAct)
      : form === 'appendix3-family'
        ? appendix3FamilyComplete(act as Appendix3FamilyAct)
        : appendix4Complete(act as Appendix4Act);
  // The act only knows a score is absent; the questionnaire says which items are unanswered.
  const specific = (generic: string, r: typeof barthelResult, text: string) => {
    if (!r || r.complete) return;
    const i = missing.indexOf(generic);
    const msg = `${text}: не оценены пункты ${r.missing.join(', ')}`;
    if (i >= 0) missing[i] = msg;
    else missing.push(msg);
  };
  specific('Не указано количество баллов по шкале Бартела', barthelResult, 'Индекс Бартела');
  specific('Не указано количество баллов по шкале Лаутона', lawtonResult, 'Шкала Лаутона');
  return { barthelResult, lawtonResult, missing, complete: missing.length === 0 };
}

export function actViews(ctx: Ctx, caseId: number): ActView[] {
  return ctx.db
    .select({ a: caseActs, userName: users.fullName })
    .from(caseActs)
    .innerJoin(users, eq(users.id, caseActs.updatedBy))
    .where(eq(caseActs.caseId, caseId))
    .orderBy(asc(caseActs.kind))
    .all()
    .map(({ a, userName }) => {
      const form = (a.kind === 'appendix4' ? 'appendix4' : `appendix3-${a.variant}`) as ActForm;
      const st = actStatus(form, a.data, a.barthel ?? null, a.lawton ?? null);
      return {
        id: a.id,
        form,
        act: a.data,
        barthel: a.barthel ?? null,
        lawton: a.lawton ?? null,
        barthelResult: st.barthelResult,
        lawtonResult: st.lawtonResult,
        complete: st.complete,
        missing: st.missing,
        updatedAt: a.updatedAt,
        updatedByName: userName,
        rev: a.rev,
      };
    });
}

export function processingView(ctx: Ctx, caseId: number, today: string): ProcessingView {
  const requests = requestViews(ctx, caseId, today);
  return {
    events: eventViews(ctx, caseId, requests),
    requests,
    proposedRequests: proposedRequests(ctx, caseId),
    acts: actViews(ctx, caseId),
    decisions: decisionViews(ctx, caseId),
  };
}
