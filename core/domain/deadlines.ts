/**
 * Working-day deadlines of the regulation, as plain functions over the
 * production calendar:
 * - p.35: an application received by mail, through a portal (ЕПГУ, regional)
 *   or an MFC is registered within 1 working day of its receipt;
 * - p.45: interagency requests within 1 working day of registration;
 * - p.46: the decision within 10 working days of registration;
 * - p.17: the result within 15 working days of registration;
 * - p.47: the result issued within 5 working days of signing;
 * - 210-ФЗ art. 7.2: an agency answers a request within 5 working days.
 * «В течение N рабочих дней со дня X» ends on the N-th working day after X.
 *
 * The numbers of days are data (core/domain/deadline-terms.ts): the functions
 * take the terms applied to the case.
 */
import type { ProductionCalendar } from './calendar';
import { REGULATION_CASE_TERMS, type CaseTerms } from './deadline-terms';

export const CHANNELS = ['in_person', 'mail', 'epgu', 'regional_portal', 'mfc'] as const;
export type Channel = (typeof CHANNELS)[number];

export const CHANNEL_LABELS: Record<Channel, string> = {
  in_person: 'Лично',
  mail: 'Почтой',
  epgu: 'ЕПГУ',
  regional_portal: 'Региональный портал',
  mfc: 'МФЦ',
};

/** The regulation's terms (the seed of the reference data); cases use the terms recorded on them. */
export const TERMS: Readonly<CaseTerms> = REGULATION_CASE_TERMS;

export const DEADLINE_KINDS = ['registration', 'requests', 'decision', 'result', 'issue'] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

export const DEADLINE_LABELS: Record<DeadlineKind, string> = {
  registration: 'Регистрация заявления',
  requests: 'Межведомственные запросы',
  decision: 'Решение',
  result: 'Предоставление результата',
  issue: 'Выдача результата',
};

export interface CaseDeadlines {
  /** Only for mail, portals and MFC (p.35); in person it is registered on the spot (p.36). */
  registration: string | null;
  /** Null when nothing is to be requested from other agencies. */
  requests: string | null;
  decision: string;
  result: string;
  /** p.47: known once the result is signed. */
  issue: string | null;
}

/** The n-th working day after `from` (p.17 counting). */
export function dueAfter(cal: ProductionCalendar, from: string, workingDays: number): string {
  return cal.addWorkingDays(from, workingDays);
}

export function caseDeadlines(
  cal: ProductionCalendar,
  a: { channel: Channel; receivedDate: string; registeredDate: string; hasRequests: boolean; signedDate?: string | null },
  terms: Readonly<CaseTerms>,
): CaseDeadlines {
  return {
    registration: a.channel === 'in_person' ? null : dueAfter(cal, a.receivedDate, terms.registration),
    requests: a.hasRequests ? dueAfter(cal, a.registeredDate, terms.requests) : null,
    decision: dueAfter(cal, a.registeredDate, terms.decision),
    result: dueAfter(cal, a.registeredDate, terms.result),
    issue: a.signedDate ? dueAfter(cal, a.signedDate, terms.issue) : null,
  };
}

/**
 * p.35 and p.43: an application is registered late when it came by post, a
 * portal or an MFC and was registered after its registration deadline, or
 * when it was handed in person and registered on a later day than received
 * (p.43: «в день поступления обращения»).
 */
export function registeredLate(a: { channel: string; receivedDate: string; registeredDate: string; dueRegistration: string | null }): boolean {
  if (a.channel === 'in_person') return a.registeredDate > a.receivedDate;
  return a.dueRegistration !== null && a.registeredDate > a.dueRegistration;
}

/** The nearest deadline not yet met, given which steps are done. */
export function nextDeadline(
  d: CaseDeadlines,
  done: { requestsSent: boolean; decided: boolean; resultIssued: boolean },
): { kind: DeadlineKind; date: string } | null {
  const open: { kind: DeadlineKind; date: string | null }[] = [
    { kind: 'requests', date: done.requestsSent ? null : d.requests },
    { kind: 'decision', date: done.decided ? null : d.decision },
    { kind: 'result', date: done.resultIssued ? null : d.result },
    { kind: 'issue', date: done.resultIssued ? null : d.issue },
  ];
  let best: { kind: DeadlineKind; date: string } | null = null;
  for (const o of open) if (o.date && (!best || o.date < best.date)) best = { kind: o.kind, date: o.date };
  return best;
}

export type Urgency = 'overdue' | 'today' | 'soon' | 'later';

export const URGENCY_LABELS: Record<Urgency, string> = {
  overdue: 'Просрочено',
  today: 'Срок сегодня',
  soon: 'Срок в ближайшие 2 рабочих дня',
  later: 'В срок',
};

/** Overdue, due today, due within the next 2 working days, or later. */
export function urgency(cal: ProductionCalendar, due: string, today: string): Urgency {
  if (due < today) return 'overdue';
  if (due === today) return 'today';
  return due <= cal.addWorkingDays(today, 2) ? 'soon' : 'later';
}

/** The latest due date that still counts as "soon" seen from today (for list filters). */
export function soonHorizon(cal: ProductionCalendar, today: string): string {
  return cal.addWorkingDays(today, 2);
}

