/**
 * Sample acts of Appendices 3 and 4 for the form previews and tests: an
 * elderly woman living alone in Сургут (citizen survey act and her
 * individual-need act recommending home services) and a family of four in
 * Нефтеюганск (family survey act). People, numbers and dates are made up.
 *
 * `ACT_FORMS` lists the filled and blank variants for scripts/render-forms.ts.
 */
import type { Appendix3CitizenAct, Appendix3FamilyAct, Appendix4Act } from '../core/api/acts';
import { buildAppendix3Citizen, buildAppendix3Family, type ActFormData, type ActOffice, type ActPerson } from '../main/forms/appendix3';
import { buildAppendix4 } from '../main/forms/appendix4';

export const SURGUT_CENTRE =
  'Бюджетное учреждение Ханты-Мансийского автономного округа - Югры «Сургутский комплексный центр социального обслуживания населения»';
export const NEFTEYUGANSK_CENTRE =
  'Бюджетное учреждение Ханты-Мансийского автономного округа - Югры «Нефтеюганский комплексный центр социального обслуживания населения»';

export const SURGUT_OFFICE: ActOffice = { name: 'Управление социальной защиты населения по г. Сургуту и Сургутскому району' };
export const NEFTEYUGANSK_OFFICE: ActOffice = {
  name: 'Управление социальной защиты населения по г. Нефтеюганску и Нефтеюганскому району',
};

const SOCIAL_WORKER = { position: 'Специалист по социальной работе', fullName: 'Гайнуллина Альбина Рашитовна' };
const HOME_CARE_HEAD = {
  position: 'Заведующий отделением социального обслуживания на дому',
  fullName: 'Лебедева Оксана Юрьевна',
};

/** The elderly woman living alone in Сургут. */
export const ELDERLY_PERSON: ActPerson = {
  fullName: 'Захарова Нина Степановна',
  birthDate: '1938-04-12',
  sex: 'female',
  address: '628400, Ханты-Мансийский автономный округ - Югра, г. Сургут, ул. Энергетиков, д. 14, кв. 37',
};

export const CITIZEN_ACT: Appendix3CitizenAct = {
  date: '2025-03-05',
  number: '47',
  organization: SURGUT_CENTRE,
  fullName: ELDERLY_PERSON.fullName,
  surveyAddress: ELDERLY_PERSON.address,
  categories: ['old_age_pensioner', 'disabled'],
  disabilityGroup: 'II',
  health: {
    diseases: 'гипертоническая болезнь II стадии, остеоартроз коленных суставов, катаракта обоих глаз',
    medicalVisits: '1–2 раза в месяц, вызов участкового врача на дом',
    prevention: ['vitamins'],
    ipr: 'yes',
    iprNumber: '1207.5.86/2024',
    iprIssueDate: '2024-10-15',
    iprIssuer: 'Бюро медико-социальной экспертизы № 5 — филиал ФКУ «ГБ МСЭ по Ханты-Мансийскому автономному округу - Югре» Минтруда России',
    concerns: 'боли в коленных суставах при ходьбе, головокружение при подъеме по лестнице',
    districtDoctor: 'Мельникова Ирина Викторовна',
  },
  familyStatus: 'single',
  household: [],
  badHabits: 'no',
  conflicts: [],
  conflictsNote: 'не выявлено',
  housing: { type: 'apartment', rooms: 1, floor: '4 (пятиэтажный дом)', lift: 'no', ramp: 'no' },
  amenities: { heating: ['central'], water: ['cold', 'hot', 'bath'], sewerage: 'yes' },
  furnishings: {
    furniture: 'кровать, платяной шкаф, стол, стулья, кресло',
    appliances: 'холодильник, электроплита, стиральная машина, телевизор',
    rehabAids: 'трость опорная, ходунки',
  },
  distances: { transport: 0.3, shops: 0.2, post: 0.8, utilities: 1.2 },
  perCapitaIncome: 24817.36,
  additionalInfo: 'Дочь проживает в г. Тюмени, навещает 1–2 раза в год. Соседка помогает с покупками эпизодически.',
  riskFactors: ['no_relatives', 'loneliness'],
  noRelativesScope: 'in_locality',
  positiveFactors: ['amenities', 'compact_infrastructure'],
  barthel: { score: 75, band: 'умеренная зависимость' },
  lawton: { score: 4, band: 'частичная зависимость' },
  householdActivity: 'lost_partly',
  independentLiving: 'lost_partly',
  independentOfHelp: 'lost_partly',
  socialIntegration: 'kept_partly',
  adaptation: 'partial_limits',
  compensation: 'active',
  degree: 4,
  helpKind: 'periodic',
  helpReasons: ['self_care_loss'],
  compiledBy: [SOCIAL_WORKER],
  present: [HOME_CARE_HEAD],
  signaturesDate: '2025-03-05',
  citizen: { fullName: ELDERLY_PERSON.fullName, confirmed: true, pdConsent: true, date: '2025-03-05' },
};

