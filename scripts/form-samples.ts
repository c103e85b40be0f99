/**
 * Realistic sample data for the printed forms: used by scripts/render-forms.ts
 * (previews) and by the form tests. Reference names come from
 * resources/reference; the people, numbers and dates are made up (СНИЛС
 * numbers have valid checksums). Add samples for new forms here.
 */
import type { OfficeView } from '../core/api/contract';
import type { CaseRow, CaseView } from '../core/api/reception';
import { formatAddress, type AddressParts } from '../core/domain/address';
import { TERMS } from '../core/domain/deadlines';
import offices from '../resources/reference/offices.json';
import subservices from '../resources/reference/subservices.json';
import agencies from '../resources/reference/agencies.json';
import mfcs from '../resources/reference/mfc.json';
import type { ReceiptData } from '../main/forms/receipt';
import type { JournalData, JournalRequest, JournalRow } from '../main/forms/journal';

const office = offices.find((o) => o.code === 'khanty-mansiysk')!;

export const SAMPLE_OFFICE: OfficeView = {
  code: office.code,
  number: office.number,
  territory: office.territory,
  name: office.name,
  address: office.address,
  phone: office.phone,
  email: office.email,
  headName: 'Кузнецова Ольга Викторовна',
  headPosition: 'Начальник управления',
  locallyModified: false,
  rev: 1,
};

export const SUBSERVICE_NAMES: Record<string, string> = Object.fromEntries(subservices.map((s) => [s.code, s.name]));
/** As the forms print them (main/backend/refdata.ts agencyPrintNames): the short current names. */
export const AGENCY_NAMES: Record<string, string> = Object.fromEntries(agencies.map((a) => [a.code, a.shortName ?? a.name]));
export const MFC_NAMES: Record<string, string> = Object.fromEntries(mfcs.map((m) => [m.code, m.name]));

const SPECIALIST = { name: 'Петрова Марина Игоревна', position: 'Главный специалист-эксперт отдела социального обслуживания' };

/** An application «на дому» brought in person by the applicant's daughter (power of attorney). */
/** The applicant's address in parts (the ИППСУ prints them as items 4's sub-fields). */
const SAMPLE_ADDRESS: AddressParts = { index: '628012', district: 'г. Ханты-Мансийск', street: 'Мира', house: '68', flat: '14' };

