/**
 * The control dashboard on a generated register: every figure equals a count
 * made directly in SQL, and every figure's filter lists exactly its cases
 * through cases.list (complaints through complaints.list).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../core/api/errors';
import { OPEN_STATUSES } from '../../core/domain/case-states';
import { officeInstant, addDays } from '../../core/domain/dates';
import { soonHorizon } from '../../core/domain/deadlines';
import { fillDatabase } from '../../bench/generate';
import { fillControlData } from '../../bench/generate-control';
import { createEnv, userWithRoles, type TestEnv } from './helpers';

let env: TestEnv;
let head: string;
const clock = new Date('2026-11-25T06:00:00Z'); // Wed 25.11.2026, 11:00 office time
const TODAY = '2026-11-25';
const FROM = '2025-12-01';
const TO = '2026-11-25';
let specIds: number[] = [];

type Dash = Awaited<ReturnType<typeof dash>>;
let d: Dash;

async function call<T>(token: string, method: string, input: unknown): Promise<T> {
  const r = await env.backend.call(token, method, input);
  if (!r.envelope.ok) throw new ApiError(r.envelope.error.code, r.envelope.error.message, r.envelope.error.fields);
  return r.envelope.data as T;
}
const dash = (input: unknown) => call<import('../../core/api/contract').Out<'control.dashboard'>>(head, 'control.dashboard', input);

const one = (q: string, ...p: unknown[]) => (env.backend.db.$client.prepare(q).get(...p) as { n: number }).n;
const all = <T>(q: string, ...p: unknown[]) => env.backend.db.$client.prepare(q).all(...p) as T[];
const listTotal = async (filter: object) => (await call<{ total: number }>(head, 'cases.list', { ...filter, pageSize: 1 })).total;

const fromUtc = officeInstant(FROM).toISOString();
const toUtc = officeInstant(addDays(TO, 1)).toISOString();
const PERIOD = `registered_at >= '${fromUtc}' and registered_at < '${toUtc}'`;
const OPEN = `status in (${OPEN_STATUSES.map((s) => `'${s}'`).join(',')})`;
const LOCAL_REG = `date(registered_at, '+300 minutes')`;

beforeAll(async () => {
  env = await createEnv({ now: () => clock });
  head = await userWithRoles(env, 'head', ['head']);
  for (const n of ['spec1', 'spec2', 'spec3']) await userWithRoles(env, n, ['specialist']);
  const users = all<{ id: number; full_name: string; username: string }>('select id, full_name, username from users');
  const byName = (u: string) => users.find((x) => x.username === u)!;
  specIds = ['spec1', 'spec2', 'spec3'].map((u) => byName(u).id);
  const cal = env.backend.services.calendar();
  fillDatabase(env.backend.db, cal, { persons: 400, cases: 3000, officeCode: 'khanty-mansiysk', userId: byName('spec1').id, userName: byName('spec1').full_name, until: TODAY, seed: 11 });
  fillControlData(env.backend.db, cal, {
    specialists: ['spec1', 'spec2', 'spec3'].map((u) => ({ id: byName(u).id, name: byName(u).full_name })),
    headId: byName('head').id,
    headName: byName('head').full_name,
    officeCode: 'khanty-mansiysk',
    today: TODAY,
    complaints: 120,
  });
  d = await dash({ from: FROM, to: TO });
}, 120_000);
afterAll(() => env.cleanup());

describe('the dashboard equals counts made directly in SQL', () => {
  it('open cases by state', async () => {
    const sqlCounts = all<{ status: string; n: number }>(`select status, count(*) n from cases where ${OPEN} group by status`);
    for (const f of d.byStatus) {
      expect(f.count).toBe(sqlCounts.find((r) => r.status === f.status)?.n ?? 0);
      expect(await listTotal(f.filter)).toBe(f.count);
    }
    expect(d.byStatus.find((f) => f.status === 'awaiting_signature')!.count).toBeGreaterThan(0);
    expect(d.byStatus.find((f) => f.status === 'returned')!.count).toBeGreaterThan(0);
  });

  it('open cases by stage deadline: overdue, today, within 2 working days', async () => {
    const h = soonHorizon(env.backend.services.calendar(), TODAY);
    const cond = { overdue: `next_due < '${TODAY}'`, today: `next_due = '${TODAY}'`, soon: `next_due > '${TODAY}' and next_due <= '${h}'` };
    for (const u of d.byDeadline) {
      expect(u.count).toBe(one(`select count(*) n from cases where ${cond[u.urgency]}`));
      expect(await listTotal(u.filter)).toBe(u.count);
      for (const k of u.byKind) {
        expect(k.count).toBe(one(`select count(*) n from cases where ${cond[u.urgency]} and next_due_kind = ?`, k.kind));
        expect(await listTotal(k.filter)).toBe(k.count);
      }
    }
    expect(d.byDeadline[0]!.count).toBeGreaterThan(0);
  });

  it('cases per specialist with their overdue, and those left for the head', async () => {
    for (const p of d.perSpecialist) {
      const who = p.responsibleId === null ? 'responsible_id is null' : `responsible_id = ${p.responsibleId}`;
      expect(p.open.count).toBe(one(`select count(*) n from cases where ${OPEN} and ${who}`));
      expect(p.overdue.count).toBe(one(`select count(*) n from cases where ${OPEN} and ${who} and next_due < '${TODAY}'`));
      expect(await listTotal(p.open.filter)).toBe(p.open.count);
      expect(await listTotal(p.overdue.filter)).toBe(p.overdue.count);
    }
    expect(d.perSpecialist.map((p) => p.responsibleId).filter(Boolean).sort()).toEqual([...specIds].sort());
    expect(d.unassigned.count).toBe(one(`select count(*) n from cases where ${OPEN} and responsible_id is null`));
  });

  it('complaints open and due', async () => {
    const h = soonHorizon(env.backend.services.calendar(), TODAY);
    expect(d.complaints.open.count).toBe(one('select count(*) n from complaints where next_due is not null'));
    expect(d.complaints.overdue.count).toBe(one(`select count(*) n from complaints where next_due < '${TODAY}'`));
    expect(d.complaints.dueToday.count).toBe(one(`select count(*) n from complaints where next_due = '${TODAY}'`));
    expect(d.complaints.soon.count).toBe(one(`select count(*) n from complaints where next_due > '${TODAY}' and next_due <= '${h}'`));
    const t = await call<{ total: number }>(head, 'complaints.list', { ...d.complaints.overdue.filter, pageSize: 1 });
    expect(t.total).toBe(d.complaints.overdue.count);
    expect(d.complaints.open.count).toBeGreaterThan(0);
  });

  it('applications per month by sub-service and by channel', async () => {
    expect(d.period.registered.count).toBe(one(`select count(*) n from cases where ${PERIOD}`));
    const bySub = all<{ m: string; s: string; n: number }>(`select substr(${LOCAL_REG}, 1, 7) m, subservice s, count(*) n from cases where ${PERIOD} group by m, s`);
    const byChan = all<{ m: string; c: string; n: number }>(`select substr(${LOCAL_REG}, 1, 7) m, channel c, count(*) n from cases where ${PERIOD} group by m, c`);
    expect(d.period.months.map((m) => m.month)).toEqual(['2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11']);
    for (const m of d.period.months) {
      for (const s of m.bySubservice) expect(s.count).toBe(bySub.find((r) => r.m === m.month && r.s === s.subservice)?.n ?? 0);
      for (const c of m.byChannel) expect(c.count).toBe(byChan.find((r) => r.m === m.month && r.c === c.channel)?.n ?? 0);
      expect(m.total.count).toBe(m.bySubservice.reduce((a, s) => a + s.count, 0));
    }
    const jan = d.period.months[1]!;
    expect(await listTotal(jan.total.filter)).toBe(jan.total.count);
    expect(await listTotal(jan.bySubservice[0]!.filter)).toBe(jan.bySubservice[0]!.count);
    expect(await listTotal(jan.byChannel[1]!.filter)).toBe(jan.byChannel[1]!.count);
  });

  it('late registrations (p.35 by post, portals, MFC; p.43 in person on a later day)', async () => {
    const late = one(
      `select count(*) n from cases where ${PERIOD} and ((channel = 'in_person' and ${LOCAL_REG} > substr(received_at, 1, 10))
         or (channel <> 'in_person' and due_registration is not null and ${LOCAL_REG} > due_registration))`,
    );
    expect(d.period.lateRegistrations.count).toBe(late);
    expect(late).toBeGreaterThan(0);
    expect(await listTotal(d.period.lateRegistrations.filter)).toBe(late);
    expect(d.period.lateRegistrations.byChannel.reduce((a, c) => a + c.count, 0)).toBe(late);
  });

  it('outcomes: ИППСУ, refusals by ground of p.31, withdrawn', async () => {
    const signed = (kind: string) => one(`select count(*) n from cases c join case_decisions k on k.case_id = c.id and k.status = 'signed' and k.kind = ? where ${PERIOD.replace(/registered_at/g, 'c.registered_at')}`, kind);
    const o = Object.fromEntries(d.period.outcomes.map((x) => [x.outcome, x]));
    expect(o.ippsu!.count).toBe(signed('ippsu'));
    expect(o.refusal!.count).toBe(signed('refusal'));
    expect(o.withdrawn!.count).toBe(one(`select count(*) n from cases where ${PERIOD} and status = 'withdrawn'`));
    expect(o.annulled!.count).toBe(one(`select count(*) n from cases where ${PERIOD} and status = 'annulled'`));
    expect(d.period.outcomes.reduce((a, x) => a + x.count, 0)).toBe(d.period.registered.count);
    for (const x of d.period.outcomes) expect(await listTotal(x.filter)).toBe(x.count);
    const grounds = all<{ g: string; n: number }>(
      `select g.value g, count(distinct c.id) n from cases c join case_decisions k on k.case_id = c.id and k.status = 'signed' and k.kind = 'refusal', json_each(k.data, '$.grounds') g
       where ${PERIOD.replace(/registered_at/g, 'c.registered_at')} group by g.value`,
    );
    for (const g of d.period.refusalsByGround) {
      expect(g.count).toBe(grounds.find((x) => x.g === g.ground)?.n ?? 0);
      expect(await listTotal(g.filter)).toBe(g.count);
    }
    expect(o.ippsu!.count).toBeGreaterThan(0);
    expect(o.refusal!.count).toBeGreaterThan(0);
  });

  it('working days from registration to decision against the 15-day term', async () => {
    // Working days counted in SQL from the calendar table, independently of the app's arithmetic.
    const raw = env.backend.db.$client;
    raw.exec(`create temp table if not exists wd(x text primary key, w integer)`);
    raw.exec(`insert or replace into wd
      with recursive d(x) as (select '2025-11-01' union all select date(x, '+1 day') from d where x < '2027-12-31')
      select x, case (select kind from calendar_days cd where cd.date = d.x) when 'workday' then 1 when 'holiday' then 0 when 'dayoff' then 0
        else case strftime('%w', x) when '0' then 0 when '6' then 0 else 1 end end from d`);
    const rows = all<{ days: number }>(
      `select (select count(*) from wd where wd.w = 1 and wd.x > ${LOCAL_REG} and wd.x <= s.first) days
       from cases join (select case_id, date(min(signed_at), '+300 minutes') first from case_decisions where signed_at is not null group by case_id) s on s.case_id = cases.id
       where ${PERIOD}`,
    );
    expect(d.period.durations.decided.count).toBe(rows.length);
    expect(d.period.durations.onTime.count).toBe(rows.filter((r) => r.days <= 15).length);
    expect(d.period.durations.late.count).toBe(rows.filter((r) => r.days > 15).length);
    expect(d.period.durations.shareOnTime).toBeCloseTo(rows.filter((r) => r.days <= 15).length / rows.length, 10);
    for (const b of d.period.durations.byDay) expect(b.count).toBe(rows.filter((r) => r.days === b.days).length);
    expect(d.period.durations.more.count).toBe(rows.filter((r) => r.days > 20).length);
    for (const f of [d.period.durations.decided, d.period.durations.onTime, d.period.durations.late, d.period.durations.more, d.period.durations.byDay[5]!, d.period.durations.byDay[16]!]) {
      expect(await listTotal(f.filter)).toBe(f.count);
    }
    expect(d.period.durations.late.count).toBeGreaterThan(0);
  });

  it('for one specialist every figure is that specialist’s share', async () => {
    const s = await dash({ from: FROM, to: TO, responsibleId: specIds[1] });
    expect(s.period.registered.count).toBe(one(`select count(*) n from cases where ${PERIOD} and responsible_id = ?`, specIds[1]));
    expect(s.perSpecialist.map((p) => p.responsibleId)).toEqual([specIds[1]]);
    for (const f of s.byStatus) expect(f.count).toBe(one(`select count(*) n from cases where status = ? and responsible_id = ?`, f.status, specIds[1]));
    expect(await listTotal(s.period.outcomes[0]!.filter)).toBe(s.period.outcomes[0]!.count);
  });

  it('refuses a reversed period, and the role is checked', async () => {
    const spec = (await env.backend.invoke(null, 'auth.login', { username: 'spec1', password: 'user-pass-1' })).session!.token!;
    await expect(call(spec, 'control.dashboard', { from: FROM, to: TO })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(dash({ from: TO, to: FROM })).rejects.toMatchObject({ code: 'VALIDATION', message: 'Дата начала периода позже даты окончания.' });
  });
});
