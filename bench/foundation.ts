/**
 * Foundation benchmarks: backend start-up on an empty database and on one
 * with 100,000 rows (audit entries and users), and one API round trip over
 * HTTP on loopback.
 */
import { appendAudit } from '../db/audit-chain';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Backend } from '../main/backend/backend';
import { createHttpServer } from '../main/backend/http-server';
import { percentile, sample, time, type Metric } from './lib';

export async function foundationBench(dir: string): Promise<Metric[]> {
  const metrics: Metric[] = [];

  // Start-up on an empty database: create the file, migrate, load reference data.
  const emptyFile = join(dir, 'empty.sqlite');
  const [emptyMs, b0] = await time(() => new Backend({ dbFile: emptyFile }));
  b0.close();
  metrics.push({ metric: 'startup.empty_db', value: emptyMs, unit: 'ms', target: 1000 });

  // A database with 100,000 rows, then a cold start on it.
  const bigFile = join(dir, 'big.sqlite');
  const big = new Backend({ dbFile: bigFile });
  await big.invoke(null, 'setup.init', { officeCode: 'surgut', username: 'admin', fullName: 'Админ', position: 'Админ', password: 'bench-pass-1' });
  const raw = big.db.$client;
  const insUser = raw.prepare("insert into users(username, full_name, position, roles, password_hash) values (?, ?, 'Специалист', '[\"specialist\"]', 'x')");
  raw.transaction(() => {
    for (let i = 0; i < 1_000; i++) insUser.run(`user${i}`, `Пользователь ${i}`);
    for (let i = 0; i < 99_000; i++) appendAudit(raw, [new Date(1.7e12 + i * 60_000).toISOString(), 1, 'admin', 'update', 'user', String(i), '{}', '{"a":1}']);
  })();
  big.close();
  const [bigMs, b1] = await time(() => new Backend({ dbFile: bigFile }));
  metrics.push({ metric: 'startup.100k_rows', value: bigMs, unit: 'ms', target: 1000 });

  // One API round trip over HTTP (signed in, a small read).
  const server = await createHttpServer({ backend: b1 });
  await server.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  const login = await fetch(`${base}/api/auth.login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: 'bench-pass-1' }),
  });
  const cookie = login.headers.get('set-cookie')!.split(';')[0];
  const call = () =>
    fetch(`${base}/api/calendar.years`, { method: 'POST', headers: { 'Content-Type': 'application/json', Cookie: cookie }, body: '{}' }).then((r) => r.json());
  await sample(200, call); // warm-up: the first requests compile the routes and the JIT warms up
  const rt = await sample(300, call);
  metrics.push({ metric: 'api.http_round_trip.p50', value: percentile(rt, 50), unit: 'ms', target: null });
  metrics.push({ metric: 'api.http_round_trip.p95', value: percentile(rt, 95), unit: 'ms', target: 10 });

  // The same request to a bare node:http echo, in the same run, with the same client: what the framework,
  // the checks and the backend add on top of HTTP itself.
  const echo = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(Buffer.concat(chunks));
    });
  });
  await new Promise<void>((r) => echo.listen(0, '127.0.0.1', r));
  const echoBase = `http://127.0.0.1:${(echo.address() as AddressInfo).port}`;
  const bare = () => fetch(`${echoBase}/api/host.clock`, { method: 'POST', headers: { 'Content-Type': 'application/json', Cookie: cookie }, body: '{}' }).then((r) => r.json());
  const api = () => fetch(`${base}/api/host.clock`, { method: 'POST', headers: { 'Content-Type': 'application/json', Cookie: cookie }, body: '{}' }).then((r) => r.json());
  await sample(50, bare);
  await sample(50, api);
  const bareRt: number[] = [];
  const apiRt: number[] = [];
  // Interleaved, so both see the same machine load.
  for (let i = 0; i < 400; i++) {
    bareRt.push(...(await sample(1, bare)));
    apiRt.push(...(await sample(1, api)));
  }
  metrics.push({ metric: 'api.http_overhead_ratio', value: percentile(apiRt, 50) / percentile(bareRt, 50), unit: '×', target: 3 });
  await new Promise((r) => echo.close(r));
  await server.close();
  b1.close();
  return metrics;
}
