/**
 * Case processing shared by the handlers: the one way a case changes state
 * (checked against core/domain/case-states, recorded on the timeline and in
 * the audit log, deadlines refreshed), the views of requests, acts and
 * decisions, and the data the printed results need.
 */
import { and, asc, desc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { ApiError } from '../../core/api/errors';
import type { ProposedRequest, RequestView } from '../../core/api/processing';
import { CASE_STATUS_LABELS, canTransition, type CaseStatus } from '../../core/domain/case-states';
import { INTERAGENCY_DOCUMENTS } from '../../core/domain/checklists';
import { todayIso } from '../../core/domain/dates';
import { caseDecisions, caseDocuments, caseEvents, cases, interagencyRequests, refItems, users } from '../../db/schema';
import type { UserCtx, Ctx } from './context';
import { loadCase, refreshCaseDeadlines } from './cases';

type CaseRecord = typeof cases.$inferSelect;

/** Moves a case to `to` if the procedure allows it; records who and when. Call inside a transaction. */
export function transition(ctx: UserCtx, c: CaseRecord, to: CaseStatus, note?: string): void {
  const from = c.status as CaseStatus;
  if (!canTransition(from, to)) {
    throw new ApiError('CONFLICT', `Действие недоступно: дело в состоянии «${CASE_STATUS_LABELS[from]}», переход в «${CASE_STATUS_LABELS[to]}» не предусмотрен.`);
  }
  ctx.db.update(cases).set({ status: to }).where(eq(cases.id, c.id)).run();
  recordEvent(ctx, c.id, from, to, note);
  refreshCaseDeadlines(ctx.db, ctx.services.calendar(), c.id);
  ctx.audit({ action: 'transition', entity: 'case', entityId: c.id, before: { status: from }, after: { status: to, note: note ?? null } });
  c.status = to;
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
    throw new ApiError('CONFLICT', `Дело в состоянии «${CASE_STATUS_LABELS[c.status as CaseStatus]}»: изменения невозможны.`);
  }
  return c;
}

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

export function eventViews(ctx: Ctx, caseId: number) {
  return ctx.db
    .select({ at: caseEvents.at, userName: caseEvents.userName, fromStatus: caseEvents.fromStatus, toStatus: caseEvents.toStatus, note: caseEvents.note })
    .from(caseEvents)
    .where(eq(caseEvents.caseId, caseId))
    .orderBy(asc(caseEvents.id))
    .all()
    .map((e) => ({ ...e, fromStatus: e.fromStatus as CaseStatus | null, toStatus: e.toStatus as CaseStatus }));
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
    })
    .from(caseDecisions)
    .innerJoin(users, eq(users.id, caseDecisions.createdBy))
    .where(eq(caseDecisions.caseId, caseId))
    .orderBy(desc(caseDecisions.version))
    .all()
    .map((d) => ({ ...d, kind: d.kind as 'ippsu' | 'refusal', status: d.status as 'draft' | 'signed' | 'superseded' }));
}

export function localDate(ctx: Ctx): string {
  return todayIso(ctx.now());
}
