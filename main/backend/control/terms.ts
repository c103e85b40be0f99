/**
 * The deadline terms as reference data: seeded from
 * resources/reference/deadline-terms.json on every start (a version the
 * administrator edited or added is kept), read by registration (the terms in
 * force that day are recorded on the case or complaint) and edited by the
 * administrator.
 */
import { createHash } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import seed from '../../../resources/reference/deadline-terms.json';
import { caseTermsFrom, caseTermsOn, complaintTermsOn, type CaseTerms, type ComplaintTerms, type TermVersion } from '../../../core/domain/deadline-terms';
import type { Db } from '../../../db/connection';
import { deadlineTerms } from '../../../db/schema-control';

const hash = (v: unknown) => createHash('sha256').update(JSON.stringify(v)).digest('hex').slice(0, 16);

/** Adds new seed versions and updates changed ones that were not edited locally. Call inside the seeding transaction. */
export function seedDeadlineTerms(db: Db, report: { inserted: number; updated: number; keptLocal: number }): void {
  for (const s of seed as TermVersion[]) {
    const h = hash(s);
    const key = and(eq(deadlineTerms.code, s.code), eq(deadlineTerms.effectiveFrom, s.effectiveFrom));
    const cur = db.select({ seedHash: deadlineTerms.seedHash, locallyModified: deadlineTerms.locallyModified }).from(deadlineTerms).where(key).get();
    const values = { code: s.code, effectiveFrom: s.effectiveFrom, days: s.days, paragraph: s.paragraph, title: s.title, basis: s.basis, seedHash: h };
    if (!cur) {
      db.insert(deadlineTerms).values(values).run();
      report.inserted++;
    } else if (cur.seedHash !== h) {
      if (cur.locallyModified) report.keptLocal++;
      else {
        db.update(deadlineTerms).set(values).where(key).run();
        report.updated++;
      }
    }
  }
}

export function termVersions(db: Db): (TermVersion & { locallyModified: boolean })[] {
  return db
    .select()
    .from(deadlineTerms)
    .orderBy(asc(deadlineTerms.code), asc(deadlineTerms.effectiveFrom))
    .all()
    .map((r) => ({ code: r.code, effectiveFrom: r.effectiveFrom, days: r.days, paragraph: r.paragraph, title: r.title, basis: r.basis, locallyModified: r.locallyModified }));
}

/** The case terms in force on a date (registration). */
export function caseTermsFor(db: Db, date: string): CaseTerms {
  return caseTermsOn(termVersions(db), date);
}

export function complaintTermsFor(db: Db, date: string): ComplaintTerms {
  return complaintTermsOn(termVersions(db), date);
}

/**
 * The terms a case was registered with. Cases registered before terms were
 * recorded got the regulation's terms by migration 0005; a row without them
 * (written directly, as the benchmark's generator does) takes the
 * regulation's terms too, as the statistics' SQL does.
 */
export function termsOfCase(c: { appliedTerms: unknown }): CaseTerms {
  return caseTermsFrom(c.appliedTerms);
}
