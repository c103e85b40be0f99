import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { methods, type MethodName } from '../../core/api/contract';
import { ROLES, type Role } from '../../core/api/schemas';
import { createEnv, userWithRoles, type TestEnv } from './helpers';

let env: TestEnv;
const tokens = {} as Record<Role, string>;

beforeAll(async () => {
  env = await createEnv();
  for (const r of ROLES) tokens[r] = r === 'admin' ? env.adminToken : await userWithRoles(env, `only-${r}`, [r]);
});
afterAll(() => env.cleanup());

const names = Object.keys(methods) as MethodName[];

describe('every handler checks the caller', () => {
  it.each(names.filter((m) => methods[m].access !== 'public'))('%s refuses a call without a session', async (m) => {
    const r = await env.backend.call(null, m, {});
    expect(r.envelope).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  for (const m of names) {
    const access = methods[m].access;
    if (access === 'public' || access === 'user') continue;
    for (const role of ROLES.filter((r) => !access.includes(r))) {
      it(`${m} refuses a user with only the role ${role}`, async () => {
        const r = await env.backend.call(tokens[role], m, {});
        expect(r.envelope).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: 'Недостаточно прав для этого действия.' } });
      });
    }
  }

  it('a user with several roles gets the union of their rights', async () => {
    const t = await userWithRoles(env, 'both', ['reception', 'admin']);
    const r = await env.backend.call(t, 'users.list', {});
    expect(r.envelope.ok).toBe(true);
  });

  it('an unknown method is refused', async () => {
    const r = await env.backend.call(env.adminToken, 'users.drop', {});
    expect(r.envelope).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
  });
});

describe('input validation', () => {
  it('names the fields to fix, in Russian, and writes nothing', async () => {
    const before = env.backend.db.$client.prepare('select count(*) n from users').get();
    const r = await env.backend.call(env.adminToken, 'users.create', { username: 'й', fullName: '', position: 'x', roles: [], password: '123' });
    expect(r.envelope.ok).toBe(false);
    if (r.envelope.ok) return;
    expect(r.envelope.error.code).toBe('VALIDATION');
    expect(r.envelope.error.fields).toMatchObject({
      username: expect.stringMatching(/Имя пользователя/),
      fullName: 'Заполните поле',
      roles: 'Выберите хотя бы одну роль',
      password: 'Пароль — не короче 8 символов',
    });
    expect(r.envelope.error.message).toMatch(/^Проверьте данные\. /);
    expect(env.backend.db.$client.prepare('select count(*) n from users').get()).toEqual(before);
  });

  it('rejects wrong types with Russian default messages', async () => {
    const r = await env.backend.call(env.adminToken, 'calendar.year', { year: 'две тысячи' });
    expect(r.envelope.ok).toBe(false);
    if (!r.envelope.ok) expect(r.envelope.error.message).toMatch(/[А-Яа-я]/);
  });
});
