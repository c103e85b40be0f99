/**
 * The acts of Appendices 3 and 4: the schemas, the completeness rules, and
 * the printed forms (filled and blank) read back as text through LibreOffice
 * and, for the underlined choices, from the DOCX XML.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  ABILITY_LOSS_LABELS,
  Appendix3CitizenAct,
  Appendix3FamilyAct,
  Appendix4Act,
  CITIZEN_CATEGORY_LABELS,
  FAMILY_AMENITY_LABELS,
  FAMILY_CIRCUMSTANCE_LABELS,
  FAMILY_SOCIAL_STATUS_LABELS,
  HELP_REASON_LABELS,
  POSITIVE_FACTOR_LABELS,
  RELATION_TRAIT_LABELS,
  RISK_FACTOR_LABELS,
  SERVICE_FORM_LABELS,
  SERVICE_TYPES,
  SERVICE_TYPE_LABELS,
  appendix3CitizenComplete,
  appendix3FamilyComplete,
  appendix4Complete,
  degreeLabel,
} from '../../core/api/acts';
import { buildAppendix3Citizen, buildAppendix3Family } from '../../main/forms/appendix3';
import { buildAppendix4 } from '../../main/forms/appendix4';
import { docxText as docxToText, norm, readDocx, underlinedRuns as underlinedRunTexts } from '../helpers/docx-xml';
import {
  ACT_FORMS,
  CITIZEN_ACT,
  ELDERLY_PERSON,
  FAMILY_ACT,
  FAMILY_PERSON,
  NEED_ACT,
  NEFTEYUGANSK_CENTRE,
  SURGUT_CENTRE,
  appendix3CitizenSample,
  appendix3FamilySample,
  appendix4Sample,
} from '../../scripts/form-samples-acts';

const SLOW = 180_000;


/** Asserts the headings occur in this order; returns nothing. */
function expectInOrder(text: string, headings: string[]): void {
  let at = 0;
  for (const h of headings) {
    const i = text.indexOf(norm(h), at);
    expect(i, `«${h}» after position ${at}`).toBeGreaterThanOrEqual(0);
    at = i + 1;
  }
}

/** The normalized text between two headings (exclusive of the second). */
function between(text: string, from: string, to: string): string {
  const a = text.indexOf(norm(from));
  const b = text.indexOf(norm(to), a + 1);
  expect(a, `heading «${from}»`).toBeGreaterThanOrEqual(0);
  expect(b, `heading «${to}»`).toBeGreaterThan(a);
  return text.slice(a, b);
}

/** The texts of the underlined runs of a DOCX, normalized. */
function underlinedRuns(buf: Buffer): Set<string> {
  return new Set(underlinedRunTexts(readDocx(buf)).map(norm));
}

function expectUnderlined(runs: Set<string>, chosen: string[], notChosen: string[]): void {
  for (const c of chosen) expect(runs.has(norm(c)), `«${c}» underlined`).toBe(true);
  for (const c of notChosen) expect(runs.has(norm(c)), `«${c}» not underlined`).toBe(false);
}

// ================================================================== schemas

describe('act schemas', () => {
  it('accept the samples unchanged', () => {
    expect(Appendix3CitizenAct.parse(CITIZEN_ACT)).toEqual(CITIZEN_ACT);
    expect(Appendix3FamilyAct.parse(FAMILY_ACT)).toEqual(FAMILY_ACT);
    expect(Appendix4Act.parse(NEED_ACT)).toEqual(NEED_ACT);
  });

  it('accept an empty draft', () => {
    expect(Appendix3CitizenAct.parse({})).toMatchObject({ barthel: null, lawton: null });
    expect(Appendix3FamilyAct.safeParse({}).success).toBe(true);
    expect(Appendix4Act.safeParse({}).success).toBe(true);
  });

  it('turn blank inputs into absent values and typed numbers into numbers', () => {
    const a = Appendix3CitizenAct.parse({
      number: '  ',
      date: '',
      familyStatus: '',
      degree: '4',
      perCapitaIncome: '24 817,36',
      household: [{ fullName: '' }, { fullName: 'Захаров Иван Петрович', birthYear: '1960' }],
    });
    expect(a.number).toBeUndefined();
    expect(a.date).toBeUndefined();
    expect(a.familyStatus).toBeUndefined();
    expect(a.degree).toBe(4);
    expect(a.perCapitaIncome).toBe(24817.36);
    expect(a.household).toEqual([expect.objectContaining({ fullName: 'Захаров Иван Петрович', birthYear: 1960 })]);
  });

  it('keep multiple choices in the form order without duplicates', () => {
    const a = Appendix3CitizenAct.parse({ categories: ['disabled', 'old_age_pensioner', 'disabled'] });
    expect(a.categories).toEqual(['old_age_pensioner', 'disabled']);
  });

  it('reject wrong values with Russian messages', () => {
    const r = Appendix3CitizenAct.safeParse({
      categories: ['veteran'],
      degree: 11,
      date: '2025-02-30',
      barthel: { score: 105, band: 'x' },
    });
    expect(r.success).toBe(false);
    const messages = r.error!.issues.map((i) => i.message);
    expect(messages).toContain('Выберите вариант из списка');
    expect(messages).toContain('Степень: не больше 10');
    expect(messages).toContain('Неверная дата: укажите дату в формате ДД.ММ.ГГГГ');
    expect(messages).toContain('Шкала Бартела: не больше 100 баллов');
    const r4 = Appendix4Act.safeParse({ sex: 'm', paymentConditions: 'half' });
    expect(r4.error!.issues.map((i) => i.message)).toEqual(['Выберите вариант из списка', 'Выберите вариант из списка']);
  });
});

