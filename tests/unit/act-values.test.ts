/**
 * The act forms' values (renderer/src/processing/act-values.ts) and the act
 * rules both sides share (core/api/acts.ts): a draft built from the act's
 * schema holds every field as its input does and goes back through the same
 * schema unchanged; the form's resolver names each field's error by its path;
 * no act date after today; the categories a new act starts with.
 */
import { describe, expect, it } from 'vitest';
import { actDatesAfter, Appendix3CitizenAct, Appendix3FamilyAct, Appendix4Act, categoriesFromCase } from '../../core/api/acts';
import { validationText } from '../../core/api/validation-text';
import { actResolver, CITIZEN_FORM, draftOf, FAMILY_FORM, NEED_FORM } from '../../renderer/src/processing/act-values';
import { CITIZEN_ACT, FAMILY_ACT, NEED_ACT } from '../../scripts/form-samples-acts';
import { SAMPLE_BARTHEL, SAMPLE_LAWTON } from '../../scripts/form-samples-scales';

describe('act drafts from the schema', () => {
  it('an empty draft has every field of the act, empty', () => {
    const d = draftOf(CITIZEN_FORM.shape.act, undefined);
    expect(d.number).toBe('');
    expect(d.categories).toEqual([]);
    expect(d.health).toMatchObject({ ipr: '', iprNumber: '', prevention: [] });
    expect(d.housing.rooms).toBe('');
    expect(d.household).toEqual([]);
    expect(d.citizen).toEqual({ fullName: '', confirmed: false, pdConsent: false, date: '' });
    // The scale results are the backend's, not the form's.
    expect('barthel' in d).toBe(false);
  });

  it('a saved act becomes text for numbers and comes back through the schema as it was', () => {
    const { barthel: _b, lawton: _l, ...citizen } = CITIZEN_ACT;
    const d = draftOf(CITIZEN_FORM.shape.act, citizen);
    expect(d.perCapitaIncome).toBe('24817,36');
    expect(d.housing.rooms).toBe('1');
    expect(d.distances.transport).toBe('0,3');
    expect(d.health.districtDoctor).toBe('Мельникова Ирина Викторовна');
    expect(d.noRelativesScope).toBe('in_locality');
    expect(Appendix3CitizenAct.parse(d)).toEqual(Appendix3CitizenAct.parse(citizen));
    expect(Appendix3FamilyAct.parse(draftOf(FAMILY_FORM.shape.act, FAMILY_ACT))).toEqual(Appendix3FamilyAct.parse(FAMILY_ACT));
    // A list not filled is an empty list in the form.
    expect(Appendix4Act.parse(draftOf(NEED_FORM.shape.act, NEED_ACT))).toEqual(Appendix4Act.parse({ ...NEED_ACT, escortKinds: NEED_ACT.escortKinds ?? [] }));
  });

  it('the table rows keep their cells, the service tables their rows', () => {
    const d = draftOf(FAMILY_FORM.shape.act, FAMILY_ACT);
    expect(d.members).toHaveLength(4);
    expect(d.members[3]).toEqual({ fullName: 'Ковалёва Софья Дмитриевна', birthDate: '2019-05-06', relation: 'дочь', workOrStudy: 'не посещает детский сад', category: 'ребенок-инвалид' });
    const n = draftOf(NEED_FORM.shape.act, NEED_ACT);
    expect(n.services.household).toHaveLength(NEED_ACT.services!.household!.length);
    expect(n.services.labor).toEqual([]);
  });
});

describe('the act form resolver', () => {
  const validate = actResolver(CITIZEN_FORM, () => '2026-11-25');
  const values = (act: Record<string, unknown>) => ({ act: { ...draftOf(CITIZEN_FORM.shape.act, {}), ...act }, barthel: {}, lawton: {} });

  it('passes an empty draft and a complete act', () => {
    expect(validate(values({}))).toEqual({});
    const { barthel: _b, lawton: _l, ...citizen } = CITIZEN_ACT;
    expect(validate({ act: draftOf(CITIZEN_FORM.shape.act, citizen), barthel: SAMPLE_BARTHEL, lawton: SAMPLE_LAWTON })).toEqual({});
  });

  it('puts each error on its field, in Russian', () => {
    const d = draftOf(CITIZEN_FORM.shape.act, {});
    d.housing.rooms = 'две';
    d.date = '2026-11-26';
    d.health.iprIssueDate = '2027-01-01';
    expect(validate({ act: d, barthel: { feeding: 7 }, lawton: {} })).toEqual({
      'act.housing.rooms': 'Количество комнат: введите число',
      'act.date': 'Позже сегодняшней даты',
      'act.health.iprIssueDate': 'Позже сегодняшней даты',
      'barthel.feeding': expect.stringMatching(/^Пункт «.+»: выберите вариант ответа от 0 до \d$/),
    });
  });
});

describe('act dates and prefill', () => {
  it('no act date may be after today; today and earlier pass', () => {
    expect(actDatesAfter({ date: '2026-11-25', signaturesDate: '2026-11-24', citizen: { date: '' } }, '2026-11-25')).toEqual({});
    expect(
      actDatesAfter(
        { date: '2026-11-26', signaturesDate: '2026-12-01', citizen: { date: '2027-01-01' }, health: { iprIssueDate: '2026-11-30' }, income: { perCapitaDate: '2026-12-31' }, members: [{ birthDate: '1990-01-01' }, { birthDate: '2026-12-02' }] },
        '2026-11-25',
      ),
    ).toEqual({
      date: 'Позже сегодняшней даты',
      signaturesDate: 'Позже сегодняшней даты',
      'citizen.date': 'Позже сегодняшней даты',
      'health.iprIssueDate': 'Позже сегодняшней даты',
      'income.perCapitaDate': 'Позже сегодняшней даты',
      'members.1.birthDate': 'Позже сегодняшней даты',
    });
    expect(actDatesAfter(null, '2026-11-25')).toEqual({});
  });

  it('a new act takes the categories the application names, in the printed order', () => {
    expect(categoriesFromCase({ circumstances: {}, lgota: null })).toEqual([]);
    expect(categoriesFromCase({ circumstances: { disabled: true, pensioner: true }, lgota: null })).toEqual(['old_age_pensioner', 'disabled']);
    expect(categoriesFromCase({ circumstances: { disabled: true }, lgota: 'combat-invalids' })).toEqual(['disabled', 'combat_disabled']);
    expect(categoriesFromCase({ circumstances: {}, lgota: 'former-minor-prisoners' })).toEqual(['former_minor_prisoner']);
    // The veterans' exemption covers several options of the act: nothing is guessed.
    expect(categoriesFromCase({ circumstances: {}, lgota: 'wwii-invalids-veterans' })).toEqual([]);
  });
});

describe('the words of a validation failure', () => {
  it('names each field by its label, a row by its number, and a field a message names itself only once', () => {
    expect(
      validationText([
        { path: ['act', 'date'], message: 'Позже сегодняшней даты' },
        { path: ['act', 'housing', 'rooms'], message: 'Количество комнат: введите число' },
        { path: ['act', 'household', 1, 'birthYear'], message: 'Неверное значение: нужно число, а указано текст' },
        { path: ['act', 'date'], message: 'ещё раз' },
      ]).message,
    ).toBe('Проверьте данные. Дата: Позже сегодняшней даты; Количество комнат: введите число; Год рождения (строка 2): Неверное значение: нужно число, а указано текст.');
  });
});
