import { describe, expect, it } from 'vitest';
import { cleanAddress, formatAddress, RESIDENCE_SUBFIELDS, sameAddress, subfieldValue, WORK_SUBFIELDS } from '../../core/domain/address';
import { AddressPartsInput, PLACE_REQUIRED, POSTCODE_ERROR } from '../../core/api/address';
import { PersonInput, REG_ADDRESS_REQUIRED } from '../../core/api/reception';

describe('formatAddress: the one-line address of every other form', () => {
  it('puts the parts in order with «ул.», «д.», «корп.», «кв.»', () => {
    expect(formatAddress({ index: '628011', district: 'г. Ханты-Мансийск', street: 'Мира', house: '18', flat: '3' })).toBe(
      '628011, г. Ханты-Мансийск, ул. Мира, д. 18, кв. 3',
    );
    expect(
      formatAddress({ index: '628400', district: 'г. Сургут', street: 'Ленина', house: '7', building: '2', flat: '41' }),
    ).toBe('628400, г. Сургут, ул. Ленина, д. 7, корп. 2, кв. 41');
  });

  it('keeps a village after its district, and leaves out what is not given', () => {
    expect(formatAddress({ index: '628520', district: 'Ханты-Мансийский р-н', settlement: 'с. Селиярово', street: 'Лесная', house: '5' })).toBe(
      '628520, Ханты-Мансийский р-н, с. Селиярово, ул. Лесная, д. 5',
    );
    expect(formatAddress({ settlement: 'д. Ёмтор', house: '12' })).toBe('д. Ёмтор, д. 12');
  });

  it('does not double a word already typed', () => {
    expect(formatAddress({ district: 'г. Нягань', street: 'ул. Мира', house: 'д. 18', building: 'корп. 2', flat: 'кв. 3' })).toBe(
      'г. Нягань, ул. Мира, д. 18, корп. 2, кв. 3',
    );
    expect(formatAddress({ district: 'г. Нягань', street: 'Мира', house: 'дом 18', flat: 'квартира 3' })).toBe('г. Нягань, ул. Мира, д. 18, кв. 3');
    expect(formatAddress({ district: 'г. Нягань', street: 'Мира', house: 'д.18', flat: 'кв3' })).toBe('г. Нягань, ул. Мира, д. 18, кв. 3');
  });

  it('adds «ул.» only to a street given by its name alone', () => {
    expect(formatAddress({ district: 'г. Сургут', street: 'пр-т Ленина', house: '1' })).toBe('г. Сургут, пр-т Ленина, д. 1');
    expect(formatAddress({ district: 'г. Сургут', street: 'мкр. 5', house: '1' })).toBe('г. Сургут, мкр. 5, д. 1');
    expect(formatAddress({ district: 'г. Сургут', street: 'Лесной пер.', house: '1' })).toBe('г. Сургут, Лесной пер., д. 1');
    // One word is a name, even one that is also a kind of street.
    expect(formatAddress({ district: 'г. Сургут', street: 'Набережная', house: '1' })).toBe('г. Сургут, ул. Набережная, д. 1');
    expect(formatAddress({ district: 'г. Сургут', street: '40 лет Победы', house: '1' })).toBe('г. Сургут, ул. 40 лет Победы, д. 1');
  });

  it('keeps another kind of house or room as typed', () => {
    expect(formatAddress({ district: 'г. Сургут', street: 'Мира', house: 'влад. 4', building: 'стр. 1', flat: 'ком. 12' })).toBe(
      'г. Сургут, ул. Мира, влад. 4, стр. 1, ком. 12',
    );
    // «д» begins a word here, not «дом»: kept.
    expect(formatAddress({ district: 'г. Сургут', house: '18А' })).toBe('г. Сургут, д. 18А');
  });

  it('trims the parts and gives an empty string for nothing', () => {
    expect(formatAddress({ district: '  г.  Урай ', street: ' Мира  ', house: ' 3 ' })).toBe('г. Урай, ул. Мира, д. 3');
    expect(formatAddress({ district: ' ', flat: '' })).toBe('');
    expect(formatAddress(null)).toBe('');
  });
});

