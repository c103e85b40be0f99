/**
 * Assignment of the responsible specialist and the sign-off queue (p.46) on a
 * real SQLite file: assignment at registration by the office's rule,
 * reassignment by the head on the timeline, «Мои дела», the round trip send →
 * return with a comment → resend → sign, notifications and counts, the terms
 * recorded on a case.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../core/api/errors';
import type { CaseView } from '../../core/api/reception';
import { CITIZEN_ACT, NEED_ACT } from '../../scripts/form-samples-acts';
import { SAMPLE_IPPSU } from '../../scripts/form-samples-decision';
import { SAMPLE_BARTHEL, SAMPLE_LAWTON } from '../../scripts/form-samples-scales';
import { sampleApplication, snilsFrom } from '../support/applications';
import { actRev, draftOf } from '../support/case-steps';
import { createEnv, userWithRoles, type TestEnv } from './helpers';

let env: TestEnv;
let clock: Date;
let spec: string;
let spec2: string;
let head: string;
let priem: string;
const ids: Record<string, number> = {};

beforeEach(async () => {
  clock = new Date('2026-11-25T06:00:00Z'); // Wed 25.11.2026, 11:00 office time
  env = await createEnv({ now: () => clock });
  spec = await userWithRoles(env, 'spec', ['specialist']);
  spec2 = await userWithRoles(env, 'spec2', ['specialist']);
  head = await userWithRoles(env, 'head', ['head']);
  priem = await userWithRoles(env, 'priem', ['reception']);
  for (const u of ['spec', 'spec2', 'head', 'priem']) {
    ids[u] = (env.backend.db.$client.prepare('select id from users where username = ?').get(u) as { id: number }).id;
  }
});
afterEach(() => env.cleanup());

const call = async <T = CaseView>(token: string, method: string, input: unknown): Promise<T> => {
  const r = await env.backend.call(token, method, input);
  if (!r.envelope.ok) throw new ApiError(r.envelope.error.code, r.envelope.error.message, r.envelope.error.fields);
  return r.envelope.data as T;
};
/** The clock moved past the sessions' lifetime: everyone signs in again. */
async function later(iso: string) {
  clock = new Date(iso);
  const login = async (u: string, p = 'user-pass-1') => (await env.backend.invoke(null, 'auth.login', { username: u, password: p })).session!.token!;
  spec = await login('spec');
  spec2 = await login('spec2');
  head = await login('head');
  priem = await login('priem');
  env.adminToken = await login('admin', 'admin-pass-1');
}
/** The revision of a calendar year, as calendar.saveYear takes it. */
const calendarRev = async (year: number) => (await call<{ year: { rev: number } }>(env.adminToken, 'calendar.year', { year })).year.rev;
const fails = (p: Promise<unknown>) => p.then(() => null, (e: ApiError) => e);

let n = 0;
const register = (token: string, over: Parameters<typeof sampleApplication>[0] = {}) =>
  call(token, 'cases.register', sampleApplication({ ...over, applicant: { snils: snilsFrom(100 + ++n), lastName: `Заявителева${n}`, ...over.applicant } }));

/** Requests sent and answered, both acts complete, documents complete, the ИППСУ drafted. */
async function drafted(c: CaseView): Promise<CaseView> {
  let v = c;
  for (const [i, p] of c.proposedRequests.entries()) {
    v = await call(spec, 'requests.send', { caseId: c.id, agencyCode: p.agencyCode, documentKeys: p.documentKeys, subject: p.subject, channel: 'smev', outgoingNumber: `15-${c.id}-${i}`, sentDate: '2026-11-25' });
  }
  for (const r of v.requests) v = await call(spec, 'requests.answer', { requestId: r.id, rev: r.rev, answerDate: '2026-11-25', incomingNumber: `вх-${r.id}`, summary: 'Сведения получены' });
  v = await call(spec, 'acts.save', { caseId: c.id, rev: actRev(v, false), form: 'appendix3-citizen', act: CITIZEN_ACT, barthel: SAMPLE_BARTHEL, lawton: SAMPLE_LAWTON });
  v = await call(spec, 'acts.save', { caseId: c.id, rev: actRev(v, true), form: 'appendix4', act: NEED_ACT });
  v = await call(spec, 'cases.completeDocuments', { caseId: c.id, rev: v.rev });
  return call(spec, 'decisions.save', { caseId: c.id, ...draftOf(v), kind: 'ippsu', ippsu: SAMPLE_IPPSU });
}

