/**
 * Complaints (регламент, раздел V, п. 55–76): what a complaint may be about,
 * how it ends, and its working-day deadlines on the production calendar:
 * - p.67: registered no later than the next working day after it arrived;
 * - p.61: decided within 15 working days of registration, or within 5 when a
 *   refusal to accept documents or to correct errors (or a late correction)
 *   is complained of;
 * - p.64: forwarded within 3 working days of registration when another body
 *   is competent (the term of examination then runs there);
 * - p.69: when satisfied, the violations are remedied within 5 working days
 *   of the decision;
 * - p.71: the reasoned answer goes out no later than the day after the
 *   decision (a day off moves it to the next working day).
 * The numbers of days come from the reference data (deadline-terms.ts).
 *
 * Pure functions, no I/O.
 */
import type { ProductionCalendar } from './calendar';
import type { ComplaintTerms } from './deadline-terms';

/** p.56: the cases a complaint may be about (a complaint may name several). */
export const COMPLAINT_SUBJECTS = [
  'registration_term',
  'service_term',
  'extra_documents',
  'refusal_to_accept_documents',
  'refusal_of_service',
  'fee_demanded',
  'refusal_to_correct_errors',
  'other',
] as const;
export type ComplaintSubject = (typeof COMPLAINT_SUBJECTS)[number];

export const COMPLAINT_SUBJECT_LABELS: Record<ComplaintSubject, string> = {
  registration_term: 'нарушение срока регистрации запроса заявителя о предоставлении государственной услуги',
  service_term: 'нарушение срока предоставления государственной услуги',
  extra_documents: 'требование у заявителя документов, не предусмотренных нормативными правовыми актами',
  refusal_to_accept_documents: 'отказ в приеме документов, предоставление которых предусмотрено нормативными правовыми актами',
  refusal_of_service: 'отказ в предоставлении государственной услуги по основаниям, не предусмотренным нормативными правовыми актами',
  fee_demanded: 'затребование с заявителя платы, не предусмотренной нормативными правовыми актами',
  refusal_to_correct_errors: 'отказ в исправлении допущенных опечаток и ошибок в выданных документах либо нарушение срока таких исправлений',
  other: 'иные решения и действия (бездействие)',
};

/** p.61: the subjects examined within the short term. */
export const SHORT_TERM_SUBJECTS: readonly ComplaintSubject[] = ['refusal_to_accept_documents', 'refusal_to_correct_errors'];

/** p.59, p.62: how a complaint arrives. */
export const COMPLAINT_CHANNELS = ['in_person', 'post', 'mfc', 'epgu', 'regional_portal', 'department_site'] as const;
export type ComplaintChannel = (typeof COMPLAINT_CHANNELS)[number];
export const COMPLAINT_CHANNEL_LABELS: Record<ComplaintChannel, string> = {
  in_person: 'На личном приёме',
  post: 'Почтой',
  mfc: 'Через МФЦ',
  epgu: 'ЕПГУ',
  regional_portal: 'Региональный портал',
  department_site: 'Официальный сайт Департамента',
};

/** p.68, 72, 73: how the examination ends. */
/** p.71: how the answer is sent. */
export const COMPLAINT_ANSWER_METHODS = ['post', 'email', 'post_and_email'] as const;

export const COMPLAINT_OUTCOMES = ['satisfied', 'refused', 'left_unanswered'] as const;
export type ComplaintOutcome = (typeof COMPLAINT_OUTCOMES)[number];
export const COMPLAINT_OUTCOME_LABELS: Record<ComplaintOutcome, string> = {
  satisfied: 'Жалоба удовлетворена',
  refused: 'В удовлетворении жалобы отказано',
  left_unanswered: 'Жалоба оставлена без ответа',
};

/** p.72 (and ч. 7 ст. 11.2 210-ФЗ for a complaint found unfounded): grounds to refuse. */
export const REFUSAL_GROUNDS_P72 = [
  {
    code: 'court_decision',
    text: 'наличие вступившего в законную силу решения суда, арбитражного суда по жалобе о том же предмете и по тем же основаниям',
    paragraph: 'п. 72',
  },
  {
    code: 'authority_not_confirmed',
    text: 'подача жалобы лицом, полномочия которого не подтверждены в порядке, установленном законодательством Российской Федерации',
    paragraph: 'п. 72',
  },
  {
    code: 'already_decided',
    text: 'наличие решения по жалобе, принятого ранее в отношении того же заявителя и по тому же предмету жалобы',
    paragraph: 'п. 72',
  },
  {
    code: 'unfounded',
    text: 'доводы жалобы не нашли подтверждения при ее рассмотрении',
    paragraph: 'п. 68',
  },
] as const;
export type ComplaintRefusalGround = (typeof REFUSAL_GROUNDS_P72)[number]['code'];

/** p.73: grounds to leave a complaint without an answer. */
export const UNANSWERED_GROUNDS_P73 = [
  {
    code: 'offensive',
    text: 'наличие в жалобе нецензурных либо оскорбительных выражений, угроз жизни, здоровью и имуществу должностного лица, а также членам его семьи',
    paragraph: 'п. 73',
  },
  {
    code: 'unreadable',
    text: 'отсутствие возможности прочитать какую-либо часть текста жалобы, фамилию, имя, отчество (при наличии) и (или) почтовый адрес заявителя',
    paragraph: 'п. 73',
  },
] as const;
export type ComplaintUnansweredGround = (typeof UNANSWERED_GROUNDS_P73)[number]['code'];

export const COMPLAINT_GROUND_CODES = [...REFUSAL_GROUNDS_P72.map((g) => g.code), ...UNANSWERED_GROUNDS_P73.map((g) => g.code)] as [string, ...string[]];

