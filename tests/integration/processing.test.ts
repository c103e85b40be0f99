import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../core/api/errors';
import type { CaseView } from '../../core/api/reception';
import { caseDecisions } from '../../db/schema';
import { CITIZEN_ACT, NEED_ACT } from '../../scripts/form-samples-acts';
import { SAMPLE_IPPSU, SAMPLE_REFUSAL } from '../../scripts/form-samples-decision';
import { SAMPLE_BARTHEL, SAMPLE_LAWTON } from '../../scripts/form-samples-scales';
import { docxText as docxToText, norm } from '../helpers/docx-xml';
import { sampleApplication } from '../support/applications';
import { createEnv, userWithRoles, type TestEnv } from './helpers';
import { actRev, draftOf } from '../support/case-steps';

let env: TestEnv;
let clock: Date;
let spec: string;
let head: string;
let priem: string;

beforeEach(async () => {
  clock = new Date('2026-11-25T06:00:00Z'); // Wed 25.11.2026, 11:00 local
  env = await createEnv({ now: () => clock });
  spec = await userWithRoles(env, 'spec', ['specialist']);
  head = await userWithRoles(env, 'head', ['head']);
  priem = await userWithRoles(env, 'priem', ['reception']);
});
afterEach(() => env.cleanup());

const call = async <T = CaseView>(token: string, method: string, input: unknown): Promise<T> => {
  const r = await env.backend.call(token, method, input);
  if (!r.envelope.ok) throw new ApiError(r.envelope.error.code, r.envelope.error.message, r.envelope.error.fields);
  return r.envelope.data as T;
};
const code = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e) => (e instanceof ApiError ? e.code : String(e)),
  );


async function registered(): Promise<CaseView> {
  return call(priem, 'cases.register', sampleApplication());
}

async function sendAll(c: CaseView, sentDate = '2026-11-25'): Promise<CaseView> {
  let v = c;
  for (const [i, p] of c.proposedRequests.entries()) {
    v = await call(spec, 'requests.send', {
      caseId: c.id,
      agencyCode: p.agencyCode,
      documentKeys: p.documentKeys,
      subject: p.subject,
      channel: i === 0 ? 'paper' : 'smev',
      outgoingNumber: `15-${100 + i}`,
      sentDate,
    });
  }
  return v;
}

async function answerAll(c: CaseView, answerDate = '2026-11-25'): Promise<CaseView> {
  let v = c;
  for (const r of c.requests) {
    v = await call(spec, 'requests.answer', { requestId: r.id, rev: r.rev, answerDate, incomingNumber: `вх-${r.id}`, summary: 'Сведения получены' });
  }
  return v;
}

async function withActs(c: CaseView): Promise<CaseView> {
  await call(spec, 'acts.save', { caseId: c.id, rev: actRev(c, false), form: 'appendix3-citizen', act: CITIZEN_ACT, barthel: SAMPLE_BARTHEL, lawton: SAMPLE_LAWTON });
  return call(spec, 'acts.save', { caseId: c.id, rev: actRev(c, true), form: 'appendix4', act: NEED_ACT });
}

