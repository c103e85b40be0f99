import { describe, it, expect } from 'vitest';
import agencies from '../../resources/reference/agencies.json';
import subservices from '../../resources/reference/subservices.json';
import {
  INCOME_EXEMPTIONS,
  LGOTA_CATEGORIES,
  SUBSERVICE_CODES,
  SUBSERVICE_PARAGRAPH,
  buildChecklist,
  defaultCircumstances,
  hasIncomeDocuments,
  interagencyItems,
  isIncomeExempt,
  minorsRequireLegalRepresentative,
  type ApplicantCircumstances,
  type ChecklistItem,
  type IncomeExemptionCode,
  type SubserviceCode,
} from '../../core/domain/checklists';

// Regulation wording, copied from п. 19-25 of the regulation.
const IDENTITY = 'документ, удостоверяющий личность гражданина';
const REPRESENTATIVE = 'документы, удостоверяющие личность и полномочия законного представителя';
const CIRCUMSTANCES =
  'документы (сведения), подтверждающие наличие указанных в заявлении о предоставлении социальных услуг обстоятельств, обуславливающих нуждаемость в социальном обслуживании';
const DISABILITY =
  'справка, подтверждающая факт установления инвалидности, индивидуальная программа реабилитации инвалида, выданные федеральным государственным учреждением медико-социальной экспертизы';
const INCOME =
  'документы, подтверждающие полученные в денежной форме доходы гражданина и совместно проживающих с ним членов семьи за двенадцать последних календарных месяцев, предшествующих месяцу подачи заявления, учитываемые при расчете среднедушевого дохода в соответствии с Постановлением Правительства Российской Федерации от 18 октября 2014 года N 1075 "Об утверждении Правил определения среднедушевого дохода для предоставления социальных услуг бесплатно" (за исключением доходов, получаемых в виде пенсии и (или) иных выплат в органах, осуществляющих пенсионное обеспечение)';

const P25 = {
  rights:
    'справки, свидетельства или другие документы установленного образца о праве гражданина на меры социальной поддержки в соответствии с действующим законодательством',
  criminal: 'сведения об отсутствии (либо наличии) у гражданина судимости',
  pension:
    'справка о размере пенсии с учетом надбавок, ежемесячной денежной выплаты и других аналогичных выплат, выдаваемая органом, осуществляющим пенсионное обеспечение',
  measures:
    'справка о мерах социальной поддержки, выдаваемая казенным учреждением Ханты-Мансийского автономного округа - Югры "Центр социальных выплат Югры"',
  snils:
    'сведения о страховом номере индивидуального лицевого счета гражданина в системе обязательного пенсионного страхования',
  cohabitation:
    'сведения о совместном проживании гражданина с членами семьи, указанными в заявлении о предоставлении социальных услуг, и о количестве зарегистрированных в жилом помещении граждан',
  housing:
    'документы, подтверждающие отсутствие у граждан и членов их семей жилых помещений, принадлежащих им на праве собственности или занимаемых ими на основании договоров найма жилого помещения государственного или муниципального жилищного фонда на территории автономного округа (выписку из Единого государственного реестра прав на недвижимое имущество и сделок с ним о наличии (отсутствии) в собственности граждан и членов их семей жилых помещений; договор найма жилого помещения государственного или муниципального жилищного фонда; справку муниципального образования автономного округа о регистрации в качестве нуждающихся в улучшении жилищных условий или иные подтверждающие настоящий факт документы)',
};

const plain = (s: SubserviceCode, extra: Partial<ApplicantCircumstances> = {}): ApplicantCircumstances => ({
  ...defaultCircumstances(s),
  ...extra,
});
const pairs = (items: ChecklistItem[]) => items.map((i) => [i.key, i.title]);
const keys = (items: ChecklistItem[]) => items.map((i) => i.key);
const own = (items: ChecklistItem[]) => items.filter((i) => i.source === 'applicant');

