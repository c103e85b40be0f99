/**
 * The office network: one host process (HTTPS on loopback, its certificate
 * pinned) on the 200,000-case register, and 10 simulated workstations in this
 * process, each with its own connection and session.
 *
 * - lan.mixed: every workstation does 60 operations of a realistic mix —
 *   search as you type 30 %, open a case 25 %, a list page 20 %, register 10 %,
 *   save an act 10 %, print a receipt 5 % — with 0–200 ms between them (a busy
 *   morning compressed); latency of each operation as the workstation sees it.
 * - lan.register_throughput: the 10 workstations register back to back.
 */
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { CaseView } from '../core/api/reception';
import { localDateTime } from '../core/domain/dates';
import { HostClient, probeHost } from '../main/client/host-client';
import { NEED_ACT } from '../scripts/form-samples-acts';
import { sampleApplication, snilsFrom } from '../tests/support/applications';
import { makePerson, rng } from './generate';
import { percentile, spawnHost, withRegisterIn, type Metric } from './lib';

const ROOT = resolve(__dirname, '..');
const WORKSTATIONS = 10;

const startHostProcess = (dataDir: string) =>
  spawnHost(['--import', 'tsx', join(ROOT, 'main/server.ts'), '--listen', '127.0.0.1:0', '--tls', '--data-dir', dataDir]);

type Desk = <T = unknown>(method: string, input: unknown) => Promise<T>;

async function desk(url: string, pin: string, username: string, password: string, clients: HostClient[]): Promise<Desk> {
  const client = new HostClient({ url, pin, workstation: username });
  clients.push(client);
  const login = await client.call(null, 'auth.login', { username, password });
  if (!login.envelope.ok) throw new Error(`login ${username}: ${login.envelope.error.message}`);
  const token = login.session!.token!;
  return async <T>(method: string, input: unknown) => {
    const r = await client.call(token, method, input);
    if (!r.envelope.ok) throw new Error(`${method}: ${r.envelope.error.message}`);
    return r.envelope.data as T;
  };
}

/** `registerFile`: the 200,000-case register the reception benchmark made (closed); users admin and priem, password bench-pass-1. */
export async function lanBench(dir: string, registerFile: string, cases: number): Promise<Metric[]> {
  const dataDir = join(dir, 'lan');
  return withRegisterIn(dataDir, registerFile, () => lanOn(dataDir, cases));
}

async function lanOn(dataDir: string, cases: number): Promise<Metric[]> {
  const host = await startHostProcess(dataDir);
  const clients: HostClient[] = [];
  try {
    const pin = (await probeHost(host.url)).sha256;
    const admin = await desk(host.url, pin, 'admin', 'bench-pass-1', clients);
    for (let i = 1; i <= WORKSTATIONS; i++) {
      await admin('users.create', { username: `ws${i}`, fullName: `Специалистова ${i} Анна`, position: 'Специалист-эксперт', roles: ['reception', 'specialist'], password: 'bench-pass-1' });
    }
    const desks = await Promise.all(Array.from({ length: WORKSTATIONS }, (_, i) => desk(host.url, pin, `ws${i + 1}`, 'bench-pass-1', clients)));
    const replay = rng(42);
    const people = Array.from({ length: 200 }, (_, i) => makePerson(replay, i + 1));
    let seed = 0;
    const application = () => sampleApplication({ receivedAt: localDateTime(new Date(Date.now() - 5 * 60_000)), applicant: { snils: snilsFrom(95_000_000 + seed), lastName: `Сетевиков${seed++}` } });
    const filters = [
      { status: 'registered', sort: 'due_asc' },
      { channel: 'mfc', sort: 'number_desc', page: 40 },
      { subservice: 'home', sort: 'number_desc' },
      { q: 'Иванова', sort: 'number_desc' },
    ];
    // Each desk starts with a case of its own, for acts and receipts; warm-up of every path.
    const own = await Promise.all(desks.map((d) => d<CaseView>('cases.register', application())));
    await Promise.all(desks.map((d, i) => d('cases.receipt', { id: own[i].id })));

    const samples: number[] = [];
    const r = rng(7);
    const pick = (): ((d: Desk, i: number) => Promise<unknown>) => {
      const x = r();
      if (x < 0.3) return (d) => d('search.quick', { q: people[Math.floor(r() * people.length)].lastName.slice(0, 3 + Math.floor(r() * 3)) });
      if (x < 0.55) return (d) => d('cases.get', { id: 1 + Math.floor(r() * cases) });
      if (x < 0.75) return (d) => d('cases.list', { ...filters[Math.floor(r() * filters.length)], pageSize: 50 });
      if (x < 0.85) return (d) => d('cases.register', application());
      if (x < 0.95) return (d, i) => d('acts.save', { caseId: own[i].id, form: 'appendix4', act: NEED_ACT });
      return (d, i) => d('cases.receipt', { id: own[i].id });
    };
    await Promise.all(
      desks.map(async (d, i) => {
        for (let n = 0; n < 60; n++) {
          const op = pick();
          await new Promise((ok) => setTimeout(ok, Math.floor(r() * 200)));
          const t0 = performance.now();
          await op(d, i);
          samples.push(performance.now() - t0);
        }
      }),
    );

    const perDesk = 30;
    const t0 = performance.now();
    await Promise.all(desks.map(async (d) => {
      for (let n = 0; n < perDesk; n++) await d('cases.register', application());
    }));
    const seconds = (performance.now() - t0) / 1000;
    return [
      { metric: 'lan.mixed.p50', value: percentile(samples, 50), unit: 'ms', target: null },
      { metric: 'lan.mixed.p95', value: percentile(samples, 95), unit: 'ms', target: 50 },
      { metric: 'lan.register_throughput', value: (WORKSTATIONS * perDesk) / seconds, unit: 'registrations/s', target: null },
    ];
  } finally {
    clients.forEach((c) => c.close());
    await host.stop();
  }
}
