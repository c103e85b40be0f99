/**
 * Case processing (regulation p.45–47): interagency requests and answers,
 * the acts of Appendix 3 and 4 with the scales, the decision (ИППСУ or
 * refusal), the head's sign-off that freezes the document, issuing, and
 * withdrawal. Every step goes through `transition`, so only the allowed
 * state changes exist.
 */
import { createHash } from 'node:crypto';
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { ActForm, AnswerRequestInput, OutgoingRegisterInput, SaveActInput, SaveDecisionInput, SendAllRequestsInput, SendRequestInput, SetOutgoingRegisterInput } from '../../../core/api/processing';
import type { IppsuDraft, RefusalDraft } from '../../../core/api/decision';
import { actDatesAfter, FUTURE_ACT_DATES } from '../../../core/api/acts';
import { ApiError } from '../../../core/api/errors';
import { ACT_EDITABLE, canTransition } from '../../../core/domain/case-states';
import type { AddressParts } from '../../../core/domain/address';
import { todayIso } from '../../../core/domain/dates';
import { scoreBarthel, scoreLawton } from '../../../core/domain/scales';
import { type CaseApplicant, type CaseRepresentative, caseActs, caseDecisions, caseDocuments, interagencyRequests, journalCounters, persons, providers, refItems, services, users } from '../../../db/schema';
import { buildAppendix3Citizen, buildAppendix3Family } from '../../forms/appendix3';
import { buildAppendix4 } from '../../forms/appendix4';
import { docxFile as file } from '../../forms/docx-kit';
import { buildIppsu } from '../../forms/ippsu';
import { buildRefusalNotice } from '../../forms/refusal';
import { buildRequestLetter } from '../../forms/request-letter';
import { buildBarthelQuestionnaire, buildLawtonQuestionnaire } from '../../forms/scales';
import { actStatus, actViews } from '../case-views';
import { caseView, loadCase } from '../cases';
import type { Ctx, UserCtx } from '../context';
import { exchangeOnIssued, exchangeOnSigned } from '../exchange/outbox';
import { nextNumber } from '../numbering';
import { fullNameOf } from '../persons';
import { localDate, openCase, transition } from '../processing';
import { assertRev, firstRev, nextRev } from '../revisions';
import { officeRow, toOfficeView } from '../views';
import { checkReviewDraft } from '../control/reviews';
import { termsOfCase } from '../control/terms';
import type { HandlerGroup } from './types';


type CaseActRecord = typeof caseActs.$inferSelect;


function view(ctx: Ctx, caseId: number) {
  return caseView(ctx.db, loadCase(ctx.db, caseId), ctx.services.calendar(), localDate(ctx));
}

function signerOfOffice(ctx: Ctx) {
  const office = toOfficeView(officeRow(ctx.db));
  return { position: office.headPosition ?? 'Начальник управления', name: office.headName ?? '' };
}

// ------------------------------------------------------------------ p.45: interagency requests

type RequestToSend = Omit<z.output<typeof SendRequestInput>, 'caseId' | 'sentDate'>;

/**
 * Records one request of case `c` as sent on `sentDate`, inside the caller's
 * transaction. Without an outgoing number it takes the next one of the
 * office's register of outgoing documents for that year: a failed write rolls
 * the register back with everything else, so the numbers stay gap-free.
 */
function recordRequest(ctx: UserCtx, c: ReturnType<typeof openCase>, input: RequestToSend, sentDate: string, field = (k: string) => k) {
  const docs = ctx.db
    .select()
    .from(caseDocuments)
    .where(and(eq(caseDocuments.caseId, c.id), inArray(caseDocuments.key, input.documentKeys)))
    .all();
  if (docs.length !== input.documentKeys.length || docs.some((d) => d.state !== 'to_request' || d.agencyCode !== input.agencyCode)) {
    throw new ApiError('VALIDATION', 'Запрашивать можно только документы, которые заявитель не представил, у ведомства, которое их выдаёт.', {
      [field('documentKeys')]: 'Документы не относятся к этому ведомству или уже представлены',
    });
  }
  const already = ctx.db.select({ keys: interagencyRequests.documentKeys }).from(interagencyRequests).where(eq(interagencyRequests.caseId, c.id)).all().flatMap((r) => r.keys);
  if (input.documentKeys.some((k) => already.includes(k))) throw new ApiError('CONFLICT', 'По этому документу запрос уже направлен.');
  const outgoingNumber = input.outgoingNumber ?? nextNumber(ctx.db, officeRow(ctx.db).code, 'outgoing', Number(sentDate.slice(0, 4))).number;
  const dueDate = ctx.services.calendar().addWorkingDays(sentDate, termsOfCase(c).interagencyAnswer);
  const r = ctx.db
    .insert(interagencyRequests)
    .values({
      caseId: c.id,
      agencyCode: input.agencyCode,
      documentKeys: input.documentKeys,
      subject: input.subject,
      channel: input.channel,
      outgoingNumber,
      sentDate,
      dueDate,
      sentBy: ctx.user.id,
      ...firstRev(ctx),
    })
    .returning()
    .get();
  ctx.audit({ action: 'request.send', entity: 'request', entityId: r.id, after: r });
  return r;
}

