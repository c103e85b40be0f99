/**
 * The acts the social-service centre draws up for the office (регламент,
 * п. 13):
 * - Приложение 3, «Акт обследования условий жизнедеятельности граждан» (for a
 *   citizen) and «Акт обследования условий жизнедеятельности семей» (for a
 *   family);
 * - Приложение 4, «Акт оценки индивидуальной потребности гражданина».
 *
 * Fields follow the printed forms in their order; each carries a comment with
 * the form's wording. Every «нужное подчеркнуть» / «нужное указать» choice is
 * a z.enum of stable latin codes with a label map holding the exact printed
 * option (the printout prints all options and underlines the chosen ones).
 *
 * Everything is optional, so a partially filled act can be saved as a draft;
 * `appendix3CitizenComplete`, `appendix3FamilyComplete` and
 * `appendix4Complete` list in Russian what a complete act still lacks.
 *
 * The Barthel and Lawton results are computed elsewhere (core/domain/scales)
 * and stored here as `{ score, band }`. The «степень» 0–10 and the capability
 * conclusions are chosen by the specialist: no formula.
 */
import { z } from 'zod';
import { isoDate, optText } from './schemas';

// ------------------------------------------------------------------ helpers

/** Empty input (null, '', spaces) -> undefined, so a cleared field is simply absent. */
function blankToUndefined(v: unknown): unknown {
  return v === null || (typeof v === 'string' && v.trim() === '') ? undefined : v;
}