/** The family of four in Нефтеюганск (the mother applies; the younger daughter is a disabled child). */
export const FAMILY_PERSON: ActPerson = {
  fullName: 'Ковалёва Ольга Андреевна',
  birthDate: '1989-07-23',
  sex: 'female',
  address: '628309, Ханты-Мансийский автономный округ - Югра, г. Нефтеюганск, 11 мкр., д. 6, кв. 52',
};

export const FAMILY_ACT: Appendix3FamilyAct = {
  date: '2025-03-11',
  number: '112',
  organization: NEFTEYUGANSK_CENTRE,
  fullName: FAMILY_PERSON.fullName,
  surveyAddress: FAMILY_PERSON.address,
  socialStatus: ['low_income', 'disabled_children'],
  members: [
    { fullName: 'Ковалёва Ольга Андреевна', birthDate: '1989-07-23', relation: 'заявитель', workOrStudy: 'не работает, осуществляет уход за ребенком-инвалидом', category: 'лицо, осуществляющее уход' },
    { fullName: 'Ковалёв Дмитрий Сергеевич', birthDate: '1986-02-14', relation: 'муж', workOrStudy: 'ООО «Юганскнефтесервис», оператор по добыче нефти', category: '—' },
    { fullName: 'Ковалёв Артём Дмитриевич', birthDate: '2012-09-30', relation: 'сын', workOrStudy: 'МБОУ «СОШ № 5», 7 класс', category: 'несовершеннолетний' },
    { fullName: 'Ковалёва Софья Дмитриевна', birthDate: '2019-05-06', relation: 'дочь', workOrStudy: 'не посещает детский сад', category: 'ребенок-инвалид' },
  ],
  circumstances: ['children_adaptation'],
  familyInfo: 'Дочь Софья нуждается в постоянном уходе, посещает занятия в реабилитационном центре 2 раза в неделю.',
  housing: {
    type: 'apartment',
    area: 54.3,
    rooms: 2,
    sanitary: 'satisfactory',
    repair: 'cosmetic',
    heating: ['central'],
    amenities: ['hot_water', 'cold_water', 'sewerage', 'phone', 'lift', 'bath'],
  },
  housingInfo: 'Квартира в собственности (ипотека), 3 этаж девятиэтажного дома.',
  relationProblems: 'no',
  relationTraits: [],
  parentsCharacteristic:
    'Родители занимаются воспитанием детей должным образом, вредных привычек не имеют, к ответственности не привлекались, на заседании комиссии по делам несовершеннолетних и защите их прав их поведение не обсуждалось.',
  income: {
    members: 'заработная плата мужа — 52 400,00 руб. в месяц',
    alimony: 'не получают',
    funds: 'нет',
    other: 'социальная пенсия ребенка-инвалида и ежемесячная компенсационная выплата по уходу — 21 300,00 руб.',
    perCapitaDate: '2025-03-01',
    perCapita: 18425,
    supportMeasures: 'компенсация расходов на оплату жилого помещения и коммунальных услуг семьям, имеющим детей-инвалидов',
    mandatoryExpenses: 'коммунальные платежи — 7 850 руб., ипотечный кредит — 18 200 руб., лекарства для дочери — около 4 000 руб. в месяц',
  },
  conclusion:
    'Семья нуждается в предоставлении социальных услуг в полустационарной форме: социально-педагогических и социально-психологических услугах для дочери Ковалёвой Софьи Дмитриевны, ребенка-инвалида, и в обучении родителей навыкам ухода и реабилитации в домашних условиях.',
  compiledBy: [{ position: 'Специалист по социальной работе', fullName: 'Шайхутдинова Регина Ильдаровна' }],
  present: [
    { position: 'Психолог', fullName: 'Никитина Дарья Олеговна' },
    { position: 'муж заявителя', fullName: 'Ковалёв Дмитрий Сергеевич' },
  ],
  signaturesDate: '2025-03-11',
  citizen: { fullName: FAMILY_PERSON.fullName, confirmed: true, pdConsent: true, date: '2025-03-11' },
};

const UNTIL = 'до 31.03.2026';

