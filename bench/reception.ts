/**
 * Reception benchmarks on a register of 200,000 cases and 300,000 persons:
 * search by surname prefix, full ФИО and СНИЛС; a filtered case-list page;
 * registering one application; rendering one receipt DOCX.
 */
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { localDateTime, todayIso } from '../core/domain/dates';
import { Backend } from '../main/backend/backend';
import { sampleApplication, snilsFrom } from '../tests/support/applications';
import { fillDatabase, makePerson, rng } from './generate';
import { percentile, sample, type Metric } from './lib';

export interface ReceptionBenchOptions {
  cases: number;
  persons: number;
}

export async function receptionBench(dir: string, o: ReceptionBenchOptions, log: (s: string) => void): Promise<Metric[]> {
  const b = new Backend({ dbFile: join(dir, 'register.sqlite') });
  const setup = await b.invoke(null, 'setup.init', { officeCode: 'surgut', username: 'admin', fullName: 'Админ', position: 'Администратор', password: 'bench-pass-1' });
  const admin = setup.session!.token!;
  await b.invoke(admin, 'users.create', { username: 'priem', fullName: 'Приёмова Ольга Ивановна', position: 'Специалист-эксперт', roles: ['reception'], password: 'bench-pass-1' });
  const token = (await b.invoke(null, 'auth.login', { username: 'priem', password: 'bench-pass-1' })).session!.token!;
  const userId = (await b.invoke(token, 'auth.session', {})).data!.user.id;

  const t0 = performance.now();
  fillDatabase(b.db, b.services.calendar(), {
    persons: o.persons,
    cases: o.cases,
    officeCode: 'surgut',
    userId,
    userName: 'Приёмова Ольга Ивановна',
    until: todayIso(),
  });
  const genMs = performance.now() - t0;
  log(`generated ${o.cases} cases and ${o.persons} persons in ${(genMs / 1000).toFixed(1)} s`);

  const call = async (method: string, input: unknown) => {
    const r = await b.call(token, method, input);
    if (!r.envelope.ok) throw new Error(`${method}: ${r.envelope.error.message}`);
    return r.envelope.data;
  };
  // Query samples drawn from the same generator: real names, real СНИЛС.
  // The generator draws persons first from rng(42): replaying it gives the first persons in the base.
  const replay = rng(42);
  const people = Array.from({ length: 200 }, (_, i) => makePerson(replay, i + 1));
  const N = 200;
  const metrics: Metric[] = [{ metric: 'reception.generate_db', value: genMs / 1000, unit: 's', target: null }];
  const add = (name: string, samples: number[], target: number) => {
    metrics.push({ metric: `${name}.p50`, value: percentile(samples, 50), unit: 'ms', target: null });
    metrics.push({ metric: `${name}.p95`, value: percentile(samples, 95), unit: 'ms', target });
  };

  await sample(20, (i) => call('search.quick', { q: people[i].lastName.slice(0, 3) })); // warm-up
  add('search.surname_prefix', await sample(N, (i) => call('search.quick', { q: people[i % people.length].lastName.slice(0, 3 + (i % 3)) })), 30);
  add(
    'search.full_name',
    await sample(N, (i) => {
      const p = people[i % people.length];
      return call('search.quick', { q: `${p.lastName} ${p.firstName} ${p.middleName}` });
    }),
    30,
  );
  add('search.snils', await sample(N, (i) => call('search.quick', { q: snilsFrom(5_000_000 + 1 + ((i * 1499) % o.persons)) })), 30);

  const filters = [
    { status: 'issued', subservice: 'home', sort: 'number_desc' },
    { channel: 'mfc', sort: 'number_desc', page: 40 },
    { subservice: 'stationary', channel: 'epgu', sort: 'number_desc', page: 3 },
    { urgency: 'overdue', sort: 'due_asc' },
    { status: 'registered', sort: 'due_asc' },
    { q: 'Иванова', sort: 'number_desc' },
  ];
  add('cases.list_page', await sample(N, (i) => call('cases.list', { ...filters[i % filters.length], pageSize: 50 })), 50);

  const regs = await sample(100, (i) =>
    call('cases.register', sampleApplication({ receivedAt: localDateTime(new Date(Date.now() - 5 * 60_000)), applicant: { snils: snilsFrom(90_000_000 + i), lastName: `Бенчмарков${i}` } })),
  );
  metrics.push({ metric: 'cases.register.p50', value: percentile(regs, 50), unit: 'ms', target: null });
  metrics.push({ metric: 'cases.register.p95', value: percentile(regs, 95), unit: 'ms', target: 20 });

  const ids = ((await call('cases.list', { sort: 'number_desc', pageSize: 20 })) as { rows: { id: number }[] }).rows.map((x) => x.id);
  await call('cases.receipt', { id: ids[0] }); // warm-up: loads the docx library
  const receipts = await sample(50, (i) => call('cases.receipt', { id: ids[i % ids.length] }));
  metrics.push({ metric: 'cases.receipt_docx.p50', value: percentile(receipts, 50), unit: 'ms', target: null });
  metrics.push({ metric: 'cases.receipt_docx.p95', value: percentile(receipts, 95), unit: 'ms', target: 150 });
  b.close();
  return metrics;
}

