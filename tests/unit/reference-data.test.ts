import { describe, it, expect } from 'vitest';
import agencies from '../../resources/reference/agencies.json';
import calendar from '../../resources/reference/calendar.json';
import mfc from '../../resources/reference/mfc.json';
import offices from '../../resources/reference/offices.json';
import subservices from '../../resources/reference/subservices.json';
import { isIsoDate, weekday, yearOf } from '../../core/domain/dates';

const nonEmpty = (v: unknown) => typeof v === 'string' && v.trim().length > 0;
const EMAIL = /^[^\s@,;]+@[^\s@,;]+\.[a-z]{2,}$/i;

function expectUnique(values: unknown[]) {
  expect(new Set(values).size).toBe(values.length);
}

describe('offices.json (Appendix 1)', () => {
  it('has the 15 offices numbered 1..15', () => {
    expect(offices).toHaveLength(15);
    expect(offices.map((o) => o.number)).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
  });

  it('every office has code, territory, name, address, phone and e-mail', () => {
    for (const o of offices) {
      expect(o.code).toMatch(/^[a-z][a-z0-9-]*$/);
      for (const f of [o.territory, o.name, o.address, o.phone, o.email]) expect(nonEmpty(f)).toBe(true);
      expect(o.name.startsWith('Управление социальной защиты населения по ')).toBe(true);
      expect(o.address).toMatch(/^\d{6}, /);
      for (const e of o.email.split(', ')) expect(e).toMatch(EMAIL);
    }
  });

  it('office codes and names are unique', () => {
    expectUnique(offices.map((o) => o.code));
    expectUnique(offices.map((o) => o.name));
  });
});

describe('mfc.json (Appendix 2)', () => {
  it('has the 21 MFC offices numbered 1..21 with codes mfc-01..mfc-21', () => {
    expect(mfc).toHaveLength(21);
    mfc.forEach((m, i) => {
      expect(m.number).toBe(i + 1);
      expect(m.code).toBe(`mfc-${String(i + 1).padStart(2, '0')}`);
    });
    expectUnique(mfc.map((m) => m.code));
  });

  it('every MFC has name, address, phone and e-mail', () => {
    for (const m of mfc) {
      for (const f of [m.name, m.address, m.phone, m.email]) expect(nonEmpty(f)).toBe(true);
      expect(m.address).toMatch(/^\d{6}[, ]/);
      expect(m.email).toMatch(EMAIL);
    }
  });
});

describe('agencies.json (p.14, p.25)', () => {
  it('lists the interagency partners with what is requested from them', () => {
    expect(agencies.map((a) => a.code).sort()).toEqual(['csv', 'fms', 'mvd', 'rosreestr', 'sfr']);
    expectUnique(agencies.map((a) => a.code));
    for (const a of agencies) {
      expect(nonEmpty(a.name)).toBe(true);
      expect(nonEmpty(a.shortName)).toBe(true);
      expect(a.provides.length).toBeGreaterThan(0);
      for (const p of a.provides) expect(nonEmpty(p)).toBe(true);
    }
  });
});

describe('subservices.json (p.1, p.19-23)', () => {
  it('has the five sub-services, each tied to its own document-list paragraph', () => {
    expect(subservices).toHaveLength(5);
    expect(subservices.map((s) => s.number)).toEqual([1, 2, 3, 4, 5]);
    expect(subservices.map((s) => s.paragraph)).toEqual(['п. 19', 'п. 20', 'п. 21', 'п. 22', 'п. 23']);
    expectUnique(subservices.map((s) => s.code));
    for (const s of subservices) expect(nonEmpty(s.name)).toBe(true);
    expect(subservices.filter((s) => s.minors).map((s) => s.number)).toEqual([5]);
  });
});

describe('calendar.json', () => {
  const years = calendar.years.map((y) => y.year);

  it('covers 2015-2027 in order, each year once', () => {
    expect(years).toEqual(Array.from({ length: 13 }, (_, i) => 2015 + i));
  });

  it('every year names its source; only 2027 is unconfirmed', () => {
    for (const y of calendar.years) {
      expect(nonEmpty(y.source)).toBe(true);
      expect(y.confirmed).toBe(y.year !== 2027);
    }
  });

  it('every date is valid, inside its year, listed once, with a known kind', () => {
    const all: string[] = [];
    for (const y of calendar.years) {
      for (const d of y.days) {
        expect(isIsoDate(d.date), d.date).toBe(true);
        expect(yearOf(d.date), d.date).toBe(y.year);
        expect(['holiday', 'dayoff', 'workday']).toContain(d.kind);
        all.push(d.date);
      }
      const dates = y.days.map((d) => d.date);
      expect(dates).toEqual([...dates].sort());
    }
    expectUnique(all);
  });

  it('working days are weekends and transferred days off are weekdays', () => {
    for (const y of calendar.years) {
      for (const d of y.days) {
        if (d.kind === 'workday') expect(weekday(d.date), d.date).toBeGreaterThanOrEqual(6);
        if (d.kind === 'dayoff') expect(weekday(d.date), d.date).toBeLessThanOrEqual(5);
      }
    }
  });

  it('every year lists the holidays of ст. 112 ТК РФ', () => {
    const holidays = ['01-01', '01-02', '01-03', '01-04', '01-05', '01-06', '01-07', '01-08', '02-23', '03-08', '05-01', '05-09', '06-12', '11-04'];
    for (const y of calendar.years) {
      const listed = y.days.filter((d) => d.kind === 'holiday').map((d) => d.date.slice(5));
      expect(listed, String(y.year)).toEqual(holidays);
    }
  });
});
