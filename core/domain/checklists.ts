/**
 * Document checklists per sub-service, item for item as the administrative
 * regulation (приказ Депсоцразвития Югры от 20.07.2015 N 27-нп) lists them.
 *
 *   п. 19  признание нуждающимися в социальных услугах на дому          -> 'home'
 *   п. 20  ... в полустационарной форме                                  -> 'semi-stationary'
 *   п. 21  ... в стационарной форме (incl. административный надзор and
 *          relatives unable to provide care, one document per relative) -> 'stationary'
 *   п. 22  ... в жилых помещениях специализированного жилищного фонда
 *          (adult children unable to provide care, one per relative)    -> 'special-housing'
 *   п. 23  признание несовершеннолетних ... в полустационарной форме     -> 'minors-semi-stationary'
 *   п. 19-21  categories exempt from the income documents (INCOME_EXEMPTIONS)
 *   п. 24-25  documents the office requests from other agencies unless the
 *          applicant brings them on their own initiative (source 'interagency')
 *   п. 14  the agencies the office requests from (agency codes of agencies.json)
 *   п. 3   representatives; п. 22 has no representative item of its own
 *   п. 29  there are no grounds to refuse acceptance of documents: nothing
 *          here blocks registration; `required` is information only.
 *   п. 31  a missing document may later be a ground to refuse the service.
 *
 * Pure data and functions, no I/O.
 */

export const SUBSERVICE_CODES = ['home', 'semi-stationary', 'stationary', 'special-housing', 'minors-semi-stationary'] as const;
export type SubserviceCode = (typeof SUBSERVICE_CODES)[number];

export type ChecklistParagraph = 'п. 3' | 'п. 19' | 'п. 20' | 'п. 21' | 'п. 22' | 'п. 23' | 'п. 25';

export const SUBSERVICE_PARAGRAPH: Readonly<Record<SubserviceCode, ChecklistParagraph>> = {
  home: 'п. 19',
  'semi-stationary': 'п. 20',
  stationary: 'п. 21',
  'special-housing': 'п. 22',
  'minors-semi-stationary': 'п. 23',
};

/** Agency codes of resources/reference/agencies.json (п. 14). */
export type AgencyCode = 'csv' | 'mvd' | 'sfr' | 'fms' | 'rosreestr';

export const CHECKLIST_SOURCES = ['applicant', 'interagency'] as const;
export type ChecklistSource = (typeof CHECKLIST_SOURCES)[number];

export interface ChecklistItem {
  /** Stable latin slug, unique within the sub-service's list. */
  key: string;
  /** Regulation wording (a trailing condition moved to `condition`). */
  title: string;
  paragraph: ChecklistParagraph;
  /** 'interagency': п. 25, requested by the office unless the applicant brings it (п. 24). */
  source: ChecklistSource;
  /** For interagency items: the agency the office requests from. */
  agencyCode?: AgencyCode;
  /** For interagency items: what is requested from the agency. */
  request?: string;
  /** One item per relative unable to provide care (п. 21, п. 22). */
  perRelative?: boolean;
  /** 1-based number of the relative for perRelative items. */
  relativeIndex?: number;
  /** For perRelative items: any one of these documents (facts) suffices. */
  alternatives?: string[];
  /**
   * The regulation lists this document for this applicant. Never blocks the
   * acceptance of an application (п. 29).
   */
  required: boolean;
  /** Russian text of when the item applies. */
  condition?: string;
}

export const INCOME_EXEMPTION_CODES = [
  'minors',
  'wwii-invalids-veterans',
  'combat-invalids',
  'wwii-combat-families',
  'former-minor-prisoners',
  'emergency-victims',
] as const;
export type IncomeExemptionCode = (typeof INCOME_EXEMPTION_CODES)[number];