/** A number typed in a form: '18 540,25' -> 18540.25; anything else as is. */
function toNumber(v: unknown): unknown {
  const b = blankToUndefined(v);
  if (typeof b !== 'string') return b;
  const n = Number(b.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.'));
  return Number.isNaN(n) ? b : n;
}

type Codes = readonly [string, ...string[]];

const CHOICE_ERROR = 'Выберите вариант из списка';

/** One option of a «нужное подчеркнуть» choice, or nothing chosen yet. */
export const optChoice = <T extends Codes>(codes: T) =>
  z.preprocess(blankToUndefined, z.enum(codes, { error: CHOICE_ERROR }).optional());

/** Several options of a choice: duplicates dropped, kept in the form's order. */
export const multiChoice = <T extends Codes>(codes: T) =>
  z
    .array(z.enum(codes, { error: CHOICE_ERROR }), { error: 'Неверный список вариантов' })
    .max(codes.length * 2, { error: 'Слишком много вариантов' })
    .transform((a) => codes.filter((c) => a.includes(c)) as T[number][])
    .optional();

/** An optional date, ISO 'YYYY-MM-DD'. */
export const optDate = z.preprocess(blankToUndefined, isoDate.optional());

/** An optional non-negative number (rubles, kilometres, square metres). */
const optAmount = (max: number) =>
  z.preprocess(
    toNumber,
    z
      .number({ error: 'Введите число' })
      .min(0, { error: 'Число не может быть отрицательным' })
      .max(max, { error: `Не более ${max}` })
      .optional(),
  );

/** An optional whole number within bounds. */
const optInt = (min: number, max: number, what: string) =>
  z.preprocess(
    toNumber,
    z
      .number({ error: `${what}: введите число` })
      .int({ error: `${what}: введите целое число` })
      .min(min, { error: `${what}: не меньше ${min}` })
      .max(max, { error: `${what}: не больше ${max}` })
      .optional(),
  );

/** A free-text blank of the form («(указать)», «___»). */
const blank = (max = 1000) => optText(max);

/** A rows table: empty rows are dropped (a draft keeps only what was typed). */
function rows<S extends z.ZodObject>(row: S, max: number, what: string) {
  return z
    .array(row, { error: `${what}: неверный список` })
    .max(max, { error: `${what}: не более ${max} строк` })
    .transform((a) =>
      a.filter((r) => Object.values(r as Record<string, unknown>).some((v) => v !== undefined && v !== '')),
    )
    .optional();
}

// ------------------------------------------------------------------ shared choices

/** «(нужное указать): да …, нет», «(да/нет)». */
export const YES_NO = ['yes', 'no'] as const;
export type YesNo = (typeof YES_NO)[number];
export const YES_NO_LABELS: Record<YesNo, string> = { yes: 'да', no: 'нет' };

/** «Категория гражданина (нужное подчеркнуть)» (Appendix 3, citizen, and Appendix 4). */
export const CITIZEN_CATEGORIES = [
  'old_age_pensioner',
  'disabled',
  'disabled_child',
  'wwii_disabled',
  'wwii_participant',
  'combat_disabled',
  'leningrad_siege_resident',
  'wwii_defense_worker',
  'fallen_family_member',
  'former_minor_prisoner',
  'home_front_worker',
  'wwii_rear_serviceman',
  'wwii_decorated_serviceman',
] as const;
export type CitizenCategory = (typeof CITIZEN_CATEGORIES)[number];
/** The printed options; «инвалид ___ группы» takes the group from `disabilityGroup`. */
export const CITIZEN_CATEGORY_LABELS: Record<CitizenCategory, string> = {
  old_age_pensioner: 'пенсионер по старости',
  disabled: 'инвалид __________ группы',
  disabled_child: 'ребенок-инвалид',
  wwii_disabled: 'инвалид Великой Отечественной войны',
  wwii_participant: 'участник Великой Отечественной войны',
  combat_disabled: 'инвалид боевых действий',
  leningrad_siege_resident: 'лицо, награжденное знаком «Жителю блокадного Ленинграда»',
  wwii_defense_worker:
    'лицо, работавшее в период Великой Отечественной войны на объектах противовоздушной обороны, местной противовоздушной обороны, строительстве оборонительных сооружений, военно-морских баз, аэродромов и других военных объектов в пределах тыловых границ действующих фронтов, операционных зон действующих флотов, на прифронтовых участках железных и автомобильных дорог',
  fallen_family_member:
    'член семьи погибшего (умершего) инвалида войны, участника Великой Отечественной войны, ветерана боевых действий',
  former_minor_prisoner:
    'бывший несовершеннолетний узник концлагерей, гетто и других мест принудительного содержания, созданных фашистами и их союзниками в период Второй мировой войны',
  home_front_worker:
    'лицо, проработавшее в тылу в период с 22 июня 1941 года по 9 мая 1945 года не менее шести месяцев, исключая период работы на временно оккупированных территориях СССР',
  wwii_rear_serviceman:
    'военнослужащий, проходивший военную службу в воинских частях, учреждениях, военно-учебных заведениях, не входивших в состав действующей армии, в период с 22 июня 1941 года по 3 сентября 1945 года не менее шести месяцев',
  wwii_decorated_serviceman: 'военнослужащий, награжденный орденами или медалями СССР за службу в указанный период',
};

/** The group written into «инвалид ___ группы». */
export const DISABILITY_GROUPS = ['I', 'II', 'III'] as const;
export type DisabilityGroup = (typeof DISABILITY_GROUPS)[number];

/** A person on a signature line: «___ Ф.И.О. ___ подпись». */
export const ActSigner = z.object({
  /** Должность (for those present: status or relationship, e.g. «дочь»), printed before the name. */
  position: optText(300),
  /** «Ф.И.О.» */
  fullName: optText(200),
});
export type ActSigner = z.infer<typeof ActSigner>;

const signers = (max: number, what: string) =>
  z
    .array(ActSigner, { error: `${what}: неверный список` })
    .max(max, { error: `${what}: не более ${max}` })
    .transform((a) => a.filter((s) => s.fullName || s.position))
    .optional();

/** «Гражданин: достоверность и полноту настоящих сведений подтверждаю; на обработку персональных данных … согласен (на)». */
const CitizenSignature = z.object({
  /** «Ф.И.О.» of the citizen (or legal representative) who signs. */
  fullName: optText(200),
  /** «достоверность и полноту настоящих сведений подтверждаю» */
  confirmed: z.boolean({ error: 'Отметьте подтверждение достоверности сведений' }).optional(),
  /** «на обработку персональных данных о себе … согласен (на)» */
  pdConsent: z.boolean({ error: 'Отметьте согласие на обработку персональных данных' }).optional(),
  /** «"____" ________ 20__ г.» */
  date: optDate,
});

/** A result of an assessment scale (computed by core/domain/scales): points and band. */
const scaleResult = (max: number, what: string) =>
  z
    .object({
      score: z
        .number({ error: `${what}: укажите количество баллов` })
        .int({ error: `${what}: целое число баллов` })
        .min(0, { error: `${what}: не меньше 0 баллов` })
        .max(max, { error: `${what}: не больше ${max} баллов` }),
      band: z.string({ error: `${what}: укажите оценку` }).trim().max(200, { error: 'Не более 200 символов' }),
    })
    .nullable()
    .default(null);

// ================================================================== Appendix 3: citizen

/** «Профилактические мероприятия по укреплению здоровья (нужное подчеркнуть)». */
export const PREVENTION_MEASURES = ['exercise', 'sanatorium', 'vitamins', 'other'] as const;
export type PreventionMeasure = (typeof PREVENTION_MEASURES)[number];
export const PREVENTION_MEASURE_LABELS: Record<PreventionMeasure, string> = {
  exercise: 'занятия физическими упражнениями',
  sanatorium: 'оздоровление (в санаториях)',
  vitamins: 'прием витаминов',
  other: 'другие меры (указать):',
};

/** «Семейный статус гражданина (нужное подчеркнуть)». */
export const FAMILY_STATUSES = ['single', 'lonely_couple', 'with_family'] as const;
export type FamilyStatus = (typeof FAMILY_STATUSES)[number];
export const FAMILY_STATUS_LABELS: Record<FamilyStatus, string> = {
  single: 'одинокий (ая)',
  lonely_couple: 'одинокие супружеские пары',
  with_family: 'проживающий (ая) с членами семьи, иными родственниками',
};

/** «Социально-бытовые взаимоотношения совместно проживающих с гражданином (нужное подчеркнуть)». */
export const HOUSEHOLD_RELATIONS = ['normal', 'difficult', 'other'] as const;
export type HouseholdRelations = (typeof HOUSEHOLD_RELATIONS)[number];
export const HOUSEHOLD_RELATIONS_LABELS: Record<HouseholdRelations, string> = {
  normal: 'нормальные',
  difficult: 'сложные',
  other: 'иное (указать)',
};

/** «Наличие внутрисемейных конфликтов: (…) (нужное указать)». */
export const FAMILY_CONFLICTS = [
  'dependent_persons',
  'family_violence',
  'unlawful_parents',
  'neglected_duties',
  'child_abuse',
] as const;
export type FamilyConflict = (typeof FAMILY_CONFLICTS)[number];
export const FAMILY_CONFLICT_LABELS: Record<FamilyConflict, string> = {
  dependent_persons:
    'личностных отношений с лицами с наркотической или алкогольной зависимостью, пристрастием к азартным играм, с психическим расстройством, применяющим физическое или психологическое насилие, в том числе в семье',
  family_violence: 'семейного насилия',
  unlawful_parents: 'противоправного поведения родителей или иных законных представителей несовершеннолетних',
  neglected_duties: 'неисполнение ими своих обязанностей по воспитанию детей, их обучению и (или) содержанию',
  child_abuse: 'жестокое обращение с детьми',
};

/** «Жилищные условия проживания (нужное указать)». */
export const CITIZEN_HOUSING_TYPES = ['house', 'apartment', 'communal_room', 'dormitory', 'other'] as const;
export type CitizenHousingType = (typeof CITIZEN_HOUSING_TYPES)[number];
export const CITIZEN_HOUSING_TYPE_LABELS: Record<CitizenHousingType, string> = {
  house: 'дом',
  apartment: 'квартира',
  communal_room: 'комната в коммунальной квартире',
  dormitory: 'общежитии',
  other: 'другое',
};

/** «отопление (централизованное, автономное газовое, печное)». */
export const CITIZEN_HEATING = ['central', 'autonomous_gas', 'stove'] as const;
export type CitizenHeating = (typeof CITIZEN_HEATING)[number];
export const CITIZEN_HEATING_LABELS: Record<CitizenHeating, string> = {
  central: 'централизованное',
  autonomous_gas: 'автономное газовое',
  stove: 'печное',
};

/** «водоснабжение (холодная, горячая, колодец, колонка для набора воды, ванная, баня, …». */
export const CITIZEN_WATER = ['cold', 'hot', 'well', 'standpipe', 'bath', 'banya'] as const;
export type CitizenWater = (typeof CITIZEN_WATER)[number];
export const CITIZEN_WATER_LABELS: Record<CitizenWater, string> = {
  cold: 'холодная',
  hot: 'горячая',
  well: 'колодец',
  standpipe: 'колонка для набора воды',
  bath: 'ванная',
  banya: 'баня',
};

/** «Выявленные факторы риска, … (нужное указать)». */
export const RISK_FACTORS = [
  'no_relatives',
  'loneliness',
  'partial_amenities',
  'no_amenities',
  'unsafe_housing',
  'no_housing',
  'difficult_psychological',
  'incompatible_relatives',
  'other',
] as const;
export type RiskFactor = (typeof RISK_FACTORS)[number];
export const RISK_FACTOR_LABELS: Record<RiskFactor, string> = {
  no_relatives: 'отсутствие членов семьи, родственников',
  loneliness: 'одиночество',
  partial_amenities: 'проживание в жилом помещении с частичными удобствами',
  no_amenities: 'без удобств',
  unsafe_housing: 'аварийное состояние жилья',
  no_housing: 'отсутствие жилья',
  difficult_psychological: 'сложная психологическая обстановка',
  incompatible_relatives: 'несовместимость проживания с родственниками',
  other: 'другие факторы (указать какие)',
};

/** «отсутствие членов семьи, родственников (полное отсутствие, по месту проживания, в данном населенном пункте, другое)». */
export const NO_RELATIVES_SCOPES = ['total', 'at_residence', 'in_locality', 'other'] as const;
export type NoRelativesScope = (typeof NO_RELATIVES_SCOPES)[number];
export const NO_RELATIVES_SCOPE_LABELS: Record<NoRelativesScope, string> = {
  total: 'полное отсутствие',
  at_residence: 'по месту проживания',
  in_locality: 'в данном населенном пункте',
  other: 'другое',
};

/** «Выявленные факторы, положительно влияющие на жизнедеятельность гражданина (нужное указать)». */
export const POSITIVE_FACTORS = ['caring_relatives', 'amenities', 'rehab_aids', 'compact_infrastructure', 'other'] as const;
export type PositiveFactor = (typeof POSITIVE_FACTORS)[number];
export const POSITIVE_FACTOR_LABELS: Record<PositiveFactor, string> = {
  caring_relatives: 'наличие членов семьи, родственников, осуществляющих уход',
  amenities: 'наличие удобств',
  rehab_aids: 'наличие и использование средств для адаптации в быту (технических средств реабилитации)',
  compact_infrastructure:
    'компактное размещение объектов социально-бытовой сферы вблизи от места проживания или в районе проживания гражданина',
  other: 'другие факторы (указать какие)',
};

/** «возможность выполнения бытовой деятельности», «способность к самостоятельному проживанию», «способность к независимой от посторонней постоянной помощи жизни». */
export const ABILITY_LOSS = ['lost_fully', 'lost_partly', 'not_lost'] as const;
export type AbilityLoss = (typeof ABILITY_LOSS)[number];
export const ABILITY_LOSS_LABELS: Record<AbilityLoss, string> = {
  lost_fully: 'утрачена полностью',
  lost_partly: 'утрачена частично',
  not_lost: 'не утрачена',
};

/** «способность к интеграции в общество». */
export const INTEGRATION_ABILITY = ['kept_fully', 'kept_partly', 'lost_fully'] as const;
export type IntegrationAbility = (typeof INTEGRATION_ABILITY)[number];
export const INTEGRATION_ABILITY_LABELS: Record<IntegrationAbility, string> = {
  kept_fully: 'сохранена в полном объеме',
  kept_partly: 'сохранена частично',
  lost_fully: 'полностью утрачена',
};

/** «степень социально-бытовой адаптации». */
export const ADAPTATION_DEGREES = ['severe_limits', 'partial_limits', 'not_limited'] as const;
export type AdaptationDegree = (typeof ADAPTATION_DEGREES)[number];
export const ADAPTATION_DEGREE_LABELS: Record<AdaptationDegree, string> = {
  severe_limits: 'выраженные ограничения',
  partial_limits: 'частичные ограничения',
  not_limited: 'не ограничена',
};

/** «стремление к компенсации имеющихся нарушений». */
export const COMPENSATION_DRIVE = ['active', 'weak', 'absent'] as const;
export type CompensationDrive = (typeof COMPENSATION_DRIVE)[number];
export const COMPENSATION_DRIVE_LABELS: Record<CompensationDrive, string> = {
  active: 'активное',
  weak: 'маловыраженное',
  absent: 'отсутствует',
};

/** «Заключение: … 0 степень, 1 степень, …, 10 степень». */
export const DEGREES = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const;
export const degreeLabel = (n: number): string => `${n} степень`;

/** «потребность в постоянной, периодической или разовой посторонней помощи». */
export const HELP_KINDS = ['permanent', 'periodic', 'one_time'] as const;
export type HelpKind = (typeof HELP_KINDS)[number];
export const HELP_KIND_LABELS: Record<HelpKind, string> = {
  permanent: 'постоянной',
  periodic: 'периодической',
  one_time: 'разовой',
};

/** «… посторонней помощи вследствие (нужное подчеркнуть)». */
export const HELP_REASONS = ['self_care_loss', 'disabled_in_family', 'no_care', 'other'] as const;
export type HelpReason = (typeof HELP_REASONS)[number];
export const HELP_REASON_LABELS: Record<HelpReason, string> = {
  self_care_loss:
    'частичной или полной утраты способности к самообслуживанию, самостоятельно передвигаться, обеспечивать основные жизненные потребности в силу заболевания, травмы, возраста или наличия инвалидности',
  disabled_in_family:
    'наличия в семье инвалида или инвалидов, в том числе ребенка-инвалида или детей-инвалидов, нуждающихся в постоянном постороннем уходе',
  no_care: 'отсутствие возможности обеспечения ухода (в том числе временного) за инвалидом, ребенком, детьми',
  other: 'иные обстоятельства, ухудшающие обстоятельства условия жизнедеятельности (указать):',
};

/** A row of the household table of the citizen act. */
export const HouseholdMember = z.object({
  /** «Ф.И.О.» */
  fullName: optText(200),
  /** «Год рождения» */
  birthYear: optInt(1900, 2100, 'Год рождения'),
  /** «Степень родства» */
  relation: optText(100),
  /** «Виды поддержки, ухода, помощи со стороны лица, совместно проживающего с гражданином» */
  support: optText(500),
  /** «Место работы/учебы лица, совместно проживающего с гражданином» */
  workOrStudy: optText(300),
  /** «Категория лица, совместно проживающего с гражданином» */
  category: optText(200),
});
export type HouseholdMember = z.infer<typeof HouseholdMember>;

export const Appendix3CitizenAct = z.object({
  /** «от "__" __________ 20__ г.» */
  date: optDate,
  /** «N _______» */
  number: optText(30),
  /** «(наименование организации социального обслуживания)» */
  organization: optText(500),
  /** «Ф.И.О.» */
  fullName: optText(200),
  /** «Адрес проживания, по которому проведено обследование» */
  surveyAddress: optText(500),
  /** «Категория гражданина (нужное подчеркнуть)» */
  categories: multiChoice(CITIZEN_CATEGORIES),
  /** «инвалид ___ группы» */
  disabilityGroup: optChoice(DISABILITY_GROUPS),

  /** «Физическое здоровье:» */
  health: z
    .object({
      /** «наличие заболевания (указать)» */
      diseases: blank(),
      /** «частота обращений в медицинские организации (указать)» */
      medicalVisits: blank(300),
      /** «профилактические мероприятия по укреплению здоровья (нужное подчеркнуть)» */
      prevention: multiChoice(PREVENTION_MEASURES),
      /** «другие меры (указать)» */
      preventionOther: blank(300),
      /** «наличие действующей индивидуальной программы реабилитации инвалида, выданной учреждением медико-социальной экспертизы (нужное указать): да …, нет» */
      ipr: optChoice(YES_NO),
      /** «да (N ___» */
      iprNumber: optText(50),
      /** «дата выдачи ___)» */
      iprIssueDate: optDate,
      /** «кем выдана» */
      iprIssuer: optText(300),
      /** the blank after «нет» */
      iprAbsentNote: blank(300),
      /** «наличие беспокойства у гражданина в состоянии здоровья (указать)» */
      concerns: blank(),
      /** «Ф.И.О. участкового врача» */
      districtDoctor: optText(200),
    })
    .optional(),

  /** «Семейный статус гражданина (нужное подчеркнуть)» */
  familyStatus: optChoice(FAMILY_STATUSES),
  /** The table of those living with the citizen. */
  household: rows(HouseholdMember, 20, 'Совместно проживающие'),
  /** «Социально-бытовые взаимоотношения совместно проживающих с гражданином (нужное подчеркнуть)» */
  relations: optChoice(HOUSEHOLD_RELATIONS),
  /** «иное (указать)» */
  relationsOther: blank(500),
  /** «Наличие вредных привычек у гражданина, совместно проживающих с ним лиц: да (…), нет» */
  badHabits: optChoice(YES_NO),
  /** «указать какие» */
  badHabitsWhich: blank(300),
  /** «Наличие внутрисемейных конфликтов: (…) (нужное указать)» */
  conflicts: multiChoice(FAMILY_CONFLICTS),
  /** the blank after «(нужное указать)» */
  conflictsNote: blank(500),

  /** «Жилищные условия проживания (нужное указать)» */
  housing: z
    .object({
      /** «дом, квартира, комната в коммунальной квартире, общежитии, другое» */
      type: optChoice(CITIZEN_HOUSING_TYPES),
      /** «(количество комнат - ___)» */
      rooms: optInt(1, 50, 'Количество комнат'),
      /** «другое ___» */
      other: blank(300),
      /** «этаж ___» */
      floor: optText(50),
      /** «лифт (да/нет)» */
      lift: optChoice(YES_NO),
      /** «пандус (да/нет)» */
      ramp: optChoice(YES_NO),
    })
    .optional(),
  /** «Наличие благоустройств (нужное подчеркнуть)» */
  amenities: z
    .object({
      /** «отопление (…)» */
      heating: multiChoice(CITIZEN_HEATING),
      /** «водоснабжение (…)» */
      water: multiChoice(CITIZEN_WATER),
      /** «канализация (да/нет)» */
      sewerage: optChoice(YES_NO),
      /** «другое (указать)» */
      other: blank(300),
    })
    .optional(),
  /** «Обстановка в квартире:» */
  furnishings: z
    .object({
      /** «наличие необходимой мебели (указать какой)» */
      furniture: blank(500),
      /** «наличие бытовой техники (указать какой)» */
      appliances: blank(500),
      /** «наличие специальных средств для адаптации инвалида, ребенка-инвалида в быту (технических средств реабилитации) (указать каких)» */
      rehabAids: blank(500),
    })
    .optional(),
  /** «Удаленность жилья от (указать):», km */
  distances: z
    .object({
      /** «транспортных коммуникаций (ближайшей остановки маршрутных транспортных средств) (км)» */
      transport: optAmount(1000),
      /** «продовольственных и промтоварных магазинов (км)» */
      shops: optAmount(1000),
      /** «почты (км)» */
      post: optAmount(1000),
      /** «жилищно-коммунальных учреждений (км)» */
      utilities: optAmount(1000),
      /** «расстояния до источника водоснабжения (км)» */
      waterSource: optAmount(1000),
    })
    .optional(),
  /** «Отсутствие жилья (причины)» */
  noHousingReason: blank(500),
  /** «Социально-экономический статус: среднедушевой доход гражданина (семьи) ___ рублей» */
  perCapitaIncome: optAmount(100_000_000),
  /** «Дополнительные данные» */
  additionalInfo: blank(2000),

  /** «Выявленные факторы риска, … (нужное указать)» */
  riskFactors: multiChoice(RISK_FACTORS),
  /** «(полное отсутствие, по месту проживания, в данном населенном пункте, другое)» */
  noRelativesScope: optChoice(NO_RELATIVES_SCOPES),
  /** «другие факторы (указать какие)» */
  riskOther: blank(1000),
  /** «Выявленные факторы, положительно влияющие на жизнедеятельность гражданина (нужное указать)» */
  positiveFactors: multiChoice(POSITIVE_FACTORS),
  /** «другие факторы (указать какие)» */
  positiveOther: blank(1000),

  /** «количество баллов по шкале Бартела (с приложением анкеты)» */
  barthel: scaleResult(100, 'Шкала Бартела'),
  /** «количество баллов по шкале Лаутона (с приложением анкеты)» */
  lawton: scaleResult(8, 'Шкала Лаутона'),
  /** «возможность выполнения бытовой деятельности (нужное подчеркнуть)» */
  householdActivity: optChoice(ABILITY_LOSS),
  /** «способность к самостоятельному проживанию (нужное подчеркнуть)» */
  independentLiving: optChoice(ABILITY_LOSS),
  /** «способность к независимой от посторонней постоянной помощи жизни (нужное подчеркнуть)» */
  independentOfHelp: optChoice(ABILITY_LOSS),
  /** «способность к интеграции в общество (нужное подчеркнуть)» */
  socialIntegration: optChoice(INTEGRATION_ABILITY),
  /** «степень социально-бытовой адаптации (нужное подчеркнуть)» */
  adaptation: optChoice(ADAPTATION_DEGREES),
  /** «стремление к компенсации имеющихся нарушений (нужное подчеркнуть)» */
  compensation: optChoice(COMPENSATION_DRIVE),

  /** «Заключение: по выполнению различных видов жизнедеятельности … (нужное подчеркнуть): 0 степень … 10 степень» — chosen by the specialist. */
  degree: optInt(0, 10, 'Степень'),
  /** «потребность в постоянной, периодической или разовой посторонней помощи» */
  helpKind: optChoice(HELP_KINDS),
  /** «… вследствие (нужное подчеркнуть)» */
  helpReasons: multiChoice(HELP_REASONS),
  /** «иные обстоятельства, … (указать)» */
  helpOther: blank(1000),

  /** «Акт обследования социально-бытовых условий гражданина социальных услуг составил:» */
  compiledBy: signers(5, 'Составил'),
  /** «Присутствовали при составлении акта социально-бытовых условий гражданина социальных услуг:» */
  present: signers(10, 'Присутствовали'),
  /** «"____" ________ 20__ г.» under those present; the act's date when empty. */
  signaturesDate: optDate,
  /** «Гражданин: …» */
  citizen: CitizenSignature.optional(),
});
export type Appendix3CitizenAct = z.infer<typeof Appendix3CitizenAct>;

// ================================================================== Appendix 3: family

/** «Социальный статус семьи (нужное подчеркнуть)». */
export const FAMILY_SOCIAL_STATUSES = [
  'large',
  'single_parent',
  'low_income',
  'unemployed',
  'chernobyl',
  'afghan',
  'forced_migrants',
  'disabled_parents',
  'disabled_children',
  'lost_breadwinner',
] as const;
export type FamilySocialStatus = (typeof FAMILY_SOCIAL_STATUSES)[number];
export const FAMILY_SOCIAL_STATUS_LABELS: Record<FamilySocialStatus, string> = {
  large: 'многодетная семья',
  single_parent: 'неполная семья',
  low_income: 'малообеспеченная семья',
  unemployed: 'семья безработных',
  chernobyl: 'семья чернобыльца',
  afghan: 'семья афганца',
  forced_migrants: 'семья вынужденных переселенцев',
  disabled_parents: 'один из родителей (оба родителя) инвалид(ы)',
  disabled_children: 'семья, воспитывающая ребенка-инвалида (детей)',
  lost_breadwinner: 'семья, потерявшая кормильца',
};

/** «Существуют ли обстоятельства, которые ухудшают или могут ухудшить условия жизнедеятельности одного из членов семьи (нужное подчеркнуть)». */
export const FAMILY_CIRCUMSTANCES = [
  'children_adaptation',
  'family_conflict',
  'no_residence',
  'no_work',
  'preschoolers',
  'unlawful_parents',
  'below_subsistence',
  'no_foster_training',
] as const;
export type FamilyCircumstance = (typeof FAMILY_CIRCUMSTANCES)[number];
export const FAMILY_CIRCUMSTANCE_LABELS: Record<FamilyCircumstance, string> = {
  children_adaptation:
    'наличие ребенка или детей (в том числе находящихся под опекой, попечительством), испытывающих трудности в социальной адаптации',
  family_conflict:
    'наличие внутрисемейного конфликта, в том числе с лицами с наркотической или алкогольной зависимостью, лицами, имеющими пристрастие к азартным играм, лицами, страдающими психическими расстройствами, наличие насилия в семье',
  no_residence:
    'отсутствие определенного места жительства, в том числе у лица, не достигшего возраста двадцати трех лет и завершившего пребывание в организации для детей-сирот и детей, оставшихся без попечения родителей',
  no_work: 'отсутствие работы и средств к существованию',
  preschoolers:
    'наличие двух и более детей дошкольного возраста в многодетных и замещающих семьях, у одиноких матерей (отцов)',
  unlawful_parents:
    'противоправное поведение родителей или иных законных представителей несовершеннолетних, неисполнение ими своих обязанностей по воспитанию детей, их обучению и (или) содержанию',
  below_subsistence:
    'наличие среднедушевого дохода семьи (дохода одиноко проживающего гражданина) ниже величины прожиточного минимума на душу населения и по основным социально-демографическим группам населения, устанавливаемой Правительством Ханты-Мансийского автономного округа - Югры',
  no_foster_training:
    'отсутствие возможности у граждан, желающих принять на воспитание в свою семью ребенка, оставшегося без попечения родителей, пройти подготовку в органах опеки и попечительства в порядке, установленном законодательством Российской Федерации',
};

/** «Жилищные условия семьи по месту фактического проживания (нужное подчеркнуть)». */
export const FAMILY_HOUSING_TYPES = ['private_house', 'apartment', 'communal_room', 'dormitory_room', 'other'] as const;
export type FamilyHousingType = (typeof FAMILY_HOUSING_TYPES)[number];
export const FAMILY_HOUSING_TYPE_LABELS: Record<FamilyHousingType, string> = {
  private_house: 'частный дом',
  apartment: 'отдельная квартира',
  communal_room: 'комната в коммунальной квартире',
  dormitory_room: 'комната в общежитии',
  other: 'иное (указать)',
};

/** «Форма собственности жилья: государственное или муниципальное (нужное подчеркнуть)». */
export const HOUSING_OWNERS = ['state', 'municipal'] as const;
export type HousingOwner = (typeof HOUSING_OWNERS)[number];
export const HOUSING_OWNER_LABELS: Record<HousingOwner, string> = { state: 'государственное', municipal: 'муниципальное' };

/** «служебное, общежитие, жилое помещение маневренного фонда». */
export const HOUSING_OWNERSHIP_KINDS = ['service', 'dormitory', 'maneuver_fund'] as const;
export type HousingOwnershipKind = (typeof HOUSING_OWNERSHIP_KINDS)[number];
export const HOUSING_OWNERSHIP_KIND_LABELS: Record<HousingOwnershipKind, string> = {
  service: 'служебное',
  dormitory: 'общежитие',
  maneuver_fund: 'жилое помещение маневренного фонда',
};

/** «санитарно-гигиеническое (нужное подчеркнуть): хорошее/удовлетворительное/плохое/антисанитарное». */
export const SANITARY_STATES = ['good', 'satisfactory', 'poor', 'unsanitary'] as const;
export type SanitaryState = (typeof SANITARY_STATES)[number];
export const SANITARY_STATE_LABELS: Record<SanitaryState, string> = {
  good: 'хорошее',
  satisfactory: 'удовлетворительное',
  poor: 'плохое',
  unsanitary: 'антисанитарное',
};

/** «необходимость проведения ремонта (нужное подчеркнуть): нет/косметический/капитальный». */
export const REPAIR_NEEDS = ['none', 'cosmetic', 'major'] as const;
export type RepairNeed = (typeof REPAIR_NEEDS)[number];
export const REPAIR_NEED_LABELS: Record<RepairNeed, string> = {
  none: 'нет',
  cosmetic: 'косметический',
  major: 'капитальный',
};

/** «теплоснабжение: печное, центральное, газовое». */
export const FAMILY_HEATING = ['stove', 'central', 'gas'] as const;
export type FamilyHeating = (typeof FAMILY_HEATING)[number];
export const FAMILY_HEATING_LABELS: Record<FamilyHeating, string> = {
  stove: 'печное',
  central: 'центральное',
  gas: 'газовое',
};

/** «водоснабжение: горячее, холодное; газ; канализация; телефон; лифт; ванная». */
export const FAMILY_AMENITIES = ['hot_water', 'cold_water', 'gas', 'sewerage', 'phone', 'lift', 'bath'] as const;
export type FamilyAmenity = (typeof FAMILY_AMENITIES)[number];
export const FAMILY_AMENITY_LABELS: Record<FamilyAmenity, string> = {
  hot_water: 'горячее',
  cold_water: 'холодное',
  gas: 'газ',
  sewerage: 'канализация',
  phone: 'телефон',
  lift: 'лифт',
  bath: 'ванная',
};

/** «Характер взаимоотношений между членами семьи (нужное подчеркнуть)»: the descriptions printed after «да/нет». */
export const RELATION_TRAITS = [
  'disrupted',
  'unfavorable_climate',
  'emotional_conflicts',
  'coldness',
  'secrecy',
  'subordination',
  'avoidance',
  'apathy',
  'despotism',
  'different_values',
] as const;
export type RelationTrait = (typeof RELATION_TRAITS)[number];
export const RELATION_TRAIT_LABELS: Record<RelationTrait, string> = {
  disrupted: 'Взаимоотношения нарушены',
  unfavorable_climate: 'Неблагоприятный психологический микроклимат',
  emotional_conflicts: 'эмоционально-конфликтные отношения',
  coldness: 'Неудобство, дискомфорт и холодность',
  secrecy: 'семейная атмосфера полна скрытости и недоверия',
  subordination: 'отношения строятся на долженствовании и подчинении',
  avoidance:
    'В семье действует механизм избегания: погружение в работу или в какие-то дела вне дома, общение сведено к минимуму',
  apathy: 'апатичность, равнодушие к себе и к тому, что их окружает',
  despotism: 'члены семьи деспотично и грубо подавляют других',
  different_values: 'Различия семейных ценностей',
};

/** A row of «Состав семьи». */
export const FamilyMember = z.object({
  /** «Ф.И.О.» */
  fullName: optText(200),
  /** «Дата рождения» */
  birthDate: optDate,
  /** «Степень родства» */
  relation: optText(100),
  /** «Место работы/учебы лица, совместно проживающего с гражданином» */
  workOrStudy: optText(300),
  /** «Категория лица, совместно проживающего с гражданином» */
  category: optText(200),
});
export type FamilyMember = z.infer<typeof FamilyMember>;

export const Appendix3FamilyAct = z.object({
  /** «от "__" __________ 20__ г.» */
  date: optDate,
  /** «N _______» */
  number: optText(30),
  /** «(наименование организации социального обслуживания)» */
  organization: optText(500),
  /** «Ф.И.О.» */
  fullName: optText(200),
  /** «Адрес проживания, по которому проведено обследование» */
  surveyAddress: optText(500),

  // «Сведения о семье»
  /** «Социальный статус семьи (нужное подчеркнуть)» */
  socialStatus: multiChoice(FAMILY_SOCIAL_STATUSES),
  /** «Состав семьи» */
  members: rows(FamilyMember, 20, 'Состав семьи'),
  /** «Существуют ли обстоятельства, которые ухудшают или могут ухудшить условия жизнедеятельности одного из членов семьи (нужное подчеркнуть)» */
  circumstances: multiChoice(FAMILY_CIRCUMSTANCES),
  /** «Дополнительная информация» (after the circumstances) */
  familyInfo: blank(2000),

  // «Жилищные условия»
  housing: z
    .object({
      /** «Жилищные условия семьи по месту фактического проживания (нужное подчеркнуть)» */
      type: optChoice(FAMILY_HOUSING_TYPES),
      /** «иное (указать)» */
      other: blank(300),
      /** «Форма собственности жилья: государственное или муниципальное (нужное подчеркнуть)» */
      owner: optChoice(HOUSING_OWNERS),
      /** «служебное, общежитие, жилое помещение маневренного фонда» */
      ownershipKind: optChoice(HOUSING_OWNERSHIP_KINDS),
      /** «Занимаемая площадь», кв. м */
      area: optAmount(10_000),
      /** «количество комнат» */
      rooms: optInt(1, 50, 'Количество комнат'),
      /** «Состояние жилья: санитарно-гигиеническое (нужное подчеркнуть)» */
      sanitary: optChoice(SANITARY_STATES),
      /** «необходимость проведения ремонта (нужное подчеркнуть)» */
      repair: optChoice(REPAIR_NEEDS),
      /** «Благоустройство жилого помещения (нужное подчеркнуть): теплоснабжение» */
      heating: multiChoice(FAMILY_HEATING),
      /** «водоснабжение: горячее, холодное; газ; канализация; телефон; лифт; ванная и т.д.» */
      amenities: multiChoice(FAMILY_AMENITIES),
    })
    .optional(),
  /** «Отсутствие жилья (причины)» */
  noHousingReason: blank(500),
  /** «Дополнительная информация» (after the housing) */
  housingInfo: blank(2000),

  // «Характер взаимоотношений между членами семьи (нужное подчеркнуть)»
  /** «Есть ли проблемы во взаимоотношениях, напряженная обстановка в семье (нужное подчеркнуть): да/нет» */
  relationProblems: optChoice(YES_NO),
  /** «Взаимоотношения нарушены. … Различия семейных ценностей» */
  relationTraits: multiChoice(RELATION_TRAITS),
  /** «Характеристика родителей (…)» */
  parentsCharacteristic: blank(3000),

  // «Материальное положение семьи»
  income: z
    .object({
      /** «Источники дохода: доход членов семьи, проживающих совместно» */
      members: blank(1000),
      /** «алименты» */
      alimony: blank(500),
      /** «помощь фондов, организаций» */
      funds: blank(500),
      /** «другое» */
      other: blank(500),
      /** «Среднедушевой доход по состоянию на "____" ________ 20__ г.» */
      perCapitaDate: optDate,
      /** «___ руб.» */
      perCapita: optAmount(100_000_000),
      /** «Меры социальной поддержки» */
      supportMeasures: blank(1000),
      /** «Обязательные расходы (платежи, медикаменты)» */
      mandatoryExpenses: blank(1000),
      /** «Дополнительная информация» */
      info: blank(2000),
    })
    .optional(),

  /** «Заключение комиссии по итогам проведения оценки потребности в предоставлении социальных услуг» */
  conclusion: blank(5000),

  /** «Акт обследования социально-бытовых условий семей, нуждающихся в социальном обслуживании, составил:» */
  compiledBy: signers(5, 'Составил'),
  /** «Присутствовали при составлении акта социально-бытовых условий семей, нуждающихся в социальном обслуживании:» */
  present: signers(10, 'Присутствовали'),
  /** «"____" ________ 20__ г.» under those present; the act's date when empty. */
  signaturesDate: optDate,
  /** «Гражданин: …» */
  citizen: CitizenSignature.optional(),
});
export type Appendix3FamilyAct = z.infer<typeof Appendix3FamilyAct>;

// ================================================================== Appendix 4

/** «пол (нужное подчеркнуть): муж./жен.» */
export const ACT_SEXES = ['male', 'female'] as const;
export type ActSex = (typeof ACT_SEXES)[number];
export const ACT_SEX_LABELS: Record<ActSex, string> = { male: 'муж.', female: 'жен.' };

/** «Рекомендованные формы социального обслуживания (нужное подчеркнуть)». */
export const SERVICE_FORMS = ['home', 'stationary', 'stationary_special', 'semi_stationary'] as const;
export type ServiceForm = (typeof SERVICE_FORMS)[number];
export const SERVICE_FORM_LABELS: Record<ServiceForm, string> = {
  home: 'предоставление социальных услуг в форме социального обслуживания на дому',
  stationary: 'предоставление социальных услуг в стационарной форме',
  stationary_special:
    'предоставление социальных услуг в стационарной форме социального обслуживания со специальным социальным обслуживанием',
  semi_stationary: 'предоставление социальных услуг в полустационарной форме социального обслуживания',
};

/** «Условия предоставления социального обслуживания (нужное подчеркнуть)». */
export const PAYMENT_CONDITIONS = ['free', 'partial', 'full'] as const;
export type PaymentCondition = (typeof PAYMENT_CONDITIONS)[number];
export const PAYMENT_CONDITION_LABELS: Record<PaymentCondition, string> = {
  free: 'бесплатно',
  partial: 'с частичной оплатой',
  full: 'с полной оплатой',
};

/** The seven tables of «Рекомендованные виды, объем, периодичность социальных услуг». */
export const SERVICE_TYPES = [
  'household',
  'medical',
  'psychological',
  'pedagogical',
  'labor',
  'legal',
  'communicative',
] as const;
export type ServiceType = (typeof SERVICE_TYPES)[number];
/** Each table's caption and the title of its name column, as printed. */
export const SERVICE_TYPE_LABELS: Record<ServiceType, { caption: string; nameColumn: string }> = {
  household: { caption: 'Социально-бытовые', nameColumn: 'Наименование социально-бытовой услуги' },
  medical: { caption: 'Социально-медицинские', nameColumn: 'Наименование социально-медицинской услуги' },
  psychological: { caption: 'Социально-психологические', nameColumn: 'Наименование социально-психологической услуги' },
  pedagogical: { caption: 'Социально-педагогические', nameColumn: 'Наименование социально-педагогической услуги' },
  labor: { caption: 'Социально-трудовые', nameColumn: 'Наименование социально-трудовой услуги' },
  legal: { caption: 'Социально-правовые', nameColumn: 'Наименование социально-правовой услуги' },
  communicative: {
    caption:
      'Услуги в целях повышения коммуникативного потенциала граждан, имеющих ограничения жизнедеятельности, в том числе детей-инвалидов',
    nameColumn: 'Наименование услуги',
  },
};

/** A row of a service table. */
export const ServiceRow = z.object({
  /** The service's code in the services catalogue, if picked from it (not printed). */
  code: optText(50),
  /** «Наименование … услуги» */
  name: optText(1000),
  /** «Объем предоставления услуги» */
  volume: optText(300),
  /** «Периодичность предоставления услуги» */
  frequency: optText(300),
  /** «Срок предоставления услуги» */
  term: optText(300),
});
export type ServiceRow = z.infer<typeof ServiceRow>;

/** «на постоянной основе, на временной основе». */
export const STAY_BASES = ['permanent', 'temporary'] as const;
export type StayBasis = (typeof STAY_BASES)[number];
export const STAY_BASIS_LABELS: Record<StayBasis, string> = {
  permanent: 'на постоянной основе',
  temporary: 'на временной основе',
};

/** «Необходимость социального сопровождения (нужное подчеркнуть): не нуждается, нуждается». */
export const ESCORT_NEEDS = ['not_needed', 'needed'] as const;
export type EscortNeed = (typeof ESCORT_NEEDS)[number];
export const ESCORT_NEED_LABELS: Record<EscortNeed, string> = { not_needed: 'не нуждается', needed: 'нуждается' };

const serviceTable = (what: string) => rows(ServiceRow, 60, what);

export const Appendix4Act = z.object({
  /** «от "__" __________ 20__ г.» */
  date: optDate,
  /** «N _______» */
  number: optText(30),
  /** «(наименование организации социального обслуживания)» */
  organization: optText(500),
  /** «Ф.И.О.» */
  fullName: optText(200),
  /** «Дата рождения» */
  birthDate: optDate,
  /** «пол (нужное подчеркнуть): муж./жен.» */
  sex: optChoice(ACT_SEXES),
  /** «Категория гражданина (нужное подчеркнуть)» */
  categories: multiChoice(CITIZEN_CATEGORIES),
  /** «инвалид ___ группы» */
  disabilityGroup: optChoice(DISABILITY_GROUPS),
  /** «Рекомендованные формы социального обслуживания (нужное подчеркнуть)» */
  serviceForms: multiChoice(SERVICE_FORMS),
  /** «Условия предоставления социального обслуживания (нужное подчеркнуть)» */
  paymentConditions: optChoice(PAYMENT_CONDITIONS),
  /** «Рекомендованные виды, объем, периодичность социальных услуг (…) (нужное указать)»: one table per type. */
  services: z
    .object({
      /** «Социально-бытовые» */
      household: serviceTable('Социально-бытовые услуги'),
      /** «Социально-медицинские» */
      medical: serviceTable('Социально-медицинские услуги'),
      /** «Социально-психологические» */
      psychological: serviceTable('Социально-психологические услуги'),
      /** «Социально-педагогические» */
      pedagogical: serviceTable('Социально-педагогические услуги'),
      /** «Социально-трудовые» */
      labor: serviceTable('Социально-трудовые услуги'),
      /** «Социально-правовые» */
      legal: serviceTable('Социально-правовые услуги'),
      /** «Услуги в целях повышения коммуникативного потенциала …» */
      communicative: serviceTable('Услуги в целях повышения коммуникативного потенциала'),
    })
    .optional(),
  /** «Рекомендуемая продолжительность предоставления социальных услуг:» */
  duration: z
    .object({
      /** «в форме социального обслуживания на дому: на срок до ___» */
      homeUntil: optText(100),
      /** «в стационарной форме: на постоянной основе, на временной основе» */
      stationaryBasis: optChoice(STAY_BASES),
      /** «… на срок до ___» */
      stationaryUntil: optText(100),
      /** «в стационарной форме социального обслуживания со специальным социальным обслуживанием: на постоянной основе, на временной основе» */
      specialBasis: optChoice(STAY_BASES),
      /** «… на срок до ___» */
      specialUntil: optText(100),
      /** «в полустационарной форме социального обслуживания: на срок до ___» */
      semiUntil: optText(100),
    })
    .optional(),
  /** «Необходимость социального сопровождения (нужное подчеркнуть): не нуждается, нуждается» */
  escort: optChoice(ESCORT_NEEDS),
  /** «(нужное указать): Вид социального сопровождения» — table rows. */
  escortKinds: z
    .array(optText(1000), { error: 'Виды социального сопровождения: неверный список' })
    .max(20, { error: 'Виды социального сопровождения: не более 20' })
    .transform((a) => a.filter((s): s is string => !!s))
    .optional(),
  /** «Дополнительные данные» */
  additionalInfo: blank(2000),

  /** «Акт оценки индивидуальной потребности граждан составил:» */
  compiledBy: signers(5, 'Составил'),
  /** «Присутствовали при составлении акта оценки индивидуальной потребности гражданина:» */
  present: signers(10, 'Присутствовали'),
  /** «"____" ________ 20__ г.» under those present; the act's date when empty. */
  signaturesDate: optDate,
  /** «Гражданин: …» */
  citizen: CitizenSignature.extend({
    /** «с условиями предоставления социальных услуг ознакомлен (на) и согласен (на)» */
    agreed: z.boolean({ error: 'Отметьте согласие с условиями предоставления социальных услуг' }).optional(),
  }).optional(),
});
export type Appendix4Act = z.infer<typeof Appendix4Act>;

// ================================================================== dates and prefill

export const FUTURE_ACT_DATES = 'Даты акта не могут быть позже сегодняшней: акт составляется по итогам обследования.';
const AFTER_TODAY = 'Позже сегодняшней даты';

/**
 * The dates of an act (any of the three) that lie after `today`, by their
 * path in the act: an act records a visit and papers that exist, so its
 * date, the signatures, the ИПР's issue date, the income's date and the
 * family members' birth dates cannot be in the future. The backend refuses
 * such an act; the form says so before saving.
 */
export function actDatesAfter(act: unknown, today: string): Record<string, string> {
  const a = (act && typeof act === 'object' ? act : {}) as Record<string, unknown>;
  const at = (o: unknown, k: string): unknown => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined);
  const dates: [string, unknown][] = [
    ['date', a.date],
    ['signaturesDate', a.signaturesDate],
    ['citizen.date', at(a.citizen, 'date')],
    ['health.iprIssueDate', at(a.health, 'iprIssueDate')],
    ['income.perCapitaDate', at(a.income, 'perCapitaDate')],
    ...(Array.isArray(a.members) ? a.members.map((m, i): [string, unknown] => [`members.${i}.birthDate`, at(m, 'birthDate')]) : []),
  ];
  const out: Record<string, string> = {};
  for (const [path, v] of dates) if (typeof v === 'string' && v !== '' && v > today) out[path] = AFTER_TODAY;
  return out;
}

