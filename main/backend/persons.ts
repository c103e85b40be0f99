/**
 * Persons: one record per citizen, reused across cases, with the full-text
 * index of their folded ФИО kept in step in the same transaction. Search by
 * ФИО is case-insensitive, ё = е, any word order, by prefixes.
 */
import { eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { PersonInput, PersonView } from '../../core/api/reception';
import { ApiError } from '../../core/api/errors';
import { foldRu } from '../../core/domain/russian-text';
import type { Db } from '../../db/connection';
import { persons } from '../../db/schema';
import { assertRev } from './revisions';

type PersonParsed = z.output<typeof PersonInput>;

export function fullNameOf(p: { lastName: string; firstName: string; middleName?: string | null }): string {
  return [p.lastName, p.firstName, p.middleName].filter(Boolean).join(' ');
}

function rowValues(p: PersonParsed, nowIso: string) {
  return {
    lastName: p.lastName,
    firstName: p.firstName,
    middleName: p.middleName ?? null,
    birthDate: p.birthDate,
    sex: p.sex,
    snils: p.snils ?? null,
    citizenship: p.citizenship,
    idDoc: { kind: p.idDoc.kind, series: p.idDoc.series ?? null, number: p.idDoc.number, issuer: p.idDoc.issuer, issueDate: p.idDoc.issueDate },
    regAddress: p.regAddress,
    actualAddress: p.actualAddress,
    regAddressParts: p.regAddressParts,
    actualAddressParts: p.actualAddressParts,
    phone: p.phone ?? null,
    email: p.email ?? null,
    searchName: foldRu(fullNameOf(p)),
    updatedAt: nowIso,
  };
}

function indexName(db: Db, id: number, searchName: string): void {
  db.run(sql`delete from person_fts where rowid = ${id}`);
  db.run(sql`insert into person_fts(rowid, name) values (${id}, ${searchName})`);
}

/**
 * Creates a person, or updates the chosen one (read at revision `personRev`)
 * with the data just entered. Returns the person's id and the row before
 * the change (for the audit). Call inside a transaction.
 */
export function savePerson(db: Db, p: PersonParsed, personId: number | undefined, personRev: number | undefined, nowIso: string, byUserId: number, field = 'applicant') {
  if (p.snils) {
    const other = db.select({ id: persons.id }).from(persons).where(eq(persons.snils, p.snils)).get();
    if (other && other.id !== personId) {
      throw new ApiError('CONFLICT', 'Человек с таким СНИЛС уже есть в базе: выберите его из найденных.', {
        [`${field}.snils`]: 'СНИЛС уже принадлежит другому человеку в базе',
      });
    }
  }
  const values = { ...rowValues(p, nowIso), updatedBy: byUserId };
  if (personId) {
    const before = db.select().from(persons).where(eq(persons.id, personId)).get();
    if (!before) throw new ApiError('NOT_FOUND', 'Выбранный заявитель не найден в базе.');
    assertRev({ db }, before, personRev ?? 0, 'данные заявителя');
    db.update(persons).set({ ...values, rev: sql`rev + 1` }).where(eq(persons.id, personId)).run();
    if (before.searchName !== values.searchName) indexName(db, personId, values.searchName);
    return { id: personId, before };
  }
  const row = db
    .insert(persons)
    .values({ ...values, createdAt: nowIso })
    .returning({ id: persons.id })
    .get();
  indexName(db, row.id, values.searchName);
  return { id: row.id, before: null };
}

export function toPersonView(r: typeof persons.$inferSelect): PersonView {
  return {
    id: r.id,
    lastName: r.lastName,
    firstName: r.firstName,
    middleName: r.middleName,
    fullName: fullNameOf(r),
    birthDate: r.birthDate,
    sex: r.sex,
    snils: r.snils,
    citizenship: r.citizenship,
    idDoc: r.idDoc,
    regAddress: r.regAddress,
    actualAddress: r.actualAddress,
    regAddressParts: r.regAddressParts ?? null,
    actualAddressParts: r.actualAddressParts ?? null,
    phone: r.phone,
    email: r.email,
    rev: r.rev,
  };
}

/** Words of a ФИО query as FTS5 prefix terms: "ива"* AND "петр"*. */
export function ftsQuery(q: string): string | null {
  const words = foldRu(q)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  if (!words.length) return null;
  return words.map((w) => `"${w}"*`).join(' AND ');
}

/** Person ids whose ФИО matches all words of the query as prefixes (any order). */
export function searchPersonIds(db: Db, q: string, limit: number): number[] {
  const match = ftsQuery(q);
  if (!match) return [];
  const rows = db.all<{ id: number }>(sql`select rowid as id from person_fts where person_fts match ${match} limit ${limit}`);
  return rows.map((r) => r.id);
}

export function personsByIds(db: Db, ids: number[]) {
  if (!ids.length) return [];
  return db.select().from(persons).where(inArray(persons.id, ids)).all();
}