// ================================================================== completeness

describe('appendix3CitizenComplete', () => {
  it('a complete act lacks nothing', () => {
    expect(appendix3CitizenComplete(CITIZEN_ACT)).toEqual([]);
  });

  it('an empty draft lists every required item', () => {
    const gaps = appendix3CitizenComplete(Appendix3CitizenAct.parse({}));
    expect(gaps).toEqual([
      'Не указан номер акта',
      'Не указана дата акта',
      'Не указано наименование организации социального обслуживания',
      'Не указаны Ф.И.О. гражданина',
      'Не указан адрес проживания, по которому проведено обследование',
      'Не выбрана категория гражданина',
      'Не указано наличие индивидуальной программы реабилитации инвалида',
      'Не выбран семейный статус гражданина',
      'Не указано наличие вредных привычек',
      'Не указаны жилищные условия проживания или причины отсутствия жилья',
      'Не указан среднедушевой доход гражданина (семьи)',
      'Не указано количество баллов по шкале Бартела',
      'Не указано количество баллов по шкале Лаутона',
      'Не выбрана возможность выполнения бытовой деятельности',
      'Не выбрана способность к самостоятельному проживанию',
      'Не выбрана способность к независимой от посторонней постоянной помощи жизни',
      'Не выбрана способность к интеграции в общество',
      'Не выбрана степень социально-бытовой адаптации',
      'Не выбрано стремление к компенсации имеющихся нарушений',
      'Не выбрана степень в заключении',
      'Не указано, кто составил акт обследования',
      'Не отмечено, что гражданин подтвердил достоверность и полноту сведений',
      'Не отмечено согласие гражданина на обработку персональных данных',
    ]);
  });

  it('checks the conditional fields', () => {
    const act: Appendix3CitizenAct = {
      ...CITIZEN_ACT,
      disabilityGroup: undefined,
      health: { ...CITIZEN_ACT.health, iprNumber: undefined, prevention: ['other'] },
      familyStatus: 'with_family',
      household: [],
      badHabits: 'yes',
      housing: { type: 'other' },
      riskFactors: ['other'],
      helpReasons: ['other'],
    };
    expect(appendix3CitizenComplete(act)).toEqual([
      'Не указана группа инвалидности',
      'Не указаны другие профилактические меры',
      'Не указан номер индивидуальной программы реабилитации инвалида',
      'Не заполнены сведения о лицах, совместно проживающих с гражданином',
      'Не указано, какие вредные привычки',
      'Не указан вид жилья («другое»)',
      'Не указаны другие факторы риска',
      'Не указаны иные обстоятельства, ухудшающие условия жизнедеятельности',
    ]);
    const withRow = { ...CITIZEN_ACT, familyStatus: 'with_family' as const, household: [{ fullName: 'Захаров И. П.' }] };
    expect(appendix3CitizenComplete(withRow)).toEqual(['Совместно проживающие, строка 1: не указана степень родства']);
  });

  it('accepts the reasons for having no housing instead of the housing type', () => {
    expect(appendix3CitizenComplete({ ...CITIZEN_ACT, housing: undefined, noHousingReason: 'пожар' })).toEqual([]);
  });
});

describe('appendix3FamilyComplete', () => {
  it('a complete act lacks nothing', () => {
    expect(appendix3FamilyComplete(FAMILY_ACT)).toEqual([]);
  });

  it('an empty draft lists every required item', () => {
    expect(appendix3FamilyComplete(Appendix3FamilyAct.parse({}))).toEqual([
      'Не указан номер акта',
      'Не указана дата акта',
      'Не указано наименование организации социального обслуживания',
      'Не указаны Ф.И.О. гражданина',
      'Не указан адрес проживания, по которому проведено обследование',
      'Не заполнен состав семьи',
      'Не указаны жилищные условия семьи или причины отсутствия жилья',
      'Не указано, есть ли проблемы во взаимоотношениях в семье',
      'Не указан среднедушевой доход семьи',
      'Не указана дата, на которую рассчитан среднедушевой доход',
      'Не заполнено заключение комиссии',
      'Не указано, кто составил акт обследования',
      'Не отмечено, что гражданин подтвердил достоверность и полноту сведений',
      'Не отмечено согласие гражданина на обработку персональных данных',
    ]);
  });

  it('checks the rows and «иное»', () => {
    const act: Appendix3FamilyAct = {
      ...FAMILY_ACT,
      members: [{ relation: 'сын' }, ...FAMILY_ACT.members!.slice(1)],
      housing: { ...FAMILY_ACT.housing, type: 'other' },
      citizen: { ...FAMILY_ACT.citizen, pdConsent: false },
    };
    expect(appendix3FamilyComplete(act)).toEqual([
      'Состав семьи, строка 1: не указаны Ф.И.О.',
      'Не указан вид жилья («иное»)',
      'Не отмечено согласие гражданина на обработку персональных данных',
    ]);
  });
});

