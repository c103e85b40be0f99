/**
 * СНИЛС (страховой номер индивидуального лицевого счета): normalisation,
 * formatting and the official checksum.
 *
 * Checksum rule: for numbers above 001-001-998 the sum of each of the first
 * nine digits times its weight (9, 8, ..., 1 from the left) gives
 *   sum < 100          -> checksum = sum
 *   sum = 100 or 101   -> checksum = 00
 *   sum > 101          -> checksum = sum mod 101, and 100 -> 00.
 * Numbers up to and including 001-001-998 were issued before the checksum
 * existed: they are not checked.
 *
 * Pure functions, no I/O.
 */

/** Numbers whose first nine digits are at most this value are not checked. */
export const SNILS_UNCHECKED_MAX = 1_001_998;

/** Separators accepted in user input: whitespace (incl. NBSP) and dashes. */
const SEPARATORS = /[\s\u00a0\u2010-\u2015\u2212-]/g;

/**
 * Strips spaces and dashes; returns the 11 digits or null when the input has
 * any other character or a different number of digits.
 */
export function normalizeSnils(input: string): string | null {
  if (typeof input !== 'string') return null;
  const digits = input.replace(SEPARATORS, '');
  return /^\d{11}$/.test(digits) ? digits : null;
}

/**
 * The checksum (0..99) for the first nine digits. Computed for any nine
 * digits, also for numbers at or below 001-001-998 where it is not checked.
 */
export function snilsChecksum(first9: string): number {
  if (!/^\d{9}$/.test(first9)) {
    throw new RangeError(`Expected 9 digits, got ${JSON.stringify(first9)}`);
  }
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(first9[i]) * (9 - i);
  if (sum < 100) return sum;
  if (sum === 100 || sum === 101) return 0;
  const rest = sum % 101;
  return rest === 100 ? 0 : rest;
}

/** Whether the checksum of this number is checked at all (above 001-001-998). */
export function snilsHasChecksum(digits: string): boolean {
  return Number(digits.slice(0, 9)) > SNILS_UNCHECKED_MAX;
}

export function isValidSnils(input: string): boolean {
  const digits = normalizeSnils(input);
  if (digits === null) return false;
  if (!snilsHasChecksum(digits)) return true;
  return snilsChecksum(digits.slice(0, 9)) === Number(digits.slice(9));
}

/**
 * 'XXX-XXX-XXX YY'. Accepts the 11 digits with or without separators;
 * throws RangeError when the input is not 11 digits (the checksum is not
 * checked here: use isValidSnils for that).
 */
export function formatSnils(digits: string): string {
  const d = normalizeSnils(digits);
  if (d === null) throw new RangeError(`Not an 11-digit СНИЛС: ${JSON.stringify(digits)}`);
  return `${d.slice(0, 3)}-${d.slice(3, 6)}-${d.slice(6, 9)} ${d.slice(9)}`;
}

export const SNILS_MESSAGES = {
  empty: 'Укажите СНИЛС',
  chars: 'СНИЛС может содержать только цифры, пробелы и дефисы',
  length: 'СНИЛС должен содержать 11 цифр',
  checksum: 'Неверная контрольная сумма СНИЛС',
} as const;

/** Russian error text for a form field, or null when the number is valid. */
export function snilsError(input: string): string | null {
  const raw = typeof input === 'string' ? input.replace(SEPARATORS, '') : '';
  if (raw === '') return SNILS_MESSAGES.empty;
  if (!/^\d+$/.test(raw)) return SNILS_MESSAGES.chars;
  if (raw.length !== 11) return SNILS_MESSAGES.length;
  return isValidSnils(raw) ? null : SNILS_MESSAGES.checksum;
}