describe('the responsible specialist', () => {
  it('is the registering specialist by default; a reception-only registrar leaves the case for the head', async () => {
    const a = await register(spec);
    expect(a).toMatchObject({ responsibleId: ids.spec, responsibleName: 'Пользователь spec' });
    expect(a.events.map((e) => [e.kind, e.note])).toEqual([
      ['status', 'Зарегистрировано в журнале: № 1/2026'],
      ['assignment', 'Ответственный: Пользователь spec — Назначен при регистрации'],
    ]);
    const b = await register(priem);
    expect(b.responsibleId).toBeNull();
    expect((await call<{ unassigned: number }>(head, 'notifications.counts', {})).unassigned).toBe(1);
  });

  it('follows the office rule: the default specialist of the sub-service, or the head', async () => {
    expect(await fails(call(priem, 'assignment.saveSettings', { rule: 'head', defaults: {} }))).toMatchObject({ code: 'FORBIDDEN' });
    const bad = await fails(call(head, 'assignment.saveSettings', { rule: 'subservice', defaults: { home: ids.priem } }));
    expect(bad).toMatchObject({ code: 'VALIDATION', fields: { 'defaults.home': 'Выберите действующего специалиста' } });
    await call(head, 'assignment.saveSettings', { rule: 'subservice', defaults: { home: ids.spec2 } });
    expect(await call(env.adminToken, 'assignment.settings', {})).toEqual({ rule: 'subservice', defaults: { home: ids.spec2 } });
    expect((await register(priem)).responsibleId).toBe(ids.spec2);
    expect((await register(spec, { subservice: 'semi-stationary', documents: [] })).responsibleId).toBeNull();
    await call(env.adminToken, 'assignment.saveSettings', { rule: 'head', defaults: {} });
    expect((await register(spec)).responsibleId).toBeNull();
    // The specialist was told.
    const items = await call<{ kind: string; text: string }[]>(spec2, 'notifications.list', {});
    expect(items.map((i) => [i.kind, i.text])).toEqual([['case_assigned', 'Вам передано дело № 1/2026']]);
  });

  it('the head reassigns; the history is on the timeline, in the audit log, and lists filter by the responsible', async () => {
    const a = await register(spec);
    const b = await register(spec);
    expect(await fails(call(spec, 'cases.assign', { caseId: a.id, responsibleId: ids.spec2 }))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await fails(call(head, 'cases.assign', { caseId: a.id, responsibleId: ids.priem }))).toMatchObject({ code: 'VALIDATION' });
    clock = new Date('2026-11-25T07:00:00Z');
    const v = await call(head, 'cases.assign', { caseId: a.id, responsibleId: ids.spec2, note: 'Перераспределение нагрузки' });
    expect(v.responsibleName).toBe('Пользователь spec2');
    const last = v.events.at(-1)!;
    expect(last).toMatchObject({ kind: 'assignment', userName: 'Пользователь head', note: 'Ответственный: Пользователь spec2 (ранее: Пользователь spec) — Перераспределение нагрузки' });
    expect(await fails(call(head, 'cases.assign', { caseId: a.id, responsibleId: ids.spec2 }))).toMatchObject({ code: 'CONFLICT' });

    const mine = await call<{ rows: { id: number }[]; total: number }>(head, 'cases.list', { responsibleId: ids.spec2 });
    expect(mine.rows.map((r) => r.id)).toEqual([a.id]);
    expect((await call<{ rows: { id: number }[] }>(head, 'cases.list', { responsibleId: ids.spec })).rows.map((r) => r.id)).toEqual([b.id]);
    const audit = await call<{ rows: { action: string; before: unknown; after: unknown }[] }>(env.adminToken, 'audit.list', { action: 'assign' });
    expect(audit.rows[0]).toMatchObject({ before: { responsibleId: ids.spec }, after: { responsibleId: ids.spec2, note: 'Перераспределение нагрузки' } });

    // A user renamed: the cases show the new name.
    const userRev = (await call<{ id: number; rev: number }[]>(env.adminToken, 'users.list', {})).find((u) => u.id === ids.spec2)!.rev;
    await call(env.adminToken, 'users.update', { id: ids.spec2, rev: userRev, fullName: 'Новикова Анна Сергеевна', position: 'Специалист', roles: ['specialist'], active: true });
    expect((await call(head, 'cases.get', { id: a.id })).responsibleName).toBe('Новикова Анна Сергеевна');
  });
});

