/**
 * The network transport under attack, on loopback: request targets that used
 * to crash the process, malformed encodings, DNS rebinding, oversized bodies,
 * slow and too many connections. Nothing crashes, nothing answers 500.
 */
import type { FastifyInstance } from 'fastify';
import { connect, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Backend } from '../../main/backend/backend';
import { createHttpServer, type HttpLimits } from '../../main/backend/http-server';
import { createEnv, tempDir, type TestEnv } from './helpers';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function serve(backend: Backend, opts: { limits?: Partial<HttpLimits>; allowedHosts?: string[]; dir?: string } = {}): Promise<{ server: FastifyInstance; port: number }> {
  let staticDir: string | undefined;
  if (opts.dir) {
    staticDir = join(opts.dir, 'static');
    mkdirSync(staticDir, { recursive: true });
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Socdesk</title>');
  }
  const server = await createHttpServer({ backend, staticDir, limits: opts.limits, allowedHosts: opts.allowedHosts });
  await server.listen({ host: '127.0.0.1', port: 0 });
  cleanups.push(() => server.close());
  return { server, port: (server.server.address() as AddressInfo).port };
}

async function withEnv(): Promise<TestEnv> {
  const env = await createEnv();
  cleanups.push(() => env.cleanup());
  return env;
}

/** Sends raw bytes, returns the status line (or how the connection ended). */
function raw(port: number, text: string): Promise<string> {
  return new Promise((resolve) => {
    const s = connect(port, '127.0.0.1');
    let d = '';
    s.on('data', (c) => (d += c));
    s.on('close', () => resolve(d.split('\r\n')[0] || 'closed'));
    s.on('error', () => resolve('reset'));
    s.write(text);
  });
}

const get = (port: number, target: string, extra = '') => raw(port, `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n${extra}Connection: close\r\n\r\n`);
const postRaw = (port: number, target: string, extra = '') =>
  raw(port, `POST ${target} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\nContent-Length: 2\r\n${extra}Connection: close\r\n\r\n{}`);

async function alive(port: number): Promise<boolean> {
  const res = await fetch(`http://127.0.0.1:${port}/api/host.clock`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
  return res.status === 200;
}

describe('request targets and encodings', () => {
  it('//, ///, /\\, //[ and other odd targets neither crash the host nor answer 500', async () => {
    const env = await withEnv();
    const { port } = await serve(env.backend, { dir: env.dir });
    const targets = ['//', '///', '/\\', '//[', '//]', '//evil.example/', '/\\evil.example', '*', 'http://x/', '/%2e%2e/%2e%2e/socdesk.sqlite', '/..%2f..%2fsocdesk.sqlite', '/api//', '/api/', '/api/%00', '/api/a.b/c', '/' + 'a'.repeat(5000)];
    for (const t of targets) {
      for (const line of [await get(port, t), await postRaw(port, t)]) {
        expect(line, t).toMatch(/^HTTP\/1\.1 [1-4]\d\d /);
      }
    }
    expect(await alive(port)).toBe(true);
    // The register file is never served.
    const escape = await fetch(`http://127.0.0.1:${port}/..%2f..%2fsocdesk.sqlite`);
    expect(await escape.text()).not.toContain('SQLite format');
  });

  it('malformed percent-encoding in the path answers 400, in the cookie reads as signed out', async () => {
    const env = await withEnv();
    const { port } = await serve(env.backend, { dir: env.dir });
    for (const t of ['/%E0%A4%A', '/%', '/%zz', '/api/%E0%A4%A', '/api/auth.session%']) {
      expect(await get(port, t), t).toMatch(/^HTTP\/1\.1 400 /);
      expect(await postRaw(port, t), t).toMatch(/^HTTP\/1\.1 400 /);
    }
    for (const cookie of ['socdesk_sid=%E0%A4%A', 'socdesk_sid=%', 'socdesk_sid', '=;;=;socdesk_sid==', `socdesk_sid=${'x'.repeat(4000)}`, 'socdesk_sid="\\"']) {
      expect(await postRaw(port, '/api/auth.session', `Cookie: ${cookie}\r\n`), cookie).toMatch(/^HTTP\/1\.1 200 /);
      expect(await postRaw(port, '/api/users.list', `Cookie: ${cookie}\r\n`), cookie).toMatch(/^HTTP\/1\.1 401 /);
    }
    for (const name of ['%E0%A4%A', '%', '%00', 'a'.repeat(500), '<script>']) {
      expect(await postRaw(port, '/api/host.clock', `X-Socdesk-Workstation: ${name}\r\n`), name).toMatch(/^HTTP\/1\.1 200 /);
    }
    // Headers the parser cannot take are refused, not crashed on.
    expect(await get(port, '/', `X-Big: ${'a'.repeat(40_000)}\r\n`)).toMatch(/^HTTP\/1\.1 431 |^reset|^closed/);
    expect(await raw(port, 'GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nBad Header\r\n\r\n')).toMatch(/^HTTP\/1\.1 400 /);
    expect(await raw(port, 'BREW /pot HTCPCP/1.0\r\n\r\n')).toMatch(/^HTTP\/1\.1 400 |^closed/);
    const bodies = ['{"__proto__":{"x":1}}', '{"constructor":{"prototype":{"x":1}}}', '[]', 'null', '"x"', '{'];
    for (const b of bodies) {
      const res = await fetch(`http://127.0.0.1:${port}/api/setup.status`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: b });
      expect(res.status, b).toBeLessThan(500);
    }
    expect(await alive(port)).toBe(true);
  });
});

