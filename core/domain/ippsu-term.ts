/**
 * The term of an individual programme (ИППСУ): 874н item 8 «на срок до»;
 * 442-ФЗ ст. 16: the programme is reviewed as the need changes and at least
 * once every three years, so the term ends at most three years after the
 * programme's date. A term counted in years ends on the same month and day of
 * the last year, or on the last day of the month where that day does not
 * exist (ГК РФ ст. 192: 29 February → 28 February).
 *
 * And which programmes are due for review: the term ends within a horizon, or
 * has ended. Pure functions, no I/O.
 */
import { addDays, diffDays, formatRuDate, isIsoDate, isoFromParts, isoParts } from './dates';

export const IPPSU_MAX_YEARS = 3;
/** The review list looks this many calendar days ahead by default. */
export const REVIEW_HORIZON_DAYS = 60;

/** `date` plus whole years, 29 February landing on 28 February. */
export function addYears(date: string, years: number): string {
  const { year, month, day } = isoParts(date);
  const y = year + years;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const d = month === 2 && day === 29 && !leap ? 28 : day;
  return isoFromParts(y, month, d);
}

/** The latest «на срок до» allowed for a programme dated `date`. */
export function ippsuMaxTermUntil(date: string): string {
  return addYears(date, IPPSU_MAX_YEARS);
}

/** A Russian message when the term is not allowed, else null (null too for dates that are not dates: their own check says so). */
export function ippsuTermError(date: string, termUntil: string): string | null {
  if (!isIsoDate(date) || !isIsoDate(termUntil)) return null;
  if (termUntil <= date) return 'Срок действия программы должен оканчиваться позже даты составления';
  const max = ippsuMaxTermUntil(date);
  if (termUntil > max) {
    return `Программа составляется не более чем на три года: срок — не позднее ${formatRuDate(max)} (ст. 16 Федерального закона N 442-ФЗ)`;
  }
  return null;
}

export type ReviewState = 'expired' | 'due';

/** 'expired' when the term has ended (termUntil before today), 'due' when it ends within the horizon, else null. */
export function reviewState(termUntil: string, today: string, horizonDays = REVIEW_HORIZON_DAYS): ReviewState | null {
  if (termUntil < today) return 'expired';
  if (termUntil <= addDays(today, horizonDays)) return 'due';
  return null;
}

/** Calendar days from today to the end of the term (negative once expired). */
export function daysLeft(termUntil: string, today: string): number {
  return diffDays(today, termUntil);
}

/** 442-ФЗ ст. 16: changes of a person's circumstances that call for a review of the programme. */
export const CIRCUMSTANCE_CHANGES = [
  'disability_established',
  'disability_changed',
  'health_changed',
  'carer_moved',
  'family_changed',
  'residence_changed',
  'other',
] as const;
export type CircumstanceChange = (typeof CIRCUMSTANCE_CHANGES)[number];
export const CIRCUMSTANCE_CHANGE_LABELS: Record<CircumstanceChange, string> = {
  disability_established: 'Установлена инвалидность',
  disability_changed: 'Изменена группа инвалидности',
  health_changed: 'Изменилось состояние здоровья',
  carer_moved: 'Выбыл родственник, осуществлявший уход',
  family_changed: 'Изменился состав семьи',
  residence_changed: 'Сменилось место жительства',
  other: 'Иное изменение обстоятельств',
};