function checkSentDate(ctx: UserCtx, c: ReturnType<typeof openCase>, sentDate: string) {
  if (sentDate > localDate(ctx)) throw new ApiError('VALIDATION', 'Дата направления не может быть позже сегодняшней.', { sentDate: 'Позже сегодняшней даты' });
  if (sentDate < todayIso(new Date(c.registeredAt))) {
    throw new ApiError('VALIDATION', 'Запрос не может быть направлен раньше регистрации заявления.', { sentDate: 'Раньше регистрации заявления' });
  }
}

function sendInteragencyRequest(ctx: UserCtx, input: z.output<typeof SendRequestInput>) {
  return ctx.tx(() => {
    const c = openCase(ctx, input.caseId);
    checkSentDate(ctx, c, input.sentDate);
    recordRequest(ctx, c, input, input.sentDate);
    if (c.status === 'registered') transition(ctx, c, 'requests_sent', `Направлен запрос: ${input.subject}`);
    return view(ctx, c.id);
  });
}

/** «Направить все запросы»: every request in one transaction — all are recorded and numbered, or none. */
function sendAllInteragencyRequests(ctx: UserCtx, input: z.output<typeof SendAllRequestsInput>) {
  return ctx.tx(() => {
    const c = openCase(ctx, input.caseId);
    checkSentDate(ctx, c, input.sentDate);
    const keys = input.requests.flatMap((r) => r.documentKeys);
    if (new Set(keys).size !== keys.length) throw new ApiError('VALIDATION', 'Один документ запрошен дважды.', { requests: 'Один документ запрошен дважды' });
    input.requests.forEach((r, i) => recordRequest(ctx, c, r, input.sentDate, (k) => `requests.${i}.${k}`));
    if (c.status === 'registered') transition(ctx, c, 'requests_sent', `Направлены запросы: ${input.requests.length}`);
    return view(ctx, c.id);
  });
}

function registerInteragencyAnswer(ctx: UserCtx, input: z.output<typeof AnswerRequestInput>) {
  return ctx.tx(() => {
    const r = ctx.db.select().from(interagencyRequests).where(eq(interagencyRequests.id, input.requestId)).get();
    if (!r) throw new ApiError('NOT_FOUND', 'Запрос не найден.');
    openCase(ctx, r.caseId);
    assertRev(ctx, r, input.rev, 'запрос');
    if (r.answerDate) throw new ApiError('CONFLICT', 'Ответ на этот запрос уже зарегистрирован.');
    if (input.answerDate < r.sentDate) throw new ApiError('VALIDATION', 'Ответ не может поступить раньше направления запроса.', { answerDate: 'Раньше даты запроса' });
    if (input.answerDate > localDate(ctx)) throw new ApiError('VALIDATION', 'Дата ответа не может быть позже сегодняшней.', { answerDate: 'Позже сегодняшней даты' });
    const after = ctx.db
      .update(interagencyRequests)
      .set({ answerDate: input.answerDate, answerIncomingNumber: input.incomingNumber, answerSummary: input.summary, answeredBy: ctx.user.id, ...nextRev(ctx) })
      .where(eq(interagencyRequests.id, r.id))
      .returning()
      .get();
    ctx.audit({ action: 'request.answer', entity: 'request', entityId: r.id, before: r, after });
    return view(ctx, r.caseId);
  });
}

// ------------------------------------------------------------------ acts

/** An act records a visit that happened: none of its dates may be after today. */
function refuseFutureActDates(act: Record<string, unknown>, today: string): void {
  const fields = actDatesAfter(act, today);
  if (Object.keys(fields).length) throw new ApiError('VALIDATION', FUTURE_ACT_DATES, Object.fromEntries(Object.entries(fields).map(([p, m]) => [`act.${p}`, m])));
}

