import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../core/api/errors';
import { users } from '../../db/schema';
import { createEnv, userWithRoles, type TestEnv } from './helpers';

let env: TestEnv;
let clock = new Date('2026-11-25T09:00:00Z');
beforeEach(async () => {
  clock = new Date('2026-11-25T09:00:00Z');
  env = await createEnv({ now: () => clock });
});
afterEach(() => env.cleanup());

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'ok';
  } catch (e) {
    return e instanceof ApiError ? e.code : 'thrown';
  }
}

describe('first run', () => {
  it('creates the office administrator and refuses a second setup', async () => {
    const s = await env.backend.invoke(env.adminToken, 'auth.session', {});
    expect(s.data?.user.roles).toEqual(['admin']);
    expect(s.data?.office.code).toBe('khanty-mansiysk');
    expect(s.data?.office.name).toMatch(/Управление социальной защиты населения/);
    const status = await env.backend.invoke(null, 'setup.status', {});
    expect(status.data).toEqual({ initialized: true, offices: [] });
    expect(
      await codeOf(env.backend.invoke(null, 'setup.init', { officeCode: 'surgut', username: 'evil', fullName: 'X', position: 'Y', password: 'password-123' })),
    ).toBe('CONFLICT');
  });

  it('rejects an unknown office with a Russian message', async () => {
    const fresh = await createEnv();
    fresh.backend.db.$client.prepare("delete from settings").run();
    await expect(
      fresh.backend.invoke(null, 'setup.init', { officeCode: 'atlantis', username: 'admin2', fullName: 'А Б', position: 'В', password: 'password-123' }),
    ).rejects.toThrow('Выберите управление из списка.');
    fresh.cleanup();
  });
});

describe('login', () => {
  it('signs in case-insensitively and sets lastLoginAt', async () => {
    const r = await env.backend.invoke(null, 'auth.login', { username: 'ADMIN', password: 'admin-pass-1' });
    expect(r.session?.token).toBeTruthy();
    expect(r.data.user.lastLoginAt).toBe(clock.toISOString());
  });

  it('rejects a wrong password and an unknown user with the same message', async () => {
    await expect(env.backend.invoke(null, 'auth.login', { username: 'admin', password: 'wrong' })).rejects.toThrow('Неверное имя пользователя или пароль.');
    await expect(env.backend.invoke(null, 'auth.login', { username: 'nobody', password: 'wrong' })).rejects.toThrow('Неверное имя пользователя или пароль.');
  });

  it('slows down repeated failures and locks after five', async () => {
    const delays: number[] = [];
    const e2 = await createEnv({ now: () => clock, loginPolicy: { delayMs: (n) => (delays.push(n), 0) } });
    for (let i = 0; i < 4; i++) {
      expect(await codeOf(e2.backend.invoke(null, 'auth.login', { username: 'admin', password: 'bad' }))).toBe('BAD_CREDENTIALS');
    }
    expect(await codeOf(e2.backend.invoke(null, 'auth.login', { username: 'admin', password: 'bad' }))).toBe('LOCKED');
    expect(delays).toEqual([1, 2, 3, 4, 5]);
    // Even the right password is refused while locked.
    expect(await codeOf(e2.backend.invoke(null, 'auth.login', { username: 'admin', password: 'admin-pass-1' }))).toBe('LOCKED');
    // After the lock expires the right password works again.
    clock = new Date(clock.getTime() + 16 * 60_000);
    expect(await codeOf(e2.backend.invoke(null, 'auth.login', { username: 'admin', password: 'admin-pass-1' }))).toBe('ok');
    e2.cleanup();
  });

  it('the default policy grows the delay and caps it', async () => {
    const { DEFAULT_LOGIN_POLICY } = await import('../../main/backend/services');
    expect([1, 2, 3, 4, 10].map(DEFAULT_LOGIN_POLICY.delayMs)).toEqual([250, 500, 1000, 2000, 4000]);
  });

  it('an administrator unlocks a locked user', async () => {
    await userWithRoles(env, 'ivanova', ['reception']);
    for (let i = 0; i < 5; i++) await codeOf(env.backend.invoke(null, 'auth.login', { username: 'ivanova', password: 'bad' }));
    const locked = env.backend.db.select().from(users).where(eq(users.username, 'ivanova')).get()!;
    expect(locked.lockedUntil).not.toBeNull();
    await env.backend.invoke(env.adminToken, 'users.unlock', { id: locked.id });
    expect(await codeOf(env.backend.invoke(null, 'auth.login', { username: 'ivanova', password: 'user-pass-1' }))).toBe('ok');
  });
});

describe('sessions and deactivation', () => {
  it('a deactivated user loses the session and cannot sign in; the user is not deleted', async () => {
    const token = await userWithRoles(env, 'petrov', ['specialist']);
    const { id, rev } = (await env.backend.invoke(token, 'auth.session', {})).data!.user;
    await env.backend.invoke(env.adminToken, 'users.update', { id, rev, fullName: 'Петров П. П.', position: 'Специалист', roles: ['specialist'], active: false });
    expect((await env.backend.invoke(token, 'auth.session', {})).data).toBeNull();
    expect(await codeOf(env.backend.invoke(token, 'calendar.years', {}))).toBe('UNAUTHENTICATED');
    expect(await codeOf(env.backend.invoke(null, 'auth.login', { username: 'petrov', password: 'user-pass-1' }))).toBe('FORBIDDEN');
    const list = (await env.backend.invoke(env.adminToken, 'users.list', {})).data;
    expect(list.find((u) => u.username === 'petrov')?.active).toBe(false);
  });

  it('sessions expire', async () => {
    clock = new Date(clock.getTime() + 13 * 3600_000);
    expect((await env.backend.invoke(env.adminToken, 'auth.session', {})).data).toBeNull();
  });

  it('logout ends the session', async () => {
    const r = await env.backend.invoke(env.adminToken, 'auth.logout', {});
    expect(r.session).toEqual({ token: null });
    expect((await env.backend.invoke(env.adminToken, 'auth.session', {})).data).toBeNull();
  });

  it('the last active administrator cannot be deactivated or lose the role', async () => {
    const me = (await env.backend.invoke(env.adminToken, 'auth.session', {})).data!.user;
    expect(
      await codeOf(env.backend.invoke(env.adminToken, 'users.update', { id: me.id, rev: me.rev, fullName: me.fullName, position: me.position, roles: ['specialist'], active: true })),
    ).toBe('CONFLICT');
    expect((await env.backend.invoke(env.adminToken, 'auth.session', {})).data!.user.roles).toEqual(['admin']);
  });

  it('changes one’s own password only with the current one', async () => {
    expect(await codeOf(env.backend.invoke(env.adminToken, 'auth.changePassword', { currentPassword: 'nope', newPassword: 'new-pass-123' }))).toBe('VALIDATION');
    await env.backend.invoke(env.adminToken, 'auth.changePassword', { currentPassword: 'admin-pass-1', newPassword: 'new-pass-123' });
    expect(await codeOf(env.backend.invoke(null, 'auth.login', { username: 'admin', password: 'new-pass-123' }))).toBe('ok');
  });

  it('stores only scrypt hashes, never the password', async () => {
    const row = env.backend.db.select().from(users).where(eq(users.username, 'admin')).get()!;
    expect(row.passwordHash).toMatch(/^scrypt\$/);
    expect(row.passwordHash).not.toContain('admin-pass-1');
  });
});
