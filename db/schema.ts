/**
 * The database schema (drizzle-orm, SQLite). Migrations are generated from
 * this file with `npm run db:generate` and committed under db/migrations.
 *
 * Conventions: timestamps are ISO-8601 UTC strings ('2026-11-25T16:30:00.000Z'),
 * calendar dates are 'YYYY-MM-DD', booleans are integers 0/1.
 */
import { sql } from 'drizzle-orm';
import { blob, check, index, integer, primaryKey, sqliteTable, text, uniqueIndex, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { z } from 'zod';
import { REF_KINDS, DRAFT_KINDS } from '../core/api/contract';
import { DECISION_KINDS, DECISION_STATUSES, ISSUE_METHODS, ISSUE_RECIPIENTS, REQUEST_CHANNELS } from '../core/api/processing';
import { SERVICE_FORMS, SERVICE_TYPES, URGENT_SERVICE_TYPE, type IppsuDraft, type RefusalDraft, type ServiceForm } from '../core/api/decision';
import { CITIZENSHIPS, DOC_FORMS, DOC_STATES, SEXES, type ApplicationDetails, type IdDoc, type PersonInput, type RepresentativeInput } from '../core/api/reception';
import { ROLES, type Role } from '../core/api/schemas';
import { CALENDAR_DAY_KINDS } from '../core/domain/calendar';
import { CASE_STATUSES } from '../core/domain/case-states';
import { CHECKLIST_SOURCES, INCOME_EXEMPTION_CODES, SUBSERVICE_CODES, type ApplicantCircumstances } from '../core/domain/checklists';
import type { CaseTerms } from '../core/domain/deadline-terms';
import { CHANNELS, DEADLINE_KINDS } from '../core/domain/deadlines';
import type { AddressParts } from '../core/domain/address';
import type { ScaleAnswers } from '../core/domain/scales';

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`;

// ------------------------------------------------------------------ enumerations

/*
 * Enumerations. An enum column is `text(name, { enum: LIST })` with LIST the
 * const tuple the API and the domain use (never a copy here), so its
 * TypeScript type is that union; `oneOf` turns the same list into a CHECK
 * constraint, so a value outside it is refused by the database file itself,
 * whoever writes (raw SQL, the benchmark's generators, the sqlite3 CLI). A
 * JSON array of such values (users.roles) gets `jsonArrayOf`. NULL passes:
 * nullable columns stay optional.
 *
 * A list that changes needs a migration. drizzle-kit writes a rebuild of the
 * table (create, copy, drop, rename; db/migrate.ts runs it with foreign keys
 * off and checks them before commit); for a big table (cases, persons,
 * case_documents) replace that SQL by hand with ALTER TABLE … DROP CONSTRAINT
 * and ADD CONSTRAINT (SQLite 3.53), as 0011_enum_checks does: it checks the
 * rows in place, seconds instead of a minute on a 200,000-case register. A
 * value is never removed from a list while rows may hold it: the upgrade
 * would fail on them and roll back.
 *
 * STRICT tables: not used, deliberately (issue 11 asked for them where
 * drizzle allows; it does not). drizzle-kit 0.31 cannot declare STRICT (open
 * pull requests drizzle-orm #5389 / #5907), so STRICT would live only in
 * hand-edited migration SQL, and SQLite cannot make a table STRICT in place:
 * every table would be rebuilt (0011's CHECKs as drizzle-kit's rebuilds of 24
 * tables took 55-85 s on the 200,000-case register, against 8 s in place).
 * Every later drizzle-kit rebuild of a table would then recreate it without
 * STRICT unless someone edits the SQL again, the snapshots never knowing: a
 * mix of strict and non-strict tables drifting with each change. SQLite
 * before 3.37 (older inspection tools) cannot open such a file at all. What
 * STRICT would add here is small: every write goes through drizzle with these
 * column types, storage classes follow the declared affinity, and the
 * enumerations, the values that steer the procedure, are CHECKed. Revisit
 * when drizzle-kit declares STRICT itself (then all tables at once).
 */

/** An SQL string literal (values are code constants, quoted anyway). */
const literal = (v: string | number) => (typeof v === 'number' ? String(v) : `'${v.replaceAll("'", "''")}'`);

/**
 * CHECK: the column holds one of `values` (default: the column's own enum).
 * The column is named bare, not table-qualified, so the constraint survives
 * drizzle-kit's rebuild into `__new_<table>`. A nullable column says
 * `is null or` outright: a CHECK lets NULL pass anyway, but SQLite's ALTER
 * TABLE ADD CONSTRAINT, which checks the rows already there, refuses a row
 * whose CHECK is NULL (SQLite 3.53).
 */
export function oneOf(table: string, column: { name: string; notNull: boolean; enumValues?: readonly string[] }, values: readonly (string | number)[] = column.enumValues ?? []) {
  if (values.length === 0) throw new Error(`${table}.${column.name}: no values to check`);
  const c = `"${column.name}"`;
  return check(`${table}_${column.name}_check`, sql.raw(`${column.notNull ? '' : `${c} is null or `}${c} in (${values.map(literal).join(', ')})`));
}

/**
 * CHECK: the column is a JSON array (as drizzle writes it, JSON.stringify)
 * of strings from `values`. SQLite allows no subquery (json_each) in a
 * CHECK, so each allowed element is stripped and only `[` `,` `]` may remain.
 */
export function jsonArrayOf(table: string, column: { name: string; notNull: boolean }, values: readonly string[]) {
  const c = `"${column.name}"`;
  const stripped = values.reduce((e, v) => `replace(${e}, ${literal(JSON.stringify(v))}, '')`, `replace(${c}, ' ', '')`);
  const array = `json_valid(${c}) and json_type(${c}) = 'array' and replace(${stripped}, ',', '') = '[]'`;
  return check(`${table}_${column.name}_check`, sql.raw(column.notNull ? array : `${c} is null or (${array})`));
}

/** persons.id_doc: the IdDoc of the person schema, a missing series stored as null. */
export type StoredIdDoc = Omit<IdDoc, 'series'> & { series: string | null };
/**
 * cases.applicant: the applicant as entered at registration (the person
 * schema's output). A case registered before a field existed lacks it (the
 * address parts before 0010): read such fields as possibly absent.
 */
export type CaseApplicant = z.output<typeof PersonInput>;
export type CaseRepresentative = z.output<typeof RepresentativeInput>;

/**
 * The revision of a record people edit: every change bumps `rev` and records
 * who and when; a save names the revision it edits, and a stale one is
 * refused (main/backend/revisions.ts). `updated_by` is null for changes made
 * by the program itself (reference upgrades, the portal exchange).
 */
const revision = () => ({
  rev: integer('rev').notNull().default(1),
  updatedAt: text('updated_at'),
  updatedBy: integer('updated_by').references((): AnySQLiteColumn => users.id),
});

/** Key-value settings of this installation (chosen office, first-run flag, …). */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

export const users = sqliteTable('users', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  username: text('username').notNull().unique(),
  fullName: text('full_name').notNull(),
  position: text('position').notNull(),
  /** JSON array of roles (ROLES): ["reception","specialist","head","admin","exchange"]. */
  roles: text('roles', { mode: 'json' }).$type<Role[]>().notNull(),
  passwordHash: text('password_hash').notNull(),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  failedLogins: integer('failed_logins').notNull().default(0),
  lockedUntil: text('locked_until'),
  lastLoginAt: text('last_login_at'),
  createdAt: text('created_at').notNull().default(now),
  ...revision(),
}, (t) => [jsonArrayOf('users', t.roles, ROLES)]);