describe('appendix4Complete', () => {
  it('a complete act lacks nothing', () => {
    expect(appendix4Complete(NEED_ACT)).toEqual([]);
  });

  it('an empty draft lists every required item', () => {
    expect(appendix4Complete(Appendix4Act.parse({}))).toEqual([
      'Не указан номер акта',
      'Не указана дата акта',
      'Не указано наименование организации социального обслуживания',
      'Не указаны Ф.И.О. гражданина',
      'Не указана дата рождения',
      'Не указан пол',
      'Не выбрана категория гражданина',
      'Не выбрана рекомендованная форма социального обслуживания',
      'Не выбраны условия предоставления социального обслуживания',
      'Не указано ни одной рекомендованной социальной услуги',
      'Не указана необходимость социального сопровождения',
      'Не указано, кто составил акт оценки',
      'Не отмечено, что гражданин подтвердил достоверность и полноту сведений',
      'Не отмечено согласие гражданина на обработку персональных данных',
      'Не отмечено, что гражданин ознакомлен и согласен с условиями предоставления социальных услуг',
    ]);
  });

  it('checks the service rows, the durations and the escort', () => {
    const act: Appendix4Act = {
      ...NEED_ACT,
      serviceForms: ['home', 'stationary', 'stationary_special', 'semi_stationary'],
      services: { ...NEED_ACT.services, legal: [{ name: 'Оказание помощи в получении юридических услуг' }] },
      duration: { stationaryBasis: 'temporary', specialBasis: 'permanent' },
      escort: 'needed',
      escortKinds: [],
    };
    expect(appendix4Complete(act)).toEqual([
      'Социально-правовые, строка 1: не указан объем предоставления услуги',
      'Социально-правовые, строка 1: не указана периодичность предоставления услуги',
      'Социально-правовые, строка 1: не указан срок предоставления услуги',
      'Не указан срок предоставления социальных услуг на дому',
      'Не указан срок предоставления услуг в стационарной форме',
      'Не указан срок предоставления услуг в полустационарной форме',
      'Не указан вид социального сопровождения',
    ]);
  });
});

// ================================================================== printed forms