describe('a case from registration to issue (p.43–47)', () => {
  it('walks the whole procedure and records the timeline', async () => {
    let c = await registered();
    expect(c.status).toBe('registered');
    expect(c.proposedRequests.map((p) => p.agencyCode).sort()).toEqual(['csv', 'fms', 'mvd', 'sfr']);

    c = await sendAll(c);
    expect(c.status).toBe('requests_sent');
    expect(c.proposedRequests).toEqual([]);
    // Answers are due 5 working days after sending: Wed 25.11 → Wed 02.12.
    expect(c.requests.every((r) => r.dueDate === '2026-12-02')).toBe(true);

    // Not yet: requests unanswered, no acts.
    const refused = await call(spec, 'cases.completeDocuments', { caseId: c.id, rev: c.rev }).catch((e: ApiError) => e);
    expect(refused).toBeInstanceOf(ApiError);
    expect((refused as ApiError).message).toMatch(/нет акта обследования[\s\S]*нет ответа на запросы/);

    c = await answerAll(c);
    c = await withActs(c);
    const act3 = c.acts.find((a) => a.form === 'appendix3-citizen')!;
    expect(act3.barthelResult).toMatchObject({ score: 70, complete: true });
    expect(act3.lawtonResult).toMatchObject({ score: 5, complete: true });
    expect(act3.act.barthel).toEqual({ score: 70, band: act3.barthelResult!.band });
    expect(c.acts.every((a) => a.complete)).toBe(true);

    c = await call(spec, 'cases.completeDocuments', { caseId: c.id, rev: c.rev });
    expect(c.status).toBe('documents_complete');

    c = await call(spec, 'decisions.save', { caseId: c.id, ...draftOf(c), kind: 'ippsu', ippsu: SAMPLE_IPPSU });
    expect(c.status).toBe('decision_drafted');
    const draft = c.decisions[0];
    expect(draft).toMatchObject({ version: 1, status: 'draft', outgoingNumber: null });

    // The draft prints marked as such.
    const draftFile = await call<{ base64: string; sha256: string | null }>(spec, 'decisions.print', { decisionId: draft.id });
    expect(draftFile.sha256).toBeNull();
    expect(docxToText(Buffer.from(draftFile.base64, 'base64'))).toMatch(/ПРОЕКТ/);

    // Only a head signs: the backend refuses a specialist.
    expect(await code(call(spec, 'decisions.sign', { decisionId: draft.id, rev: draft.rev }))).toBe('FORBIDDEN');
    c = await call(head, 'decisions.sign', { decisionId: draft.id, rev: draft.rev });
    expect(c.status).toBe('signed');
    const signed = c.decisions[0];
    expect(signed).toMatchObject({ status: 'signed', outgoingNumber: '1/2026', signedByName: 'Пользователь head' });
    // Issue due 5 working days after signing (Wed 25.11 → Wed 02.12).
    expect(c.deadlines.issue).toBe('2026-12-02');

    // Issuing by post.
    expect(await code(call(priem, 'cases.issue', { caseId: c.id, rev: c.rev, method: 'post', date: '2026-11-25' }))).toBe('VALIDATION');
    c = await call(priem, 'cases.issue', { caseId: c.id, rev: c.rev, method: 'post', date: '2026-11-25', postalAddress: '628400, г. Сургут, ул. Ленина, д. 1, кв. 5', postalId: '62840012345678' });
    expect(c.status).toBe('issued');
    expect(c.decisions[0]).toMatchObject({ issueMethod: 'post', postalId: '62840012345678' });
    expect(c.nextDue).toBeNull();

    expect(c.events.filter((e) => e.kind === 'status').map((e) => e.toStatus)).toEqual(['registered', 'requests_sent', 'documents_complete', 'decision_drafted', 'signed', 'issued']);
    expect(c.events.find((e) => e.toStatus === 'signed')?.userName).toBe('Пользователь head');
  });

  it('a signed document reads back byte for byte with its hash; a change makes a new version', async () => {
    let c = await registered();
    c = await answerAll(await sendAll(c));
    c = await withActs(c);
    c = await call(spec, 'cases.completeDocuments', { caseId: c.id, rev: c.rev });
    c = await call(spec, 'decisions.save', { caseId: c.id, ...draftOf(c), kind: 'ippsu', ippsu: SAMPLE_IPPSU });
    c = await call(head, 'decisions.sign', { decisionId: c.decisions[0].id, rev: c.decisions[0].rev });
    const v1 = c.decisions[0];
    const stored = env.backend.db.select().from(caseDecisions).where(eq(caseDecisions.id, v1.id)).get()!;
    expect(createHash('sha256').update(stored.docx!).digest('hex')).toBe(v1.sha256);
    const printed = await call<{ base64: string; sha256: string }>(spec, 'decisions.print', { decisionId: v1.id });
    expect(Buffer.from(printed.base64, 'base64').equals(stored.docx!)).toBe(true);
    expect(printed.sha256).toBe(v1.sha256);
    const text = docxToText(stored.docx!);
    expect(text).not.toMatch(/ПРОЕКТ/);
    expect(text).toContain('1/2026');
    expect(text).toContain('Семёнова');

    // Changing the signed result: a new draft version, back to "decision drafted".
    clock = new Date('2026-11-26T06:00:00Z');
    head = (await env.backend.invoke(null, 'auth.login', { username: 'head', password: 'user-pass-1' })).session!.token!;
    spec = (await env.backend.invoke(null, 'auth.login', { username: 'spec', password: 'user-pass-1' })).session!.token!;
    c = await call(spec, 'decisions.save', { caseId: c.id, ...draftOf(c), kind: 'ippsu', ippsu: { ...SAMPLE_IPPSU, conditions: 'Изменено по заявлению получателя' } });
    expect(c.status).toBe('decision_drafted');
    expect(c.decisions.map((d) => [d.version, d.status])).toEqual([
      [2, 'draft'],
      [1, 'signed'],
    ]);
    c = await call(head, 'decisions.sign', { decisionId: c.decisions[0].id, rev: c.decisions[0].rev });
    expect(c.decisions.map((d) => [d.version, d.status, d.outgoingNumber])).toEqual([
      [2, 'signed', '2/2026'],
      [1, 'superseded', '1/2026'],
    ]);
    // The earlier version is still printable byte for byte.
    const again = await call<{ base64: string; sha256: string }>(spec, 'decisions.print', { decisionId: v1.id });
    expect(Buffer.from(again.base64, 'base64').equals(stored.docx!)).toBe(true);
    expect(again.sha256).toBe(v1.sha256);
  });

  it('a refusal with grounds of p.31 goes the same way', async () => {
    let c = await registered();
    c = await withActs(await answerAll(await sendAll(c)));
    c = await call(spec, 'cases.completeDocuments', { caseId: c.id, rev: c.rev });
    c = await call(spec, 'decisions.save', { caseId: c.id, ...draftOf(c), kind: 'refusal', refusal: SAMPLE_REFUSAL });
    c = await call(head, 'decisions.sign', { decisionId: c.decisions[0].id, rev: c.decisions[0].rev });
    const file = await call<{ base64: string }>(spec, 'decisions.print', { decisionId: c.decisions[0].id });
    const text = docxToText(Buffer.from(file.base64, 'base64'));
    expect(text).toMatch(/отказ/i);
    expect(text).toContain(SAMPLE_REFUSAL.motivatedText.slice(0, 40));
  });
});

