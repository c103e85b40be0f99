import { describe, expect, it } from 'vitest';
import seed from '../../resources/reference/deadline-terms.json';
import { caseTermsFrom, caseTermsOn, complaintTermsOn, REGULATION_CASE_TERMS, REGULATION_COMPLAINT_TERMS, TERM_CODES, versionsOn, type TermVersion } from '../../core/domain/deadline-terms';

const versions = seed as TermVersion[];

describe('deadline terms as data', () => {
  it('the seed holds every term with its paragraph, basis and date of effect, equal to the regulation', () => {
    expect(new Set(versions.map((v) => v.code))).toEqual(new Set(TERM_CODES));
    for (const v of versions) {
      expect(v.basis).toMatch(/[А-Яа-я]/);
      expect(v.paragraph).toMatch(/^(п|ст)\. /);
    }
    expect(caseTermsOn(versions, '2026-11-25')).toEqual(REGULATION_CASE_TERMS);
    expect(complaintTermsOn(versions, '2026-11-25')).toEqual(REGULATION_COMPLAINT_TERMS);
    expect(versionsOn(versions, '2026-11-25').result?.paragraph).toBe('п. 17');
  });

  it('an amendment applies from its date of effect; before it the old term stays', () => {
    const amended: TermVersion[] = [...versions, { code: 'result', effectiveFrom: '2027-03-01', days: 10, paragraph: 'п. 17', title: 'Общий срок', basis: 'Изменение' }];
    expect(caseTermsOn(amended, '2027-02-28').result).toBe(15);
    expect(caseTermsOn(amended, '2027-03-01').result).toBe(10);
    expect(caseTermsOn(amended, '2027-03-01').decision).toBe(10);
    // Before the first version the earliest applies.
    expect(caseTermsOn(amended, '2001-01-01').result).toBe(15);
  });

  it('terms recorded on a case are read back, gaps filled with the regulation’s', () => {
    expect(caseTermsFrom({ result: 12, decision: 8 })).toEqual({ ...REGULATION_CASE_TERMS, result: 12, decision: 8 });
    expect(caseTermsFrom(null)).toEqual(REGULATION_CASE_TERMS);
    expect(caseTermsFrom({ result: -1, issue: 'x' })).toEqual(REGULATION_CASE_TERMS);
  });
});