const CITIZEN_HEADINGS = [
  'Приложение 3',
  'к Административному регламенту',
  'Акт',
  'обследования условий жизнедеятельности граждан',
  '(наименование организации социального обслуживания)',
  'Ф.И.О.',
  'Адрес проживания, по которому проведено обследование',
  'Категория гражданина (нужное подчеркнуть): пенсионер по старости;',
  'военнослужащий, награжденный орденами или медалями СССР за службу в указанный период.',
  'Физическое здоровье:',
  'наличие заболевания (указать):',
  'частота обращений в медицинские организации (указать):',
  'профилактические мероприятия по укреплению здоровья (нужное подчеркнуть): занятия физическими упражнениями, оздоровление (в санаториях), прием витаминов, другие меры (указать):',
  'наличие действующей индивидуальной программы реабилитации инвалида, выданной учреждением медико-социальной экспертизы (нужное указать): да (№',
  'дата выдачи',
  'кем выдана',
  'наличие беспокойства у гражданина в состоянии здоровья (указать):',
  'Ф.И.О. участкового врача',
  'Семейный статус гражданина (нужное подчеркнуть): одинокий (ая); одинокие супружеские пары, проживающий (ая) с членами семьи, иными родственниками:',
  'Ф.И.О.',
  'Год рождения',
  'Степень родства',
  'Виды поддержки, ухода, помощи со стороны лица, совместно проживающего с гражданином',
  'Место работы/учебы лица, совместно проживающего с гражданином',
  'Категория лица, совместно проживающего с гражданином',
  'Социально-бытовые взаимоотношения совместно проживающих с гражданином (нужное подчеркнуть): нормальные, сложные, иное (указать)',
  'Наличие вредных привычек у гражданина, совместно проживающих с ним лиц: да (указать какие',
  'Наличие внутрисемейных конфликтов: (личностных отношений с лицами с наркотической или алкогольной зависимостью',
  'жестокое обращение с детьми (нужное указать)',
  'Жилищные условия проживания (нужное указать): дом, квартира (количество комнат -',
  'комната в коммунальной квартире, общежитии, другое',
  'этаж',
  'Наличие благоустройств (нужное подчеркнуть): отопление (централизованное, автономное газовое, печное), водоснабжение (холодная, горячая, колодец, колонка для набора воды, ванная, баня, канализация (да/нет), другое (указать)',
  'Обстановка в квартире:',
  'наличие необходимой мебели (указать какой)',
  'наличие бытовой техники (указать какой)',
  'наличие специальных средств для адаптации инвалида, ребенка-инвалида в быту (технических средств реабилитации) (указать каких)',
  'Удаленность жилья от (указать):',
  'транспортных коммуникаций (ближайшей остановки маршрутных транспортных средств) (км)',
  'продовольственных и промтоварных магазинов (км)',
  'почты (км)',
  'жилищно-коммунальных учреждений (км)',
  'расстояния до источника водоснабжения (км)',
  'Отсутствие жилья (причины):',
  'Социально-экономический статус:',
  'среднедушевой доход гражданина (семьи)',
  'рублей',
  'Дополнительные данные:',
  'Выявленные факторы риска, способствующие (способствовавшие) возникновению обстоятельств, ухудшающих условия жизнедеятельности гражданина (нужное указать): отсутствие членов семьи, родственников (полное отсутствие, по месту проживания, в данном населенном пункте, другое), одиночество',
  'Выявленные факторы, положительно влияющие на жизнедеятельность гражданина (нужное указать): наличие членов семьи, родственников, осуществляющих уход',
  'Определение индивидуальной оценки нуждаемости гражданина в социальном обслуживании:',
  'количество баллов по шкале Бартела (с приложением анкеты):',
  'количество баллов по шкале Лаутона (с приложением анкеты):',
  'общее количество баллов по шкалам Бартела и Лаутона:',
  'возможность выполнения бытовой деятельности (нужное подчеркнуть): утрачена полностью, утрачена частично, не утрачена;',
  'способность к самостоятельному проживанию (нужное подчеркнуть): утрачена полностью, утрачена частично, не утрачена;',
  'способность к независимой от посторонней постоянной помощи жизни (нужное подчеркнуть): утрачена полностью, утрачена частично, не утрачена;',
  'способность к интеграции в общество (нужное подчеркнуть): сохранена в полном объеме, сохранена частично, полностью утрачена;',
  'степень социально-бытовой адаптации (нужное подчеркнуть): выраженные ограничения, частичные ограничения, не ограничена;',
  'стремление к компенсации имеющихся нарушений (нужное подчеркнуть): активное, маловыраженное, отсутствует.',
  'Заключение:',
  'по выполнению различных видов жизнедеятельности для предоставления социального обслуживания (нужное подчеркнуть): 0 степень, 1 степень, 2 степень, 3 степень, 4 степень, 5 степень, 6 степень, 7 степень, 8 степень, 9 степень, 10 степень;',
  'потребность в постоянной, периодической или разовой посторонней помощи вследствие (нужное подчеркнуть): частичной или полной утраты способности к самообслуживанию',
  'иные обстоятельства, ухудшающие обстоятельства условия жизнедеятельности (указать):',
  'Акт обследования социально-бытовых условий гражданина социальных услуг составил:',
  'Ф.И.О.',
  'подпись',
  'Присутствовали при составлении акта социально-бытовых условий гражданина социальных услуг:',
  'Гражданин:',
  'достоверность и полноту настоящих сведений подтверждаю;',
  'на обработку персональных данных о себе в соответствии со статьей 9 Федерального закона от 27 июля 2006 года № 152-ФЗ «О персональных данных» согласен (на)',
  'подпись',
];