function saveAct(ctx: UserCtx, input: z.output<typeof SaveActInput>) {
  return ctx.tx(() => {
    const c = openCase(ctx, input.caseId);
    if (!ACT_EDITABLE.includes(c.status)) throw new ApiError('CONFLICT', 'После подписания результата акты не изменяются.');
    const kind = input.form === 'appendix4' ? 'appendix4' : 'appendix3';
    const variant: CaseActRecord['variant'] = input.form === 'appendix4' ? null : input.form === 'appendix3-citizen' ? 'citizen' : 'family';
    const barthel = 'barthel' in input ? (input.barthel as Record<string, number>) : null;
    const lawton = 'lawton' in input ? (input.lawton as Record<string, number>) : null;
    // The scale results are carried into the Appendix 3 act.
    const act: Record<string, unknown> = { ...input.act };
    refuseFutureActDates(act, localDate(ctx));
    if (barthel) {
      const b = scoreBarthel(barthel);
      act.barthel = b.complete ? { score: b.score, band: b.band } : null;
    }
    if (lawton) {
      const l = scoreLawton(lawton);
      act.lawton = l.complete ? { score: l.score, band: l.band } : null;
    }
    const st = actStatus(input.form, act, barthel, lawton);
    const before = ctx.db.select().from(caseActs).where(and(eq(caseActs.caseId, c.id), eq(caseActs.kind, kind))).get();
    assertRev(ctx, before, input.rev, kind === 'appendix4' ? 'акт оценки потребности' : 'акт обследования');
    const values = { data: act, variant, barthel, lawton, complete: st.complete, updatedAt: ctx.now().toISOString(), updatedBy: ctx.user.id };
    if (before) ctx.db.update(caseActs).set({ ...values, rev: nextRev(ctx).rev }).where(eq(caseActs.id, before.id)).run();
    else ctx.db.insert(caseActs).values({ caseId: c.id, kind, ...values }).run();
    ctx.audit({ action: before ? 'update' : 'create', entity: `act.${input.form}`, entityId: c.id, before: before ?? null, after: values });
    return view(ctx, c.id);
  });
}

/**
 * The centres and staff of the office's latest acts (a new act starts from
 * the most recent organisation; the compilers are offered by name).
 */
function actSuggestions(ctx: Ctx) {
  const rows = ctx.db.select({ data: caseActs.data }).from(caseActs).orderBy(desc(caseActs.updatedAt)).limit(200).all();
  const organizations: string[] = [];
  const compilers: { position: string; fullName: string }[] = [];
  const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
  for (const { data } of rows) {
    const act = (data ?? {}) as Record<string, unknown>;
    const org = text(act.organization);
    if (org && !organizations.includes(org) && organizations.length < 20) organizations.push(org);
    for (const s of Array.isArray(act.compiledBy) ? act.compiledBy : []) {
      const fullName = text((s as Record<string, unknown>)?.fullName);
      if (fullName && !compilers.some((x) => x.fullName === fullName) && compilers.length < 30) compilers.push({ fullName, position: text((s as Record<string, unknown>)?.position) });
    }
  }
  return { organizations, compilers };
}

/**
 * An act or questionnaire of a case (filled when saved), or a blank: for no
 * one (`caseId` null), or carrying the case's person (`blank` with a case).
 * A blank leaves its date to be written by hand.
 */
