/**
 * Handlers of the office's control (core/api/control.ts): assignment, the
 * sign-off queue, «Мои дела», the dashboard, reports and exports as jobs,
 * complaints, ИППСУ reviews, deadline terms, notifications. The rules live
 * in main/backend/control/* and core/domain/*; these check roles beyond the
 * contract's, validate against the data and call them.
 */
import { and, count, eq, sql } from 'drizzle-orm';
import { ApiError } from '../../../core/api/errors';
import type { MethodName } from '../../../core/api/contract';
import { formatRuDate, todayIso } from '../../../core/domain/dates';
import { TERM_CODES, type TermCode } from '../../../core/domain/deadline-terms';
import { cases, users } from '../../../db/schema';
import { deadlineTerms } from '../../../db/schema-control';
import { buildComplaintAnswer } from '../../forms/complaint-answer';
import { docxFile, DOCX_MIME } from '../../forms/docx-kit';
import { buildStatisticsReport } from '../../forms/statistics-report';
import { buildCaseListXlsx } from '../../reports/case-list';
import { buildStatisticsXlsx } from '../../reports/statistics-xlsx';
import { XLSX_MIME } from '../../reports/xlsx-kit';
import { CASE_SORTS, caseConditions, caseView, loadCase, toCaseRow } from '../cases';
import type { UserCtx } from '../context';
import { assignmentSettings, reassign, saveAssignmentSettings } from '../control/assignment';
import {
  complaintView,
  decideComplaint,
  forwardComplaint,
  listComplaints,
  loadComplaint,
  recordComplaintAnswer,
  recordComplaintRemedy,
  registerComplaint,
  updateComplaint,
} from '../control/complaints';
import { jobsOf } from '../control/jobs';
import { myCases } from '../control/my-cases';
import { markRead, notificationCounts, notificationList } from '../control/notifications';
import { circumstanceChangeList, recordCircumstanceChange, reviewList, reviewPrefill } from '../control/reviews';
import { returnForRevision, signoffQueue, submitForSignature } from '../control/signoff';
import { checkPeriod, dashboard, openSnapshot, periodStatistics } from '../control/statistics';
import { termVersions } from '../control/terms';
import { officeRow, toOfficeView } from '../views';
import type { HandlerGroup } from './types';

/** An export holds at most this many rows; a larger selection is refused with a message to narrow it. */
export const EXPORT_MAX_ROWS = 100_000;
const EXPORT_CHUNK = 2_000;

type ControlMethod = Extract<
  MethodName,
  `assignment.${string}` | `signoff.${string}` | `control.${string}` | `exports.${string}` | `reports.${string}` | `complaints.${string}` | `ippsu.${string}` | `terms.${string}` | `notifications.${string}` | 'cases.assign' | 'persons.recordChange' | 'persons.changes'
>;

const today = (ctx: UserCtx) => todayIso(ctx.now());
const view = (ctx: UserCtx, id: number) => caseView(ctx.db, loadCase(ctx.db, id), ctx.services.calendar(), today(ctx));

function userName(ctx: UserCtx, id: number): string {
  const u = ctx.db.select({ fullName: users.fullName }).from(users).where(eq(users.id, id)).get();
  if (!u) throw new ApiError('VALIDATION', 'Специалист не найден.', { responsibleId: 'Не найден' });
  return u.fullName;
}

