/**
 * The API of the office's control (issue 10): assignment of the responsible
 * specialist, the sign-off queue (p.46), «Мои дела», the control dashboard
 * (p.48), statistical reports and XLSX exports as jobs with progress, the
 * complaints register (p.55–76), ИППСУ terms and reviews, the deadline terms
 * as data, per-user notifications. Spread into `methods` by contract.ts.
 */
import { z } from 'zod';
import { ASSIGNMENT_RULES } from '../domain/assignment';
import { CASE_STATUSES } from '../domain/case-states';
import { TERM_CODES } from '../domain/deadline-terms';
import { CHANNELS } from '../domain/deadlines';
import { CIRCUMSTANCE_CHANGES } from '../domain/ippsu-term';
import { REFUSAL_GROUND_CODES } from '../domain/refusal-grounds';
import { SUBSERVICE_CODES } from '../domain/checklists';
import {
  ComplaintAnswerInput,
  ComplaintFilters,
  ComplaintInput,
  ComplaintRemedyInput,
  ComplaintRow,
  ComplaintView,
  DecideComplaintInput,
  ForwardComplaintInput,
  UpdateComplaintInput,
} from './complaints';
import type { MethodDef } from './contract';
import { CASE_OUTCOMES } from './control-filters';
import { DECISION_KINDS } from './processing';
import { CaseFilters, CaseRow, CaseView, FileOut } from './reception';
import { id, isoDate, optText, text } from './schemas';

function method<I extends z.ZodType, O extends z.ZodType>(def: MethodDef<I, O>): MethodDef<I, O> {
  return def;
}

const page = {
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(500).default(100),
};

// ---------------------------------------------------------------- views

export const AssignmentSettingsView = z.object({
  rule: z.enum(ASSIGNMENT_RULES, { error: 'Выберите правило назначения ответственного' }),
  /** Sub-service code → id of its default specialist. */
  defaults: z.partialRecord(z.enum(SUBSERVICE_CODES), id).default({}),
});

const Figure = z.object({ count: z.number(), filter: CaseFilters });
const ComplaintFigure = z.object({ count: z.number(), filter: ComplaintFilters });

export const MyCaseRow = CaseRow.extend({
  actions: z.array(
    z.object({
      kind: z.enum(['draft_returned', 'requests_overdue', 'requests_due', 'answers_arrived', 'requests_to_send', 'awaiting_signature', 'unsigned_draft']),
      text: z.string(),
      count: z.number().nullable(),
      date: z.string().nullable(),
    }),
  ),
});

export const SignoffRow = z.object({
  case: CaseRow,
  decisionId: z.number(),
  decisionKind: z.enum(DECISION_KINDS),
  version: z.number(),
  draftedByName: z.string(),
  submittedAt: z.string().nullable(),
  submittedByName: z.string().nullable(),
  submitNote: z.string().nullable(),
  /** p.46: the decision term runs until signing. */
  dueDecision: z.string(),
  decisionUrgency: z.enum(['overdue', 'today', 'soon', 'later']),
});

const urgencies = ['overdue', 'today', 'soon'] as const;

export const DashboardView = z.object({
  today: isoDate,
  byStatus: z.array(Figure.extend({ status: z.enum(CASE_STATUSES) })),
  byDeadline: z.array(
    Figure.extend({ urgency: z.enum(urgencies), byKind: z.array(Figure.extend({ kind: z.enum(['requests', 'decision', 'result', 'issue']) })) }),
  ),
  perSpecialist: z.array(z.object({ responsibleId: z.number().nullable(), name: z.string().nullable(), open: Figure, overdue: Figure })),
  unassigned: Figure,
  complaints: z.object({ open: ComplaintFigure, overdue: ComplaintFigure, dueToday: ComplaintFigure, soon: ComplaintFigure }),
  period: z.object({
    from: isoDate,
    to: isoDate,
    registered: Figure,
    months: z.array(
      z.object({
        month: z.string(),
        total: Figure,
        bySubservice: z.array(Figure.extend({ subservice: z.string() })),
        byChannel: z.array(Figure.extend({ channel: z.enum(CHANNELS) })),
      }),
    ),
    lateRegistrations: Figure.extend({ byChannel: z.array(Figure.extend({ channel: z.enum(CHANNELS) })) }),
    outcomes: z.array(Figure.extend({ outcome: z.enum(CASE_OUTCOMES) })),
    refusalsByGround: z.array(Figure.extend({ ground: z.enum(REFUSAL_GROUND_CODES) })),
    durations: z.object({
      decided: Figure,
      onTime: Figure,
      late: Figure,
      shareOnTime: z.number(),
      byDay: z.array(Figure.extend({ days: z.number() })),
      more: Figure.extend({ days: z.number() }),
    }),
    compliance: z.array(
      z.object({
        stage: z.enum(['registration', 'requests', 'decision', 'result', 'issue']),
        paragraph: z.string(),
        title: z.string(),
        on_time: z.number(),
        late: z.number(),
        pending: z.number(),
        overdue: z.number(),
        done: z.number(),
        shareOnTime: z.number(),
      }),
    ),
  }),
});

