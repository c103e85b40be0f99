/**
 * Realistic sample data for the decision-stage forms (ИППСУ, refusal notice,
 * interagency request letter) and the answer to a complaint, used by the
 * form previews and tests. Service
 * names come from resources/reference/services.json, agencies from
 * agencies.json; the people, providers, numbers and dates are made up.
 */
import { IppsuDraft, InteragencyRequestLetter, RefusalDraft, type IppsuService } from '../core/api/decision';
import services from '../resources/reference/services.json';
import agencies from '../resources/reference/agencies.json';
import { buildIppsu, type IppsuData } from '../main/forms/ippsu';
import { buildRefusalNotice, type RefusalData } from '../main/forms/refusal';
import { buildRequestLetter, type RequestLetterData } from '../main/forms/request-letter';
import { formatAddress } from '../core/domain/address';
import type { ComplaintAnswerData } from '../main/forms/complaint-answer';
import { SAMPLE_CASE, SAMPLE_OFFICE } from './form-samples';

/** A catalogue service with the volume, periodicity and term of the programme. */
function svc(code: string, volume: string, periodicity: string, term: string): IppsuService {
  const s = services.find((x) => x.code === code);
  if (!s) throw new Error(`No service ${code} in services.json`);
  return { type: s.type, serviceCode: s.code, name: s.name, volume, periodicity, term };
}

const TERM = 'до 16.03.2026';
const a = SAMPLE_CASE.applicant;

export const SAMPLE_IPPSU_PERSON: IppsuData['person'] = {
  lastName: a.lastName,
  firstName: a.firstName,
  middleName: a.middleName,
  sex: a.sex,
  birthDate: a.birthDate,
  snils: a.snils,
  address: a.regAddress,
  addressParts: a.regAddressParts,
  phone: a.phone,
  email: null,
  workAddress: null,
  idDoc: {
    kind: a.idDoc.kind,
    series: a.idDoc.series,
    number: a.idDoc.number,
    issuer: a.idDoc.issuer,
    issueDate: a.idDoc.issueDate,
  },
};

export const SAMPLE_PROVIDERS = [
  {
    name: 'Бюджетное учреждение Ханты-Мансийского автономного округа - Югры «Ханты-Мансийский комплексный центр социального обслуживания населения»',
    address: '628011, Ханты-Мансийский автономный округ - Югра, г. Ханты-Мансийск, ул. Гагарина, д. 106',
    contacts: 'тел. (3467) 32-15-40, эл. почта: hmkcson@example.ru',
  },
  {
    name: 'Автономная некоммерческая организация «Центр социальной помощи «Забота»»',
    address: '628007, Ханты-Мансийский автономный округ - Югра, г. Ханты-Мансийск, ул. Энгельса, д. 45, офис 12',
    contacts: 'тел. +7 (3467) 30-01-27',
  },
];

/** A programme «на дому» for the applicant of the reception samples; types IV and V left empty. */
export const SAMPLE_IPPSU: IppsuDraft = IppsuDraft.parse({
  date: '2025-03-17',
  firstOrRepeat: 'first',
  termUntil: '2026-03-16',
  form: 'home',
  services: [
    svc('sb-05', '8 услуг в месяц', '2 раза в неделю', TERM),
    svc('sb-06', '12 услуг в месяц', '3 раза в неделю', TERM),
    svc('sb-07', '1 услуга в месяц', '1 раз в месяц', TERM),
    svc('sb-12', '4 услуги в месяц', '1 раз в неделю', TERM),
    svc('sm-01', '8 услуг в месяц', '2 раза в неделю', TERM),
    svc('sp-01', '1 консультация', '1 раз в квартал', TERM),
    svc('spr-01', '1 услуга', 'по мере необходимости', TERM),
    svc('sk-01', '2 занятия', '1 раз в полугодие', TERM),
  ],
  providers: SAMPLE_PROVIDERS,
  payment: 'partial',
  supportMeasures: [
    {
      kind: 'Содействие в получении медицинской помощи, не относящейся к социальным услугам (сопровождение на прием к врачу-терапевту)',
      recipient: 'БУ «Окружная клиническая больница»',
    },
  ],
  conditions:
    'Социальные услуги предоставляются на основании договора о предоставлении социальных услуг, заключенного с поставщиком социальных услуг; доступ в жилое помещение обеспечивает дочь получателя',
});

export const SAMPLE_IPPSU_NUMBER = '86-15/118';

export function ippsuDraftSample(): IppsuData {
  return { office: SAMPLE_OFFICE, person: SAMPLE_IPPSU_PERSON, ippsu: SAMPLE_IPPSU, draft: true };
}

/** A village in a district, with a building: every sub-field of item 4 filled. */
const SAMPLE_RURAL_ADDRESS = {
  index: '628532',
  district: 'Ханты-Мансийский р-н',
  settlement: 'с. Селиярово',
  street: 'Братьев Фирсовых',
  house: '24',
  building: '1',
  flat: '2',
} as const;

/** A person entered before addresses were asked in parts: item 4 prints the one line. */
export const SAMPLE_TEXT_ADDRESS = '628011, Ханты-Мансийский автономный округ - Югра, г. Ханты-Мансийск, ул. Чехова, д. 12, кв. 3';

export function ippsuRuralSample(): IppsuData {
  return {
    ...ippsuFinalSample(),
    person: { ...SAMPLE_IPPSU_PERSON, address: formatAddress(SAMPLE_RURAL_ADDRESS), addressParts: SAMPLE_RURAL_ADDRESS, phone: '8 (3467) 37-81-15' },
  };
}