async function printAct(ctx: Ctx, caseId: number | null, form: (typeof import('../../../core/api/processing').PRINTABLE_FORMS)[number], blank = false) {
  const c = caseId ? loadCase(ctx.db, caseId) : null;
  const a = c?.applicant ?? null;
  const acts = c && !blank ? actViews(ctx, c.id) : [];
  const person = a ? { fullName: fullNameOf(a), birthDate: a.birthDate, sex: a.sex, address: a.actualAddress ?? a.regAddress } : undefined;
  const office = { name: toOfficeView(officeRow(ctx.db)).name };
  const suffix = c ? ` ${c.journalNumber.replace('/', '-')}${blank ? ' (бланк)' : ''}` : ' (бланк)';
  if (form === 'barthel' || form === 'lawton') {
    const act3 = acts.find((x) => x.form !== 'appendix4');
    const answers = act3 ? (form === 'barthel' ? act3.barthel : act3.lawton) : null;
    const data = {
      person: person ?? { fullName: '', birthDate: '' },
      date: answers ? ((act3?.act.date as string | undefined) ?? localDate(ctx)) : null,
      answers,
      actNumber: act3?.act.number as string | undefined,
    };
    // DOCX builds step out of the write queue (the print is logged after): a print never holds up another desk's write.
    const buf = await ctx.outside(() => (form === 'barthel' ? buildBarthelQuestionnaire(data) : buildLawtonQuestionnaire(data)));
    return file(`${form === 'barthel' ? 'Индекс Бартела' : 'Шкала Лаутона'}${suffix}.docx`, buf);
  }
  const saved = acts.find((x) => x.form === form);
  const d = { act: (saved?.act ?? null) as never, person, office, blank: !saved };
  const buf = await ctx.outside(() => (form === 'appendix3-citizen' ? buildAppendix3Citizen(d) : form === 'appendix3-family' ? buildAppendix3Family(d) : buildAppendix4(d)));
  const names: Record<ActForm, string> = { 'appendix3-citizen': 'Акт обследования (гражданин)', 'appendix3-family': 'Акт обследования (семья)', appendix4: 'Акт оценки потребности' };
  return file(`${names[form]}${suffix}.docx`, buf);
}

// ------------------------------------------------------------------ p.46: decision and sign-off

function draftDecision(ctx: UserCtx, input: z.output<typeof SaveDecisionInput>) {
  return ctx.tx(() => {
    const c = openCase(ctx, input.caseId);
    if (c.status === 'awaiting_signature') throw new ApiError('CONFLICT', 'Проект на подписи у руководителя: изменить его можно после возврата на доработку.');
    checkReviewDraft(c, input);
    const data = input.kind === 'ippsu' ? input.ippsu : input.refusal;
    const latest = ctx.db.select().from(caseDecisions).where(eq(caseDecisions.caseId, c.id)).orderBy(desc(caseDecisions.version)).get();
    const draft = latest?.status === 'draft' ? latest : undefined;
    if (draft) assertRev(ctx, draft, input.decisionId === draft.id ? input.rev : input.decisionId === null ? 0 : -1, 'проект решения');
    else if (input.decisionId !== null) {
      // The draft the caller was editing has been signed meanwhile (signing bumps its revision, so this names who and when).
      assertRev(ctx, ctx.db.select().from(caseDecisions).where(eq(caseDecisions.id, input.decisionId)).get(), input.rev, 'проект решения');
      throw new ApiError('CONFLICT', 'Проект решения, который вы изменяли, уже подписан: обновите данные.');
    }
    if (latest?.status === 'draft') {
      ctx.db.update(caseDecisions).set({ kind: input.kind, data, ...nextRev(ctx) }).where(eq(caseDecisions.id, latest.id)).run();
      ctx.audit({ action: 'update', entity: 'decision', entityId: latest.id, before: { kind: latest.kind, data: latest.data }, after: { kind: input.kind, data } });
    } else {
      const version = (latest?.version ?? 0) + 1;
      const row = ctx.db
        .insert(caseDecisions)
        .values({ caseId: c.id, version, kind: input.kind, data, status: 'draft', createdAt: ctx.now().toISOString(), createdBy: ctx.user.id, ...firstRev(ctx) })
        .returning({ id: caseDecisions.id })
        .get();
      ctx.audit({ action: 'create', entity: 'decision', entityId: row.id, after: { version, kind: input.kind, data } });
      const note = `${input.kind === 'ippsu' ? 'Проект ИППСУ' : 'Проект уведомления об отказе'}, версия ${version}`;
      transition(ctx, c, 'decision_drafted', latest ? `${note} (изменение подписанного результата)` : note);
    }
    return view(ctx, c.id);
  });
}

/**
 * The address of residence in parts for the ИППСУ (item 4): as registered
 * with the case, else as the person's card has it now (a case registered
 * with the address as text, whose person has had it entered in parts since);
 * null when only the text is known.
 */
function residenceParts(ctx: Ctx, personId: number, a: CaseApplicant): AddressParts | null {
  if (a.actualAddressParts) return a.actualAddressParts;
  const p = ctx.db.select({ parts: persons.actualAddressParts }).from(persons).where(eq(persons.id, personId)).get();
  return p?.parts ?? null;
}