export interface ApplicantCircumstances {
  subservice: SubserviceCode;
  /** The application is filed by a representative (п. 3). */
  hasRepresentative: boolean;
  /** Category the applicant belongs to, if any (льготная категория). */
  incomeExemption: IncomeExemptionCode | null;
  /** Инвалидность установлена. */
  disabled: boolean;
  /** п. 21: released from prison with административный надзор. */
  underAdministrativeSupervision: boolean;
  /**
   * п. 21: number of relatives who cannot provide help and care;
   * п. 22: number of adult children who cannot. One document per relative.
   */
  relativesUnableToCare: number;
  /** п. 21: признан недееспособным (court decision). */
  legallyIncapacitated?: boolean;
  /** п. 21: страдает психическим расстройством. */
  mentalDisorder?: boolean;
  /**
   * п. 19-21 with п. 25: the applicant and/or the family members living with
   * them receive a pension; its amount is requested from the pension body
   * instead of being among the income documents.
   */
  pensioner?: boolean;
  /** п. 23: the minor is under 14 (birth certificate instead of an identity document). */
  minorUnder14?: boolean;
  /** п. 23: ребенок, оставшийся без попечения родителей (ходатайство). */
  leftWithoutParentalCare?: boolean;
  /** п. 23: parents / legal representatives detained, arrested or imprisoned (постановление). */
  legalRepresentativesDetained?: boolean;
  /** п. 23: the minor is taken in on an act of the police duty officer (акт оперативного дежурного). */
  policeReferral?: boolean;
}

/** A plain applicant: nothing conditional applies. */
export function defaultCircumstances(subservice: SubserviceCode): ApplicantCircumstances {
  return {
    subservice,
    hasRepresentative: false,
    incomeExemption: null,
    disabled: false,
    underAdministrativeSupervision: false,
    relativesUnableToCare: 0,
    legallyIncapacitated: false,
    mentalDisorder: false,
    pensioner: false,
    minorUnder14: false,
    leftWithoutParentalCare: false,
    legalRepresentativesDetained: false,
    policeReferral: false,
  };
}

// ---------------------------------------------------------------------------
// Income exemptions (п. 19-21: «Документы не прилагаются в случае подачи
// заявления: ...»). Titles verbatim, in the regulation's instrumental case.

const EXEMPTION_TITLES: Readonly<Record<IncomeExemptionCode, string>> = {
  minors:
    'несовершеннолетними (или их законными представителями либо обращение в их интересах иных граждан, обращение государственных органов, органов местного самоуправления, общественных объединений)',
  'wwii-invalids-veterans': 'инвалидами и ветеранами Великой Отечественной войны',
  'combat-invalids': 'инвалидами боевых действий',
  'wwii-combat-families':
    'членами семей погибших (умерших) инвалидов и ветеранов Великой Отечественной войны, инвалидов боевых действий',
  'former-minor-prisoners':
    'бывшими несовершеннолетними узниками концлагерей, гетто и других мест принудительного содержания, созданных фашистами и их союзниками в период второй мировой войны',
  'emergency-victims':
    'лицами, пострадавшими в результате чрезвычайных ситуаций, вооруженных межнациональных (межэтнических) конфликтов',
};

/** The same categories in the nominative case, for a select's options. */
const EXEMPTION_LABELS: Readonly<Record<IncomeExemptionCode, string>> = {
  minors:
    'несовершеннолетние (заявление подано ими или их законными представителями либо в их интересах иными гражданами, государственными органами, органами местного самоуправления, общественными объединениями)',
  'wwii-invalids-veterans': 'инвалиды и ветераны Великой Отечественной войны',
  'combat-invalids': 'инвалиды боевых действий',
  'wwii-combat-families':
    'члены семей погибших (умерших) инвалидов и ветеранов Великой Отечественной войны, инвалидов боевых действий',
  'former-minor-prisoners':
    'бывшие несовершеннолетние узники концлагерей, гетто и других мест принудительного содержания, созданных фашистами и их союзниками в период второй мировой войны',
  'emergency-victims':
    'лица, пострадавшие в результате чрезвычайных ситуаций, вооруженных межнациональных (межэтнических) конфликтов',
};

const EXEMPTIONS_BY_SUBSERVICE: Readonly<Record<SubserviceCode, readonly IncomeExemptionCode[]>> = {
  // п. 19: six categories, including minors.
  home: [
    'minors',
    'wwii-invalids-veterans',
    'combat-invalids',
    'wwii-combat-families',
    'former-minor-prisoners',
    'emergency-victims',
  ],
  // п. 20: the same without minors.
  'semi-stationary': [
    'wwii-invalids-veterans',
    'combat-invalids',
    'wwii-combat-families',
    'former-minor-prisoners',
    'emergency-victims',
  ],
  // п. 21: only victims of emergencies and armed conflicts.
  stationary: ['emergency-victims'],
  // п. 22 and п. 23 have no income documents, hence no exemptions.
  'special-housing': [],
  'minors-semi-stationary': [],
};