const FAMILY_HEADINGS = [
  'Приложение 3',
  'Акт',
  'обследования условий жизнедеятельности семей',
  '(наименование организации социального обслуживания)',
  'Ф.И.О.',
  'Адрес проживания, по которому проведено обследование',
  'Сведения о семье',
  'Социальный статус семьи (нужное подчеркнуть): многодетная семья, неполная семья, малообеспеченная семья, семья безработных, семья чернобыльца, семья афганца, семья вынужденных переселенцев, один из родителей (оба родителя) инвалид(ы), семья, воспитывающая ребенка-инвалида (детей), семья, потерявшая кормильца',
  'Состав семьи',
  'Ф.И.О.',
  'Дата рождения',
  'Степень родства',
  'Место работы/учебы лица, совместно проживающего с гражданином',
  'Категория лица, совместно проживающего с гражданином',
  'Существуют ли обстоятельства, которые ухудшают или могут ухудшить условия жизнедеятельности одного из членов семьи (нужное подчеркнуть):',
  `${FAMILY_CIRCUMSTANCE_LABELS.children_adaptation};`,
  `${FAMILY_CIRCUMSTANCE_LABELS.no_foster_training}.`,
  'Дополнительная информация',
  'Жилищные условия',
  'Жилищные условия семьи по месту фактического проживания (нужное подчеркнуть):',
  'частный дом, отдельная квартира, комната в коммунальной квартире, комната в общежитии, иное (указать)',
  'Форма собственности жилья:',
  'государственное или муниципальное (нужное подчеркнуть): служебное, общежитие, жилое помещение маневренного фонда.',
  'Занимаемая площадь, количество комнат',
  'Состояние жилья:',
  'санитарно-гигиеническое (нужное подчеркнуть): хорошее/удовлетворительное/плохое/антисанитарное)',
  'необходимость проведения ремонта (нужное подчеркнуть): нет/косметический/капитальный',
  'Благоустройство жилого помещения (нужное подчеркнуть):',
  'теплоснабжение: печное, центральное, газовое;',
  'водоснабжение: горячее, холодное; газ; канализация; телефон; лифт; ванная и т.д.',
  'Отсутствие жилья (причины):',
  'Дополнительная информация',
  'Характер взаимоотношений между членами семьи',
  '(нужное подчеркнуть)',
  'Есть ли проблемы во взаимоотношениях, напряженная обстановка в семье (нужное подчеркнуть): да/нет',
  'Взаимоотношения нарушены. Неблагоприятный психологический микроклимат, эмоционально-конфликтные отношения. Неудобство, дискомфорт и холодность, семейная атмосфера полна скрытости и недоверия, отношения строятся на долженствовании и подчинении. В семье действует механизм избегания: погружение в работу или в какие-то дела вне дома, общение сведено к минимуму; апатичность, равнодушие к себе и к тому, что их окружает; члены семьи деспотично и грубо подавляют других. Различия семейных ценностей',
  'Характеристика родителей (занимаются ли они должным образом воспитанием своих детей, личное поведение родителей; их образ жизни, наличие наркотической и алкогольной зависимостей, пристрастие к азартным играм; привлекались ли к ответственности, обсуждалось ли их поведение на заседании комиссии по делам несовершеннолетних и защите их прав):',
  'Материальное положение семьи',
  'Источники дохода:',
  'доход членов семьи, проживающих совместно',
  'алименты',
  'помощь фондов, организаций',
  'другое',
  'Среднедушевой доход по состоянию на',
  'руб.',
  'Меры социальной поддержки',
  'Обязательные расходы (платежи, медикаменты)',
  'Дополнительная информация',
  'Заключение комиссии по итогам проведения оценки потребности в предоставлении социальных услуг',
  'Акт обследования социально-бытовых условий семей, нуждающихся в социальном обслуживании, составил:',
  'Присутствовали при составлении акта социально-бытовых условий семей, нуждающихся в социальном обслуживании:',
  'Гражданин:',
  'достоверность и полноту настоящих сведений подтверждаю;',
  'согласен (на)',
];

const NEED_HEADINGS = [
  'Приложение 4',
  'Акт',
  'оценки индивидуальной потребности гражданина',
  '(наименование организации социального обслуживания)',
  'Ф.И.О.',
  'Дата рождения',
  'пол (нужное подчеркнуть): муж./жен.',
  'Категория гражданина (нужное подчеркнуть): пенсионер по старости;',
  'Рекомендованные формы социального обслуживания (нужное подчеркнуть):',
  'предоставление социальных услуг в форме социального обслуживания на дому;',
  'предоставление социальных услуг в стационарной форме;',
  'предоставление социальных услуг в стационарной форме социального обслуживания со специальным социальным обслуживанием;',
  'предоставление социальных услуг в полустационарной форме социального обслуживания.',
  'Условия предоставления социального обслуживания (нужное подчеркнуть): бесплатно, с частичной оплатой, с полной оплатой.',
  'Рекомендованные виды, объем, периодичность социальных услуг (в соответствии с перечнем социальных услуг, предоставляемых поставщиками социальных услуг в Ханты-Мансийском автономном округе - Югре» (нужное указать):',
  ...SERVICE_TYPES.flatMap((t) => [
    SERVICE_TYPE_LABELS[t].caption,
    '№ п/п',
    SERVICE_TYPE_LABELS[t].nameColumn,
    'Объем предоставления услуги',
    'Периодичность предоставления услуги',
    'Срок предоставления услуги',
  ]),
  'Рекомендуемая продолжительность предоставления социальных услуг:',
  'в форме социального обслуживания на дому:',
  'на срок до',
  'в стационарной форме: на постоянной основе, на временной основе на срок до',
  'в стационарной форме социального обслуживания со специальным социальным обслуживанием: на постоянной основе, на временной основе на срок до',
  'в полустационарной форме социального обслуживания: на срок до',
  'Необходимость социального сопровождения (нужное подчеркнуть): не нуждается, нуждается (нужное указать):',
  'Вид социального сопровождения',
  'Дополнительные данные',
  'Акт оценки индивидуальной потребности граждан составил:',
  'Присутствовали при составлении акта оценки индивидуальной потребности гражданина:',
  'Гражданин:',
  'с условиями предоставления социальных услуг ознакомлен (на) и согласен (на);',
  'достоверность и полноту настоящих сведений подтверждаю;',
  'согласен (на)',
];

