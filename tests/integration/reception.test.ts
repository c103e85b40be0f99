import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../core/api/errors';
import { cases, journalCounters, persons } from '../../db/schema';
import { MINOR_REPRESENTATIVE, sampleApplication, snilsFrom } from '../support/applications';
import { createEnv, userWithRoles, type TestEnv } from './helpers';

let env: TestEnv;
let clock: Date;
let reception: string;
// 25.11.2026, Wednesday.
beforeEach(async () => {
  clock = new Date('2026-11-25T06:00:00Z');
  env = await createEnv({ now: () => clock });
  reception = await userWithRoles(env, 'priem', ['reception']);
});
afterEach(() => env.cleanup());

/** A fresh session at the current (moved) clock. */
const signIn = async () => (await env.backend.invoke(null, 'auth.login', { username: 'priem', password: 'user-pass-1' })).session!.token!;
const register = (input = sampleApplication(), token = reception) => env.backend.invoke(token, 'cases.register', input).then((r) => r.data);
const count = (table: typeof cases | typeof persons) => env.backend.db.$client.prepare(`select count(*) n from ${table === cases ? 'cases' : 'persons'}`).get();

async function failure(p: Promise<unknown>): Promise<ApiError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof ApiError) return e;
    throw e;
  }
  throw new Error('expected the call to fail');
}

describe('registration (p.43–44)', () => {
  it('registers with consecutive journal numbers of the year and the signed-in specialist', async () => {
    const a = await register();
    const b = await register(sampleApplication({ applicant: { snils: snilsFrom(2), lastName: 'Иванов', firstName: 'Иван', sex: 'male' } }));
    expect([a.journalNumber, b.journalNumber]).toEqual(['1/2026', '2/2026']);
    expect(a.registeredByName).toBe('Пользователь priem');
    expect(a.registeredByPosition).toBe('Специалист-эксперт');
    expect(a.status).toBe('registered');
  });

  it('builds the checklist of the sub-service with the marks, defaulting the rest', async () => {
    const c = await register();
    const byKey = Object.fromEntries(c.documents.map((d) => [d.key, d]));
    expect(byKey.identity).toMatchObject({ state: 'received', form: 'original', sheets: 2, paragraph: 'п. 19' });
    expect(byKey.income.state).toBe('not_provided');
    expect(byKey.snils).toMatchObject({ state: 'to_request', source: 'interagency', agencyCode: 'sfr' });
  });

  it('for each of the five sub-services', async () => {
    const subs = ['home', 'semi-stationary', 'stationary', 'special-housing', 'minors-semi-stationary'] as const;
    for (const [i, s] of subs.entries()) {
      const minor = s === 'minors-semi-stationary';
      const c = await register(
        sampleApplication({
          subservice: s,
          representative: minor ? MINOR_REPRESENTATIVE : null,
          documents: [],
          applicant: {
            snils: snilsFrom(100 + i),
            ...(minor ? { birthDate: '2015-06-01', idDoc: { kind: 'birth_certificate', series: 'I-ПН', number: '765432', issuer: 'ЗАГС г. Сургута', issueDate: '2015-06-10' } } : {}),
          },
        }),
      );
      expect(c.subservice).toBe(s);
      expect(c.documents.length).toBeGreaterThan(4);
    }
  });

  it('a minor needs a legal representative; a child under 14 a birth certificate', async () => {
    // (The document is issued after the birth: an earlier issue date is refused first, see person-dates.test.)
    const child = { birthDate: '2015-06-01', idDoc: { kind: 'passport_rf' as const, series: '67 03', number: '123456', issuer: 'ОВД г. Сургута', issueDate: '2015-07-01' } };
    const e = await failure(register(sampleApplication({ subservice: 'minors-semi-stationary', applicant: child })));
    expect(e.code).toBe('VALIDATION');
    expect(e.fields?.representative).toMatch(/законный представитель/);
    const e2 = await failure(
      register(sampleApplication({ subservice: 'minors-semi-stationary', representative: MINOR_REPRESENTATIVE, applicant: child })),
    );
    expect(e2.fields?.['applicant.idDoc.kind']).toMatch(/свидетельство о рождении/);
  });

  it('an application through an MFC names the MFC', async () => {
    const e = await failure(register(sampleApplication({ channel: 'mfc' })));
    expect(e.fields?.mfcCode).toBe('Выберите МФЦ');
    const c = await register(sampleApplication({ channel: 'mfc', mfcCode: 'mfc-08' }));
    expect(c.mfcName).toMatch(/Многофункциональный центр|МФЦ|многофункциональный/i);
  });

  it('bad input names the fields and leaves nothing behind', async () => {
    const before = [count(cases), count(persons)];
    const e = await failure(
      register(sampleApplication({ receivedAt: '2026-11-26T10:00', applicant: { snils: '112-233-445 96', lastName: '' } })),
    );
    expect(e.code).toBe('VALIDATION');
    expect(e.fields).toMatchObject({ 'applicant.snils': 'Неверная контрольная сумма СНИЛС', 'applicant.lastName': 'Заполните поле' });
    const e2 = await failure(register(sampleApplication({ receivedAt: '2026-11-26T10:00' })));
    expect(e2.fields?.receivedAt).toMatch(/позже текущего момента/);
    const e3 = await failure(register(sampleApplication({ documents: [{ key: 'identity', state: 'to_request' }] })));
    expect(e3.fields?.['documents.0.state']).toBeTruthy();
    expect([count(cases), count(persons)]).toEqual(before);
    expect(env.backend.db.select().from(journalCounters).all()).toEqual([]);
  });

  it('a failure inside the transaction does not consume a journal number', async () => {
    await register();
    // Same СНИЛС as a person already in the base, not chosen: refused inside the transaction.
    const e = await failure(register(sampleApplication({ applicant: { lastName: 'Другая' } })));
    expect(e.code).toBe('CONFLICT');
    const c = await register(sampleApplication({ applicant: { snils: snilsFrom(3) } }));
    expect(c.journalNumber).toBe('2/2026');
  });

  it('numbers restart each calendar year', async () => {
    clock = new Date('2026-12-30T06:00:00Z');
    expect((await register(sampleApplication({ receivedAt: '2026-12-30T09:00' }), await signIn())).journalNumber).toBe('1/2026');
    clock = new Date('2027-01-11T06:00:00Z');
    expect((await register(sampleApplication({ receivedAt: '2027-01-11T09:00', applicant: { snils: snilsFrom(9) } }), await signIn())).journalNumber).toBe('1/2027');
  });

  it('numbers stay gap-free and unique under concurrent registrations', async () => {
    const many = await Promise.all(
      Array.from({ length: 30 }, (_, i) => register(sampleApplication({ applicant: { snils: snilsFrom(1000 + i), lastName: `Параллельный${i}` } }))),
    );
    const seqs = many.map((c) => c.journalSeq).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
  });
});

