/**
 * Schemas of the complaints register (регламент, п. 55–76): the fields of
 * p.65, the channel, the link to a case, the decision (p.68, 72, 73), the
 * answer (p.70–71) and the remedy (p.69).
 */
import { z } from 'zod';
import {
  COMPLAINT_ANSWER_METHODS,
  COMPLAINT_CHANNELS,
  COMPLAINT_GROUND_CODES,
  COMPLAINT_OUTCOMES,
  COMPLAINT_STATUSES,
  COMPLAINT_SUBJECTS,
} from '../domain/complaints';
import { email, id, isoDate, optText, text } from './schemas';

export const ComplaintApplicant = z.object({
  lastName: text(100),
  firstName: text(100),
  middleName: optText(100),
  /** p.65: сведения о месте жительства. */
  residence: text(500),
  phone: optText(100),
  email,
  /** p.65: the postal address the answer goes to. */
  postalAddress: text(500),
});

export const ComplaintRepresentative = z.object({
  fullName: text(200),
  /** p.57: the document confirming the authority (a power of attorney). */
  authorityDocument: text(300),
});

export const ComplaintInput = z
  .object({
    receivedDate: isoDate,
    channel: z.enum(COMPLAINT_CHANNELS, { error: 'Укажите, как поступила жалоба' }),
    /** p.57: to whom it is addressed. */
    addressee: text(300),
    /** p.65: the office, official or specialist whose decisions or actions are complained of. */
    subjectOfficial: text(500),
    /** p.65: the decisions and actions (inaction) complained of. */
    subjectDecision: text(2000),
    /** p.56: what the complaint is about (decides the term of p.61). */
    subjects: z
      .array(z.enum(COMPLAINT_SUBJECTS, { error: 'Выберите предмет жалобы из перечня п. 56' }))
      .min(1, { error: 'Выберите, на что подана жалоба (п. 56 регламента)' })
      .max(COMPLAINT_SUBJECTS.length)
      .transform((s) => [...new Set(s)]),
    applicant: ComplaintApplicant,
    representative: ComplaintRepresentative.nullable().default(null),
    /** p.65: the arguments. */
    substance: text(8000),
    /** p.65: documents attached. */
    attachments: z
      .array(z.object({ title: text(300), sheets: z.number().int().min(1, { error: 'Не менее 1 листа' }).max(999).optional() }))
      .max(50, { error: 'Не более 50 документов' })
      .default([]),
    /** p.71: the applicant wants the answer by e-mail as well. */
    answerByEmail: z.boolean().default(false),
    caseId: id.optional(),
    /** False when the complaint is for another body (p.64). */
    competent: z.boolean().default(true),
    responsibleId: id.optional(),
  })
  .superRefine((c, ctx) => {
    if (c.answerByEmail && !c.applicant.email) ctx.addIssue({ code: 'custom', path: ['applicant', 'email'], message: 'Укажите адрес электронной почты для ответа' });
  });

export const UpdateComplaintInput = z.object({ id, complaint: ComplaintInput });

export const ForwardComplaintInput = z.object({ id, date: isoDate, forwardedTo: text(500) });

export const DecideComplaintInput = z
  .object({
    id,
    decisionDate: isoDate,
    decisionNumber: text(60),
    /** p.70: the place of the decision. */
    decisionPlace: text(200),
    /** p.70: the body that decided, and its official. */
    decidingBody: text(500),
    decidedByPosition: text(200),
    decidedByName: text(200),
    outcome: z.enum(COMPLAINT_OUTCOMES, { error: 'Укажите решение по жалобе' }),
    /** p.72 for a refusal, p.73 for no answer; none when satisfied. */
    ground: z.enum(COMPLAINT_GROUND_CODES).optional(),
    /** p.70: the grounds of the decision. */
    reasons: text(8000),
    /** p.69–70 when satisfied: the measures and their terms, incl. the term to provide the result. */
    measures: optText(4000),
  })
  .superRefine((d, ctx) => {
    if (d.outcome === 'satisfied' && !d.measures) ctx.addIssue({ code: 'custom', path: ['measures'], message: 'Укажите меры по устранению нарушений и их сроки' });
    if (d.outcome === 'satisfied' && d.ground) ctx.addIssue({ code: 'custom', path: ['ground'], message: 'Удовлетворённая жалоба не имеет основания отказа' });
    if (d.outcome !== 'satisfied' && !d.ground) {
      ctx.addIssue({ code: 'custom', path: ['ground'], message: d.outcome === 'refused' ? 'Выберите основание отказа (п. 72)' : 'Выберите основание (п. 73)' });
    }
  });

