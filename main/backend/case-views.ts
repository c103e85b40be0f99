/**
 * What a case shows of its processing: the timeline, interagency requests
 * sent and still to send, the acts with their scale results, the decision
 * versions.
 */
import { and, asc, desc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { appendix3CitizenComplete, appendix3FamilyComplete, appendix4Complete, type Appendix3CitizenAct, type Appendix3FamilyAct, type Appendix4Act } from '../../core/api/acts';
import type { ActForm, ActView, ProcessingView, ProposedRequest, RequestView } from '../../core/api/processing';
import type { CaseStatus } from '../../core/domain/case-states';
import { INTERAGENCY_DOCUMENTS } from '../../core/domain/checklists';
import { scoreBarthel, scoreLawton } from '../../core/domain/scales';
import type { Db } from '../../db/connection';
import { caseActs, caseDecisions, caseDocuments, caseEvents, interagencyRequests, refItems, users } from '../../db/schema';
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
      channel: r.channel as RequestView['channel'],
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

/** The timeline: state changes and assignments of the responsible specialist, in time order. */
export function eventViews(ctx: Ctx, caseId: number) {
  const states = ctx.db
    .select({ at: caseEvents.at, userName: caseEvents.userName, fromStatus: caseEvents.fromStatus, toStatus: caseEvents.toStatus, note: caseEvents.note })
    .from(caseEvents)
    .where(eq(caseEvents.caseId, caseId))
    .orderBy(asc(caseEvents.id))
    .all()
    .map((e) => ({ ...e, kind: 'status' as const, fromStatus: e.fromStatus as CaseStatus | null, toStatus: e.toStatus as CaseStatus }));
  const assigned = assignmentEvents(ctx.db, caseId).map((a) => ({ at: a.at, userName: a.userName, kind: 'assignment' as const, fromStatus: a.status, toStatus: a.status, note: a.note }));
  // A stable merge: at equal times a state change comes before the assignment it led to.
  return [...states, ...assigned].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
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
    .all()
    .map((d) => ({ ...d, kind: d.kind as 'ippsu' | 'refusal', status: d.status as 'draft' | 'signed' | 'superseded' }));
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
  return {
    events: eventViews(ctx, caseId),
    requests: requestViews(ctx, caseId, today),
    proposedRequests: proposedRequests(ctx, caseId),
    acts: actViews(ctx, caseId),
    decisions: decisionViews(ctx, caseId),
  };
}