describe('the parts of 874н item 4', () => {
  it('lists the sub-fields in the order of the form; item 5 has no village, building or flat', () => {
    expect(RESIDENCE_SUBFIELDS.map((f) => f.label)).toEqual(['индекс', 'город (район)', 'село', 'улица', 'дом', 'корпус', 'квартира']);
    expect(WORK_SUBFIELDS.map((f) => f.label)).toEqual(['индекс', 'город (район)', 'улица', 'дом']);
  });

  it('gives each sub-field its value without the word typed before a number', () => {
    const p = { index: '628011', district: 'г. Ханты-Мансийск', street: 'ул. Мира', house: 'д. 18', building: 'корп. 2', flat: 'кв. 3' };
    expect(RESIDENCE_SUBFIELDS.map((f) => subfieldValue(p, f.part))).toEqual(['628011', 'г. Ханты-Мансийск', '', 'ул. Мира', '18', '2', '3']);
  });

  it('cleans and compares', () => {
    expect(cleanAddress({ district: ' г. Урай ', street: '' })).toEqual({ district: 'г. Урай' });
    expect(cleanAddress({ street: '  ' })).toBeNull();
    expect(sameAddress({ district: 'г. Урай', street: 'Мира' }, { district: ' г. Урай', street: 'Мира', flat: '' })).toBe(true);
    expect(sameAddress({ district: 'г. Урай', flat: '1' }, { district: 'г. Урай', flat: '2' })).toBe(false);
  });
});

describe('AddressPartsInput', () => {
  it('takes the postcode as 6 digits (spaces dropped) and nothing else', () => {
    expect(AddressPartsInput.parse({ index: '628 011', district: 'г. Урай' }).index).toBe('628011');
    for (const index of ['62801', '6280111', '62801А']) {
      const r = AddressPartsInput.safeParse({ index, district: 'г. Урай' });
      expect(r.success, index).toBe(false);
      expect(r.error?.issues[0]?.message).toBe(POSTCODE_ERROR);
      expect(r.error?.issues[0]?.path).toEqual(['index']);
    }
  });

  it('asks for a place: the district / city or the settlement', () => {
    const r = AddressPartsInput.safeParse({ street: 'Мира', house: '1' });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['district', PLACE_REQUIRED]]);
    expect(AddressPartsInput.safeParse({ settlement: 'с. Нялинское' }).success).toBe(true);
  });

  it('bounds every part', () => {
    expect(AddressPartsInput.safeParse({ district: 'г'.repeat(201) }).success).toBe(false);
    expect(AddressPartsInput.safeParse({ district: 'г. Урай', house: '1'.repeat(21) }).success).toBe(false);
  });
});

describe('PersonInput: the address in parts or as text', () => {
  const person = {
    lastName: 'Иванова',
    firstName: 'Анна',
    birthDate: '1950-01-02',
    sex: 'female',
    citizenship: 'rf',
    idDoc: { kind: 'passport_rf', number: '123456', issuer: 'УМВД', issueDate: '2000-01-01' },
  } as const;

  it('makes the text from the parts, ignoring a text sent along; the actual address defaults to them', () => {
    const parts = { index: '628011', district: 'г. Ханты-Мансийск', street: 'Мира', house: '18', flat: '3' };
    const p = PersonInput.parse({ ...person, regAddress: 'старый адрес', regAddressParts: parts });
    expect(p.regAddress).toBe('628011, г. Ханты-Мансийск, ул. Мира, д. 18, кв. 3');
    expect(p.regAddressParts).toEqual(parts);
    expect(p.actualAddress).toBe(p.regAddress);
    expect(p.actualAddressParts).toEqual(parts);
  });

  it('keeps an actual address of its own, in parts or as text', () => {
    const reg = { district: 'г. Урай', street: 'Мира', house: '1' };
    const inParts = PersonInput.parse({ ...person, regAddressParts: reg, actualAddressParts: { district: 'г. Урай', street: 'Ленина', house: '2' } });
    expect(inParts.actualAddress).toBe('г. Урай, ул. Ленина, д. 2');
    const asText = PersonInput.parse({ ...person, regAddressParts: reg, actualAddress: 'г. Сургут, ул. Мира, д. 5' });
    expect(asText).toMatchObject({ actualAddress: 'г. Сургут, ул. Мира, д. 5', actualAddressParts: null });
  });

  it('takes the text alone from an older client or a portal event', () => {
    const p = PersonInput.parse({ ...person, regAddress: '628400, г. Сургут, ул. Мира, д. 7, кв. 12' });
    expect(p).toMatchObject({ regAddress: '628400, г. Сургут, ул. Мира, д. 7, кв. 12', regAddressParts: null, actualAddress: '628400, г. Сургут, ул. Мира, д. 7, кв. 12', actualAddressParts: null });
  });

  it('refuses a person with neither, and parts without a place', () => {
    const none = PersonInput.safeParse({ ...person });
    expect(none.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['regAddress', REG_ADDRESS_REQUIRED]]);
    const noPlace = PersonInput.safeParse({ ...person, regAddressParts: { street: 'Мира' } });
    expect(noPlace.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['regAddressParts.district', PLACE_REQUIRED]]);
  });
});