export const ComplaintAnswerInput = z.object({
  id,
  date: isoDate,
  method: z.enum(COMPLAINT_ANSWER_METHODS, { error: 'Укажите способ направления ответа' }),
  outgoingNumber: text(60),
});

export const ComplaintRemedyInput = z.object({ id, date: isoDate });

export const ComplaintDeadlinesView = z.object({
  registration: z.string(),
  decision: z.string().nullable(),
  forwarding: z.string().nullable(),
  remedy: z.string().nullable(),
  answer: z.string().nullable(),
});

export const ComplaintRow = z.object({
  id: z.number(),
  number: z.string(),
  receivedDate: z.string(),
  registeredAt: z.string(),
  channel: z.enum(COMPLAINT_CHANNELS),
  applicantName: z.string(),
  subjects: z.array(z.enum(COMPLAINT_SUBJECTS)),
  caseId: z.number().nullable(),
  caseNumber: z.string().nullable(),
  status: z.enum(COMPLAINT_STATUSES),
  outcome: z.enum(COMPLAINT_OUTCOMES).nullable(),
  responsibleId: z.number().nullable(),
  nextDue: z.string().nullable(),
  nextDueKind: z.string().nullable(),
  urgency: z.enum(['overdue', 'today', 'soon', 'later']).nullable(),
  registeredLate: z.boolean(),
});

export const ComplaintView = ComplaintRow.extend({
  addressee: z.string(),
  subjectOfficial: z.string(),
  subjectDecision: z.string(),
  applicant: z.record(z.string(), z.unknown()),
  representative: z.record(z.string(), z.unknown()).nullable(),
  substance: z.string(),
  attachments: z.array(z.object({ title: z.string(), sheets: z.number().nullable() })),
  answerByEmail: z.boolean(),
  competent: z.boolean(),
  registeredByName: z.string(),
  appliedTerms: z.record(z.string(), z.number()),
  deadlines: ComplaintDeadlinesView,
  forwardedTo: z.string().nullable(),
  forwardedDate: z.string().nullable(),
  decisionDate: z.string().nullable(),
  decisionNumber: z.string().nullable(),
  decisionPlace: z.string().nullable(),
  decidingBody: z.string().nullable(),
  decidedByName: z.string().nullable(),
  decidedByPosition: z.string().nullable(),
  outcomeGround: z.string().nullable(),
  decisionReasons: z.string().nullable(),
  measures: z.string().nullable(),
  remedyDoneDate: z.string().nullable(),
  answerDate: z.string().nullable(),
  answerMethod: z.string().nullable(),
  answerNumber: z.string().nullable(),
  /** Which deadlines were missed, in Russian («Ответ направлен с нарушением срока (п. 71)»). */
  violations: z.array(z.string()),
});
export type ComplaintView = z.infer<typeof ComplaintView>;

export const ComplaintFilters = z.object({
  q: optText(100),
  status: z.enum(COMPLAINT_STATUSES).optional(),
  /** Only complaints something is still due on. */
  open: z.boolean().optional(),
  urgency: z.enum(['overdue', 'today', 'soon']).optional(),
  caseId: id.optional(),
  responsibleId: id.optional(),
  /** Registration period. */
  from: isoDate.optional(),
  to: isoDate.optional(),
});
export type ComplaintFilters = z.infer<typeof ComplaintFilters>;
