/**
 * The decision forms (ИППСУ, уведомление об отказе, межведомственный запрос)
 * built from sample data and read back from their word/document.xml; the
 * draft marking page by page is checked in the render layer (tests/render).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildIppsu, type IppsuData } from '../../main/forms/ippsu';
import { shortName } from '../../main/forms/docx-kit';
import { buildRefusalNotice } from '../../main/forms/refusal';
import { buildRequestLetter } from '../../main/forms/request-letter';
import { PAYMENT_LABELS, SERVICE_FORM_LABELS, SERVICE_TYPES, SERVICE_TYPE_NAMES, SERVICE_TYPE_ROMAN } from '../../core/api/decision';
import { REFUSAL_GROUNDS } from '../../core/domain/refusal-grounds';
import { docxText as docxToText, readDocx, norm, tables, type DocxTable } from '../helpers/docx-xml';
import {
  DECISION_FORMS,
  SAMPLE_IPPSU,
  SAMPLE_IPPSU_NUMBER,
  SAMPLE_LETTER,
  SAMPLE_PROVIDERS,
  SAMPLE_REFUSAL,
  SAMPLE_TEXT_ADDRESS,
  ippsuDraftSample,
  ippsuFinalSample,
  ippsuRuralSample,
  ippsuTextAddressSample,
  refusalSample,
  requestLetterSample,
} from '../../scripts/form-samples-decision';

const SLOW = 120_000;


/** Positions of each needle in order; fails when one is missing or out of order. */
function expectInOrder(text: string, needles: string[]): void {
  let last = -1;
  for (const n of needles) {
    const at = text.indexOf(norm(n), last + 1);
    expect(at, `«${n}» after position ${last}`).toBeGreaterThan(last);
    last = at;
  }
}

/** The text of the page headers (printed on every page). */
function headerText(buf: Buffer): string {
  const { parts } = readDocx(buf);
  return Object.entries(parts)
    .filter(([n]) => /^word\/header\d*\.xml$/.test(n))
    .map(([, x]) => x.replace(/<[^>]+>/g, ''))
    .join('\n');
}

describe('ИППСУ (874н, Приложение 2)', () => {
  let draft = '';
  let final = '';
  let draftRaw = '';
  let finalRaw = '';
  let draftHeader = '';
  let finalHeader = '';

  beforeAll(async () => {
    const d = await buildIppsu(ippsuDraftSample());
    const f = await buildIppsu(ippsuFinalSample());
    draftRaw = docxToText(d);
    finalRaw = docxToText(f);
    draft = norm(draftRaw);
    final = norm(finalRaw);
    draftHeader = headerText(d);
    finalHeader = headerText(f);
  }, SLOW);

  it('has the header: the office, the number and the date', () => {
    expectInOrder(final, [
      ippsuFinalSample().office.name,
      'ИНДИВИДУАЛЬНАЯ ПРОГРАММА предоставления социальных услуг',
      `№ ${SAMPLE_IPPSU_NUMBER}`,
      'дата составления: 17.03.2025',
    ]);
  });

  it('has items 1–14 in order, with СНИЛС after the identity document', () => {
    expectInOrder(final, [
      '1. Фамилия, имя, отчество (при наличии): Сидорова Валентина Петровна',
      '2. Пол: женский',
      '3. Дата рождения: 05.11.1941',
      '4. Адрес места жительства:',
      'Индекс Город (район) Село Улица Дом Корпус Квартира Телефон',
      '628012 г. Ханты-Мансийск — Мира 68 — 14 +7 (912) 345-67-89',
      '5. Адрес места работы:',
      'Индекс Город (район) Улица Дом Телефон —',
      '6. Серия, номер паспорта или данные иного документа, удостоверяющего личность, дата выдачи этих документов, наименование выдавшего органа: Паспорт гражданина РФ, серия 67 03 № 512344, дата выдачи 17.06.2003',
      'Страховой номер индивидуального лицевого счета (СНИЛС): 112-233-445 95',
      '7. Адрес электронной почты (при наличии): —',
      '8. Индивидуальная программа предоставления социальных услуг разработана: впервые, повторно (нужное подчеркнуть) на срок до: 16.03.2026',
      `9. Форма социального обслуживания: ${SERVICE_FORM_LABELS.home}`,
      '10. Виды социальных услуг:',
      '11. Условия предоставления социальных услуг:',
      '12. Перечень рекомендуемых поставщиков социальных услуг:',
      '13. Отказ от социального обслуживания, социальной услуги:',
      '14. Мероприятия по социальному сопровождению:',
      'С содержанием индивидуальной программы предоставления социальных услуг согласен(на)',
      '/ Сидорова В. П. /',
      'Лицо, уполномоченное на подписание индивидуальной программы предоставления социальных услуг',
      'Начальник управления',
      '/ Кузнецова О. В. /',
      'М.П.',
    ]);
  });

  it('has all seven type headings, each with the six columns, and the services under their type', () => {
    const headings = SERVICE_TYPES.map((t) => `${SERVICE_TYPE_ROMAN[t]}. ${SERVICE_TYPE_NAMES[t]}`);
    expectInOrder(final, ['10. Виды социальных услуг:', ...headings, '11. Условия предоставления']);
    const columns = norm(
      '№ п/п Наименование социальной услуги Объем предоставления социальной услуги ' +
        'Периодичность предоставления социальной услуги Срок предоставления услуги Отметка о выполнении',
    );
    expect(final.split(columns).length - 1).toBe(7);

    SERVICE_TYPES.forEach((t, i) => {
      const from = final.indexOf(norm(headings[i]!));
      const to = i < 6 ? final.indexOf(norm(headings[i + 1]!)) : final.indexOf(norm('11. Условия'));
      const section = final.slice(from, to);
      const ofType = SAMPLE_IPPSU.services.filter((s) => s.type === t);
      if (ofType.length === 0) expect(section.endsWith(`${columns} — `), `type ${t} prints «—»`).toBe(true);
      ofType.forEach((s, k) =>
        expect(section, s.name).toContain(norm(`${k + 1} ${s.name} ${s.volume} ${s.periodicity} ${s.term}`)),
      );
    });
  });

  it('has the conditions, the providers and the support measures', () => {
    expect(final).toContain(norm(`11. Условия предоставления социальных услуг: ${PAYMENT_LABELS.partial}. ${SAMPLE_IPPSU.conditions}`));
    SAMPLE_PROVIDERS.forEach((p, i) => expect(final).toContain(norm(`${i + 1} ${p.name} ${p.address} ${p.contacts}`)));
    const m = SAMPLE_IPPSU.supportMeasures![0]!;
    expect(final).toContain(norm(`1 ${m.kind} ${m.recipient}`));
  });

  it('the draft says «ПРОЕКТ» on every page and in the title; the final does not', () => {
    expect(draftRaw).toMatch(/ПРОЕКТ\s+ИНДИВИДУАЛЬНАЯ ПРОГРАММА/);
    expect(draftHeader).toContain('ПРОЕКТ — документ не подписан');
    expect(finalRaw).not.toMatch(/проект/i);
    expect(finalHeader).not.toMatch(/проект/i);
  });

  it('the draft has no number yet; the final has it', () => {
    expect(draft).toContain(norm('№ ____________ дата составления'));
    expect(draft).not.toContain(norm(SAMPLE_IPPSU_NUMBER));
    expect(final).toContain(norm(`№ ${SAMPLE_IPPSU_NUMBER}`));
  });
});

