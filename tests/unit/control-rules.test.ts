import { describe, expect, it } from 'vitest';
import calendar from '../../resources/reference/calendar.json';
import { responsibleAtRegistration, type Candidate } from '../../core/domain/assignment';
import { calendarFromReference } from '../../core/domain/calendar';
import { canTransition, stepsDone } from '../../core/domain/case-states';
import { registeredLate } from '../../core/domain/deadlines';
import { durationDistribution, stageOutcome, WorkingDayIndex } from '../../core/domain/statistics';
import { addDays } from '../../core/domain/dates';

const cal = calendarFromReference(calendar);

describe('the sign-off queue in the case states (p.46)', () => {
  it('draft → sent for signing → returned → sent again → signed', () => {
    expect(canTransition('decision_drafted', 'awaiting_signature')).toBe(true);
    expect(canTransition('awaiting_signature', 'returned')).toBe(true);
    expect(canTransition('returned', 'awaiting_signature')).toBe(true);
    expect(canTransition('awaiting_signature', 'signed')).toBe(true);
  });

  it('a returned draft is not signed before it is sent again; the decision term runs until signing', () => {
    expect(canTransition('returned', 'signed')).toBe(false);
    expect(canTransition('awaiting_signature', 'issued')).toBe(false);
    expect(canTransition('awaiting_signature', 'withdrawn')).toBe(true);
    expect(stepsDone('awaiting_signature').decided).toBe(false);
    expect(stepsDone('returned').decided).toBe(false);
  });
});

describe('the responsible specialist at registration', () => {
  const users: Record<number, Candidate> = {
    1: { id: 1, roles: ['specialist'], active: true },
    2: { id: 2, roles: ['reception'], active: true },
    3: { id: 3, roles: ['specialist'], active: false },
  };
  const by = (id: number) => users[id];

  it('the registering specialist; a reception-only registrar leaves the case for the head', () => {
    const s = { rule: 'registrar' as const, defaults: {} };
    expect(responsibleAtRegistration(s, { registrar: users[1]!, subservice: 'home' }, by)).toBe(1);
    expect(responsibleAtRegistration(s, { registrar: users[2]!, subservice: 'home' }, by)).toBeNull();
  });

  it('the default specialist of the sub-service, if active', () => {
    const s = { rule: 'subservice' as const, defaults: { home: 1, stationary: 3 } };
    expect(responsibleAtRegistration(s, { registrar: users[2]!, subservice: 'home' }, by)).toBe(1);
    expect(responsibleAtRegistration(s, { registrar: users[2]!, subservice: 'stationary' }, by)).toBeNull();
    expect(responsibleAtRegistration(s, { registrar: users[1]!, subservice: 'semi-stationary' }, by)).toBeNull();
  });

  it('left for the head', () => {
    expect(responsibleAtRegistration({ rule: 'head', defaults: { home: 1 } }, { registrar: users[1]!, subservice: 'home' }, by)).toBeNull();
  });
});

describe('statistics arithmetic', () => {
  it('the working-day index equals the calendar count, across the New Year and May holidays', () => {
    const ix = new WorkingDayIndex(cal);
    for (const from of ['2025-12-25', '2025-12-30', '2026-04-28', '2026-05-08', '2027-12-29']) {
      for (let n = 0; n <= 40; n += 3) {
        const to = addDays(from, n);
        expect(ix.between(from, to)).toBe(n === 0 ? 0 : cal.countWorkingDays(addDays(from, 1), to));
      }
    }
    // Registered 30.12.2025, signed 30.01.2026: 15 working days, the last day of the term.
    expect(ix.between('2025-12-30', '2026-01-30')).toBe(15);
    expect(ix.between('2026-01-30', '2025-12-30')).toBe(0);
  });

  it('distribution of days against the term and the share on time', () => {
    const d = durationDistribution([
      { days: 3, onTime: true },
      { days: 15, onTime: true },
      { days: 16, onTime: false },
      { days: 30, onTime: false },
    ]);
    expect(d.byDay[3]).toBe(1);
    expect(d.byDay[15]).toBe(1);
    expect(d.byDay[16]).toBe(1);
    expect(d.more).toBe(1);
    expect(d.onTime).toBe(2);
    expect(d.shareOnTime).toBe(0.5);
    expect(durationDistribution([]).shareOnTime).toBe(0);
  });

  it('a stage against its deadline', () => {
    expect(stageOutcome({ due: '2026-11-25', doneDate: '2026-11-25', closed: false, today: '2026-12-01' })).toBe('on_time');
    expect(stageOutcome({ due: '2026-11-25', doneDate: '2026-11-26', closed: true, today: '2026-12-01' })).toBe('late');
    expect(stageOutcome({ due: '2026-11-25', doneDate: null, closed: false, today: '2026-12-01' })).toBe('overdue');
    expect(stageOutcome({ due: '2026-12-25', doneDate: null, closed: false, today: '2026-12-01' })).toBe('pending');
    expect(stageOutcome({ due: '2026-11-25', doneDate: null, closed: true, today: '2026-12-01' })).toBe('not_applicable');
    expect(stageOutcome({ due: null, doneDate: null, closed: false, today: '2026-12-01' })).toBe('not_applicable');
  });

  it('late registration (p.35 by post or portal, p.43 in person the same day)', () => {
    expect(registeredLate({ channel: 'mail', receivedDate: '2025-12-30', registeredDate: '2026-01-12', dueRegistration: '2026-01-12' })).toBe(false);
    expect(registeredLate({ channel: 'mail', receivedDate: '2025-12-30', registeredDate: '2026-01-13', dueRegistration: '2026-01-12' })).toBe(true);
    expect(registeredLate({ channel: 'in_person', receivedDate: '2026-11-25', registeredDate: '2026-11-25', dueRegistration: null })).toBe(false);
    expect(registeredLate({ channel: 'in_person', receivedDate: '2026-11-24', registeredDate: '2026-11-25', dueRegistration: null })).toBe(true);
  });
});
