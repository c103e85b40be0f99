/**
 * The intake's one schema (RegisterInput): its rules across fields run
 * whenever the fields they read are valid, so one attempt names every error,
 * the conditional ones among them; a field the form does not show (and so
 * does not send) is never asked for.
 */
import { describe, expect, it } from 'vitest';
import { BIRTH_AFTER_RECEIPT, ISSUED_BEFORE_BIRTH, RegisterInput, receivedAtError } from '../../core/api/reception';
import { MINOR_REPRESENTATIVE, sampleApplication } from '../support/applications';

type Sample = Parameters<typeof sampleApplication>[0];

/** path → message of every issue, the first per path (as the form and the API show them). */
function errors(input: unknown): Record<string, string> {
  const r = RegisterInput.safeParse(input);
  const out: Record<string, string> = {};
  for (const i of r.error?.issues ?? []) out[i.path.join('.')] ??= i.message;
  return out;
}

const app = (over: Sample = {}) => sampleApplication(over);

describe('RegisterInput: rules across fields', () => {
  it('accepts the sample application', () => {
    expect(errors(app())).toEqual({});
  });

  it('names a conditional field even while plain fields are wrong: one attempt shows all', () => {
    const e = errors(app({ channel: 'mfc', applicant: { lastName: '', sex: undefined as never } }));
    expect(e).toMatchObject({ 'applicant.lastName': 'Заполните поле', 'applicant.sex': 'Укажите пол', mfcCode: 'Выберите МФЦ' });
  });

  it('a power of attorney needs its number and date; an organisation its name; nothing else is asked', () => {
    const rep = { fullName: '', idDoc: MINOR_REPRESENTATIVE.idDoc, phone: '' };
    expect(errors(app({ representative: { ...rep, authority: 'power_of_attorney', authorityNumber: '', authorityDate: '' } }))).toEqual({
      'representative.fullName': 'Заполните поле',
      'representative.authorityNumber': 'Укажите номер доверенности',
      'representative.authorityDate': 'Укажите дату доверенности',
    });
    expect(errors(app({ representative: { ...rep, fullName: 'Иванов И. И.', authority: 'organization', organization: '  ' } }))).toEqual({
      'representative.organization': 'Укажите организацию или орган',
    });
    // A legal representative: neither the power of attorney nor the organisation is asked for.
    expect(errors(app({ representative: { ...rep, fullName: 'Иванов И. И.', authority: 'legal' } }))).toEqual({});
    // No representative (the form hides the section): none of these fields exist.
    expect(errors(app({ representative: null }))).toEqual({});
  });

  it('a received document is marked original or copy with its sheets, also next to other errors', () => {
    const e = errors(
      app({
        applicant: { firstName: '' },
        documents: [
          { key: 'identity', state: 'received' },
          { key: 'income', state: 'not_provided' },
          { key: 'medical-conclusion', state: 'received', form: 'copy', sheets: 0 },
        ],
      }),
    );
    expect(e).toEqual({
      'applicant.firstName': 'Заполните поле',
      'documents.0.form': 'Укажите: подлинник или копия',
      'documents.0.sheets': 'Укажите число листов',
      'documents.2.sheets': 'Не менее 1 листа',
    });
  });

  it('the MFC is named for an application through an MFC and only then', () => {
    expect(errors(app({ channel: 'mfc' }))).toEqual({ mfcCode: 'Выберите МФЦ' });
    expect(errors(app({ channel: 'mfc', mfcCode: 'mfc-08' }))).toEqual({});
    expect(errors(app({ channel: 'mail', mfcCode: 'mfc-08' }))).toEqual({ mfcCode: 'МФЦ указывается только для заявлений, поступивших через МФЦ' });
    expect(errors(app({ channel: 'mail', mfcCode: '' }))).toEqual({});
  });

  it('the dates of the applicant against each other and the day of receipt, with the rest of the form wrong', () => {
    const wrong = { lastName: '', idDoc: { kind: 'passport_rf' as const, series: '', number: '', issuer: '', issueDate: '1940-01-01' } };
    expect(errors(app({ applicant: { ...wrong, birthDate: '1948-03-14' } }))).toMatchObject({ 'applicant.idDoc.issueDate': ISSUED_BEFORE_BIRTH });
    expect(errors(app({ receivedAt: '2026-11-25T10:15', applicant: { ...wrong, birthDate: '2026-11-26' } }))).toMatchObject({ 'applicant.birthDate': BIRTH_AFTER_RECEIPT });
    expect(errors(app({ applicant: { birthDate: '1890-01-01', idDoc: { ...wrong.idDoc, issueDate: '2003-05-20', number: '1', issuer: 'ОВД' } } }))).toEqual({
      'applicant.birthDate': 'Проверьте дату рождения: заявителю больше 130 лет',
    });
    expect(errors(app({ receivedAt: '2026-11-25T10:15', applicant: { idDoc: { ...wrong.idDoc, issueDate: '2026-12-01', number: '1', issuer: 'ОВД' } } }))).toEqual({
      'applicant.idDoc.issueDate': 'Дата выдачи позже даты поступления заявления',
    });
  });

  it('a child under 14 shows a birth certificate; the minors’ sub-service is for those under 18 with a legal representative', () => {
    const child = { birthDate: '2015-06-01', idDoc: { kind: 'passport_rf' as const, series: '', number: '1', issuer: 'ОВД', issueDate: '2015-07-01' } };
    expect(errors(app({ subservice: 'minors-semi-stationary', representative: null, applicant: child }))).toEqual({
      representative: 'Для несовершеннолетнего заявление подаёт законный представитель: укажите его',
      'applicant.idDoc.kind': 'Ребёнку до 14 лет: укажите свидетельство о рождении',
    });
    expect(errors(app({ subservice: 'minors-semi-stationary', representative: MINOR_REPRESENTATIVE }))).toEqual({
      'applicant.birthDate': 'Подуслуга для несовершеннолетних: заявителю больше 18 лет',
    });
    expect(errors(app({ subservice: 'minors-semi-stationary', representative: MINOR_REPRESENTATIVE, applicant: { ...child, idDoc: { ...child.idDoc, kind: 'birth_certificate' } } }))).toEqual({});
  });

  it('a chosen person comes with the revision read', () => {
    expect(errors(app({ personId: 5 }))).toEqual({ personRev: 'Не указана версия записи о заявителе: выберите заявителя заново' });
    expect(errors(app({ personId: 5, personRev: 2 }))).toEqual({});
  });
});

describe('receivedAtError: what needs the clock', () => {
  // 25.11.2026 11:00 in the office (UTC+5).
  const now = new Date('2026-11-25T06:00:00Z');
  it('refuses a moment of receipt in the future (beyond five minutes) and more than a year back', () => {
    expect(receivedAtError('2026-11-25T11:04', now)).toBeNull();
    expect(receivedAtError('2026-11-25T11:06', now)).toBe('Дата и время поступления не могут быть позже текущего момента');
    expect(receivedAtError('2026-11-26T09:00', now)).toBe('Дата и время поступления не могут быть позже текущего момента');
    expect(receivedAtError('2025-11-23T09:00', now)).toBe('Дата поступления больше года назад: проверьте год');
    expect(receivedAtError('2025-11-24T09:00', now)).toBeNull();
  });
  it('leaves a malformed moment to the schema', () => {
    expect(receivedAtError('', now)).toBeNull();
    expect(receivedAtError('2026-11-25T25:00', now)).toBeNull();
  });
});
