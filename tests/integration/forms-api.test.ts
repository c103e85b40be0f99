/**
 * Every print method of the API, through the backend on a real SQLite file,
 * read back from the DOCX's word/document.xml: the receipt, the journal,
 * the acts and questionnaires (filled and blank, for every role, with and
 * without a case), the decisions (draft refusal vs draft ИППСУ), the request
 * letter.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../core/api/errors';
import { PRINTABLE_FORMS } from '../../core/api/processing';
import type { CaseView } from '../../core/api/reception';
import { ROLES, type Role } from '../../core/api/schemas';
import { CITIZEN_ACT, NEED_ACT } from '../../scripts/form-samples-acts';
import { SAMPLE_IPPSU, SAMPLE_REFUSAL } from '../../scripts/form-samples-decision';
import { SAMPLE_BARTHEL, SAMPLE_LAWTON } from '../../scripts/form-samples-scales';
import { scoreBarthel, scoreLawton } from '../../core/domain/scales';
import { docxText, linesAfter, norm, readDocx, tables, underlinedRuns } from '../helpers/docx-xml';
import { sampleApplication, snilsFrom } from '../support/applications';
import { actRev, draftOf } from '../support/case-steps';
import { createEnv, userWithRoles, type TestEnv } from './helpers';

let env: TestEnv;
let clock: Date;
const tokens = {} as Record<Role, string>;

beforeEach(async () => {
  clock = new Date('2026-11-25T06:00:00Z'); // Wed 25.11.2026, 11:00 at the office
  env = await createEnv({ now: () => clock });
  tokens.specialist = await userWithRoles(env, 'spec', ['specialist']);
  tokens.head = await userWithRoles(env, 'head', ['head']);
  tokens.reception = await userWithRoles(env, 'priem', ['reception']);
  tokens.admin = env.adminToken;
  tokens.exchange = await userWithRoles(env, 'obmen', ['exchange']);
});
afterEach(() => env.cleanup());

const call = async <T = CaseView>(token: string, method: string, input: unknown): Promise<T> => {
  const r = await env.backend.call(token, method, input);
  if (!r.envelope.ok) throw new ApiError(r.envelope.error.code, r.envelope.error.message, r.envelope.error.fields);
  return r.envelope.data as T;
};
type File = { fileName: string; mime: string; base64: string };
const buf = (f: File) => Buffer.from(f.base64, 'base64');
const textOf = (f: File) => norm(docxText(buf(f)));

/** Asserts the needles occur in this order in the text. */
function inOrder(text: string, needles: string[]): void {
  let at = -1;
  for (const n of needles) {
    const i = text.indexOf(norm(n), at + 1);
    expect(i, `«${n}» after ${at}`).toBeGreaterThan(at);
    at = i;
  }
}

const registered = () => call(tokens.reception, 'cases.register', sampleApplication());
const spec = <T = CaseView>(m: string, i: unknown) => call<T>(tokens.specialist, m, i);

describe('cases.receipt', () => {
  it('the receipt of this case: its number, applicant, documents, agencies and the specialist, in order', async () => {
    const c = await registered();
    const f = await call<File>(tokens.reception, 'cases.receipt', { id: c.id });
    expect(f.fileName).toBe(`Расписка ${c.journalNumber.replace('/', '-')}.docx`);
    const t = textOf(f);
    inOrder(t, [
      'РАСПИСКА в получении документов',
      `№ ${c.journalNumber} от 25.11.2026`,
      'Государственная услуга: признание граждан нуждающимися в социальных услугах на дому',
      'Заявитель: Семёнова Алёна Петровна, дата рождения 14.03.1948',
      'Дата и время получения документов: 25.11.2026 10:15',
      'Перечень принятых документов',
      'Документ, удостоверяющий личность',
      'Итого листов: 3',
      'в порядке межведомственного информационного взаимодействия',
      'Результат предоставления государственной услуги будет предоставлен не позднее',
      'Документы принял: Специалист-эксперт Пользователь priem',
      'Расписку получил: Семёнова Алёна Петровна',
    ]);
    const requested = tables(readDocx(buf(f)))[1]!.rows.slice(1).map((r) => r[2]!);
    expect(requested.length).toBeGreaterThan(0);
    for (const a of requested) expect(a).not.toMatch(/Пенсионного фонда|Миграционная служба/);
  });
});