/**
 * Signed-in sessions, on every workstation (the cookie or the shell carries the
 * token; only its hash is stored). A session ends at `expiresAt`, after the
 * office's idle limit without activity, or when its user's password, lock or
 * active flag changes.
 */
export const sessions = sqliteTable(
  'sessions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    tokenHash: text('token_hash').notNull().unique(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: text('created_at').notNull(),
    expiresAt: text('expires_at').notNull(),
    /** Last call the user made (idle timeout). */
    lastActivityAt: text('last_activity_at').notNull(),
    /** Where the calls come from: the workstation's address ('local' for this computer's own window). */
    source: text('source').notNull().default('local'),
    /** The workstation's name as its Socdesk reports it (shown to the administrator; informational). */
    workstation: text('workstation'),
  },
  (t) => [index('sessions_user').on(t.userId)],
);

/**
 * Failed sign-ins of administrators, counted per workstation: a stranger who
 * types an administrator's name locks that name out of their own workstation
 * only, never out of the administrator's.
 */
export const adminLoginLocks = sqliteTable(
  'admin_login_locks',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    source: text('source').notNull(),
    failures: integer('failures').notNull().default(0),
    lockedUntil: text('locked_until'),
  },
  (t) => [primaryKey({ columns: [t.userId, t.source] })],
);

