/**
 * Schemas of case processing (p.45–47): interagency requests and answers,
 * the case timeline, acts, decision versions, sign-off and issuing.
 */
import { z } from 'zod';
import { CASE_STATUSES } from '../domain/case-states';
import { id, isoDate, optText, text } from './schemas';

export const REQUEST_CHANNELS = ['smev', 'paper', 'fax'] as const;
export const REQUEST_CHANNEL_LABELS: Record<(typeof REQUEST_CHANNELS)[number], string> = {
  smev: 'СМЭВ',
  paper: 'На бумаге',
  fax: 'Факс',
};

export const SendRequestInput = z.object({
  caseId: id,
  agencyCode: text(40),
  documentKeys: z.array(text(80)).min(1, { error: 'Выберите запрашиваемые документы' }),
  subject: text(1000),
  channel: z.enum(REQUEST_CHANNELS, { error: 'Укажите способ направления' }),
  outgoingNumber: text(60),
  sentDate: isoDate,
});

export const AnswerRequestInput = z.object({
  requestId: id,
  answerDate: isoDate,
  incomingNumber: text(60),
  summary: text(2000),
});

export const ISSUE_METHODS = ['in_person', 'post'] as const;
export const ISSUE_METHOD_LABELS: Record<(typeof ISSUE_METHODS)[number], string> = { in_person: 'Лично', post: 'Почтой' };

export const IssueInput = z
  .object({
    caseId: id,
    method: z.enum(ISSUE_METHODS, { error: 'Укажите способ выдачи' }),
    date: isoDate,
    /** In person: who received it. */
    issuedTo: z.enum(['applicant', 'representative']).optional(),
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

export const WithdrawInput = z.object({ caseId: id, date: isoDate, reason: text(1000) });

export const EventView = z.object({
  at: z.string(),
  userName: z.string().nullable(),
  fromStatus: z.enum(CASE_STATUSES).nullable(),
  toStatus: z.enum(CASE_STATUSES),
  note: z.string().nullable(),
});

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
});
export type RequestView = z.infer<typeof RequestView>;

export const ProposedRequest = z.object({
  agencyCode: z.string(),
  agencyName: z.string(),
  subject: z.string(),
  documentKeys: z.array(z.string()),
});
