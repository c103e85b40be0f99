/**
 * The complaints register (p.55–76) on a real SQLite file: registration with
 * the fields of p.65 and the deadlines in working days, «Сроки», the
 * decision, the answer letter with the contents of p.70, the answer and the
 * remedy; roles and validation.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { ComplaintInput, ComplaintView } from '../../core/api/complaints';
import { ApiError } from '../../core/api/errors';
import { docxToText } from '../helpers/docx-text';
import { sampleApplication } from '../support/applications';
import { createEnv, userWithRoles, type TestEnv } from './helpers';

let env: TestEnv;
let clock: Date;
let priem: string;
let spec: string;
let head: string;

beforeEach(async () => {
  clock = new Date('2025-12-30T06:00:00Z'); // Tue 30.12.2025, the last working day before the New Year holidays
  env = await createEnv({ now: () => clock });
  priem = await userWithRoles(env, 'priem', ['reception']);
  spec = await userWithRoles(env, 'spec', ['specialist']);
  head = await userWithRoles(env, 'head', ['head']);
});
afterEach(() => env.cleanup());

const call = async <T = ComplaintView>(token: string, method: string, input: unknown): Promise<T> => {
  const r = await env.backend.call(token, method, input);
  if (!r.envelope.ok) throw new ApiError(r.envelope.error.code, r.envelope.error.message, r.envelope.error.fields);
  return r.envelope.data as T;
};
const fails = (p: Promise<unknown>) => p.then(() => null, (e: ApiError) => e);

async function later(iso: string) {
  clock = new Date(iso);
  const login = async (u: string) => (await env.backend.invoke(null, 'auth.login', { username: u, password: 'user-pass-1' })).session!.token!;
  priem = await login('priem');
  spec = await login('spec');
  head = await login('head');
  env.adminToken = (await env.backend.invoke(null, 'auth.login', { username: 'admin', password: 'admin-pass-1' })).session!.token!;
}

const complaint = (over: Partial<z.input<typeof ComplaintInput>> = {}): z.input<typeof ComplaintInput> => ({
  receivedDate: '2025-12-29',
  channel: 'post',
  addressee: 'Директору Департамента социального развития Ханты-Мансийского автономного округа - Югры',
  subjectOfficial: 'Специалист-эксперт отдела социального обслуживания Иванова И. И.',
  subjectDecision: 'Нарушение срока предоставления государственной услуги по заявлению № 1/2025',
  subjects: ['service_term'],
  applicant: {
    lastName: 'Семёнова',
    firstName: 'Алёна',
    middleName: 'Петровна',
    residence: 'г. Ханты-Мансийск, ул. Мира, д. 1, кв. 5',
    phone: '+7 (3467) 12-34-56',
    postalAddress: '628012, г. Ханты-Мансийск, ул. Мира, д. 1, кв. 5',
  },
  substance: 'Результат предоставления услуги не выдан в течение 15 рабочих дней со дня регистрации заявления.',
  attachments: [{ title: 'Копия расписки в получении документов', sheets: 1 }],
  ...over,
});

describe('the complaints register', () => {
  it('registers a complaint with its number and deadlines across the New Year holidays', async () => {
    const c = await call(priem, 'complaints.register', complaint());
    expect(c).toMatchObject({
      number: 'Ж-1/2025',
      status: 'registered',
      channel: 'post',
      applicantName: 'Семёнова Алёна Петровна',
      registeredByName: 'Пользователь priem',
      registeredLate: false,
      // p.67: by the next working day after receipt (29.12 → 30.12); p.61: 15 working days of registration.
      deadlines: { registration: '2025-12-30', decision: '2026-01-30', forwarding: null, remedy: null, answer: null },
      nextDue: '2026-01-30',
      nextDueKind: 'decision',
      appliedTerms: { registration: 1, decision: 15, decisionShort: 5, forwarding: 3, remedy: 5, answer: 1 },
    });
    // A refusal to accept documents complained of: 5 working days (p.61); another body competent: forward in 3 (p.64).
    const short = await call(priem, 'complaints.register', complaint({ subjects: ['refusal_to_accept_documents'] }));
    expect(short.deadlines.decision).toBe('2026-01-16');
    const other = await call(priem, 'complaints.register', complaint({ competent: false }));
    expect(other).toMatchObject({ deadlines: { forwarding: '2026-01-14', decision: null }, nextDueKind: 'forwarding' });
    // Arrived on 24.12, registered on 30.12: late (p.67).
    expect((await call(priem, 'complaints.register', complaint({ receivedDate: '2025-12-24' }))).registeredLate).toBe(true);

    const audit = await call<{ total: number }>(env.adminToken, 'audit.list', { entity: 'complaint', action: 'register' });
    expect(audit.total).toBe(4);
  });

  it('validates in Russian and writes nothing on bad input', async () => {
    const e = await fails(call(priem, 'complaints.register', complaint({ subjects: [], applicant: { ...complaint().applicant, postalAddress: '' }, answerByEmail: true })));
    expect(e).toMatchObject({ code: 'VALIDATION' });
    expect(e!.fields).toMatchObject({
      subjects: 'Выберите, на что подана жалоба (п. 56 регламента)',
      'applicant.postalAddress': 'Заполните поле',
      'applicant.email': 'Укажите адрес электронной почты для ответа',
    });
    expect(await fails(call(priem, 'complaints.register', complaint({ receivedDate: '2025-12-31' })))).toMatchObject({ code: 'VALIDATION', fields: { receivedDate: expect.stringMatching(/позже/) } });
    expect(await fails(call(priem, 'complaints.register', complaint({ caseId: 999 })))).toMatchObject({ code: 'VALIDATION', fields: { caseId: 'Дело не найдено' } });
    expect((await call<{ total: number }>(head, 'complaints.list', {})).total).toBe(0);
    expect(await fails(call(env.adminToken, 'complaints.list', {}))).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('decided, answered with the letter of p.70, remedied; deadlines follow and show in «Сроки»', async () => {
    const app = await call<{ id: number; journalNumber: string }>(priem, 'cases.register', sampleApplication({ receivedAt: '2025-12-30T09:00' }));
    let c = await call(priem, 'complaints.register', complaint({ caseId: app.id, subjects: ['service_term', 'refusal_to_correct_errors'] }));
    expect(c).toMatchObject({ caseId: app.id, caseNumber: app.journalNumber, deadlines: { decision: '2026-01-16' } });
    expect(await call<{ rows: { id: number }[] }>(head, 'complaints.list', { caseId: app.id })).toMatchObject({ rows: [{ id: c.id }] });

    await later('2026-01-16T06:00:00Z'); // the decision is due today
    const summary = await call<{ complaints: { dueToday: number } }>(spec, 'deadlines.summary', {});
    expect(summary.complaints.dueToday).toBe(1);
    expect((await call<{ rows: { id: number; urgency: string }[] }>(spec, 'complaints.list', { urgency: 'today', sort: 'due_asc' })).rows).toMatchObject([{ id: c.id, urgency: 'today' }]);
    expect((await call<{ complaintsDue: number }>(head, 'notifications.counts', {})).complaintsDue).toBe(1);
    expect((await call<{ kind: string; complaintId: number }[]>(head, 'notifications.list', {}))[0]).toMatchObject({ kind: 'due_today', complaintId: c.id });

    const decision = {
      id: c.id,
      decisionDate: '2026-01-16',
      decisionNumber: '15-жал',
      decisionPlace: 'г. Ханты-Мансийск',
      decidingBody: 'Департамент социального развития Ханты-Мансийского автономного округа - Югры',
      decidedByPosition: 'Заместитель директора Департамента',
      decidedByName: 'Петров Пётр Петрович',
      outcome: 'satisfied',
      reasons: 'Проверкой установлено, что результат не выдан в установленный срок.',
      measures: 'Выдать заявителю индивидуальную программу предоставления социальных услуг.',
    };
    expect(await fails(call(spec, 'complaints.decide', decision))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await fails(call(head, 'complaints.decide', { ...decision, measures: undefined }))).toMatchObject({ code: 'VALIDATION', fields: { measures: expect.any(String) } });
    expect(await fails(call(head, 'complaints.decide', { ...decision, outcome: 'refused', measures: undefined, ground: 'offensive' }))).toMatchObject({ code: 'VALIDATION' });
    expect(await fails(call(spec, 'complaints.answerLetter', { id: c.id }))).toMatchObject({ code: 'CONFLICT' });
    c = await call(head, 'complaints.decide', decision);
    // p.71: the answer by the next working day (Mon 19.01), p.69: remedy in 5 working days (Fri 23.01).
    expect(c).toMatchObject({ status: 'decided', outcome: 'satisfied', deadlines: { answer: '2026-01-19', remedy: '2026-01-23' }, nextDue: '2026-01-19', nextDueKind: 'answer' });

    const letter = await call<{ fileName: string; base64: string }>(spec, 'complaints.answerLetter', { id: c.id });
    expect(letter.fileName).toBe('Ответ на жалобу Ж-1-2025.docx');
    const text = docxToText(Buffer.from(letter.base64, 'base64')).replace(/\s+/g, ' ');
    for (const part of [
      'ОТВЕТ по результатам рассмотрения жалобы',
      'Орган, рассмотревший жалобу: Департамент социального развития Ханты-Мансийского автономного округа - Югры',
      'Должностное лицо, принявшее решение по жалобе: Заместитель директора Департамента Петров Пётр Петрович',
      '№ 15-жал от 16.01.2026, место принятия решения: г. Ханты-Мансийск',
      'Специалист-эксперт отдела социального обслуживания Иванова И. И.',
      'Заявитель: Семёнова Алёна Петровна',
      'Проверкой установлено, что результат не выдан в установленный срок.',
      'жалоба признана обоснованной и удовлетворена',
      'Выдать заявителю индивидуальную программу предоставления социальных услуг. Меры принимаются не позднее 23.01.2026',
      'Порядок обжалования решения',
      '628012, г. Ханты-Мансийск, ул. Мира, д. 1, кв. 5',
      'Петров П. П.',
    ]) {
      expect(text).toContain(part);
    }

    expect(await fails(call(priem, 'complaints.recordAnswer', { id: c.id, date: '2026-01-15', method: 'post', outgoingNumber: '01-12' }))).toMatchObject({ code: 'VALIDATION' });
    expect(await fails(call(priem, 'complaints.recordAnswer', { id: c.id, date: '2026-01-16', method: 'email', outgoingNumber: '01-12' }))).toMatchObject({ code: 'VALIDATION' });
    c = await call(priem, 'complaints.recordAnswer', { id: c.id, date: '2026-01-16', method: 'post', outgoingNumber: '01-12/345' });
    expect(c).toMatchObject({ status: 'answered', nextDueKind: 'remedy', nextDue: '2026-01-23', violations: [] });
    await later('2026-01-26T06:00:00Z');
    c = await call(spec, 'complaints.recordRemedy', { id: c.id, date: '2026-01-26' });
    expect(c).toMatchObject({ remedyDoneDate: '2026-01-26', nextDue: null, violations: ['Устранение нарушений (п. 69): выполнено с нарушением срока'] });
    expect(await fails(call(spec, 'complaints.recordRemedy', { id: c.id, date: '2026-01-26' }))).toMatchObject({ code: 'CONFLICT' });
    const actions = (await call<{ rows: { action: string }[] }>(env.adminToken, 'audit.list', { entity: 'complaint' })).rows.map((r) => r.action);
    expect(actions).toEqual(['remedy', 'answer', 'print', 'decide', 'register']);
  });

  it('refused on a ground of p.72, left without an answer on p.73, forwarded by p.64', async () => {
    const a = await call(priem, 'complaints.register', complaint());
    const b = await call(priem, 'complaints.register', complaint());
    const f = await call(priem, 'complaints.register', complaint({ competent: false }));
    const base = { decisionDate: '2025-12-30', decisionNumber: '1', decisionPlace: 'г. Ханты-Мансийск', decidingBody: 'Департамент', decidedByPosition: 'Директор', decidedByName: 'Иванов Иван Иванович', reasons: 'Рассмотрено.' };
    const r = await call(head, 'complaints.decide', { id: a.id, ...base, outcome: 'refused', ground: 'already_decided' });
    expect(r).toMatchObject({ status: 'decided', outcomeGround: 'already_decided', deadlines: { answer: '2026-01-12', remedy: null } });
    const text = docxToText(Buffer.from((await call<{ base64: string }>(head, 'complaints.answerLetter', { id: a.id })).base64, 'base64')).replace(/\s+/g, ' ');
    expect(text).toContain('в удовлетворении жалобы отказано по основанию, предусмотренному пунктом 72 Административного регламента: наличие решения по жалобе, принятого ранее');
    const u = await call(head, 'complaints.decide', { id: b.id, ...base, outcome: 'left_unanswered', ground: 'unreadable' });
    expect(u).toMatchObject({ status: 'left_unanswered', nextDue: null, deadlines: { answer: null } });
    expect(await fails(call(head, 'complaints.answerLetter', { id: b.id }))).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/п\. 73/) });
    const fw = await call(head, 'complaints.forward', { id: f.id, date: '2025-12-30', forwardedTo: 'Прокуратура Ханты-Мансийского автономного округа - Югры' });
    expect(fw).toMatchObject({ status: 'forwarded', nextDue: null, forwardedTo: 'Прокуратура Ханты-Мансийского автономного округа - Югры' });
    expect(await fails(call(head, 'complaints.decide', { id: f.id, ...base, outcome: 'refused', ground: 'unfounded' }))).toMatchObject({ code: 'CONFLICT' });
    expect(await fails(call(priem, 'complaints.update', { id: a.id, complaint: complaint() }))).toMatchObject({ code: 'CONFLICT' });
  });

  it('the complaint deadlines follow a change of the production calendar', async () => {
    const c = await call(priem, 'complaints.register', complaint());
    const year = await call<{ year: { rev: number } }>(env.adminToken, 'calendar.year', { year: 2026 });
    await call(env.adminToken, 'calendar.saveYear', {
      year: 2026,
      rev: year.year.rev,
      source: 'test',
      days: [...Array.from({ length: 11 }, (_, i) => ({ date: `2026-01-${String(i + 1).padStart(2, '0')}`, kind: 'holiday' as const })), { date: '2026-01-30', kind: 'holiday' as const }],
    });
    expect((await call(head, 'complaints.get', { id: c.id })).deadlines.decision).toBe('2026-02-02');
  });
});
