import { describe, it, expect } from 'vitest';
import {
  SNILS_MESSAGES,
  formatSnils,
  isValidSnils,
  normalizeSnils,
  snilsChecksum,
  snilsError,
  snilsHasChecksum,
} from '../../core/domain/snils';

// Hand checks (weights 9..1 over the first nine digits):
//   112-233-445: 1*9+1*8+2*7+2*6+3*5+3*4+4*3+4*2+5*1 = 9+8+14+12+15+12+12+8+5 = 95        -> 95
//   123-456-789: 9+16+21+24+25+24+21+16+9 = 165; 165 mod 101 = 64                          -> 64
//   987-654-321: 81+64+49+36+25+16+9+4+1 = 285; 285 mod 101 = 83                            -> 83
//   100-958-199: 9+0+0+54+25+32+3+18+9 = 150; 150 mod 101 = 49                              -> 49
//   100-356-355: 9+0+0+18+25+24+9+10+5 = 100                                                -> 00
//   100-079-190: 9+0+0+0+35+36+3+18+0 = 101                                                 -> 00
//   106-897-449: 9+0+42+48+45+28+12+8+9 = 201; 201 mod 101 = 100                            -> 00
//   389-993-780: 27+64+63+54+45+12+21+16+0 = 302; 302 mod 101 = 100                         -> 00
//   001-001-999: 0*9+0*8+1*7+0*6+0*5+1*4+9*3+9*2+9*1 = 7+4+27+18+9 = 65               -> 65

describe('snilsChecksum', () => {
  it.each([
    ['112233445', 95],
    ['123456789', 64],
    ['987654321', 83],
    ['100958199', 49],
    ['001001999', 65],
  ])('%s -> %i', (first9, sum) => {
    expect(snilsChecksum(first9)).toBe(sum);
  });

  it('sum 100 and 101 give 00', () => {
    expect(snilsChecksum('100356355')).toBe(0); // sum 100
    expect(snilsChecksum('100079190')).toBe(0); // sum 101
  });

  it('sum > 101 whose remainder mod 101 is 100 gives 00', () => {
    expect(snilsChecksum('106897449')).toBe(0); // sum 201
    expect(snilsChecksum('389993780')).toBe(0); // sum 302
  });

  it('rejects anything but nine digits', () => {
    expect(() => snilsChecksum('12345678')).toThrow(RangeError);
    expect(() => snilsChecksum('1234567890')).toThrow(RangeError);
    expect(() => snilsChecksum('12345678a')).toThrow(RangeError);
  });
});

describe('normalizeSnils', () => {
  it('strips spaces and dashes', () => {
    expect(normalizeSnils('112-233-445 95')).toBe('11223344595');
    expect(normalizeSnils(' 112 233 445 95 ')).toBe('11223344595');
    expect(normalizeSnils('112-233-445-95')).toBe('11223344595');
    expect(normalizeSnils('11223344595')).toBe('11223344595');
    expect(normalizeSnils('112\u00a0233\u00a0445\u00a095')).toBe('11223344595');
    expect(normalizeSnils('112–233–445 95')).toBe('11223344595'); // en dash
  });

  it('returns null for a wrong length or other characters', () => {
    expect(normalizeSnils('')).toBeNull();
    expect(normalizeSnils('112-233-445 9')).toBeNull();
    expect(normalizeSnils('112-233-445 951')).toBeNull();
    expect(normalizeSnils('112.233.445 95')).toBeNull();
    expect(normalizeSnils('112-233-445 9a')).toBeNull();
  });
});

describe('isValidSnils', () => {
  it('accepts known valid numbers with or without separators', () => {
    for (const s of [
      '112-233-445 95',
      '11223344595',
      '123-456-789 64',
      '987-654-321 83',
      '100-958-199 49',
      '001-001-999 65',
    ]) {
      expect(isValidSnils(s)).toBe(true);
    }
  });

  it('accepts 00 where the sum is 100, 101 or its remainder is 100', () => {
    expect(isValidSnils('100-356-355 00')).toBe(true);
    expect(isValidSnils('100-079-190 00')).toBe(true);
    expect(isValidSnils('106-897-449 00')).toBe(true);
    expect(isValidSnils('389-993-780 00')).toBe(true);
    // 100 and 101 are not accepted as the checksum itself
    expect(isValidSnils('100-356-355 10')).toBe(false);
  });

  it('rejects a wrong checksum', () => {
    expect(isValidSnils('112-233-445 96')).toBe(false);
    expect(isValidSnils('112-233-445 00')).toBe(false);
    expect(isValidSnils('123-456-789 65')).toBe(false);
    expect(isValidSnils('001-001-999 00')).toBe(false);
  });

  it('rejects a wrong length', () => {
    expect(isValidSnils('112-233-445 9')).toBe(false);
    expect(isValidSnils('1122334459')).toBe(false);
    expect(isValidSnils('112233445950')).toBe(false);
    expect(isValidSnils('')).toBe(false);
  });

  it('does not check numbers up to 001-001-998', () => {
    expect(snilsHasChecksum('00100199800')).toBe(false);
    expect(snilsHasChecksum('00100199900')).toBe(true);
    expect(isValidSnils('001-001-998 00')).toBe(true);
    expect(isValidSnils('001-001-998 77')).toBe(true);
    expect(isValidSnils('000-000-001 99')).toBe(true);
    expect(isValidSnils('001-001-999 00')).toBe(false); // first checked number
  });
});

describe('formatSnils', () => {
  it("formats as 'XXX-XXX-XXX YY'", () => {
    expect(formatSnils('11223344595')).toBe('112-233-445 95');
    expect(formatSnils('112 233 445-95')).toBe('112-233-445 95');
    expect(formatSnils('00100199800')).toBe('001-001-998 00');
  });

  it('throws for anything but 11 digits', () => {
    expect(() => formatSnils('1122334459')).toThrow(RangeError);
    expect(() => formatSnils('abc')).toThrow(RangeError);
  });
});

describe('snilsError', () => {
  it('is null for a valid number', () => {
    expect(snilsError('112-233-445 95')).toBeNull();
    expect(snilsError('001-001-998 12')).toBeNull();
  });

  it('gives Russian messages', () => {
    expect(snilsError('')).toBe('Укажите СНИЛС');
    expect(snilsError('  ')).toBe(SNILS_MESSAGES.empty);
    expect(snilsError('112-233-445 9')).toBe('СНИЛС должен содержать 11 цифр');
    expect(snilsError('112-233-445 951')).toBe('СНИЛС должен содержать 11 цифр');
    expect(snilsError('112-233-445 96')).toBe('Неверная контрольная сумма СНИЛС');
    expect(snilsError('112/233/445 95')).toBe('СНИЛС может содержать только цифры, пробелы и дефисы');
  });
});