describe('reference data agreement', () => {
  it('sub-service codes and paragraphs match subservices.json', () => {
    expect(subservices.map((s) => s.code)).toEqual([...SUBSERVICE_CODES]);
    for (const s of subservices) expect(SUBSERVICE_PARAGRAPH[s.code as SubserviceCode]).toBe(s.paragraph);
  });

  it('every interagency item names an agency of agencies.json that provides the requested text', () => {
    const all = SUBSERVICE_CODES.flatMap((s) =>
      buildChecklist(plain(s, { pensioner: true })).filter((i) => i.source === 'interagency'),
    );
    for (const it of all) {
      const agency = agencies.find((a) => a.code === it.agencyCode);
      expect(agency, it.key).toBeDefined();
      expect(agency!.provides, it.key).toContain(it.request);
      expect(agency!.paragraphs).toContain('п. 25');
    }
  });
});

describe('plain adult applicant: the list of each paragraph', () => {
  it('п. 19 (home)', () => {
    const items = buildChecklist(plain('home'));
    expect(pairs(own(items))).toEqual([
      ['identity', IDENTITY],
      [
        'medical-conclusion',
        'заключение медицинской организации о состоянии здоровья гражданина, необходимости посторонней помощи вследствие частичной или полной утраты способности к самообслуживанию',
      ],
      ['disability', DISABILITY],
      ['income', INCOME],
    ]);
    expect(own(items).every((i) => i.paragraph === 'п. 19')).toBe(true);
    // listed without a condition in п. 19, but only applies to a disabled person
    expect(items.find((i) => i.key === 'disability')!.required).toBe(false);
    expect(buildChecklist(plain('home', { disabled: true })).find((i) => i.key === 'disability')!.required).toBe(
      true,
    );
  });

  it('п. 20 (semi-stationary)', () => {
    const items = buildChecklist(plain('semi-stationary'));
    expect(pairs(own(items))).toEqual([
      ['identity', IDENTITY],
      ['circumstances', CIRCUMSTANCES],
      [
        'medical-conclusion',
        'заключение медицинской организации о состоянии здоровья гражданина, способности к самообслуживанию',
      ],
      ['disability', DISABILITY],
      ['income', INCOME],
    ]);
    expect(own(items).every((i) => i.paragraph === 'п. 20')).toBe(true);
  });

  it('п. 21 (stationary), with and without its conditional items', () => {
    const medicalCard =
      'медицинская карта по форме, установленной Департаментом здравоохранения Ханты-Мансийского автономного округа - Югры, выданная уполномоченной медицинской организацией, с заключением врачебной комиссии с участием врача-психиатра о состоянии здоровья гражданина, необходимости постоянной посторонней помощи вследствие частичной или полной утраты способности к самообслуживанию, с указанием рекомендуемого типа стационарной организации социального обслуживания, а также об отсутствии оснований (либо необходимости) для постановки перед судом вопроса о признании гражданина недееспособным (для дееспособных лиц, страдающих психическим расстройством)';
    const contraindications =
      'заключение о наличии (отсутствии) заболеваний, включенных в перечень медицинских противопоказаний, в связи с наличием которых гражданину может быть отказано в предоставлении социальных услуг в стационарной форме, выданное уполномоченной медицинской организацией';
    expect(pairs(own(buildChecklist(plain('stationary'))))).toEqual([
      ['identity', IDENTITY],
      ['medical-card', medicalCard],
      ['contraindications', contraindications],
      ['income', INCOME],
    ]);

    const full = own(
      buildChecklist(plain('stationary', { disabled: true, legallyIncapacitated: true, mentalDisorder: true })),
    );
    expect(pairs(full)).toEqual([
      ['identity', IDENTITY],
      ['medical-card', medicalCard],
      ['contraindications', contraindications],
      ['disability', DISABILITY],
      ['incapacity-decision', 'решение суда о признании гражданина недееспособным'],
      [
        'psychiatric-extract',
        'документ о наличии у гражданина психического хронического заболевания - выписка из истории болезни с подробным описанием психостатуса',
      ],
      ['income', INCOME],
    ]);
    expect(full.find((i) => i.key === 'disability')!.condition).toBe('для инвалидов');
    expect(full.find((i) => i.key === 'incapacity-decision')!.condition).toBe('для лиц, признанных недееспособными');
    expect(full.find((i) => i.key === 'psychiatric-extract')!.condition).toBe(
      'для лиц, страдающих психическим расстройством',
    );
    expect(full.every((i) => i.paragraph === 'п. 21' && i.required)).toBe(true);
  });

  it('п. 22 (special housing)', () => {
    const medicalCard =
      'медицинская карта установленного Департаментом здравоохранения автономного округа образца, выданная медицинской организацией, с заключением врачебной комиссии, состоящей из врачей: психиатра, нарколога, терапевта, онколога, фтизиатра, офтальмолога, дерматовенеролога, невролога, о состоянии здоровья гражданина, отсутствии медицинских противопоказаний для самостоятельного проживания в жилых помещениях в домах системы социального обслуживания специализированного жилищного фонда автономного округа';
    const identity = 'паспорт гражданина Российской Федерации или иной документ, удостоверяющий их личность';
    expect(pairs(own(buildChecklist(plain('special-housing'))))).toEqual([
      ['identity', identity],
      ['medical-card', medicalCard],
    ]);
    const disabled = own(buildChecklist(plain('special-housing', { disabled: true })));
    expect(pairs(disabled)).toEqual([
      ['identity', identity],
      ['medical-card', medicalCard],
      [
        'disability',
        'справка о наличии инвалидности с указанием группы, индивидуальная программа реабилитации инвалида, выданные федеральным государственным учреждением медико-социальной экспертизы',
      ],
    ]);
    expect(disabled[2].condition).toBe('для инвалидов');
    // no income documents in п. 22
    expect(keys(buildChecklist(plain('special-housing')))).not.toContain('income');
  });

  it('п. 23 (minors): always with the legal representative', () => {
    expect(pairs(own(buildChecklist(plain('minors-semi-stationary'))))).toEqual([
      ['identity', IDENTITY],
      ['representative', REPRESENTATIVE],
      ['circumstances', CIRCUMSTANCES],
      [
        'medical-conclusion',
        'заключение медицинской организации о состоянии здоровья несовершеннолетнего, способности к самообслуживанию',
      ],
    ]);
    expect(keys(buildChecklist(plain('minors-semi-stationary')))).not.toContain('income');
  });

  it('keys are unique within every list, also with every condition on', () => {
    for (const s of SUBSERVICE_CODES) {
      const all = buildChecklist(
        plain(s, {
          hasRepresentative: true,
          disabled: true,
          underAdministrativeSupervision: true,
          relativesUnableToCare: 3,
          legallyIncapacitated: true,
          mentalDisorder: true,
          pensioner: true,
          leftWithoutParentalCare: true,
          legalRepresentativesDetained: true,
          policeReferral: true,
        }),
      );
      expect(new Set(keys(all)).size).toBe(all.length);
      for (const i of all) expect(i.key).toMatch(/^[a-z][a-z0-9-]*$/);
    }
  });
});

