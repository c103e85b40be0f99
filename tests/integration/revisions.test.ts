/**
 * No lost edits: a save over a newer revision of any record a person edits
 * is refused with CONFLICT naming who changed it and when, and changes
 * nothing (the record, the audit log, the counters stay as they were).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError, type StaleInfo } from '../../core/api/errors';
import type { CaseView } from '../../core/api/reception';
import { formatRuDateTime } from '../../core/domain/dates';
import { auditLog, journalCounters } from '../../db/schema';
import { CITIZEN_ACT, NEED_ACT } from '../../scripts/form-samples-acts';
import { SAMPLE_IPPSU } from '../../scripts/form-samples-decision';
import { SAMPLE_BARTHEL, SAMPLE_LAWTON } from '../../scripts/form-samples-scales';
import { sampleApplication } from '../support/applications';
import { createEnv, type TestEnv } from './helpers';

let env: TestEnv;
let clock: Date;
const t: Record<string, string> = {};

beforeEach(async () => {
  clock = new Date('2026-11-25T06:00:00Z'); // Wed 25.11.2026, 11:00 office time
  env = await createEnv({ now: () => clock });
  const people: [string, string, string[]][] = [
    ['spec1', 'Специалистова Ирина Олеговна', ['specialist']],
    ['spec2', 'Второва Анна Петровна', ['specialist']],
    ['priem1', 'Приёмова Мария Ивановна', ['reception']],
    ['priem2', 'Входящева Ольга Сергеевна', ['reception']],
    ['head', 'Начальникова Галина Петровна', ['head']],
    ['admin2', 'Админова Вера Павловна', ['admin']],
  ];
  for (const [username, fullName, roles] of people) {
    await env.backend.invoke(env.adminToken, 'users.create', { username, fullName, position: 'Специалист-эксперт', roles: roles as never, password: 'user-pass-1' });
    t[username] = (await env.backend.invoke(null, 'auth.login', { username, password: 'user-pass-1' })).session!.token!;
  }
  t.admin = env.adminToken;
});
afterEach(() => env.cleanup());

async function call<T = CaseView>(who: string, method: string, input: unknown): Promise<T> {
  const r = await env.backend.call(t[who], method, input);
  if (!r.envelope.ok) throw new ApiError(r.envelope.error.code, r.envelope.error.message, r.envelope.error.fields, r.envelope.error.stale);
  return r.envelope.data as T;
}

/** What a refused save must leave as it was: the audit log, the numbering counters, and the record as read back. */
async function state(read: () => Promise<unknown>) {
  const db = env.backend.db;
  return { audit: db.select().from(auditLog).all().length, counters: db.select().from(journalCounters).all(), record: await read() };
}

/** Runs the stale save: CONFLICT, naming who changed the record and when; nothing changed. */
async function expectStale(stale: () => Promise<unknown>, read: () => Promise<unknown>, by: string | null) {
  const before = await state(read);
  clock = new Date(clock.getTime() + 60_000); // the refused attempt comes later than the change it loses to
  const e = await stale().then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(ApiError);
  const err = e as ApiError;
  expect(err.code).toBe('CONFLICT');
  expect(err.stale).toBeDefined();
  const info = err.stale as StaleInfo;
  expect(info.changedBy).toBe(by);
  if (by) {
    expect(err.message).toContain(by);
    expect(err.message).toContain(formatRuDateTime(info.changedAt).replace(' ', ' в '));
  }
  expect(err.message).toMatch(/Ваши изменения не сохранены/);
  expect(await state(read)).toEqual(before);
}

const getCase = (id: number) => () => call('spec1', 'cases.get', { id });

async function registered(): Promise<CaseView> {
  return call('priem1', 'cases.register', sampleApplication());
}