describe('the sign-off queue (p.46)', () => {
  it('send → return with a comment → resend → sign, all on the timeline', async () => {
    await register(spec); // another case first, so case and decision ids differ
    let c = await drafted(await register(spec));
    expect(c.status).toBe('decision_drafted');
    expect(await fails(call(head, 'signoff.return', { caseId: c.id, comment: 'x' }))).toMatchObject({ code: 'CONFLICT' });

    c = await call(spec, 'signoff.submit', { caseId: c.id, comment: 'Прошу подписать' });
    expect(c.status).toBe('awaiting_signature');
    expect(await fails(call(spec, 'signoff.submit', { caseId: c.id }))).toMatchObject({ code: 'CONFLICT', message: 'Проект уже передан на подпись.' });
    // While it lies with the head the draft is not edited.
    expect(await fails(call(spec, 'decisions.save', { caseId: c.id, ...draftOf(c), kind: 'ippsu', ippsu: SAMPLE_IPPSU }))).toMatchObject({ code: 'CONFLICT' });

    const queue = await call<{ case: { id: number }; decisionId: number; dueDecision: string; submitNote: string; decisionUrgency: string }[]>(head, 'signoff.queue', {});
    expect(queue).toHaveLength(1);
    expect(queue[0]).toMatchObject({ case: { id: c.id }, decisionId: c.decisions[0]!.id, dueDecision: '2026-12-09', submitNote: 'Передан на подпись проект ИППСУ, версия 1: Прошу подписать', decisionUrgency: 'later' });
    expect((await call<{ awaitingMySignature: number }>(head, 'notifications.counts', {})).awaitingMySignature).toBe(1);
    expect((await call<{ kind: string }[]>(head, 'notifications.list', {})).map((x) => x.kind)).toEqual(['draft_submitted']);

    expect(await fails(call(head, 'signoff.return', { caseId: c.id, comment: '' }))).toMatchObject({ code: 'VALIDATION', fields: { comment: 'Заполните поле' } });
    c = await call(head, 'signoff.return', { caseId: c.id, comment: 'Уточните периодичность услуг' });
    expect(c.status).toBe('returned');
    expect(await fails(call(head, 'decisions.sign', draftOf(c)))).toMatchObject({ code: 'CONFLICT' });

    // The specialist sees it first, with the comment, and was notified.
    const other = await drafted(await register(spec));
    const my = await call<{ rows: { id: number; actions: { kind: string; text: string }[] }[] }>(spec, 'control.myCases', {});
    expect(my.rows[0]).toMatchObject({ id: c.id, actions: [{ kind: 'draft_returned', text: 'Возвращено на доработку: Уточните периодичность услуг' }] });
    expect(my.rows.find((r) => r.id === other.id)!.actions.map((a) => a.kind)).toContain('unsigned_draft');
    expect((await call<{ returnedToMe: number }>(spec, 'notifications.counts', {})).returnedToMe).toBe(1);
    expect((await call<{ kind: string; text: string }[]>(spec, 'notifications.list', { unreadOnly: true }))[0]).toMatchObject({ kind: 'draft_returned', text: expect.stringContaining('Уточните периодичность услуг') });

    c = await call(spec, 'decisions.save', { caseId: c.id, ...draftOf(c), kind: 'ippsu', ippsu: { ...SAMPLE_IPPSU, conditions: 'Периодичность уточнена' } });
    expect(c.status).toBe('returned');
    c = await call(spec, 'signoff.submit', { caseId: c.id });
    c = await call(head, 'decisions.sign', draftOf(c));
    expect(c.status).toBe('signed');
    expect(c.decisions[0]!.data.conditions).toBe('Периодичность уточнена');
    // p.47: issue due 5 working days after signing (the refresh reads this case's own decision).
    expect(c.deadlines.issue).toBe('2026-12-02');
    expect(c.events.filter((e) => e.kind === 'status').map((e) => [e.toStatus, e.note])).toEqual([
      ['registered', 'Зарегистрировано в журнале: № 2/2026'],
      ['requests_sent', expect.stringMatching(/^Направлен запрос/)],
      ['documents_complete', null],
      ['decision_drafted', 'Проект ИППСУ, версия 1'],
      ['awaiting_signature', 'Передан на подпись проект ИППСУ, версия 1: Прошу подписать'],
      ['returned', 'Возвращено на доработку: Уточните периодичность услуг'],
      ['awaiting_signature', 'Передан на подпись проект ИППСУ, версия 1'],
      ['signed', 'Подписано: исх. № 1/2026'],
    ]);
    expect(await call(head, 'signoff.queue', {})).toEqual([]);

    const read = await call<{ changed: number }>(spec, 'notifications.markRead', { all: true });
    expect(read.changed).toBeGreaterThan(0);
    expect((await call<{ unread: number }>(spec, 'notifications.counts', {})).unread).toBe(0);
  });

  it('only the specialist sends and only the head returns', async () => {
    const c = await drafted(await register(spec));
    expect(await fails(call(priem, 'signoff.submit', { caseId: c.id }))).toMatchObject({ code: 'FORBIDDEN' });
    await call(spec, 'signoff.submit', { caseId: c.id });
    expect(await fails(call(spec, 'signoff.return', { caseId: c.id, comment: 'нет' }))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await fails(call(spec, 'signoff.queue', {}))).toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('«Мои дела»', () => {
  it('a specialist’s open cases by nearest deadline, with answers arrived and requests due', async () => {
    const a = await register(spec);
    const b = await register(spec);
    await register(spec2);
    // b: one request sent and answered, others sent and unanswered.
    const p = b.proposedRequests;
    let v = b;
    for (const [i, r] of p.entries()) v = await call(spec, 'requests.send', { caseId: b.id, agencyCode: r.agencyCode, documentKeys: r.documentKeys, subject: r.subject, channel: 'smev', outgoingNumber: `9-${i}`, sentDate: '2026-11-25' });
    await call(spec, 'requests.answer', { requestId: v.requests[0]!.id, rev: v.requests[0]!.rev, answerDate: '2026-11-25', incomingNumber: 'вх-1', summary: 'Получено' });
    await later('2026-11-30T06:00:00Z'); // Mon 30.11: answers due 02.12 are within 2 working days
    const my = await call<{ rows: { id: number; nextDue: string; actions: { kind: string; count: number | null }[] }[]; total: number }>(spec, 'control.myCases', {});
    expect(my.total).toBe(2);
    expect(my.rows.map((r) => r.id)).toEqual([a.id, b.id]); // a: requests due 26.11 (overdue) comes first
    expect(my.rows[0]!.actions.map((x) => x.kind)).toEqual(['requests_to_send']);
    expect(my.rows[1]!.actions).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'requests_due', count: p.length - 1 }),
        expect.objectContaining({ kind: 'answers_arrived', count: 1 }),
      ]),
    );
    expect((await call<{ mineOverdue: number }>(spec, 'notifications.counts', {})).mineOverdue).toBe(1);
    // A specialist sees only their own; the head any specialist's.
    expect(await fails(call(spec, 'control.myCases', { userId: ids.spec2 }))).toMatchObject({ code: 'FORBIDDEN' });
    expect((await call<{ total: number }>(head, 'control.myCases', { userId: ids.spec2 })).total).toBe(1);
  });
});