/** Data of the samples that must not appear on blank forms. */
const SAMPLE_DATA = [
  ELDERLY_PERSON.fullName,
  FAMILY_PERSON.fullName,
  SURGUT_CENTRE,
  NEFTEYUGANSK_CENTRE,
  'Энергетиков',
  'Гайнуллина',
  'Шайхутдинова',
  'Мельникова',
  'Ковалёв',
  'марта 2025',
  '№ 47',
  '№ 52',
  '№ 112',
  '31.03.2026',
];

interface Built {
  text: string;
  underlined: Set<string>;
}

async function read(buf: Promise<Buffer>): Promise<Built> {
  const b = await buf;
  return { text: norm(docxToText(b)), underlined: underlinedRuns(b) };
}

describe('Appendix 3, citizen: акт обследования условий жизнедеятельности граждан', () => {
  let filled: Built;
  let blank: Built;
  let blankForPerson: Built;

  beforeAll(async () => {
    filled = await read(buildAppendix3Citizen(appendix3CitizenSample()));
    blank = await read(buildAppendix3Citizen({ act: null }));
    blankForPerson = await read(buildAppendix3Citizen({ act: CITIZEN_ACT, person: ELDERLY_PERSON, blank: true }));
  }, SLOW);

  it('filled: has the headings in the regulation order', () => {
    expectInOrder(filled.text, CITIZEN_HEADINGS);
  });

  it('filled: has the sample data', () => {
    expectInOrder(filled.text, [
      'от «05» марта 2025 г. № 47',
      SURGUT_CENTRE,
      '(наименование организации социального обслуживания)',
      `Ф.И.О. ${ELDERLY_PERSON.fullName}`,
      `Адрес проживания, по которому проведено обследование ${ELDERLY_PERSON.address}`,
      'инвалид II группы',
      `наличие заболевания (указать): ${CITIZEN_ACT.health!.diseases};`,
      'да (№ 1207.5.86/2024, дата выдачи 15.10.2024), кем выдана Бюро медико-социальной экспертизы № 5',
      'Ф.И.О. участкового врача Мельникова Ирина Викторовна.',
      'жестокое обращение с детьми (нужное указать) не выявлено',
      'квартира (количество комнат - 1)',
      'этаж 4 (пятиэтажный дом), лифт (да/нет), пандус (да/нет)',
      'наличие бытовой техники (указать какой) холодильник, электроплита, стиральная машина, телевизор',
      'транспортных коммуникаций (ближайшей остановки маршрутных транспортных средств) (км) 0,3',
      'почты (км) 0,8; жилищно-коммунальных учреждений (км) 1,2',
      'среднедушевой доход гражданина (семьи) 24 817,36 рублей',
      `Дополнительные данные: ${CITIZEN_ACT.additionalInfo}`,
      'количество баллов по шкале Бартела (с приложением анкеты): 75 (умеренная зависимость)',
      'количество баллов по шкале Лаутона (с приложением анкеты): 4 (частичная зависимость)',
      'общее количество баллов по шкалам Бартела и Лаутона: 79',
      'составил: Специалист по социальной работе Гайнуллина Альбина Рашитовна Ф.И.О. подпись',
      'Заведующий отделением социального обслуживания на дому Лебедева Оксана Юрьевна Ф.И.О. подпись',
      '«05» марта 2025 г.',
      `согласен (на) ${ELDERLY_PERSON.fullName} Ф.И.О. подпись «05» марта 2025 г.`,
    ]);
  });

  it('filled: underlines the chosen options only', () => {
    expectUnderlined(
      filled.underlined,
      [
        CITIZEN_CATEGORY_LABELS.old_age_pensioner,
        'инвалид II группы',
        'прием витаминов',
        'да',
        'одинокий (ая)',
        'нет',
        'квартира',
        'централизованное',
        'холодная',
        'горячая',
        'ванная',
        RISK_FACTOR_LABELS.no_relatives,
        'в данном населенном пункте',
        RISK_FACTOR_LABELS.loneliness,
        POSITIVE_FACTOR_LABELS.amenities,
        POSITIVE_FACTOR_LABELS.compact_infrastructure,
        ABILITY_LOSS_LABELS.lost_partly,
        'сохранена частично',
        'частичные ограничения',
        'активное',
        degreeLabel(4),
        'периодической',
        HELP_REASON_LABELS.self_care_loss,
      ],
      [
        CITIZEN_CATEGORY_LABELS.disabled_child,
        'одинокие супружеские пары',
        'дом',
        'печное',
        'баня',
        RISK_FACTOR_LABELS.no_housing,
        'полное отсутствие',
        POSITIVE_FACTOR_LABELS.caring_relatives,
        ABILITY_LOSS_LABELS.lost_fully,
        'маловыраженное',
        degreeLabel(5),
        degreeLabel(0),
        'постоянной',
        HELP_REASON_LABELS.no_care,
      ],
    );
  });

  it('blank: has the headings and every option, but no data and nothing underlined', () => {
    expectInOrder(blank.text, CITIZEN_HEADINGS);
    expectInOrder(blank.text, ['от «____» ________________ 20___ г. № __________', 'инвалид __________ группы']);
    for (const label of Object.values(CITIZEN_CATEGORY_LABELS)) expect(blank.text).toContain(norm(label));
    for (const s of SAMPLE_DATA) expect(blank.text).not.toContain(norm(s));
    expect(blank.underlined.size).toBe(0);
  });

  it('blank for a known person: prints only the name and the address', () => {
    expectInOrder(blankForPerson.text, CITIZEN_HEADINGS);
    expect(blankForPerson.text).toContain(norm(`Ф.И.О. ${ELDERLY_PERSON.fullName}`));
    expect(blankForPerson.text).toContain(norm(ELDERLY_PERSON.address!));
    for (const s of ['Мельникова', 'Гайнуллина', 'марта 2025', '№ 47', '24 817,36']) {
      expect(blankForPerson.text).not.toContain(norm(s));
    }
    expect([...blankForPerson.underlined].sort()).toEqual([norm(ELDERLY_PERSON.address!), norm(ELDERLY_PERSON.fullName)].sort());
  });
});

