/**
 * The one API contract between the renderer and the backend.
 *
 * Each method names who may call it, the zod schema of its input (validated
 * by the backend on every call) and the zod schema of its output (the type the
 * renderer receives; also the source of docs/api.md). Both transports — IPC in
 * Electron, HTTP in browser mode — carry exactly these calls.
 */
import { z } from 'zod';
import { CALENDAR_DAY_KINDS } from '../domain/calendar';
import { controlMethods } from './control';
import { dataSafetyMethods } from './data-safety';
import { ExchangeStatus, ImportPackageInput, PortalApplicationRow, PortalCaseData, PortalPrefillInput, RetryQuarantinedInput, SaveExchangeSettings, SyncReportView } from './exchange';
import {
  AnswerRequestInput,
  IssueInput,
  ActSuggestions,
  PRINTABLE_FORMS,
  ProviderView,
  SaveActInput,
  SaveDecisionInput,
  SaveProviderInput,
  SaveServiceInput,
  SendRequestInput,
  SendAllRequestsInput,
  OutgoingRegisterInput,
  OutgoingRegisterView,
  SetOutgoingRegisterInput,
  ServiceView,
  WithdrawInput,
} from './processing';
import { CaseFilters, CaseRow, CaseView, FileOut, PersonInput, PersonWithCases, RegisterInput } from './reception';
import { HostInfoView, KeepAliveView, SaveSessionSettings, SessionsView } from './sessions';
import { id, isoDate, jsonObject, newPassword, optText, rev, Role, roles, text, username } from './schemas';

/** 'public': no session needed; 'user': any signed-in user; or a list of roles (any one suffices). */
export type Access = 'public' | 'user' | readonly Role[];

export interface MethodDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  access: Access;
  summary: string;
  /** true for calls that change data; they are recorded in the audit log. */
  write: boolean;
  input: I;
  output: O;
}

function method<I extends z.ZodType, O extends z.ZodType>(def: MethodDef<I, O>): MethodDef<I, O> {
  return def;
}

const empty = z.object({}).strict();
const ok = z.object({ ok: z.literal(true) });

// ---------------------------------------------------------------- entities

/**
 * First-run setup: the office, its head (printed on every signed form; the
 * setup screen requires it, tools may leave it for the office screen) and the
 * first administrator.
 */
export const SetupInput = z.object({
  officeCode: text(40),
  headName: optText(200),
  headPosition: optText(200),
  username,
  fullName: text(200),
  position: text(200),
  password: newPassword,
});

