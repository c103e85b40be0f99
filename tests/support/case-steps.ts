/**
 * Steps that bring a registered case to a drafted decision, through the API
 * (any transport): requests sent and answered, both acts, documents complete,
 * a refusal drafted. For tests of what comes after (sign-off, issue).
 */
import type { CaseView } from '../../core/api/reception';
import { CITIZEN_ACT, NEED_ACT } from '../../scripts/form-samples-acts';
import { SAMPLE_REFUSAL } from '../../scripts/form-samples-decision';
import { SAMPLE_BARTHEL, SAMPLE_LAWTON } from '../../scripts/form-samples-scales';
import { officeToday } from './office-clock';

export type Call = <T = CaseView>(method: string, input: unknown) => Promise<T>;

/** The draft a decisions.save edits (or a new one), as the case shows it. */
export const draftOf = (c: CaseView) => {
  const d = c.decisions.find((x) => x.status === 'draft');
  return d ? { decisionId: d.id, rev: d.rev } : { decisionId: null, rev: 0 };
};

/** The revision of the case's Appendix 3 or Appendix 4 act (0 when there is none yet). */
export const actRev = (c: CaseView, appendix4: boolean) => c.acts.find((a) => (a.form === 'appendix4') === appendix4)?.rev ?? 0;

/** From a registered case to a drafted refusal, as the specialist. Returns the draft as a decisions.sign takes it. */
export async function draftRefusal(spec: Call, c: CaseView): Promise<{ decisionId: number; rev: number }> {
  const today = officeToday();
  let v = c;
  for (const [i, p] of c.proposedRequests.entries()) {
    v = await spec('requests.send', { caseId: c.id, agencyCode: p.agencyCode, documentKeys: p.documentKeys, subject: p.subject, channel: 'smev', outgoingNumber: `15-${c.id}-${i}`, sentDate: today });
  }
  for (const r of v.requests) {
    v = await spec('requests.answer', { requestId: r.id, rev: r.rev, answerDate: today, incomingNumber: `вх-${r.id}`, summary: 'Сведения получены' });
  }
  v = await spec('acts.save', { caseId: c.id, rev: actRev(v, false), form: 'appendix3-citizen', act: CITIZEN_ACT, barthel: SAMPLE_BARTHEL, lawton: SAMPLE_LAWTON });
  v = await spec('acts.save', { caseId: c.id, rev: actRev(v, true), form: 'appendix4', act: NEED_ACT });
  v = await spec('cases.completeDocuments', { caseId: c.id, rev: v.rev });
  v = await spec('decisions.save', { caseId: c.id, ...draftOf(v), kind: 'refusal', refusal: SAMPLE_REFUSAL });
  const d = v.decisions.find((x) => x.status === 'draft')!;
  return { decisionId: d.id, rev: d.rev };
}
