/**
 * Schemas of case processing (p.45–47): interagency requests and answers,
 * the case timeline, acts, decision versions, sign-off and issuing.
 */
import { z } from 'zod';
import { CASE_STATUSES } from '../domain/case-states';
import { BarthelAnswers, LawtonAnswers } from '../domain/scales';
import { Appendix3CitizenAct, Appendix3FamilyAct, Appendix4Act } from './acts';
import { IppsuDraft, RefusalDraft, SERVICE_FORMS } from './decision';
import { id, isoDate, optText, rev, text } from './schemas';

export const REQUEST_CHANNELS = ['smev', 'paper', 'fax'] as const;
export const REQUEST_CHANNEL_LABELS: Record<(typeof REQUEST_CHANNELS)[number], string> = {
  smev: 'СМЭВ',
  paper: 'На бумаге',
  fax: 'Факс',
};

/** One request as sent. Without an outgoing number the office's register of outgoing documents gives the next one. */
const RequestToSend = {
  agencyCode: text(40),
  documentKeys: z.array(text(80)).min(1, { error: 'Выберите запрашиваемые документы' }).max(50, { error: 'Не более 50 документов в одном запросе' }),
  subject: text(1000),
  channel: z.enum(REQUEST_CHANNELS, { error: 'Укажите способ направления' }),
  outgoingNumber: optText(60),
};

export const SendRequestInput = z.object({
  caseId: id,
  ...RequestToSend,
  sentDate: isoDate,
});

/** «Направить все запросы»: the case's requests sent in one go, numbered in one transaction. */
export const SendAllRequestsInput = z.object({
  caseId: id,
  sentDate: isoDate,
  requests: z.array(z.object(RequestToSend)).min(1, { error: 'Выберите запросы' }).max(20, { error: 'Не более 20 запросов за раз' }),
});

/** The office's register of outgoing documents for a year: the last number given. */
export const OutgoingRegisterInput = z.object({ year: z.number().int().min(2000).max(2100) });
export const OutgoingRegisterView = z.object({ year: z.number(), lastSeq: z.number(), next: z.string() });
/** Sets where the register continues (an office starting mid-year goes on from its paper register); never below a number given here. */
export const SetOutgoingRegisterInput = z.object({ year: z.number().int().min(2000).max(2100), lastSeq: z.number().int().min(0).max(999_999) });

export const AnswerRequestInput = z.object({
  requestId: id,
  rev,
  answerDate: isoDate,
  incomingNumber: text(60),
  summary: text(2000),
});

export const ISSUE_METHODS = ['in_person', 'post'] as const;
/** In person: who received the result. */
export const ISSUE_RECIPIENTS = ['applicant', 'representative'] as const;
export const ISSUE_METHOD_LABELS: Record<(typeof ISSUE_METHODS)[number], string> = { in_person: 'Лично', post: 'Почтой' };

export const IssueInput = z
  .object({
    caseId: id,
    /** The case's revision. */
    rev,
    method: z.enum(ISSUE_METHODS, { error: 'Укажите способ выдачи' }),
    date: isoDate,
    /** In person: who received it. */
    issuedTo: z.enum(ISSUE_RECIPIENTS).optional(),
    /** By post: the address and the postal identifier (ШПИ). */
    postalAddress: optText(500),
    postalId: optText(40),
  })
  .superRefine((v, ctx) => {
    if (v.method === 'in_person' && !v.issuedTo) ctx.addIssue({ code: 'custom', path: ['issuedTo'], message: 'Укажите, кто получил результат' });
    if (v.method === 'post') {
      if (!v.postalAddress) ctx.addIssue({ code: 'custom', path: ['postalAddress'], message: 'Укажите адрес отправки' });
      if (!v.postalId) ctx.addIssue({ code: 'custom', path: ['postalId'], message: 'Укажите почтовый идентификатор' });
    }
  });

export const WithdrawInput = z.object({ caseId: id, rev, date: isoDate, reason: text(1000) });

export const EventView = z.object({
  at: z.string(),
  userName: z.string().nullable(),
  /**
   * 'status': a change of state; 'assignment': the responsible specialist changed; 'request' / 'answer': an
   * interagency request sent / its answer registered; 'act': an act entered or changed; 'decision': a draft
   * decision saved. For all but 'status', from = to = the state the case was in.
   */
  kind: z.enum(['status', 'assignment', 'request', 'answer', 'act', 'decision']),
  fromStatus: z.enum(CASE_STATUSES).nullable(),
  toStatus: z.enum(CASE_STATUSES),
  note: z.string().nullable(),
});
export type EventView = z.infer<typeof EventView>;

export const RequestView = z.object({
  id: z.number(),
  agencyCode: z.string(),
  agencyName: z.string(),
  subject: z.string(),
  documentKeys: z.array(z.string()),
  channel: z.enum(REQUEST_CHANNELS),
  outgoingNumber: z.string(),
  sentDate: z.string(),
  dueDate: z.string(),
  answerDate: z.string().nullable(),
  answerIncomingNumber: z.string().nullable(),
  answerSummary: z.string().nullable(),
  overdue: z.boolean(),
  rev: z.number(),
});
export type RequestView = z.infer<typeof RequestView>;

export const ProposedRequest = z.object({
  agencyCode: z.string(),
  agencyName: z.string(),
  subject: z.string(),
  documentKeys: z.array(z.string()),
});

// ------------------------------------------------------------------ acts

