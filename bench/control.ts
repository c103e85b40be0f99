/**
 * Control benchmarks on the 200,000-case register the reception benchmark
 * generated (reopened, with the control data added by generate-control.ts):
 * the head's dashboard for a period, a specialist's «Мои дела», one year's
 * statistical report, and the journal of 10,000 rows as XLSX.
 */
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { addDays, todayIso } from '../core/domain/dates';
import { Backend } from '../main/backend/backend';
import { jobsOf } from '../main/backend/control/jobs';
import { fillControlData } from './generate-control';
import { percentile, sample, type Metric } from './lib';

export async function controlBench(dir: string, log: (s: string) => void): Promise<Metric[]> {
  const b = new Backend({ dbFile: join(dir, 'register.sqlite') });
  const admin = (await b.invoke(null, 'auth.login', { username: 'admin', password: 'bench-pass-1' })).session!.token!;
  const login = async (username: string, roles: ('head' | 'specialist')[], fullName: string) => {
    await b.invoke(admin, 'users.create', { username, fullName, position: roles.includes('head') ? 'Начальник управления' : 'Специалист-эксперт', roles, password: 'bench-pass-1' });
    return (await b.invoke(null, 'auth.login', { username, password: 'bench-pass-1' })).session!.token!;
  };
  const head = await login('head', ['head'], 'Руководителева Анна Петровна');
  const specs: { token: string; id: number; name: string }[] = [];
  for (let i = 1; i <= 8; i++) {
    const name = `Специалистова ${i} Мария Ивановна`;
    const token = await login(`spec${i}`, ['specialist'], name);
    specs.push({ token, id: (await b.invoke(token, 'auth.session', {})).data!.user.id, name });
  }
  const headId = (await b.invoke(head, 'auth.session', {})).data!.user.id;
  const today = todayIso();
  const t0 = performance.now();
  fillControlData(b.db, b.services.calendar(), {
    specialists: specs.map((s) => ({ id: s.id, name: s.name })),
    headId,
    headName: 'Руководителева Анна Петровна',
    officeCode: 'surgut',
    today,
    complaints: 2000,
  });
  log(`control data added in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  const call = async (token: string, method: string, input: unknown) => {
    const r = await b.call(token, method, input);
    if (!r.envelope.ok) throw new Error(`${method}: ${r.envelope.error.message}`);
    return r.envelope.data;
  };
  const year = today.slice(0, 4);
  const periods = [
    { from: `${year}-01-01`, to: today },
    { from: addDays(today, -365), to: today },
    { from: `${year}-01-01`, to: today, responsibleId: specs[2]!.id },
    { from: addDays(today, -90), to: today },
  ];
  await call(head, 'control.dashboard', periods[0]); // warm-up: the working-day index, the statements
  const dash = await sample(40, (i) => call(head, 'control.dashboard', periods[i % periods.length]));
  await call(specs[0]!.token, 'control.myCases', {});
  const mine = await sample(200, (i) => call(specs[i % specs.length]!.token, 'control.myCases', {}));

  const job = async (method: string, input: unknown) => {
    const t = performance.now();
    const { jobId, total } = (await call(head, method, input)) as { jobId: string; total: number };
    await jobsOf(b.services).settle(jobId);
    await call(head, 'exports.download', { jobId });
    return { ms: performance.now() - t, total };
  };
  const lastYear = String(Number(year) - 1);
  const yearReport = { from: `${lastYear}-01-01`, to: `${lastYear}-12-31` };
  await job('reports.statistics', { ...yearReport, format: 'xlsx' }); // warm-up
  const reportDocx: number[] = [];
  const reportXlsx: number[] = [];
  for (let i = 0; i < 3; i++) {
    reportDocx.push((await job('reports.statistics', { ...yearReport, format: 'docx' })).ms);
    reportXlsx.push((await job('reports.statistics', { ...yearReport, format: 'xlsx' })).ms);
  }
  // The journal period that holds the latest 10,000 registrations.
  const since = b.db.$client.prepare('select registered_at as at from cases order by registered_at desc limit 1 offset 9999').get() as { at: string };
  const journal = { layout: 'journal', from: todayIso(new Date(since.at)), to: today, sort: 'number_asc' };
  const exports: number[] = [];
  let rows = 0;
  for (let i = 0; i < 3; i++) {
    const r = await job('exports.cases', journal);
    exports.push(r.ms);
    rows = r.total;
  }
  log(`journal export of ${rows} rows`);
  b.close();
  return [
    { metric: 'control.dashboard.p50', value: percentile(dash, 50), unit: 'ms', target: null },
    { metric: 'control.dashboard.p95', value: percentile(dash, 95), unit: 'ms', target: 200 },
    { metric: 'control.my_cases.p50', value: percentile(mine, 50), unit: 'ms', target: null },
    { metric: 'control.my_cases.p95', value: percentile(mine, 95), unit: 'ms', target: 50 },
    { metric: 'report.period_year', value: percentile(reportDocx, 50), unit: 'ms', target: 2000 },
    { metric: 'report.period_year_xlsx', value: percentile(reportXlsx, 50), unit: 'ms', target: null },
    { metric: 'export.journal_xlsx_10k', value: percentile(exports, 50), unit: 'ms', target: 3000 },
  ];
}