async function buildDecisionDocx(ctx: Ctx, d: typeof caseDecisions.$inferSelect, draft: boolean, number?: string, signer?: { position: string; name: string }) {
  const c = loadCase(ctx.db, d.caseId);
  const a = c.applicant;
  const office = toOfficeView(officeRow(ctx.db));
  if (d.kind === 'ippsu') {
    return buildIppsu({
      office,
      person: { ...a, address: a.actualAddress ?? a.regAddress, addressParts: residenceParts(ctx, c.personId, a) },
      ippsu: d.data as IppsuDraft,
      number,
      draft,
      signer,
      representativeName: representativeNameOf(c.representative),
    });
  }
  return buildRefusalNotice({
    office,
    person: { lastName: a.lastName, firstName: a.firstName, middleName: a.middleName, sex: a.sex, address: a.actualAddress ?? a.regAddress },
    refusal: d.data as RefusalDraft,
    number,
    draft,
    signer,
    journalNumber: c.journalNumber,
    applicationDate: todayIso(new Date(c.registeredAt)),
    executor: executorOf(ctx, d.createdBy, office.phone),
  });
}

/** The full name of the case's representative, when one acts for the recipient. */
function representativeNameOf(r: CaseRepresentative | null): string | null {
  const name = r?.fullName;
  return typeof name === 'string' && name.trim() ? name.trim() : null;
}

/** The «Исполнитель» of a letter: the user who drew it up, with the office's phone. */
function executorOf(ctx: Ctx, userId: number, phone: string) {
  const u = ctx.db.select({ fullName: users.fullName, position: users.position }).from(users).where(eq(users.id, userId)).get();
  return u ? { name: u.fullName, position: u.position, phone } : undefined;
}

function loadDecision(ctx: Ctx, id: number) {
  const d = ctx.db.select().from(caseDecisions).where(eq(caseDecisions.id, id)).get();
  if (!d) throw new ApiError('NOT_FOUND', 'Документ не найден.');
  return d;
}

/** p.46: the head signs. The DOCX is built with its outgoing number, hashed and stored: from then on it prints byte for byte. */
async function signDecision(ctx: UserCtx, decisionId: number, rev: number) {
  const d = loadDecision(ctx, decisionId);
  assertRev(ctx, d, rev, 'проект решения');
  if (d.status !== 'draft') throw new ApiError('CONFLICT', 'Эта версия уже подписана.');
  const c = openCase(ctx, d.caseId);
  if (!canTransition(c.status, 'signed')) throw new ApiError('CONFLICT', 'Подписать можно подготовленное решение.');
  const officeCode = officeRow(ctx.db).code;
  const year = Number(localDate(ctx).slice(0, 4));
  return signFrozen(ctx, d, officeCode, year, { position: ctx.user.position, name: ctx.user.fullName });
}

async function signFrozen(ctx: UserCtx, d: typeof caseDecisions.$inferSelect, officeCode: string, year: number, signer: { position: string; name: string }) {
  // Build with the number the counter will give; if another signature took it meanwhile, build again.
  for (let attempt = 0; attempt < 3; attempt++) {
    const expected = peekNumber(ctx, officeCode, year);
    const docx = await buildDecisionDocx(ctx, d, false, expected, signer);
    const sha256 = createHash('sha256').update(docx).digest('hex');
    let done = false;
    try {
      ctx.tx(() => {
        const fresh = loadDecision(ctx, d.id);
        if (fresh.status !== 'draft' || fresh.rev !== d.rev) {
          throw new ApiError('CONFLICT', 'Документ изменился во время подписания: откройте дело заново.');
        }
        const { number } = nextNumber(ctx.db, officeCode, 'outgoing', year);
        // Another host process took the number meanwhile: throwing rolls the counter back with everything else.
        if (number !== expected) throw NUMBER_TAKEN;
        const c = loadCase(ctx.db, d.caseId);
        const signedAt = ctx.now().toISOString();
        ctx.db
          .update(caseDecisions)
          .set({ status: 'superseded', ...nextRev(ctx) })
          .where(and(eq(caseDecisions.caseId, d.caseId), eq(caseDecisions.status, 'signed')))
          .run();
        ctx.db
          .update(caseDecisions)
          .set({ status: 'signed', outgoingNumber: number, signedAt, signedBy: ctx.user.id, signedByName: signer.name, signedByPosition: signer.position, docx, sha256, ...nextRev(ctx) })
          .where(eq(caseDecisions.id, d.id))
          .run();
        ctx.audit({ action: 'sign', entity: 'decision', entityId: d.id, after: { outgoingNumber: number, sha256, version: d.version, kind: d.kind } });
        transition(ctx, c, 'signed', `Подписано: исх. № ${number}`);
        exchangeOnSigned(ctx.db, c, d.id, ctx.now());
      });
      done = true;
    } catch (e) {
      if (e !== NUMBER_TAKEN) throw e;
    }
    if (done) return view(ctx, d.caseId);
  }
  throw new ApiError('CONFLICT', 'Не удалось присвоить исходящий номер: повторите подписание.');
}

