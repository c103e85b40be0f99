import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpServer, SESSION_COOKIE } from '../../main/backend/http-server';
import { createEnv, type TestEnv } from './helpers';

let env: TestEnv;
let server: FastifyInstance;
let base: string;

beforeAll(async () => {
  env = await createEnv();
  const staticDir = join(env.dir, 'static');
  mkdirSync(staticDir);
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Socdesk</title>');
  server = await createHttpServer({ backend: env.backend, staticDir });
  await server.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await server.close();
  env.cleanup();
});

const post = (method: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${base}/api/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });

describe('browser-mode transport', () => {
  it('signs in with an HttpOnly, SameSite=Strict session cookie', async () => {
    const res = await post('auth.login', { username: 'admin', password: 'admin-pass-1' });
    expect(res.status).toBe(200);
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(new RegExp(`^${SESSION_COOKIE}=`));
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const sid = cookie.split(';')[0];
    const me = await (await post('users.list', {}, { Cookie: sid })).json();
    expect(me.ok).toBe(true);
    const out = await post('auth.logout', {}, { Cookie: sid });
    expect(out.headers.get('set-cookie')).toMatch(/Max-Age=0/);
    expect((await post('users.list', {}, { Cookie: sid })).status).toBe(401);
  });

  it('answers errors with a code, a Russian message and an HTTP status', async () => {
    const res = await post('users.list', {});
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ ok: false, error: { code: 'UNAUTHENTICATED', message: 'Сеанс завершён. Войдите в систему снова.' } });
  });

  it('refuses cross-site calls and non-JSON bodies', async () => {
    expect((await post('setup.status', {}, { Origin: 'http://evil.example' })).status).toBe(403);
    const res = await fetch(`${base}/api/setup.status`, { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: '{}' });
    expect(res.status).toBe(415);
    const bad = await fetch(`${base}/api/setup.status`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{oops' });
    expect(bad.status).toBe(400);
  });

  it('serves the renderer with a CSP and never files outside it', async () => {
    const res = await fetch(`${base}/journal`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    expect(await res.text()).toContain('Socdesk');
    const escape = await fetch(`${base}/..%2f..%2fsocdesk.sqlite`);
    expect(await escape.text()).not.toContain('SQLite format');
  });
});