export function ippsuTextAddressSample(): IppsuData {
  return { ...ippsuFinalSample(), person: { ...SAMPLE_IPPSU_PERSON, address: SAMPLE_TEXT_ADDRESS, addressParts: null, phone: null } };
}

export function ippsuFinalSample(): IppsuData {
  return {
    office: SAMPLE_OFFICE,
    person: SAMPLE_IPPSU_PERSON,
    ippsu: { ...SAMPLE_IPPSU, number: SAMPLE_IPPSU_NUMBER },
    number: SAMPLE_IPPSU_NUMBER,
    draft: false,
    signer: { position: 'Начальник управления', name: SAMPLE_OFFICE.headName! },
  };
}

// ------------------------------------------------------------------ refusal

/** An application for stationary care refused on two grounds (chosen out of the order of п. 31). */
export const SAMPLE_REFUSAL: RefusalDraft = RefusalDraft.parse({
  grounds: ['medical-contraindications', 'documents-incomplete'],
  motivatedText:
    'Согласно заключению уполномоченной медицинской организации от 05.03.2025 № 118 о наличии (отсутствии) ' +
    'заболеваний, включенных в перечень медицинских противопоказаний, у заявителя выявлен туберкулез органов дыхания ' +
    'в активной фазе, что является противопоказанием к предоставлению социальных услуг в стационарной форме.\n' +
    'Кроме того, не представлены документы, подтверждающие полученные в денежной форме доходы заявителя за двенадцать ' +
    'последних календарных месяцев, предшествующих месяцу подачи заявления (пункт 21 Административного регламента).',
  date: '2025-03-14',
});

export function refusalSample(draft = false): RefusalData {
  return {
    office: SAMPLE_OFFICE,
    person: {
      lastName: 'Григорьев',
      firstName: 'Анатолий',
      middleName: 'Васильевич',
      sex: 'male',
      address: '628002, Ханты-Мансийский автономный округ - Югра, г. Ханты-Мансийск, ул. Строителей, д. 23, кв. 41',
    },
    refusal: SAMPLE_REFUSAL,
    number: draft ? undefined : '15-01/2291',
    draft,
    journalNumber: '39/2025',
    applicationDate: '2025-03-03',
  };
}

// ------------------------------------------------------------------ request letter

const mvd = agencies.find((x) => x.code === 'mvd')!;

export const SAMPLE_LETTER: InteragencyRequestLetter = InteragencyRequestLetter.parse({
  agencyCode: mvd.code,
  requested: mvd.provides[0],
  person: {
    lastName: a.lastName,
    firstName: a.firstName,
    middleName: a.middleName,
    birthDate: a.birthDate,
    snils: a.snils,
    address: a.regAddress,
  },
  number: '15-01/2187',
  date: '2025-03-04',
  signer: { position: 'Начальник управления', name: SAMPLE_OFFICE.headName },
  executor: { name: 'Петрова Марина Игоревна', position: 'Главный специалист-эксперт', phone: '(3467) 33-68-93, доб. 214' },
  applicationNumber: SAMPLE_CASE.journalNumber,
  applicationDate: '2025-03-03',
});

export function requestLetterSample(): RequestLetterData {
  return {
    office: SAMPLE_OFFICE,
    agencyName: mvd.name,
    agencyAddress: '628012, Ханты-Мансийский автономный округ - Югра, г. Ханты-Мансийск, ул. Ленина, д. 55',
    letter: SAMPLE_LETTER,
  };
}

/** A satisfied complaint about a late registration, answered by the deputy director of the Department. */
export function complaintAnswerSample(): ComplaintAnswerData {
  return {
    office: { ...SAMPLE_OFFICE, email: SAMPLE_OFFICE.email ?? '' },
    complaint: {
      number: 'Ж-3-2025',
      receivedDate: '2025-03-10',
      registeredDate: '2025-03-10',
      applicant: { lastName: a.lastName, firstName: a.firstName, middleName: a.middleName, postalAddress: a.regAddress },
      subjectOfficial: 'Специалист-эксперт отдела социального обслуживания Иванова И. И.',
      subjectDecision: 'Регистрация заявления о предоставлении социальных услуг',
      subjects: ['registration_term'],
      outcome: 'satisfied',
      ground: null,
      decidingBody: 'Департамент социального развития Ханты-Мансийского автономного округа - Югры',
      decidedByPosition: 'Заместитель директора Департамента',
      decidedByName: 'Петров Пётр Петрович',
      decisionNumber: '15-жал',
      decisionDate: '2025-03-21',
      decisionPlace: 'г. Ханты-Мансийск',
      reasons: 'Заявление поступило 03.03.2025 и зарегистрировано 05.03.2025, позже срока пункта 35 Административного регламента.',
      measures: 'Специалисту указано на соблюдение сроков регистрации заявлений.',
      remedyDue: '2025-03-28',
    },
    answerNumber: '15-01/2410',
    answerDate: '2025-03-24',
    executor: { name: 'Петрова Марина Игоревна', position: 'Главный специалист', phone: '(3467) 33-68-93, доб. 214' },
  };
}

export const DECISION_FORMS: { name: string; build: () => Promise<Buffer> }[] = [
  { name: 'ippsu-draft', build: () => buildIppsu(ippsuDraftSample()) },
  { name: 'ippsu', build: () => buildIppsu(ippsuFinalSample()) },
  { name: 'ippsu-rural', build: () => buildIppsu(ippsuRuralSample()) },
  { name: 'ippsu-text-address', build: () => buildIppsu(ippsuTextAddressSample()) },
  { name: 'refusal', build: () => buildRefusalNotice(refusalSample()) },
  { name: 'request-letter', build: () => buildRequestLetter(requestLetterSample()) },
];