export const ACT_FORMS = ['appendix3-citizen', 'appendix3-family', 'appendix4'] as const;
export type ActForm = (typeof ACT_FORMS)[number];
export const ACT_FORM_LABELS: Record<ActForm, string> = {
  'appendix3-citizen': 'Акт обследования условий жизнедеятельности гражданина (приложение 3)',
  'appendix3-family': 'Акт обследования условий жизнедеятельности семьи (приложение 3)',
  appendix4: 'Акт оценки индивидуальной потребности гражданина (приложение 4)',
};

/** `rev`: the revision of the case's act of that kind (Appendix 3 of either variant, or Appendix 4); 0 when there is none yet. */
export const SaveActInput = z.discriminatedUnion('form', [
  z.object({ caseId: id, rev, form: z.literal('appendix3-citizen'), act: Appendix3CitizenAct, barthel: BarthelAnswers, lawton: LawtonAnswers }),
  z.object({ caseId: id, rev, form: z.literal('appendix3-family'), act: Appendix3FamilyAct, barthel: BarthelAnswers, lawton: LawtonAnswers }),
  z.object({ caseId: id, rev, form: z.literal('appendix4'), act: Appendix4Act }),
]);

const ScaleResultView = z.object({ score: z.number(), band: z.string(), complete: z.boolean(), missing: z.array(z.string()) });

export const ActView = z.object({
  id: z.number(),
  form: z.enum(ACT_FORMS),
  act: z.record(z.string(), z.unknown()),
  barthel: z.record(z.string(), z.number()).nullable(),
  lawton: z.record(z.string(), z.number()).nullable(),
  barthelResult: ScaleResultView.nullable(),
  lawtonResult: ScaleResultView.nullable(),
  complete: z.boolean(),
  /** What the act still lacks (Russian). */
  missing: z.array(z.string()),
  updatedAt: z.string(),
  updatedByName: z.string(),
  rev: z.number(),
});
export type ActView = z.infer<typeof ActView>;

/** What the office's recent acts offer a new one: the centres that drew them up and their staff, most recent first. */
export const ActSuggestions = z.object({
  organizations: z.array(z.string()),
  compilers: z.array(z.object({ position: z.string(), fullName: z.string() })),
});
export type ActSuggestions = z.infer<typeof ActSuggestions>;

export const PRINTABLE_FORMS = ['appendix3-citizen', 'appendix3-family', 'appendix4', 'barthel', 'lawton'] as const;

// ------------------------------------------------------------------ decisions

export const DECISION_KINDS = ['ippsu', 'refusal'] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];
/** A version is edited as a draft, frozen when signed, superseded by the next signed version. */
export const DECISION_STATUSES = ['draft', 'signed', 'superseded'] as const;

/**
 * `decisionId` and `rev`: the draft being edited as the caller read it, or
 * null and 0 for a new draft (the first, or a new version after signing).
 */
const DecisionBase = { caseId: id, decisionId: id.nullable(), rev };
export const SaveDecisionInput = z.discriminatedUnion('kind', [
  z.object({ ...DecisionBase, kind: z.literal('ippsu'), ippsu: IppsuDraft }),
  z.object({ ...DecisionBase, kind: z.literal('refusal'), refusal: RefusalDraft }),
]);

export const DecisionView = z.object({
  id: z.number(),
  version: z.number(),
  kind: z.enum(DECISION_KINDS),
  data: z.record(z.string(), z.unknown()),
  status: z.enum(DECISION_STATUSES),
  createdAt: z.string(),
  createdByName: z.string(),
  outgoingNumber: z.string().nullable(),
  signedAt: z.string().nullable(),
  signedByName: z.string().nullable(),
  sha256: z.string().nullable(),
  issuedDate: z.string().nullable(),
  issueMethod: z.string().nullable(),
  issuedTo: z.string().nullable(),
  postalAddress: z.string().nullable(),
  postalId: z.string().nullable(),
  rev: z.number(),
});
export type DecisionView = z.infer<typeof DecisionView>;

export const ProcessingView = z.object({
  events: z.array(EventView),
  requests: z.array(RequestView),
  proposedRequests: z.array(ProposedRequest),
  acts: z.array(ActView),
  decisions: z.array(DecisionView),
});
export type ProcessingView = z.infer<typeof ProcessingView>;

// ------------------------------------------------------------------ catalogue

export const ServiceView = z.object({
  code: z.string(),
  type: z.number(),
  name: z.string(),
  unit: z.string(),
  urgent: z.boolean(),
  active: z.boolean(),
  locallyModified: z.boolean(),
  rev: z.number(),
});

export const SaveServiceInput = z.object({
  code: text(40).regex(/^[a-z0-9-]+$/, { error: 'Код: латинские буквы, цифры и дефис' }),
  /** 0 for a new service. */
  rev,
  type: z.number().int().min(0).max(7),
  name: text(500),
  unit: text(60),
  urgent: z.boolean().default(false),
  active: z.boolean().default(true),
});

export const ProviderView = z.object({
  id: z.number(),
  name: z.string(),
  address: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  forms: z.array(z.string()),
  serviceCodes: z.array(z.string()),
  active: z.boolean(),
  rev: z.number(),
});

export const SaveProviderInput = z.object({
  id: id.optional(),
  /** 0 for a new provider. */
  rev,
  name: text(500),
  address: text(500),
  phone: optText(100),
  email: optText(200),
  forms: z.array(z.enum(SERVICE_FORMS)).min(1, { error: 'Выберите хотя бы одну форму обслуживания' }).max(3),
  serviceCodes: z.array(text(40)).max(500, { error: 'Не более 500 услуг' }).default([]),
  active: z.boolean().default(true),
});