/** What the application registered says about the citizen's category, in the act's options. */
export interface CaseCategoryFacts {
  /** Intake circumstances: «пенсионер», «инвалидность установлена». */
  circumstances: { pensioner?: unknown; disabled?: unknown };
  /** The income exemption (льготная категория) chosen at intake, if any. */
  lgota: string | null;
}

/** Exemption codes of the intake that name exactly one category of the act. */
const LGOTA_CATEGORY: Record<string, CitizenCategory> = {
  'combat-invalids': 'combat_disabled',
  'former-minor-prisoners': 'former_minor_prisoner',
  'wwii-combat-families': 'fallen_family_member',
};

/**
 * The categories a new act starts with, from the application: a pensioner
 * is «пенсионер по старости», an established disability «инвалид», and an
 * exemption that names one category of the act that category. The
 * specialist corrects them from the paper act; nothing is guessed where the
 * intake is ambiguous (the WWII veterans' exemption covers several options).
 */
export function categoriesFromCase(c: CaseCategoryFacts): CitizenCategory[] {
  const picked = new Set<CitizenCategory>();
  if (c.circumstances.pensioner === true) picked.add('old_age_pensioner');
  if (c.circumstances.disabled === true) picked.add('disabled');
  const fromLgota = c.lgota ? LGOTA_CATEGORY[c.lgota] : undefined;
  if (fromLgota) picked.add(fromLgota);
  return CITIZEN_CATEGORIES.filter((k) => picked.has(k));
}

