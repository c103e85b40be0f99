/**
 * Sequential numbers per office, register and calendar year: the
 * registration journal, outgoing documents, complaints (JOURNAL_REGISTERS).
 * The counter moves in the caller's transaction, so a rolled-back action
 * never consumes a number: gap-free and never reused. SQLite serialises
 * writers (BEGIN IMMEDIATE), which makes this safe across connections.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/connection';
import { journalCounters, type JOURNAL_REGISTERS } from '../../db/schema';

export type Register = (typeof JOURNAL_REGISTERS)[number];

export function nextNumber(db: Db, officeCode: string, register: Register, year: number): { seq: number; number: string } {
  const row = db
    .insert(journalCounters)
    .values({ officeCode, register, year, lastSeq: 1 })
    .onConflictDoUpdate({
      target: [journalCounters.officeCode, journalCounters.register, journalCounters.year],
      set: { lastSeq: sql`${journalCounters.lastSeq} + 1` },
    })
    .returning({ seq: journalCounters.lastSeq })
    .get();
  return { seq: row.seq, number: `${row.seq}/${year}` };
}
