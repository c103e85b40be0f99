/**
 * TLS on the office network, over real HTTPS on 127.0.0.1: the host's own
 * certificate (key 0600, kept across restarts, its code), pinning that
 * accepts the right certificate and refuses a changed one, and plain HTTP
 * refused beyond loopback.
 */
import { existsSync, rmSync, statSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HostClient, normalizeHostUrl, probeHost } from '../../main/client/host-client';
import { startHost, type RunningHost } from '../../main/host/host';
import { HostConfigError } from '../../main/host/network';
import { CERT_FILE, KEY_FILE, TLS_DIR } from '../../main/host/tls';
import { createEnv, type TestEnv } from './helpers';

let env: TestEnv;
const running: RunningHost[] = [];
beforeEach(async () => {
  env = await createEnv();
});
afterEach(async () => {
  for (const h of running.splice(0)) await h.close();
  env.cleanup();
});

async function host(listen = { host: '127.0.0.1', port: 0 }, tls: 'on' | 'auto' | 'off' = 'on'): Promise<RunningHost> {
  const h = await startHost({ dataDir: env.dir, listen, tls, backend: env.backend });
  running.push(h);
  return h;
}

function plainHttp(port: number): Promise<string> {
  return new Promise((resolve) => {
    const req = httpRequest({ host: '127.0.0.1', port, path: '/api/setup.status', method: 'POST', headers: { 'Content-Type': 'application/json', Host: `127.0.0.1:${port}` } }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve(`answered ${res.statusCode}: ${body}`));
    });
    req.on('error', (e) => resolve(`refused: ${(e as NodeJS.ErrnoException).code ?? e.message}`));
    req.end('{}');
  });
}

describe("the host's certificate", () => {
  it('is made on first start with its key readable by the host only, and kept across restarts', async () => {
    const first = await host();
    const key = join(env.dir, TLS_DIR, KEY_FILE);
    expect(existsSync(join(env.dir, TLS_DIR, CERT_FILE))).toBe(true);
    expect(statSync(key).mode & 0o777).toBe(0o600);
    expect(first.certificate!.code).toMatch(/^\d{5} \d{5} \d{5} \d{5}$/);
    expect(first.certificate!.sha256).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(first.certificate!.selfSigned).toBe(true);
    await first.close();
    running.pop();
    const again = await host();
    expect(again.certificate!.sha256).toBe(first.certificate!.sha256);
    // What a workstation reads off the wire is what the host shows.
    expect(await probeHost(again.url)).toEqual(again.certificate);
  });
});

describe('pinning', () => {
  it('accepts the pinned certificate and refuses a changed one with a Russian message', async () => {
    const h = await host();
    const pin = (await probeHost(h.url)).sha256;
    const client = new HostClient({ url: h.url, pin });
    const ok = await client.call(null, 'setup.status', {});
    expect(ok.envelope).toMatchObject({ ok: true, data: { initialized: true } });
    client.close();

    // The certificate is replaced (a new host, or someone in between): the pin no longer matches.
    await h.close();
    running.pop();
    rmSync(join(env.dir, TLS_DIR), { recursive: true });
    const replaced = await host({ host: '127.0.0.1', port: h.port });
    expect(replaced.certificate!.sha256).not.toBe(pin);
    const pinned = new HostClient({ url: replaced.url, pin });
    const r = await pinned.call(null, 'auth.login', { username: 'admin', password: 'admin-pass-1' });
    pinned.close();
    expect(r.envelope.ok).toBe(false);
    if (!r.envelope.ok) {
      expect(r.envelope.error.code).toBe('CONNECTION');
      expect(r.envelope.error.message).toMatch(/Сертификат сервера Socdesk по адресу .* изменился: подключение отклонено/);
    }
    // Nothing reached the host: no sign-in was recorded.
    const logins = env.backend.db.$client.prepare("select count(*) as n from audit_log where action = 'auth.login'").get() as { n: number };
    expect(logins.n).toBe(0);
  });

  it('a workstation address is HTTPS only', () => {
    expect(normalizeHostUrl('192.168.1.10')).toBe('https://192.168.1.10:8470/');
    expect(normalizeHostUrl('socdesk-server:9000')).toBe('https://socdesk-server:9000/');
    expect(() => normalizeHostUrl('http://192.168.1.10:8470')).toThrow(/без шифрования не допускается/);
  });
});

describe('plain HTTP beyond loopback', () => {
  it('a host listening beyond loopback will not start without TLS', async () => {
    await expect(host({ host: '0.0.0.0', port: 0 }, 'off')).rejects.toBeInstanceOf(HostConfigError);
    await expect(host({ host: '0.0.0.0', port: 0 }, 'off')).rejects.toThrow(/Без шифрования Socdesk принимает подключения только с этого компьютера/);
  });

  it('a listener on all addresses serves HTTPS only: a plain HTTP request is refused', async () => {
    const h = await host({ host: '0.0.0.0', port: 0 }, 'auto');
    expect(h.secure).toBe(true);
    expect(await plainHttp(h.port)).toMatch(/^refused/);
    // The same port over HTTPS answers, addressed by loopback.
    const client = new HostClient({ url: `https://127.0.0.1:${h.port}/`, pin: h.certificate!.sha256 });
    expect((await client.call(null, 'host.clock', {})).envelope.ok).toBe(true);
    client.close();
  });

  it('on loopback, plain HTTP stays available for browser mode on this computer', async () => {
    const h = await host({ host: '127.0.0.1', port: 0 }, 'auto');
    expect(h.secure).toBe(false);
    expect(await plainHttp(h.port)).toMatch(/^answered 200/);
  });
});