// ================================================================== completeness

const has = (s: string | undefined | null): boolean => typeof s === 'string' && s.trim() !== '';

/** Header of every act: number, date, organisation, the citizen's name. */
function headerGaps(a: { number?: string; date?: string; organization?: string; fullName?: string }): string[] {
  const out: string[] = [];
  if (!has(a.number)) out.push('Не указан номер акта');
  if (!a.date) out.push('Не указана дата акта');
  if (!has(a.organization)) out.push('Не указано наименование организации социального обслуживания');
  if (!has(a.fullName)) out.push('Не указаны Ф.И.О. гражданина');
  return out;
}

function categoryGaps(a: { categories?: CitizenCategory[]; disabilityGroup?: DisabilityGroup }): string[] {
  const out: string[] = [];
  if (!a.categories?.length) out.push('Не выбрана категория гражданина');
  if (a.categories?.includes('disabled') && !a.disabilityGroup) out.push('Не указана группа инвалидности');
  return out;
}

type Signers = ActSigner[] | undefined;
type Citizen = z.infer<typeof CitizenSignature> | undefined;

function signatureGaps(compiledBy: Signers, citizen: Citizen, what: string): string[] {
  const out: string[] = [];
  if (!compiledBy?.some((s) => has(s.fullName))) out.push(`Не указано, кто составил ${what}`);
  if (compiledBy?.some((s) => !has(s.fullName) && has(s.position))) out.push('Не указаны Ф.И.О. составившего акт');
  if (!citizen?.confirmed) out.push('Не отмечено, что гражданин подтвердил достоверность и полноту сведений');
  if (!citizen?.pdConsent) out.push('Не отмечено согласие гражданина на обработку персональных данных');
  return out;
}