describe('income exemptions', () => {
  const P19: IncomeExemptionCode[] = [
    'minors',
    'wwii-invalids-veterans',
    'combat-invalids',
    'wwii-combat-families',
    'former-minor-prisoners',
    'emergency-victims',
  ];
  const P20: IncomeExemptionCode[] = P19.filter((c) => c !== 'minors');
  const P21: IncomeExemptionCode[] = ['emergency-victims'];

  it('lists the categories of each paragraph verbatim', () => {
    expect(INCOME_EXEMPTIONS.home).toEqual([
      {
        code: 'minors',
        title:
          'несовершеннолетними (или их законными представителями либо обращение в их интересах иных граждан, обращение государственных органов, органов местного самоуправления, общественных объединений)',
      },
      { code: 'wwii-invalids-veterans', title: 'инвалидами и ветеранами Великой Отечественной войны' },
      { code: 'combat-invalids', title: 'инвалидами боевых действий' },
      {
        code: 'wwii-combat-families',
        title:
          'членами семей погибших (умерших) инвалидов и ветеранов Великой Отечественной войны, инвалидов боевых действий',
      },
      {
        code: 'former-minor-prisoners',
        title:
          'бывшими несовершеннолетними узниками концлагерей, гетто и других мест принудительного содержания, созданных фашистами и их союзниками в период второй мировой войны',
      },
      {
        code: 'emergency-victims',
        title:
          'лицами, пострадавшими в результате чрезвычайных ситуаций, вооруженных межнациональных (межэтнических) конфликтов',
      },
    ]);
    expect(INCOME_EXEMPTIONS['semi-stationary'].map((e) => e.code)).toEqual(P20);
    expect(INCOME_EXEMPTIONS.stationary.map((e) => e.code)).toEqual(P21);
    expect(INCOME_EXEMPTIONS['special-housing']).toEqual([]);
    expect(INCOME_EXEMPTIONS['minors-semi-stationary']).toEqual([]);
  });

  it('LGOTA_CATEGORIES is the union with the paragraphs each applies to', () => {
    expect(LGOTA_CATEGORIES.map((c) => c.code)).toEqual(P19);
    expect(LGOTA_CATEGORIES.find((c) => c.code === 'minors')!.paragraphs).toEqual(['п. 19']);
    expect(LGOTA_CATEGORIES.find((c) => c.code === 'combat-invalids')!.paragraphs).toEqual(['п. 19', 'п. 20']);
    expect(LGOTA_CATEGORIES.find((c) => c.code === 'emergency-victims')!.paragraphs).toEqual([
      'п. 19',
      'п. 20',
      'п. 21',
    ]);
    for (const c of LGOTA_CATEGORIES) {
      expect(c.label.length).toBeGreaterThan(0);
      expect(c.title).toBe(INCOME_EXEMPTIONS.home.find((e) => e.code === c.code)!.title);
    }
  });

  const cases: [SubserviceCode, IncomeExemptionCode[]][] = [
    ['home', P19],
    ['semi-stationary', P20],
    ['stationary', P21],
  ];
  for (const [s, listed] of cases) {
    for (const code of P19) {
      const exempt = listed.includes(code);
      it(`${SUBSERVICE_PARAGRAPH[s]}: ${code} ${exempt ? 'removes' : 'keeps'} the income item`, () => {
        expect(isIncomeExempt(s, code)).toBe(exempt);
        const base = keys(buildChecklist(plain(s)));
        const withCat = keys(buildChecklist(plain(s, { incomeExemption: code })));
        expect(withCat.includes('income')).toBe(!exempt);
        // nothing replaces the income item
        expect(withCat.filter((k) => k !== 'income' && !base.includes(k))).toEqual([]);
      });
    }
  }

  it('no category exempts in п. 22 and п. 23 (they have no income documents)', () => {
    for (const s of ['special-housing', 'minors-semi-stationary'] as const) {
      expect(hasIncomeDocuments(s)).toBe(false);
      for (const code of P19) expect(isIncomeExempt(s, code)).toBe(false);
    }
    expect(isIncomeExempt('home', null)).toBe(false);
  });
});