/** Every write: who, when, which entity, before and after; a hash chain, append-only (triggers in 0008). */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: text('at').notNull(),
    userId: integer('user_id').references(() => users.id),
    username: text('username'),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id'),
    before: text('before', { mode: 'json' }),
    after: text('after', { mode: 'json' }),
    /** SHA-256 (hex) over the previous row's hash and this row's canonical content: see db/audit-chain.ts. */
    hash: text('hash'),
  },
  (t) => [index('audit_at_idx').on(t.at), index('audit_entity_idx').on(t.entity, t.entityId), index('audit_user_idx').on(t.userId)],
);

/**
 * Reference data seeded from resources/reference: offices (Appendix 1), MFC
 * offices (Appendix 2), agencies (p.14), sub-services (p.1). A record edited
 * by the administrator is flagged locally_modified and never overwritten by a
 * later seed.
 */
export const refItems = sqliteTable(
  'ref_items',
  {
    kind: text('kind', { enum: REF_KINDS }).notNull(),
    code: text('code').notNull(),
    number: integer('number'),
    name: text('name').notNull(),
    shortName: text('short_name'),
    address: text('address'),
    phone: text('phone'),
    email: text('email'),
    details: text('details', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    locallyModified: integer('locally_modified', { mode: 'boolean' }).notNull().default(false),
    /** Hash of the seed record last applied, to tell whether the seed changed. */
    seedHash: text('seed_hash'),
    ...revision(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.code] }), oneOf('ref_items', t.kind)],
);

/** Years covered by the production calendar. */
export const calendarYears = sqliteTable('calendar_years', {
  year: integer('year').primaryKey(),
  source: text('source').notNull(),
  confirmed: integer('confirmed', { mode: 'boolean' }).notNull(),
  locallyModified: integer('locally_modified', { mode: 'boolean' }).notNull().default(false),
  seedHash: text('seed_hash'),
  ...revision(),
});

/** Exceptions to the Mon–Fri week: holidays, transferred days off, working weekend days. */
export const calendarDays = sqliteTable(
  'calendar_days',
  {
    date: text('date').primaryKey(),
    year: integer('year')
      .notNull()
      .references(() => calendarYears.year),
    kind: text('kind', { enum: CALENDAR_DAY_KINDS }).notNull(),
    note: text('note'),
  },
  (t) => [index('calendar_days_year_idx').on(t.year), oneOf('calendar_days', t.kind)],
);

// ------------------------------------------------------------------ reception

/**
 * A person (applicant, or the minor an application is for). One record is
 * reused across all their cases. `searchName` is the folded ФИО (lower case,
 * ё → е) that search uses; `snils` is 11 digits without separators.
 */
export const persons = sqliteTable(
  'persons',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    lastName: text('last_name').notNull(),
    firstName: text('first_name').notNull(),
    middleName: text('middle_name'),
    birthDate: text('birth_date').notNull(),
    sex: text('sex', { enum: SEXES }).notNull(),
    snils: text('snils'),
    citizenship: text('citizenship', { enum: CITIZENSHIPS }).notNull(),
    /** Identity document: { kind, series, number, issuer, issueDate }. */
    idDoc: text('id_doc', { mode: 'json' }).$type<StoredIdDoc>().notNull(),
    /** The one-line address every form prints; made from the parts when they are given. */
    regAddress: text('reg_address'),
    actualAddress: text('actual_address'),
    /** The addresses in parts (ИППСУ item 4); null for a person entered before the parts were asked. */
    regAddressParts: text('reg_address_parts', { mode: 'json' }).$type<AddressParts | null>(),
    actualAddressParts: text('actual_address_parts', { mode: 'json' }).$type<AddressParts | null>(),
    phone: text('phone'),
    email: text('email'),
    searchName: text('search_name').notNull(),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    rev: integer('rev').notNull().default(1),
    updatedBy: integer('updated_by').references(() => users.id),
  },
  (t) => [
    index('persons_snils_idx').on(t.snils),
    index('persons_name_birth_idx').on(t.searchName, t.birthDate),
    oneOf('persons', t.sex),
    oneOf('persons', t.citizenship),
  ],
);

/**
 * A case: one application registered in the journal. The journal number is
 * sequential per office per calendar year (journal_counters), gap-free and
 * never reused; an annulled registration stays in the journal with its reason.
 */