describe('persons', () => {
  it('offers the existing person for a known СНИЛС and reuses the record', async () => {
    const first = await register();
    const matches = (await env.backend.invoke(reception, 'persons.match', { snils: snilsFrom(1).replace(/\D/g, '') })).data;
    expect(matches).toHaveLength(1);
    expect(matches[0].cases.map((c) => c.journalNumber)).toEqual([first.journalNumber]);
    const second = await register(sampleApplication({ personId: first.personId, personRev: matches[0].rev, subservice: 'stationary', documents: [], applicant: { phone: '+7 999 111-22-33' } }));
    expect(second.personId).toBe(first.personId);
    const card = (await env.backend.invoke(reception, 'persons.get', { id: first.personId })).data;
    expect(card.cases).toHaveLength(2);
    expect(card.phone).toBe('+7 999 111-22-33');
  });

  it('matches by ФИО with date of birth when there is no СНИЛС', async () => {
    await register(sampleApplication({ applicant: { snils: undefined } }));
    const m = (await env.backend.invoke(reception, 'persons.match', { lastName: 'СЕМЕНОВА', firstName: 'алена', birthDate: '1948-03-14' })).data;
    expect(m.map((p) => p.fullName)).toEqual(['Семёнова Алёна Петровна']);
    const none = (await env.backend.invoke(reception, 'persons.match', { lastName: 'Семенова', firstName: 'Алена', birthDate: '1950-01-01' })).data;
    expect(none).toEqual([]);
  });

  it('search as you type: any case, ё = е, any word order, prefixes, СНИЛС, journal number', async () => {
    const c = await register();
    await register(sampleApplication({ applicant: { snils: snilsFrom(5), lastName: 'Семенов', firstName: 'Пётр', middleName: 'Ильич', sex: 'male' } }));
    const names = async (q: string) => (await env.backend.invoke(reception, 'search.quick', { q })).data.persons.map((p) => p.fullName);
    expect(await names('семенова')).toEqual(['Семёнова Алёна Петровна']);
    expect(await names('алена сем')).toEqual(['Семёнова Алёна Петровна']);
    expect(await names('СЕМЁН')).toEqual(['Семенов Пётр Ильич', 'Семёнова Алёна Петровна']);
    expect(await names('петр ильич')).toEqual(['Семенов Пётр Ильич']);
    expect(await names(snilsFrom(1).replace(/\D/g, ''))).toEqual(['Семёнова Алёна Петровна']);
    expect(await names(snilsFrom(1))).toEqual(['Семёнова Алёна Петровна']);
    const byNumber = (await env.backend.invoke(reception, 'search.quick', { q: c.journalNumber })).data.cases;
    expect(byNumber.map((r) => r.id)).toEqual([c.id]);
  });
});