export const SAMPLE_CASE: CaseView = {
  id: 42,
  rev: 1,
  journalNumber: '42/2025',
  journalYear: 2025,
  journalSeq: 42,
  personId: 17,
  applicantName: 'Сидорова Валентина Петровна',
  applicantBirthDate: '1941-11-05',
  snils: '11223344595',
  subservice: 'home',
  channel: 'in_person',
  status: 'registered',
  receivedAt: '2025-03-03T10:15',
  registeredAt: '2025-03-03T05:27:00.000Z',
  registeredByName: SPECIALIST.name,
  dueResult: '2025-03-24',
  nextDue: '2025-03-04',
  nextDueKind: 'requests',
  urgency: 'later',
  annulReason: null,
  responsibleId: null,
  responsibleName: null,
  registeredLate: false,
  appliedTerms: { ...TERMS },
  reviewOfDecisionId: null,
  applicant: {
    lastName: 'Сидорова',
    firstName: 'Валентина',
    middleName: 'Петровна',
    birthDate: '1941-11-05',
    sex: 'female',
    snils: '11223344595',
    citizenship: 'rf',
    idDoc: {
      kind: 'passport_rf',
      series: '67 03',
      number: '512344',
      issuer: 'ОВД г. Ханты-Мансийска Ханты-Мансийского автономного округа',
      issueDate: '2003-06-17',
    },
    regAddress: formatAddress(SAMPLE_ADDRESS),
    regAddressParts: SAMPLE_ADDRESS,
    actualAddress: undefined,
    phone: '+7 (912) 345-67-89',
    email: undefined,
  },
  representative: {
    fullName: 'Морозова Елена Николаевна',
    idDoc: { kind: 'passport_rf', series: '67 10', number: '204518', issuer: 'УФМС России по ХМАО - Югре', issueDate: '2011-02-09' },
    authority: 'power_of_attorney',
    authorityNumber: '86 АА 3107254',
    authorityDate: '2025-01-15',
    phone: '+7 (908) 881-22-47',
  },
  mfcCode: null,
  mfcName: null,
  lgota: null,
  circumstances: { disabled: true, pensioner: true, relativesUnableToCare: 0 },
  application: {
    desiredServices: 'Покупка и доставка продуктов питания — 2 раза в неделю; уборка жилого помещения — 1 раз в неделю; сопровождение в поликлинику — по мере необходимости',
    desiredProviders: 'БУ «Ханты-Мансийский комплексный центр социального обслуживания населения»',
    livingConditions: 'Благоустроенная однокомнатная квартира на 4-м этаже, без лифта',
    household: 'Проживает одна; дочь Морозова Е. Н. проживает отдельно',
    consent: true,
  },
  registeredByPosition: SPECIALIST.position,
  annulledAt: null,
  deadlines: { registration: null, requests: '2025-03-04', decision: '2025-03-17', result: '2025-03-24', issue: null },
  documents: [
    {
      key: 'identity',
      title: 'документ, удостоверяющий личность гражданина',
      paragraph: 'п. 19',
      source: 'applicant',
      agencyCode: null,
      state: 'received',
      form: 'copy',
      sheets: 2,
    },
    {
      key: 'representative',
      title: 'документы, удостоверяющие личность и полномочия законного представителя',
      paragraph: 'п. 19',
      source: 'applicant',
      agencyCode: null,
      state: 'received',
      form: 'copy',
      sheets: 3,
    },
    {
      key: 'medical-conclusion',
      title:
        'заключение медицинской организации о состоянии здоровья гражданина, необходимости посторонней помощи вследствие частичной или полной утраты способности к самообслуживанию',
      paragraph: 'п. 19',
      source: 'applicant',
      agencyCode: null,
      state: 'received',
      form: 'original',
      sheets: 1,
    },
    {
      key: 'disability',
      title:
        'справка, подтверждающая факт установления инвалидности, индивидуальная программа реабилитации инвалида, выданные федеральным государственным учреждением медико-социальной экспертизы',
      paragraph: 'п. 19',
      source: 'applicant',
      agencyCode: null,
      state: 'not_provided',
      form: null,
      sheets: null,
    },
    {
      key: 'income',
      title:
        'документы, подтверждающие полученные в денежной форме доходы гражданина и совместно проживающих с ним членов семьи за двенадцать последних календарных месяцев, предшествующих месяцу подачи заявления, учитываемые при расчете среднедушевого дохода в соответствии с Постановлением Правительства Российской Федерации от 18 октября 2014 года N 1075 "Об утверждении Правил определения среднедушевого дохода для предоставления социальных услуг бесплатно" (за исключением доходов, получаемых в виде пенсии и (или) иных выплат в органах, осуществляющих пенсионное обеспечение)',
      paragraph: 'п. 19',
      source: 'applicant',
      agencyCode: null,
      state: 'received',
      form: 'copy',
      sheets: 4,
    },
    {
      key: 'social-support-rights',
      title:
        'справки, свидетельства или другие документы установленного образца о праве гражданина на меры социальной поддержки в соответствии с действующим законодательством',
      paragraph: 'п. 25',
      source: 'interagency',
      agencyCode: 'csv',
      state: 'to_request',
      form: null,
      sheets: null,
    },
    {
      key: 'criminal-record',
      title: 'сведения об отсутствии (либо наличии) у гражданина судимости',
      paragraph: 'п. 25',
      source: 'interagency',
      agencyCode: 'mvd',
      state: 'to_request',
      form: null,
      sheets: null,
    },
    {
      key: 'pension-amount',
      title:
        'справка о размере пенсии с учетом надбавок, ежемесячной денежной выплаты и других аналогичных выплат, выдаваемая органом, осуществляющим пенсионное обеспечение',
      paragraph: 'п. 25',
      source: 'interagency',
      agencyCode: 'sfr',
      state: 'to_request',
      form: null,
      sheets: null,
    },
    {
      key: 'social-support-measures',
      title:
        'справка о мерах социальной поддержки, выдаваемая казенным учреждением Ханты-Мансийского автономного округа - Югры "Центр социальных выплат Югры"',
      paragraph: 'п. 25',
      source: 'interagency',
      agencyCode: 'csv',
      state: 'to_request',
      form: null,
      sheets: null,
    },
    {
      key: 'snils',
      title:
        'сведения о страховом номере индивидуального лицевого счета гражданина в системе обязательного пенсионного страхования',
      paragraph: 'п. 25',
      source: 'interagency',
      agencyCode: 'sfr',
      state: 'received',
      form: 'copy',
      sheets: 1,
    },
    {
      key: 'cohabitation',
      title:
        'сведения о совместном проживании гражданина с членами семьи, указанными в заявлении о предоставлении социальных услуг, и о количестве зарегистрированных в жилом помещении граждан',
      paragraph: 'п. 25',
      source: 'interagency',
      agencyCode: 'fms',
      state: 'to_request',
      form: null,
      sheets: null,
    },
  ],
  prints: [],
  events: [],
  requests: [],
  proposedRequests: [],
  acts: [],
  decisions: [],
};