describe('ИППСУ: items 4 and 5, the address in the sub-fields of 874н', () => {
  /** The table right after the paragraph «N. label:». */
  async function itemTable(data: IppsuData, label: string): Promise<DocxTable> {
    const doc = readDocx(await buildIppsu(data));
    const at = doc.xml.indexOf(`${label}:</w:t>`);
    expect(at, label).toBeGreaterThan(0);
    return tables(doc).find((x) => doc.xml.indexOf(x.xml) > at)!;
  }
  const texts = (t: DocxTable) => t.rows.map((r) => r.map(norm));

  it('prints every part under its sub-field, in the order of the form, and the phone', async () => {
    expect(texts(await itemTable(ippsuRuralSample(), '4. Адрес места жительства'))).toEqual([
      ['индекс', 'город (район)', 'село', 'улица', 'дом', 'корпус', 'квартира', 'телефон'],
      ['628532', 'ханты-мансийский р-н', 'с. селиярово', 'братьев фирсовых', '24', '1', '2', '8 (3467) 37-81-15'],
    ]);
  });

  it('a person known by the one line only: the line across the address columns, never lost', async () => {
    const t = await itemTable(ippsuTextAddressSample(), '4. Адрес места жительства');
    expect(texts(t)[1]).toEqual([norm(SAMPLE_TEXT_ADDRESS), '—']);
    expect(t.rowXml[1]).toContain('<w:gridSpan w:val="7"/>');
  });

  it('item 5 has the sub-fields of the work address and a dash when there is none', async () => {
    expect(texts(await itemTable(ippsuFinalSample(), '5. Адрес места работы'))).toEqual([['индекс', 'город (район)', 'улица', 'дом', 'телефон'], ['—']]);
  });
});

describe('ИППСУ: who signs for the recipient', () => {
  it('the recipient signs, or the representative when one acts for them', async () => {
    const own = norm(docxToText(await buildIppsu(ippsuFinalSample())));
    const p = ippsuFinalSample().person;
    const recipient = shortName(`${p.lastName} ${p.firstName} ${p.middleName ?? ''}`);
    expect(own).toContain(norm(`согласен(на) ________________ / ${recipient} /`));
    const byRep = norm(docxToText(await buildIppsu({ ...ippsuFinalSample(), representativeName: 'Морозова Елена Николаевна' })));
    expect(byRep).toContain(norm('согласен(на) ________________ / Морозова Е. Н. /'));
    expect(byRep).not.toContain(norm(`согласен(на) ________________ / ${recipient} /`));
  });
});

