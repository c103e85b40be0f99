/** The birth date and the identity document's issue date are checked against each other and against today, by the API. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../core/api/errors';
import { BIRTH_IN_FUTURE, ISSUED_BEFORE_BIRTH, PersonInput } from '../../core/api/reception';
import { addDays } from '../../core/domain/dates';
import { sampleApplication, snilsFrom } from '../support/applications';
import { officeDateTime, officeToday } from '../support/office-clock';
import { createEnv, userWithRoles, type TestEnv } from './helpers';

let env: TestEnv;
let priem: string;

beforeEach(async () => {
  env = await createEnv();
  priem = await userWithRoles(env, 'priem', ['reception']);
});
afterEach(() => env.cleanup());

const refusal = async (p: Promise<unknown>): Promise<ApiError> => {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(ApiError);
  return e as ApiError;
};

describe('birth and issue dates', () => {
  it('the schema refuses an issue date before the birth date, naming the field in Russian', () => {
    const a = sampleApplication().applicant;
    const r = PersonInput.safeParse({ ...a, birthDate: '1960-04-02', idDoc: { ...a.idDoc, issueDate: '1960-04-01' } });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['idDoc.issueDate', ISSUED_BEFORE_BIRTH]]);
    expect(PersonInput.safeParse({ ...a, birthDate: '1960-04-02', idDoc: { ...a.idDoc, issueDate: '1960-04-02' } }).success).toBe(true);
  });

  it('registration refuses an issue date before the birth date, and a birth date after today', async () => {
    const early = await refusal(
      env.backend.invoke(priem, 'cases.register', sampleApplication({ receivedAt: officeDateTime(5), applicant: { birthDate: '1950-06-10', idDoc: { kind: 'passport_rf', series: '67 03', number: '123456', issuer: 'ОВД', issueDate: '1949-01-01' } } })),
    );
    expect(early.code).toBe('VALIDATION');
    expect(early.fields).toMatchObject({ 'applicant.idDoc.issueDate': ISSUED_BEFORE_BIRTH });

    const future = addDays(officeToday(), 3);
    const born = await refusal(
      env.backend.invoke(priem, 'cases.register', sampleApplication({ receivedAt: officeDateTime(5), applicant: { snils: snilsFrom(7), birthDate: future, idDoc: { kind: 'birth_certificate', number: '123456', issuer: 'ЗАГС', issueDate: future } } })),
    );
    expect(born.code).toBe('VALIDATION');
    expect(born.fields?.['applicant.birthDate']).toMatch(/^Дата рождения позже/);
  });

  it('correcting a person card refuses the same mistakes', async () => {
    const c = (await env.backend.invoke(priem, 'cases.register', sampleApplication({ receivedAt: officeDateTime(5) }))).data;
    const p = (await env.backend.invoke(priem, 'persons.get', { id: c.personId })).data;
    const person = sampleApplication().applicant;
    const early = await refusal(env.backend.invoke(priem, 'persons.update', { id: p.id, rev: p.rev, person: { ...person, idDoc: { ...person.idDoc, issueDate: '1940-01-01' } } }));
    expect(early.fields).toMatchObject({ 'person.idDoc.issueDate': ISSUED_BEFORE_BIRTH });
    const future = addDays(officeToday(), 1);
    const born = await refusal(env.backend.invoke(priem, 'persons.update', { id: p.id, rev: p.rev, person: { ...person, birthDate: future, idDoc: { ...person.idDoc, issueDate: future } } }));
    expect(born.fields).toEqual({ 'person.birthDate': BIRTH_IN_FUTURE });
    // Nothing was changed by the refusals.
    expect((await env.backend.invoke(priem, 'persons.get', { id: c.personId })).data.rev).toBe(p.rev);
  });
});
