import { describe, it, expect } from 'vitest';
import calendarJson from '../../resources/reference/calendar.json';
import {
  ProductionCalendar,
  addDays,
  calendarFromReference,
  formatRuDate,
  formatRuDateTime,
  isIsoDate,
  parseRuDate,
  todayIso,
  weekday,
  yearOf,
} from '../../core/domain/calendar';

const cal = calendarFromReference(calendarJson);

describe('ISO date helpers', () => {
  it('validates ISO dates', () => {
    expect(isIsoDate('2025-01-31')).toBe(true);
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2025-13-01')).toBe(false);
    expect(isIsoDate('2025-1-1')).toBe(false);
    expect(isIsoDate('01.01.2025')).toBe(false);
    expect(isIsoDate(20250101)).toBe(false);
    expect(isIsoDate(null)).toBe(false);
  });

  it('adds calendar days across month, year and leap-day boundaries', () => {
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDays('2025-03-30', 1)).toBe('2025-03-31'); // the old European DST switch day
    expect(addDays('2025-01-01', 365)).toBe('2026-01-01');
    expect(addDays('2025-06-15', 0)).toBe('2025-06-15');
    expect(() => addDays('2025-02-30', 1)).toThrow(RangeError);
  });

  it('gives ISO weekdays 1=Mon..7=Sun', () => {
    expect(weekday('2025-11-01')).toBe(6); // Saturday
    expect(weekday('2025-11-02')).toBe(7); // Sunday
    expect(weekday('2025-11-03')).toBe(1); // Monday
    expect(weekday('2026-01-01')).toBe(4); // Thursday
    expect(yearOf('2026-01-01')).toBe(2026);
  });

  it('formats and parses Russian dates (round trip)', () => {
    expect(formatRuDate('2025-03-08')).toBe('08.03.2025');
    expect(parseRuDate('08.03.2025')).toBe('2025-03-08');
    for (const iso of ['2015-01-01', '2024-02-29', '2026-12-31', '2027-07-04']) {
      expect(parseRuDate(formatRuDate(iso))).toBe(iso);
    }
    expect(parseRuDate(' 29.02.2024 ')).toBe('2024-02-29');
  });

  it('rejects impossible or malformed Russian dates', () => {
    expect(parseRuDate('31.02.2025')).toBeNull();
    expect(parseRuDate('29.02.2025')).toBeNull();
    expect(parseRuDate('00.01.2025')).toBeNull();
    expect(parseRuDate('01.13.2025')).toBeNull();
    expect(parseRuDate('1.1.2025')).toBeNull();
    expect(parseRuDate('2025-01-01')).toBeNull();
    expect(parseRuDate('')).toBeNull();
    expect(() => formatRuDate('2025-02-31')).toThrow(RangeError);
  });

  it("takes today from the office's wall clock (UTC+5)", () => {
    expect(todayIso(new Date('2025-01-05T18:59:00Z'))).toBe('2025-01-05');
    expect(todayIso(new Date('2025-12-30T19:00:00Z'))).toBe('2025-12-31');
  });

  it("formats date-times on the office's wall clock", () => {
    expect(formatRuDateTime(new Date('2025-05-12T04:05:00Z'))).toBe('12.05.2025 09:05');
    expect(formatRuDateTime('2025-05-12T04:05:00.000Z')).toBe('12.05.2025 09:05');
    expect(formatRuDateTime('2025-05-12')).toBe('12.05.2025');
    expect(formatRuDateTime(null)).toBe('');
  });
});

describe('ProductionCalendar: yearly totals', () => {
  const official: Record<number, number> = {
    2015: 247,
    2016: 247,
    2017: 247,
    2018: 247,
    2019: 247,
    2020: 248,
    2021: 247,
    2022: 247,
    2023: 247,
    2024: 248,
    2025: 247,
    2026: 247,
  };
  for (const [year, total] of Object.entries(official)) {
    it(`${year}: ${total} working days`, () => {
      expect(cal.workingDaysInYear(Number(year))).toBe(total);
    });
  }

  it('2025 and 2026 have 247 working days each', () => {
    expect(cal.workingDaysInYear(2025)).toBe(247);
    expect(cal.workingDaysInYear(2026)).toBe(247);
  });

  it('2027 (unconfirmed decree data) has 247 working days', () => {
    expect(cal.workingDaysInYear(2027)).toBe(247);
  });

  it('covers 2015-2027', () => {
    expect(cal.coveredYears()).toEqual([2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027]);
  });
});