/** An application «в полустационарной форме» through the MFC; the applicant brought everything. */
export const SAMPLE_CASE_MFC: CaseView = {
  ...SAMPLE_CASE,
  id: 43,
  journalNumber: '43/2025',
  journalSeq: 43,
  personId: 18,
  applicantName: 'Ахмедов Рашид Ильдарович',
  applicantBirthDate: '1956-04-21',
  snils: '13456789090',
  subservice: 'semi-stationary',
  channel: 'mfc',
  receivedAt: '2025-03-04T16:40',
  registeredAt: '2025-03-05T04:10:00.000Z',
  registeredByName: 'Лебедева Ксения Андреевна',
  registeredByPosition: 'Специалист-эксперт отдела социального обслуживания',
  dueResult: '2025-03-26',
  nextDue: '2025-03-19',
  nextDueKind: 'decision',
  applicant: {
    ...SAMPLE_CASE.applicant,
    lastName: 'Ахмедов',
    firstName: 'Рашид',
    middleName: 'Ильдарович',
    birthDate: '1956-04-21',
    sex: 'male',
    snils: '13456789090',
    regAddress: '628011, Ханты-Мансийский автономный округ - Югра, г. Ханты-Мансийск, ул. Чехова, д. 12, кв. 3',
  },
  representative: null,
  mfcCode: 'mfc-01',
  mfcName: MFC_NAMES['mfc-01']!,
  circumstances: { pensioner: false },
  application: null,
  deadlines: { registration: '2025-03-05', requests: null, decision: '2025-03-19', result: '2025-03-26', issue: null },
  documents: [
    {
      key: 'identity',
      title: 'документ, удостоверяющий личность гражданина',
      paragraph: 'п. 20',
      source: 'applicant',
      agencyCode: null,
      state: 'received',
      form: 'copy',
      sheets: 2,
    },
    {
      key: 'medical-conclusion',
      title: 'заключение медицинской организации о состоянии здоровья гражданина, способности к самообслуживанию',
      paragraph: 'п. 20',
      source: 'applicant',
      agencyCode: null,
      state: 'received',
      form: 'original',
      sheets: 1,
    },
    {
      key: 'criminal-record',
      title: 'сведения об отсутствии (либо наличии) у гражданина судимости',
      paragraph: 'п. 25',
      source: 'interagency',
      agencyCode: 'mvd',
      state: 'received',
      form: 'original',
      sheets: 1,
    },
  ],
};

export function receiptSample(): ReceiptData {
  return {
    office: SAMPLE_OFFICE,
    case: SAMPLE_CASE,
    subserviceName: SUBSERVICE_NAMES[SAMPLE_CASE.subservice]!,
    agencyNames: AGENCY_NAMES,
    mfcName: null,
  };
}