/** Thrown inside the sign-off transaction to roll it back (counter included) and build again. */
const NUMBER_TAKEN = new Error('outgoing number taken meanwhile');

function peekNumber(ctx: Ctx, officeCode: string, year: number): string {
  const row = ctx.db.$client
    .prepare("select last_seq as seq from journal_counters where office_code = ? and register = 'outgoing' and year = ?")
    .get(officeCode, year) as { seq: number } | undefined;
  return `${(row?.seq ?? 0) + 1}/${year}`;
}

// ------------------------------------------------------------------ p.47: issuing

function issueResult(ctx: UserCtx, input: z.output<typeof import('../../../core/api/processing').IssueInput>) {
  return ctx.tx(() => {
    const c = openCase(ctx, input.caseId);
    assertRev(ctx, c, input.rev, 'дело');
    const d = ctx.db.select().from(caseDecisions).where(and(eq(caseDecisions.caseId, c.id), eq(caseDecisions.status, 'signed'))).get();
    if (!d || c.status !== 'signed') throw new ApiError('CONFLICT', 'Выдать можно только подписанный результат.');
    if (input.date > localDate(ctx)) throw new ApiError('VALIDATION', 'Дата выдачи не может быть позже сегодняшней.', { date: 'Позже сегодняшней даты' });
    if (input.date < todayIso(new Date(d.signedAt!))) throw new ApiError('VALIDATION', 'Дата выдачи раньше даты подписания.', { date: 'Раньше подписания' });
    if (input.method === 'in_person' && input.issuedTo === 'representative' && !c.representative) {
      throw new ApiError('VALIDATION', 'У заявления нет представителя.', { issuedTo: 'Представитель не указан в заявлении' });
    }
    const values = {
      issuedDate: input.date,
      issueMethod: input.method,
      issuedTo: input.method === 'in_person' ? input.issuedTo! : null,
      postalAddress: input.method === 'post' ? input.postalAddress! : null,
      postalId: input.method === 'post' ? input.postalId! : null,
      issuedBy: ctx.user.id,
    };
    ctx.db.update(caseDecisions).set({ ...values, ...nextRev(ctx) }).where(eq(caseDecisions.id, d.id)).run();
    ctx.audit({ action: 'issue', entity: 'decision', entityId: d.id, after: values });
    exchangeOnIssued(ctx.db, c, d.id, ctx.now());
    transition(ctx, c, 'issued', input.method === 'post' ? `Направлено почтой, ШПИ ${input.postalId}` : 'Выдано лично');
    return view(ctx, c.id);
  });
}

function serviceView({ seedHash: _s, updatedAt: _a, updatedBy: _b, ...s }: typeof services.$inferSelect) {
  return s;
}

function providerView({ updatedAt: _a, updatedBy: _b, ...p }: typeof providers.$inferSelect) {
  return p;
}

// ------------------------------------------------------------------ the register of outgoing documents

function outgoingRegister(ctx: Ctx, input: z.output<typeof OutgoingRegisterInput>) {
  const office = officeRow(ctx.db).code;
  const row = ctx.db
    .select({ lastSeq: journalCounters.lastSeq })
    .from(journalCounters)
    .where(and(eq(journalCounters.officeCode, office), eq(journalCounters.register, 'outgoing'), eq(journalCounters.year, input.year)))
    .get();
  const lastSeq = row?.lastSeq ?? 0;
  return { year: input.year, lastSeq, next: `${lastSeq + 1}/${input.year}` };
}

/**
 * Where the register goes on from (an office that kept it on paper until
 * now). It never goes back: a number once given stays given.
 */