describe('п. 21 administrative supervision', () => {
  it('adds its four documents, only for the stationary form', () => {
    const items = buildChecklist(plain('stationary', { underAdministrativeSupervision: true }));
    const sup = items.filter((i) => i.key.startsWith('supervision-'));
    expect(pairs(sup)).toEqual([
      ['supervision-court-decision', 'решение суда об установлении административного надзора'],
      [
        'supervision-release-certificate',
        'копия справки об освобождении из исправительного учреждения с отметкой об установлении административного надзора',
      ],
      [
        'supervision-travel-order',
        'копия предписания, выданного администрацией исправительного учреждения, о выезде к избранному месту жительства или пребывания с указанием срока прибытия',
      ],
      [
        'supervision-police-registration',
        'сведения органов внутренних дел о постановке гражданина на учет для осуществления административного надзора',
      ],
    ]);
    for (const i of sup) {
      expect(i.paragraph).toBe('п. 21');
      expect(i.condition).toMatch(/установлен административный надзор$/);
    }
    expect(keys(buildChecklist(plain('stationary'))).some((k) => k.startsWith('supervision-'))).toBe(false);
    for (const s of ['home', 'semi-stationary', 'special-housing', 'minors-semi-stationary'] as const) {
      const k = keys(buildChecklist(plain(s, { underAdministrativeSupervision: true })));
      expect(k.some((x) => x.startsWith('supervision-'))).toBe(false);
    }
  });
});