export const INCOME_EXEMPTIONS: Readonly<
  Record<SubserviceCode, readonly { code: IncomeExemptionCode; title: string }[]>
> = Object.fromEntries(
  SUBSERVICE_CODES.map((s) => [s, EXEMPTIONS_BY_SUBSERVICE[s].map((code) => ({ code, title: EXEMPTION_TITLES[code] }))]),
) as Record<SubserviceCode, { code: IncomeExemptionCode; title: string }[]>;

export interface LgotaCategory {
  code: IncomeExemptionCode;
  /** Verbatim (instrumental case, as in «Документы не прилагаются в случае подачи заявления: ...»). */
  title: string;
  /** Nominative form for a select's option. */
  label: string;
  /** Paragraphs where the category exempts from income documents. */
  paragraphs: ChecklistParagraph[];
}

/** The union of the exemption categories of п. 19-21 (льготная категория). */
export const LGOTA_CATEGORIES: readonly LgotaCategory[] = (Object.keys(EXEMPTION_TITLES) as IncomeExemptionCode[]).map(
  (code) => ({
    code,
    title: EXEMPTION_TITLES[code],
    label: EXEMPTION_LABELS[code],
    paragraphs: SUBSERVICE_CODES.filter((s) => EXEMPTIONS_BY_SUBSERVICE[s].includes(code)).map(
      (s) => SUBSERVICE_PARAGRAPH[s],
    ),
  }),
);

export function isIncomeExemptionCode(v: unknown): v is IncomeExemptionCode {
  return typeof v === 'string' && Object.prototype.hasOwnProperty.call(EXEMPTION_TITLES, v);
}

/** Whether the sub-service's list has income documents at all (п. 19-21). */
export function hasIncomeDocuments(subservice: SubserviceCode): boolean {
  return subservice === 'home' || subservice === 'semi-stationary' || subservice === 'stationary';
}

/** Whether the category exempts from the income documents of this sub-service's paragraph. */
export function isIncomeExempt(subservice: SubserviceCode, code: IncomeExemptionCode | null | undefined): boolean {
  return code != null && EXEMPTIONS_BY_SUBSERVICE[subservice].includes(code);
}

/** п. 23: a minor's application goes with the documents of the legal representative. */
export function minorsRequireLegalRepresentative(subservice: SubserviceCode): boolean {
  return subservice === 'minors-semi-stationary';
}

// ---------------------------------------------------------------------------
// Wording of the items.

