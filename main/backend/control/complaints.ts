/**
 * The complaints register (p.55–76): registering a complaint with its
 * deadlines (core/domain/complaints.ts, terms recorded as in force on its
 * registration day), forwarding it to the competent body, the decision, the
 * answer and the remedy. Every write audited in its transaction.
 */
import { and, count, desc, eq, gt, gte, inArray, isNotNull, lt, lte, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { ComplaintAnswerInput, ComplaintFilters, ComplaintInput, ComplaintView, DecideComplaintInput, ForwardComplaintInput } from '../../../core/api/complaints';
import { ApiError } from '../../../core/api/errors';
import type { ProductionCalendar } from '../../../core/domain/calendar';
import {
  canComplaintTransition,
  COMPLAINT_DEADLINE_LABELS,
  COMPLAINT_STATUS_LABELS,
  complaintDeadlines,
  groundFitsOutcome,
  nextComplaintDeadline,
  type ComplaintDeadlineKind,
  type ComplaintStatus,
} from '../../../core/domain/complaints';
import { soonHorizon, urgency } from '../../../core/domain/deadlines';
import { addDays, diffDays, officeInstant, todayIso } from '../../../core/domain/dates';
import { foldRu } from '../../../core/domain/russian-text';
import type { Db } from '../../../db/connection';
import { cases, users } from '../../../db/schema';
import { complaints } from '../../../db/schema-control';
import type { Ctx, UserCtx } from '../context';
import { nextNumber } from '../numbering';
import { officeRow } from '../views';
import { notify } from './notifications';
import { complaintTermsFor } from './terms';

type ComplaintRecord = typeof complaints.$inferSelect;
type Input = z.output<typeof ComplaintInput>;

function facts(c: ComplaintRecord) {
  return {
    receivedDate: c.receivedDate,
    registeredDate: todayIso(new Date(c.registeredAt)),
    subjects: c.subjects,
    competent: c.competent,
    decisionDate: c.decisionDate,
    outcome: c.outcome,
  };
}

/** The stored deadlines and the nearest open one, from the complaint's facts and state. */
function deadlineColumns(cal: ProductionCalendar, c: ComplaintRecord) {
  const d = complaintDeadlines(cal, facts(c), c.appliedTerms);
  const next = nextComplaintDeadline(d, { status: c.status, outcome: c.outcome, remedyDone: Boolean(c.remedyDoneDate) });
  return {
    dueRegistration: d.registration,
    dueDecision: d.decision,
    dueForwarding: d.forwarding,
    dueRemedy: d.remedy,
    dueAnswer: d.answer,
    nextDue: next?.date ?? null,
    nextDueKind: next?.kind ?? null,
  };
}

function saveDeadlines(ctx: Ctx, id: number): ComplaintRecord {
  const c = loadComplaint(ctx.db, id);
  return ctx.db.update(complaints).set(deadlineColumns(ctx.services.calendar(), c)).where(eq(complaints.id, id)).returning().get();
}

/** After a change of the production calendar: the open complaints' deadlines follow. */
export function recomputeComplaintDeadlines(db: Db, cal: ProductionCalendar): number {
  let moved = 0;
  for (const c of db.select().from(complaints).where(isNotNull(complaints.nextDue)).all()) {
    const d = deadlineColumns(cal, c);
    if ((Object.keys(d) as (keyof typeof d)[]).some((k) => d[k] !== c[k])) {
      db.update(complaints).set(d).where(eq(complaints.id, c.id)).run();
      moved++;
    }
  }
  return moved;
}

export function loadComplaint(db: Db, id: number): ComplaintRecord {
  const c = db.select().from(complaints).where(eq(complaints.id, id)).get();
  if (!c) throw new ApiError('NOT_FOUND', 'Жалоба не найдена.');
  return c;
}

const applicantName = (a: ComplaintRecord['applicant']) => [a.lastName, a.firstName, a.middleName].filter(Boolean).join(' ');

function caseNumbers(db: Db, ids: number[]): Map<number, string> {
  if (!ids.length) return new Map();
  return new Map(db.select({ id: cases.id, n: cases.journalNumber }).from(cases).where(inArray(cases.id, ids)).all().map((r) => [r.id, r.n]));
}

export function toComplaintRow(c: ComplaintRecord, cal: ProductionCalendar, today: string, caseNumber: string | null) {
  return {
    id: c.id,
    number: c.number,
    receivedDate: c.receivedDate,
    registeredAt: c.registeredAt,
    channel: c.channel,
    applicantName: applicantName(c.applicant),
    subjects: c.subjects,
    caseId: c.caseId,
    caseNumber,
    status: c.status,
    outcome: c.outcome,
    responsibleId: c.responsibleId,
    nextDue: c.nextDue,
    nextDueKind: c.nextDueKind,
    urgency: c.nextDue ? urgency(cal, c.nextDue, today) : null,
    registeredLate: todayIso(new Date(c.registeredAt)) > c.dueRegistration,
  };
}

/** The deadlines met late, in Russian. */
function violations(c: ComplaintRecord): string[] {
  const v: string[] = [];
  const late = (kind: ComplaintDeadlineKind, done: string | null, due: string | null) => {
    if (done && due && done > due) v.push(`${COMPLAINT_DEADLINE_LABELS[kind]}: выполнено с нарушением срока`);
  };
  late('registration', todayIso(new Date(c.registeredAt)), c.dueRegistration);
  late('forwarding', c.forwardedDate, c.dueForwarding);
  late('decision', c.decisionDate, c.dueDecision);
  late('answer', c.answerDate, c.dueAnswer);
  late('remedy', c.remedyDoneDate, c.dueRemedy);
  return v;
}

export function complaintView(ctx: Ctx, c: ComplaintRecord): ComplaintView {
  const cal = ctx.services.calendar();
  const t = todayIso(ctx.now());
  const caseNumber = c.caseId ? (caseNumbers(ctx.db, [c.caseId]).get(c.caseId) ?? null) : null;
  return {
    ...toComplaintRow(c, cal, t, caseNumber),
    addressee: c.addressee,
    subjectOfficial: c.subjectOfficial,
    subjectDecision: c.subjectDecision,
    applicant: c.applicant,
    representative: c.representative ?? null,
    substance: c.substance,
    attachments: c.attachments,
    answerByEmail: c.answerByEmail,
    competent: c.competent,
    registeredByName: c.registeredByName,
    appliedTerms: c.appliedTerms,
    deadlines: { registration: c.dueRegistration, decision: c.dueDecision, forwarding: c.dueForwarding, remedy: c.dueRemedy, answer: c.dueAnswer },
    forwardedTo: c.forwardedTo,
    forwardedDate: c.forwardedDate,
    decisionDate: c.decisionDate,
    decisionNumber: c.decisionNumber,
    decisionPlace: c.decisionPlace,
    decidingBody: c.decidingBody,
    decidedByName: c.decidedByName,
    decidedByPosition: c.decidedByPosition,
    outcomeGround: c.outcomeGround,
    decisionReasons: c.decisionReasons,
    measures: c.measures,
    remedyDoneDate: c.remedyDoneDate,
    answerDate: c.answerDate,
    answerMethod: c.answerMethod,
    answerNumber: c.answerNumber,
    violations: violations(c),
  };
}

function checkInput(ctx: Ctx, a: Input, registeredDate: string): void {
  const fields: Record<string, string> = {};
  if (a.receivedDate > registeredDate) fields.receivedDate = 'Дата поступления не может быть позже даты регистрации';
  if (diffDays(a.receivedDate, registeredDate) > 366) fields.receivedDate = 'Дата поступления больше года назад: проверьте год';
  if (a.caseId && !ctx.db.select({ id: cases.id }).from(cases).where(eq(cases.id, a.caseId)).get()) fields.caseId = 'Дело не найдено';
  if (a.responsibleId) {
    const u = ctx.db.select({ id: users.id, roles: users.roles, active: users.active }).from(users).where(eq(users.id, a.responsibleId)).get();
    const ok = u && u.active && (u.roles.includes('specialist') || u.roles.includes('head'));
    if (!ok) fields.responsibleId = 'Выберите действующего специалиста или руководителя';
  }
  if (Object.keys(fields).length) throw new ApiError('VALIDATION', `Проверьте данные. ${Object.values(fields).join('; ')}.`, fields);
}

function inputColumns(a: Input) {
  return {
    receivedDate: a.receivedDate,
    channel: a.channel,
    addressee: a.addressee,
    subjectOfficial: a.subjectOfficial,
    subjectDecision: a.subjectDecision,
    subjects: a.subjects,
    applicant: a.applicant,
    representative: a.representative,
    substance: a.substance,
    attachments: a.attachments.map((x) => ({ title: x.title, sheets: x.sheets ?? null })),
    answerByEmail: a.answerByEmail,
    caseId: a.caseId ?? null,
    competent: a.competent,
    responsibleId: a.responsibleId ?? null,
  };
}

/** p.67: a complaint is registered, with its number and deadlines. */
export function registerComplaint(ctx: UserCtx, a: Input) {
  const now = ctx.now();
  const registeredDate = todayIso(now);
  checkInput(ctx, a, registeredDate);
  const office = officeRow(ctx.db);
  return ctx.tx(() => {
    const year = Number(registeredDate.slice(0, 4));
    const { seq, number } = nextNumber(ctx.db, office.code, 'complaint', year);
    const terms = complaintTermsFor(ctx.db, registeredDate);
    const row = ctx.db
      .insert(complaints)
      .values({
        officeCode: office.code,
        year,
        seq,
        number: `Ж-${number}`,
        registeredAt: now.toISOString(),
        registeredBy: ctx.user.id,
        registeredByName: ctx.user.fullName,
        status: 'registered',
        appliedTerms: terms,
        dueRegistration: registeredDate,
        updatedAt: now.toISOString(),
        ...inputColumns(a),
      })
      .returning()
      .get();
    const c = saveDeadlines(ctx, row.id);
    ctx.audit({ action: 'register', entity: 'complaint', entityId: c.id, after: c });
    if (c.responsibleId && c.responsibleId !== ctx.user.id) notify(ctx, c.responsibleId, 'complaint_assigned', `Вам поручена жалоба № ${c.number}`, { complaintId: c.id });
    return complaintView(ctx, c);
  });
}

function transitionComplaint(c: ComplaintRecord, to: ComplaintStatus): void {
  const from = c.status;
  if (!canComplaintTransition(from, to)) {
    throw new ApiError('CONFLICT', `Действие недоступно: жалоба в состоянии «${COMPLAINT_STATUS_LABELS[from]}».`);
  }
}

function change(ctx: UserCtx, id: number, action: string, check: (c: ComplaintRecord) => void, values: (c: ComplaintRecord) => Partial<ComplaintRecord>) {
  return ctx.tx(() => {
    const before = loadComplaint(ctx.db, id);
    check(before);
    ctx.db
      .update(complaints)
      .set({ ...values(before), updatedAt: ctx.now().toISOString() })
      .where(eq(complaints.id, id))
      .run();
    const after = saveDeadlines(ctx, id);
    ctx.audit({ action, entity: 'complaint', entityId: id, before, after });
    return complaintView(ctx, after);
  });
}

const notFuture = (ctx: Ctx, date: string, field: string) => {
  if (date > todayIso(ctx.now())) throw new ApiError('VALIDATION', 'Дата не может быть позже сегодняшней.', { [field]: 'Позже сегодняшней даты' });
};
const notBefore = (date: string, min: string, field: string, what: string) => {
  if (date < min) throw new ApiError('VALIDATION', `Дата раньше ${what}.`, { [field]: `Раньше ${what}` });
};

/** Corrections of what was registered, while the complaint is under examination. */
export function updateComplaint(ctx: UserCtx, id: number, a: Input) {
  return change(
    ctx,
    id,
    'update',
    (c) => {
      if (c.status !== 'registered') throw new ApiError('CONFLICT', 'После решения по жалобе её сведения не изменяются.');
      checkInput(ctx, a, todayIso(new Date(c.registeredAt)));
    },
    () => inputColumns(a),
  );
}

/** p.64: sent to the competent body; the applicant is told in writing. */
export function forwardComplaint(ctx: UserCtx, input: z.output<typeof ForwardComplaintInput>) {
  return change(
    ctx,
    input.id,
    'forward',
    (c) => {
      transitionComplaint(c, 'forwarded');
      notFuture(ctx, input.date, 'date');
      notBefore(input.date, todayIso(new Date(c.registeredAt)), 'date', 'регистрации жалобы');
    },
    () => ({ status: 'forwarded', competent: false, forwardedTo: input.forwardedTo, forwardedDate: input.date }),
  );
}

/** p.68, 72, 73: the decision on the complaint. */
export function decideComplaint(ctx: UserCtx, input: z.output<typeof DecideComplaintInput>) {
  const to: ComplaintStatus = input.outcome === 'left_unanswered' ? 'left_unanswered' : 'decided';
  return change(
    ctx,
    input.id,
    'decide',
    (c) => {
      transitionComplaint(c, to);
      if (!groundFitsOutcome(input.outcome, input.ground)) throw new ApiError('VALIDATION', 'Основание не соответствует решению.', { ground: 'Выберите основание из пункта 72 или 73' });
      notFuture(ctx, input.decisionDate, 'decisionDate');
      notBefore(input.decisionDate, todayIso(new Date(c.registeredAt)), 'decisionDate', 'регистрации жалобы');
    },
    () => ({
      status: to,
      decisionDate: input.decisionDate,
      decisionNumber: input.decisionNumber,
      decisionPlace: input.decisionPlace,
      decidingBody: input.decidingBody,
      decidedBy: ctx.user.id,
      decidedByName: input.decidedByName,
      decidedByPosition: input.decidedByPosition,
      outcome: input.outcome,
      outcomeGround: input.ground ?? null,
      decisionReasons: input.reasons,
      measures: input.measures ?? null,
    }),
  );
}

/** p.71: the reasoned answer sent. */
export function recordComplaintAnswer(ctx: UserCtx, input: z.output<typeof ComplaintAnswerInput>) {
  return change(
    ctx,
    input.id,
    'answer',
    (c) => {
      transitionComplaint(c, 'answered');
      notFuture(ctx, input.date, 'date');
      notBefore(input.date, c.decisionDate!, 'date', 'решения по жалобе');
      if (input.method !== 'post' && !c.applicant.email) {
        throw new ApiError('VALIDATION', 'У заявителя не указан адрес электронной почты.', { method: 'Нет адреса электронной почты' });
      }
    },
    () => ({ status: 'answered', answerDate: input.date, answerMethod: input.method, answerNumber: input.outgoingNumber }),
  );
}

/** p.69: the violations remedied (the result provided). */
export function recordComplaintRemedy(ctx: UserCtx, input: { id: number; date: string }) {
  return change(
    ctx,
    input.id,
    'remedy',
    (c) => {
      if (c.outcome !== 'satisfied') throw new ApiError('CONFLICT', 'Устранение нарушений отмечается по удовлетворённой жалобе.');
      if (c.remedyDoneDate) throw new ApiError('CONFLICT', 'Устранение нарушений уже отмечено.');
      notFuture(ctx, input.date, 'date');
      notBefore(input.date, c.decisionDate!, 'date', 'решения по жалобе');
    },
    () => ({ remedyDoneDate: input.date }),
  );
}

/** WHERE conditions of the complaints list (also the filters behind the dashboard's figures). */
export function complaintConditions(ctx: Ctx, f: ComplaintFilters): SQL | undefined {
  const t = todayIso(ctx.now());
  const w: SQL[] = [];
  if (f.status) w.push(eq(complaints.status, f.status));
  if (f.open) w.push(isNotNull(complaints.nextDue));
  if (f.caseId) w.push(eq(complaints.caseId, f.caseId));
  if (f.responsibleId) w.push(eq(complaints.responsibleId, f.responsibleId));
  if (f.from) w.push(gte(complaints.registeredAt, officeInstant(f.from).toISOString()));
  if (f.to) w.push(lt(complaints.registeredAt, officeInstant(addDays(f.to, 1)).toISOString()));
  if (f.urgency === 'overdue') w.push(lt(complaints.nextDue, t));
  if (f.urgency === 'today') w.push(eq(complaints.nextDue, t));
  if (f.urgency === 'soon') w.push(and(gt(complaints.nextDue, t), lte(complaints.nextDue, soonHorizon(ctx.services.calendar(), t)))!);
  if (f.q) {
    const q = foldRu(f.q.trim());
    w.push(sql`(fold_ru(${complaints.number}) like ${`%${q}%`} or fold_ru(json_extract(${complaints.applicant}, '$.lastName')) like ${`${q}%`})`);
  }
  return w.length ? and(...w) : undefined;
}

export function listComplaints(ctx: Ctx, f: ComplaintFilters & { page: number; pageSize: number; sort: 'number_desc' | 'due_asc' }) {
  const where = complaintConditions(ctx, f);
  const total = ctx.db.select({ n: count() }).from(complaints).where(where).get()?.n ?? 0;
  const order = f.sort === 'due_asc' ? [sql`${complaints.nextDue} is null`, complaints.nextDue, complaints.id] : [desc(complaints.year), desc(complaints.seq)];
  const rows = ctx.db
    .select()
    .from(complaints)
    .where(where)
    .orderBy(...order)
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
    .all();
  const cal = ctx.services.calendar();
  const t = todayIso(ctx.now());
  const numbers = caseNumbers(ctx.db, rows.map((r) => r.caseId).filter((x): x is number => x !== null));
  return { rows: rows.map((r) => toComplaintRow(r, cal, t, r.caseId ? (numbers.get(r.caseId) ?? null) : null)), total };
}

/** Open complaints by urgency, with the filters that list them. */
export function complaintSummary(ctx: Ctx, scope: { responsibleId?: number } = {}) {
  const n = (f: ComplaintFilters) => ctx.db.select({ n: count() }).from(complaints).where(complaintConditions(ctx, f)).get()?.n ?? 0;
  const base = scope.responsibleId ? { responsibleId: scope.responsibleId } : {};
  const fig = (f: ComplaintFilters) => ({ count: n(f), filter: f });
  return {
    open: fig({ ...base, open: true }),
    overdue: fig({ ...base, urgency: 'overdue' }),
    dueToday: fig({ ...base, urgency: 'today' }),
    soon: fig({ ...base, urgency: 'soon' }),
  };
}


/** Complaints by urgency of their nearest deadline (for «Сроки»). */
export function complaintUrgencyCounts(ctx: Ctx) {
  const n = (f: ComplaintFilters) => ctx.db.select({ n: count() }).from(complaints).where(complaintConditions(ctx, f)).get()?.n ?? 0;
  return { overdue: n({ urgency: 'overdue' }), dueToday: n({ urgency: 'today' }), soon: n({ urgency: 'soon' }) };
}