describe('cases.application', () => {
  it('the 159н application of this case: the labels in order with this applicant’s data, the consent and the signature', async () => {
    const c = await registered();
    const f = await call<File>(tokens.reception, 'cases.application', { id: c.id });
    expect(f.fileName).toBe(`Заявление ${c.journalNumber.replace('/', '-')}.docx`);
    const t = textOf(f);
    inOrder(t, [
      'приказом Министерства труда и социальной защиты Российской Федерации от 28 марта 2014 г. № 159н',
      'от Семёнова Алёна Петровна',
      'ЗАЯВЛЕНИЕ',
      'о предоставлении социальных услуг',
      'Сведения о заявителе',
      'Фамилия, имя, отчество (при наличии): Семёнова Алёна Петровна',
      'Дата рождения: 14.03.1948',
      'Документ, удостоверяющий личность: Паспорт гражданина РФ серия 67 03 № 123456, выдан ОВД г. Сургута 20.05.2003',
      'Гражданство: Гражданин Российской Федерации',
      'Адрес места жительства (пребывания): 628400, г. Сургут, ул. Ленина, д. 1, кв. 5',
      'Контактный телефон: +7 (3462) 12-34-56',
      'Сведения о представителе заявителя',
      'без представителя',
      'Форма социального обслуживания (государственная услуга): признание граждан нуждающимися в социальных услугах на дому',
      'Желаемые поставщики социальных услуг:',
      'Условия проживания и состав семьи',
      'Способ подачи заявления: Лично',
      'К заявлению прилагаю документы',
      '1) Документ, удостоверяющий личность',
      'Достоверность и полноту сведений',
      'статьёй 9 Федерального закона от 27 июля 2006 г. № 152-ФЗ «О персональных данных» даю согласие',
      'Заявитель',
      'Семёнова А. П.',
      '25.11.2026',
      `№ ${c.journalNumber} от 25.11.2026`,
    ]);
    // A field the intake lacks prints its line to be filled by hand (e-mail here).
    const xml = readDocx(buf(f)).xml;
    expect(xml).toMatch(/Адрес электронной почты:/);
    // The values are written on the form's lines (underlined), as a clerk would fill them in.
    expect(underlinedRuns(readDocx(buf(f)))).toEqual(expect.arrayContaining(['Семёнова Алёна Петровна', '14.03.1948']));
  });

  it('names the representative and the grounds of authority; the representative signs', async () => {
    const c = await call(tokens.reception, 'cases.register', sampleApplication({
      representative: {
        fullName: 'Морозова Елена Николаевна',
        idDoc: { kind: 'passport_rf', series: '67 05', number: '777888', issuer: 'УФМС г. Сургута', issueDate: '2005-06-01' },
        authority: 'power_of_attorney',
        authorityNumber: '86 АА 3107254',
        authorityDate: '2025-01-15',
      },
    }));
    const t = textOf(await call<File>(tokens.specialist, 'cases.application', { id: c.id }));
    inOrder(t, [
      'Сведения о представителе заявителя',
      'Фамилия, имя, отчество (при наличии): Морозова Елена Николаевна',
      'Документ, подтверждающий полномочия представителя: Доверенность № 86 АА 3107254 от 15.01.2025',
      'Представитель заявителя',
      'Морозова Е. Н.',
    ]);
  });

  it('prints the 159н fields entered at intake; the case keeps them', async () => {
    const application = {
      desiredServices: 'Покупка и доставка продуктов — 2 раза в неделю',
      desiredProviders: 'КЦСОН «Милосердие»',
      livingConditions: 'Квартира на 2-м этаже, печное отопление',
      household: 'Проживает одна',
      consent: true,
    };
    const c = await call(tokens.reception, 'cases.register', sampleApplication({ application }));
    expect(c.application).toEqual(application);
    expect((await call(tokens.head, 'cases.get', { id: c.id })).application).toEqual(application);
    const t = textOf(await call<File>(tokens.head, 'cases.application', { id: c.id }));
    inOrder(t, [
      'Желаемые поставщики социальных услуг: КЦСОН «Милосердие»',
      'периодичность их предоставления): Покупка и доставка продуктов — 2 раза в неделю',
      'Условия проживания: Квартира на 2-м этаже, печное отопление',
      'Состав семьи (лица, совместно проживающие с заявителем): Проживает одна',
    ]);
    // A case registered without them prints the lines to fill by hand.
    const plain = await call(tokens.reception, 'cases.register', sampleApplication({ applicant: { snils: snilsFrom(2), lastName: 'Гусева' } }));
    expect(plain.application).toBeNull();
    const blankLines = linesAfter(readDocx(buf(await call<File>(tokens.reception, 'cases.application', { id: plain.id }))), 'Желаемые поставщики социальных услуг:');
    expect(blankLines.rows[0]).toEqual(['желаемые поставщики социальных услуг:', '']);
    expect(blankLines.lines).toBe(2);
  });

  it('is refused to the administrator', async () => {
    const c = await registered();
    await expect(call(tokens.admin, 'cases.application', { id: c.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('journal.print', () => {
  it('the journal: the case with the specialist’s position and full name; its requests and the answer registered', async () => {
    const c = await registered();
    const p = c.proposedRequests[0]!;
    const v = await spec('requests.send', { caseId: c.id, agencyCode: p.agencyCode, documentKeys: p.documentKeys, subject: p.subject, channel: 'smev', outgoingNumber: '15-501', sentDate: '2026-11-25' });
    const r = v.requests[0]!;
    await spec('requests.answer', { requestId: r.id, rev: r.rev, answerDate: '2026-11-25', incomingNumber: '77', summary: 'Сведения получены' });
    const f = await call<File>(tokens.specialist, 'journal.print', { from: '2026-11-01', to: '2026-11-30' });
    const [main, req] = tables(readDocx(buf(f)));
    expect(main!.rows).toHaveLength(2);
    expect(norm(main!.rows[1]![8]!)).toBe(norm('Специалист-эксперт Пользователь priem'));
    expect(req!.rows).toHaveLength(2);
    const row = req!.rows[1]!.map(norm);
    expect(row[1]).toBe(c.journalNumber);
    expect(row[2]).toBe(norm('Семёнова Алёна Петровна'));
    expect(row[5]).toBe(norm('№ 15-501 от 25.11.2026'));
    expect(row[7]).toBe(norm('25.11.2026 вх. № 77'));
  });
});

describe('acts.blank', () => {
  it('every blank prints for every role, for no one and for a case’s person', async () => {
    const c = await registered();
    for (const role of ROLES) {
      for (const form of PRINTABLE_FORMS) {
        const none = await call<File>(tokens[role], 'acts.blank', { form });
        expect(none.fileName, `${role} ${form}`).toMatch(/\(бланк\)\.docx$/);
        expect(textOf(none), `${role} ${form}`).not.toContain(norm('Семёнова'));
        const forCase = await call<File>(tokens[role], 'acts.blank', { form, caseId: c.id });
        const t = textOf(forCase);
        expect(t, `${role} ${form}`).toContain(norm('Семёнова Алёна Петровна'));
        if (!form.startsWith('appendix3')) expect(t, `${role} ${form}`).toContain('14.03.1948');
        if (form !== 'appendix4') expect(t, `${role} ${form}`).toContain(norm('г. Сургут, ул. Ленина, д. 1, кв. 5'));
        expect(underlinedRuns(readDocx(buf(forCase))).map(norm).filter((u) => !u.includes('семёнова') && !u.includes('сургут') && !u.includes('14.03.1948') && u !== 'женский' && u !== 'жен.')).toEqual([]);
      }
    }
  });

  it('the questionnaire blank leaves the date to be written by hand and has no score', async () => {
    const c = await registered();
    for (const form of ['barthel', 'lawton'] as const) {
      const t = textOf(await call<File>(tokens.specialist, 'acts.blank', { form, caseId: c.id }));
      expect(t).toContain(norm(form === 'barthel' ? 'Индекс Бартела' : 'Шкала Лаутона'));
      expect(t).toContain(norm('Дата обследования: «___» ____________ 20___ г.'));
      expect(t).toContain(norm('Адрес: 628400, г. Сургут, ул. Ленина, д. 1, кв. 5'));
      expect(t).not.toMatch(/сумма баллов: \d/);
    }
  });
});

describe('acts.print', () => {
  it('the saved acts and the questionnaires with this case’s scores and the chosen options underlined', async () => {
    const c = await registered();
    const v = await spec('acts.save', { caseId: c.id, rev: actRev(c, false), form: 'appendix3-citizen', act: CITIZEN_ACT, barthel: SAMPLE_BARTHEL, lawton: SAMPLE_LAWTON });
    await spec('acts.save', { caseId: c.id, rev: actRev(v, true), form: 'appendix4', act: NEED_ACT });
    const barthel = textOf(await spec<File>('acts.print', { caseId: c.id, form: 'barthel' }));
    expect(barthel).toContain(norm(`Сумма баллов: ${scoreBarthel(SAMPLE_BARTHEL).score} (из 100 возможных)`));
    expect(barthel).toContain(norm(`Оценка: ${scoreBarthel(SAMPLE_BARTHEL).band}`));
    const lawton = textOf(await spec<File>('acts.print', { caseId: c.id, form: 'lawton' }));
    expect(lawton).toContain(norm(`Сумма баллов: ${scoreLawton(SAMPLE_LAWTON).score} (из`));
    const act3 = await spec<File>('acts.print', { caseId: c.id, form: 'appendix3-citizen' });
    const t3 = textOf(act3);
    inOrder(t3, ['АКТ', 'обследования условий жизнедеятельности', CITIZEN_ACT.number as string]);
    expect(underlinedRuns(readDocx(buf(act3))).length).toBeGreaterThan(5);
    const act4 = textOf(await spec<File>('acts.print', { caseId: c.id, form: 'appendix4' }));
    expect(act4).toContain(norm('оценки индивидуальной потребности'));
  });
});

describe('decisions.print and requests.letter', () => {
  it('a draft refusal is the refusal notice, not a programme; a draft ИППСУ is the programme', async () => {
    const c = await registered();
    let v: CaseView = c;
    for (const [i, p] of c.proposedRequests.entries()) {
      v = await spec('requests.send', { caseId: c.id, agencyCode: p.agencyCode, documentKeys: p.documentKeys, subject: p.subject, channel: 'smev', outgoingNumber: `15-${i}`, sentDate: '2026-11-25' });
    }
    for (const r of v.requests) v = await spec('requests.answer', { requestId: r.id, rev: r.rev, answerDate: '2026-11-25', incomingNumber: `вх-${r.id}`, summary: 'Сведения получены' });
    v = await spec('acts.save', { caseId: c.id, rev: actRev(v, false), form: 'appendix3-citizen', act: CITIZEN_ACT, barthel: SAMPLE_BARTHEL, lawton: SAMPLE_LAWTON });
    v = await spec('acts.save', { caseId: c.id, rev: actRev(v, true), form: 'appendix4', act: NEED_ACT });
    v = await spec('cases.completeDocuments', { caseId: c.id, rev: v.rev });
    v = await spec('decisions.save', { caseId: c.id, ...draftOf(v), kind: 'refusal', refusal: { ...SAMPLE_REFUSAL, date: '2026-11-25' } });
    const decisionId = v.decisions.find((x) => x.status === 'draft')!.id;
    const refusal = textOf(await spec<File>('decisions.print', { decisionId }));
    inOrder(refusal, ['ПРОЕКТ', 'УВЕДОМЛЕНИЕ об отказе в признании гражданина нуждающимся в социальном обслуживании', 'Мотивированное обоснование отказа', 'Исполнитель: Специалист-эксперт Пользователь spec']);
    expect(refusal).not.toContain(norm('ИНДИВИДУАЛЬНАЯ ПРОГРАММА'));
    const saved = await spec('decisions.save', { caseId: c.id, ...draftOf(await spec<CaseView>('cases.get', { id: c.id })), kind: 'ippsu', ippsu: SAMPLE_IPPSU });
    const d = saved.decisions.find((x) => x.status === 'draft')!;
    const ippsu = textOf(await spec<File>('decisions.print', { decisionId: d.id }));
    expect(ippsu).toContain(norm('ИНДИВИДУАЛЬНАЯ ПРОГРАММА предоставления социальных услуг'));
    expect(ippsu).not.toContain(norm('УВЕДОМЛЕНИЕ об отказе'));
  });

  it('the request letter cites the agency by its current name and ends with the «Исполнитель» line', async () => {
    const c = await registered();
    const p = c.proposedRequests.find((x) => x.agencyCode === 'sfr') ?? c.proposedRequests[0]!;
    const v = await spec('requests.send', { caseId: c.id, agencyCode: p.agencyCode, documentKeys: p.documentKeys, subject: p.subject, channel: 'paper', outgoingNumber: '15-777', sentDate: '2026-11-25' });
    const t = textOf(await spec<File>('requests.letter', { requestId: v.requests[0]!.id }));
    inOrder(t, ['25.11.2026 № 15-777', 'О предоставлении сведений', 'Семёнова Алёна Петровна', 'Исполнитель: Специалист-эксперт Пользователь spec', 'Тел.:']);
    expect(t).not.toMatch(/пенсионного фонда россии|миграционная служба/);
  });
});