describe('Host allow-list (DNS rebinding)', () => {
  it('a page under a foreign name cannot set up a fresh install, even with a matching Origin', async () => {
    const dir = tempDir();
    const fresh = new Backend({ dbFile: join(dir, 'socdesk.sqlite') });
    cleanups.push(() => fresh.close());
    const { port } = await serve(fresh);
    const host = `rebind.evil.example:${port}`;
    const body = JSON.stringify({ officeCode: 'surgut', username: 'evil', fullName: 'Злоумышленник', position: 'Нет', password: 'password-123' });
    const line = await raw(port, `POST /api/setup.init HTTP/1.1\r\nHost: ${host}\r\nOrigin: http://${host}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
    expect(line).toMatch(/^HTTP\/1\.1 421 /);
    expect((await fresh.invoke(null, 'setup.status', {})).data.initialized).toBe(false);
    // No Host at all is refused too; loopback names are served.
    expect(await raw(port, 'GET / HTTP/1.0\r\n\r\n')).toMatch(/^HTTP\/1\.[01] 421 /);
    for (const h of [`127.0.0.1:${port}`, `localhost:${port}`, `127.0.0.2:${port}`, `[::1]:${port}`]) {
      expect(await raw(port, `POST /api/setup.status HTTP/1.1\r\nHost: ${h}\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}`), h).toMatch(/^HTTP\/1\.1 200 /);
    }
  });

  it('the configured names of the host are served, others are not', async () => {
    const env = await withEnv();
    const { port } = await serve(env.backend, { allowedHosts: ['socdesk.office.local', '192.168.1.10'] });
    const with_ = (h: string) => raw(port, `POST /api/host.clock HTTP/1.1\r\nHost: ${h}\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}`);
    expect(await with_(`socdesk.office.local:${port}`)).toMatch(/ 200 /);
    expect(await with_('SOCDESK.office.local.')).toMatch(/ 200 /);
    expect(await with_(`192.168.1.10:${port}`)).toMatch(/ 200 /);
    expect(await with_(`socdesk.office.local.evil.example:${port}`)).toMatch(/ 421 /);
    expect(await with_(`evil@socdesk.office.local`)).toMatch(/ 421 /);
  });

  it('a cross-site call is refused even under an allowed name', async () => {
    const env = await withEnv();
    const { port } = await serve(env.backend);
    const call = (headers: Record<string, string>) =>
      fetch(`http://127.0.0.1:${port}/api/setup.status`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: '{}' }).then((r) => r.status);
    expect(await call({ Origin: 'http://evil.example' })).toBe(403);
    expect(await call({ Origin: `https://127.0.0.1:${port}` })).toBe(403);
    expect(await call({ 'Sec-Fetch-Site': 'cross-site' })).toBe(403);
    expect(await call({ Origin: `http://127.0.0.1:${port}`, 'Sec-Fetch-Site': 'same-origin' })).toBe(200);
  });
});