export const cases = sqliteTable(
  'cases',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    officeCode: text('office_code').notNull(),
    journalYear: integer('journal_year').notNull(),
    journalSeq: integer('journal_seq').notNull(),
    journalNumber: text('journal_number').notNull(),
    personId: integer('person_id')
      .notNull()
      .references(() => persons.id),
    /** The applicant's data as at registration (what the receipt prints). */
    applicant: text('applicant', { mode: 'json' }).$type<CaseApplicant>().notNull(),
    representative: text('representative', { mode: 'json' }).$type<CaseRepresentative | null>(),
    subservice: text('subservice', { enum: SUBSERVICE_CODES }).notNull(),
    channel: text('channel', { enum: CHANNELS }).notNull(),
    mfcCode: text('mfc_code'),
    /** The income-exemption category (льготная категория), if any. */
    lgota: text('lgota', { enum: INCOME_EXEMPTION_CODES }),
    /** Answers that shape the checklist. */
    circumstances: text('circumstances', { mode: 'json' }).$type<ApplicantCircumstances>().notNull(),
    /** The 159н application's own fields (ApplicationDetails); null before they were asked. */
    application: text('application', { mode: 'json' }).$type<ApplicationDetails | null>(),
    receivedAt: text('received_at').notNull(),
    registeredAt: text('registered_at').notNull(),
    registeredBy: integer('registered_by')
      .notNull()
      .references(() => users.id),
    registeredByName: text('registered_by_name').notNull(),
    registeredByPosition: text('registered_by_position').notNull(),
    status: text('status', { enum: CASE_STATUSES }).notNull(),
    annulReason: text('annul_reason'),
    annulledAt: text('annulled_at'),
    annulledBy: integer('annulled_by').references(() => users.id),
    /** Working-day deadlines (ISO dates), recomputed when the calendar changes. */
    dueRegistration: text('due_registration'),
    dueRequests: text('due_requests'),
    dueDecision: text('due_decision').notNull(),
    dueResult: text('due_result').notNull(),
    /** The nearest deadline still open; null when none (closed or annulled). */
    /** p.47: the result is issued within 5 working days of signing. */
    dueIssue: text('due_issue'),
    nextDue: text('next_due'),
    nextDueKind: text('next_due_kind', { enum: DEADLINE_KINDS }),
    portalId: text('portal_id'),
    /** The specialist responsible for the case (null: left for the head to assign); history in case_assignments. */
    responsibleId: integer('responsible_id').references(() => users.id),
    responsibleName: text('responsible_name'),
    /** The working-day terms in force at registration (core/domain/deadline-terms), kept when the terms change later. */
    appliedTerms: text('applied_terms', { mode: 'json' }).$type<CaseTerms>(),
    /** An application for the review of this signed ИППСУ. */
    reviewOfDecisionId: integer('review_of_decision_id').references((): AnySQLiteColumn => caseDecisions.id),
    ...revision(),
  },
  (t) => [
    uniqueIndex('cases_journal_uq').on(t.officeCode, t.journalYear, t.journalSeq),
    index('cases_number_idx').on(t.journalYear, t.journalSeq),
    // Each list filter has an index in journal order, so a filtered page is read in order and stops at its end;
    // the other filter columns ride along, so combined filters are checked in the index without reading rows.
    index('cases_person_idx').on(t.personId),
    index('cases_next_due_idx').on(t.nextDue),
    index('cases_status_idx').on(t.status, t.journalYear, t.journalSeq, t.subservice, t.channel, t.registeredBy),
    index('cases_subservice_idx').on(t.subservice, t.journalYear, t.journalSeq, t.status, t.channel, t.registeredBy),
    index('cases_channel_idx').on(t.channel, t.journalYear, t.journalSeq, t.status, t.subservice, t.registeredBy),
    index('cases_registered_by_idx').on(t.registeredBy, t.journalYear, t.journalSeq, t.status, t.subservice, t.channel),
    // «Мои дела», the open cases on the dashboard (read from this index alone), the list filter by responsible specialist.
    index('cases_open_idx').on(t.status, t.responsibleId, t.nextDue, t.nextDueKind),
    index('cases_responsible_journal_idx').on(t.responsibleId, t.journalYear, t.journalSeq),
    // Period statistics read a period's registrations with what they are counted by, from the index alone.
    index('cases_registered_stats_idx').on(t.registeredAt, t.subservice, t.channel, t.status, t.responsibleId, t.receivedAt, t.dueRegistration, t.dueResult),
    oneOf('cases', t.subservice),
    oneOf('cases', t.channel),
    oneOf('cases', t.lgota),
    oneOf('cases', t.status),
    oneOf('cases', t.nextDueKind),
  ],
);

