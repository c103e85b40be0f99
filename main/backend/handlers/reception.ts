/**
 * Reception (regulation p.43–44): registering an application in the journal
 * with its document checklist and deadlines, the receipt, the journal and its
 * printout, persons and search, drafts of the intake form.
 */
import { and, count, eq, gt, inArray, isNotNull, lt, lte, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { BIRTH_IN_FUTURE, receivedAtError, type RegisterInput } from '../../../core/api/reception';
import type { RefKind } from '../../../core/api/contract';
import { ApiError } from '../../../core/api/errors';
import { buildChecklist, type ApplicantCircumstances, type ChecklistItem } from '../../../core/domain/checklists';
import { canTransition } from '../../../core/domain/case-states';
import { soonHorizon } from '../../../core/domain/deadlines';
import { fullYears, todayIso } from '../../../core/domain/dates';
import { caseDocuments, cases, drafts, interagencyRequests, persons, printLog, refItems, users } from '../../../db/schema';
import { buildJournal, type JournalRequest } from '../../forms/journal';
import { docxFile } from '../../forms/docx-kit';
import { buildReceipt } from '../../forms/receipt';
import { buildApplication } from '../../forms/application';
import type { Ctx, UserCtx } from '../context';
import {
  CASE_SORTS,
  caseConditions,
  caseView,
  casesOfPersons,
  computeDeadlines,
  loadCase,
  matchCasesQuery,
  matchPersons,
  toCaseRow,
} from '../cases';
import { exchangeOnRegistered } from '../exchange/outbox';
import { nextNumber } from '../numbering';
import { localDate, recordEvent } from '../processing';
import { personsByIds, savePerson, toPersonView } from '../persons';
import { assertRev, firstRev, nextRev } from '../revisions';
import { officeRow, toOfficeView } from '../views';
import { assignAtRegistration } from '../control/assignment';
import { agencyPrintNames } from '../refdata';
import { reviewTarget } from '../control/reviews';
import { complaintUrgencyCounts } from '../control/complaints';
import { caseTermsFor } from '../control/terms';
import type { HandlerGroup } from './types';

type Register = z.output<typeof RegisterInput>;

/** Lists count matching cases up to this many and then say «более». */
export const LIST_COUNT_CAP = 10_000;


function refName(ctx: Ctx, kind: RefKind, code: string): string | null {
  return ctx.db.select({ name: refItems.name }).from(refItems).where(and(eq(refItems.kind, kind), eq(refItems.code, code))).get()?.name ?? null;
}

/** What RegisterInput cannot check itself: the moment of receipt against the clock, the MFC against the reference list. */
function checkApplication(ctx: Ctx, a: Register): void {
  const fields: Record<string, string> = {};
  const late = receivedAtError(a.receivedAt, ctx.now());
  if (late) fields.receivedAt = late;
  if (a.channel === 'mfc' && a.mfcCode && !refName(ctx, 'mfc', a.mfcCode)) fields.mfcCode = 'Выберите МФЦ из списка';
  if (Object.keys(fields).length) {
    throw new ApiError('VALIDATION', `Проверьте данные. ${Object.values(fields).join('; ')}.`, fields);
  }
}

/** The checklist with the specialist's marks; unknown or impossible marks are refused. */
function markChecklist(items: ChecklistItem[], marks: Register['documents']) {
  const byKey = new Map(marks.map((m, i) => [m.key, { ...m, index: i }]));
  const fields: Record<string, string> = {};
  const known = new Set(items.map((i) => i.key));
  for (const m of byKey.values()) if (!known.has(m.key)) fields[`documents.${m.index}.key`] = 'Документа нет в перечне для этой подуслуги';
  const rows = items.map((item, position) => {
    const m = byKey.get(item.key);
    const state = m?.state ?? (item.source === 'interagency' ? 'to_request' : 'not_provided');
    if (state === 'to_request' && item.source !== 'interagency' && m) {
      fields[`documents.${m.index}.state`] = 'Этот документ представляет заявитель: его нельзя запросить по межведомственному запросу';
    }
    return {
      position,
      key: item.key,
      title: item.title,
      paragraph: item.paragraph,
      source: item.source,
      agencyCode: item.agencyCode ?? null,
      state,
      form: state === 'received' ? (m?.form ?? null) : null,
      sheets: state === 'received' ? (m?.sheets ?? null) : null,
    };
  });
  if (Object.keys(fields).length) throw new ApiError('VALIDATION', `Проверьте перечень документов: ${Object.values(fields)[0]}.`, fields);
  return rows;
}

/** p.43–44: приём и регистрация заявления и документов. */
function registerApplication(ctx: UserCtx, a: Register) {
  checkApplication(ctx, a);
  const office = officeRow(ctx.db);
  const receivedDate = a.receivedAt.slice(0, 10);
  const circumstances: ApplicantCircumstances = {
    subservice: a.subservice,
    hasRepresentative: a.representative !== null,
    incomeExemption: a.lgota,
    minorUnder14: fullYears(a.applicant.birthDate, receivedDate) < 14,
    ...a.circumstances,
  };
  const docs = markChecklist(buildChecklist(circumstances), a.documents);
  const now = ctx.now();
  const nowIso = now.toISOString();
  const registeredDate = todayIso(now);
  const cal = ctx.services.calendar();

  return ctx.tx(() => {
    const review = reviewTarget(ctx, a);
    const person = savePerson(ctx.db, a.applicant, review?.personId ?? a.personId, a.personRev, nowIso, ctx.user.id);
    const terms = caseTermsFor(ctx.db, registeredDate);
    const year = Number(registeredDate.slice(0, 4));
    const { seq, number } = nextNumber(ctx.db, office.code, 'application', year);
    const due = computeDeadlines(cal, {
      channel: a.channel,
      receivedAt: a.receivedAt,
      registeredDate,
      hasRequests: docs.some((d) => d.state === 'to_request'),
      status: 'registered',
    }, terms);
    const c = ctx.db
      .insert(cases)
      .values({
        officeCode: office.code,
        journalYear: year,
        journalSeq: seq,
        journalNumber: number,
        personId: person.id,
        applicant: a.applicant,
        representative: a.representative,
        subservice: a.subservice,
        channel: a.channel,
        mfcCode: a.mfcCode ?? null,
        lgota: a.lgota,
        circumstances,
        application: a.application ?? null,
        receivedAt: a.receivedAt,
        registeredAt: nowIso,
        registeredBy: ctx.user.id,
        registeredByName: ctx.user.fullName,
        registeredByPosition: ctx.user.position,
        status: 'registered',
        portalId: a.portalId ?? null,
        appliedTerms: terms,
        reviewOfDecisionId: review?.decisionId ?? null,
        ...due,
        ...firstRev(ctx),
      })
      .returning()
      .get();
    for (const d of docs) ctx.db.insert(caseDocuments).values({ caseId: c.id, ...d }).run();
    recordEvent(ctx, c.id, null, 'registered', `Зарегистрировано в журнале: № ${number}`);
    assignAtRegistration(ctx, c);
    exchangeOnRegistered(ctx.db, c, now);
    ctx.db.delete(drafts).where(and(eq(drafts.userId, ctx.user.id), eq(drafts.kind, 'intake'))).run();
    ctx.audit({
      action: person.before ? 'update' : 'create',
      entity: 'person',
      entityId: person.id,
      before: person.before,
      after: ctx.db.select().from(persons).where(eq(persons.id, person.id)).get(),
    });
    ctx.audit({ action: 'register', entity: 'case', entityId: c.id, after: { ...c, documents: docs } });
    return caseView(ctx.db, c, cal, registeredDate);
  });
}

function logPrint(ctx: UserCtx, caseId: number | null, form: string, fileName: string): void {
  ctx.tx(() => {
    ctx.db.insert(printLog).values({ caseId, form, fileName, at: ctx.now().toISOString(), userId: ctx.user.id }).run();
    ctx.audit({ action: 'print', entity: caseId ? 'case' : 'journal', entityId: caseId, after: { form, fileName } });
  });
}

function personsWithCases(ctx: Ctx, rows: (typeof persons.$inferSelect)[]) {
  const cal = ctx.services.calendar();
  const t = localDate(ctx);
  const byPerson = new Map<number, ReturnType<typeof toCaseRow>[]>();
  for (const c of casesOfPersons(ctx.db, rows.map((r) => r.id))) {
    const list = byPerson.get(c.personId) ?? [];
    list.push(toCaseRow(c, cal, t));
    byPerson.set(c.personId, list);
  }
  return rows.map((p) => ({ ...toPersonView(p), cases: byPerson.get(p.id) ?? [] }));
}

/** p.45: the interagency requests of the journal's cases and their answers, by case. */
function journalRequests(ctx: Ctx, caseIds: number[], agencyNames: Record<string, string>): Map<number, JournalRequest[]> {
  const out = new Map<number, JournalRequest[]>();
  for (let i = 0; i < caseIds.length; i += 500) {
    const part = caseIds.slice(i, i + 500);
    const rows = ctx.db.select().from(interagencyRequests).where(inArray(interagencyRequests.caseId, part)).orderBy(interagencyRequests.sentDate, interagencyRequests.id).all();
    for (const r of rows) {
      const list = out.get(r.caseId) ?? [];
      list.push({
        agencyName: agencyNames[r.agencyCode] ?? r.agencyCode,
        subject: r.subject,
        outgoingNumber: r.outgoingNumber,
        sentDate: r.sentDate,
        dueDate: r.dueDate,
        answerDate: r.answerDate,
        answerIncomingNumber: r.answerIncomingNumber,
      });
      out.set(r.caseId, list);
    }
  }
  return out;
}

export const receptionHandlers: HandlerGroup<
  | 'cases.register'
  | 'cases.get'
  | 'cases.list'
  | 'cases.annul'
  | 'cases.receipt'
  | 'cases.application'
  | 'journal.print'
  | 'persons.match'
  | 'persons.get'
  | 'persons.update'
  | 'search.quick'
  | 'deadlines.summary'
  | 'drafts.get'
  | 'drafts.save'
  | 'drafts.clear'
  | 'users.directory'
> = {
  'cases.register': registerApplication,

  'cases.get': (ctx, input) => caseView(ctx.db, loadCase(ctx.db, input.id), ctx.services.calendar(), localDate(ctx)),

  'cases.list': (ctx, input) => {
    const cal = ctx.services.calendar();
    const t = localDate(ctx);
    const where = caseConditions(ctx.db, input, cal, t);
    // Counting stops at a cap: an exact count of a huge selection costs more than it tells.
    const matching = ctx.db.select({ one: sql`1` }).from(cases).where(where).limit(LIST_COUNT_CAP + 1).as('matching');
    const n = ctx.db.select({ n: count() }).from(matching).get()?.n ?? 0;
    const rows = ctx.db
      .select()
      .from(cases)
      .where(where)
      .orderBy(...CASE_SORTS[input.sort])
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize)
      .all();
    return { rows: rows.map((c) => toCaseRow(c, cal, t)), total: Math.min(n, LIST_COUNT_CAP), totalIsCapped: n > LIST_COUNT_CAP };
  },

  'cases.annul': (ctx, input) =>
    ctx.tx(() => {
      const before = loadCase(ctx.db, input.id);
      assertRev(ctx, before, input.rev, 'дело');
      if (!canTransition(before.status, 'annulled')) {
        throw new ApiError('CONFLICT', 'Аннулировать можно только регистрацию, по которой ещё не начата работа.');
      }
      const after = ctx.db
        .update(cases)
        .set({ status: 'annulled', annulReason: input.reason, annulledAt: ctx.now().toISOString(), annulledBy: ctx.user.id, nextDue: null, nextDueKind: null, ...nextRev(ctx) })
        .where(eq(cases.id, input.id))
        .returning()
        .get();
      ctx.audit({ action: 'annul', entity: 'case', entityId: input.id, before: { status: before.status }, after: { status: 'annulled', reason: input.reason } });
      return caseView(ctx.db, after, ctx.services.calendar(), localDate(ctx));
    }),

  'cases.receipt': async (ctx, input) => {
    const cal = ctx.services.calendar();
    const c = caseView(ctx.db, loadCase(ctx.db, input.id), cal, localDate(ctx));
    const agencyNames = agencyPrintNames(ctx.db);
    // Out of the write queue while the DOCX is built (the print is logged after).
    const buf = await ctx.outside(() => buildReceipt({
      office: toOfficeView(officeRow(ctx.db)),
      case: c,
      subserviceName: refName(ctx, 'subservice', c.subservice) ?? c.subservice,
      agencyNames,
      mfcName: c.mfcName,
    }));
    const fileName = `Расписка ${c.journalNumber.replace('/', '-')}.docx`;
    logPrint(ctx, c.id, 'receipt', fileName);
    return docxFile(fileName, buf);
  },

  'cases.application': async (ctx, input) => {
    const c = caseView(ctx.db, loadCase(ctx.db, input.id), ctx.services.calendar(), localDate(ctx));
    const buf = await ctx.outside(() => buildApplication({
      office: toOfficeView(officeRow(ctx.db)),
      case: c,
      subserviceName: refName(ctx, 'subservice', c.subservice) ?? c.subservice,
      mfcName: c.mfcName,
    }));
    return docxFile(`Заявление ${c.journalNumber.replace('/', '-')}.docx`, buf);
  },

  'journal.print': async (ctx, input) => {
    if (input.from > input.to) throw new ApiError('VALIDATION', 'Дата начала периода позже даты окончания.', { from: 'Позже даты окончания' });
    const cal = ctx.services.calendar();
    const t = localDate(ctx);
    const found = ctx.db
      .select()
      .from(cases)
      .where(caseConditions(ctx.db, input, cal, t))
      .orderBy(...CASE_SORTS.number_asc)
      .limit(20_000)
      .all();
    const agencyNames = agencyPrintNames(ctx.db);
    const requests = journalRequests(ctx, found.map((c) => c.id), agencyNames);
    const rows = found.map((c) => ({ ...toCaseRow(c, cal, t), registeredByPosition: c.registeredByPosition, requests: requests.get(c.id) ?? [] }));
    // Out of the write queue while the DOCX is built (the print is logged after).
    const buf = await ctx.outside(() => buildJournal({
      office: toOfficeView(officeRow(ctx.db)),
      from: input.from,
      to: input.to,
      rows,
      printedBy: `${ctx.user.position} ${ctx.user.fullName}`,
      printedAt: ctx.now(),
    }));
    const fileName = `Журнал регистрации ${input.from}—${input.to}.docx`;
    logPrint(ctx, null, 'journal', fileName);
    return docxFile(fileName, buf);
  },

  'persons.match': (ctx, input) => personsWithCases(ctx, matchPersons(ctx.db, input)),

  'persons.get': (ctx, input) => {
    const p = ctx.db.select().from(persons).where(eq(persons.id, input.id)).get();
    if (!p) throw new ApiError('NOT_FOUND', 'Человек не найден.');
    return personsWithCases(ctx, [p])[0];
  },

  'persons.update': (ctx, input) =>
    ctx.tx(() => {
      if (!ctx.db.select({ id: persons.id }).from(persons).where(eq(persons.id, input.id)).get()) throw new ApiError('NOT_FOUND', 'Человек не найден.');
      if (input.person.birthDate > localDate(ctx)) throw new ApiError('VALIDATION', `Проверьте данные. ${BIRTH_IN_FUTURE}.`, { 'person.birthDate': BIRTH_IN_FUTURE });
      const { before } = savePerson(ctx.db, input.person, input.id, input.rev, ctx.now().toISOString(), ctx.user.id, 'person');
      const after = ctx.db.select().from(persons).where(eq(persons.id, input.id)).get()!;
      ctx.audit({ action: 'update', entity: 'person', entityId: input.id, before, after });
      return personsWithCases(ctx, [after])[0];
    }),

  'search.quick': (ctx, input) => {
    const q = input.q.trim();
    if (q.length < 2) return { persons: [], cases: [] };
    const m = matchCasesQuery(ctx.db, q, input.limit);
    const cal = ctx.services.calendar();
    const t = localDate(ctx);
    const caseRows = m.caseIds?.length
      ? ctx.db.select().from(cases).where(inArray(cases.id, m.caseIds)).all().map((c) => toCaseRow(c, cal, t))
      : [];
    const people = personsByIds(ctx.db, m.personIds.slice(0, input.limit)).sort((a, b) => a.searchName.localeCompare(b.searchName, 'ru'));
    return { persons: personsWithCases(ctx, people), cases: caseRows };
  },

  'deadlines.summary': (ctx) => {
    const t = localDate(ctx);
    const horizon = soonHorizon(ctx.services.calendar(), t);
    const n = (cond: ReturnType<typeof and>) => ctx.db.select({ n: count() }).from(cases).where(cond).get()?.n ?? 0;
    return {
      today: t,
      overdue: n(and(isNotNull(cases.nextDue), lt(cases.nextDue, t))),
      dueToday: n(eq(cases.nextDue, t)),
      soon: n(and(gt(cases.nextDue, t), lte(cases.nextDue, horizon))),
      complaints: complaintUrgencyCounts(ctx),
    };
  },

  'drafts.get': (ctx, input) => {
    const d = ctx.db.select().from(drafts).where(and(eq(drafts.userId, ctx.user.id), eq(drafts.kind, input.kind))).get();
    return d ? { data: d.data, updatedAt: d.updatedAt } : null;
  },

  // Drafts are the user's own scratch space: saved often, so not audited.
  'drafts.save': (ctx, input) => {
    ctx.db
      .insert(drafts)
      .values({ userId: ctx.user.id, kind: input.kind, data: input.data ?? null, updatedAt: ctx.now().toISOString() })
      .onConflictDoUpdate({ target: [drafts.userId, drafts.kind], set: { data: input.data ?? null, updatedAt: ctx.now().toISOString() } })
      .run();
    return { ok: true as const };
  },

  'drafts.clear': (ctx, input) => {
    ctx.db.delete(drafts).where(and(eq(drafts.userId, ctx.user.id), eq(drafts.kind, input.kind))).run();
    return { ok: true as const };
  },

  'users.directory': (ctx) =>
    ctx.db
      .select({ id: users.id, fullName: users.fullName, position: users.position, active: users.active })
      .from(users)
      .orderBy(users.fullName)
      .all(),
};
