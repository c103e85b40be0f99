/**
 * The reception forms (расписка, журнал регистрации) built from sample data
 * and read back as text through LibreOffice.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildReceipt } from '../../main/forms/receipt';
import { buildJournal } from '../../main/forms/journal';
import { shortName } from '../../main/forms/docx-kit';
import { formatRuDate } from '../../core/domain/dates';
import { docxText as docxToText, norm, readDocx, tables } from '../helpers/docx-xml';
import {
  AGENCY_NAMES,
  SAMPLE_CASE,
  SAMPLE_CASE_MFC,
  SAMPLE_JOURNAL_ROWS,
  journalSample,
  receiptMfcSample,
  receiptSample,
} from '../../scripts/form-samples';

const SLOW = 120_000;


/** The normalized text between two headings (exclusive). */
function between(text: string, from: string, to: string): string {
  const a = text.indexOf(norm(from));
  const b = text.indexOf(norm(to), a + 1);
  expect(a, `heading «${from}»`).toBeGreaterThanOrEqual(0);
  expect(b, `heading «${to}»`).toBeGreaterThan(a);
  return text.slice(a, b);
}

describe('shortName', () => {
  it('abbreviates the first name and patronymic', () => {
    expect(shortName('Иванова Анна Сергеевна')).toBe('Иванова А. С.');
    expect(shortName('  Петров   Пётр ')).toBe('Петров П.');
    expect(shortName('Мамедов Рашид Али оглы')).toBe('Мамедов Р. А. оглы');
    expect(shortName('Дюма Анна-Мария')).toBe('Дюма А.-М.');
    expect(shortName('')).toBe('');
  });
});