describe('deadline terms as data', () => {
  it('a case records the terms in force at registration; an amendment applies to later cases only', async () => {
    const before = await register(spec);
    expect(before.appliedTerms).toMatchObject({ registration: 1, requests: 1, decision: 10, result: 15, issue: 5 });
    expect(await fails(call(spec, 'terms.save', { code: 'result', effectiveFrom: '2026-11-26', days: 12, basis: 'x' }))).toMatchObject({ code: 'FORBIDDEN' });
    const terms = await call<{ code: string; effectiveFrom: string; days: number; paragraph: string }[]>(env.adminToken, 'terms.save', {
      code: 'result',
      effectiveFrom: '2026-11-26',
      days: 12,
      basis: 'Приказ Депсоцразвития Югры о внесении изменений в регламент (пример)',
    });
    expect(terms.filter((t) => t.code === 'result').map((t) => [t.effectiveFrom, t.days, t.paragraph])).toEqual([
      ['2015-07-20', 15, 'п. 17'],
      ['2026-11-26', 12, 'п. 17'],
    ]);
    expect((await register(spec)).appliedTerms.result).toBe(15); // still 25.11
    await later('2026-11-26T06:00:00Z');
    const after = await register(spec);
    expect(after.appliedTerms.result).toBe(12);
    expect(after.deadlines.result).toBe(env.backend.services.calendar().addWorkingDays('2026-11-26', 12));
    // The calendar changing recomputes deadlines with each case's own terms.
    await call(env.adminToken, 'calendar.saveYear', { year: 2026, rev: await calendarRev(2026), source: 'test', days: [{ date: '2026-12-01', kind: 'holiday', note: 'Проверка' }] });
    const again = await call(spec, 'cases.get', { id: before.id });
    expect(again.deadlines.result).toBe(env.backend.services.calendar().addWorkingDays('2026-11-25', 15));
    expect(again.appliedTerms.result).toBe(15);
    const audit = await call<{ total: number }>(env.adminToken, 'audit.list', { entity: 'deadline_term' });
    expect(audit.total).toBe(1);
  });
});