describe('Appendix 3, family: акт обследования условий жизнедеятельности семей', () => {
  let filled: Built;
  let blank: Built;

  beforeAll(async () => {
    filled = await read(buildAppendix3Family(appendix3FamilySample()));
    blank = await read(buildAppendix3Family({ act: null }));
  }, SLOW);

  it('filled: has the headings in the regulation order', () => {
    expectInOrder(filled.text, FAMILY_HEADINGS);
  });

  it('filled: has the sample data', () => {
    expectInOrder(filled.text, [
      'от «11» марта 2025 г. № 112',
      NEFTEYUGANSK_CENTRE,
      `Ф.И.О. ${FAMILY_PERSON.fullName}`,
      FAMILY_PERSON.address!,
    ]);
    const members = between(filled.text, 'Состав семьи', 'Существуют ли обстоятельства');
    for (const m of FAMILY_ACT.members!) {
      const [y, mo, d] = m.birthDate!.split('-');
      expect(members).toContain(norm(`${m.fullName} ${d}.${mo}.${y} ${m.relation} ${m.workOrStudy} ${m.category}`));
    }
    expectInOrder(filled.text, [
      `Дополнительная информация ${FAMILY_ACT.familyInfo}`,
      'Занимаемая площадь, количество комнат 54,3 кв. м, комнат: 2',
      `Дополнительная информация ${FAMILY_ACT.housingInfo}`,
      FAMILY_ACT.parentsCharacteristic!,
      `доход членов семьи, проживающих совместно ${FAMILY_ACT.income!.members}`,
      'алименты не получают',
      'Среднедушевой доход по состоянию на «01» марта 2025 г. 18 425,00 руб.',
      `Меры социальной поддержки ${FAMILY_ACT.income!.supportMeasures}`,
      FAMILY_ACT.conclusion!,
      'Специалист по социальной работе Шайхутдинова Регина Ильдаровна Ф.И.О. подпись',
      'Психолог Никитина Дарья Олеговна Ф.И.О. подпись',
      'муж заявителя Ковалёв Дмитрий Сергеевич Ф.И.О. подпись',
      '«11» марта 2025 г.',
      `${FAMILY_PERSON.fullName} Ф.И.О. подпись`,
    ]);
  });

  it('filled: underlines the chosen options only', () => {
    expectUnderlined(
      filled.underlined,
      [
        FAMILY_SOCIAL_STATUS_LABELS.low_income,
        FAMILY_SOCIAL_STATUS_LABELS.disabled_children,
        FAMILY_CIRCUMSTANCE_LABELS.children_adaptation,
        'отдельная квартира',
        'удовлетворительное',
        'косметический',
        'центральное',
        FAMILY_AMENITY_LABELS.hot_water,
        FAMILY_AMENITY_LABELS.cold_water,
        FAMILY_AMENITY_LABELS.sewerage,
        FAMILY_AMENITY_LABELS.bath,
        'нет',
      ],
      [
        FAMILY_SOCIAL_STATUS_LABELS.large,
        FAMILY_CIRCUMSTANCE_LABELS.no_work,
        'частный дом',
        'муниципальное',
        'плохое',
        'капитальный',
        'печное',
        FAMILY_AMENITY_LABELS.gas,
        'да',
        RELATION_TRAIT_LABELS.disrupted,
      ],
    );
  });

  it('blank: has the headings, but no data and nothing underlined', () => {
    expectInOrder(blank.text, FAMILY_HEADINGS);
    expect(blank.text).toContain(norm('Среднедушевой доход по состоянию на «____» ________________ 20___ г.'));
    for (const s of SAMPLE_DATA) expect(blank.text).not.toContain(norm(s));
    expect(blank.underlined.size).toBe(0);
  });
});