/**
 * What a citizen survey act (Appendix 3) still lacks to count as complete.
 * Required: the header and the survey address; a category (with the group
 * for «инвалид»); the rehabilitation programme yes/no (with its number and
 * date when yes); the family status (with at least one person in the table
 * unless «одинокий (ая)» or a lonely couple, and a name and relationship in
 * every row); the bad habits yes/no; the housing type (unless «Отсутствие
 * жилья» gives the reasons); the per-capita income; both scale results; the
 * six capability choices; the degree 0–10; who drew the act up; the
 * citizen's confirmation and consent. Every chosen «другое / иное / (указать)»
 * option needs its text.
 */
export function appendix3CitizenComplete(act: Appendix3CitizenAct): string[] {
  const out = headerGaps(act);
  if (!has(act.surveyAddress)) out.push('Не указан адрес проживания, по которому проведено обследование');
  out.push(...categoryGaps(act));

  const h = act.health ?? {};
  if (h.prevention?.includes('other') && !has(h.preventionOther)) out.push('Не указаны другие профилактические меры');
  if (!h.ipr) out.push('Не указано наличие индивидуальной программы реабилитации инвалида');
  if (h.ipr === 'yes') {
    if (!has(h.iprNumber)) out.push('Не указан номер индивидуальной программы реабилитации инвалида');
    if (!h.iprIssueDate) out.push('Не указана дата выдачи индивидуальной программы реабилитации инвалида');
  }

  if (!act.familyStatus) out.push('Не выбран семейный статус гражданина');
  const household = act.household ?? [];
  if (act.familyStatus === 'with_family' && household.length === 0) {
    out.push('Не заполнены сведения о лицах, совместно проживающих с гражданином');
  }
  household.forEach((m, i) => {
    if (!has(m.fullName)) out.push(`Совместно проживающие, строка ${i + 1}: не указаны Ф.И.О.`);
    if (!has(m.relation)) out.push(`Совместно проживающие, строка ${i + 1}: не указана степень родства`);
  });
  if (act.relations === 'other' && !has(act.relationsOther)) out.push('Не описаны социально-бытовые взаимоотношения («иное»)');
  if (!act.badHabits) out.push('Не указано наличие вредных привычек');
  if (act.badHabits === 'yes' && !has(act.badHabitsWhich)) out.push('Не указано, какие вредные привычки');

  const hs = act.housing ?? {};
  if (!hs.type && !has(act.noHousingReason)) out.push('Не указаны жилищные условия проживания или причины отсутствия жилья');
  if (hs.type === 'other' && !has(hs.other)) out.push('Не указан вид жилья («другое»)');

  if (act.perCapitaIncome === undefined) out.push('Не указан среднедушевой доход гражданина (семьи)');
  if (act.riskFactors?.includes('other') && !has(act.riskOther)) out.push('Не указаны другие факторы риска');
  if (act.positiveFactors?.includes('other') && !has(act.positiveOther)) {
    out.push('Не указаны другие факторы, положительно влияющие на жизнедеятельность');
  }

  if (!act.barthel) out.push('Не указано количество баллов по шкале Бартела');
  if (!act.lawton) out.push('Не указано количество баллов по шкале Лаутона');
  if (!act.householdActivity) out.push('Не выбрана возможность выполнения бытовой деятельности');
  if (!act.independentLiving) out.push('Не выбрана способность к самостоятельному проживанию');
  if (!act.independentOfHelp) out.push('Не выбрана способность к независимой от посторонней постоянной помощи жизни');
  if (!act.socialIntegration) out.push('Не выбрана способность к интеграции в общество');
  if (!act.adaptation) out.push('Не выбрана степень социально-бытовой адаптации');
  if (!act.compensation) out.push('Не выбрано стремление к компенсации имеющихся нарушений');

  if (act.degree === undefined) out.push('Не выбрана степень в заключении');
  if (act.helpReasons?.includes('other') && !has(act.helpOther)) {
    out.push('Не указаны иные обстоятельства, ухудшающие условия жизнедеятельности');
  }
  out.push(...signatureGaps(act.compiledBy, act.citizen, 'акт обследования'));
  return out;
}

