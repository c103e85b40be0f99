import { describe, expect, it } from 'vitest';
import { formatRuDateTime, localDateTime, officeInstant, todayIso } from '../../core/domain/dates';

describe("the office's wall clock (UTC+5), whatever the machine's zone", () => {
  it('takes the date on the office clock, not in UTC', () => {
    expect(todayIso(new Date('2026-12-31T18:59:00Z'))).toBe('2026-12-31');
    expect(todayIso(new Date('2026-12-31T19:00:00Z'))).toBe('2027-01-01');
    expect(todayIso(new Date('2026-06-30T23:00:00Z'))).toBe('2026-07-01');
  });
  it('gives the date and time to the minute', () => {
    expect(localDateTime(new Date('2026-12-31T17:30:00Z'))).toBe('2026-12-31T22:30');
    expect(localDateTime(new Date('2026-12-31T19:30:00Z'))).toBe('2027-01-01T00:30');
    expect(formatRuDateTime('2026-12-31T19:30:00.000Z')).toBe('01.01.2027 00:30');
  });
  it('turns an office date and time back into the instant', () => {
    expect(officeInstant('2027-01-01', '00:30').toISOString()).toBe('2026-12-31T19:30:00.000Z');
    expect(officeInstant('2026-03-01').toISOString()).toBe('2026-02-28T19:00:00.000Z');
    const now = new Date('2026-11-26T04:15:00Z');
    const [d, t] = localDateTime(now).split('T');
    expect(officeInstant(d, t).getTime()).toBe(now.getTime());
  });
  it('does not read the process time zone', () => {
    const saved = process.env.TZ;
    try {
      for (const tz of ['UTC', 'America/New_York', 'Asia/Tokyo']) {
        process.env.TZ = tz;
        expect(todayIso(new Date('2026-12-31T19:30:00Z'))).toBe('2027-01-01');
        expect(formatRuDateTime('2026-12-31T17:30:00Z')).toBe('31.12.2026 22:30');
      }
    } finally {
      process.env.TZ = saved;
    }
  });
});
