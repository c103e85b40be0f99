/**
 * Tables of the office's control (regulation p.46, 48, 55–76): assignment
 * history, the deadline terms as data, the complaints register, changes of a
 * person's circumstances, and per-user notifications. Same conventions as
 * db/schema.ts: ISO-8601 UTC timestamps, 'YYYY-MM-DD' dates, booleans 0/1,
 * JSON as text.
 */
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type { z } from 'zod';
import type { ComplaintApplicant, ComplaintRepresentative } from '../core/api/complaints';
import { NOTIFICATION_KINDS } from '../core/api/control';
import { CASE_STATUSES } from '../core/domain/case-states';
import {
  COMPLAINT_ANSWER_METHODS,
  COMPLAINT_CHANNELS,
  COMPLAINT_DEADLINE_KINDS,
  COMPLAINT_GROUND_CODES,
  COMPLAINT_OUTCOMES,
  COMPLAINT_STATUSES,
  COMPLAINT_SUBJECTS,
  type ComplaintSubject,
} from '../core/domain/complaints';
import { TERM_CODES, type ComplaintTerms } from '../core/domain/deadline-terms';
import { CIRCUMSTANCE_CHANGES } from '../core/domain/ippsu-term';
import { cases, jsonArrayOf, oneOf, persons, users } from './schema';

/** Who was made responsible for a case, by whom, when (shown on the case's timeline). */
export const caseAssignments = sqliteTable(
  'case_assignments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id),
    at: text('at').notNull(),
    /** The case's state at the time (the timeline shows it). */
    caseStatus: text('case_status', { enum: CASE_STATUSES }).notNull(),
    /** Null: assigned at registration by the office's rule. */
    assignedBy: integer('assigned_by').references(() => users.id),
    assignedByName: text('assigned_by_name'),
    responsibleId: integer('responsible_id').references(() => users.id),
    responsibleName: text('responsible_name'),
    previousId: integer('previous_id').references(() => users.id),
    previousName: text('previous_name'),
    note: text('note'),
  },
  (t) => [index('case_assignments_case_idx').on(t.caseId), oneOf('case_assignments', t.caseStatus)],
);

/**
 * Working-day terms (p.17, 35, 45, 46, 47, 61, 64, 67, 69, 71) in versions by
 * date of effect. Seeded from resources/reference/deadline-terms.json; a
 * version the administrator edited or added is kept as edited.
 */
export const deadlineTerms = sqliteTable(
  'deadline_terms',
  {
    code: text('code', { enum: TERM_CODES }).notNull(),
    effectiveFrom: text('effective_from').notNull(),
    days: integer('days').notNull(),
    paragraph: text('paragraph').notNull(),
    title: text('title').notNull(),
    basis: text('basis').notNull(),
    locallyModified: integer('locally_modified', { mode: 'boolean' }).notNull().default(false),
    seedHash: text('seed_hash'),
  },
  (t) => [primaryKey({ columns: [t.code, t.effectiveFrom] }), oneOf('deadline_terms', t.code)],
);