const T = {
  identity: 'документ, удостоверяющий личность гражданина',
  representative: 'документы, удостоверяющие личность и полномочия законного представителя',
  identityP22: 'паспорт гражданина Российской Федерации или иной документ, удостоверяющий их личность',
  birthCertificate: 'свидетельство о рождении',
  circumstances:
    'документы (сведения), подтверждающие наличие указанных в заявлении о предоставлении социальных услуг обстоятельств, обуславливающих нуждаемость в социальном обслуживании',
  medicalP19:
    'заключение медицинской организации о состоянии здоровья гражданина, необходимости посторонней помощи вследствие частичной или полной утраты способности к самообслуживанию',
  medicalP20: 'заключение медицинской организации о состоянии здоровья гражданина, способности к самообслуживанию',
  medicalCardP21:
    'медицинская карта по форме, установленной Департаментом здравоохранения Ханты-Мансийского автономного округа - Югры, выданная уполномоченной медицинской организацией, с заключением врачебной комиссии с участием врача-психиатра о состоянии здоровья гражданина, необходимости постоянной посторонней помощи вследствие частичной или полной утраты способности к самообслуживанию, с указанием рекомендуемого типа стационарной организации социального обслуживания, а также об отсутствии оснований (либо необходимости) для постановки перед судом вопроса о признании гражданина недееспособным (для дееспособных лиц, страдающих психическим расстройством)',
  contraindicationsP21:
    'заключение о наличии (отсутствии) заболеваний, включенных в перечень медицинских противопоказаний, в связи с наличием которых гражданину может быть отказано в предоставлении социальных услуг в стационарной форме, выданное уполномоченной медицинской организацией',
  disability:
    'справка, подтверждающая факт установления инвалидности, индивидуальная программа реабилитации инвалида, выданные федеральным государственным учреждением медико-социальной экспертизы',
  incapacity: 'решение суда о признании гражданина недееспособным',
  psychiatric:
    'документ о наличии у гражданина психического хронического заболевания - выписка из истории болезни с подробным описанием психостатуса',
  income:
    'документы, подтверждающие полученные в денежной форме доходы гражданина и совместно проживающих с ним членов семьи за двенадцать последних календарных месяцев, предшествующих месяцу подачи заявления, учитываемые при расчете среднедушевого дохода в соответствии с Постановлением Правительства Российской Федерации от 18 октября 2014 года N 1075 "Об утверждении Правил определения среднедушевого дохода для предоставления социальных услуг бесплатно" (за исключением доходов, получаемых в виде пенсии и (или) иных выплат в органах, осуществляющих пенсионное обеспечение)',
  supervisionCourt: 'решение суда об установлении административного надзора',
  supervisionRelease:
    'копия справки об освобождении из исправительного учреждения с отметкой об установлении административного надзора',
  supervisionOrder:
    'копия предписания, выданного администрацией исправительного учреждения, о выезде к избранному месту жительства или пребывания с указанием срока прибытия',
  supervisionPolice: 'сведения органов внутренних дел о постановке гражданина на учет для осуществления административного надзора',
  medicalCardP22:
    'медицинская карта установленного Департаментом здравоохранения автономного округа образца, выданная медицинской организацией, с заключением врачебной комиссии, состоящей из врачей: психиатра, нарколога, терапевта, онколога, фтизиатра, офтальмолога, дерматовенеролога, невролога, о состоянии здоровья гражданина, отсутствии медицинских противопоказаний для самостоятельного проживания в жилых помещениях в домах системы социального обслуживания специализированного жилищного фонда автономного округа',
  disabilityP22:
    'справка о наличии инвалидности с указанием группы, индивидуальная программа реабилитации инвалида, выданные федеральным государственным учреждением медико-социальной экспертизы',
  petitionP23:
    'ходатайство должностного лица органа или учреждения системы профилактики безнадзорности и правонарушений несовершеннолетних, в том числе ходатайство органа опеки и попечительства, о помещении в организацию ребенка, оставшегося без попечения родителей, согласованного с Управлением',
  resolutionP23: 'постановление лица, производящего дознание, следователя или судьи',
  policeActP23:
    'акт оперативного дежурного районного, городского отдела (управления) внутренних дел, отдела (управления) внутренних дел иного муниципального образования, отдела (управления) внутренних дел на транспорте о необходимости приема несовершеннолетнего в организацию, оказывающую социальные услуги в условиях круглосуточного проживания',
  medicalP23: 'заключение медицинской организации о состоянии здоровья несовершеннолетнего, способности к самообслуживанию',
} as const;

const C = {
  representative: 'при обращении представителя',
  disabilityImplicit: 'при установленной инвалидности',
  forDisabled: 'для инвалидов',
  incapacity: 'для лиц, признанных недееспособными',
  psychiatric: 'для лиц, страдающих психическим расстройством',
  supervision:
    'дополнительно для граждан, освобождаемых из мест лишения свободы, за которыми в соответствии с законодательством Российской Федерации установлен административный надзор',
  relativesP21: 'дополнительно для граждан, родственники которых не имеют возможности обеспечить им помощь и уход',
  relativesP22: 'граждане, совершеннолетние дети которых не имеют возможности обеспечить им помощь и уход',
  birthCertificate: 'для несовершеннолетних, не достигших 14 лет',
  petitionP23: 'для ребенка, оставшегося без попечения родителей',
  resolutionP23:
    'в случаях задержания, административного ареста, заключения под стражу, осуждения к аресту, ограничению свободы, лишению свободы родителей или иных законных представителей несовершеннолетнего',
  policeActP23: 'при приеме несовершеннолетнего по акту органа внутренних дел',
  ifAvailable: 'при наличии',
} as const;

