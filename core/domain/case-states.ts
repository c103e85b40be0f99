/**
 * The states of a case and the only transitions allowed between them
 * (p.43–47): registered → interagency requests sent → documents complete →
 * decision drafted (ИППСУ or refusal) → sent for signing → signed → issued;
 * withdrawn by the applicant at any point before signing; a registration
 * made in error is annulled and stays in the journal.
 *
 * The sign-off queue (p.46): the specialist sends the draft to the head
 * («На подписи»); the head signs it or returns it with a comment («Возвращено
 * на доработку»); the specialist fixes the draft and sends it again. A head
 * may still sign a draft directly (at the desk, without the queue).
 */
export const CASE_STATUSES = [
  'registered',
  'requests_sent',
  'documents_complete',
  'decision_drafted',
  'awaiting_signature',
  'returned',
  'signed',
  'issued',
  'withdrawn',
  'annulled',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CASE_STATUS_LABELS: Record<CaseStatus, string> = {
  registered: 'Зарегистрировано',
  requests_sent: 'Направлены запросы',
  documents_complete: 'Документы собраны',
  decision_drafted: 'Решение подготовлено',
  awaiting_signature: 'На подписи',
  returned: 'Возвращено на доработку',
  signed: 'Подписано',
  issued: 'Выдано',
  withdrawn: 'Отозвано заявителем',
  annulled: 'Аннулировано',
};

const TRANSITIONS: Record<CaseStatus, readonly CaseStatus[]> = {
  registered: ['requests_sent', 'documents_complete', 'withdrawn', 'annulled'],
  requests_sent: ['documents_complete', 'withdrawn'],
  documents_complete: ['decision_drafted', 'withdrawn'],
  decision_drafted: ['awaiting_signature', 'signed', 'documents_complete', 'withdrawn'],
  awaiting_signature: ['signed', 'returned', 'withdrawn'],
  returned: ['awaiting_signature', 'documents_complete', 'withdrawn'],
  signed: ['issued', 'decision_drafted'],
  issued: [],
  withdrawn: [],
  annulled: [],
};

export function canTransition(from: CaseStatus, to: CaseStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

export function allowedTransitions(from: CaseStatus): readonly CaseStatus[] {
  return TRANSITIONS[from];
}

/** The open states (the procedure still runs), in the order of the procedure. */
export const OPEN_STATUSES: readonly CaseStatus[] = CASE_STATUSES.filter((s) => !isClosed(s));

/** A case whose procedure is over: no deadline runs for it. */
export function isClosed(s: CaseStatus): boolean {
  return s === 'issued' || s === 'withdrawn' || s === 'annulled';
}

/**
 * The states in which the case's acts (Appendix 3 and 4) may be saved: until
 * the result goes for signing, and again while a returned draft is fixed.
 */
export const ACT_EDITABLE: readonly CaseStatus[] = ['registered', 'requests_sent', 'documents_complete', 'decision_drafted', 'returned'];

/** Which steps with a deadline are behind a case in this state. */
export function stepsDone(s: CaseStatus): { requestsSent: boolean; decided: boolean; resultIssued: boolean } {
  return {
    requestsSent: s !== 'registered',
    // p.46: the decision term runs until the head signs the result.
    decided: s === 'signed' || s === 'issued',
    resultIssued: s === 'issued',
  };
}
