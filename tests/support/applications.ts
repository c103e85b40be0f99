/** Sample applications for tests and the benchmark: valid by construction. */
import type { RegisterInput } from '../../core/api/reception';
import { snilsChecksum } from '../../core/domain/snils';

/** A valid СНИЛС from a 9-digit seed (formatted with separators). */
export function snilsFrom(seed: number): string {
  const first9 = String(2_000_000 + (seed % 997_000_000)).padStart(9, '0');
  const cs = String(snilsChecksum(first9)).padStart(2, '0');
  return `${first9.slice(0, 3)}-${first9.slice(3, 6)}-${first9.slice(6, 9)} ${cs}`;
}

export function sampleApplication(
  over: Omit<Partial<RegisterInput>, 'applicant'> & { applicant?: Partial<RegisterInput['applicant']> } = {},
): RegisterInput {
  const { applicant, ...rest } = over;
  return {
    subservice: 'home',
    channel: 'in_person',
    receivedAt: '2026-11-25T10:15',
    lgota: null,
    representative: null,
    circumstances: {},
    documents: [
      { key: 'identity', state: 'received', form: 'original', sheets: 2 },
      { key: 'medical-conclusion', state: 'received', form: 'copy', sheets: 1 },
    ],
    ...rest,
    applicant: {
      lastName: 'Семёнова',
      firstName: 'Алёна',
      middleName: 'Петровна',
      birthDate: '1948-03-14',
      sex: 'female',
      snils: snilsFrom(1),
      citizenship: 'rf',
      idDoc: { kind: 'passport_rf', series: '67 03', number: '123456', issuer: 'ОВД г. Сургута', issueDate: '2003-05-20' },
      regAddress: '628400, г. Сургут, ул. Ленина, д. 1, кв. 5',
      phone: '+7 (3462) 12-34-56',
      ...applicant,
    },
  };
}

export const MINOR_REPRESENTATIVE: NonNullable<RegisterInput['representative']> = {
  fullName: 'Кузнецова Ольга Викторовна',
  idDoc: { kind: 'passport_rf', series: '67 10', number: '654321', issuer: 'УМВД по г. Сургуту', issueDate: '2010-02-01' },
  authority: 'legal',
  phone: '+7 900 000-00-00',
};