describe('relatives unable to provide help and care', () => {
  it('п. 21: N relatives give N items, each with the five alternatives', () => {
    const items = buildChecklist(plain('stationary', { relativesUnableToCare: 3 })).filter((i) => i.perRelative);
    expect(keys(items)).toEqual(['relative-1', 'relative-2', 'relative-3']);
    expect(items.map((i) => i.relativeIndex)).toEqual([1, 2, 3]);
    for (const i of items) {
      expect(i.paragraph).toBe('п. 21');
      expect(i.alternatives).toEqual([
        'документ, подтверждающий факт установления инвалидности, федерального государственного учреждения медико-социальной экспертизы (в случае наличия инвалидности у родственника)',
        'документ, удостоверяющий достижение родственником пожилого возраста (женщины старше 55 лет, мужчины старше 60 лет)',
        'документ, удостоверяющий факт нахождения родственника в местах лишения свободы',
        'справку с места работы (службы, учебы) о размерах заработной платы и других доходах родственника, свидетельствующую о том, что его среднедушевой доход менее установленной в Ханты-Мансийском автономном округе - Югре величины прожиточного минимума по соответствующей социально-демографической группе (документ действителен в течение трех месяцев с даты выдачи)',
        'документ, удостоверяющий факт проживания родственника за пределами Ханты-Мансийского автономного округа - Югры',
      ]);
    }
    expect(items[1].title).toContain('№ 2');
  });

  it('п. 22: N adult children give N items, each with the four facts', () => {
    const items = buildChecklist(plain('special-housing', { relativesUnableToCare: 2 })).filter((i) => i.perRelative);
    expect(keys(items)).toEqual(['relative-1', 'relative-2']);
    for (const i of items) {
      expect(i.paragraph).toBe('п. 22');
      expect(i.condition).toBe('граждане, совершеннолетние дети которых не имеют возможности обеспечить им помощь и уход');
      expect(i.alternatives).toEqual([
        'установления инвалидности, подтвержденной документом федерального государственного учреждения медико-социальной экспертизы (в случае наличия инвалидности у родственника)',
        'достижения родственником пожилого возраста (женщины старше 55 лет, мужчины старше 60 лет)',
        'нахождения родственника в местах лишения свободы',
        'проживания родственника за пределами соответствующего городского округа, муниципального района автономного округа',
      ]);
    }
  });

  it('zero relatives give none; other sub-services ignore the count', () => {
    expect(buildChecklist(plain('stationary')).some((i) => i.perRelative)).toBe(false);
    for (const s of ['home', 'semi-stationary', 'minors-semi-stationary'] as const) {
      expect(buildChecklist(plain(s, { relativesUnableToCare: 2 })).some((i) => i.perRelative)).toBe(false);
    }
  });

  it('rejects a negative or fractional count', () => {
    expect(() => buildChecklist(plain('stationary', { relativesUnableToCare: -1 }))).toThrow(RangeError);
    expect(() => buildChecklist(plain('stationary', { relativesUnableToCare: 1.5 }))).toThrow(RangeError);
  });
});

