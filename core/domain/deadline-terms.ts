/**
 * The working-day terms of the procedure as data (resources/reference/
 * deadline-terms.json, editable by the administrator): each term has versions
 * with a date of effect and a legal basis. A case (or a complaint) takes the
 * versions in force on its registration date and records them, so a later
 * amendment never moves the deadlines of cases registered before it.
 *
 * Pure functions, no I/O.
 */

export const CASE_TERM_CODES = ['registration', 'requests', 'decision', 'result', 'issue', 'interagencyAnswer'] as const;
export type CaseTermCode = (typeof CASE_TERM_CODES)[number];

export const COMPLAINT_TERM_CODES = [
  'complaintRegistration',
  'complaintDecision',
  'complaintDecisionShort',
  'complaintForwarding',
  'complaintRemedy',
  'complaintAnswer',
] as const;
export type ComplaintTermCode = (typeof COMPLAINT_TERM_CODES)[number];

export const TERM_CODES = [...CASE_TERM_CODES, ...COMPLAINT_TERM_CODES] as const;
export type TermCode = (typeof TERM_CODES)[number];

/** One version of a term: in force from `effectiveFrom` until the next version of the same code. */
export interface TermVersion {
  code: TermCode;
  /** 'YYYY-MM-DD' */
  effectiveFrom: string;
  /** Working days. */
  days: number;
  /** «п. 35» */
  paragraph: string;
  /** What the term is for, in Russian. */
  title: string;
  /** The legal act and wording the term comes from. */
  basis: string;
}

/** The terms of a case, in working days (what cases store as applied). */
export type CaseTerms = Record<CaseTermCode, number>;
export type ComplaintTerms = {
  registration: number;
  decision: number;
  decisionShort: number;
  forwarding: number;
  remedy: number;
  answer: number;
};

/** The regulation's own values: the seed of the reference data and what a case without recorded terms falls back to. */
export const REGULATION_CASE_TERMS: CaseTerms = { registration: 1, requests: 1, decision: 10, result: 15, issue: 5, interagencyAnswer: 5 };
export const REGULATION_COMPLAINT_TERMS: ComplaintTerms = { registration: 1, decision: 15, decisionShort: 5, forwarding: 3, remedy: 5, answer: 1 };

/**
 * The version of each term in force on `date`: the latest whose effectiveFrom
 * is on or before it. A date before every version takes the earliest one (the
 * regulation's terms applied to cases entered before its data was). A code
 * with no version at all gives undefined.
 */
export function versionsOn(versions: readonly TermVersion[], date: string): Partial<Record<TermCode, TermVersion>> {
  const out: Partial<Record<TermCode, TermVersion>> = {};
  const sorted = [...versions].sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : a.effectiveFrom > b.effectiveFrom ? 1 : 0));
  for (const v of sorted) {
    const cur = out[v.code];
    if (!cur || v.effectiveFrom <= date) out[v.code] = v;
  }
  return out;
}

export function caseTermsOn(versions: readonly TermVersion[], date: string): CaseTerms {
  const on = versionsOn(versions, date);
  const out = { ...REGULATION_CASE_TERMS };
  for (const c of CASE_TERM_CODES) if (on[c]) out[c] = on[c]!.days;
  return out;
}

export function complaintTermsOn(versions: readonly TermVersion[], date: string): ComplaintTerms {
  const on = versionsOn(versions, date);
  const d = (code: ComplaintTermCode, dflt: number) => on[code]?.days ?? dflt;
  const r = REGULATION_COMPLAINT_TERMS;
  return {
    registration: d('complaintRegistration', r.registration),
    decision: d('complaintDecision', r.decision),
    decisionShort: d('complaintDecisionShort', r.decisionShort),
    forwarding: d('complaintForwarding', r.forwarding),
    remedy: d('complaintRemedy', r.remedy),
    answer: d('complaintAnswer', r.answer),
  };
}

/** Terms recorded on a case (JSON), completed with the regulation's values for any missing or malformed entry. */
export function caseTermsFrom(stored: unknown, fallback: CaseTerms = REGULATION_CASE_TERMS): CaseTerms {
  const out = { ...fallback };
  if (stored && typeof stored === 'object') {
    for (const c of CASE_TERM_CODES) {
      const v = (stored as Record<string, unknown>)[c];
      if (typeof v === 'number' && Number.isInteger(v) && v >= 0) out[c] = v;
    }
  }
  return out;
}