describe('journal and case list', () => {
  it('an annulled registration stays in the journal with its reason; its number is not reused', async () => {
    const a = await register();
    const annulled = (await env.backend.invoke(reception, 'cases.annul', { id: a.id, rev: a.rev, reason: 'Зарегистрировано ошибочно, дубль' })).data;
    expect(annulled).toMatchObject({ status: 'annulled', annulReason: 'Зарегистрировано ошибочно, дубль', nextDue: null });
    await expect(env.backend.invoke(reception, 'cases.annul', { id: a.id, rev: annulled.rev, reason: 'ещё раз' })).rejects.toThrow(/Аннулировать можно только/);
    const b = await register(sampleApplication({ personId: a.personId, personRev: 1 }));
    expect(b.journalNumber).toBe('2/2026');
    const journal = (await env.backend.invoke(reception, 'cases.list', { sort: 'number_asc' })).data;
    expect(journal.rows.map((r) => [r.journalNumber, r.status])).toEqual([
      ['1/2026', 'annulled'],
      ['2/2026', 'registered'],
    ]);
  });

  it('filters by status, sub-service, channel, specialist, period and paginates', async () => {
    await register();
    await register(sampleApplication({ subservice: 'stationary', channel: 'mail', documents: [], applicant: { snils: snilsFrom(7) } }));
    const other = await userWithRoles(env, 'spec', ['specialist']);
    await register(sampleApplication({ channel: 'epgu', applicant: { snils: snilsFrom(8) } }), other);
    const list = async (f: Record<string, unknown>) => (await env.backend.invoke(reception, 'cases.list', f as never)).data;
    expect((await list({ subservice: 'stationary' })).total).toBe(1);
    expect((await list({ channel: 'epgu' })).total).toBe(1);
    const specId = (await env.backend.invoke(other, 'auth.session', {})).data!.user.id;
    expect((await list({ registeredBy: specId })).rows.map((r) => r.channel)).toEqual(['epgu']);
    expect((await list({ from: '2026-11-25', to: '2026-11-25' })).total).toBe(3);
    expect((await list({ from: '2026-11-26', to: '2026-11-30' })).total).toBe(0);
    const page2 = await list({ pageSize: 2, page: 2, sort: 'number_asc' });
    expect(page2.total).toBe(3);
    expect(page2.rows.map((r) => r.journalSeq)).toEqual([3]);
  });

  it('a period is of the office’s days: a registration at 00:30 on 1 January is in January, whatever zone the host runs in', async () => {
    clock = new Date('2026-12-31T19:30:00Z'); // 01.01.2027 00:30 office time, still 31.12 in UTC
    const t = await signIn();
    const c = await register(sampleApplication({ receivedAt: '2027-01-01T00:20' }), t);
    expect(c.journalNumber).toBe('1/2027');
    const list = async (f: Record<string, unknown>) => (await env.backend.invoke(t, 'cases.list', f as never)).data;
    expect((await list({ from: '2027-01-01', to: '2027-01-31' })).rows.map((r) => r.id)).toEqual([c.id]);
    expect((await list({ from: '2026-12-01', to: '2026-12-31' })).total).toBe(0);
  });
});