describe('limits', () => {
  it('answers 413 with a Russian message for a body over 20 MB', async () => {
    const env = await withEnv();
    const { port } = await serve(env.backend);
    const big = JSON.stringify({ kind: 'intake', data: 'а'.repeat(11 * 1024 * 1024) });
    const res = await fetch(`http://127.0.0.1:${port}/api/drafts.save`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: big });
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ ok: false, error: { code: 'VALIDATION', message: 'Запрос слишком большой: не более 20 МБ.' } });
    expect(await alive(port)).toBe(true);
  });

  it('cuts off 100 slow connections (headers dribbled, body dribbled) and keeps serving', async () => {
    const env = await withEnv();
    const { port } = await serve(env.backend, { limits: { headersTimeoutMs: 600, requestTimeoutMs: 1200, checkIntervalMs: 100, maxConnectionsPerAddress: 200 } });
    const closedAt: number[] = [];
    const t0 = Date.now();
    const sockets: Socket[] = [];
    const timers: NodeJS.Timeout[] = [];
    const done = Array.from({ length: 100 }, (_, i) =>
      new Promise<void>((resolve) => {
        const s = connect(port, '127.0.0.1');
        sockets.push(s);
        s.on('error', () => {});
        s.on('close', () => {
          closedAt.push(Date.now() - t0);
          resolve();
        });
        s.on('connect', () => {
          if (i % 2 === 0) {
            // Slowloris: one header byte at a time, never finishing the head.
            s.write('POST /api/host.clock HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ');
            timers.push(setInterval(() => s.writable && s.write('a'), 100));
          } else {
            // Slow body: the head at once, then the body a byte at a time.
            s.write(`POST /api/host.clock HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{`);
            timers.push(setInterval(() => s.writable && s.write(' '), 100));
          }
        });
      }),
    );
    // While they dribble, a normal request is answered.
    await new Promise((r) => setTimeout(r, 200));
    expect(await alive(port)).toBe(true);
    await Promise.race([Promise.all(done), new Promise((r) => setTimeout(r, 8000))]);
    timers.forEach(clearInterval);
    sockets.forEach((s) => s.destroy());
    expect(closedAt).toHaveLength(100);
    expect(Math.max(...closedAt)).toBeLessThan(5000);
    expect(await alive(port)).toBe(true);
  });

  it('caps the connections one workstation may hold open', async () => {
    const env = await withEnv();
    const { port } = await serve(env.backend, { limits: { maxConnectionsPerAddress: 10 } });
    const sockets = await Promise.all(
      Array.from({ length: 20 }, () => new Promise<{ s: Socket; closed: () => boolean }>((resolve) => {
        const s = connect(port, '127.0.0.1');
        let closed = false;
        s.on('error', () => {});
        s.on('close', () => (closed = true));
        s.on('connect', () => resolve({ s, closed: () => closed }));
      })),
    );
    await new Promise((r) => setTimeout(r, 300));
    expect(sockets.filter((x) => x.closed())).toHaveLength(10);
    sockets.forEach((x) => x.s.destroy());
    await new Promise((r) => setTimeout(r, 100));
    expect(await alive(port)).toBe(true);
  });
});
