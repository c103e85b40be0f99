/**
 * The case page tells the truth after requests and answers: documents follow
 * their requests, the deadlines name each answer due, the timeline carries
 * every request, answer and transition with who and when. «Направить все
 * запросы» numbers the requests from the office's register of outgoing
 * documents in one transaction.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../core/api/errors';
import type { CaseView } from '../../core/api/reception';
import { sampleApplication, snilsFrom } from '../support/applications';
import { createEnv, userWithRoles, type TestEnv } from './helpers';

let env: TestEnv;
let spec: string;
let priem: string;
let head: string;

beforeEach(async () => {
  // Wed 25.11.2026 from 11:00 at the office, a second passing at each reading.
  let tick = 0;
  env = await createEnv({ now: () => new Date(Date.UTC(2026, 10, 25, 6, 0, tick++)) });
  spec = await userWithRoles(env, 'spec', ['specialist']);
  priem = await userWithRoles(env, 'priem', ['reception']);
  head = await userWithRoles(env, 'head', ['head']);
});
afterEach(() => env.cleanup());

const call = async <T = CaseView>(token: string, method: string, input: unknown): Promise<T> => {
  const r = await env.backend.call(token, method, input);
  if (!r.envelope.ok) throw new ApiError(r.envelope.error.code, r.envelope.error.message, r.envelope.error.fields);
  return r.envelope.data as T;
};
const failure = (p: Promise<unknown>) => p.then(() => null, (e: ApiError) => ({ code: e.code, message: e.message, fields: e.fields }));

const sendAllInput = (c: CaseView) => ({
  caseId: c.id,
  sentDate: '2026-11-25',
  requests: c.proposedRequests.map((p) => ({ agencyCode: p.agencyCode, documentKeys: p.documentKeys, subject: p.subject, channel: 'smev' })),
});

describe('the case after requests and answers', () => {
  it('documents, deadlines and the timeline follow every request and answer', async () => {
    let c = await call(priem, 'cases.register', sampleApplication());
    const toRequest = c.documents.filter((d) => d.state === 'to_request');
    expect(toRequest.length).toBeGreaterThan(1);
    expect(toRequest.every((d) => d.request == null)).toBe(true);
    expect(c.deadlines.requests).not.toBeNull();

    c = await call(spec, 'requests.sendAll', sendAllInput(c));
    expect(c.status).toBe('requests_sent');
    expect(c.proposedRequests).toEqual([]);
    expect(c.requests.map((r) => r.outgoingNumber)).toEqual(c.requests.map((_, i) => `${i + 1}/2026`));
    for (const d of c.documents.filter((x) => x.state === 'to_request')) {
      expect(d.request).toMatchObject({ state: 'requested', sentDate: '2026-11-25', answerDate: null });
    }
    expect(c.deadlines.requests).not.toBeNull();

    for (const r of c.requests) c = await call(spec, 'requests.answer', { requestId: r.id, rev: r.rev, answerDate: '2026-11-25', incomingNumber: `вх-${r.id}`, summary: 'Сведения получены' });
    for (const d of c.documents.filter((x) => x.state === 'to_request')) expect(d.request).toMatchObject({ state: 'answered', answerDate: '2026-11-25' });
    expect(c.deadlines.requests).not.toBeNull();

    const kinds = c.events.map((e) => e.kind);
    const n = c.requests.length;
    expect(kinds.filter((k) => k === 'request')).toHaveLength(n);
    expect(kinds.filter((k) => k === 'answer')).toHaveLength(n);
    expect(c.events.filter((e) => e.kind === 'status').map((e) => e.toStatus)).toEqual(['registered', 'requests_sent']);
    // Each request comes before the change of state it caused and carries the state the case was in.
    const firstRequest = c.events.findIndex((e) => e.kind === 'request');
    expect(c.events[firstRequest]).toMatchObject({ fromStatus: 'registered', toStatus: 'registered', userName: 'Пользователь spec' });
    expect(c.events[firstRequest].note).toContain(`исх. № 1/2026 от 25.11.2026`);
    const answers = c.events.filter((e) => e.kind === 'answer');
    expect(answers.every((e) => e.toStatus === 'requests_sent' && e.userName === 'Пользователь spec' && e.note?.includes('вх. №'))).toBe(true);
  });

  it('numbers from the register of outgoing documents: gap-free across cases, typed numbers kept, a failed write takes none', async () => {
    const a = await call(priem, 'cases.register', sampleApplication());
    const b = await call(priem, 'cases.register', sampleApplication({ applicant: { snils: snilsFrom(2), lastName: 'Петрова' } }));
    // A failed batch (one document requested twice) rolls the register back with everything else.
    const bad = sendAllInput(a);
    bad.requests.push(bad.requests[0]);
    expect(await failure(call(spec, 'requests.sendAll', bad))).toMatchObject({ code: 'VALIDATION' });
    expect(await call(spec, 'registers.outgoing', { year: 2026 })).toEqual({ year: 2026, lastSeq: 0, next: '1/2026' });

    const input = sendAllInput(a);
    input.requests[0] = { ...input.requests[0], outgoingNumber: '15-07/333' } as (typeof input.requests)[number];
    const va = await call(spec, 'requests.sendAll', input);
    expect(va.requests[0].outgoingNumber).toBe('15-07/333');
    const vb = await call(spec, 'requests.send', { caseId: b.id, ...sendAllInput(b).requests[0], sentDate: '2026-11-25' });
    const numbers = [...va.requests.slice(1), ...vb.requests].map((r) => r.outgoingNumber);
    expect(numbers).toEqual(numbers.map((_, i) => `${i + 1}/2026`));

    // The head sets where the register goes on from; it never goes back.
    expect(await failure(call(spec, 'registers.setOutgoing', { year: 2026, lastSeq: 500 }))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await failure(call(head, 'registers.setOutgoing', { year: 2026, lastSeq: 1 }))).toMatchObject({ code: 'VALIDATION', fields: { lastSeq: `Не меньше ${numbers.length}` } });
    expect(await call(head, 'registers.setOutgoing', { year: 2026, lastSeq: 500 })).toEqual({ year: 2026, lastSeq: 500, next: '501/2026' });
    const vb2 = await call(spec, 'requests.sendAll', sendAllInput(vb));
    expect(vb2.requests.slice(1).map((r) => r.outgoingNumber)).toEqual(vb2.requests.slice(1).map((_, i) => `${501 + i}/2026`));
  });
});

describe('a person card', () => {
  it('is corrected at its revision, audited, and the change shows on the person’s cases', async () => {
    const c = await call(priem, 'cases.register', sampleApplication());
    const p = await call<{ rev: number; lastName: string; idDoc: Record<string, string> }>(priem, 'persons.get', { id: c.personId });
    expect(c.personNow).toBeNull();
    const person = { ...sampleApplication().applicant, lastName: 'Семёнова-Ветрова' };
    const after = await call<{ rev: number; lastName: string }>(spec, 'persons.update', { id: c.personId, rev: p.rev, person });
    expect(after).toMatchObject({ lastName: 'Семёнова-Ветрова', rev: p.rev + 1 });
    // The old revision is stale; another person's СНИЛС is refused on the field.
    expect(await failure(call(priem, 'persons.update', { id: c.personId, rev: p.rev, person }))).toMatchObject({ code: 'CONFLICT' });
    const other = await call(priem, 'cases.register', sampleApplication({ applicant: { snils: snilsFrom(7), lastName: 'Другая' } }));
    expect(await failure(call(priem, 'persons.update', { id: c.personId, rev: after.rev, person: { ...person, snils: other.applicant.snils } }))).toMatchObject({
      code: 'CONFLICT',
      fields: { 'person.snils': 'СНИЛС уже принадлежит другому человеку в базе' },
    });
    const v = await call(priem, 'cases.get', { id: c.id });
    expect(v.applicant.lastName).toBe('Семёнова'); // the case keeps the data as registered
    expect(v.personNow).toMatchObject({ fullName: 'Семёнова-Ветрова Алёна Петровна', updatedByName: 'Пользователь spec' });
    const audit = await call<{ rows: { entityId: string; after: { lastName?: string } | null }[] }>(env.adminToken, 'audit.list', { entity: 'person', action: 'update' });
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0]).toMatchObject({ entityId: String(c.personId), after: { lastName: 'Семёнова-Ветрова' } });
  });
});