function setOutgoingRegister(ctx: UserCtx, input: z.output<typeof SetOutgoingRegisterInput>) {
  return ctx.tx(() => {
    const before = outgoingRegister(ctx, input);
    if (input.lastSeq < before.lastSeq) {
      throw new ApiError('VALIDATION', `В журнале исходящих за ${input.year} год уже выдан № ${before.lastSeq}/${input.year}: номер не может уменьшиться.`, {
        lastSeq: `Не меньше ${before.lastSeq}`,
      });
    }
    const officeCode = officeRow(ctx.db).code;
    ctx.db
      .insert(journalCounters)
      .values({ officeCode, register: 'outgoing', year: input.year, lastSeq: input.lastSeq })
      .onConflictDoUpdate({ target: [journalCounters.officeCode, journalCounters.register, journalCounters.year], set: { lastSeq: input.lastSeq } })
      .run();
    ctx.audit({ action: 'update', entity: 'register.outgoing', entityId: input.year, before: { lastSeq: before.lastSeq }, after: { lastSeq: input.lastSeq } });
    return outgoingRegister(ctx, input);
  });
}

export const processingHandlers: HandlerGroup<
  | 'requests.send'
  | 'requests.sendAll'
  | 'requests.answer'
  | 'registers.outgoing'
  | 'registers.setOutgoing'
  | 'requests.letter'
  | 'acts.save'
  | 'acts.suggestions'
  | 'acts.print'
  | 'acts.blank'
  | 'cases.completeDocuments'
  | 'decisions.save'
  | 'decisions.print'
  | 'decisions.sign'
  | 'cases.issue'
  | 'cases.withdraw'
  | 'services.list'
  | 'services.save'
  | 'providers.list'
  | 'providers.save'
