import { describe, expect, it } from 'vitest';
import calendar from '../../resources/reference/calendar.json';
import { calendarFromReference } from '../../core/domain/calendar';
import {
  canComplaintTransition,
  complaintClosed,
  complaintDeadlines,
  groundFitsOutcome,
  nextComplaintDeadline,
  shortTerm,
  type ComplaintFacts,
} from '../../core/domain/complaints';
import { REGULATION_COMPLAINT_TERMS as TERMS } from '../../core/domain/deadline-terms';

const cal = calendarFromReference(calendar);
const facts = (f: Partial<ComplaintFacts>): ComplaintFacts => ({
  receivedDate: '2026-11-25',
  registeredDate: '2026-11-25',
  subjects: ['service_term'],
  competent: true,
  ...f,
});

describe('complaint deadlines across the New Year holidays (31.12.2025, 1–11.01.2026 off)', () => {
  const d = complaintDeadlines(cal, facts({ receivedDate: '2025-12-30', registeredDate: '2025-12-30' }), TERMS);

  it('registration by the next working day (p.67): Mon 12.01.2026', () => {
    expect(d.registration).toBe('2026-01-12');
  });

  it('decision within 15 working days of registration (p.61)', () => {
    expect(d.decision).toBe('2026-01-30');
    expect(d.forwarding).toBeNull();
  });

  it('within 5 working days when a refusal to accept documents or to correct errors is complained of (p.61)', () => {
    for (const s of ['refusal_to_accept_documents', 'refusal_to_correct_errors'] as const) {
      expect(complaintDeadlines(cal, facts({ registeredDate: '2025-12-30', subjects: ['service_term', s] }), TERMS).decision).toBe('2026-01-16');
    }
    expect(shortTerm(['extra_documents', 'fee_demanded'])).toBe(false);
  });

  it('forwarding to the competent body within 3 working days (p.64), and then no decision term here', () => {
    const f = complaintDeadlines(cal, facts({ registeredDate: '2025-12-30', competent: false }), TERMS);
    expect(f.forwarding).toBe('2026-01-14');
    expect(f.decision).toBeNull();
  });

  it('remedy within 5 working days of a decision to satisfy (p.69), answer no later than the day after (p.71)', () => {
    const s = complaintDeadlines(cal, facts({ decisionDate: '2025-12-30', outcome: 'satisfied' }), TERMS);
    expect(s.remedy).toBe('2026-01-16');
    expect(s.answer).toBe('2026-01-12');
    // Decided on Mon 29.12.2025: the answer goes on Tue 30.12, the last working day of the year.
    expect(complaintDeadlines(cal, facts({ decisionDate: '2025-12-29', outcome: 'refused' }), TERMS).answer).toBe('2025-12-30');
  });
});

describe('complaint deadlines across the May holidays', () => {
  it('2026: 1 May (Fri) and 11 May (Mon) off', () => {
    const d = complaintDeadlines(cal, facts({ receivedDate: '2026-04-30', registeredDate: '2026-04-30' }), TERMS);
    expect(d.registration).toBe('2026-05-04');
    expect(d.decision).toBe('2026-05-25');
    expect(complaintDeadlines(cal, facts({ registeredDate: '2026-04-30', subjects: ['refusal_to_accept_documents'] }), TERMS).decision).toBe('2026-05-08');
    expect(complaintDeadlines(cal, facts({ registeredDate: '2026-04-30', competent: false }), TERMS).forwarding).toBe('2026-05-06');
    const s = complaintDeadlines(cal, facts({ decisionDate: '2026-05-08', outcome: 'satisfied' }), TERMS);
    expect(s.answer).toBe('2026-05-12');
    expect(s.remedy).toBe('2026-05-18');
  });

  it('2025: 1–4 and 8–11 May off', () => {
    const s = complaintDeadlines(cal, facts({ decisionDate: '2025-05-07', outcome: 'refused' }), TERMS);
    expect(s.answer).toBe('2025-05-12');
    expect(s.remedy).toBeNull();
    expect(complaintDeadlines(cal, facts({ receivedDate: '2025-04-30', registeredDate: '2025-04-30' }), TERMS).registration).toBe('2025-05-05');
  });

  it('a complaint left without an answer (p.73) has no answer deadline', () => {
    expect(complaintDeadlines(cal, facts({ decisionDate: '2026-05-08', outcome: 'left_unanswered' }), TERMS).answer).toBeNull();
  });

  it('terms come from the data: an amended term moves the deadline', () => {
    expect(complaintDeadlines(cal, facts({ registeredDate: '2026-04-30' }), { ...TERMS, decision: 10 }).decision).toBe('2026-05-18');
  });
});

describe('the nearest complaint deadline and the states', () => {
  const d = complaintDeadlines(cal, facts({ decisionDate: '2026-11-25', outcome: 'satisfied' }), TERMS);

  it('follows the state: decision, then the answer and the remedy, then nothing', () => {
    const reg = complaintDeadlines(cal, facts({}), TERMS);
    expect(nextComplaintDeadline(reg, { status: 'registered', remedyDone: false })).toEqual({ kind: 'decision', date: reg.decision });
    expect(nextComplaintDeadline(d, { status: 'decided', outcome: 'satisfied', remedyDone: false })).toEqual({ kind: 'answer', date: '2026-11-26' });
    expect(nextComplaintDeadline(d, { status: 'answered', outcome: 'satisfied', remedyDone: false })).toEqual({ kind: 'remedy', date: '2026-12-02' });
    expect(nextComplaintDeadline(d, { status: 'answered', outcome: 'satisfied', remedyDone: true })).toBeNull();
    expect(complaintClosed({ status: 'answered', outcome: 'satisfied', remedyDone: false })).toBe(false);
    expect(complaintClosed({ status: 'answered', outcome: 'refused', remedyDone: false })).toBe(true);
    expect(complaintClosed({ status: 'forwarded', remedyDone: false })).toBe(true);
  });

  it('allows only the transitions of the procedure', () => {
    expect(canComplaintTransition('registered', 'decided')).toBe(true);
    expect(canComplaintTransition('registered', 'forwarded')).toBe(true);
    expect(canComplaintTransition('registered', 'answered')).toBe(false);
    expect(canComplaintTransition('decided', 'answered')).toBe(true);
    expect(canComplaintTransition('left_unanswered', 'answered')).toBe(false);
  });

  it('a refusal takes a ground of p.72, no answer one of p.73, a satisfied complaint none', () => {
    expect(groundFitsOutcome('refused', 'already_decided')).toBe(true);
    expect(groundFitsOutcome('refused', 'offensive')).toBe(false);
    expect(groundFitsOutcome('left_unanswered', 'unreadable')).toBe(true);
    expect(groundFitsOutcome('satisfied', null)).toBe(true);
    expect(groundFitsOutcome('satisfied', 'unfounded')).toBe(false);
  });
});