describe('only allowed transitions exist', () => {
  it('refuses steps out of order', async () => {
    const c = await registered();
    expect(await code(call(spec, 'decisions.save', { caseId: c.id, ...draftOf(c), kind: 'ippsu', ippsu: SAMPLE_IPPSU }))).toBe('CONFLICT');
    expect(await code(call(priem, 'cases.issue', { caseId: c.id, rev: c.rev, method: 'in_person', date: '2026-11-25', issuedTo: 'applicant' }))).toBe('CONFLICT');
    expect(await code(call(spec, 'cases.completeDocuments', { caseId: c.id, rev: c.rev }))).toBe('CONFLICT');
  });

  it('a withdrawn case accepts nothing more', async () => {
    let c = await registered();
    c = await call(priem, 'cases.withdraw', { caseId: c.id, rev: c.rev, date: '2026-11-25', reason: 'Заявление отозвано заявителем' });
    expect(c.status).toBe('withdrawn');
    expect(c.nextDue).toBeNull();
    expect(await code(call(spec, 'requests.send', { caseId: c.id, agencyCode: 'mvd', documentKeys: ['criminal-record'], subject: 'x', channel: 'smev', outgoingNumber: '1', sentDate: '2026-11-25' }))).toBe('CONFLICT');
    expect(await code(call(priem, 'cases.withdraw', { caseId: c.id, rev: c.rev, date: '2026-11-25', reason: 'ещё раз' }))).toBe('CONFLICT');
  });

  it('requests only cover documents to be requested, once', async () => {
    const c = await registered();
    expect(await code(call(spec, 'requests.send', { caseId: c.id, agencyCode: 'mvd', documentKeys: ['identity'], subject: 'x', channel: 'smev', outgoingNumber: '1', sentDate: '2026-11-25' }))).toBe('VALIDATION');
    const p = c.proposedRequests.find((x) => x.agencyCode === 'mvd')!;
    await call(spec, 'requests.send', { caseId: c.id, agencyCode: 'mvd', documentKeys: p.documentKeys, subject: p.subject, channel: 'smev', outgoingNumber: '1', sentDate: '2026-11-25' });
    expect(await code(call(spec, 'requests.send', { caseId: c.id, agencyCode: 'mvd', documentKeys: p.documentKeys, subject: p.subject, channel: 'smev', outgoingNumber: '2', sentDate: '2026-11-25' }))).toBe('CONFLICT');
    // Reception may not send requests (role), but registers answers.
    expect(await code(call(priem, 'requests.send', { caseId: c.id, agencyCode: 'sfr', documentKeys: ['snils'], subject: 'x', channel: 'smev', outgoingNumber: '3', sentDate: '2026-11-25' }))).toBe('FORBIDDEN');
  });

  it('the answer deadline runs over the New Year holidays', async () => {
    clock = new Date('2025-12-30T06:00:00Z');
    const p1 = (await env.backend.invoke(null, 'auth.login', { username: 'priem', password: 'user-pass-1' })).session!.token!;
    spec = (await env.backend.invoke(null, 'auth.login', { username: 'spec', password: 'user-pass-1' })).session!.token!;
    const c = await call(p1, 'cases.register', sampleApplication({ receivedAt: '2025-12-30T09:00' }));
    const v = await sendAll(c, '2025-12-30');
    // 31.12.2025 and 1–11.01.2026 are days off: 12, 13, 14, 15, 16 January.
    expect(v.requests[0].dueDate).toBe('2026-01-16');
  });

  it('the request letter names the agency and the person', async () => {
    const c = await sendAll(await registered());
    const paper = c.requests.find((r) => r.channel === 'paper')!;
    const f = await call<{ base64: string; fileName: string }>(spec, 'requests.letter', { requestId: paper.id });
    const text = docxToText(Buffer.from(f.base64, 'base64'));
    expect(norm(text)).toContain(norm(paper.outgoingNumber));
    expect(text).toContain('Семёнова Алёна Петровна');
    expect(norm(text)).toContain(norm(paper.agencyName));
  });
});