/**
 * What a family survey act (Appendix 3) still lacks to count as complete.
 * Required: the header and the survey address; at least one member in
 * «Состав семьи», each with a name and relationship; the housing type
 * (unless «Отсутствие жилья» gives the reasons); whether relationships have
 * problems (да/нет); the per-capita income and its date; the commission's
 * conclusion; who drew the act up; the citizen's confirmation and consent.
 * A chosen «иное (указать)» needs its text.
 */
export function appendix3FamilyComplete(act: Appendix3FamilyAct): string[] {
  const out = headerGaps(act);
  if (!has(act.surveyAddress)) out.push('Не указан адрес проживания, по которому проведено обследование');
  const members = act.members ?? [];
  if (members.length === 0) out.push('Не заполнен состав семьи');
  members.forEach((m, i) => {
    if (!has(m.fullName)) out.push(`Состав семьи, строка ${i + 1}: не указаны Ф.И.О.`);
    if (!has(m.relation)) out.push(`Состав семьи, строка ${i + 1}: не указана степень родства`);
  });
  const hs = act.housing ?? {};
  if (!hs.type && !has(act.noHousingReason)) out.push('Не указаны жилищные условия семьи или причины отсутствия жилья');
  if (hs.type === 'other' && !has(hs.other)) out.push('Не указан вид жилья («иное»)');
  if (!act.relationProblems) out.push('Не указано, есть ли проблемы во взаимоотношениях в семье');
  const inc = act.income ?? {};
  if (inc.perCapita === undefined) out.push('Не указан среднедушевой доход семьи');
  if (!inc.perCapitaDate) out.push('Не указана дата, на которую рассчитан среднедушевой доход');
  if (!has(act.conclusion)) out.push('Не заполнено заключение комиссии');
  out.push(...signatureGaps(act.compiledBy, act.citizen, 'акт обследования'));
  return out;
}