/**
 * The office's registers with sequential numbers: the registration journal,
 * outgoing documents (requests, signed results), the complaints register.
 */
export const JOURNAL_REGISTERS = ['application', 'outgoing', 'complaint'] as const;

/** Last number issued per office, register and year. */
export const journalCounters = sqliteTable(
  'journal_counters',
  {
    officeCode: text('office_code').notNull(),
    register: text('register', { enum: JOURNAL_REGISTERS }).notNull(),
    year: integer('year').notNull(),
    lastSeq: integer('last_seq').notNull(),
  },
  (t) => [primaryKey({ columns: [t.officeCode, t.register, t.year] }), oneOf('journal_counters', t.register)],
);

/** The case's document checklist (p.19–23, p.25), one row per item. */
export const caseDocuments = sqliteTable(
  'case_documents',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id),
    position: integer('position').notNull(),
    key: text('key').notNull(),
    title: text('title').notNull(),
    paragraph: text('paragraph').notNull(),
    /** 'applicant' (the applicant provides) or 'interagency' (p.25: the office may request it). */
    source: text('source', { enum: CHECKLIST_SOURCES }).notNull(),
    agencyCode: text('agency_code'),
    state: text('state', { enum: DOC_STATES }).notNull(),
    /** When received: the original or a copy. */
    form: text('form', { enum: DOC_FORMS }),
    sheets: integer('sheets'),
  },
  (t) => [uniqueIndex('case_documents_uq').on(t.caseId, t.key), oneOf('case_documents', t.source), oneOf('case_documents', t.state), oneOf('case_documents', t.form)],
);

/** Documents printed for a case (what, when, by whom). */
export const printLog = sqliteTable(
  'print_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    caseId: integer('case_id').references(() => cases.id),
    form: text('form').notNull(),
    fileName: text('file_name').notNull(),
    at: text('at').notNull(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
  },
  (t) => [index('print_log_case_idx').on(t.caseId)],
);

/** Unfinished forms (the intake form) per user, so they survive a restart. */
export const drafts = sqliteTable(
  'drafts',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    kind: text('kind', { enum: DRAFT_KINDS }).notNull(),
    data: text('data', { mode: 'json' }).$type<unknown>().notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.kind] }), oneOf('drafts', t.kind)],
);

// ------------------------------------------------------------------ case processing (p.45–47)

/** Who moved the case from which state to which, when (the case's timeline). */
export const caseEvents = sqliteTable(
  'case_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id),
    at: text('at').notNull(),
    userId: integer('user_id').references(() => users.id),
    userName: text('user_name'),
    fromStatus: text('from_status', { enum: CASE_STATUSES }),
    toStatus: text('to_status', { enum: CASE_STATUSES }).notNull(),
    note: text('note'),
  },
  (t) => [index('case_events_case_idx').on(t.caseId), oneOf('case_events', t.fromStatus), oneOf('case_events', t.toStatus)],
);

/** Interagency requests (p.14, 25, 45): sent, answered within 5 working days. */
export const interagencyRequests = sqliteTable(
  'interagency_requests',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id),
    agencyCode: text('agency_code').notNull(),
    /** The checklist items this request covers. */
    documentKeys: text('document_keys', { mode: 'json' }).$type<string[]>().notNull(),
    subject: text('subject').notNull(),
    channel: text('channel', { enum: REQUEST_CHANNELS }).notNull(),
    outgoingNumber: text('outgoing_number').notNull(),
    sentDate: text('sent_date').notNull(),
    dueDate: text('due_date').notNull(),
    sentBy: integer('sent_by')
      .notNull()
      .references(() => users.id),
    answerDate: text('answer_date'),
    answerIncomingNumber: text('answer_incoming_number'),
    answerSummary: text('answer_summary'),
    answeredBy: integer('answered_by').references(() => users.id),
    ...revision(),
  },
  (t) => [index('requests_case_idx').on(t.caseId), index('requests_due_idx').on(t.answerDate, t.dueDate), oneOf('interagency_requests', t.channel)],
);

/** How case_acts stores an ActForm: 'appendix3-citizen' is kind 'appendix3', variant 'citizen'; 'appendix4' has no variant. */
export const ACT_KINDS = ['appendix3', 'appendix4'] as const;
export const ACT_VARIANTS = ['citizen', 'family'] as const;