describe('уведомление об отказе', () => {
  let text = '';
  let raw = '';
  let draftRaw = '';

  beforeAll(async () => {
    raw = docxToText(await buildRefusalNotice(refusalSample()));
    text = norm(raw);
    draftRaw = docxToText(await buildRefusalNotice(refusalSample(true)));
  }, SLOW);

  it('has the title, the addressee and the application', () => {
    expectInOrder(text, [
      refusalSample().office.name,
      '14.03.2025 № 15-01/2291',
      'Григорьев Анатолий Васильевич',
      '628002, Ханты-Мансийский автономный округ - Югра, г. Ханты-Мансийск, ул. Строителей, д. 23, кв. 41',
      'УВЕДОМЛЕНИЕ об отказе в признании гражданина нуждающимся в социальном обслуживании',
      'Уважаемый Анатолий Васильевич!',
      'зарегистрированное 03.03.2025 за № 39/2025',
    ]);
  });

  it('lists the chosen grounds verbatim, in the order of п. 31, and no others', () => {
    const chosen = REFUSAL_GROUNDS.filter((g) => SAMPLE_REFUSAL.grounds.includes(g.code));
    expect(chosen).toHaveLength(2);
    expectInOrder(
      text,
      chosen.map((g, i) => `${i + 1}) ${g.text} (п. 31 Административного регламента)`),
    );
    for (const g of REFUSAL_GROUNDS.filter((x) => !chosen.includes(x))) expect(text).not.toContain(norm(g.text));
  });

  it('has the motivated text, the appeal and the head’s signature', () => {
    for (const l of SAMPLE_REFUSAL.motivatedText.split('\n')) expect(text).toContain(norm(l));
    expectInOrder(text, [
      'Мотивированное обоснование отказа:',
      'досудебном (внесудебном) порядке',
      'директору Департамента социального развития',
      'пункты 55–71 Административного регламента',
      'в судебном порядке',
      'Начальник управления',
      '/ Кузнецова О. В. /',
    ]);
  });

  it('a draft is marked «ПРОЕКТ» and has no number; the signed one is not marked', () => {
    expect(draftRaw).toMatch(/ПРОЕКТ\s+УВЕДОМЛЕНИЕ/);
    expect(norm(draftRaw)).toContain(norm('14.03.2025 № __________'));
    expect(raw).not.toMatch(/проект/i);
  });
});

describe('межведомственный запрос (письмо)', () => {
  let text = '';

  beforeAll(async () => {
    text = norm(docxToText(await buildRequestLetter(requestLetterSample())));
  }, SLOW);

  it('has the blank, the number and date, and the addressee', () => {
    const d = requestLetterSample();
    expectInOrder(text, [d.office.name, d.office.address, d.office.phone, d.office.email, '04.03.2025 № 15-01/2187']);
    expect(text).toContain(norm(d.agencyName));
    expect(text).toContain(norm(d.agencyAddress!));
  });

  it('has the subject, the legal basis, the service and what is requested', () => {
    expectInOrder(text, [
      'О предоставлении сведений',
      'В соответствии со статьей 7.2 Федерального закона от 27 июля 2010 года N 210-ФЗ',
      'в целях предоставления государственной услуги по признанию граждан нуждающимися в социальном обслуживании и составлению индивидуальной программы предоставления социальных услуг',
      '(заявление рег. № 42/2025 от 03.03.2025)',
      '(пункт 25 Административного регламента предоставления этой услуги)',
      SAMPLE_LETTER.requested,
    ]);
  });

  it('has the person, the term of the answer, the signature and the executor', () => {
    expectInOrder(text, [
      'Фамилия, имя, отчество: Сидорова Валентина Петровна',
      'Дата рождения: 05.11.1941',
      'СНИЛС: 112-233-445 95',
      'Адрес места жительства (пребывания): 628012',
      'не позднее 5 рабочих дней со дня его получения (часть 3 статьи 7.2 Федерального закона N 210-ФЗ)',
      'Начальник управления',
      '/ Кузнецова О. В. /',
      'Исполнитель: Главный специалист-эксперт Петрова Марина Игоревна',
      'Тел.: (3467) 33-68-93, доб. 214',
    ]);
  });
});

describe('DECISION_FORMS', () => {
  it('builds every sample form', async () => {
    expect(DECISION_FORMS.map((f) => f.name)).toEqual(['ippsu-draft', 'ippsu', 'ippsu-rural', 'ippsu-text-address', 'refusal', 'request-letter']);
    for (const f of DECISION_FORMS) {
      const buf = await f.build();
      expect(buf.subarray(0, 2).toString(), f.name).toBe('PK');
    }
  });
});
