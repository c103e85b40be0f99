/**
 * Sessions across workstations: atomic lockout under parallel guesses (over
 * HTTP, as an attacker on the network would), unknown names treated like
 * known ones, sessions ended by a password change or reset, a lock, a
 * deactivation; the idle limit; the administrator's session list; and the
 * administrator's way in that a stranger cannot block.
 */
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../core/api/errors';
import { auditLog, users } from '../../db/schema';
import { createHttpServer } from '../../main/backend/http-server';
import { unlockUser } from '../../main/host/commands';
import { createEnv, userWithRoles, type TestEnv } from './helpers';

let env: TestEnv;
let clock: Date;
const delays: number[] = [];

beforeEach(async () => {
  clock = new Date('2026-11-25T06:00:00Z');
  delays.length = 0;
  env = await createEnv({ now: () => clock, idleMinutes: undefined, loginPolicy: { delayMs: (n) => (delays.push(n), 0) } });
});
afterEach(() => env.cleanup());

const code = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e) => (e instanceof ApiError ? e.code : String(e)),
  );
const login = (username: string, password: string, source = 'local') => env.backend.call(null, 'auth.login', { username, password }, { source });
const codeOf = async (r: ReturnType<typeof login>) => {
  const x = await r;
  return x.envelope.ok ? 'ok' : x.envelope.error.code;
};
const alive = async (token: string) => (await env.backend.invoke(token, 'auth.session', {})).data !== null;
const userId = (username: string) => env.backend.db.select().from(users).where(eq(users.username, username)).get()!.id;

async function serveHttp(): Promise<{ server: FastifyInstance; base: string }> {
  const server = await createHttpServer({ backend: env.backend });
  await server.listen({ host: '127.0.0.1', port: 0 });
  return { server, base: `http://127.0.0.1:${(server.server.address() as AddressInfo).port}` };
}