/**
 * A long case: 12 documents (the household's income papers, a disability
 * certificate, a lease) for the one-page check of the receipt.
 */
export const SAMPLE_CASE_LONG: CaseView = {
  ...SAMPLE_CASE,
  id: 44,
  journalNumber: '44/2025',
  journalSeq: 44,
  documents: [
    ...SAMPLE_CASE.documents.map((d) => (d.key === 'disability' ? { ...d, state: 'received' as const, form: 'copy', sheets: 3 } : d)),
    {
      key: 'housing',
      title: 'документ, подтверждающий право пользования жилым помещением (договор найма)',
      paragraph: 'п. 19',
      source: 'applicant',
      agencyCode: null,
      state: 'received',
      form: 'copy',
      sheets: 2,
    },
    {
      key: 'family-income',
      title: 'справки о доходах совместно проживающих членов семьи',
      paragraph: 'п. 19',
      source: 'applicant',
      agencyCode: null,
      state: 'not_provided',
      form: null,
      sheets: null,
    },
  ],
};

export function receiptLongSample(): ReceiptData {
  return { ...receiptSample(), case: SAMPLE_CASE_LONG };
}

export function receiptMfcSample(): ReceiptData {
  return {
    office: SAMPLE_OFFICE,
    case: SAMPLE_CASE_MFC,
    subserviceName: SUBSERVICE_NAMES[SAMPLE_CASE_MFC.subservice]!,
    agencyNames: AGENCY_NAMES,
    mfcName: SAMPLE_CASE_MFC.mfcName,
  };
}

// ------------------------------------------------------------------ journal

type RowSeed = [
  seq: number,
  name: string,
  birth: string,
  snils: string | null,
  subservice: string,
  channel: string,
  receivedAt: string,
  registeredAt: string,
  by: string,
  status: CaseRow['status'],
  annulReason?: string,
];

const OTHER_SPECIALIST = 'Лебедева Ксения Андреевна';

const ROW_SEEDS: RowSeed[] = [
  [38, 'Ковалёва Нина Степановна', '1938-02-14', '15678901211', 'home', 'in_person', '2025-03-03T09:05', '2025-03-03T04:12:00.000Z', SPECIALIST.name, 'requests_sent'],
  [39, 'Григорьев Анатолий Васильевич', '1949-07-30', '17890123494', 'stationary', 'mail', '2025-02-28T14:20', '2025-03-03T04:40:00.000Z', OTHER_SPECIALIST, 'requests_sent'],
  [40, 'Иванова Анна Сергеевна', '1952-09-08', '12345098744', 'semi-stationary', 'epgu', '2025-03-02T21:47', '2025-03-03T05:02:00.000Z', OTHER_SPECIALIST, 'annulled', 'заявление зарегистрировано повторно (дубль рег. № 41/2025)'],
  [41, 'Иванова Анна Сергеевна', '1952-09-08', '12345098744', 'semi-stationary', 'epgu', '2025-03-02T21:47', '2025-03-03T05:05:00.000Z', OTHER_SPECIALIST, 'documents_complete'],
  [42, SAMPLE_CASE.applicantName, SAMPLE_CASE.applicantBirthDate, SAMPLE_CASE.snils, 'home', 'in_person', SAMPLE_CASE.receivedAt, SAMPLE_CASE.registeredAt, SPECIALIST.name, 'registered'],
  [43, SAMPLE_CASE_MFC.applicantName, SAMPLE_CASE_MFC.applicantBirthDate, SAMPLE_CASE_MFC.snils, 'semi-stationary', 'mfc', SAMPLE_CASE_MFC.receivedAt, SAMPLE_CASE_MFC.registeredAt, OTHER_SPECIALIST, 'documents_complete'],
  [44, 'Тарасова Лидия Фёдоровна', '1944-12-01', '14567832192', 'special-housing', 'in_person', '2025-03-05T11:30', '2025-03-05T06:38:00.000Z', SPECIALIST.name, 'decision_drafted'],
  [45, 'Никитин Максим Олегович', '2014-06-19', '16789054323', 'minors-semi-stationary', 'in_person', '2025-03-05T15:10', '2025-03-05T10:21:00.000Z', SPECIALIST.name, 'signed'],
  [46, 'Белова Зинаида Михайловна', '1936-03-25', null, 'home', 'regional_portal', '2025-03-06T08:02', '2025-03-06T04:15:00.000Z', OTHER_SPECIALIST, 'withdrawn'],
  [47, 'Шарипов Ильдар Маратович', '1958-10-11', '18901276586', 'stationary', 'in_person', '2025-03-06T10:45', '2025-03-06T05:52:00.000Z', SPECIALIST.name, 'annulled', 'ошибка при регистрации: заявление подано в Управление по г. Сургуту'],
  [48, 'Орлова Тамара Ивановна', '1947-05-17', '13243546534', 'home', 'mail', '2025-03-06T12:00', '2025-03-07T04:30:00.000Z', OTHER_SPECIALIST, 'issued'],
  [49, 'Павлов Геннадий Юрьевич', '1950-01-29', '15463728178', 'semi-stationary', 'in_person', '2025-03-07T09:20', '2025-03-07T04:26:00.000Z', SPECIALIST.name, 'registered'],
];