/** п. 21: one of these documents (сведения) per relative. */
export const RELATIVE_ALTERNATIVES_P21: readonly string[] = [
  'документ, подтверждающий факт установления инвалидности, федерального государственного учреждения медико-социальной экспертизы (в случае наличия инвалидности у родственника)',
  'документ, удостоверяющий достижение родственником пожилого возраста (женщины старше 55 лет, мужчины старше 60 лет)',
  'документ, удостоверяющий факт нахождения родственника в местах лишения свободы',
  'справку с места работы (службы, учебы) о размерах заработной платы и других доходах родственника, свидетельствующую о том, что его среднедушевой доход менее установленной в Ханты-Мансийском автономном округе - Югре величины прожиточного минимума по соответствующей социально-демографической группе (документ действителен в течение трех месяцев с даты выдачи)',
  'документ, удостоверяющий факт проживания родственника за пределами Ханты-Мансийского автономного округа - Югры',
];

/** п. 22: documents (сведения) proving one of these facts per relative. */
export const RELATIVE_ALTERNATIVES_P22: readonly string[] = [
  'установления инвалидности, подтвержденной документом федерального государственного учреждения медико-социальной экспертизы (в случае наличия инвалидности у родственника)',
  'достижения родственником пожилого возраста (женщины старше 55 лет, мужчины старше 60 лет)',
  'нахождения родственника в местах лишения свободы',
  'проживания родственника за пределами соответствующего городского округа, муниципального района автономного округа',
];

/** Upper bound for relativesUnableToCare: far beyond any real family. */
export const MAX_RELATIVES = 50;

// ---------------------------------------------------------------------------
// п. 25: what the office requests (in the order of п. 25).

export type InteragencyKey =
  | 'social-support-rights'
  | 'criminal-record'
  | 'pension-amount'
  | 'social-support-measures'
  | 'snils'
  | 'cohabitation'
  | 'no-housing';

interface InteragencyDef {
  key: InteragencyKey;
  title: string;
  agencyCode: AgencyCode;
  request: string;
}

export const INTERAGENCY_DOCUMENTS: readonly InteragencyDef[] = [
  {
    key: 'social-support-rights',
    title:
      'справки, свидетельства или другие документы установленного образца о праве гражданина на меры социальной поддержки в соответствии с действующим законодательством',
    agencyCode: 'csv',
    request:
      'справки, свидетельства или другие документы установленного образца о праве гражданина на меры социальной поддержки в соответствии с действующим законодательством (при наличии)',
  },
  {
    key: 'criminal-record',
    title: 'сведения об отсутствии (либо наличии) у гражданина судимости',
    agencyCode: 'mvd',
    request: 'сведения об отсутствии (либо наличии) у гражданина судимости',
  },
  {
    key: 'pension-amount',
    title:
      'справка о размере пенсии с учетом надбавок, ежемесячной денежной выплаты и других аналогичных выплат, выдаваемая органом, осуществляющим пенсионное обеспечение',
    agencyCode: 'sfr',
    request:
      'справка о размере пенсии с учетом надбавок, ежемесячной денежной выплаты и других аналогичных выплат, выдаваемая органом, осуществляющим пенсионное обеспечение',
  },
  {
    key: 'social-support-measures',
    title:
      'справка о мерах социальной поддержки, выдаваемая казенным учреждением Ханты-Мансийского автономного округа - Югры "Центр социальных выплат Югры"',
    agencyCode: 'csv',
    request: 'справка о мерах социальной поддержки',
  },
  {
    key: 'snils',
    title:
      'сведения о страховом номере индивидуального лицевого счета гражданина в системе обязательного пенсионного страхования',
    agencyCode: 'sfr',
    request:
      'сведения о страховом номере индивидуального лицевого счета гражданина в системе обязательного пенсионного страхования',
  },
  {
    key: 'cohabitation',
    title:
      'сведения о совместном проживании гражданина с членами семьи, указанными в заявлении о предоставлении социальных услуг, и о количестве зарегистрированных в жилом помещении граждан',
    agencyCode: 'fms',
    request:
      'сведения о совместном проживании гражданина с членами семьи, указанными в заявлении о предоставлении социальных услуг, и о количестве зарегистрированных в жилом помещении граждан',
  },
  {
    key: 'no-housing',
    title:
      'документы, подтверждающие отсутствие у граждан и членов их семей жилых помещений, принадлежащих им на праве собственности или занимаемых ими на основании договоров найма жилого помещения государственного или муниципального жилищного фонда на территории автономного округа (выписку из Единого государственного реестра прав на недвижимое имущество и сделок с ним о наличии (отсутствии) в собственности граждан и членов их семей жилых помещений; договор найма жилого помещения государственного или муниципального жилищного фонда; справку муниципального образования автономного округа о регистрации в качестве нуждающихся в улучшении жилищных условий или иные подтверждающие настоящий факт документы)',
    agencyCode: 'rosreestr',
    request:
      'выписка из Единого государственного реестра прав на недвижимое имущество и сделок с ним о наличии (отсутствии) в собственности граждан и членов их семей жилых помещений',
  },
];