/**
 * What an individual-need act (Appendix 4) still lacks to count as complete.
 * Required: the header, date of birth and sex; a category (with the group
 * for «инвалид»); at least one recommended form of service; the payment
 * conditions; at least one recommended service, each row with its name,
 * volume, frequency and term; the recommended duration for every chosen
 * form (the basis, and the term when temporary, for the stationary forms);
 * the need for social escort (with at least one kind when needed); who drew
 * the act up; the citizen's agreement, confirmation and consent.
 */
export function appendix4Complete(act: Appendix4Act): string[] {
  const out = headerGaps(act);
  if (!act.birthDate) out.push('Не указана дата рождения');
  if (!act.sex) out.push('Не указан пол');
  out.push(...categoryGaps(act));
  const forms = act.serviceForms ?? [];
  if (forms.length === 0) out.push('Не выбрана рекомендованная форма социального обслуживания');
  if (!act.paymentConditions) out.push('Не выбраны условия предоставления социального обслуживания');

  let total = 0;
  for (const t of SERVICE_TYPES) {
    const caption = SERVICE_TYPE_LABELS[t].caption;
    const short = t === 'communicative' ? 'Услуги в целях повышения коммуникативного потенциала' : caption;
    (act.services?.[t] ?? []).forEach((r, i) => {
      total += 1;
      const where = `${short}, строка ${i + 1}`;
      if (!has(r.name)) out.push(`${where}: не указано наименование услуги`);
      if (!has(r.volume)) out.push(`${where}: не указан объем предоставления услуги`);
      if (!has(r.frequency)) out.push(`${where}: не указана периодичность предоставления услуги`);
      if (!has(r.term)) out.push(`${where}: не указан срок предоставления услуги`);
    });
  }
  if (total === 0) out.push('Не указано ни одной рекомендованной социальной услуги');

  const d = act.duration ?? {};
  if (forms.includes('home') && !has(d.homeUntil)) out.push('Не указан срок предоставления социальных услуг на дому');
  if (forms.includes('stationary')) {
    if (!d.stationaryBasis) out.push('Не выбрана основа предоставления услуг в стационарной форме');
    if (d.stationaryBasis === 'temporary' && !has(d.stationaryUntil)) {
      out.push('Не указан срок предоставления услуг в стационарной форме');
    }
  }
  if (forms.includes('stationary_special')) {
    if (!d.specialBasis) out.push('Не выбрана основа предоставления услуг со специальным социальным обслуживанием');
    if (d.specialBasis === 'temporary' && !has(d.specialUntil)) {
      out.push('Не указан срок предоставления услуг со специальным социальным обслуживанием');
    }
  }
  if (forms.includes('semi_stationary') && !has(d.semiUntil)) {
    out.push('Не указан срок предоставления услуг в полустационарной форме');
  }

  if (!act.escort) out.push('Не указана необходимость социального сопровождения');
  if (act.escort === 'needed' && !act.escortKinds?.length) out.push('Не указан вид социального сопровождения');

  out.push(...signatureGaps(act.compiledBy, act.citizen, 'акт оценки'));
  if (!act.citizen?.agreed) out.push('Не отмечено, что гражданин ознакомлен и согласен с условиями предоставления социальных услуг');
  return out;
}