describe('receipt (расписка в получении документов)', () => {
  let text = '';
  let mfcText = '';

  beforeAll(async () => {
    text = norm(docxToText(await buildReceipt(receiptSample())));
    mfcText = norm(docxToText(await buildReceipt(receiptMfcSample())));
  }, SLOW);

  const received = SAMPLE_CASE.documents.filter((d) => d.state === 'received');
  const toRequest = SAMPLE_CASE.documents.filter((d) => d.state === 'to_request');
  const notProvided = SAMPLE_CASE.documents.filter((d) => d.state === 'not_provided');

  it('has the title, the registration and the applicant', () => {
    expect(text).toContain(norm('РАСПИСКА в получении документов'));
    expect(text).toContain(norm(`в журнале регистрации заявлений № ${SAMPLE_CASE.journalNumber} от 03.03.2025`));
    expect(text).toContain(norm(SAMPLE_CASE.applicantName));
    expect(text).toContain(norm('дата рождения 05.11.1941, СНИЛС 112-233-445 95'));
    expect(text).toContain(norm('Государственная услуга: признание граждан нуждающимися в социальных услугах на дому'));
    // The service is named once (p.44), not «признание гражданина…: признание граждан…».
    expect(text.split('признание граждан').length - 1).toBe(1);
  });

  it('names the representative and the grounds of authority', () => {
    expect(text).toContain(norm('Представитель заявителя: Морозова Елена Николаевна'));
    expect(text).toContain(norm('основание полномочий: доверенность № 86 АА 3107254 от 15.01.2025'));
  });

  it('has the date and time of receipt', () => {
    expect(text).toContain(norm('Дата и время получения документов: 03.03.2025 10:15'));
  });

  it('lists every received document with its form and sheets, and the total', () => {
    const section = between(text, 'Перечень принятых документов', 'Документы и сведения, которые будут получены');
    expect(received.length).toBeGreaterThan(0);
    received.forEach((d, i) => {
      const form = d.form === 'original' ? 'подлинник' : 'копия';
      expect(section).toContain(norm(`${i + 1} ${d.title} ${form} ${d.sheets}`));
    });
    const total = received.reduce((s, d) => s + (d.sheets ?? 0), 0);
    expect(section).toContain(norm(`Итого листов: ${total}`));
    for (const d of toRequest) expect(section).not.toContain(norm(d.title));
  });

  it('lists every document to be requested with its agency', () => {
    const section = between(
      text,
      'в порядке межведомственного информационного взаимодействия',
      'Результат предоставления государственной услуги',
    );
    expect(toRequest.length).toBeGreaterThan(0);
    toRequest.forEach((d, i) => {
      expect(section).toContain(norm(`${i + 1} ${d.title} ${AGENCY_NAMES[d.agencyCode!]}`));
    });
    for (const d of received) expect(section).not.toContain(norm(d.title));
  });

  it('lists the required documents not provided (p.44)', () => {
    expect(notProvided.length).toBeGreaterThan(0);
    const section = between(text, 'Не представлены документы, обязательные для представления заявителем', 'Результат предоставления');
    notProvided.forEach((d, i) => expect(section).toContain(norm(`${i + 1}) ${d.title}`)));
    for (const d of received) expect(section).not.toContain(norm(d.title));
  });

  it('has the tables: received with the total, to be requested with the current agency names', async () => {
    const t = tables(readDocx(await buildReceipt(receiptSample())));
    const [recv, req] = t;
    expect(recv!.rows[0]).toEqual(['№', 'Наименование документа', 'Подлинник / копия', 'Листов']);
    expect(recv!.rows).toHaveLength(received.length + 2);
    expect(recv!.headerRows).toBe(1);
    expect(recv!.rows.at(-1)).toEqual(['Итого листов:', String(received.reduce((s, d) => s + (d.sheets ?? 0), 0))]);
    expect(req!.rows.slice(1).map((r) => r[2])).toEqual(toRequest.map((d) => AGENCY_NAMES[d.agencyCode!]!.replace(/"([^"]*)"/g, '«$1»')));
    const all = req!.rows.map((r) => r.join(' ')).join(' ');
    expect(all).toContain('ОСФР по ХМАО - Югре');
    expect(all).toContain('УВМ УМВД России по ХМАО - Югре');
    expect(all).not.toMatch(/Пенсионного фонда|Миграционная служба|ПФР|ФМС/);
  });

  it('has the due date, the phone, the specialist and the recipient', () => {
    expect(text).toContain(norm(`будет предоставлен не позднее ${formatRuDate(SAMPLE_CASE.deadlines.result)}`));
    expect(text).toContain(norm(`Телефон для справок: ${receiptSample().office.phone}`));
    expect(text).toContain(
      norm(`Документы принял: ${SAMPLE_CASE.registeredByPosition} ${SAMPLE_CASE.registeredByName}`),
    );
    expect(text).toContain(norm('Расписку получил: Морозова Елена Николаевна'));
    expect(text).toMatch(/_+ \/ петрова м\. и\. \/ _+ \/ морозова е\. н\. \//);
    expect(text).toContain(norm('Дата: 03.03.2025 Дата: «___» ____________ 20___ г.'));
  });

  it('via the MFC: names the MFC, nothing to request, the applicant signs', () => {
    expect(mfcText).toContain(norm(`Способ подачи заявления: через МФЦ — ${SAMPLE_CASE_MFC.mfcName}`));
    expect(mfcText).toContain(norm('информационного взаимодействия не требуются'));
    expect(mfcText).not.toContain(norm('Представитель заявителя'));
    expect(mfcText).toContain(norm('Расписку получил: Ахмедов Рашид Ильдарович'));
    expect(mfcText).toContain(norm('/ Ахмедов Р. И. /'));
    // p.44: the date the Управление received the documents, not the МФЦ's time.
    expect(mfcText).toContain(norm('Дата получения документов Управлением: 04.03.2025'));
    expect(mfcText).not.toContain('16:40');
    expect(mfcText).toContain(norm(`не позднее ${formatRuDate(SAMPLE_CASE_MFC.deadlines.result)}`));
  });
});

describe('journal (журнал регистрации заявлений)', () => {
  let text = '';

  beforeAll(async () => {
    text = norm(docxToText(await buildJournal(journalSample())));
  }, SLOW);

  it('has the title, the office and the period', () => {
    expect(text).toContain(
      norm('ЖУРНАЛ регистрации заявлений о признании граждан нуждающимися в социальном обслуживании'),
    );
    expect(text).toContain(norm(journalSample().office.name));
    expect(text).toContain(norm('за период с 01.03.2025 по 07.03.2025'));
  });

  it('has every row, in journal order', () => {
    let last = -1;
    for (const r of SAMPLE_JOURNAL_ROWS) {
      const at = text.indexOf(norm(r.journalNumber));
      expect(at, r.journalNumber).toBeGreaterThan(last);
      last = at;
      expect(text).toContain(norm(r.applicantName));
    }
  });

  it('prints a full row', () => {
    expect(text).toContain(
      norm(
        '5 42/2025 03.03.2025 10:15 03.03.2025 Сидорова Валентина Петровна, 05.11.1941 г. р. 112-233-445 95 ' +
          'Социальные услуги на дому Лично Главный специалист-эксперт отдела социального обслуживания ' +
          'Петрова Марина Игоревна 24.03.2025 Зарегистрировано',
      ),
    );
  });

  it('p.37: the accepting specialist by position and full name, in its own column', async () => {
    const [main] = tables(readDocx(await buildJournal(journalSample())));
    expect(main!.rows[0]![8]).toBe('Принял (должность, фамилия, имя, отчество)');
    expect(main!.headerRows).toBe(1);
    expect(main!.rows).toHaveLength(SAMPLE_JOURNAL_ROWS.length + 1);
    for (const [i, r] of SAMPLE_JOURNAL_ROWS.entries()) expect(main!.rows[i + 1]![8]).toBe(`${r.registeredByPosition}\n${r.registeredByName}`);
  });

  it('p.45: the interagency requests and the answers registered, with their dates', async () => {
    const [, req] = tables(readDocx(await buildJournal(journalSample())));
    expect(req!.rows[0]).toEqual(['№ п/п', 'Рег. № заявления', 'Заявитель', 'Орган (организация)', 'Запрошенные документы (сведения)', 'Запрос: исх. №, дата', 'Срок ответа', 'Ответ зарегистрирован: дата, вх. №']);
    const body = req!.rows.slice(1);
    expect(body).toHaveLength(3);
    expect(body[0]!.map(norm)).toEqual(['1', '38/2025', 'Ковалёва Нина Степановна', 'ОСФР по ХМАО - Югре', 'справка о размере пенсии с учетом надбавок', '№ 14-1207 от 03.03.2025', '12.03.2025', '06.03.2025 вх. № 882'].map(norm));
    expect(norm(body[1]![3]!)).toBe(norm('УВМ УМВД России по ХМАО - Югре'));
    expect(body[1]![7]).toBe('ответ не поступил');
  });

  it('shows annulled rows with their reason', () => {
    const annulled = SAMPLE_JOURNAL_ROWS.filter((r) => r.status === 'annulled');
    expect(annulled.length).toBeGreaterThan(0);
    for (const r of annulled) expect(text).toContain(norm(`Аннулировано: ${r.annulReason}`));
  });

  it('has the count and the printed-by line', () => {
    expect(text).toContain(norm(`Всего записей: ${SAMPLE_JOURNAL_ROWS.length}`));
    expect(text).toContain(norm('Журнал сформирован 07.03.2025 17:05, распечатал: Главный специалист-эксперт'));
  });

  it('prints an empty period', async () => {
    const empty = norm(docxToText(await buildJournal({ ...journalSample(), rows: [] })));
    expect(empty).toContain(norm('За период заявления не регистрировались'));
    expect(empty).toContain(norm('Всего записей: 0'));
  }, SLOW);
});
