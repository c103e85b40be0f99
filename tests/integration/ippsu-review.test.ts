/**
 * ИППСУ term and review on a real SQLite file: the three-year term refused
 * with a message, the review list (ending within the horizon, expired,
 * circumstances changed), registering an application as a review (the person
 * carried over, the old programme linked, the new one printed «повторно»).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../core/api/errors';
import type { CaseView, RegisterInput } from '../../core/api/reception';
import { CITIZEN_ACT, NEED_ACT } from '../../scripts/form-samples-acts';
import { SAMPLE_IPPSU } from '../../scripts/form-samples-decision';
import { SAMPLE_BARTHEL, SAMPLE_LAWTON } from '../../scripts/form-samples-scales';
import { docxToText } from '../helpers/docx-text';
import { sampleApplication } from '../support/applications';
import { actRev, draftOf } from '../support/case-steps';
import { createEnv, userWithRoles, type TestEnv } from './helpers';

let env: TestEnv;
let clock: Date;
let spec: string;
let head: string;

beforeEach(async () => {
  clock = new Date('2026-11-25T06:00:00Z');
  env = await createEnv({ now: () => clock });
  spec = await userWithRoles(env, 'spec', ['specialist', 'reception']);
  head = await userWithRoles(env, 'head', ['head']);
});
afterEach(() => env.cleanup());

const call = async <T = CaseView>(token: string, method: string, input: unknown): Promise<T> => {
  const r = await env.backend.call(token, method, input);
  if (!r.envelope.ok) throw new ApiError(r.envelope.error.code, r.envelope.error.message, r.envelope.error.fields);
  return r.envelope.data as T;
};
const fails = (p: Promise<unknown>) => p.then(() => null, (e: ApiError) => e);

async function toDecision(c: CaseView): Promise<CaseView> {
  let v = c;
  for (const [i, p] of c.proposedRequests.entries()) {
    v = await call(spec, 'requests.send', { caseId: c.id, agencyCode: p.agencyCode, documentKeys: p.documentKeys, subject: p.subject, channel: 'smev', outgoingNumber: `7-${c.id}-${i}`, sentDate: '2026-11-25' });
  }
  for (const r of v.requests) v = await call(spec, 'requests.answer', { requestId: r.id, rev: r.rev, answerDate: '2026-11-25', incomingNumber: `вх-${r.id}`, summary: 'Получено' });
  v = await call(spec, 'acts.save', { caseId: c.id, rev: actRev(v, false), form: 'appendix3-citizen', act: CITIZEN_ACT, barthel: SAMPLE_BARTHEL, lawton: SAMPLE_LAWTON });
  v = await call(spec, 'acts.save', { caseId: c.id, rev: actRev(v, true), form: 'appendix4', act: NEED_ACT });
  return call(spec, 'cases.completeDocuments', { caseId: c.id, rev: v.rev });
}

async function signedIppsu(termUntil: string, over: Parameters<typeof sampleApplication>[0] = {}): Promise<CaseView> {
  const c = await toDecision(await call(spec, 'cases.register', sampleApplication(over)));
  const d = await call(spec, 'decisions.save', { caseId: c.id, ...draftOf(c), kind: 'ippsu', ippsu: { ...SAMPLE_IPPSU, date: '2026-11-25', termUntil } });
  return call(head, 'decisions.sign', draftOf(d));
}

describe('the ИППСУ term', () => {
  it('at most three years from the programme’s date, refused with a Russian message on the field', async () => {
    const c = await toDecision(await call(spec, 'cases.register', sampleApplication()));
    const e = await fails(call(spec, 'decisions.save', { caseId: c.id, ...draftOf(c), kind: 'ippsu', ippsu: { ...SAMPLE_IPPSU, date: '2026-11-25', termUntil: '2029-11-26' } }));
    expect(e).toMatchObject({ code: 'VALIDATION', fields: { 'ippsu.termUntil': 'Программа составляется не более чем на три года: срок — не позднее 25.11.2029 (ст. 16 Федерального закона N 442-ФЗ)' } });
    const ok = await call(spec, 'decisions.save', { caseId: c.id, ...draftOf(c), kind: 'ippsu', ippsu: { ...SAMPLE_IPPSU, date: '2026-11-25', termUntil: '2029-11-25' } });
    expect(ok.status).toBe('decision_drafted');
  });
});

describe('the review list', () => {
  it('programmes ending within the horizon, expired ones, and those whose person’s circumstances changed', async () => {
    const soon = await signedIppsu('2027-01-10', { applicant: { lastName: 'Скорова' } });
    const far = await signedIppsu('2029-11-25', { applicant: { lastName: 'Дальнева', snils: '112-233-445 95' } });
    // An older programme, already expired: its term written directly (a programme signed years ago).
    const old = await signedIppsu('2027-06-01', { applicant: { lastName: 'Старова', snils: '123-456-789 64' } });
    env.backend.db.$client.prepare("update case_decisions set data = json_set(data, '$.termUntil', '2026-10-01') where case_id = ?").run(old.id);

    let list = await call<{ rows: { decisionId: number; state: string; reasons: string[]; daysLeft: number }[]; total: number }>(spec, 'ippsu.reviews', {});
    expect(list.rows.map((r) => [r.decisionId, r.state])).toEqual([
      [old.decisions[0]!.id, 'expired'],
      [soon.decisions[0]!.id, 'due'],
    ]);
    expect(list.rows[1]).toMatchObject({ daysLeft: 46, reasons: ['Срок программы истекает 10.01.2027'] });
    expect((await call<{ total: number }>(spec, 'ippsu.reviews', { horizonDays: 30 })).total).toBe(1);

    // A change of circumstances flags the far programme.
    const changes = await call<{ kindLabel: string }[]>(spec, 'persons.recordChange', { personId: far.personId, date: '2026-11-25', kind: 'disability_established', note: 'II группа' });
    expect(changes.map((c) => c.kindLabel)).toEqual(['Установлена инвалидность']);
    expect(await fails(call(spec, 'persons.recordChange', { personId: far.personId, date: '2026-12-01', kind: 'other' }))).toMatchObject({ code: 'VALIDATION' });
    list = await call(spec, 'ippsu.reviews', {});
    expect(list.rows.find((r) => r.decisionId === far.decisions[0]!.id)).toMatchObject({ state: 'flagged', reasons: ['Установлена инвалидность (25.11.2026)'] });
    expect((await call<unknown[]>(head, 'persons.changes', { personId: far.personId })).length).toBe(1);
    expect((await call<{ total: number }>(env.adminToken, 'audit.list', { entity: 'circumstance_change' })).total).toBe(1);
  });
});

describe('an application to review a programme', () => {
  it('carries the person over, links the old ИППСУ, and the new programme prints «повторно»', async () => {
    const first = await signedIppsu('2027-01-10');
    const oldId = first.decisions[0]!.id;
    const pre = await call<{ personId: number; personRev: number; reviewOfDecisionId: number; applicant: Record<string, unknown>; subservice: string; reviewOf: { outgoingNumber: string } }>(spec, 'ippsu.reviewPrefill', { decisionId: oldId });
    expect(pre).toMatchObject({ personId: first.personId, reviewOfDecisionId: oldId, subservice: 'home', applicant: { lastName: 'Семёнова', firstName: 'Алёна' }, reviewOf: { outgoingNumber: '1/2026' } });

    const refused = await fails(call(spec, 'cases.register', { ...sampleApplication(), personId: 9999, reviewOfDecisionId: oldId } satisfies RegisterInput));
    expect(refused).toMatchObject({ code: 'VALIDATION' });
    const review = await call(spec, 'cases.register', { ...sampleApplication(), personId: pre.personId, personRev: pre.personRev, reviewOfDecisionId: oldId });
    expect(review).toMatchObject({ personId: first.personId, reviewOfDecisionId: oldId });
    const list = await call<{ rows: { decisionId: number; reviewCaseId: number | null }[] }>(spec, 'ippsu.reviews', {});
    expect(list.rows.find((r) => r.decisionId === oldId)).toMatchObject({ reviewCaseId: review.id });

    const c = await toDecision(review);
    const first_ = await fails(call(spec, 'decisions.save', { caseId: c.id, ...draftOf(c), kind: 'ippsu', ippsu: { ...SAMPLE_IPPSU, date: '2026-11-25', termUntil: '2029-11-25', firstOrRepeat: 'first' } }));
    expect(first_).toMatchObject({ code: 'VALIDATION', fields: { 'ippsu.firstOrRepeat': 'Программа составляется повторно' } });
    const d = await call(spec, 'decisions.save', { caseId: c.id, ...draftOf(c), kind: 'ippsu', ippsu: { ...SAMPLE_IPPSU, date: '2026-11-25', termUntil: '2029-11-25', firstOrRepeat: 'repeat' } });
    clock = new Date('2026-11-25T08:00:00Z');
    const signed = await call(head, 'decisions.sign', draftOf(d));
    const file = await call<{ base64: string }>(spec, 'decisions.print', { decisionId: signed.decisions[0]!.id });
    const text = docxToText(Buffer.from(file.base64, 'base64')).replace(/\s+/g, ' ');
    expect(text).toMatch(/разработана: впервые, повторно \(нужное подчеркнуть\) на срок до: 25\.11\.2029/);
    // The new programme replaces the old one in the review list.
    expect((await call<{ rows: { decisionId: number }[] }>(spec, 'ippsu.reviews', {})).rows.map((r) => r.decisionId)).not.toContain(oldId);
    // A refusal or a withdrawn case cannot be reviewed.
    expect(await fails(call(spec, 'ippsu.reviewPrefill', { decisionId: 999 }))).toMatchObject({ code: 'NOT_FOUND' });
  });
});
