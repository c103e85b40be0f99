import { describe, expect, it } from 'vitest';
import { IppsuDraft } from '../../core/api/decision';
import { addYears, ippsuMaxTermUntil, ippsuTermError, reviewState } from '../../core/domain/ippsu-term';

describe('the ИППСУ term: at most three years from the programme’s date', () => {
  it('ends on the same day three years later, not a day after', () => {
    expect(ippsuMaxTermUntil('2026-11-25')).toBe('2029-11-25');
    expect(ippsuTermError('2026-11-25', '2029-11-25')).toBeNull();
    expect(ippsuTermError('2026-11-25', '2029-11-26')).toBe('Программа составляется не более чем на три года: срок — не позднее 25.11.2029 (ст. 16 Федерального закона N 442-ФЗ)');
    expect(ippsuTermError('2026-11-25', '2026-11-26')).toBeNull();
  });

  it('must end after the date', () => {
    expect(ippsuTermError('2026-11-25', '2026-11-25')).toBe('Срок действия программы должен оканчиваться позже даты составления');
    expect(ippsuTermError('2026-11-25', '2026-11-24')).not.toBeNull();
  });

  it('leap years: 29 February gives 28 February; a term across 29 February 2028 counts calendar years', () => {
    expect(addYears('2024-02-29', 3)).toBe('2027-02-28');
    expect(ippsuTermError('2024-02-29', '2027-02-28')).toBeNull();
    expect(ippsuTermError('2024-02-29', '2027-03-01')).not.toBeNull();
    expect(ippsuMaxTermUntil('2028-02-29')).toBe('2031-02-28');
    expect(ippsuMaxTermUntil('2025-03-01')).toBe('2028-03-01');
    expect(ippsuTermError('2025-03-01', '2028-02-29')).toBeNull();
    expect(ippsuTermError('2025-03-01', '2028-03-02')).not.toBeNull();
    expect(ippsuMaxTermUntil('2025-02-28')).toBe('2028-02-28');
  });

  it('across New Year and the May holidays: calendar days, holidays do not matter', () => {
    expect(ippsuMaxTermUntil('2026-12-31')).toBe('2029-12-31');
    expect(ippsuTermError('2026-12-31', '2030-01-01')).not.toBeNull();
    expect(ippsuTermError('2027-01-01', '2030-01-01')).toBeNull();
    expect(ippsuTermError('2026-05-01', '2029-05-01')).toBeNull();
    expect(ippsuTermError('2026-05-01', '2029-05-04')).not.toBeNull();
  });

  it('the draft schema refuses a longer term with the message on the field', () => {
    const base = {
      date: '2026-11-25',
      firstOrRepeat: 'first',
      form: 'home',
      payment: 'free',
      services: [{ type: 1, name: 'Уборка жилых помещений', volume: '4 услуги', periodicity: '1 раз в неделю', term: '1 год' }],
    };
    const bad = IppsuDraft.safeParse({ ...base, termUntil: '2030-01-10' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.find((i) => i.path.join('.') === 'termUntil')?.message).toMatch(/не более чем на три года: срок — не позднее 25\.11\.2029/);
    expect(IppsuDraft.safeParse({ ...base, termUntil: '2029-11-25' }).success).toBe(true);
  });
});

describe('which programmes are due for review', () => {
  it('expired before today, due within the horizon (60 days by default), else none', () => {
    expect(reviewState('2026-11-24', '2026-11-25')).toBe('expired');
    expect(reviewState('2026-11-25', '2026-11-25')).toBe('due');
    expect(reviewState('2027-01-24', '2026-11-25')).toBe('due');
    expect(reviewState('2027-01-25', '2026-11-25')).toBeNull();
    expect(reviewState('2027-01-25', '2026-11-25', 90)).toBe('due');
  });
});
