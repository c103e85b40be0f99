/**
 * Reading cases: rows for lists and the journal, the full case view, and
 * the deadline bookkeeping shared by registration and calendar changes.
 */
import { and, asc, desc, eq, gt, gte, inArray, isNotNull, lt, lte, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { CaseFilters, CaseRow, CaseView } from '../../core/api/reception';
import { ApiError } from '../../core/api/errors';
import type { ProductionCalendar } from '../../core/domain/calendar';
import { isClosed, stepsDone, type CaseStatus } from '../../core/domain/case-states';
import { caseDeadlines, nextDeadline, registeredLate, soonHorizon, urgency, type Channel } from '../../core/domain/deadlines';
import type { CaseTerms } from '../../core/domain/deadline-terms';
import { addDays, officeInstant, todayIso } from '../../core/domain/dates';
import { normalizeSnils } from '../../core/domain/snils';
import type { Db } from '../../db/connection';
import { caseDocuments, cases, persons, printLog, refItems, users } from '../../db/schema';
import { processingView } from './case-views';
import { controlConditions } from './control/filters';
import { termsOfCase } from './control/terms';
import { fullNameOf, searchPersonIds } from './persons';

type CaseRecord = typeof cases.$inferSelect;

export function toCaseRow(c: CaseRecord, cal: ProductionCalendar, today: string): CaseRow {
  const a = c.applicant;
  return {
    id: c.id,
    journalNumber: c.journalNumber,
    journalYear: c.journalYear,
    journalSeq: c.journalSeq,
    personId: c.personId,
    applicantName: [a.lastName, a.firstName, a.middleName].filter(Boolean).join(' '),
    applicantBirthDate: a.birthDate,
    snils: a.snils ?? null,
    subservice: c.subservice,
    channel: c.channel,
    status: c.status,
    receivedAt: c.receivedAt,
    registeredAt: c.registeredAt,
    registeredByName: c.registeredByName,
    dueResult: c.dueResult,
    nextDue: c.nextDue,
    nextDueKind: c.nextDueKind,
    urgency: c.nextDue ? urgency(cal, c.nextDue, today) : null,
    annulReason: c.annulReason,
    responsibleId: c.responsibleId,
    responsibleName: c.responsibleName,
    registeredLate: registeredLate({
      channel: c.channel,
      receivedDate: c.receivedAt.slice(0, 10),
      registeredDate: todayIso(new Date(c.registeredAt)),
      dueRegistration: c.dueRegistration,
    }),
    rev: c.rev,
  };
}

export function loadCase(db: Db, id: number): CaseRecord {
  const c = db.select().from(cases).where(eq(cases.id, id)).get();
  if (!c) throw new ApiError('NOT_FOUND', 'Дело не найдено.');
  return c;
}

export function caseView(db: Db, c: CaseRecord, cal: ProductionCalendar, today: string): CaseView {
  const docs = db.select().from(caseDocuments).where(eq(caseDocuments.caseId, c.id)).orderBy(asc(caseDocuments.position)).all();
  const prints = db
    .select({ form: printLog.form, fileName: printLog.fileName, at: printLog.at, userName: users.fullName })
    .from(printLog)
    .innerJoin(users, eq(users.id, printLog.userId))
    .where(eq(printLog.caseId, c.id))
    .orderBy(desc(printLog.id))
    .all();
  const mfcName = c.mfcCode
    ? (db.select({ name: refItems.name }).from(refItems).where(and(eq(refItems.kind, 'mfc'), eq(refItems.code, c.mfcCode))).get()?.name ?? null)
    : null;
  const processing = processingView({ db }, c.id, today);
  const person = db
    .select({ lastName: persons.lastName, firstName: persons.firstName, middleName: persons.middleName, snils: persons.snils, updatedAt: persons.updatedAt, updatedByName: users.fullName })
    .from(persons)
    .leftJoin(users, eq(users.id, persons.updatedBy))
    .where(eq(persons.id, c.personId))
    .get();
  const personNow =
    person?.updatedAt && person.updatedAt > c.registeredAt
      ? { fullName: fullNameOf(person), snils: person.snils, updatedAt: person.updatedAt, updatedByName: person.updatedByName }
      : null;
  const requestOf = (key: string): CaseView['documents'][number]['request'] => {
    const r = processing.requests.find((x) => x.documentKeys.includes(key));
    return r
      ? { state: r.answerDate ? 'answered' : 'requested', outgoingNumber: r.outgoingNumber, sentDate: r.sentDate, dueDate: r.dueDate, answerDate: r.answerDate }
      : null;
  };
  return {
    ...toCaseRow(c, cal, today),
    applicant: c.applicant,
    representative: c.representative ?? null,
    mfcCode: c.mfcCode,
    mfcName,
    lgota: c.lgota,
    circumstances: { ...c.circumstances },
    application: c.application ?? null,
    registeredByPosition: c.registeredByPosition,
    annulledAt: c.annulledAt,
    deadlines: { registration: c.dueRegistration, requests: c.dueRequests, decision: c.dueDecision, result: c.dueResult, issue: c.dueIssue },
    appliedTerms: termsOfCase(c),
    reviewOfDecisionId: c.reviewOfDecisionId,
    documents: docs.map((d) => ({
      key: d.key,
      title: d.title,
      paragraph: d.paragraph,
      source: d.source,
      agencyCode: d.agencyCode,
      state: d.state,
      request: d.state === 'to_request' ? requestOf(d.key) : null,
      form: d.form,
      sheets: d.sheets,
    })),
    prints,
    personNow,
    ...processing,
  };
}

/** The case's deadlines and its nearest open one, from its dates and state. */
export function computeDeadlines(
  cal: ProductionCalendar,
  c: { channel: Channel; receivedAt: string; registeredDate: string; hasRequests: boolean; status: CaseStatus; signedDate?: string | null },
  terms: Readonly<CaseTerms>,
) {
  const d = caseDeadlines(
    cal,
    {
      channel: c.channel,
      receivedDate: c.receivedAt.slice(0, 10),
      registeredDate: c.registeredDate,
      hasRequests: c.hasRequests,
      signedDate: c.signedDate,
    },
    terms,
  );
  const next = isClosed(c.status) ? null : nextDeadline(d, stepsDone(c.status));
  return {
    dueRegistration: d.registration,
    dueRequests: d.requests,
    dueDecision: d.decision,
    dueResult: d.result,
    dueIssue: d.issue,
    nextDue: next?.date ?? null,
    nextDueKind: next?.kind ?? null,
  };
}

// Nested, so that drizzle qualifies the outer column: alone in a select list it writes "id", which the subquery reads as its own.
const hasRequestsSql = sql`exists(select 1 from case_documents d where d.case_id = ${cases.id} and d.state = 'to_request')`;
const signedAtSql = sql`(select max(signed_at) from case_decisions k where k.case_id = ${cases.id} and k.status = 'signed')`;

/** The facts deadlines depend on, for the cases matching `where`. */
function deadlineInputs(db: Db, where: SQL) {
  return db
    .select({
      id: cases.id,
      channel: cases.channel,
      receivedAt: cases.receivedAt,
      registeredAt: cases.registeredAt,
      appliedTerms: cases.appliedTerms,
      status: cases.status,
      dueRegistration: cases.dueRegistration,
      dueRequests: cases.dueRequests,
      dueDecision: cases.dueDecision,
      dueResult: cases.dueResult,
      dueIssue: cases.dueIssue,
      nextDue: cases.nextDue,
      nextDueKind: cases.nextDueKind,
      hasRequests: sql<number>`${hasRequestsSql}`,
      signedAt: sql<string | null>`${signedAtSql}`,
    })
    .from(cases)
    .where(where)
    .all();
}

/** Recomputes and stores the deadlines of the matching cases; returns how many moved. */
function refreshDeadlines(db: Db, cal: ProductionCalendar, where: SQL): number {
  let moved = 0;
  for (const c of deadlineInputs(db, where)) {
    const d = computeDeadlines(cal, {
      channel: c.channel,
      receivedAt: c.receivedAt,
      registeredDate: todayIso(new Date(c.registeredAt)),
      hasRequests: Boolean(c.hasRequests),
      status: c.status,
      signedDate: c.signedAt ? todayIso(new Date(c.signedAt)) : null,
    }, termsOfCase(c));
    const keys = Object.keys(d) as (keyof typeof d)[];
    if (keys.some((k) => d[k] !== c[k])) {
      db.update(cases).set(d).where(eq(cases.id, c.id)).run();
      moved++;
    }
  }
  return moved;
}

/** After a step of the procedure: the case's deadlines follow its new state. Call inside the step's transaction. */
export function refreshCaseDeadlines(db: Db, cal: ProductionCalendar, caseId: number): void {
  refreshDeadlines(db, cal, eq(cases.id, caseId));
}

/**
 * Recomputes the stored deadlines of every open case (after the production
 * calendar changed). Call inside the transaction that changed the calendar.
 * Returns the number of cases whose deadlines moved.
 */
export function recomputeOpenDeadlines(db: Db, cal: ProductionCalendar): number {
  return refreshDeadlines(db, cal, sql`${cases.status} not in ('issued', 'withdrawn', 'annulled')`);
}

/** WHERE conditions for the case list, the journal and its printout. */
export function caseConditions(db: Db, f: z.output<typeof CaseFilters>, cal: ProductionCalendar, today: string): SQL | undefined {
  const where: SQL[] = [];
  if (f.status) where.push(eq(cases.status, f.status));
  if (f.subservice) where.push(eq(cases.subservice, f.subservice));
  if (f.channel) where.push(eq(cases.channel, f.channel));
  if (f.registeredBy) where.push(eq(cases.registeredBy, f.registeredBy));
  // registeredAt is a UTC timestamp; the period is in office dates (midnight on the office's clock, whatever the host's zone).
  // Journal numbers run per office year of registration, so the period also bounds the year: stated, it lets
  // SQLite walk the number index in the list's order instead of sorting every registration of the period.
  if (f.from) where.push(gte(cases.journalYear, Number(f.from.slice(0, 4))), gte(cases.registeredAt, officeInstant(f.from).toISOString()));
  if (f.to) where.push(lte(cases.journalYear, Number(f.to.slice(0, 4))), lt(cases.registeredAt, officeInstant(addDays(f.to, 1)).toISOString()));
  if (f.urgency === 'overdue') where.push(and(isNotNull(cases.nextDue), lt(cases.nextDue, today))!);
  if (f.urgency === 'today') where.push(eq(cases.nextDue, today));
  if (f.urgency === 'soon') where.push(and(gt(cases.nextDue, today), lte(cases.nextDue, soonHorizon(cal, today)))!);
  where.push(...controlConditions(db, f, cal));
  if (f.q) {
    const m = matchCasesQuery(db, f.q);
    if (m.caseIds) where.push(m.caseIds.length ? inArray(cases.id, m.caseIds) : sql`0`);
    else where.push(m.personIds.length ? inArray(cases.personId, m.personIds) : sql`0`);
  }
  return where.length ? and(...where) : undefined;
}

/**
 * What a search box query means: a journal number ("42", "42/2026"), a
 * СНИЛС (with or without separators), or words of a ФИО.
 */
export function matchCasesQuery(db: Db, q: string, personLimit = 500): { caseIds?: number[]; personIds: number[] } {
  const t = q.trim();
  const num = /^(\d{1,6})(?:\s*\/\s*(\d{4}))?$/.exec(t);
  const snils = normalizeSnils(t);
  if (snils) {
    const ids = db.select({ id: persons.id }).from(persons).where(eq(persons.snils, snils)).all();
    return { personIds: ids.map((r) => r.id) };
  }
  if (num) {
    const seq = Number(num[1]);
    const cond = num[2] ? and(eq(cases.journalSeq, seq), eq(cases.journalYear, Number(num[2]))) : eq(cases.journalSeq, seq);
    return { caseIds: db.select({ id: cases.id }).from(cases).where(cond).orderBy(desc(cases.journalYear)).limit(50).all().map((r) => r.id), personIds: [] };
  }
  return { personIds: searchPersonIds(db, t, personLimit) };
}

export const CASE_SORTS = {
  number_desc: [desc(cases.journalYear), desc(cases.journalSeq)],
  number_asc: [asc(cases.journalYear), asc(cases.journalSeq)],
  due_asc: [sql`${cases.nextDue} is null`, asc(cases.nextDue), asc(cases.id)],
} as const;

/** Cases of the given persons, newest first (for person cards and matches). */
export function casesOfPersons(db: Db, personIds: number[]): CaseRecord[] {
  if (!personIds.length) return [];
  return db
    .select()
    .from(cases)
    .where(inArray(cases.personId, personIds))
    .orderBy(desc(cases.journalYear), desc(cases.journalSeq))
    .all();
}

/** Matches on СНИЛС, or on the folded ФИО together with the date of birth. */
export function matchPersons(db: Db, m: { snils?: string; lastName?: string; firstName?: string; middleName?: string; birthDate?: string }) {
  const out = new Map<number, typeof persons.$inferSelect>();
  const snils = m.snils ? normalizeSnils(m.snils) : null;
  if (snils) for (const p of db.select().from(persons).where(eq(persons.snils, snils)).all()) out.set(p.id, p);
  if (m.lastName && m.firstName && m.birthDate) {
    const prefix = [m.lastName, m.firstName, m.middleName].filter(Boolean).join(' ');
    const ids = searchPersonIds(db, prefix, 50);
    if (ids.length) {
      for (const p of db.select().from(persons).where(and(inArray(persons.id, ids), eq(persons.birthDate, m.birthDate))).all()) out.set(p.id, p);
    }
  }
  return [...out.values()];
}