describe('the acts', () => {
  it('an act dated after today (the office’s) is refused, naming its dates; today’s is saved', async () => {
    const c = await registered();
    const future = { ...CITIZEN_ACT, date: '2026-11-26', health: { ...CITIZEN_ACT.health, iprIssueDate: '2026-12-01' } };
    const refused = await call(spec, 'acts.save', { caseId: c.id, rev: 0, form: 'appendix3-citizen', act: future, barthel: {}, lawton: {} }).then(
      () => null,
      (e: ApiError) => e,
    );
    expect(refused?.code).toBe('VALIDATION');
    expect(refused?.message).toBe('Даты акта не могут быть позже сегодняшней: акт составляется по итогам обследования.');
    expect(refused?.fields).toEqual({ 'act.date': 'Позже сегодняшней даты', 'act.health.iprIssueDate': 'Позже сегодняшней даты' });
    const saved = await call(spec, 'acts.save', { caseId: c.id, rev: 0, form: 'appendix3-citizen', act: { ...CITIZEN_ACT, date: '2026-11-25' }, barthel: {}, lawton: {} });
    expect(saved.acts[0].act.date).toBe('2026-11-25');
  });

  it('a new act is offered the organisations and the people of the office’s acts, the latest first', async () => {
    expect(await call(spec, 'acts.suggestions', {})).toEqual({ organizations: [], compilers: [] });
    const first = await registered();
    await call(spec, 'acts.save', { caseId: first.id, rev: 0, form: 'appendix4', act: NEED_ACT });
    clock = new Date(clock.getTime() + 60_000);
    const second = await call(priem, 'cases.register', sampleApplication({ applicant: { lastName: 'Вторая', snils: undefined } }));
    const other = { position: 'Психолог', fullName: 'Никитина Дарья Олеговна' };
    await call(spec, 'acts.save', { caseId: second.id, rev: 0, form: 'appendix3-citizen', act: { ...CITIZEN_ACT, organization: 'БУ «Другой центр»', compiledBy: [other, ...CITIZEN_ACT.compiledBy!] }, barthel: {}, lawton: {} });
    const s = await call<{ organizations: string[]; compilers: { position: string; fullName: string }[] }>(priem, 'acts.suggestions', {});
    expect(s.organizations).toEqual(['БУ «Другой центр»', NEED_ACT.organization]);
    // The social worker drew up both acts: named once.
    expect(s.compilers).toEqual([other, { position: 'Специалист по социальной работе', fullName: 'Гайнуллина Альбина Рашитовна' }]);
  });
});