/** The individual-need act of the woman from the citizen act: home services. */
export const NEED_ACT: Appendix4Act = {
  date: '2025-03-07',
  number: '52',
  organization: SURGUT_CENTRE,
  fullName: ELDERLY_PERSON.fullName,
  birthDate: ELDERLY_PERSON.birthDate,
  sex: 'female',
  categories: ['old_age_pensioner', 'disabled'],
  disabilityGroup: 'II',
  serviceForms: ['home'],
  paymentConditions: 'free',
  services: {
    household: [
      {
        name: 'Покупка за счет средств получателя социальных услуг и доставка на дом продуктов питания, промышленных товаров первой необходимости, средств санитарии и гигиены, средств ухода, книг, газет, журналов',
        volume: '1 услуга — до 7 кг',
        frequency: '2 раза в неделю',
        term: UNTIL,
      },
      { name: 'Помощь в приготовлении пищи', volume: '1 услуга — 30 минут', frequency: '3 раза в неделю', term: UNTIL },
      {
        name: 'Оплата за счет средств получателя социальных услуг жилищно-коммунальных услуг и услуг связи',
        volume: '1 услуга',
        frequency: '1 раз в месяц',
        term: UNTIL,
      },
      { name: 'Уборка жилых помещений', volume: '1 услуга — до 40 кв. м', frequency: '2 раза в месяц', term: UNTIL },
    ],
    medical: [
      {
        name: 'Выполнение процедур, связанных с наблюдением за состоянием здоровья получателей социальных услуг (измерение температуры тела, артериального давления, контроль за приемом лекарств)',
        volume: '1 услуга — 15 минут',
        frequency: '2 раза в неделю',
        term: UNTIL,
      },
      {
        name: 'Систематическое наблюдение за получателями социальных услуг в целях выявления отклонений в состоянии их здоровья',
        volume: '1 услуга',
        frequency: '1 раз в неделю',
        term: UNTIL,
      },
    ],
    psychological: [
      { name: 'Психологическая помощь и поддержка', volume: '1 услуга — 30 минут', frequency: '1 раз в месяц', term: UNTIL },
    ],
    pedagogical: [],
    labor: [],
    legal: [
      {
        name: 'Оказание помощи в оформлении и восстановлении документов получателей социальных услуг',
        volume: '1 услуга',
        frequency: 'по мере необходимости, не более 2 раз в год',
        term: UNTIL,
      },
    ],
    communicative: [
      {
        name: 'Обучение инвалидов пользованию средствами ухода и техническими средствами реабилитации',
        volume: '1 услуга — 30 минут',
        frequency: '1 раз в квартал',
        term: UNTIL,
      },
    ],
  },
  duration: { homeUntil: '31.03.2026' },
  escort: 'not_needed',
  additionalInfo: 'Гражданка нуждается в сопровождении при выходе из дома: 4 этаж, лифт и пандус отсутствуют.',
  compiledBy: [SOCIAL_WORKER],
  present: [HOME_CARE_HEAD],
  signaturesDate: '2025-03-07',
  citizen: { fullName: ELDERLY_PERSON.fullName, agreed: true, confirmed: true, pdConsent: true, date: '2025-03-07' },
};

export function appendix3CitizenSample(): ActFormData<Appendix3CitizenAct> {
  return { act: CITIZEN_ACT, person: ELDERLY_PERSON, office: SURGUT_OFFICE };
}

export function appendix3FamilySample(): ActFormData<Appendix3FamilyAct> {
  return { act: FAMILY_ACT, person: FAMILY_PERSON, office: NEFTEYUGANSK_OFFICE };
}

export function appendix4Sample(): ActFormData<Appendix4Act> {
  return { act: NEED_ACT, person: ELDERLY_PERSON, office: SURGUT_OFFICE };
}

/** Filled and blank variants of the acts, for scripts/render-forms.ts. */
export const ACT_FORMS: { name: string; build: () => Promise<Buffer> }[] = [
  { name: 'act3-citizen', build: () => buildAppendix3Citizen(appendix3CitizenSample()) },
  { name: 'act3-citizen-blank', build: () => buildAppendix3Citizen({ act: null }) },
  { name: 'act3-family', build: () => buildAppendix3Family(appendix3FamilySample()) },
  { name: 'act3-family-blank', build: () => buildAppendix3Family({ act: null }) },
  { name: 'act4', build: () => buildAppendix4(appendix4Sample()) },
  { name: 'act4-blank', build: () => buildAppendix4({ act: null }) },
];
