/**
 * ИППСУ review (442-ФЗ ст. 16): the programmes whose term ends within a
 * horizon or has ended, or whose person's circumstances changed after it was
 * signed; registering a new application as a review of a programme (the
 * person is carried over, the old programme linked, the new one «повторно»).
 */
import { and, desc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { RegisterInput } from '../../../core/api/reception';
import { ApiError } from '../../../core/api/errors';
import { addDays, formatRuDate, todayIso } from '../../../core/domain/dates';
import type { IppsuDraft } from '../../../core/api/decision';
import { CIRCUMSTANCE_CHANGE_LABELS, daysLeft, reviewState, type CircumstanceChange } from '../../../core/domain/ippsu-term';
import type { Db } from '../../../db/connection';
import { caseDecisions, cases, persons } from '../../../db/schema';
import { circumstanceChanges } from '../../../db/schema-control';
import type { Ctx, UserCtx } from '../context';

type Register = z.output<typeof RegisterInput>;

/** The signed ИППСУ a review application refers to, and its person. Throws a Russian message when it cannot be reviewed. */
export function reviewTarget(ctx: Ctx, a: Register): { decisionId: number; personId: number } | null {
  if (!a.reviewOfDecisionId) return null;
  const row = ctx.db
    .select({ id: caseDecisions.id, kind: caseDecisions.kind, status: caseDecisions.status, personId: cases.personId })
    .from(caseDecisions)
    .innerJoin(cases, eq(cases.id, caseDecisions.caseId))
    .where(eq(caseDecisions.id, a.reviewOfDecisionId))
    .get();
  if (!row || row.kind !== 'ippsu' || row.status !== 'signed') {
    throw new ApiError('VALIDATION', 'Пересматривать можно только действующую подписанную ИППСУ.', { reviewOfDecisionId: 'Выберите действующую ИППСУ' });
  }
  if (a.personId && a.personId !== row.personId) {
    throw new ApiError('VALIDATION', 'Заявление о пересмотре подаётся тем же получателем, что указан в программе.', { personId: 'Другой получатель' });
  }
  return { decisionId: row.id, personId: row.personId };
}

/** 874н item 8: a programme drawn up on a review is marked «повторно». */
export function checkReviewDraft(c: { reviewOfDecisionId: number | null }, input: { kind: string; ippsu?: { firstOrRepeat: string } }): void {
  if (c.reviewOfDecisionId && input.kind === 'ippsu' && input.ippsu?.firstOrRepeat !== 'repeat') {
    throw new ApiError('VALIDATION', 'Заявление подано о пересмотре программы: отметьте, что программа составлена повторно.', {
      'ippsu.firstOrRepeat': 'Программа составляется повторно',
    });
  }
}

/** The intake form pre-filled for a review of a signed ИППСУ. */
export function reviewPrefill(ctx: Ctx, decisionId: number) {
  const d = ctx.db.select().from(caseDecisions).where(eq(caseDecisions.id, decisionId)).get();
  if (!d || d.kind !== 'ippsu' || d.status !== 'signed') throw new ApiError('NOT_FOUND', 'Действующая ИППСУ не найдена.');
  const ippsu = d.data as IppsuDraft;
  const c = ctx.db.select().from(cases).where(eq(cases.id, d.caseId)).get()!;
  const p = ctx.db.select().from(persons).where(eq(persons.id, c.personId)).get()!;
  return {
    reviewOfDecisionId: d.id,
    reviewOf: { outgoingNumber: d.outgoingNumber, date: ippsu.date ?? '', termUntil: ippsu.termUntil ?? '', journalNumber: c.journalNumber },
    personId: p.id,
    personRev: p.rev,
    subservice: c.subservice,
    applicant: {
      lastName: p.lastName,
      firstName: p.firstName,
      middleName: p.middleName ?? undefined,
      birthDate: p.birthDate,
      sex: p.sex,
      snils: p.snils ?? undefined,
      citizenship: p.citizenship,
      idDoc: p.idDoc,
      regAddress: p.regAddress ?? undefined,
      actualAddress: p.actualAddress ?? undefined,
      regAddressParts: p.regAddressParts ?? undefined,
      actualAddressParts: p.actualAddressParts ?? undefined,
      phone: p.phone ?? undefined,
      email: p.email ?? undefined,
    },
    representative: c.representative ?? null,
  };
}

// ------------------------------------------------------------------ changes of circumstances

export function recordCircumstanceChange(ctx: UserCtx, input: { personId: number; date: string; kind: CircumstanceChange; note?: string }) {
  if (!ctx.db.select({ id: persons.id }).from(persons).where(eq(persons.id, input.personId)).get()) throw new ApiError('NOT_FOUND', 'Человек не найден.');
  if (input.date > todayIso(ctx.now())) throw new ApiError('VALIDATION', 'Дата изменения не может быть позже сегодняшней.', { date: 'Позже сегодняшней даты' });
  return ctx.tx(() => {
    const row = ctx.db
      .insert(circumstanceChanges)
      .values({
        personId: input.personId,
        date: input.date,
        kind: input.kind,
        note: input.note ?? null,
        recordedAt: ctx.now().toISOString(),
        recordedBy: ctx.user.id,
        recordedByName: ctx.user.fullName,
      })
      .returning()
      .get();
    ctx.audit({ action: 'create', entity: 'circumstance_change', entityId: row.id, after: row });
    return circumstanceChangeList(ctx.db, input.personId);
  });
}

export function circumstanceChangeList(db: Db, personId: number) {
  return db
    .select()
    .from(circumstanceChanges)
    .where(eq(circumstanceChanges.personId, personId))
    .orderBy(desc(circumstanceChanges.date), desc(circumstanceChanges.id))
    .all()
    .map((r) => ({
      id: r.id,
      date: r.date,
      kind: r.kind,
      kindLabel: CIRCUMSTANCE_CHANGE_LABELS[r.kind],
      note: r.note,
      recordedAt: r.recordedAt,
      recordedByName: r.recordedByName,
    }));
}

// ------------------------------------------------------------------ the review list

/** The programme's term end as stored in the decision's data (matches the partial index on case_decisions). */
const termUntilSql = sql<string>`json_extract(${caseDecisions.data}, '$.termUntil')`;

export interface ReviewRow {
  decisionId: number;
  caseId: number;
  journalNumber: string;
  personId: number;
  personName: string;
  birthDate: string;
  outgoingNumber: string | null;
  programmeDate: string;
  termUntil: string;
  daysLeft: number;
  state: 'expired' | 'due' | 'flagged';
  reasons: string[];
  responsibleId: number | null;
  responsibleName: string | null;
  /** A review application already registered (and not withdrawn or annulled). */
  reviewCaseId: number | null;
  reviewJournalNumber: string | null;
}

/**
 * Programmes to review: the person's latest signed ИППСУ whose term ends
 * within `horizonDays` or ended within `expiredWithinDays`, and any whose
 * person had a change of circumstances after it was signed and no review
 * application registered since. Nearest end of term first.
 */
export function reviewList(ctx: Ctx, o: { horizonDays: number; expiredWithinDays: number; page: number; pageSize: number }) {
  const today = todayIso(ctx.now());
  const latest = sql`not exists (select 1 from case_decisions d2 join cases c2 on c2.id = d2.case_id
      where c2.person_id = ${cases.personId} and d2.kind = 'ippsu' and d2.status = 'signed'
        and (d2.signed_at > ${caseDecisions.signedAt} or (d2.signed_at = ${caseDecisions.signedAt} and d2.id > ${caseDecisions.id})))`;
  const signedIppsu = sql`${caseDecisions.kind} = 'ippsu' and ${caseDecisions.status} = 'signed'`;
  const cols = {
    decisionId: caseDecisions.id,
    caseId: cases.id,
    journalNumber: cases.journalNumber,
    personId: cases.personId,
    applicant: cases.applicant,
    outgoingNumber: caseDecisions.outgoingNumber,
    data: caseDecisions.data,
    signedAt: caseDecisions.signedAt,
    responsibleId: cases.responsibleId,
    responsibleName: cases.responsibleName,
  };
  const byTerm = ctx.db
    .select(cols)
    .from(caseDecisions)
    .innerJoin(cases, eq(cases.id, caseDecisions.caseId))
    .where(and(signedIppsu, sql`${termUntilSql} between ${addDays(today, -o.expiredWithinDays)} and ${addDays(today, o.horizonDays)}`, latest))
    .all();
  const changes = ctx.db.select().from(circumstanceChanges).all();
  const changedPersons = [...new Set(changes.map((c) => c.personId))];
  const byChange = changedPersons.length
    ? ctx.db
        .select(cols)
        .from(caseDecisions)
        .innerJoin(cases, eq(cases.id, caseDecisions.caseId))
        .where(and(signedIppsu, sql`${cases.personId} in (${sql.join(changedPersons.map((p) => sql`${p}`), sql`, `)})`, latest))
        .all()
    : [];
  const ids = [...new Set([...byTerm, ...byChange].map((r) => r.decisionId))];
  const reviews = ids.length
    ? ctx.db
        .select({ id: cases.id, number: cases.journalNumber, of: cases.reviewOfDecisionId, registeredAt: cases.registeredAt })
        .from(cases)
        .where(and(sql`${cases.reviewOfDecisionId} in (${sql.join(ids.map((i) => sql`${i}`), sql`, `)})`, sql`${cases.status} not in ('withdrawn', 'annulled')`))
        .all()
    : [];
  const rows = new Map<number, ReviewRow>();
  for (const r of [...byTerm, ...byChange]) {
    if (rows.has(r.decisionId)) continue;
    const data = r.data as IppsuDraft;
    const signedDate = todayIso(new Date(r.signedAt!));
    const review = reviews.find((x) => x.of === r.decisionId) ?? null;
    const reviewDate = review ? todayIso(new Date(review.registeredAt)) : null;
    const reasons: string[] = [];
    const st = reviewState(data.termUntil, today, o.horizonDays);
    if (st === 'expired') reasons.push(`Срок программы истёк ${formatRuDate(data.termUntil)}`);
    if (st === 'due') reasons.push(`Срок программы истекает ${formatRuDate(data.termUntil)}`);
    const pending = changes.filter((ch) => ch.personId === r.personId && ch.date >= signedDate && (!reviewDate || ch.date > reviewDate));
    for (const ch of pending) reasons.push(`${CIRCUMSTANCE_CHANGE_LABELS[ch.kind]} (${formatRuDate(ch.date)})`);
    if (!st && !pending.length) continue;
    const a = r.applicant;
    rows.set(r.decisionId, {
      decisionId: r.decisionId,
      caseId: r.caseId,
      journalNumber: r.journalNumber,
      personId: r.personId,
      personName: [a.lastName, a.firstName, a.middleName].filter(Boolean).join(' '),
      birthDate: a.birthDate,
      outgoingNumber: r.outgoingNumber,
      programmeDate: data.date,
      termUntil: data.termUntil,
      daysLeft: daysLeft(data.termUntil, today),
      state: st ?? 'flagged',
      reasons,
      responsibleId: r.responsibleId,
      responsibleName: r.responsibleName,
      reviewCaseId: review?.id ?? null,
      reviewJournalNumber: review?.number ?? null,
    });
  }
  const all = [...rows.values()].sort((x, y) => (x.termUntil < y.termUntil ? -1 : x.termUntil > y.termUntil ? 1 : x.decisionId - y.decisionId));
  return { today, rows: all.slice((o.page - 1) * o.pageSize, o.page * o.pageSize), total: all.length };
}
