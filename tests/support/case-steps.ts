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

/** From a registered case to a drafted refusal, as the specialist. Returns the draft's decision id. */
export async function draftRefusal(spec: Call, c: CaseView): Promise<number> {
  const today = officeToday();
  let v = c;
  for (const [i, p] of c.proposedRequests.entries()) {
    v = await spec('requests.send', { caseId: c.id, agencyCode: p.agencyCode, documentKeys: p.documentKeys, subject: p.subject, channel: 'smev', outgoingNumber: `15-${c.id}-${i}`, sentDate: today });
  }
  for (const r of v.requests) {
    v = await spec('requests.answer', { requestId: r.id, answerDate: today, incomingNumber: `вх-${r.id}`, summary: 'Сведения получены' });
  }
  await spec('acts.save', { caseId: c.id, form: 'appendix3-citizen', act: CITIZEN_ACT, barthel: SAMPLE_BARTHEL, lawton: SAMPLE_LAWTON });
  await spec('acts.save', { caseId: c.id, form: 'appendix4', act: NEED_ACT });
  await spec('cases.completeDocuments', { caseId: c.id });
  v = await spec('decisions.save', { caseId: c.id, kind: 'refusal', refusal: SAMPLE_REFUSAL });
  return v.decisions.find((d) => d.status === 'draft')!.id;
}