describe('Appendix 4: акт оценки индивидуальной потребности гражданина', () => {
  let filled: Built;
  let blank: Built;
  let blankForPerson: Built;

  beforeAll(async () => {
    filled = await read(buildAppendix4(appendix4Sample()));
    blank = await read(buildAppendix4({ act: null }));
    blankForPerson = await read(buildAppendix4({ act: NEED_ACT, person: ELDERLY_PERSON, blank: true }));
  }, SLOW);

  it('filled: has the headings in the regulation order', () => {
    expectInOrder(filled.text, NEED_HEADINGS);
  });

  it('filled: has the sample data, every service in its table', () => {
    expectInOrder(filled.text, [
      'от «07» марта 2025 г. № 52',
      SURGUT_CENTRE,
      `Ф.И.О. ${ELDERLY_PERSON.fullName}`,
      'Дата рождения 12.04.1938 пол',
      'инвалид II группы',
    ]);
    SERVICE_TYPES.forEach((t, i) => {
      const next = SERVICE_TYPES[i + 1];
      const section = between(
        filled.text,
        SERVICE_TYPE_LABELS[t].caption,
        next ? SERVICE_TYPE_LABELS[next].caption : 'Рекомендуемая продолжительность',
      );
      const rows = NEED_ACT.services![t] ?? [];
      rows.forEach((r, n) => {
        expect(section).toContain(norm(`${n + 1} ${r.name} ${r.volume} ${r.frequency} ${r.term}`));
      });
      if (rows.length === 0) expect(section).toContain('— — — — —');
    });
    expectInOrder(filled.text, [
      'в форме социального обслуживания на дому: на срок до 31.03.2026;',
      `Дополнительные данные ${NEED_ACT.additionalInfo}`,
      'составил: Специалист по социальной работе Гайнуллина Альбина Рашитовна Ф.И.О. подпись',
      '«07» марта 2025 г.',
      `согласен (на) ${ELDERLY_PERSON.fullName} Ф.И.О. подпись «07» марта 2025 г.`,
    ]);
  });

  it('filled: underlines the chosen options only', () => {
    expectUnderlined(
      filled.underlined,
      [
        'жен.',
        CITIZEN_CATEGORY_LABELS.old_age_pensioner,
        'инвалид II группы',
        SERVICE_FORM_LABELS.home,
        'бесплатно',
        'не нуждается',
      ],
      [
        'муж.',
        CITIZEN_CATEGORY_LABELS.wwii_participant,
        SERVICE_FORM_LABELS.stationary,
        SERVICE_FORM_LABELS.semi_stationary,
        'с полной оплатой',
        'нуждается',
        'на постоянной основе',
      ],
    );
  });

  it('blank: has the headings and empty tables, but no data and nothing underlined', () => {
    expectInOrder(blank.text, NEED_HEADINGS);
    expect(blank.text).toContain(norm('Дата рождения _________________ пол'));
    for (const s of SAMPLE_DATA) expect(blank.text).not.toContain(norm(s));
    for (const r of Object.values(NEED_ACT.services!).flat()) expect(blank.text).not.toContain(norm(r.name!));
    expect(blank.underlined.size).toBe(0);
  });

  it('blank for a known person: the name, date of birth and sex only', () => {
    expectInOrder(blankForPerson.text, NEED_HEADINGS);
    expect(blankForPerson.text).toContain(norm(`Ф.И.О. ${ELDERLY_PERSON.fullName}`));
    expect(blankForPerson.text).toContain(norm('Дата рождения 12.04.1938'));
    for (const s of ['Гайнуллина', 'марта 2025', '№ 52', 'Помощь в приготовлении пищи']) {
      expect(blankForPerson.text).not.toContain(norm(s));
    }
    expect([...blankForPerson.underlined].sort()).toEqual([norm('12.04.1938'), norm('жен.'), norm(ELDERLY_PERSON.fullName)].sort());
  });
});

describe('ACT_FORMS', () => {
  it('lists the filled and blank variants of the three acts', () => {
    expect(ACT_FORMS.map((f) => f.name)).toEqual([
      'act3-citizen',
      'act3-citizen-blank',
      'act3-family',
      'act3-family-blank',
      'act4',
      'act4-blank',
    ]);
  });
});