const safeName = (s: string) => s.replace(/[/\\:*?"<>|]/g, '-');

export const controlHandlers: HandlerGroup<ControlMethod> = {
  'assignment.settings': (ctx) => assignmentSettings(ctx.db),
  'assignment.saveSettings': (ctx, input) => saveAssignmentSettings(ctx, { rule: input.rule, defaults: input.defaults as Record<string, number> }),
  'cases.assign': (ctx, input) =>
    ctx.tx(() => {
      reassign(ctx, loadCase(ctx.db, input.caseId), input.responsibleId, input.note ?? null);
      return view(ctx, input.caseId);
    }),

  'signoff.submit': (ctx, input) => submitForSignature(ctx, input),
  'signoff.return': (ctx, input) => returnForRevision(ctx, input),
  'signoff.queue': (ctx) => signoffQueue(ctx),

  'control.myCases': (ctx, input) => {
    const userId = input.userId ?? ctx.user.id;
    if (userId !== ctx.user.id && !ctx.user.roles.includes('head')) throw new ApiError('FORBIDDEN', 'Недостаточно прав для этого действия.');
    return myCases(ctx, { userId, page: input.page, pageSize: input.pageSize });
  },
  'control.dashboard': (ctx, input) => dashboard(ctx, input),

  'exports.cases': (ctx, input) => {
    const cal = ctx.services.calendar();
    const t = today(ctx);
    const where = caseConditions(ctx.db, input, cal, t);
    const matching = ctx.db.select({ one: sql`1` }).from(cases).where(where).limit(EXPORT_MAX_ROWS + 1).as('matching');
    const n = ctx.db.select({ n: count() }).from(matching).get()?.n ?? 0;
    if (n > EXPORT_MAX_ROWS) {
      throw new ApiError('VALIDATION', `В выгрузке больше ${EXPORT_MAX_ROWS.toLocaleString('ru-RU')} строк: уточните фильтр или период.`);
    }
    const title = input.layout === 'journal' ? 'Журнал регистрации заявлений' : 'Дела';
    const period = input.from || input.to ? ` ${input.from ? formatRuDate(input.from) : '…'}—${input.to ? formatRuDate(input.to) : '…'}` : '';
    ctx.tx(() => ctx.audit({ action: 'export', entity: input.layout === 'journal' ? 'journal' : 'cases', entityId: null, after: { filters: input, rows: n } }));
    return jobsOf(ctx.services).start(ctx.user.id, `cases_xlsx`, n, async (p) => {
      let offset = 0;
      const buf = await buildCaseListXlsx({
        layout: input.layout,
        title,
        nextChunk: () => {
          const rows = ctx.db
            .select()
            .from(cases)
            .where(where)
            .orderBy(...CASE_SORTS[input.sort])
            .limit(Math.min(EXPORT_CHUNK, n - offset))
            .offset(offset)
            .all();
          offset += rows.length;
          return rows.map((c) => toCaseRow(c, cal, t));
        },
        onProgress: (d) => p.set(d),
      });
      return { fileName: safeName(`${title}${period}.xlsx`), mime: XLSX_MIME, buf };
    });
  },

  'reports.statistics': (ctx, input) => {
    checkPeriod(input);
    const specialistName = input.responsibleId ? userName(ctx, input.responsibleId) : null;
    ctx.tx(() => ctx.audit({ action: 'export', entity: 'statistics', entityId: null, after: input }));
    return jobsOf(ctx.services).start(ctx.user.id, `statistics_${input.format}`, 3, async (p) => {
      const stats = periodStatistics(ctx, input);
      p.set(1);
      const snapshot = openSnapshot(ctx, input);
      p.set(2);
      const data = {
        officeName: toOfficeView(officeRow(ctx.db)).name,
        from: input.from,
        to: input.to,
        specialistName,
        stats,
        snapshot,
        generatedAt: ctx.now().toISOString(),
        generatedBy: `${ctx.user.position} ${ctx.user.fullName}`,
      };
      const buf = input.format === 'docx' ? await buildStatisticsReport(data) : await buildStatisticsXlsx(data);
      const fileName = safeName(`Статистический отчёт ${formatRuDate(input.from)}—${formatRuDate(input.to)}.${input.format}`);
      return { fileName, mime: input.format === 'docx' ? DOCX_MIME : XLSX_MIME, buf };
    });
  },
  'exports.status': (ctx, input) => jobsOf(ctx.services).status(ctx.user.id, input.jobId),
  'exports.download': (ctx, input) => {
    const f = jobsOf(ctx.services).take(ctx.user.id, input.jobId);
    return { fileName: f.fileName, mime: f.mime, base64: f.buf.toString('base64') };
  },

  'complaints.register': (ctx, input) => registerComplaint(ctx, input),
  'complaints.update': (ctx, input) => updateComplaint(ctx, input.id, input.complaint),
  'complaints.get': (ctx, input) => complaintView(ctx, loadComplaint(ctx.db, input.id)),
  'complaints.list': (ctx, input) => listComplaints(ctx, input),
  'complaints.forward': (ctx, input) => forwardComplaint(ctx, input),
  'complaints.decide': (ctx, input) => decideComplaint(ctx, input),
  'complaints.recordAnswer': (ctx, input) => recordComplaintAnswer(ctx, input),
  'complaints.recordRemedy': (ctx, input) => recordComplaintRemedy(ctx, input),
  'complaints.answerLetter': async (ctx, input) => {
    const c = loadComplaint(ctx.db, input.id);
    if (c.outcome !== 'satisfied' && c.outcome !== 'refused') {
      throw new ApiError('CONFLICT', c.outcome === 'left_unanswered' ? 'Жалоба оставлена без ответа (п. 73): ответ не направляется.' : 'Ответ составляется после решения по жалобе.');
    }
    const office = toOfficeView(officeRow(ctx.db));
    const a = c.applicant;
    const buf = await buildComplaintAnswer({
      office,
      complaint: {
        number: c.number,
        receivedDate: c.receivedDate,
        registeredDate: todayIso(new Date(c.registeredAt)),
        applicant: a,
        subjectOfficial: c.subjectOfficial,
        subjectDecision: c.subjectDecision,
        subjects: c.subjects,
        outcome: c.outcome,
        ground: c.outcomeGround,
        decidingBody: c.decidingBody!,
        decidedByPosition: c.decidedByPosition!,
        decidedByName: c.decidedByName!,
        decisionNumber: c.decisionNumber!,
        decisionDate: c.decisionDate!,
        decisionPlace: c.decisionPlace!,
        reasons: c.decisionReasons!,
        measures: c.measures,
        remedyDue: c.dueRemedy,
      },
      answerNumber: c.answerNumber,
      answerDate: c.answerDate,
      executor: { name: ctx.user.fullName, position: ctx.user.position, phone: office.phone },
    });
    ctx.tx(() => ctx.audit({ action: 'print', entity: 'complaint', entityId: c.id, after: { form: 'complaint-answer' } }));
    return docxFile(safeName(`Ответ на жалобу ${c.number}.docx`), buf);
  },

  'ippsu.reviews': (ctx, input) => reviewList(ctx, input),
  'ippsu.reviewPrefill': (ctx, input) => reviewPrefill(ctx, input.decisionId),
  'persons.recordChange': (ctx, input) => recordCircumstanceChange(ctx, input),
  'persons.changes': (ctx, input) => circumstanceChangeList(ctx.db, input.personId),

  'terms.list': (ctx) => termVersions(ctx.db),
  'terms.save': (ctx, input) =>
    ctx.tx(() => {
      const key = and(eq(deadlineTerms.code, input.code), eq(deadlineTerms.effectiveFrom, input.effectiveFrom));
      const before = ctx.db.select().from(deadlineTerms).where(key).get();
      const previous = termVersions(ctx.db).filter((v) => v.code === input.code && v.effectiveFrom < input.effectiveFrom).pop();
      const template = before ?? previous;
      if (!template || !TERM_CODES.includes(input.code as TermCode)) throw new ApiError('NOT_FOUND', 'Срок не найден в справочнике.');
      const values = { days: input.days, basis: input.basis, locallyModified: true };
      if (before) ctx.db.update(deadlineTerms).set(values).where(key).run();
      else ctx.db.insert(deadlineTerms).values({ code: input.code, effectiveFrom: input.effectiveFrom, paragraph: template.paragraph, title: template.title, seedHash: null, ...values }).run();
      ctx.audit({ action: before ? 'update' : 'create', entity: 'deadline_term', entityId: `${input.code}@${input.effectiveFrom}`, before: before ?? null, after: { ...input } });
      return termVersions(ctx.db);
    }),

  'notifications.counts': (ctx) => notificationCounts(ctx),
  'notifications.list': (ctx, input) => notificationList(ctx, input),
  'notifications.markRead': (ctx, input) => ({ changed: markRead(ctx, 'all' in input ? 'all' : input.ids) }),
};