export const JobStarted = z.object({ jobId: z.string(), total: z.number() });
export const JobStatus = z.object({
  jobId: z.string(),
  kind: z.string(),
  state: z.enum(['running', 'done', 'failed']),
  done: z.number(),
  total: z.number(),
  progress: z.number(),
  fileName: z.string().nullable(),
  error: z.string().nullable(),
});
const jobId = z.string().max(40, { error: 'Неверный идентификатор файла' }).uuid({ error: 'Неверный идентификатор файла' });

export const ReviewRowView = z.object({
  decisionId: z.number(),
  caseId: z.number(),
  journalNumber: z.string(),
  personId: z.number(),
  personName: z.string(),
  birthDate: z.string(),
  outgoingNumber: z.string().nullable(),
  programmeDate: z.string(),
  termUntil: z.string(),
  daysLeft: z.number(),
  state: z.enum(['expired', 'due', 'flagged']),
  reasons: z.array(z.string()),
  responsibleId: z.number().nullable(),
  responsibleName: z.string().nullable(),
  reviewCaseId: z.number().nullable(),
  reviewJournalNumber: z.string().nullable(),
});

export const CircumstanceChangeView = z.object({
  id: z.number(),
  date: z.string(),
  kind: z.enum(CIRCUMSTANCE_CHANGES),
  kindLabel: z.string(),
  note: z.string().nullable(),
  recordedAt: z.string(),
  recordedByName: z.string(),
});

export const TermVersionView = z.object({
  code: z.enum(TERM_CODES),
  effectiveFrom: z.string(),
  days: z.number(),
  paragraph: z.string(),
  title: z.string(),
  basis: z.string(),
  locallyModified: z.boolean(),
});