describe('ProductionCalendar: individual days', () => {
  it('Saturday 2025-11-01 is a working day, 3 and 4 November 2025 are not', () => {
    expect(cal.isWorkingDay('2025-11-01')).toBe(true);
    expect(cal.isWorkingDay('2025-11-03')).toBe(false);
    expect(cal.isWorkingDay('2025-11-04')).toBe(false);
    expect(cal.isWorkingDay('2025-11-05')).toBe(true);
  });

  it('2026: 23 February and 9 March are days off', () => {
    expect(cal.isWorkingDay('2026-02-23')).toBe(false);
    expect(cal.isWorkingDay('2026-03-09')).toBe(false);
    expect(cal.isWorkingDay('2026-03-10')).toBe(true);
    expect(cal.dayInfo('2026-03-09')?.kind).toBe('dayoff');
    expect(cal.dayInfo('2026-02-23')?.kind).toBe('holiday');
  });

  it('2026: 1-11 January off, 12 January working; 31 December off', () => {
    for (let d = 1; d <= 11; d++) {
      expect(cal.isWorkingDay(`2026-01-${String(d).padStart(2, '0')}`)).toBe(false);
    }
    expect(cal.isWorkingDay('2026-01-12')).toBe(true);
    expect(cal.isWorkingDay('2026-12-31')).toBe(false);
  });

  it('2025 May holidays: 1-4 and 8-11 May off, 5-7 May working', () => {
    for (const d of ['01', '02', '03', '04', '08', '09', '10', '11']) {
      expect(cal.isWorkingDay(`2025-05-${d}`)).toBe(false);
    }
    for (const d of ['05', '06', '07', '12']) expect(cal.isWorkingDay(`2025-05-${d}`)).toBe(true);
  });

  it('2027 (unconfirmed): Saturday 20 February works, 22 February, 3 and 10 May, 14 June, 5 November, 31 December off', () => {
    expect(cal.isWorkingDay('2027-02-20')).toBe(true);
    for (const d of ['2027-02-22', '2027-05-03', '2027-05-10', '2027-06-14', '2027-11-05', '2027-12-31']) {
      expect(cal.isWorkingDay(d)).toBe(false);
    }
  });

  it('ordinary weekends and weekdays follow the Mon-Fri rule', () => {
    expect(cal.isWorkingDay('2025-10-18')).toBe(false); // Saturday
    expect(cal.isWorkingDay('2025-10-19')).toBe(false); // Sunday
    expect(cal.isWorkingDay('2025-10-20')).toBe(true); // Monday
  });
});