describe('a stale save is refused and changes nothing', () => {
  it('an act of Appendix 3 and of Appendix 4', async () => {
    const c = await registered();
    // Both specialists opened the case before either saved the act.
    await call('spec1', 'acts.save', { caseId: c.id, rev: 0, form: 'appendix4', act: NEED_ACT });
    await expectStale(() => call('spec2', 'acts.save', { caseId: c.id, rev: 0, form: 'appendix4', act: { ...NEED_ACT, additionalInfo: 'другое' } }), getCase(c.id), 'Специалистова Ирина Олеговна');

    const v1 = await call('spec1', 'acts.save', { caseId: c.id, rev: 0, form: 'appendix3-citizen', act: CITIZEN_ACT, barthel: SAMPLE_BARTHEL, lawton: SAMPLE_LAWTON });
    const read = v1.acts.find((a) => a.form === 'appendix3-citizen')!;
    expect(read.rev).toBe(1);
    clock = new Date(clock.getTime() + 60_000);
    const v2 = await call('spec1', 'acts.save', { caseId: c.id, rev: read.rev, form: 'appendix3-citizen', act: { ...CITIZEN_ACT, number: '17-А' }, barthel: SAMPLE_BARTHEL, lawton: SAMPLE_LAWTON });
    expect(v2.acts.find((a) => a.form === 'appendix3-citizen')!.rev).toBe(2);
    // The other variant replaces the same act: it takes the same revision.
    await expectStale(
      () => call('spec2', 'acts.save', { caseId: c.id, rev: read.rev, form: 'appendix3-family', act: {}, barthel: {}, lawton: {} }),
      getCase(c.id),
      'Специалистова Ирина Олеговна',
    );
    expect((await getCase(c.id)()).acts.find((a) => a.form !== 'appendix4')?.act.number).toBe('17-А');
  });

  it('a decision draft, and signing a draft changed after the head opened it', async () => {
    let c = await registered();
    c = await call('spec1', 'acts.save', { caseId: c.id, rev: 0, form: 'appendix3-citizen', act: CITIZEN_ACT, barthel: SAMPLE_BARTHEL, lawton: SAMPLE_LAWTON });
    c = await call('spec1', 'acts.save', { caseId: c.id, rev: 0, form: 'appendix4', act: NEED_ACT });
    // Documents complete needs the requests; this test goes straight to the draft by sending and answering them.
    for (const p of c.proposedRequests) {
      c = await call('spec1', 'requests.send', { caseId: c.id, agencyCode: p.agencyCode, documentKeys: p.documentKeys, subject: p.subject, channel: 'smev', outgoingNumber: `1-${p.agencyCode}`, sentDate: '2026-11-25' });
    }
    for (const r of c.requests) c = await call('spec1', 'requests.answer', { requestId: r.id, rev: r.rev, answerDate: '2026-11-25', incomingNumber: 'вх-1', summary: 'Получено' });
    c = await call('spec1', 'cases.completeDocuments', { caseId: c.id, rev: c.rev });

    // Two specialists start the draft at once: the second is told the first made it.
    c = await call('spec1', 'decisions.save', { caseId: c.id, decisionId: null, rev: 0, kind: 'ippsu', ippsu: SAMPLE_IPPSU });
    await expectStale(() => call('spec2', 'decisions.save', { caseId: c.id, decisionId: null, rev: 0, kind: 'ippsu', ippsu: SAMPLE_IPPSU }), getCase(c.id), 'Специалистова Ирина Олеговна');
    const seen = c.decisions[0];
    // The head opened the draft; the specialist changes it; the head signs what they saw: refused, nothing numbered.
    clock = new Date(clock.getTime() + 60_000);
    c = await call('spec1', 'decisions.save', { caseId: c.id, decisionId: seen.id, rev: seen.rev, kind: 'ippsu', ippsu: { ...SAMPLE_IPPSU, conditions: 'Уточнено' } });
    await expectStale(() => call('head', 'decisions.sign', { decisionId: seen.id, rev: seen.rev }), getCase(c.id), 'Специалистова Ирина Олеговна');
    // And a specialist editing the draft the head has just signed is told so.
    const current = c.decisions[0];
    clock = new Date(clock.getTime() + 60_000);
    c = await call('head', 'decisions.sign', { decisionId: current.id, rev: current.rev });
    expect(c.decisions[0].status).toBe('signed');
    await expectStale(
      () => call('spec2', 'decisions.save', { caseId: c.id, decisionId: current.id, rev: current.rev, kind: 'ippsu', ippsu: SAMPLE_IPPSU }),
      getCase(c.id),
      'Начальникова Галина Петровна',
    );
  });

  it('an interagency request answer', async () => {
    let c = await registered();
    const p = c.proposedRequests[0];
    c = await call('spec1', 'requests.send', { caseId: c.id, agencyCode: p.agencyCode, documentKeys: p.documentKeys, subject: p.subject, channel: 'smev', outgoingNumber: '15-1', sentDate: '2026-11-25' });
    const r = c.requests[0];
    await call('priem1', 'requests.answer', { requestId: r.id, rev: r.rev, answerDate: '2026-11-25', incomingNumber: 'вх-7', summary: 'Сведения получены' });
    await expectStale(
      () => call('spec2', 'requests.answer', { requestId: r.id, rev: r.rev, answerDate: '2026-11-25', incomingNumber: 'вх-8', summary: 'Другое' }),
      getCase(c.id),
      'Приёмова Мария Ивановна',
    );
  });

  it('the case: annulling, documents complete, withdrawal and issue over a newer state', async () => {
    const c = await registered();
    const p = c.proposedRequests[0];
    // The specialist sends a request (the case moves on) while reception, on the old page, annuls.
    await call('spec1', 'requests.send', { caseId: c.id, agencyCode: p.agencyCode, documentKeys: p.documentKeys, subject: p.subject, channel: 'smev', outgoingNumber: '15-1', sentDate: '2026-11-25' });
    await expectStale(() => call('priem2', 'cases.annul', { id: c.id, rev: c.rev, reason: 'Ошибка регистрации' }), getCase(c.id), 'Специалистова Ирина Олеговна');
    await expectStale(() => call('priem2', 'cases.withdraw', { caseId: c.id, rev: c.rev, date: '2026-11-25', reason: 'Отозвано' }), getCase(c.id), 'Специалистова Ирина Олеговна');
    await expectStale(() => call('spec2', 'cases.completeDocuments', { caseId: c.id, rev: c.rev }), getCase(c.id), 'Специалистова Ирина Олеговна');
    await expectStale(
      () => call('priem2', 'cases.issue', { caseId: c.id, rev: c.rev, method: 'in_person', date: '2026-11-25', issuedTo: 'applicant' }),
      getCase(c.id),
      'Специалистова Ирина Олеговна',
    );
  });

  it('the person: a registration over the applicant’s data changed meanwhile, with no journal number taken', async () => {
    const first = await registered();
    const [person] = await call<{ id: number; rev: number }[]>('priem1', 'persons.match', { snils: first.snils! });
    await call('priem1', 'cases.register', sampleApplication({ personId: person.id, personRev: person.rev, subservice: 'stationary', documents: [], applicant: { phone: '+7 900 000-00-01' } }));
    await expectStale(
      () => call('priem2', 'cases.register', sampleApplication({ personId: person.id, personRev: person.rev, subservice: 'semi-stationary', documents: [], applicant: { phone: '+7 900 000-00-02' } })),
      async () => ({ person: await call('priem2', 'persons.get', { id: person.id }), list: await call('priem2', 'cases.list', {}) }),
      'Приёмова Мария Ивановна',
    );
  });

  it('users, the office, reference records, the calendar, services and providers', async () => {
    // A user.
    const target = (await call<{ id: number; rev: number; username: string; fullName: string; position: string; roles: string[] }[]>('admin', 'users.list', {})).find((x) => x.username === 'spec2')!;
    await call('admin', 'users.update', { id: target.id, rev: target.rev, fullName: 'Второва Анна Петровна', position: 'Ведущий специалист', roles: ['specialist'], active: true });
    await expectStale(
      () => call('admin2', 'users.update', { id: target.id, rev: target.rev, fullName: 'Второва А. П.', position: 'Специалист', roles: ['specialist', 'reception'], active: true }),
      () => call('admin', 'users.list', {}),
      'Администраторова Анна Сергеевна',
    );

    // The office's details.
    const office = (await call<{ office: { rev: number; name: string; address: string; phone: string; email: string } }>('admin', 'auth.session', {})).office;
    const officeInput = { name: office.name, address: office.address, phone: '8 (3467) 11-11-11', email: office.email || 'uszn@example.ru', headName: 'Начальникова Галина Петровна', headPosition: 'Начальник управления' };
    await call('admin', 'office.update', { ...officeInput, rev: office.rev });
    await expectStale(() => call('admin2', 'office.update', { ...officeInput, phone: '8 (3467) 22-22-22', rev: office.rev }), () => call('admin', 'auth.session', {}), 'Администраторова Анна Сергеевна');

    // A reference record.
    const [mfc] = await call<{ code: string; rev: number; name: string }[]>('admin', 'ref.list', { kind: 'mfc' });
    await call('admin2', 'ref.update', { kind: 'mfc', code: mfc.code, rev: mfc.rev, name: mfc.name, phone: '8 (3467) 33-33-33', active: true });
    await expectStale(() => call('admin', 'ref.update', { kind: 'mfc', code: mfc.code, rev: mfc.rev, name: `${mfc.name} (изм.)`, active: true }), () => call('admin', 'ref.list', { kind: 'mfc' }), 'Админова Вера Павловна');

    // A year of the production calendar (a new one too: both admins add 2028 at once).
    const y = await call<{ year: { rev: number }; days: unknown[] }>('admin', 'calendar.year', { year: 2027 });
    await call('admin', 'calendar.saveYear', { year: 2027, rev: y.year.rev, source: 'Постановление (тест)', days: y.days });
    await expectStale(() => call('admin2', 'calendar.saveYear', { year: 2027, rev: y.year.rev, source: 'Другое', days: [] }), () => call('admin', 'calendar.year', { year: 2027 }), 'Администраторова Анна Сергеевна');
    await call('admin', 'calendar.saveYear', { year: 2028, rev: 0, source: 'Проект', days: [] });
    await expectStale(() => call('admin2', 'calendar.saveYear', { year: 2028, rev: 0, source: 'Другой проект', days: [] }), () => call('admin', 'calendar.years', {}), 'Администраторова Анна Сергеевна');

    // A service of the catalogue: a new one with a code just taken, and a stale edit.
    const service = { code: 'test-1', type: 1, name: 'Покупка продуктов', unit: 'услуга', urgent: false, active: true };
    await call('admin', 'services.save', { ...service, rev: 0 });
    await expectStale(() => call('admin2', 'services.save', { ...service, name: 'Другая услуга', rev: 0 }), () => call('admin', 'services.list', {}), 'Администраторова Анна Сергеевна');
    await call('admin', 'services.save', { ...service, name: 'Покупка и доставка продуктов', rev: 1 });
    await expectStale(() => call('admin2', 'services.save', { ...service, unit: 'раз', rev: 1 }), () => call('admin', 'services.list', {}), 'Администраторова Анна Сергеевна');

    // A provider.
    const created = await call<{ id: number; rev: number }>('admin', 'providers.save', { rev: 0, name: 'КЦСОН «Радуга»', address: 'г. Сургут', forms: ['home'] });
    await call('admin2', 'providers.save', { id: created.id, rev: created.rev, name: 'КЦСОН «Радуга»', address: 'г. Сургут, ул. Мира, 1', forms: ['home'] });
    await expectStale(
      () => call('admin', 'providers.save', { id: created.id, rev: created.rev, name: 'КЦСОН «Радуга»', address: 'г. Сургут', forms: ['home', 'stationary'] }),
      () => call('admin', 'providers.list', {}),
      'Админова Вера Павловна',
    );
  });

  it('a change the program made (a reference upgrade) is named as such', async () => {
    const [mfc] = await call<{ code: string; rev: number; name: string }[]>('admin', 'ref.list', { kind: 'mfc' });
    // An upgrade refreshed the record while the administrator had it open.
    env.backend.db.$client.prepare("update ref_items set rev = rev + 1, updated_at = ?, updated_by = null where kind = 'mfc' and code = ?").run(clock.toISOString(), mfc.code);
    await expectStale(() => call('admin', 'ref.update', { kind: 'mfc', code: mfc.code, rev: mfc.rev, name: 'X', active: true }), () => call('admin', 'ref.list', { kind: 'mfc' }), null);
  });
});

describe('revisions', () => {
  it('every save moves the revision on, a read shows it, and a fresh save goes through', async () => {
    let c = await registered();
    expect(c.rev).toBe(1);
    c = await call('priem1', 'cases.annul', { id: c.id, rev: c.rev, reason: 'Ошибка регистрации' });
    expect(c.rev).toBe(2);
    const row = (await call<{ rows: { id: number; rev: number }[] }>('spec1', 'cases.list', {})).rows.find((r) => r.id === c.id)!;
    expect(row.rev).toBe(2);
  });

  it('a save without a revision is refused as invalid', async () => {
    const c = await registered();
    const r = await env.backend.call(t.priem1, 'cases.annul', { id: c.id, reason: 'Ошибка' });
    expect(r.envelope).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { rev: expect.any(String) } } });
  });
});
