/**
 * Addresses in parts through the backend on a real SQLite file: registered
 * in parts (the person and the case keep the parts and the one line made
 * from them), sent as text by an older client or a portal (kept as text),
 * corrected on the person card, and printed in the ИППСУ under the
 * sub-fields of 874н item 4 — the text where only the text is known.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../core/api/errors';
import { PLACE_REQUIRED } from '../../core/api/address';
import type { CaseView, PersonView } from '../../core/api/reception';
import { SAMPLE_IPPSU } from '../../scripts/form-samples-decision';
import { norm, readDocx, tables } from '../helpers/docx-xml';
import { sampleApplication, snilsFrom } from '../support/applications';
import { draftOf, draftRefusal } from '../support/case-steps';
import { officeDateTime, officeToday } from '../support/office-clock';
import { createEnv, userWithRoles, type TestEnv } from './helpers';

let env: TestEnv;
let spec: string;

beforeEach(async () => {
  env = await createEnv();
  spec = await userWithRoles(env, 'spec', ['specialist', 'reception']);
});
afterEach(() => env.cleanup());

const call = async <T = CaseView>(method: string, input: unknown): Promise<T> => {
  const r = await env.backend.call(spec, method, input);
  if (!r.envelope.ok) throw new ApiError(r.envelope.error.code, r.envelope.error.message, r.envelope.error.fields);
  return r.envelope.data as T;
};
const fails = (p: Promise<unknown>) => p.then(() => null, (e: ApiError) => e);

const PARTS = { index: '628011', district: 'г. Ханты-Мансийск', street: 'Мира', house: '18', building: '2', flat: '3' };
const LINE = '628011, г. Ханты-Мансийск, ул. Мира, д. 18, корп. 2, кв. 3';

const application = (seed: number, applicant: Record<string, unknown>) =>
  sampleApplication({ receivedAt: officeDateTime(1), applicant: { snils: snilsFrom(81_000 + seed), regAddress: undefined, ...applicant } });

/** The rows of the table under «4. Адрес места жительства:» in the case's draft ИППСУ as printed now. */
async function residenceRows(caseId: number): Promise<string[][]> {
  const decisionId = (await call('cases.get', { id: caseId })).decisions.find((d) => d.status === 'draft')!.id;
  const f = await call<{ base64: string }>('decisions.print', { decisionId });
  const doc = readDocx(Buffer.from(f.base64, 'base64'));
  const at = doc.xml.indexOf('4. Адрес места жительства:');
  return tables(doc).find((t) => doc.xml.indexOf(t.xml) > at)!.rows.map((r) => r.map(norm));
}

/** The case brought to a draft ИППСУ, printed: the rows of item 4. */
async function printedResidence(c: CaseView): Promise<string[][]> {
  await draftRefusal(call, c);
  const v = await call('cases.get', { id: c.id });
  await call('decisions.save', { caseId: c.id, ...draftOf(v), kind: 'ippsu', ippsu: { ...SAMPLE_IPPSU, date: officeToday(), termUntil: `${Number(officeToday().slice(0, 4)) + 1}-01-31` } });
  return residenceRows(c.id);
}

describe('the address in parts', () => {
  it('registered in parts: the person and the case keep the parts and the line made from them', async () => {
    const c = await call('cases.register', application(1, { regAddressParts: PARTS }));
    expect(c.applicant).toMatchObject({ regAddress: LINE, regAddressParts: PARTS, actualAddress: LINE, actualAddressParts: PARTS });
    const p = await call<PersonView>('persons.get', { id: c.personId });
    expect(p).toMatchObject({ regAddress: LINE, regAddressParts: PARTS, actualAddress: LINE, actualAddressParts: PARTS });
  });

  it('parts without a place are refused on the field, in Russian', async () => {
    const e = await fails(call('cases.register', application(2, { regAddressParts: { street: 'Мира', house: '1' } })));
    expect(e).toMatchObject({ code: 'VALIDATION', fields: { 'applicant.regAddressParts.district': PLACE_REQUIRED } });
  });

  it('an older client sends the line: kept as text, no parts', async () => {
    const c = await call('cases.register', application(3, { regAddress: '628400, г. Сургут, ул. Ленина, д. 1, кв. 5' }));
    const p = await call<PersonView>('persons.get', { id: c.personId });
    expect(p).toMatchObject({ regAddress: '628400, г. Сургут, ул. Ленина, д. 1, кв. 5', regAddressParts: null, actualAddressParts: null });
  });

  it('the person card takes the parts, and an actual address of its own', async () => {
    const c = await call('cases.register', application(4, { regAddress: '628400, г. Сургут, ул. Ленина, д. 1, кв. 5' }));
    const { rev } = await call<PersonView>('persons.get', { id: c.personId });
    const actual = { district: 'Ханты-Мансийский р-н', settlement: 'с. Селиярово', street: 'Лесная', house: '5' };
    const person = application(4, { regAddressParts: PARTS, actualAddressParts: actual }).applicant;
    const after = await call<PersonView>('persons.update', { id: c.personId, rev, person });
    expect(after).toMatchObject({ regAddress: LINE, regAddressParts: PARTS, actualAddress: 'Ханты-Мансийский р-н, с. Селиярово, ул. Лесная, д. 5', actualAddressParts: actual });
  });
});

describe('the ИППСУ prints the address of residence under its sub-fields', () => {
  it('from the parts registered with the case', async () => {
    const c = await call('cases.register', application(5, { regAddressParts: PARTS, phone: '8 (3467) 32-11-22' }));
    expect(await printedResidence(c)).toEqual([
      ['индекс', 'город (район)', 'село', 'улица', 'дом', 'корпус', 'квартира', 'телефон'],
      ['628011', 'г. ханты-мансийск', '—', 'мира', '18', '2', '3', '8 (3467) 32-11-22'],
    ]);
  });

  it('a case registered with the line: the line; once the card has the parts, the parts', async () => {
    const line = '628400, Ханты-Мансийский автономный округ - Югра, г. Сургут, ул. Ленина, д. 1, кв. 5';
    const c = await call('cases.register', application(6, { regAddress: line, phone: '' }));
    expect((await printedResidence(c))[1]).toEqual([norm(line), '—']);

    const { rev } = await call<PersonView>('persons.get', { id: c.personId });
    const person = application(6, { regAddressParts: { index: '628400', district: 'г. Сургут', street: 'Ленина', house: '1', flat: '5' }, phone: '' }).applicant;
    await call('persons.update', { id: c.personId, rev, person });
    expect((await residenceRows(c.id))[1]).toEqual(['628400', 'г. сургут', '—', 'ленина', '1', '—', '5', '—']);
  });
});