describe('п. 23 minors', () => {
  it('requires a legal representative only for the minors sub-service', () => {
    expect(minorsRequireLegalRepresentative('minors-semi-stationary')).toBe(true);
    for (const s of ['home', 'semi-stationary', 'stationary', 'special-housing'] as const) {
      expect(minorsRequireLegalRepresentative(s)).toBe(false);
    }
  });

  it('birth certificate instead of the identity document under 14', () => {
    const items = buildChecklist(plain('minors-semi-stationary', { minorUnder14: true }));
    expect(keys(items)).not.toContain('identity');
    const bc = items.find((i) => i.key === 'birth-certificate')!;
    expect(bc.title).toBe('свидетельство о рождении');
    expect(bc.condition).toBe('для несовершеннолетних, не достигших 14 лет');
  });

  it('the petition, the resolution and the police act follow their circumstances, in the order of п. 23', () => {
    const items = own(
      buildChecklist(
        plain('minors-semi-stationary', {
          leftWithoutParentalCare: true,
          legalRepresentativesDetained: true,
          policeReferral: true,
        }),
      ),
    );
    expect(pairs(items)).toEqual([
      ['identity', IDENTITY],
      ['representative', REPRESENTATIVE],
      ['circumstances', CIRCUMSTANCES],
      [
        'prevention-petition',
        'ходатайство должностного лица органа или учреждения системы профилактики безнадзорности и правонарушений несовершеннолетних, в том числе ходатайство органа опеки и попечительства, о помещении в организацию ребенка, оставшегося без попечения родителей, согласованного с Управлением',
      ],
      ['investigator-resolution', 'постановление лица, производящего дознание, следователя или судьи'],
      [
        'police-duty-act',
        'акт оперативного дежурного районного, городского отдела (управления) внутренних дел, отдела (управления) внутренних дел иного муниципального образования, отдела (управления) внутренних дел на транспорте о необходимости приема несовершеннолетнего в организацию, оказывающую социальные услуги в условиях круглосуточного проживания',
      ],
      [
        'medical-conclusion',
        'заключение медицинской организации о состоянии здоровья несовершеннолетнего, способности к самообслуживанию',
      ],
    ]);
    expect(items.find((i) => i.key === 'investigator-resolution')!.condition).toBe(
      'в случаях задержания, административного ареста, заключения под стражу, осуждения к аресту, ограничению свободы, лишению свободы родителей или иных законных представителей несовершеннолетнего',
    );
    expect(items.every((i) => i.paragraph === 'п. 23')).toBe(true);

    const one = keys(buildChecklist(plain('minors-semi-stationary', { legalRepresentativesDetained: true })));
    expect(one).toContain('investigator-resolution');
    expect(one).not.toContain('prevention-petition');
    expect(one).not.toContain('police-duty-act');
  });

  it('minors-only circumstances do not leak into the adult lists', () => {
    for (const s of ['home', 'semi-stationary', 'stationary', 'special-housing'] as const) {
      const k = keys(
        buildChecklist(
          plain(s, { minorUnder14: true, leftWithoutParentalCare: true, policeReferral: true, legalRepresentativesDetained: true }),
        ),
      );
      expect(k).toContain('identity');
      for (const x of ['birth-certificate', 'prevention-petition', 'investigator-resolution', 'police-duty-act']) {
        expect(k).not.toContain(x);
      }
    }
  });
});

describe('representative', () => {
  it('is listed right after the identity document only with a representative', () => {
    for (const s of ['home', 'semi-stationary', 'stationary'] as const) {
      expect(keys(buildChecklist(plain(s)))).not.toContain('representative');
      const items = buildChecklist(plain(s, { hasRepresentative: true }));
      const k = keys(items);
      expect(k.indexOf('representative')).toBe(k.indexOf('identity') + 1);
      const rep = items.find((i) => i.key === 'representative')!;
      expect(rep.title).toBe(REPRESENTATIVE);
      expect(rep.paragraph).toBe(SUBSERVICE_PARAGRAPH[s]);
    }
  });

  it('п. 22 has no representative item of its own: п. 3 is cited', () => {
    expect(keys(buildChecklist(plain('special-housing')))).not.toContain('representative');
    const rep = buildChecklist(plain('special-housing', { hasRepresentative: true })).find(
      (i) => i.key === 'representative',
    )!;
    expect(rep.paragraph).toBe('п. 3');
  });
});