/** p.45: requests of two journal rows, one answered. */
const JOURNAL_REQUESTS: Record<number, JournalRequest[]> = {
  38: [
    { agencyName: AGENCY_NAMES.sfr!, subject: 'справка о размере пенсии с учетом надбавок', outgoingNumber: '14-1207', sentDate: '2025-03-03', dueDate: '2025-03-12', answerDate: '2025-03-06', answerIncomingNumber: '882' },
    { agencyName: AGENCY_NAMES.fms!, subject: 'сведения о совместном проживании гражданина с членами семьи', outgoingNumber: '14-1208', sentDate: '2025-03-03', dueDate: '2025-03-12', answerDate: null, answerIncomingNumber: null },
  ],
  39: [{ agencyName: AGENCY_NAMES.mvd!, subject: 'сведения об отсутствии (либо наличии) у гражданина судимости', outgoingNumber: '14-1211', sentDate: '2025-03-04', dueDate: '2025-03-13', answerDate: null, answerIncomingNumber: null }],
};

const RESULT_DUE: Record<string, string> = {
  '2025-03-03': '2025-03-24',
  '2025-03-05': '2025-03-26',
  '2025-03-06': '2025-03-27',
  '2025-03-07': '2025-03-28',
};

export const SAMPLE_JOURNAL_ROWS: JournalRow[] = ROW_SEEDS.map(
  ([seq, name, birth, snils, subservice, channel, receivedAt, registeredAt, by, status, annulReason]) => {
    const due = RESULT_DUE[registeredAt.slice(0, 10)];
    const open = status !== 'annulled' && status !== 'withdrawn' && status !== 'issued';
    return {
      id: 1000 + seq,
      rev: 1,
      journalNumber: `${seq}/2025`,
      journalYear: 2025,
      journalSeq: seq,
      personId: 500 + seq,
      applicantName: name,
      applicantBirthDate: birth,
      snils,
      subservice,
      channel,
      status,
      receivedAt,
      registeredAt,
      registeredByName: by,
      dueResult: due,
      nextDue: open ? due : null,
      nextDueKind: open ? 'result' : null,
      urgency: open ? 'later' : null,
      annulReason: annulReason ?? null,
      responsibleId: null,
      responsibleName: null,
      registeredLate: false,
      registeredByPosition: by === SPECIALIST.name ? SPECIALIST.position : 'Специалист-эксперт отдела социального обслуживания',
      requests: JOURNAL_REQUESTS[seq] ?? [],
    };
  },
);

export function journalSample(): JournalData {
  return {
    office: SAMPLE_OFFICE,
    from: '2025-03-01',
    to: '2025-03-07',
    rows: SAMPLE_JOURNAL_ROWS,
    printedBy: `${SPECIALIST.position} ${SPECIALIST.name}`,
    printedAt: new Date('2025-03-07T12:05:00Z'), // 17:05 at the office
  };
}