/** The acts of Appendix 3 (citizen or family) and Appendix 4, with the scale answers. */
export const caseActs = sqliteTable(
  'case_acts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id),
    kind: text('kind', { enum: ACT_KINDS }).notNull(),
    /** appendix3 only. */
    variant: text('variant', { enum: ACT_VARIANTS }),
    /** The act as entered (the zod schema of its form) with the scale results carried in. */
    data: text('data', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    barthel: text('barthel', { mode: 'json' }).$type<ScaleAnswers | null>(),
    lawton: text('lawton', { mode: 'json' }).$type<ScaleAnswers | null>(),
    complete: integer('complete', { mode: 'boolean' }).notNull(),
    updatedAt: text('updated_at').notNull(),
    updatedBy: integer('updated_by')
      .notNull()
      .references(() => users.id),
    rev: integer('rev').notNull().default(1),
  },
  (t) => [uniqueIndex('case_acts_uq').on(t.caseId, t.kind), oneOf('case_acts', t.kind), oneOf('case_acts', t.variant)],
);

/**
 * The result: an ИППСУ or a refusal, in versions. A draft is edited in
 * place; signing freezes it — the DOCX bytes and their SHA-256 are stored,
 * the outgoing number assigned. Changing a signed result makes a new version.
 */
export const caseDecisions = sqliteTable(
  'case_decisions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id),
    version: integer('version').notNull(),
    kind: text('kind', { enum: DECISION_KINDS }).notNull(),
    /** IppsuDraft for kind 'ippsu', RefusalDraft for 'refusal' (decisionData narrows it). */
    data: text('data', { mode: 'json' }).$type<IppsuDraft | RefusalDraft>().notNull(),
    status: text('status', { enum: DECISION_STATUSES }).notNull(),
    createdAt: text('created_at').notNull(),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
    outgoingNumber: text('outgoing_number'),
    signedAt: text('signed_at'),
    signedBy: integer('signed_by').references(() => users.id),
    signedByName: text('signed_by_name'),
    signedByPosition: text('signed_by_position'),
    docx: blob('docx', { mode: 'buffer' }),
    sha256: text('sha256'),
    issuedDate: text('issued_date'),
    issueMethod: text('issue_method', { enum: ISSUE_METHODS }),
    /** In person: who received it. */
    issuedTo: text('issued_to', { enum: ISSUE_RECIPIENTS }),
    postalAddress: text('postal_address'),
    postalId: text('postal_id'),
    issuedBy: integer('issued_by').references(() => users.id),
    ...revision(),
  },
  (t) => [
    uniqueIndex('case_decisions_uq').on(t.caseId, t.version),
    // The ИППСУ review list reads programmes by the end of their term.
    index('case_decisions_term_idx').on(sql`json_extract(${t.data}, '$.termUntil')`),
    // Statistics read the outcome and its dates without the row (which holds the signed DOCX).
    index('case_decisions_stats_idx').on(t.caseId, t.status, t.kind, t.signedAt, t.issuedDate),
    oneOf('case_decisions', t.kind),
    oneOf('case_decisions', t.status),
    oneOf('case_decisions', t.issueMethod),
    oneOf('case_decisions', t.issuedTo),
  ],
);

/** The editable service catalogue (seven types, each service with its unit of volume). */
export const services = sqliteTable('services', {
  code: text('code').primaryKey(),
  /** The type of social service (442-ФЗ ст. 20), 1–7, or 0 for the urgent services. */
  type: integer('type').notNull(),
  name: text('name').notNull(),
  unit: text('unit').notNull(),
  urgent: integer('urgent', { mode: 'boolean' }).notNull().default(false),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  locallyModified: integer('locally_modified', { mode: 'boolean' }).notNull().default(false),
  seedHash: text('seed_hash'),
  ...revision(),
}, (t) => [oneOf('services', t.type, [URGENT_SERVICE_TYPE, ...SERVICE_TYPES])]);

/** Providers of social services. */
export const providers = sqliteTable('providers', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull(),
  address: text('address').notNull(),
  phone: text('phone'),
  email: text('email'),
  /** Forms of service offered (SERVICE_FORMS). */
  forms: text('forms', { mode: 'json' }).$type<ServiceForm[]>().notNull(),
  /** Codes of services offered. */
  serviceCodes: text('service_codes', { mode: 'json' }).$type<string[]>().notNull(),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  ...revision(),
}, (t) => [jsonArrayOf('providers', t.forms, SERVICE_FORMS)]);
