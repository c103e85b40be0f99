import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEnv, type TestEnv } from './helpers';

let env: TestEnv;
beforeEach(async () => {
  env = await createEnv();
});
afterEach(() => env.cleanup());

describe('audit log', () => {
  it('records who changed what, before and after, without password hashes', async () => {
    const created = (
      await env.backend.invoke(env.adminToken, 'users.create', { username: 'sidorova', fullName: 'Сидорова Е. А.', position: 'Специалист', roles: ['reception'], password: 'secret-pass-1' })
    ).data;
    await env.backend.invoke(env.adminToken, 'users.update', { id: created.id, rev: created.rev, fullName: 'Сидорова Елена Андреевна', position: 'Ведущий специалист', roles: ['reception', 'specialist'], active: true });

    const log = (await env.backend.invoke(env.adminToken, 'audit.list', { entity: 'user', action: 'update' })).data;
    expect(log.total).toBe(1);
    const e = log.rows[0];
    expect(e.username).toBe('admin');
    expect(e.entityId).toBe(String(created.id));
    expect(e.before).toMatchObject({ fullName: 'Сидорова Е. А.', roles: ['reception'] });
    expect(e.after).toMatchObject({ fullName: 'Сидорова Елена Андреевна', roles: ['reception', 'specialist'] });
    const all = JSON.stringify((await env.backend.invoke(env.adminToken, 'audit.list', { pageSize: 500 })).data.rows);
    expect(all).not.toMatch(/scrypt|secret-pass-1|passwordHash/);
  });

  it('records sign-ins and failed attempts', async () => {
    await env.backend.call(null, 'auth.login', { username: 'admin', password: 'wrong' });
    await env.backend.invoke(null, 'auth.login', { username: 'admin', password: 'admin-pass-1' });
    const rows = (await env.backend.invoke(env.adminToken, 'audit.list', { entity: 'user' })).data.rows.map((r) => r.action);
    expect(rows).toEqual(expect.arrayContaining(['auth.login', 'auth.login_failed']));
  });

  it('filters by period, user and paginates', async () => {
    const all = (await env.backend.invoke(env.adminToken, 'audit.list', {})).data;
    expect(all.total).toBeGreaterThanOrEqual(2);
    const firstPage = (await env.backend.invoke(env.adminToken, 'audit.list', { pageSize: 1, page: 1 })).data;
    expect(firstPage.rows).toHaveLength(1);
    expect(firstPage.total).toBe(all.total);
    const none = (await env.backend.invoke(env.adminToken, 'audit.list', { from: '2001-01-01', to: '2001-12-31' })).data;
    expect(none.total).toBe(0);
    const adminId = (await env.backend.invoke(env.adminToken, 'auth.session', {})).data!.user.id;
    const mine = (await env.backend.invoke(env.adminToken, 'audit.list', { userId: adminId })).data;
    expect(mine.rows.every((r) => r.userId === adminId)).toBe(true);
  });

  it('a refused write leaves no audit entry', async () => {
    const before = (await env.backend.invoke(env.adminToken, 'audit.list', {})).data.total;
    await env.backend.call(env.adminToken, 'users.create', { username: 'admin', fullName: 'Дубль', position: 'x', roles: ['reception'], password: 'password-123' });
    expect((await env.backend.invoke(env.adminToken, 'audit.list', {})).data.total).toBe(before);
  });
});
