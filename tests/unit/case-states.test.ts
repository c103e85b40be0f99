import { describe, expect, it } from 'vitest';
import { ACT_EDITABLE, allowedTransitions, canTransition, CASE_STATUSES, isClosed, stepsDone } from '../../core/domain/case-states';

describe('case states (p.43–47)', () => {
  it('allows the procedure in order', () => {
    const path = ['registered', 'requests_sent', 'documents_complete', 'decision_drafted', 'signed', 'issued'] as const;
    for (let i = 0; i + 1 < path.length; i++) expect(canTransition(path[i], path[i + 1])).toBe(true);
    // No requests needed: straight to documents complete.
    expect(canTransition('registered', 'documents_complete')).toBe(true);
    // A signed result changed: a new version is drafted.
    expect(canTransition('signed', 'decision_drafted')).toBe(true);
  });

  it('forbids skipping steps and going back after the end', () => {
    expect(canTransition('registered', 'signed')).toBe(false);
    expect(canTransition('registered', 'decision_drafted')).toBe(false);
    expect(canTransition('requests_sent', 'decision_drafted')).toBe(false);
    expect(canTransition('documents_complete', 'signed')).toBe(false);
    expect(canTransition('decision_drafted', 'issued')).toBe(false);
    expect(canTransition('signed', 'withdrawn')).toBe(false);
    for (const end of ['issued', 'withdrawn', 'annulled'] as const) {
      expect(allowedTransitions(end)).toEqual([]);
      expect(isClosed(end)).toBe(true);
    }
  });

  it('withdrawal is possible until signing; annulment only right after registration', () => {
    for (const s of ['registered', 'requests_sent', 'documents_complete', 'decision_drafted'] as const) expect(canTransition(s, 'withdrawn')).toBe(true);
    expect(CASE_STATUSES.filter((s) => canTransition(s, 'annulled'))).toEqual(['registered']);
  });

  it('knows which deadlines are behind a case', () => {
    expect(stepsDone('registered')).toEqual({ requestsSent: false, decided: false, resultIssued: false });
    expect(stepsDone('decision_drafted')).toEqual({ requestsSent: true, decided: false, resultIssued: false });
    expect(stepsDone('signed')).toEqual({ requestsSent: true, decided: true, resultIssued: false });
    expect(stepsDone('issued').resultIssued).toBe(true);
  });

  it('acts may be saved until the result goes for signing, and while a returned draft is fixed', () => {
    expect(CASE_STATUSES.filter((s) => ACT_EDITABLE.includes(s))).toEqual(['registered', 'requests_sent', 'documents_complete', 'decision_drafted', 'returned']);
    for (const s of ACT_EDITABLE) expect(isClosed(s)).toBe(false);
  });
});