/** What a user is told; 'due_today' is computed when asked, the others are stored (notifications.kind). */
export const NOTIFICATION_KINDS = ['case_assigned', 'draft_returned', 'draft_submitted', 'complaint_assigned', 'due_today'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const NotificationView = z.object({
  key: z.string(),
  id: z.number().nullable(),
  at: z.string(),
  kind: z.enum(NOTIFICATION_KINDS),
  text: z.string(),
  caseId: z.number().nullable(),
  complaintId: z.number().nullable(),
  read: z.boolean(),
});

const complaintRoles = ['reception', 'specialist', 'head'] as const;

// ---------------------------------------------------------------- methods

export const controlMethods = {
  // ------------------------------------------------------------ assignment
  'assignment.settings': method({
    access: ['admin', 'head'],
    write: false,
    summary: 'The office rule for the responsible specialist at registration: the registering specialist, a default specialist per sub-service, or left for the head.',
    input: z.object({}).strict(),
    output: AssignmentSettingsView,
  }),
  'assignment.saveSettings': method({
    access: ['admin', 'head'],
    write: true,
    summary: 'Change the office rule of assignment at registration (cases already registered keep their specialist).',
    input: AssignmentSettingsView,
    output: AssignmentSettingsView,
  }),
  'cases.assign': method({
    access: ['head'],
    write: true,
    summary: 'The head makes a specialist responsible for an open case (null clears it); the change goes on the case timeline and is notified to the specialist.',
    input: z.object({ caseId: id, responsibleId: id.nullable(), note: optText(500) }),
    output: CaseView,
  }),

  // ------------------------------------------------------------ sign-off queue (p.46)
  'signoff.submit': method({
    access: ['specialist'],
    write: true,
    summary: 'p.46: send the drafted ИППСУ or refusal to the head for signing («На подпись»).',
    input: z.object({ caseId: id, comment: optText(1000) }),
    output: CaseView,
  }),
  'signoff.return': method({
    access: ['head'],
    write: true,
    summary: 'p.46: the head returns a draft for revision with a comment (on the timeline; the specialist sees it first in «Мои дела»).',
    input: z.object({ caseId: id, comment: text(2000) }),
    output: CaseView,
  }),
  'signoff.queue': method({
    access: ['head'],
    write: false,
    summary: '«На подпись»: drafts sent for signing, nearest decision deadline first. The head signs with decisions.sign.',
    input: z.object({}).strict(),
    output: z.array(SignoffRow),
  }),

  // ------------------------------------------------------------ my cases, dashboard
  'control.myCases': method({
    access: ['specialist', 'head'],
    write: false,
    summary: '«Мои дела»: a specialist’s open cases, returned drafts first, then by nearest deadline, with what needs their action. A head may look at any specialist’s.',
    input: z.object({ userId: id.optional(), ...page }),
    output: z.object({ rows: z.array(MyCaseRow), total: z.number() }),
  }),
  'control.dashboard': method({
    access: ['head'],
    write: false,
    summary: 'p.48: the control dashboard for a registration period and optionally one specialist; every figure has the filter (cases.list or complaints.list) that lists the cases behind it.',
    input: z.object({ from: isoDate, to: isoDate, responsibleId: id.optional() }),
    output: DashboardView,
  }),

  // ------------------------------------------------------------ reports and exports (jobs with progress)
  'exports.cases': method({
    access: 'user',
    write: true,
    summary: 'Start an XLSX export of the journal or of a filtered case list (the columns of the screen, Russian headers, dates as dates); poll exports.status, then exports.download.',
    input: CaseFilters.extend({
      layout: z.enum(['journal', 'cases']).default('cases'),
      sort: z.enum(['number_desc', 'number_asc', 'due_asc']).default('number_desc'),
    }),
    output: JobStarted,
  }),
  'reports.statistics': method({
    access: ['head'],
    write: true,
    summary: 'Start the statistical report for a period (counts, deadline compliance per stage, refusals by ground) as DOCX or XLSX; poll exports.status, then exports.download.',
    input: z.object({ from: isoDate, to: isoDate, responsibleId: id.optional(), format: z.enum(['docx', 'xlsx']) }),
    output: JobStarted,
  }),
  'exports.status': method({
    access: 'user',
    write: false,
    summary: 'Progress of an export started by the caller (rows done of total).',
    input: z.object({ jobId }),
    output: JobStatus,
  }),
  'exports.download': method({
    access: 'user',
    write: false,
    summary: 'The finished export file (once; then it is dropped).',
    input: z.object({ jobId }),
    output: FileOut,
  }),

  // ------------------------------------------------------------ complaints (p.55–76)
  'complaints.register': method({
    access: complaintRoles,
    write: true,
    summary: 'p.65–67: register a complaint with its number and deadlines (decision in 15 or 5 working days, p.61; forwarding in 3, p.64).',
    input: ComplaintInput,
    output: ComplaintView,
  }),
  'complaints.update': method({
    access: complaintRoles,
    write: true,
    summary: 'Correct a complaint’s details while it is under examination (deadlines follow).',
    input: UpdateComplaintInput,
    output: ComplaintView,
  }),
  'complaints.get': method({
    access: complaintRoles,
    write: false,
    summary: 'One complaint with its deadlines and the deadlines missed.',
    input: z.object({ id }),
    output: ComplaintView,
  }),
  'complaints.list': method({
    access: complaintRoles,
    write: false,
    summary: 'The complaints register, filtered (also by urgency of the nearest deadline, for «Сроки»), one page.',
    input: ComplaintFilters.extend({ sort: z.enum(['number_desc', 'due_asc']).default('number_desc'), ...page }),
    output: z.object({ rows: z.array(ComplaintRow), total: z.number() }),
  }),
  'complaints.forward': method({
    access: ['head'],
    write: true,
    summary: 'p.64: the complaint sent to the competent body (within 3 working days of registration).',
    input: ForwardComplaintInput,
    output: ComplaintView,
  }),
  'complaints.decide': method({
    access: ['head'],
    write: true,
    summary: 'p.68–73: the decision — satisfied (with the measures), refused on a ground of p.72, or left without an answer on a ground of p.73.',
    input: DecideComplaintInput,
    output: ComplaintView,
  }),
  'complaints.recordAnswer': method({
    access: complaintRoles,
    write: true,
    summary: 'p.71: the reasoned answer sent (no later than the day after the decision).',
    input: ComplaintAnswerInput,
    output: ComplaintView,
  }),
  'complaints.recordRemedy': method({
    access: ['specialist', 'head'],
    write: true,
    summary: 'p.69: the violations remedied (within 5 working days of a decision to satisfy).',
    input: ComplaintRemedyInput,
    output: ComplaintView,
  }),
  'complaints.answerLetter': method({
    access: complaintRoles,
    write: true,
    summary: 'p.70: the answer letter as DOCX (after the decision).',
    input: z.object({ id }),
    output: FileOut,
  }),

  // ------------------------------------------------------------ ИППСУ review
  'ippsu.reviews': method({
    access: ['specialist', 'head'],
    write: false,
    summary: '«Пересмотр ИППСУ»: programmes whose term ends within the horizon (default 60 days) or has ended, and those whose person’s circumstances changed.',
    input: z.object({
      horizonDays: z.number().int().min(1).max(366).default(60),
      expiredWithinDays: z.number().int().min(0).max(3650).default(365),
      ...page,
    }),
    output: z.object({ today: isoDate, rows: z.array(ReviewRowView), total: z.number() }),
  }),
  'ippsu.reviewPrefill': method({
    access: ['reception', 'specialist'],
    write: false,
    summary: 'The intake form pre-filled for an application to review a signed ИППСУ (register it with reviewOfDecisionId).',
    input: z.object({ decisionId: id }),
    output: z.object({
      reviewOfDecisionId: z.number(),
      reviewOf: z.object({ outgoingNumber: z.string().nullable(), date: z.string(), termUntil: z.string(), journalNumber: z.string() }),
      personId: z.number(),
      /** Register with it as `personRev`: a person changed meanwhile is refused. */
      personRev: z.number(),
      subservice: z.string(),
      applicant: z.record(z.string(), z.unknown()),
      representative: z.record(z.string(), z.unknown()).nullable(),
    }),
  }),
  'persons.recordChange': method({
    access: ['reception', 'specialist', 'head'],
    write: true,
    summary: 'Record a change of a person’s circumstances (e.g. disability established, the carer moved away): their programme is flagged for review.',
    input: z.object({ personId: id, date: isoDate, kind: z.enum(CIRCUMSTANCE_CHANGES, { error: 'Выберите, что изменилось' }), note: optText(1000) }),
    output: z.array(CircumstanceChangeView),
  }),
  'persons.changes': method({
    access: 'user',
    write: false,
    summary: 'The recorded changes of a person’s circumstances, newest first.',
    input: z.object({ personId: id }),
    output: z.array(CircumstanceChangeView),
  }),

  // ------------------------------------------------------------ deadline terms as data
  'terms.list': method({
    access: 'user',
    write: false,
    summary: 'The working-day terms (p.17, 35, 45, 46, 47, 61, 64, 67, 69, 71) in versions with their legal basis and date of effect.',
    input: z.object({}).strict(),
    output: z.array(TermVersionView),
  }),
  'terms.save': method({
    access: ['admin'],
    write: true,
    summary: 'Edit a version of a term or add one with a later date of effect (an amendment); cases and complaints already registered keep the terms they were registered with.',
    input: z.object({
      code: z.enum(TERM_CODES, { error: 'Выберите срок' }),
      effectiveFrom: isoDate,
      days: z.number({ error: 'Укажите число рабочих дней' }).int({ error: 'Целое число рабочих дней' }).min(0, { error: 'Не меньше 0' }).max(90, { error: 'Не больше 90 рабочих дней' }),
      basis: text(1000),
    }),
    output: z.array(TermVersionView),
  }),

  // ------------------------------------------------------------ notifications
  'notifications.counts': method({
    access: 'user',
    write: false,
    summary: 'Badge counts of the signed-in user: my cases overdue and due today, drafts returned to me, awaiting my signature (heads), unassigned cases (heads), complaints due, unread notifications.',
    input: z.object({}).strict(),
    output: z.object({
      today: isoDate,
      mineOverdue: z.number(),
      mineDueToday: z.number(),
      returnedToMe: z.number(),
      awaitingMySignature: z.number(),
      unassigned: z.number(),
      complaintsDue: z.number(),
      unread: z.number(),
    }),
  }),
  'notifications.list': method({
    access: 'user',
    write: false,
    summary: 'The signed-in user’s notifications, newest first: what is due today, then a case assigned to me, a draft returned, a draft awaiting signature.',
    input: z.object({ limit: z.number().int().min(1).max(200).default(50), unreadOnly: z.boolean().default(false) }),
    output: z.array(NotificationView),
  }),
  'notifications.markRead': method({
    access: 'user',
    write: true,
    summary: 'Mark the given notifications (or all) read.',
    input: z.union([z.object({ ids: z.array(id).min(1).max(500) }), z.object({ all: z.literal(true) })]),
    output: z.object({ changed: z.number() }),
  }),
} as const;