/** The complaints register (p.55–76): one row per complaint, its deadlines stored and refreshed like a case's. */
export const complaints = sqliteTable(
  'complaints',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    officeCode: text('office_code').notNull(),
    year: integer('year').notNull(),
    seq: integer('seq').notNull(),
    number: text('number').notNull(),
    receivedDate: text('received_date').notNull(),
    registeredAt: text('registered_at').notNull(),
    registeredBy: integer('registered_by')
      .notNull()
      .references(() => users.id),
    registeredByName: text('registered_by_name').notNull(),
    channel: text('channel', { enum: COMPLAINT_CHANNELS }).notNull(),
    /** p.57: to whom the complaint is addressed. */
    addressee: text('addressee').notNull(),
    /** p.65: the office, official or specialist whose decision or action is complained of. */
    subjectOfficial: text('subject_official').notNull(),
    /** p.65: the decision or action (inaction) complained of. */
    subjectDecision: text('subject_decision').notNull(),
    /** p.56 subjects (JSON array of codes). */
    subjects: text('subjects', { mode: 'json' }).$type<ComplaintSubject[]>().notNull(),
    /** p.65: the applicant — ФИО, residence, phones, e-mail, postal address for the answer. */
    applicant: text('applicant', { mode: 'json' }).$type<z.output<typeof ComplaintApplicant>>().notNull(),
    /** p.57: a representative and the document of authority. */
    representative: text('representative', { mode: 'json' }).$type<z.output<typeof ComplaintRepresentative> | null>(),
    /** p.65: the arguments (доводы). */
    substance: text('substance').notNull(),
    /** p.65: documents attached (JSON [{ title, sheets }]). */
    attachments: text('attachments', { mode: 'json' }).$type<{ title: string; sheets: number | null }[]>().notNull(),
    answerByEmail: integer('answer_by_email', { mode: 'boolean' }).notNull().default(false),
    caseId: integer('case_id').references(() => cases.id),
    /** Who prepares the answer (null: the heads). */
    responsibleId: integer('responsible_id').references(() => users.id),
    /** False when another body is competent (p.64). */
    competent: integer('competent', { mode: 'boolean' }).notNull().default(true),
    status: text('status', { enum: COMPLAINT_STATUSES }).notNull(),
    appliedTerms: text('applied_terms', { mode: 'json' }).$type<ComplaintTerms>().notNull(),
    dueRegistration: text('due_registration').notNull(),
    dueDecision: text('due_decision'),
    dueForwarding: text('due_forwarding'),
    dueRemedy: text('due_remedy'),
    dueAnswer: text('due_answer'),
    nextDue: text('next_due'),
    nextDueKind: text('next_due_kind', { enum: COMPLAINT_DEADLINE_KINDS }),
    forwardedTo: text('forwarded_to'),
    forwardedDate: text('forwarded_date'),
    decisionDate: text('decision_date'),
    decisionNumber: text('decision_number'),
    decisionPlace: text('decision_place'),
    decidingBody: text('deciding_body'),
    decidedBy: integer('decided_by').references(() => users.id),
    decidedByName: text('decided_by_name'),
    decidedByPosition: text('decided_by_position'),
    outcome: text('outcome', { enum: COMPLAINT_OUTCOMES }),
    /** p.72 (refused) or p.73 (left unanswered). */
    outcomeGround: text('outcome_ground', { enum: COMPLAINT_GROUND_CODES }),
    /** The grounds of the decision (p.70), as the answer states them. */
    decisionReasons: text('decision_reasons'),
    /** Satisfied: the measures and their terms, incl. the term to provide the result (p.69–70). */
    measures: text('measures'),
    remedyDoneDate: text('remedy_done_date'),
    answerDate: text('answer_date'),
    answerMethod: text('answer_method', { enum: COMPLAINT_ANSWER_METHODS }),
    answerNumber: text('answer_number'),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('complaints_number_uq').on(t.officeCode, t.year, t.seq),
    index('complaints_next_due_idx').on(t.nextDue),
    index('complaints_case_idx').on(t.caseId),
    index('complaints_status_idx').on(t.status),
    oneOf('complaints', t.channel),
    jsonArrayOf('complaints', t.subjects, COMPLAINT_SUBJECTS),
    oneOf('complaints', t.status),
    oneOf('complaints', t.nextDueKind),
    oneOf('complaints', t.outcome),
    oneOf('complaints', t.outcomeGround),
    oneOf('complaints', t.answerMethod),
  ],
);

/** A change of a person's circumstances (442-ФЗ ст. 16): flags their programme for review. */
export const circumstanceChanges = sqliteTable(
  'circumstance_changes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    personId: integer('person_id')
      .notNull()
      .references(() => persons.id),
    date: text('date').notNull(),
    kind: text('kind', { enum: CIRCUMSTANCE_CHANGES }).notNull(),
    note: text('note'),
    recordedAt: text('recorded_at').notNull(),
    recordedBy: integer('recorded_by')
      .notNull()
      .references(() => users.id),
    recordedByName: text('recorded_by_name').notNull(),
  },
  (t) => [index('circumstance_changes_person_idx').on(t.personId), oneOf('circumstance_changes', t.kind)],
);

/**
 * What a user is told (a case assigned to them, a draft returned, a draft
 * awaiting their signature), written in the same transaction as the event.
 * Things due today are computed when asked, not stored.
 */
export const notifications = sqliteTable(
  'notifications',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    at: text('at').notNull(),
    kind: text('kind', { enum: NOTIFICATION_KINDS }).notNull(),
    caseId: integer('case_id').references(() => cases.id),
    complaintId: integer('complaint_id').references(() => complaints.id),
    text: text('text').notNull(),
    readAt: text('read_at'),
  },
  (t) => [index('notifications_user_idx').on(t.userId, t.readAt, t.id), oneOf('notifications', t.kind)],
);