> = {
  'requests.send': sendInteragencyRequest,
  'requests.sendAll': sendAllInteragencyRequests,
  'registers.outgoing': (ctx, input) => outgoingRegister(ctx, input),
  'registers.setOutgoing': setOutgoingRegister,
  'requests.answer': registerInteragencyAnswer,

  'requests.letter': async (ctx, input) => {
    const r = ctx.db.select().from(interagencyRequests).where(eq(interagencyRequests.id, input.requestId)).get();
    if (!r) throw new ApiError('NOT_FOUND', 'Запрос не найден.');
    const c = loadCase(ctx.db, r.caseId);
    const a = c.applicant;
    const office = toOfficeView(officeRow(ctx.db));
    const agency = ctx.db.select().from(refItems).where(and(eq(refItems.kind, 'agency'), eq(refItems.code, r.agencyCode))).get();
    const buf = await ctx.outside(() => buildRequestLetter({
      office,
      agencyName: agency?.name ?? r.agencyCode,
      agencyAddress: agency?.address ?? undefined,
      letter: {
        agencyCode: r.agencyCode,
        requested: r.subject,
        person: { lastName: a.lastName, firstName: a.firstName, middleName: a.middleName, birthDate: a.birthDate, snils: a.snils, address: a.actualAddress ?? a.regAddress },
        number: r.outgoingNumber,
        date: r.sentDate,
        signer: signerOfOffice(ctx),
        executor: { name: ctx.user.fullName, position: ctx.user.position, phone: office.phone },
        applicationNumber: c.journalNumber,
        applicationDate: todayIso(new Date(c.registeredAt)),
      },
    }));
    ctx.tx(() => ctx.audit({ action: 'print', entity: 'request', entityId: r.id, after: { form: 'request-letter' } }));
    return file(`Запрос ${r.outgoingNumber.replace(/[/\\]/g, '-')}.docx`, buf);
  },

  'acts.save': saveAct,

  'acts.suggestions': (ctx) => actSuggestions(ctx),
  'acts.print': async (ctx, input) => {
    const f = await printAct(ctx, input.caseId, input.form);
    ctx.tx(() => ctx.audit({ action: 'print', entity: 'case', entityId: input.caseId, after: { form: input.form } }));
    return f;
  },

  'acts.blank': (ctx, input) => printAct(ctx, input.caseId ?? null, input.form, true),

  'cases.completeDocuments': (ctx, input) =>
    ctx.tx(() => {
      const c = openCase(ctx, input.caseId);
      assertRev(ctx, c, input.rev, 'дело');
      const v = view(ctx, c.id);
      const gaps: string[] = [];
      const act3 = v.acts.find((a) => a.form !== 'appendix4');
      const act4 = v.acts.find((a) => a.form === 'appendix4');
      if (!act3) gaps.push('нет акта обследования условий жизнедеятельности (приложение 3)');
      else if (!act3.complete) gaps.push('акт обследования (приложение 3) заполнен не полностью');
      if (!act4) gaps.push('нет акта оценки индивидуальной потребности (приложение 4)');
      else if (!act4.complete) gaps.push('акт оценки потребности (приложение 4) заполнен не полностью');
      if (v.proposedRequests.length) gaps.push(`не направлены запросы: ${v.proposedRequests.map((p) => p.agencyName).join(', ')}`);
      const unanswered = v.requests.filter((r) => !r.answerDate);
      if (unanswered.length) gaps.push(`нет ответа на запросы: ${unanswered.map((r) => `исх. № ${r.outgoingNumber}`).join(', ')}`);
      if (gaps.length) throw new ApiError('CONFLICT', `Документы ещё не собраны: ${gaps.join('; ')}.`);
      transition(ctx, c, 'documents_complete');
      return view(ctx, c.id);
    }),

  'decisions.save': draftDecision,

  'decisions.print': async (ctx, input) => {
    const d = loadDecision(ctx, input.decisionId);
    const c = loadCase(ctx.db, d.caseId);
    const title = d.kind === 'ippsu' ? 'ИППСУ' : 'Уведомление об отказе';
    if (d.docx) {
      ctx.tx(() => ctx.audit({ action: 'print', entity: 'decision', entityId: d.id, after: { version: d.version, sha256: d.sha256 } }));
      return { ...file(`${title} исх. ${d.outgoingNumber!.replace('/', '-')} (версия ${d.version}).docx`, d.docx), sha256: d.sha256 };
    }
    const buf = await ctx.outside(() => buildDecisionDocx(ctx, d, true));
    ctx.tx(() => ctx.audit({ action: 'print', entity: 'decision', entityId: d.id, after: { version: d.version, draft: true } }));
    return { ...file(`ПРОЕКТ ${title} ${c.journalNumber.replace('/', '-')}.docx`, buf), sha256: null };
  },

  'decisions.sign': (ctx, input) => signDecision(ctx, input.decisionId, input.rev),

  'cases.issue': issueResult,

  'cases.withdraw': (ctx, input) =>
    ctx.tx(() => {
      const c = openCase(ctx, input.caseId);
      assertRev(ctx, c, input.rev, 'дело');
      transition(ctx, c, 'withdrawn', `Отозвано заявителем ${input.date}: ${input.reason}`);
      return view(ctx, c.id);
    }),

  'services.list': (ctx) => ctx.db.select().from(services).orderBy(asc(services.type), asc(services.code)).all().map(serviceView),

  'services.save': (ctx, input) =>
    ctx.tx(() => {
      const before = ctx.db.select().from(services).where(eq(services.code, input.code)).get();
      const { rev, ...fields } = input;
      assertRev(ctx, before, rev, 'услугу каталога');
      const values = { ...fields, locallyModified: true };
      if (before) ctx.db.update(services).set({ ...values, ...nextRev(ctx) }).where(eq(services.code, input.code)).run();
      else ctx.db.insert(services).values({ ...values, ...firstRev(ctx) }).run();
      const after = ctx.db.select().from(services).where(eq(services.code, input.code)).get()!;
      ctx.audit({ action: before ? 'update' : 'create', entity: 'service', entityId: input.code, before: before ?? null, after });
      return serviceView(after);
    }),

  'providers.list': (ctx) => ctx.db.select().from(providers).orderBy(asc(providers.name)).all().map(providerView),

  'providers.save': (ctx, input) =>
    ctx.tx(() => {
      const { id, rev, ...values } = input;
      const v = { ...values, phone: values.phone ?? null, email: values.email ?? null };
      if (id) {
        const before = ctx.db.select().from(providers).where(eq(providers.id, id)).get();
        if (!before) throw new ApiError('NOT_FOUND', 'Поставщик не найден.');
        assertRev(ctx, before, rev, 'сведения о поставщике');
        const after = ctx.db.update(providers).set({ ...v, ...nextRev(ctx) }).where(eq(providers.id, id)).returning().get();
        ctx.audit({ action: 'update', entity: 'provider', entityId: id, before, after });
        return providerView(after);
      }
      const after = ctx.db.insert(providers).values({ ...v, ...firstRev(ctx) }).returning().get();
      ctx.audit({ action: 'create', entity: 'provider', entityId: after.id, after });
      return providerView(after);
    }),
};

