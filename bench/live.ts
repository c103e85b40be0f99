/**
 * Live-update benchmark: `lan.notify_latency` — from a change committed at
 * one workstation to its notification at the others. Ten workstations hold
 * the change stream (SSE over HTTP on loopback) of a host serving the
 * 200,000-case register; one of them saves acts and registers applications,
 * and each of the other nine times when the notification arrives. The clock
 * starts when the write is sent, so the figure includes the write itself:
 * it is an upper bound of commit → notification.
 */
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { CaseView } from '../core/api/reception';
import { localDateTime } from '../core/domain/dates';
import { Backend } from '../main/backend/backend';
import { createHttpServer } from '../main/backend/http-server';
import { NEED_ACT } from '../scripts/form-samples-acts';
import { sampleApplication, snilsFrom } from '../tests/support/applications';
import { openStream, type StreamClient } from '../tests/support/change-stream-client';
import { percentile, type Metric } from './lib';

const CLIENTS = 10;
const WRITES = 100;

export async function liveBench(dir: string): Promise<Metric[]> {
  // The register the reception benchmark generated (200,000 cases by default).
  const b = new Backend({ dbFile: join(dir, 'register.sqlite') });
  const admin = (await b.invoke(null, 'auth.login', { username: 'admin', password: 'bench-pass-1' })).session!.token!;
  const server = await createHttpServer({ backend: b });
  await server.listen({ host: '127.0.0.1', port: 0 });
  const base = `http://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  const streams: StreamClient[] = [];
  try {
    const cookies: string[] = [];
    for (let i = 0; i < CLIENTS; i++) {
      const username = `desk${i}`;
      await b.invoke(admin, 'users.create', { username, fullName: `Рабочее место ${i}`, position: 'Специалист', roles: ['reception', 'specialist'], password: 'bench-pass-1' });
      const res = await fetch(`${base}/api/auth.login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username, password: 'bench-pass-1' }) });
      cookies.push(res.headers.get('set-cookie')!.split(';')[0]);
    }
    for (const cookie of cookies.slice(1)) streams.push(await openStream(base, cookie));
    await Promise.all(streams.map((s) => s.waitFor((f) => f.type === 'ready')));
    const post = async (method: string, input: unknown) => {
      const res = await fetch(`${base}/api/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json', Cookie: cookies[0] }, body: JSON.stringify(input) });
      const body = (await res.json()) as { ok: boolean; data: unknown; error?: { message: string } };
      if (!body.ok) throw new Error(`${method}: ${body.error?.message}`);
      return body.data;
    };

    // A few open cases the writer keeps saving the act of.
    const cases: CaseView[] = [];
    for (let i = 0; i < 5; i++) {
      cases.push((await post('cases.register', sampleApplication({ receivedAt: localDateTime(new Date(Date.now() - 5 * 60_000)), applicant: { snils: snilsFrom(80_000_000 + i), lastName: `Живая${i}` } }))) as CaseView);
    }
    const actRev = new Map<number, number>();
    const latencies: number[] = [];
    for (let w = 0; w < WRITES; w++) {
      const seen = b.changes.seq;
      const arrived = streams.map((s) => s.waitFor((f) => f.type === 'change' && f.change.seq > seen, 10_000).then(() => performance.now()));
      const t0 = performance.now();
      if (w % 2 === 0) {
        const c = cases[(w / 2) % cases.length];
        const v = (await post('acts.save', { caseId: c.id, rev: actRev.get(c.id) ?? 0, form: 'appendix4', act: { ...NEED_ACT, additionalInfo: `Правка ${w}` } })) as CaseView;
        actRev.set(c.id, v.acts.find((a) => a.form === 'appendix4')!.rev);
      } else {
        await post('cases.register', sampleApplication({ receivedAt: localDateTime(new Date(Date.now() - 5 * 60_000)), applicant: { snils: snilsFrom(81_000_000 + w), lastName: `Живая${w}` } }));
      }
      for (const t of await Promise.all(arrived)) latencies.push(t - t0);
      // The streams keep every frame; forget the ones measured.
      for (const s of streams) s.frames.splice(0);
    }
    return [
      { metric: 'lan.notify_latency.p50', value: percentile(latencies, 50), unit: 'ms', target: null },
      { metric: 'lan.notify_latency.p95', value: percentile(latencies, 95), unit: 'ms', target: 500 },
    ];
  } finally {
    for (const s of streams) s.close();
    b.changes.close();
    server.server.closeAllConnections();
    await server.close();
    b.close();
  }
}
