import { describe, expect, it } from 'vitest';
import calendar from '../../resources/reference/calendar.json';
import { calendarFromReference } from '../../core/domain/calendar';
import { caseDeadlines, nextDeadline, TERMS, urgency } from '../../core/domain/deadlines';

const cal = calendarFromReference(calendar);

describe('deadlines of the regulation', () => {
  it('registration within 1 working day for mail, portals and MFC only (p.35)', () => {
    const base = { receivedDate: '2026-02-20', registeredDate: '2026-02-24', hasRequests: true };
    expect(caseDeadlines(cal, { ...base, channel: 'in_person' }, TERMS).registration).toBeNull();
    // Fri 20.02.2026; 23.02 is a holiday: the next working day is Tue 24.02.
    expect(caseDeadlines(cal, { ...base, channel: 'mail' }, TERMS).registration).toBe('2026-02-24');
    expect(caseDeadlines(cal, { ...base, channel: 'mfc' }, TERMS).registration).toBe('2026-02-24');
  });

  it('requests 1, decision 10, result 15 working days from registration (p.45, 46, 17)', () => {
    // Registered Thu 30.04.2026; 1 May and 11 May are days off:
    // 4, 5, 6, 7, 8, 12, 13, 14, 15, 18 (10th), 19, 20, 21, 22, 25 (15th).
    const d = caseDeadlines(cal, { channel: 'in_person', receivedDate: '2026-04-30', registeredDate: '2026-04-30', hasRequests: true }, TERMS);
    expect(d.requests).toBe('2026-05-04');
    expect(d.decision).toBe('2026-05-18');
    expect(d.result).toBe('2026-05-25');
    expect(caseDeadlines(cal, { channel: 'in_person', receivedDate: '2026-04-30', registeredDate: '2026-04-30', hasRequests: false }, TERMS).requests).toBeNull();
  });

  it('issue within 5 working days of signing (p.47), across New Year', () => {
    const d = caseDeadlines(cal, { channel: 'in_person', receivedDate: '2025-12-10', registeredDate: '2025-12-10', hasRequests: false, signedDate: '2025-12-29' }, TERMS);
    // 30.12 (1), 31.12 and 1–11.01 off, 12–15.01 (2–5).
    expect(d.issue).toBe('2026-01-15');
    expect(TERMS.issue).toBe(5);
  });

  it('an interagency answer within 5 working days of sending (210-ФЗ art. 7.2)', () => {
    expect(cal.addWorkingDays('2026-06-08', TERMS.interagencyAnswer)).toBe('2026-06-16'); // 12.06 holiday
  });

  it('the nearest open deadline and its urgency', () => {
    const d = caseDeadlines(cal, { channel: 'in_person', receivedDate: '2026-11-25', registeredDate: '2026-11-25', hasRequests: true, signedDate: null }, TERMS);
    expect(nextDeadline(d, { requestsSent: false, decided: false, resultIssued: false })).toEqual({ kind: 'requests', date: '2026-11-26' });
    expect(nextDeadline(d, { requestsSent: true, decided: false, resultIssued: false })).toEqual({ kind: 'decision', date: '2026-12-09' });
    expect(nextDeadline(d, { requestsSent: true, decided: true, resultIssued: true })).toBeNull();
    expect(urgency(cal, '2026-11-24', '2026-11-25')).toBe('overdue');
    expect(urgency(cal, '2026-11-25', '2026-11-25')).toBe('today');
    expect(urgency(cal, '2026-11-27', '2026-11-25')).toBe('soon');
    // Fri 27.11 seen from Thu 26.11 is soon; Tue 01.12 is the 3rd working day: later.
    expect(urgency(cal, '2026-12-01', '2026-11-26')).toBe('later');
  });
});