describe('ProductionCalendar: working-day arithmetic', () => {
  it('adds working days across the New Year holidays', () => {
    // 29.12.2025 Mon -> 30.12 (1); 31.12 and 1-11.01.2026 off; 12.01 (2); 13.01 (3)
    expect(cal.addWorkingDays('2025-12-29', 1)).toBe('2025-12-30');
    expect(cal.addWorkingDays('2025-12-29', 2)).toBe('2026-01-12');
    expect(cal.addWorkingDays('2025-12-29', 3)).toBe('2026-01-13');
    // 27.12.2024 Fri -> 28.12 working Saturday (1); 30-31.12 and 1-8.01.2025 off; 09.01 (2)
    expect(cal.addWorkingDays('2024-12-27', 1)).toBe('2024-12-28');
    expect(cal.addWorkingDays('2024-12-27', 2)).toBe('2025-01-09');
  });

  it('adds working days across the 2025 May holidays', () => {
    expect(cal.addWorkingDays('2025-04-30', 1)).toBe('2025-05-05');
    expect(cal.addWorkingDays('2025-04-30', 3)).toBe('2025-05-07');
    expect(cal.addWorkingDays('2025-04-30', 4)).toBe('2025-05-12');
  });

  it('counts the 15-working-day term of p.17 from a registration date', () => {
    // registered Fri 24.10.2025: 27-31.10 (5), 01.11 Sat working (6), 05-07.11 (9), 10-14.11 (14), 17.11 (15)
    expect(cal.addWorkingDays('2025-10-24', 15)).toBe('2025-11-17');
  });

  it('n = 0 returns the date itself when working, else the next working day', () => {
    expect(cal.addWorkingDays('2025-11-05', 0)).toBe('2025-11-05');
    expect(cal.addWorkingDays('2025-11-01', 0)).toBe('2025-11-01');
    expect(cal.addWorkingDays('2025-11-02', 0)).toBe('2025-11-05');
  });

  it('negative n counts back', () => {
    expect(cal.addWorkingDays('2026-01-12', -1)).toBe('2025-12-30');
    expect(cal.previousWorkingDay('2025-11-05')).toBe('2025-11-01');
  });

  it('nextWorkingDay is strictly after the date', () => {
    expect(cal.nextWorkingDay('2025-12-30')).toBe('2026-01-12');
    expect(cal.nextWorkingDay('2025-10-31')).toBe('2025-11-01');
    expect(cal.nextWorkingDay('2025-11-05')).toBe('2025-11-06');
  });

  it('countWorkingDays counts an inclusive range', () => {
    expect(cal.countWorkingDays('2025-05-01', '2025-05-31')).toBe(18);
    expect(cal.countWorkingDays('2026-01-01', '2026-01-31')).toBe(15);
    expect(cal.countWorkingDays('2025-11-01', '2025-11-30')).toBe(19);
    expect(cal.countWorkingDays('2025-11-05', '2025-11-05')).toBe(1);
    expect(cal.countWorkingDays('2025-11-04', '2025-11-04')).toBe(0);
    expect(cal.countWorkingDays('2025-11-10', '2025-11-01')).toBe(0);
    expect(cal.countWorkingDays('2025-01-01', '2026-12-31')).toBe(247 + 247);
  });

  it('addWorkingDays and countWorkingDays agree', () => {
    const start = '2025-12-15';
    for (let n = 1; n <= 40; n++) {
      const end = cal.addWorkingDays(start, n);
      expect(cal.countWorkingDays(addDays(start, 1), end)).toBe(n);
    }
  });

  it('rejects bad arguments', () => {
    expect(() => cal.isWorkingDay('2025-02-30')).toThrow(RangeError);
    expect(() => cal.addWorkingDays('2025-01-01', 1.5)).toThrow(RangeError);
  });
});

describe('ProductionCalendar: years not covered', () => {
  it('falls back to Mon-Fri for 2030 and reports it is not covered', () => {
    expect(cal.covers('2030-05-01')).toBe(false);
    expect(cal.covers('2025-05-01')).toBe(true);
    expect(cal.isWorkingDay('2030-05-01')).toBe(true); // Wednesday, a holiday in reality
    expect(cal.isWorkingDay('2030-01-01')).toBe(true); // Tuesday
    expect(cal.isWorkingDay('2030-05-04')).toBe(false); // Saturday
    expect(cal.addWorkingDays('2030-05-03', 1)).toBe('2030-05-06'); // Fri -> Mon
    expect(cal.workingDaysInYear(2030)).toBe(261);
  });

  it('an empty calendar is plain Mon-Fri', () => {
    const plain = new ProductionCalendar({ days: [], years: [] });
    expect(plain.coveredYears()).toEqual([]);
    expect(plain.covers('2025-01-01')).toBe(false);
    expect(plain.isWorkingDay('2025-01-01')).toBe(true);
    expect(plain.workingDaysInYear(2025)).toBe(261);
  });

  it('rejects inconsistent calendar data', () => {
    expect(() => new ProductionCalendar({ days: [{ date: '2025-01-01', kind: 'holiday' }], years: [2026] })).toThrow(RangeError);
    expect(
      () =>
        new ProductionCalendar({
          days: [
            { date: '2025-01-01', kind: 'holiday' },
            { date: '2025-01-01', kind: 'dayoff' },
          ],
          years: [2025],
        }),
    ).toThrow(RangeError);
    expect(() => calendarFromReference({ years: [{ year: 2025, days: [{ date: '2025-01-01', kind: 'weekend' }] }] })).toThrow(
      RangeError,
    );
  });
});
