/**
 * Three workstations on one host over real HTTPS on 127.0.0.1, the host's
 * certificate pinned: parallel registrations and sign-offs leave the journal
 * and outgoing numbers gap-free, and no number is burned by a failed or
 * conflicting write.
 */
import { and, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CaseView } from '../../core/api/reception';
import { journalCounters } from '../../db/schema';
import { Backend } from '../../main/backend/backend';
import { HostClient } from '../../main/client/host-client';
import { startHost, type RunningHost } from '../../main/host/host';
import { sampleApplication, snilsFrom } from '../support/applications';
import { draftRefusal, type Call } from '../support/case-steps';
import { officeDateTime, officeYear } from '../support/office-clock';
import { createEnv, userWithRoles, type TestEnv } from './helpers';

let env: TestEnv;
let host: RunningHost;
const clients: HostClient[] = [];

beforeEach(async () => {
  env = await createEnv();
  host = await startHost({ dataDir: env.dir, listen: { host: '127.0.0.1', port: 0 }, tls: 'on', backend: env.backend });
});
afterEach(async () => {
  clients.splice(0).forEach((c) => c.close());
  await host.close();
  env.cleanup();
});

/** A workstation: its own pinned connection and its own session. */
async function workstation(username: string, roles: Parameters<typeof userWithRoles>[2]): Promise<Call> {
  await userWithRoles(env, username, roles);
  const client = new HostClient({ url: host.url, pin: host.certificate!.sha256, workstation: `Приём-${username}` });
  clients.push(client);
  const login = await client.call(null, 'auth.login', { username, password: 'user-pass-1' });
  expect(login.envelope.ok).toBe(true);
  const token = login.session!.token!;
  return async <T = CaseView>(method: string, input: unknown) => {
    const r = await client.call(token, method, input);
    if (!r.envelope.ok) throw Object.assign(new Error(r.envelope.error.message), { code: r.envelope.error.code });
    return r.envelope.data as T;
  };
}

const counter = (register: 'application' | 'outgoing') =>
  env.backend.db
    .select()
    .from(journalCounters)
    .where(and(eq(journalCounters.register, register), eq(journalCounters.year, officeYear())))
    .get()?.lastSeq ?? 0;

const application = (seed: number) => sampleApplication({ receivedAt: officeDateTime(1), applicant: { snils: snilsFrom(70_000 + seed), lastName: `Сетевая${seed}` } });

describe('three workstations on one host over HTTPS', () => {
  it('parallel registrations from three desks get numbers 1…N with no gap', async () => {
    const desks = await Promise.all([workstation('priem1', ['reception']), workstation('priem2', ['reception']), workstation('priem3', ['reception'])]);
    const cases = await Promise.all(desks.flatMap((desk, d) => Array.from({ length: 12 }, (_, i) => desk('cases.register', application(d * 100 + i)))));
    const seqs = cases.map((c) => c.journalSeq).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: 36 }, (_, i) => i + 1));
    expect(counter('application')).toBe(36);
    // The session list shows each desk by its address and name.
    const sessions = (await env.backend.invoke(env.adminToken, 'sessions.list', {})).data.rows;
    expect(sessions.filter((s) => s.source === '127.0.0.1').map((s) => s.workstation).sort()).toEqual(['Приём-priem1', 'Приём-priem2', 'Приём-priem3']);
  }, 60_000);

  it('a failed registration burns no number', async () => {
    const desk = await workstation('priem1', ['reception']);
    const bad = { ...application(1), subservice: 'home', documents: [{ key: 'nonexistent', state: 'received' }] };
    const results = await Promise.allSettled([desk('cases.register', application(2)), desk('cases.register', bad), desk('cases.register', application(3))]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(counter('application')).toBe(2);
    const next = await desk('cases.register', application(4));
    expect(next.journalSeq).toBe(3);
  }, 30_000);

  it('parallel sign-offs by heads at three desks: outgoing numbers 1…N, conflicting signatures burn none', async () => {
    const spec = await workstation('spec', ['specialist']);
    const priem = await workstation('priem', ['reception']);
    const heads = await Promise.all([workstation('head1', ['head']), workstation('head2', ['head']), workstation('head3', ['head'])]);
    const drafts: { decisionId: number; rev: number }[] = [];
    for (let i = 0; i < 6; i++) drafts.push(await draftRefusal(spec, await priem('cases.register', application(i))));

    // Every head tries to sign every draft at once: 18 attempts, 6 signatures.
    const attempts = await Promise.allSettled(drafts.flatMap((d) => heads.map((h) => h<CaseView>('decisions.sign', d))));
    const signed = attempts.filter((a) => a.status === 'fulfilled');
    const refused = attempts.filter((a): a is PromiseRejectedResult => a.status === 'rejected');
    expect(signed).toHaveLength(6);
    expect(refused.every((r) => (r.reason as { code: string }).code === 'CONFLICT')).toBe(true);

    const numbers = signed
      .map((s) => (s as PromiseFulfilledResult<CaseView>).value.decisions.find((d) => d.status === 'signed')!.outgoingNumber!)
      .map((n) => Number(n.split('/')[0]))
      .sort((a, b) => a - b);
    expect(numbers).toEqual([1, 2, 3, 4, 5, 6]);
    expect(counter('outgoing')).toBe(6);
  }, 120_000);
});

describe('two host processes on one register file', () => {
  it('signatures racing across processes roll the counter back and build again: nothing burned', async () => {
    const spec = await userWithRoles(env, 'spec', ['specialist']);
    const priem = await userWithRoles(env, 'priem', ['reception']);
    const head = await userWithRoles(env, 'head', ['head']);
    const local: (t: string) => Call = (t) => async (m, i) => (await env.backend.invoke(t, m as never, i as never)).data as never;
    const drafts: { decisionId: number; rev: number }[] = [];
    for (let i = 0; i < 6; i++) drafts.push(await draftRefusal(local(spec), await local(priem)('cases.register', application(i))));
    // A second backend on the same file has its own write queue: only SQLite serialises the two.
    const other = new Backend({ dbFile: env.dbFile });
    try {
      const otherHead = (await other.invoke(null, 'auth.login', { username: 'head', password: 'user-pass-1' })).session!.token!;
      const results = await Promise.all(
        drafts.map((d, i) => (i % 2 ? other.invoke(otherHead, 'decisions.sign', d) : env.backend.invoke(head, 'decisions.sign', d))),
      );
      const numbers = results.map((r) => Number(r.data.decisions.find((d) => d.status === 'signed')!.outgoingNumber!.split('/')[0])).sort((a, b) => a - b);
      expect(numbers).toEqual([1, 2, 3, 4, 5, 6]);
      expect(counter('outgoing')).toBe(6);
    } finally {
      other.close();
    }
  }, 120_000);
});
