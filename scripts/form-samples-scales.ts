/**
 * Sample data for the scale questionnaires (main/forms/scales.ts): an
 * 82-year-old woman living alone with moderate dependence in everyday
 * activities (Barthel 70 — умеренная зависимость; Lawton 5 of 8). The
 * person, dates and numbers are made up. SCALE_FORMS lists the filled and
 * blank variants for the preview script.
 */
import type { ScaleAnswers } from '../core/domain/scales';
import { buildBarthelQuestionnaire, buildLawtonQuestionnaire, type ScaleQuestionnaireData } from '../main/forms/scales';

export const SCALE_PERSON = { fullName: 'Кондратьева Нина Степановна', birthDate: '1942-09-14' };
export const SCALE_DATE = '2025-03-12';
export const SCALE_ASSESSOR = { name: 'Петрова Марина Игоревна', position: 'Специалист по социальной работе' };
export const SCALE_ACT_NUMBER = '17/2025';

/**
 * Option indexes (0 = most independent). Points: 10 + 0 + 5 + 5 + 10 + 5 +
 * 10 + 10 + 10 + 5 = 70.
 */
export const SAMPLE_BARTHEL: ScaleAnswers = {
  feeding: 0, // 10: eats on her own
  bathing: 1, // 0: needs help in the bath
  grooming: 0, // 5
  dressing: 1, // 5: help with shoes and buttons
  bowels: 0, // 10
  bladder: 1, // 5: occasional accidents
  toilet: 0, // 10
  transfer: 1, // 10: needs supervision getting up
  mobility: 1, // 10: walks up to 500 m with help
  stairs: 1, // 5: stairs with support
};
export const SAMPLE_BARTHEL_SCORE = 70;

/** Points: 1 + 0 + 0 + 1 + 1 + 1 + 0 + 1 = 5. */
export const SAMPLE_LAWTON: ScaleAnswers = {
  telephone: 1, // 1: dials a few familiar numbers
  shopping: 2, // 0: needs company in any shop
  food: 2, // 0: heats and serves ready meals
  housekeeping: 2, // 1: light housework, not adequately clean
  laundry: 1, // 1: washes small items
  transport: 2, // 1: public transport when accompanied
  medication: 1, // 0: takes medicines prepared in advance
  finances: 1, // 1: day-to-day purchases only
};
export const SAMPLE_LAWTON_SCORE = 5;

export function barthelSample(): ScaleQuestionnaireData {
  return {
    person: SCALE_PERSON,
    date: SCALE_DATE,
    answers: SAMPLE_BARTHEL,
    assessor: SCALE_ASSESSOR,
    actNumber: SCALE_ACT_NUMBER,
  };
}

export function lawtonSample(): ScaleQuestionnaireData {
  return { ...barthelSample(), answers: SAMPLE_LAWTON };
}

/** Blank questionnaire for a field visit: the person and date printed, nothing marked, no assessor. */
/** A blank printed from a case: the person's data, the date left to write by hand. */
export function blankScaleSample(): ScaleQuestionnaireData {
  return { person: { ...SCALE_PERSON, address: '628011, Ханты-Мансийский автономный округ - Югра, г. Ханты-Мансийск, ул. Чехова, д. 12, кв. 3' }, date: null, answers: null };
}

/** A blank for no one in particular (from the «Бланк» menu outside a case). */
export function emptyScaleSample(): ScaleQuestionnaireData {
  return { person: { fullName: '', birthDate: '' }, answers: null };
}

export const SCALE_FORMS: { name: string; build: () => Promise<Buffer> }[] = [
  { name: 'barthel', build: () => buildBarthelQuestionnaire(barthelSample()) },
  { name: 'barthel-blank', build: () => buildBarthelQuestionnaire(blankScaleSample()) },
  { name: 'lawton', build: () => buildLawtonQuestionnaire(lawtonSample()) },
  { name: 'lawton-blank', build: () => buildLawtonQuestionnaire(blankScaleSample()) },
  { name: 'barthel-empty', build: () => buildBarthelQuestionnaire(emptyScaleSample()) },
];