describe('deadlines (p.17, 35, 45, 46)', () => {
  it('are counted in working days across the New Year holidays', async () => {
    clock = new Date('2025-12-29T06:00:00Z');
    const c = await register(sampleApplication({ channel: 'mail', receivedAt: '2025-12-26T16:00' }), await signIn());
    // Received Fri 26.12.2025 by mail: registration due on the next working day, Mon 29.12.
    expect(c.deadlines.registration).toBe('2025-12-29');
    // Registered Mon 29.12.2025: 30.12 is day 1, 31.12 and 1–11.01 are off.
    expect(c.deadlines.requests).toBe('2025-12-30');
    expect(c.deadlines.decision).toBe('2026-01-22');
    expect(c.deadlines.result).toBe('2026-01-29');
    expect(c.nextDue).toBe('2025-12-30');
    expect(c.nextDueKind).toBe('requests');
  });

  it('urgency: overdue, today, within 2 working days', async () => {
    clock = new Date('2026-11-20T06:00:00Z'); // Friday
    await register(sampleApplication({ receivedAt: '2026-11-20T09:00' }));
    // Requests were due Mon 23.11; on Wed 25.11 that is overdue.
    clock = new Date('2026-11-25T06:00:00Z');
    const s = (await env.backend.invoke(reception, 'deadlines.summary', {})).data;
    expect(s).toMatchObject({ today: '2026-11-25', overdue: 1, dueToday: 0, soon: 0 });
    const rows = (await env.backend.invoke(reception, 'cases.list', { urgency: 'overdue' })).data.rows;
    expect(rows[0].urgency).toBe('overdue');
    clock = new Date('2026-11-23T06:00:00Z');
    expect((await env.backend.invoke(reception, 'deadlines.summary', {})).data.dueToday).toBe(1);
  });

  it('are recomputed when the production calendar changes', async () => {
    const c = await register();
    expect(c.deadlines.decision).toBe('2026-12-09');
    // Suppose a decree made 1–4 December 2026 days off.
    const y = (await env.backend.invoke(env.adminToken, 'calendar.year', { year: 2026 })).data;
    await env.backend.invoke(env.adminToken, 'calendar.saveYear', {
      year: 2026,
      rev: y.year.rev,
      source: 'test',
      days: [...y.days, ...['2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04'].map((date) => ({ date, kind: 'dayoff' as const }))],
    });
    const after = (await env.backend.invoke(reception, 'cases.get', { id: c.id })).data;
    expect(after.deadlines.decision).toBe('2026-12-15');
  });
});

describe('drafts and roles', () => {
  it('an unfinished intake form survives and is cleared by registering', async () => {
    await env.backend.invoke(reception, 'drafts.save', { kind: 'intake', data: { applicant: { lastName: 'Черновикова' } } });
    expect((await env.backend.invoke(reception, 'drafts.get', { kind: 'intake' })).data?.data).toEqual({ applicant: { lastName: 'Черновикова' } });
    await register();
    expect((await env.backend.invoke(reception, 'drafts.get', { kind: 'intake' })).data).toBeNull();
  });

  it('only reception and specialists register; the log records it', async () => {
    const head = await userWithRoles(env, 'head', ['head']);
    await expect(register(sampleApplication(), head)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const c = await register();
    const log = (await env.backend.invoke(env.adminToken, 'audit.list', { entity: 'case' })).data.rows;
    expect(log.map((r) => r.action)).toContain('register');
    expect(log.find((r) => r.action === 'register')?.entityId).toBe(String(c.id));
  });

  it('stores the case with the office and its applicant snapshot', async () => {
    const c = await register();
    const row = env.backend.db.select().from(cases).where(eq(cases.id, c.id)).get()!;
    expect(row.officeCode).toBe('khanty-mansiysk');
    expect((row.applicant as { lastName: string }).lastName).toBe('Семёнова');
  });
});

describe('journal numbering across processes', () => {
  it('several processes on one database file get distinct, gap-free numbers', async () => {
    const { spawn } = await import('node:child_process');
    const { join } = await import('node:path');
    const worker = join(__dirname, '..', 'support', 'register-worker.ts');
    const tsx = join(__dirname, '..', '..', 'node_modules', '.bin', 'tsx');
    // Real time here: the workers use the system clock.
    const run = (w: number) =>
      new Promise<number[]>((resolve, reject) => {
        const p = spawn(tsx, [worker, env.dbFile, String(w), '15'], { env: process.env });
        let out = '';
        let err = '';
        p.stdout.on('data', (d) => (out += d));
        p.stderr.on('data', (d) => (err += d));
        p.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').pop()!)) : reject(new Error(err))));
      });
    const results = await Promise.all([run(0), run(1), run(2)]);
    const all = results.flat().sort((a, b) => a - b);
    expect(all).toEqual(Array.from({ length: 45 }, (_, i) => i + 1));
  }, 60_000);
});