/**
 * Which п. 25 items apply to an applicant. п. 25 does not split its list by
 * sub-service; the office requests what is needed (п. 45: «отсутствие
 * документов, необходимых для предоставления государственной услуги»):
 *  - rights to social support (при наличии), criminal record, СНИЛС,
 *    cohabitation / registration: every sub-service;
 *  - pension amount: where income is assessed (п. 19-21, not exempt) and a
 *    pension is received - the income documents exclude pension income
 *    because the office requests it;
 *  - social-support payments from the Центр социальных выплат: where income
 *    is assessed (they count in the per-capita income);
 *  - absence of housing: п. 22 only (the need for a dwelling).
 */
function interagencyApplies(key: InteragencyKey, c: ApplicantCircumstances, incomeAssessed: boolean): boolean {
  switch (key) {
    case 'pension-amount':
      return incomeAssessed && c.pensioner === true;
    case 'social-support-measures':
      return incomeAssessed;
    case 'no-housing':
      return c.subservice === 'special-housing';
    default:
      return true;
  }
}

// ---------------------------------------------------------------------------

function applicant(
  key: string,
  title: string,
  paragraph: ChecklistParagraph,
  condition?: string,
  required = true,
): ChecklistItem {
  const item: ChecklistItem = { key, title, paragraph, source: 'applicant', required };
  if (condition !== undefined) item.condition = condition;
  return item;
}

function assertRelatives(n: number): void {
  if (!Number.isInteger(n) || n < 0 || n > MAX_RELATIVES) {
    throw new RangeError(`relativesUnableToCare must be an integer 0..${MAX_RELATIVES}, got ${n}`);
  }
}

function relativeItems(n: number, paragraph: 'п. 21' | 'п. 22'): ChecklistItem[] {
  const out: ChecklistItem[] = [];
  for (let i = 1; i <= n; i++) {
    out.push({
      key: `relative-${i}`,
      title:
        paragraph === 'п. 21'
          ? `один из следующих документов (сведений) в отношении родственника № ${i}`
          : `документы (сведения) в отношении родственника № ${i}, удостоверяющие или подтверждающие один из следующих фактов`,
      paragraph,
      source: 'applicant',
      perRelative: true,
      relativeIndex: i,
      alternatives: [...(paragraph === 'п. 21' ? RELATIVE_ALTERNATIVES_P21 : RELATIVE_ALTERNATIVES_P22)],
      required: true,
      condition: paragraph === 'п. 21' ? C.relativesP21 : C.relativesP22,
    });
  }
  return out;
}