describe('lockout under parallel guesses', () => {
  it('40 parallel wrong passwords over HTTP lock the account; the right one is refused after', async () => {
    await userWithRoles(env, 'ivanova', ['reception']);
    const { server, base } = await serveHttp();
    try {
      const guess = (password: string) =>
        fetch(`${base}/api/auth.login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: 'ivanova', password }) }).then(
          async (r) => ((await r.json()) as { ok: boolean; error?: { code: string } }).error?.code ?? 'ok',
        );
      const results = await Promise.all(Array.from({ length: 40 }, (_, i) => guess(`wrong-${i}`)));
      expect(results.filter((c) => c === 'BAD_CREDENTIALS')).toHaveLength(4);
      expect(results.filter((c) => c === 'LOCKED')).toHaveLength(36);
      expect(await guess('user-pass-1')).toBe('LOCKED');
      const row = env.backend.db.select().from(users).where(eq(users.username, 'ivanova')).get()!;
      expect(row.lockedUntil).not.toBeNull();
      // Exactly five failures were counted, the fifth locking.
      const fails = env.backend.db.select().from(auditLog).where(eq(auditLog.entityId, String(row.id))).all().filter((a) => a.action.startsWith('auth.'));
      expect(fails.map((a) => a.action)).toEqual(['auth.login', 'auth.login_failed', 'auth.login_failed', 'auth.login_failed', 'auth.login_failed', 'auth.locked']);
    } finally {
      await server.close();
    }
  });

  it('40 parallel guesses with the right password last: the lock holds', async () => {
    await userWithRoles(env, 'petrova', ['reception']);
    const results = await Promise.all([...Array.from({ length: 39 }, (_, i) => codeOf(login('petrova', `bad-${i}`))), codeOf(login('petrova', 'user-pass-1'))]);
    expect(results.at(-1)).toBe('LOCKED');
    expect(results.filter((r) => r === 'ok')).toHaveLength(0);
  });

  it('an unknown name is slowed and locked exactly like a known one', async () => {
    await userWithRoles(env, 'known', ['reception']);
    delays.length = 0;
    const known = [];
    for (let i = 0; i < 6; i++) known.push(await codeOf(login('known', 'bad')));
    const knownDelays = delays.splice(0);
    const unknown = [];
    for (let i = 0; i < 6; i++) unknown.push(await codeOf(login('nobody', 'bad')));
    expect(unknown).toEqual(known);
    expect(known).toEqual(['BAD_CREDENTIALS', 'BAD_CREDENTIALS', 'BAD_CREDENTIALS', 'BAD_CREDENTIALS', 'LOCKED', 'LOCKED']);
    expect(delays).toEqual(knownDelays);
    // The messages are the same too.
    const a = (await login('known', 'bad')).envelope;
    const b = (await login('nobody', 'bad')).envelope;
    expect(a).toEqual(b);
  });
});

describe('sessions end when the account changes', () => {
  it('changing one’s password ends one’s other sessions, not this one', async () => {
    const here = await userWithRoles(env, 'spec', ['specialist']);
    const there = (await env.backend.invoke(null, 'auth.login', { username: 'spec', password: 'user-pass-1' })).session!.token!;
    await env.backend.invoke(here, 'auth.changePassword', { currentPassword: 'user-pass-1', newPassword: 'new-pass-123' });
    expect(await alive(here)).toBe(true);
    expect(await alive(there)).toBe(false);
  });

  it('a password reset by the administrator ends all the user’s sessions', async () => {
    const a = await userWithRoles(env, 'spec', ['specialist']);
    const b = (await env.backend.invoke(null, 'auth.login', { username: 'spec', password: 'user-pass-1' })).session!.token!;
    await env.backend.invoke(env.adminToken, 'users.resetPassword', { id: userId('spec'), password: 'reset-pass-123' });
    expect(await alive(a)).toBe(false);
    expect(await alive(b)).toBe(false);
    expect(await alive(env.adminToken)).toBe(true);
  });

  it('a lock after failed sign-ins ends the user’s sessions', async () => {
    const t = await userWithRoles(env, 'spec', ['specialist']);
    for (let i = 0; i < 5; i++) await login('spec', 'bad', '10.0.0.9');
    expect(await alive(t)).toBe(false);
  });

  it('a deactivation ends them for good: reactivating does not bring them back', async () => {
    const t = await userWithRoles(env, 'spec', ['specialist']);
    const id = userId('spec');
    const rev = () => (env.backend.db.$client.prepare('SELECT rev FROM users WHERE id = ?').get(id) as { rev: number }).rev;
    const upd = (active: boolean) => env.backend.invoke(env.adminToken, 'users.update', { id, rev: rev(), fullName: 'Спец', position: 'Специалист', roles: ['specialist'], active });
    await upd(false);
    await upd(true);
    expect(await alive(t)).toBe(false);
    expect(await codeOf(login('spec', 'user-pass-1'))).toBe('ok');
  });
});

describe('idle limit', () => {
  it('a session without activity for 30 minutes ends; activity moves the limit', async () => {
    const t = await userWithRoles(env, 'spec', ['specialist']);
    clock = new Date(clock.getTime() + 20 * 60_000);
    // Reads do not count as activity (screens refresh by themselves); the window reports the user's presence.
    expect(await alive(t)).toBe(true);
    const k = (await env.backend.invoke(t, 'auth.keepAlive', {})).data;
    expect(k).toEqual({ idleMinutes: 30, idleDeadline: new Date(clock.getTime() + 30 * 60_000).toISOString() });
    clock = new Date(clock.getTime() + 29 * 60_000);
    expect(await alive(t)).toBe(true);
    clock = new Date(clock.getTime() + 2 * 60_000);
    expect(await alive(t)).toBe(false);
    expect(await code(env.backend.invoke(t, 'calendar.years', {}))).toBe('UNAUTHENTICATED');
  });

  it('is the office’s setting, checked and audited', async () => {
    expect(await code(env.backend.invoke(env.adminToken, 'sessions.saveSettings', { idleMinutes: 2 }))).toBe('VALIDATION');
    await env.backend.invoke(env.adminToken, 'sessions.saveSettings', { idleMinutes: 10 });
    expect((await env.backend.invoke(env.adminToken, 'sessions.list', {})).data.idleMinutes).toBe(10);
    const t = await userWithRoles(env, 'spec', ['specialist']);
    clock = new Date(clock.getTime() + 11 * 60_000);
    expect(await alive(t)).toBe(false);
    const a = env.backend.db.select().from(auditLog).where(eq(auditLog.entityId, 'session_idle_minutes')).get()!;
    expect(a.after).toEqual({ idleMinutes: 10 });
  });
});

describe("the administrator's session list", () => {
  it('shows user, workstation, since and last activity, and ends a session', async () => {
    await userWithRoles(env, 'spec', ['specialist']);
    const r = await env.backend.call(null, 'auth.login', { username: 'spec', password: 'user-pass-1' }, { source: '192.168.1.23', workstation: 'ПРИЕМ-2' });
    const t = r.session!.token!;
    const list = (await env.backend.invoke(env.adminToken, 'sessions.list', {})).data.rows;
    const row = list.find((s) => s.source === '192.168.1.23')!;
    expect(row).toMatchObject({ username: 'spec', workstation: 'ПРИЕМ-2', createdAt: clock.toISOString(), lastActivityAt: clock.toISOString(), current: false });
    expect(list.find((s) => s.current)?.username).toBe('admin');
    expect(await code(env.backend.invoke(env.adminToken, 'sessions.end', { id: list.find((s) => s.current)!.id }))).toBe('CONFLICT');
    await env.backend.invoke(env.adminToken, 'sessions.end', { id: row.id });
    expect(await alive(t)).toBe(false);
    expect(env.backend.db.select().from(auditLog).all().some((a) => a.action === 'session.end' && a.entityId === String(row.userId))).toBe(true);
    const spec = (await env.backend.invoke(null, 'auth.login', { username: 'spec', password: 'user-pass-1' })).session!.token!;
    expect(await code(env.backend.invoke(spec, 'sessions.list', {}))).toBe('FORBIDDEN');
  });
});

describe("the administrator's way in", () => {
  it('a stranger typing the admin’s name locks it out of their own workstation only', async () => {
    for (let i = 0; i < 6; i++) await login('admin', 'guess', '192.168.1.66');
    expect(await codeOf(login('admin', 'admin-pass-1', '192.168.1.66'))).toBe('LOCKED');
    // The administrator's own desk, and their open session, are untouched.
    expect(await alive(env.adminToken)).toBe(true);
    expect(await codeOf(login('admin', 'admin-pass-1', '192.168.1.10'))).toBe('ok');
    // Failures from different desks are counted apart.
    for (let i = 0; i < 4; i++) await login('admin', 'guess', '192.168.1.10');
    expect(await codeOf(login('admin', 'admin-pass-1', '192.168.1.10'))).toBe('ok');
  });

  it('`unlock` on the host clears every lock, recorded in the audit log', async () => {
    await userWithRoles(env, 'spec', ['specialist']);
    for (let i = 0; i < 5; i++) await login('spec', 'bad');
    for (let i = 0; i < 5; i++) await login('admin', 'bad', '192.168.1.66');
    expect(await codeOf(login('spec', 'user-pass-1'))).toBe('LOCKED');
    expect(unlockUser(env.backend, 'spec')).toMatch(/снята/);
    expect(unlockUser(env.backend, 'admin')).toMatch(/снята/);
    expect(unlockUser(env.backend, 'nobody')).toMatch(/не найден/);
    expect(await codeOf(login('spec', 'user-pass-1'))).toBe('ok');
    expect(await codeOf(login('admin', 'admin-pass-1', '192.168.1.66'))).toBe('ok');
    expect(env.backend.db.select().from(auditLog).all().filter((a) => a.action === 'unlock')).toHaveLength(2);
  });
});
