/**
 * Live updates over HTTP: a change committed at one workstation reaches the
 * change stream of another with the record's revision; a workstation that
 * reconnects catches up from the last notification it saw; nothing personal
 * travels; the stream belongs to a session.
 */
import { appendAudit } from '../../db/audit-chain';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Change } from '../../core/api/changes';
import type { CaseView } from '../../core/api/reception';
import { serveChangeStream } from '../../main/backend/change-stream';
import { createHttpServer } from '../../main/backend/http-server';
import { MAX_CATCH_UP } from '../../main/backend/notifications';
import { NEED_ACT } from '../../scripts/form-samples-acts';
import { sampleApplication, snilsFrom } from '../support/applications';
import { openStream, type StreamClient } from '../support/change-stream-client';
import { createEnv, type TestEnv } from './helpers';

let env: TestEnv;
let server: Awaited<ReturnType<typeof createHttpServer>>;
let base: string;
const cookies: Record<string, string> = {};
const streams: StreamClient[] = [];

async function post<T>(who: string, method: string, body: unknown): Promise<{ status: number; body: { ok: boolean; data: T; error?: { code: string; message: string } } }> {
  const res = await fetch(`${base}/api/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json', Cookie: cookies[who] ?? '' }, body: JSON.stringify(body) });
  return { status: res.status, body: await res.json() };
}
async function ok<T = CaseView>(who: string, method: string, body: unknown): Promise<T> {
  const r = await post<T>(who, method, body);
  if (!r.body.ok) throw new Error(`${method}: ${r.body.error?.message}`);
  return r.body.data;
}
async function stream(who: string | null, after?: number, headers?: Record<string, string>) {
  const s = await openStream(base, who ? cookies[who] : null, after, headers);
  streams.push(s);
  return s;
}
const isReady = (f: { type: string }) => f.type === 'ready';

beforeEach(async () => {
  env = await createEnv();
  server = await createHttpServer({ backend: env.backend });
  await server.listen({ host: '127.0.0.1', port: 0 });
  base = `http://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  for (const [username, roles] of [
    ['priem', ['reception']],
    ['spec1', ['specialist']],
    ['spec2', ['specialist']],
  ] as const) {
    await env.backend.invoke(env.adminToken, 'users.create', { username, fullName: `Сотрудник ${username}`, position: 'Специалист', roles: [...roles], password: 'user-pass-1' });
    const res = await fetch(`${base}/api/auth.login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username, password: 'user-pass-1' }) });
    cookies[username] = res.headers.get('set-cookie')!.split(';')[0];
  }
});
afterEach(async () => {
  for (const s of streams.splice(0)) s.close();
  env.backend.changes.close();
  server.server.closeAllConnections();
  await server.close();
  env.cleanup();
});

describe('a change at one workstation reaches the others', () => {
  it('with the record’s kind, id and revision, in commit order', async () => {
    const desk2 = await stream('spec2');
    const desk3 = await stream('spec1');
    await desk2.waitFor(isReady);
    await desk3.waitFor(isReady);

    const c = await ok('priem', 'cases.register', sampleApplication());
    const reg = (await desk2.waitFor((f) => f.type === 'change' && f.change.kind === 'case' && f.change.id === String(c.id))) as { change: Change };
    expect(reg.change).toMatchObject({ kind: 'case', id: String(c.id), rev: c.rev, caseId: c.id });
    expect(desk2.changes().some((x) => x.kind === 'person' && x.id === String(c.personId))).toBe(true);

    const saved = await ok('spec1', 'acts.save', { caseId: c.id, rev: 0, form: 'appendix4', act: NEED_ACT });
    const act = saved.acts.find((a) => a.form === 'appendix4')!;
    const note = (await desk2.waitFor((f) => f.type === 'change' && f.change.kind === 'act')) as { change: Change };
    expect(note.change).toMatchObject({ kind: 'act', id: String(act.id), rev: act.rev, caseId: c.id });

    // Every connected desk gets the same changes in the same order, sequence increasing.
    await desk3.waitFor((f) => f.type === 'change' && f.change.kind === 'act');
    const seqs = desk2.changes().map((x) => x.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(desk3.changes().map((x) => x.seq)).toEqual(seqs);
  });

  it('carries no personal data', async () => {
    const desk = await stream('spec2');
    await desk.waitFor(isReady);
    const c = await ok('priem', 'cases.register', sampleApplication());
    await ok('priem', 'cases.receipt', { id: c.id });
    await desk.waitFor((f) => f.type === 'change' && f.change.kind === 'case' && desk.changes().length >= 3);
    const wire = JSON.stringify(desk.frames);
    for (const secret of ['Семёнова', 'Алёна', '1948-03-14', snilsFrom(1).replace(/\D/g, ''), snilsFrom(1), 'Ленина', '123456']) {
      expect(wire).not.toContain(secret);
    }
  });

  it('a refused save sends nothing', async () => {
    const c = await ok('priem', 'cases.register', sampleApplication());
    await ok('spec1', 'acts.save', { caseId: c.id, rev: 0, form: 'appendix4', act: NEED_ACT });
    const desk = await stream('spec2');
    const ready = await desk.waitFor(isReady);
    const stale = await post('spec2', 'acts.save', { caseId: c.id, rev: 0, form: 'appendix4', act: NEED_ACT });
    expect(stale.status).toBe(409);
    const invalid = await post('spec2', 'cases.annul', { id: c.id, rev: c.rev, reason: '' });
    expect(invalid.status).toBe(400);
    await ok('spec2', 'cases.get', { id: c.id }); // a read between: the stream would have had time to deliver
    await new Promise((r) => setTimeout(r, 150));
    expect(desk.changes()).toEqual([]);
    expect(env.backend.changes.seq).toBe((ready as { seq: number }).seq);
  });
});

describe('a workstation that reconnects catches up', () => {
  it('from the last sequence it saw, by ?after= or Last-Event-ID', async () => {
    const first = await stream('spec2');
    const { seq: seen } = (await first.waitFor(isReady)) as { seq: number };
    first.close(); // the desk drops off the network

    const c = await ok('priem', 'cases.register', sampleApplication());
    const v = await ok('spec1', 'acts.save', { caseId: c.id, rev: 0, form: 'appendix4', act: NEED_ACT });
    await ok('priem', 'cases.annul', { id: c.id, rev: v.rev, reason: 'Зарегистрировано ошибочно' });

    const back = await stream('spec2', seen);
    const ready = (await back.waitFor(isReady)) as { seq: number };
    const missed = back.changes();
    expect(missed.length).toBeGreaterThanOrEqual(4); // person, case registered, act, case annulled
    expect(missed.every((x) => x.seq > seen && x.seq <= ready.seq)).toBe(true);
    expect(missed.at(-1)).toMatchObject({ kind: 'case', id: String(c.id), rev: 2 });
    // The caught-up changes come before `ready`, live ones after it.
    expect(back.frames.findIndex(isReady)).toBe(missed.length);

    const viaHeader = await stream('spec2', undefined, { 'Last-Event-ID': String(seen) });
    await viaHeader.waitFor(isReady);
    expect(viaHeader.changes().map((x) => x.seq)).toEqual(missed.map((x) => x.seq));

    await ok('spec1', 'cases.get', { id: c.id });
    const live = await ok('priem', 'cases.register', sampleApplication({ applicant: { snils: snilsFrom(2), lastName: 'Иванова' } }));
    await back.waitFor((f) => f.type === 'change' && f.change.id === String(live.id) && f.change.kind === 'case');
  });

  it('a desk too far behind, or ahead of the host (a restored backup), is told to refresh everything', async () => {
    const head = env.backend.changes.seq;
    const ahead = await stream('spec2', head + 1000);
    expect(await ahead.waitFor((f) => f.type === 'reset')).toEqual({ type: 'reset', seq: head });
    const fresh = await stream('spec2');
    const first = await fresh.waitFor(() => true);
    expect(first).toEqual({ type: 'ready', seq: head });

    // More changes than a replay is worth while the desk was away.
    env.backend.db.$client.transaction(() => {
      for (let i = 0; i <= MAX_CATCH_UP; i++) appendAudit(env.backend.db.$client, ['2026-01-01T00:00:00.000Z', null, null, 'print', 'journal', null, null, null]);
    })();
    const behind = await stream('spec2', head);
    expect(await behind.waitFor(() => true)).toEqual({ type: 'reset', seq: head + MAX_CATCH_UP + 1 });
  });
});

describe('the stream belongs to a session', () => {
  it('is refused without a session and from another site', async () => {
    const anon = await stream(null);
    expect(anon.status).toBe(401);
    const foreign = await stream('spec1', undefined, { Origin: 'http://evil.example' });
    expect(foreign.status).toBe(403);
  });

  it('ends when the session ends', async () => {
    // The stream re-checks the session at each keep-alive; a short interval here.
    const quick = createServer((req, res) => serveChangeStream(env.backend, req, res, decodeURIComponent(/socdesk_sid=([^;]+)/.exec(req.headers.cookie ?? '')?.[1] ?? ''), { heartbeatMs: 30 }));
    await new Promise<void>((r) => quick.listen(0, '127.0.0.1', r));
    try {
      const s = await openStream(`http://127.0.0.1:${(quick.address() as AddressInfo).port}`, cookies.spec2);
      streams.push(s);
      await s.waitFor(isReady);
      await ok('spec2', 'auth.logout', {});
      await s.waitFor((f) => f.type === 'end', 2000);
      await s.ended;
    } finally {
      quick.closeAllConnections();
      await new Promise((r) => quick.close(r));
    }
  });
});