/** The ordered document checklist for this applicant. */
export function buildChecklist(c: ApplicantCircumstances): ChecklistItem[] {
  const s = c.subservice;
  const p = SUBSERVICE_PARAGRAPH[s];
  if (p === undefined) throw new RangeError(`Unknown sub-service: ${JSON.stringify(s)}`);
  assertRelatives(c.relativesUnableToCare);

  const items: ChecklistItem[] = [];
  const incomeAssessed = hasIncomeDocuments(s) && !isIncomeExempt(s, c.incomeExemption);
  const representative = c.hasRepresentative || minorsRequireLegalRepresentative(s);
  const representativeItem = () =>
    applicant(
      'representative',
      T.representative,
      // п. 22 names no representative document; the right to act through a
      // representative comes from п. 3.
      s === 'special-housing' ? 'п. 3' : p,
      minorsRequireLegalRepresentative(s) ? undefined : C.representative,
    );

  switch (s) {
    case 'home':
    case 'semi-stationary': {
      items.push(applicant('identity', T.identity, p));
      if (representative) items.push(representativeItem());
      if (s === 'semi-stationary') items.push(applicant('circumstances', T.circumstances, p));
      items.push(applicant('medical-conclusion', s === 'home' ? T.medicalP19 : T.medicalP20, p));
      // Listed without a condition in п. 19/20, but only a disabled person can have it.
      items.push(applicant('disability', T.disability, p, C.disabilityImplicit, c.disabled));
      if (incomeAssessed) items.push(applicant('income', T.income, p));
      break;
    }
    case 'stationary': {
      items.push(applicant('identity', T.identity, p));
      if (representative) items.push(representativeItem());
      items.push(applicant('medical-card', T.medicalCardP21, p));
      items.push(applicant('contraindications', T.contraindicationsP21, p));
      if (c.disabled) items.push(applicant('disability', T.disability, p, C.forDisabled));
      if (c.legallyIncapacitated) items.push(applicant('incapacity-decision', T.incapacity, p, C.incapacity));
      if (c.mentalDisorder) items.push(applicant('psychiatric-extract', T.psychiatric, p, C.psychiatric));
      if (incomeAssessed) items.push(applicant('income', T.income, p));
      if (c.underAdministrativeSupervision) {
        items.push(
          applicant('supervision-court-decision', T.supervisionCourt, p, C.supervision),
          applicant('supervision-release-certificate', T.supervisionRelease, p, C.supervision),
          applicant('supervision-travel-order', T.supervisionOrder, p, C.supervision),
          applicant('supervision-police-registration', T.supervisionPolice, p, C.supervision),
        );
      }
      items.push(...relativeItems(c.relativesUnableToCare, 'п. 21'));
      break;
    }
    case 'special-housing': {
      items.push(applicant('identity', T.identityP22, p));
      if (representative) items.push(representativeItem());
      items.push(applicant('medical-card', T.medicalCardP22, p));
      if (c.disabled) items.push(applicant('disability', T.disabilityP22, p, C.forDisabled));
      items.push(...relativeItems(c.relativesUnableToCare, 'п. 22'));
      break;
    }
    case 'minors-semi-stationary': {
      items.push(
        c.minorUnder14
          ? applicant('birth-certificate', T.birthCertificate, p, C.birthCertificate)
          : applicant('identity', T.identity, p),
      );
      if (representative) items.push(representativeItem());
      items.push(applicant('circumstances', T.circumstances, p));
      if (c.leftWithoutParentalCare) items.push(applicant('prevention-petition', T.petitionP23, p, C.petitionP23));
      if (c.legalRepresentativesDetained) {
        items.push(applicant('investigator-resolution', T.resolutionP23, p, C.resolutionP23));
      }
      if (c.policeReferral) items.push(applicant('police-duty-act', T.policeActP23, p, C.policeActP23));
      items.push(applicant('medical-conclusion', T.medicalP23, p));
      break;
    }
  }

  for (const d of INTERAGENCY_DOCUMENTS) {
    if (!interagencyApplies(d.key, c, incomeAssessed)) continue;
    const item: ChecklistItem = {
      key: d.key,
      title: d.title,
      paragraph: 'п. 25',
      source: 'interagency',
      agencyCode: d.agencyCode,
      request: d.request,
      required: true,
    };
    if (d.key === 'social-support-rights') {
      item.condition = C.ifAvailable;
      // The document proving an exempt category (e.g. удостоверение ветерана)
      // is one of these; without a claimed category it is «при наличии».
      item.required = c.incomeExemption !== 'minors' && isIncomeExempt(s, c.incomeExemption);
    }
    items.push(item);
  }
  return items;
}

export interface InteragencyRequest {
  key: string;
  /** The п. 25 wording of the document. */
  title: string;
  paragraph: 'п. 25';
  agencyCode: AgencyCode;
  /** What the office requests from the agency. */
  request: string;
  required: boolean;
  condition?: string;
}

/**
 * The п. 25 items the office will request: the interagency items of the
 * checklist, minus those the applicant brought on their own initiative
 * (п. 24; п. 45: a request is sent when the document is missing).
 */
export function interagencyItems(
  items: readonly ChecklistItem[],
  broughtByApplicant: Iterable<string> = [],
): InteragencyRequest[] {
  const brought = new Set(broughtByApplicant);
  const out: InteragencyRequest[] = [];
  for (const it of items) {
    if (it.source !== 'interagency' || brought.has(it.key)) continue;
    if (it.agencyCode === undefined) continue;
    const r: InteragencyRequest = {
      key: it.key,
      title: it.title,
      paragraph: 'п. 25',
      agencyCode: it.agencyCode,
      request: it.request ?? it.title,
      required: it.required,
    };
    if (it.condition !== undefined) r.condition = it.condition;
    out.push(r);
  }
  return out;
}