describe('п. 25 interagency items', () => {
  const requested = (c: ApplicantCircumstances) => interagencyItems(buildChecklist(c)).map((r) => [r.key, r.agencyCode]);

  it('home, plain applicant: everything but the pension amount and housing, with the agencies of п. 14', () => {
    expect(requested(plain('home'))).toEqual([
      ['social-support-rights', 'csv'],
      ['criminal-record', 'mvd'],
      ['social-support-measures', 'csv'],
      ['snils', 'sfr'],
      ['cohabitation', 'fms'],
    ]);
    const titles = interagencyItems(buildChecklist(plain('home', { pensioner: true }))).map((r) => r.title);
    expect(titles).toEqual([P25.rights, P25.criminal, P25.pension, P25.measures, P25.snils, P25.cohabitation]);
  });

  it('pension amount for pension recipients where income is assessed', () => {
    expect(requested(plain('stationary', { pensioner: true }))).toContainEqual(['pension-amount', 'sfr']);
    expect(requested(plain('semi-stationary', { pensioner: true }))).toContainEqual(['pension-amount', 'sfr']);
    // exempt: income is not assessed
    const exempt = requested(plain('home', { pensioner: true, incomeExemption: 'combat-invalids' }));
    expect(exempt).not.toContainEqual(['pension-amount', 'sfr']);
    expect(exempt).not.toContainEqual(['social-support-measures', 'csv']);
  });

  it('special housing: housing from Rosreestr, no income-related requests', () => {
    expect(requested(plain('special-housing', { pensioner: true }))).toEqual([
      ['social-support-rights', 'csv'],
      ['criminal-record', 'mvd'],
      ['snils', 'sfr'],
      ['cohabitation', 'fms'],
      ['no-housing', 'rosreestr'],
    ]);
    const housing = interagencyItems(buildChecklist(plain('special-housing'))).find((r) => r.key === 'no-housing')!;
    expect(housing.title).toBe(P25.housing);
    expect(housing.request).toBe(
      'выписка из Единого государственного реестра прав на недвижимое имущество и сделок с ним о наличии (отсутствии) в собственности граждан и членов их семей жилых помещений',
    );
  });

  it('minors: rights, criminal record, СНИЛС, cohabitation', () => {
    expect(requested(plain('minors-semi-stationary'))).toEqual([
      ['social-support-rights', 'csv'],
      ['criminal-record', 'mvd'],
      ['snils', 'sfr'],
      ['cohabitation', 'fms'],
    ]);
  });

  it('items are marked п. 25 / interagency; the rights certificate is «при наличии»', () => {
    const items = buildChecklist(plain('home'));
    for (const i of items.filter((x) => x.source === 'interagency')) {
      expect(i.paragraph).toBe('п. 25');
      expect(i.agencyCode).toBeDefined();
    }
    const rights = items.find((i) => i.key === 'social-support-rights')!;
    expect(rights.condition).toBe('при наличии');
    expect(rights.required).toBe(false);
    // the certificate proving a claimed exempt category is expected
    const vet = buildChecklist(plain('home', { incomeExemption: 'wwii-invalids-veterans' }));
    expect(vet.find((i) => i.key === 'social-support-rights')!.required).toBe(true);
    // interagency items come after the applicant's own documents
    const firstInteragency = items.findIndex((i) => i.source === 'interagency');
    expect(items.slice(firstInteragency).every((i) => i.source === 'interagency')).toBe(true);
  });

  it('leaves out what the applicant brought on their own initiative (п. 24)', () => {
    const items = buildChecklist(plain('home'));
    const r = interagencyItems(items, ['snils', 'criminal-record']).map((x) => x.key);
    expect(r).toEqual(['social-support-rights', 'social-support-measures', 'cohabitation']);
  });

  it('ignores the applicant items', () => {
    const items = buildChecklist(plain('stationary', { underAdministrativeSupervision: true, relativesUnableToCare: 2 }));
    for (const r of interagencyItems(items)) expect(r.paragraph).toBe('п. 25');
    expect(interagencyItems(own(items))).toEqual([]);
  });
});