export const UserView = z.object({
  id: z.number(),
  username: z.string(),
  fullName: z.string(),
  position: z.string(),
  roles: z.array(Role),
  active: z.boolean(),
  lockedUntil: z.string().nullable(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
  rev: z.number(),
});
export type UserView = z.infer<typeof UserView>;

export const OfficeView = z.object({
  code: z.string(),
  number: z.number(),
  territory: z.string(),
  name: z.string(),
  address: z.string(),
  phone: z.string(),
  email: z.string(),
  headName: z.string().nullable(),
  headPosition: z.string().nullable(),
  locallyModified: z.boolean(),
  rev: z.number(),
});
export type OfficeView = z.infer<typeof OfficeView>;

export const SessionView = z.object({
  user: UserView,
  office: OfficeView,
});
export type SessionView = z.infer<typeof SessionView>;

export const REF_KINDS = ['office', 'mfc', 'agency', 'subservice'] as const;
export const RefKind = z.enum(REF_KINDS);
export type RefKind = z.infer<typeof RefKind>;

export const RefItem = z.object({
  kind: RefKind,
  code: z.string(),
  number: z.number().nullable(),
  name: z.string(),
  shortName: z.string().nullable(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  active: z.boolean(),
  locallyModified: z.boolean(),
  rev: z.number(),
});
export type RefItem = z.infer<typeof RefItem>;

export const CalendarDayKind = z.enum(CALENDAR_DAY_KINDS);

/** Unfinished forms kept per user (drafts.kind). */
export const DRAFT_KINDS = ['intake'] as const;
const DraftKind = z.enum(DRAFT_KINDS);
export const CalendarDayView = z.object({ date: isoDate, kind: CalendarDayKind, note: optText(200) });
export const CalendarYearView = z.object({
  year: z.number(),
  source: z.string(),
  confirmed: z.boolean(),
  workingDays: z.number(),
  locallyModified: z.boolean(),
  rev: z.number(),
});

export const AuditEntry = z.object({
  id: z.number(),
  at: z.string(),
  userId: z.number().nullable(),
  username: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

const page = {
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(500).default(50),
};

// ---------------------------------------------------------------- methods

export const methods = {
  'host.clock': method({
    access: 'public',
    write: false,
    summary: "The host's clock: workstations take «now» and «today» from it, never from their own clock.",
    input: empty,
    output: z.object({ now: z.string() }),
  }),
  'setup.status': method({
    access: 'public',
    write: false,
    summary: 'Whether first-run setup is done; before it, the offices to choose from.',
    input: empty,
    output: z.object({
      initialized: z.boolean(),
      offices: z.array(z.object({ code: z.string(), name: z.string(), territory: z.string() })),
    }),
  }),
  'setup.init': method({
    access: 'public',
    write: true,
    summary: 'First run: choose the office and create the first administrator. Refused once done.',
    input: SetupInput,
    output: SessionView,
  }),
  'auth.login': method({
    access: 'public',
    write: true,
    summary: 'Sign in. Repeated failures slow down and then lock the account.',
    input: z.object({
      username: z.string().trim().min(1, { error: 'Укажите имя пользователя' }).max(40).transform((s) => s.toLowerCase()),
      password: z.string().min(1, { error: 'Укажите пароль' }).max(200),
    }),
    output: SessionView,
  }),
  'auth.logout': method({ access: 'public', write: false, summary: 'End the session.', input: empty, output: ok }),
  'auth.session': method({
    access: 'public',
    write: false,
    summary: 'The current session, or null when signed out.',
    input: empty,
    output: SessionView.nullable(),
  }),
  'auth.changePassword': method({
    access: 'user',
    write: true,
    summary: 'Change one’s own password.',
    input: z.object({ currentPassword: z.string().min(1, { error: 'Укажите текущий пароль' }).max(200), newPassword }),
    output: ok,
  }),

  'auth.keepAlive': method({
    access: 'user',
    write: false,
    summary: 'The user is at the workstation (the window reports keyboard and mouse use): the idle limit counts from now.',
    input: empty,
    output: KeepAliveView,
  }),
  'sessions.list': method({
    access: ['admin'],
    write: false,
    summary: 'Active sessions on every workstation (user, workstation, since, last activity) and the idle limit.',
    input: empty,
    output: SessionsView,
  }),
  'sessions.end': method({
    access: ['admin'],
    write: true,
    summary: '«Завершить сеанс»: end one session; its workstation shows the sign-in screen at its next call.',
    input: z.object({ id }),
    output: ok,
  }),
  'sessions.saveSettings': method({
    access: ['admin'],
    write: true,
    summary: 'The office’s idle limit: a session without activity for this many minutes ends.',
    input: SaveSessionSettings,
    output: ok,
  }),
  'host.info': method({
    access: ['admin'],
    write: false,
    summary: 'How workstations reach this host and the code of its certificate, to compare when connecting.',
    input: empty,
    output: HostInfoView,
  }),

  'office.update': method({
    access: ['admin'],
    write: true,
    summary: 'Edit this office’s details (as printed on forms).',
    input: z.object({
      rev,
      name: text(300),
      address: text(500),
      phone: text(200),
      email: text(200),
      headName: optText(200),
      headPosition: optText(200),
    }),
    output: OfficeView,
  }),

  'users.list': method({
    access: ['admin'],
    write: false,
    summary: 'All users, active and deactivated.',
    input: empty,
    output: z.array(UserView),
  }),
  'users.directory': method({
    access: 'user',
    write: false,
    summary: 'Names of the office’s users, for filters (“accepted by”) and assignments.',
    input: empty,
    output: z.array(z.object({ id: z.number(), fullName: z.string(), position: z.string(), active: z.boolean() })),
  }),
  'users.create': method({
    access: ['admin'],
    write: true,
    summary: 'Create a user with one or more roles.',
    input: z.object({ username, fullName: text(200), position: text(200), roles, password: newPassword }),
    output: UserView,
  }),
  'users.update': method({
    access: ['admin'],
    write: true,
    summary: 'Change a user’s name, position, roles or active flag (users are never deleted).',
    input: z.object({ id, rev, fullName: text(200), position: text(200), roles, active: z.boolean() }),
    output: UserView,
  }),
  'users.resetPassword': method({
    access: ['admin'],
    write: true,
    summary: 'Set a new password for a user and clear their lock.',
    input: z.object({ id, password: newPassword }),
    output: ok,
  }),
  'users.unlock': method({
    access: ['admin'],
    write: true,
    summary: 'Clear failed-login lock.',
    input: z.object({ id }),
    output: UserView,
  }),

  'audit.list': method({
    access: ['admin'],
    write: false,
    summary: 'The audit log, newest first, filtered.',
    input: z.object({
      from: isoDate.optional(),
      to: isoDate.optional(),
      userId: id.optional(),
      entity: optText(60),
      action: optText(60),
      ...page,
    }),
    output: z.object({ rows: z.array(AuditEntry), total: z.number() }),
  }),

  'ref.list': method({
    access: 'user',
    write: false,
    summary: 'Reference data of one kind (offices, MFC, agencies, sub-services).',
    input: z.object({ kind: RefKind }),
    output: z.array(RefItem),
  }),
  'ref.update': method({
    access: ['admin'],
    write: true,
    summary: 'Edit a reference record locally; later reference upgrades keep the local edit.',
    input: z.object({
      kind: RefKind,
      code: text(60),
      rev,
      name: text(500),
      shortName: optText(200),
      address: optText(500),
      phone: optText(200),
      /** Free text: some offices list several addresses. */
      email: optText(200),
      active: z.boolean(),
    }),
    output: RefItem,
  }),

  'calendar.years': method({
    access: 'user',
    write: false,
    summary: 'Years in the production calendar with their working-day totals.',
    input: empty,
    output: z.array(CalendarYearView),
  }),
  'calendar.year': method({
    access: 'user',
    write: false,
    summary: 'The exceptions (holidays, transferred days off, working weekend days) of one year.',
    input: z.object({ year: z.number().int().min(2000).max(2100) }),
    output: z.object({ year: CalendarYearView, days: z.array(CalendarDayView) }),
  }),
  'calendar.saveYear': method({
    access: ['admin'],
    write: true,
    summary: 'Add or replace one year of the production calendar (e.g. the next year from its decree).',
    input: z.object({
      year: z.number({ error: 'Укажите год' }).int().min(2000, { error: 'Год вне допустимого диапазона' }).max(2100, { error: 'Год вне допустимого диапазона' }),
      /** 0 for a year not yet in the calendar. */
      rev,
      source: text(300),
      days: z.array(CalendarDayView).max(200),
    }),
    output: CalendarYearView,
  }),

  // ------------------------------------------------------------ reception (p.43–44)
  'cases.register': method({
    access: ['reception', 'specialist'],
    write: true,
    summary: 'p.43–44: register an application in the journal (next number of the year), with its checklist and deadlines.',
    input: RegisterInput,
    output: CaseView,
  }),
  'cases.get': method({
    access: 'user',
    write: false,
    summary: 'One case: applicant, representative, checklist, deadlines, journal entry, printed documents.',
    input: z.object({ id }),
    output: CaseView,
  }),
  'cases.list': method({
    access: 'user',
    write: false,
    summary: 'The register / journal: filtered, sorted, one page.',
    input: CaseFilters.extend({
      sort: z.enum(['number_desc', 'number_asc', 'due_asc']).default('number_desc'),
      ...page,
    }),
    /** total counts up to 10,000; totalIsCapped says there are more. */
    output: z.object({ rows: z.array(CaseRow), total: z.number(), totalIsCapped: z.boolean() }),
  }),
  'cases.annul': method({
    access: ['reception', 'specialist', 'head'],
    write: true,
    summary: 'Annul a registration made in error; it stays in the journal with the reason.',
    input: z.object({ id, rev, reason: text(500) }),
    output: CaseView,
  }),
  'cases.receipt': method({
    access: 'user',
    write: true,
    summary: 'p.44: the receipt (расписка) as DOCX; the printing is logged on the case.',
    input: z.object({ id }),
    output: FileOut,
  }),
  'cases.application': method({
    access: ['reception', 'specialist', 'head'],
    write: false,
    summary: 'p.26: the application on the form of приказ Минтруда N 159н as DOCX, pre-filled from the intake for the applicant’s signature, with the consent to personal-data processing.',
    input: z.object({ id }),
    output: FileOut,
  }),
  'journal.print': method({
    access: 'user',
    write: true,
    summary: 'The registration journal for a period as DOCX (landscape table).',
    input: CaseFilters.extend({ from: isoDate, to: isoDate }),
    output: FileOut,
  }),
  'persons.match': method({
    access: 'user',
    write: false,
    summary: 'Persons matching a СНИЛС, or a ФИО with a date of birth, with their cases (shown before creating a new person).',
    input: z.object({
      snils: optText(20),
      lastName: optText(100),
      firstName: optText(100),
      middleName: optText(100),
      birthDate: isoDate.optional(),
    }),
    output: z.array(PersonWithCases),
  }),
  'persons.get': method({
    access: 'user',
    write: false,
    summary: 'A person card with all their cases.',
    input: z.object({ id }),
    output: PersonWithCases,
  }),
  'persons.update': method({
    access: ['reception', 'specialist', 'head'],
    write: true,
    summary: "Correct a person card (read at revision `rev`); audited; the person's cases show that the card changed after registration.",
    input: z.object({ id, rev, person: PersonInput }),
    output: PersonWithCases,
  }),
  'search.quick': method({
    access: 'user',
    write: false,
    summary: 'Search as you type: ФИО (any case, ё = е, any word order, prefixes), СНИЛС, journal number.',
    input: z.object({ q: z.string().max(100), limit: z.number().int().min(1).max(50).default(10) }),
    output: z.object({ persons: z.array(PersonWithCases), cases: z.array(CaseRow) }),
  }),
  'deadlines.summary': method({
    access: 'user',
    write: false,
    summary: 'Counts of open cases, and of complaints, by urgency of their nearest deadline (overdue, today, within 2 working days).',
    input: empty,
    output: z.object({
      today: isoDate,
      overdue: z.number(),
      dueToday: z.number(),
      soon: z.number(),
      complaints: z.object({ overdue: z.number(), dueToday: z.number(), soon: z.number() }),
    }),
  }),
  'drafts.get': method({
    access: 'user',
    write: false,
    summary: 'The signed-in user’s unfinished form of a kind (the intake form), or null.',
    input: z.object({ kind: DraftKind }),
    output: z.object({ data: z.unknown(), updatedAt: z.string() }).nullable(),
  }),
  'drafts.save': method({
    access: 'user',
    write: true,
    summary: 'Save the unfinished form (kept across restarts until registered or cleared).',
    input: z.object({ kind: DraftKind, data: jsonObject() }),
    output: ok,
  }),
  'drafts.clear': method({
    access: 'user',
    write: true,
    summary: 'Discard the unfinished form.',
    input: z.object({ kind: DraftKind }),
    output: ok,
  }),

  // ------------------------------------------------------------ processing (p.45–47)
  'requests.send': method({
    access: ['specialist'],
    write: true,
    summary: 'p.45: record an interagency request as sent (date, channel, outgoing number — the next of the register of outgoing documents when left empty); the answer is due in 5 working days.',
    input: SendRequestInput,
    output: CaseView,
  }),
  'requests.sendAll': method({
    access: ['specialist'],
    write: true,
    summary: '«Направить все запросы»: record several requests of a case as sent on one date, in one transaction; empty outgoing numbers come from the register of outgoing documents.',
    input: SendAllRequestsInput,
    output: CaseView,
  }),
  'registers.outgoing': method({
    access: ['specialist', 'head', 'admin'],
    write: false,
    summary: "The office's register of outgoing documents for a year: the last number given and the next one.",
    input: OutgoingRegisterInput,
    output: OutgoingRegisterView,
  }),
  'registers.setOutgoing': method({
    access: ['head', 'admin'],
    write: true,
    summary: 'Set the last number given in the register of outgoing documents (an office going on from its paper register); it never goes back.',
    input: SetOutgoingRegisterInput,
    output: OutgoingRegisterView,
  }),
  'requests.answer': method({
    access: ['specialist', 'reception'],
    write: true,
    summary: 'p.45: register the answer to a request on the day it arrives (date, incoming number, summary).',
    input: AnswerRequestInput,
    output: CaseView,
  }),
  'requests.letter': method({
    access: ['specialist', 'reception'],
    write: true,
    summary: 'The request letter (DOCX) for the paper or fax channel.',
    input: z.object({ requestId: id }),
    output: FileOut,
  }),
  'acts.save': method({
    access: ['specialist'],
    write: true,
    summary: 'Save an act (Appendix 3 with the Barthel and Lawton answers, or Appendix 4), complete or in progress.',
    input: SaveActInput,
    output: CaseView,
  }),
  'acts.suggestions': method({
    access: 'user',
    write: false,
    summary: 'The organisations and the people who drew up the office’s recent acts, most recent first: a new act starts from them.',
    input: empty,
    output: ActSuggestions,
  }),
  'acts.print': method({
    access: 'user',
    write: true,
    summary: 'Print a case’s act or scale questionnaire (DOCX); blank when the case has none yet.',
    input: z.object({ caseId: id, form: z.enum(PRINTABLE_FORMS) }),
    output: FileOut,
  }),
  'acts.blank': method({
    access: 'user',
    write: false,
    summary: 'A blank act or questionnaire (DOCX) for a field visit; with `caseId`, it carries the case’s person (name, birth date, address).',
    input: z.object({ form: z.enum(PRINTABLE_FORMS), caseId: id.optional() }),
    output: FileOut,
  }),
  'cases.completeDocuments': method({
    access: ['specialist'],
    write: true,
    summary: 'Mark the documents complete: both acts complete and every request answered.',
    input: z.object({ caseId: id, rev }),
    output: CaseView,
  }),
  'decisions.save': method({
    access: ['specialist'],
    write: true,
    summary: 'p.46: draft the ИППСУ or the refusal (a signed result changed becomes a new version).',
    input: SaveDecisionInput,
    output: CaseView,
  }),
  'decisions.print': method({
    access: 'user',
    write: true,
    summary: 'Print a decision: a draft marked «ПРОЕКТ», a signed version byte for byte as signed.',
    input: z.object({ decisionId: id }),
    output: FileOut.extend({ sha256: z.string().nullable() }),
  }),
  'decisions.sign': method({
    access: ['head'],
    write: true,
    summary: 'p.46: the head signs the draft as they saw it (its revision); the DOCX and its SHA-256 are frozen and the outgoing number assigned.',
    input: z.object({ decisionId: id, rev }),
    output: CaseView,
  }),
  'cases.issue': method({
    access: ['reception', 'specialist'],
    write: true,
    summary: 'p.47: the result issued in person or sent by post (due within 5 working days of signing).',
    input: IssueInput,
    output: CaseView,
  }),
  'cases.withdraw': method({
    access: ['reception', 'specialist'],
    write: true,
    summary: 'The applicant withdraws the application.',
    input: WithdrawInput,
    output: CaseView,
  }),
  'services.list': method({
    access: 'user',
    write: false,
    summary: 'The service catalogue (seven types, urgent services), each with its unit of volume.',
    input: empty,
    output: z.array(ServiceView),
  }),
  'services.save': method({
    access: ['admin'],
    write: true,
    summary: 'Add or edit a service of the catalogue.',
    input: SaveServiceInput,
    output: ServiceView,
  }),
  'providers.list': method({
    access: 'user',
    write: false,
    summary: 'The register of social-service providers.',
    input: empty,
    output: z.array(ProviderView),
  }),
  'providers.save': method({
    access: ['admin'],
    write: true,
    summary: 'Add or edit a provider.',
    input: SaveProviderInput,
    output: ProviderView,
  }),

  // ------------------------------------------------------------ exchange with the central portal
  'exchange.status': method({
    access: 'user',
    write: false,
    summary: 'Connection settings (without the secret), last successful exchange, pending outbound events, quarantine, history.',
    input: empty,
    output: ExchangeStatus,
  }),
  'exchange.saveSettings': method({
    access: ['admin'],
    write: true,
    summary: 'Portal address, office secret (kept if left empty) and the exchange interval.',
    input: SaveExchangeSettings,
    output: ok,
  }),
  'exchange.syncNow': method({
    access: 'user',
    write: true,
    summary: '«Обменяться сейчас»: push pending events and pull new ones (joins a session already running).',
    input: empty,
    output: SyncReportView,
  }),
  'exchange.retryQuarantined': method({
    access: ['admin', 'specialist'],
    write: true,
    summary: 'Apply a quarantined inbound event again (after the reason was fixed, e.g. a missing reference).',
    input: RetryQuarantinedInput,
    output: z.object({ status: z.enum(['applied', 'duplicate', 'quarantined']), reason: z.string().nullable() }),
  }),
  'exchange.exportPackage': method({
    access: ['admin', 'exchange'],
    write: true,
    summary: 'All pending outbound events as one package file for removable media (offline districts).',
    input: empty,
    output: z.object({ fileName: z.string(), text: z.string(), count: z.number() }),
  }),
  'exchange.importPackage': method({
    access: ['admin', 'exchange'],
    write: true,
    summary: 'Import a portal package: checked whole (office, checksum, signature) or rejected with nothing applied.',
    input: ImportPackageInput,
    output: z.object({ count: z.number(), applied: z.number(), duplicates: z.number(), quarantined: z.number(), quarantineReasons: z.array(z.string()) }),
  }),
  'portal.applications': method({
    access: ['reception', 'specialist'],
    write: false,
    summary: '«Поступившие с портала»: online applications to register within 1 working day (p.35).',
    input: z.object({ includeRegistered: z.boolean().default(false) }),
    output: z.array(PortalApplicationRow),
  }),
  'portal.prefill': method({
    access: ['reception', 'specialist'],
    write: false,
    summary: 'The intake form pre-filled from an online application (registering it links the portal id).',
    input: PortalPrefillInput,
    output: z.record(z.string(), z.unknown()),
  }),
  'portal.caseData': method({
    access: 'user',
    write: false,
    summary: 'Portal data on a case: contract status history and services delivered against the ИППСУ.',
    input: z.object({ caseId: id }),
    output: PortalCaseData,
  }),

  // ------------------------------------------------------------ the office's control (core/api/control.ts)
  ...controlMethods,
  // ------------------------------------------------------------ data safety (core/api/data-safety.ts)
  ...dataSafetyMethods,
} as const;

export type Methods = typeof methods;
export type MethodName = keyof Methods;
export type In<M extends MethodName> = z.input<Methods[M]['input']>;
export type ParsedIn<M extends MethodName> = z.output<Methods[M]['input']>;
export type Out<M extends MethodName> = z.output<Methods[M]['output']>;

/** The typed client the renderer uses; each transport implements `call`. */
export type Api = { [M in MethodName]: (input: In<M>) => Promise<Out<M>> };

/** What the preload bridge (Electron) or the HTTP client (browser mode) exposes as `window.api`. */
export interface Transport {
  call(method: string, input: unknown): Promise<import('./errors').Envelope<unknown>>;
  /** The host's change notifications (core/api/changes.ts). */
  changes?: import('./changes').OpenChanges;
}

export function isMethodName(s: string): s is MethodName {
  return Object.prototype.hasOwnProperty.call(methods, s);
}