export function complaintGround(code: string): { code: string; text: string; paragraph: string } | undefined {
  return [...REFUSAL_GROUNDS_P72, ...UNANSWERED_GROUNDS_P73].find((g) => g.code === code);
}

/** Whether a ground fits the outcome: p.72 for a refusal, p.73 for no answer. */
export function groundFitsOutcome(outcome: ComplaintOutcome, ground: string | null | undefined): boolean {
  if (outcome === 'satisfied') return !ground;
  const list: readonly { code: string }[] = outcome === 'refused' ? REFUSAL_GROUNDS_P72 : UNANSWERED_GROUNDS_P73;
  return list.some((g) => g.code === ground);
}

// ------------------------------------------------------------------ states

/**
 * registered → forwarded (another body is competent, p.64) | decided
 * (satisfied or refused, p.68) | left_unanswered (p.73); decided → answered
 * (p.71). A satisfied complaint also waits for its remedy (p.69).
 */
export const COMPLAINT_STATUSES = ['registered', 'forwarded', 'decided', 'answered', 'left_unanswered'] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];
export const COMPLAINT_STATUS_LABELS: Record<ComplaintStatus, string> = {
  registered: 'На рассмотрении',
  forwarded: 'Направлена по компетенции',
  decided: 'Решение принято, ответ не направлен',
  answered: 'Ответ направлен',
  left_unanswered: 'Оставлена без ответа',
};

const COMPLAINT_TRANSITIONS: Record<ComplaintStatus, readonly ComplaintStatus[]> = {
  registered: ['forwarded', 'decided', 'left_unanswered'],
  decided: ['answered'],
  forwarded: [],
  answered: [],
  left_unanswered: [],
};

export function canComplaintTransition(from: ComplaintStatus, to: ComplaintStatus): boolean {
  return COMPLAINT_TRANSITIONS[from].includes(to);
}

// ------------------------------------------------------------------ deadlines

export const COMPLAINT_DEADLINE_KINDS = ['registration', 'decision', 'forwarding', 'remedy', 'answer'] as const;
export type ComplaintDeadlineKind = (typeof COMPLAINT_DEADLINE_KINDS)[number];
export const COMPLAINT_DEADLINE_LABELS: Record<ComplaintDeadlineKind, string> = {
  registration: 'Регистрация жалобы (п. 67)',
  decision: 'Рассмотрение жалобы (п. 61)',
  forwarding: 'Направление по компетенции (п. 64)',
  remedy: 'Устранение нарушений (п. 69)',
  answer: 'Направление ответа (п. 71)',
};

export interface ComplaintFacts {
  /** 'YYYY-MM-DD': the day the complaint arrived. */
  receivedDate: string;
  /** 'YYYY-MM-DD': the day it was registered. */
  registeredDate: string;
  subjects: readonly ComplaintSubject[];
  /** False when another body is competent (p.64). */
  competent: boolean;
  decisionDate?: string | null;
  outcome?: ComplaintOutcome | null;
}

export interface ComplaintDeadlines {
  registration: string;
  /** Null when the complaint goes to another body. */
  decision: string | null;
  /** Only when another body is competent. */
  forwarding: string | null;
  /** Known once the complaint is satisfied. */
  remedy: string | null;
  /** Known once decided (none when left without an answer). */
  answer: string | null;
}

/** Whether p.61's 5-day term applies. */
export function shortTerm(subjects: readonly ComplaintSubject[]): boolean {
  return subjects.some((s) => SHORT_TERM_SUBJECTS.includes(s));
}

export function complaintDeadlines(cal: ProductionCalendar, f: ComplaintFacts, terms: ComplaintTerms): ComplaintDeadlines {
  const decided = f.decisionDate && f.outcome ? f.decisionDate : null;
  return {
    registration: cal.addWorkingDays(f.receivedDate, terms.registration),
    decision: f.competent ? cal.addWorkingDays(f.registeredDate, shortTerm(f.subjects) ? terms.decisionShort : terms.decision) : null,
    forwarding: f.competent ? null : cal.addWorkingDays(f.registeredDate, terms.forwarding),
    remedy: decided && f.outcome === 'satisfied' ? cal.addWorkingDays(decided, terms.remedy) : null,
    answer: decided && f.outcome !== 'left_unanswered' ? cal.addWorkingDays(decided, terms.answer) : null,
  };
}

/** The nearest deadline still to be met, given the complaint's state. */
export function nextComplaintDeadline(
  d: ComplaintDeadlines,
  s: { status: ComplaintStatus; outcome?: ComplaintOutcome | null; remedyDone: boolean },
): { kind: ComplaintDeadlineKind; date: string } | null {
  const open: { kind: ComplaintDeadlineKind; date: string | null }[] = [];
  if (s.status === 'registered') open.push({ kind: 'decision', date: d.decision }, { kind: 'forwarding', date: d.forwarding });
  if (s.status === 'decided') open.push({ kind: 'answer', date: d.answer });
  if ((s.status === 'decided' || s.status === 'answered') && s.outcome === 'satisfied' && !s.remedyDone) open.push({ kind: 'remedy', date: d.remedy });
  let best: { kind: ComplaintDeadlineKind; date: string } | null = null;
  for (const o of open) if (o.date && (!best || o.date < best.date)) best = { kind: o.kind, date: o.date };
  return best;
}

/** A complaint nothing more is due on. */
export function complaintClosed(s: { status: ComplaintStatus; outcome?: ComplaintOutcome | null; remedyDone: boolean }): boolean {
  if (s.status === 'forwarded' || s.status === 'left_unanswered') return true;
  return s.status === 'answered' && (s.outcome !== 'satisfied' || s.remedyDone);
}
