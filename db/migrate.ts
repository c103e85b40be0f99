/**
 * Applies the bundled migrations. The schema version is SQLite's
 * `PRAGMA user_version` = the number of migrations applied.
 *
 * Safe on real data:
 * - foreign keys are switched off *outside* the transaction (inside one the
 *   pragma is a no-op, so drizzle-kit's table rebuilds would fail on any
 *   referenced table with rows), and switched back on afterwards;
 * - `PRAGMA foreign_key_check` runs before commit: any dangling reference
 *   rolls the whole upgrade back;
 * - AUTOINCREMENT counters never go back: a rebuilt table would restart at
 *   the highest id copied, and the number of a deleted row (a session) could
 *   be given again; each counter is restored to at least what it was;
 * - all pending migrations run in one transaction: the database moves to
 *   the new version whole, or stays as it was;
 * - `beforeMigrate` runs first when anything is pending (the connection
 *   makes a fresh pre-migration copy there, see db/connection.ts).
 * A database written by a newer Socdesk (user_version beyond what this build
 * knows) is refused.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { MIGRATIONS, type Migration } from './migrations.gen';

export class DatabaseTooNewError extends Error {
  constructor(
    readonly found: number,
    readonly supported: number,
  ) {
    super(
      `База данных создана более новой версией Socdesk (версия схемы ${found}, эта программа знает только до ${supported}). ` +
        'Установите новую версию программы; базу данных не изменяйте.',
    );
    this.name = 'DatabaseTooNewError';
  }
}

/** An upgrade would leave rows pointing at nothing; nothing was changed. */
export class MigrationIntegrityError extends Error {
  constructor(readonly violations: { table: string; rowid: number | null; parent: string }[]) {
    super(
      `Обновление базы данных остановлено: после него ${violations.length} записей ссылались бы на отсутствующие данные ` +
        `(таблица ${violations[0]?.table ?? '?'}). База данных не изменена.`,
    );
    this.name = 'MigrationIntegrityError';
  }
}

export function schemaVersion(db: BetterSqlite3.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export const LATEST_SCHEMA_VERSION = MIGRATIONS.length;

export interface MigrateOptions {
  /** Called once before a pending upgrade, with the versions from and to. */
  beforeMigrate?: (from: number, to: number) => void;
}

/** drizzle-kit writes these around table rebuilds; the runner handles foreign keys itself. */
const FK_PRAGMA = /^\s*PRAGMA\s+foreign_keys\s*=\s*(ON|OFF)\s*;?\s*$/i;

/** The AUTOINCREMENT counters (sqlite_sequence), by table. */
function sequences(db: BetterSqlite3.Database): { name: string; seq: number }[] {
  const exists = db.prepare("select 1 from sqlite_master where type = 'table' and name = 'sqlite_sequence'").get();
  return exists ? (db.prepare('select name, seq from sqlite_sequence').all() as { name: string; seq: number }[]) : [];
}

/** Puts back counters a table rebuild lowered (or dropped, when the table was empty). */
function keepSequences(db: BetterSqlite3.Database, before: { name: string; seq: number }[]): void {
  const now = new Map(sequences(db).map((s) => [s.name, s.seq]));
  const isTable = db.prepare("select 1 from sqlite_master where type = 'table' and name = ?");
  for (const { name, seq } of before) {
    const cur = now.get(name);
    if (cur === undefined && isTable.get(name)) db.prepare('insert into sqlite_sequence (name, seq) values (?, ?)').run(name, seq);
    else if (cur !== undefined && cur < seq) db.prepare('update sqlite_sequence set seq = ? where name = ?').run(seq, name);
  }
}

/** Returns the number of migrations applied now. */
export function migrate(db: BetterSqlite3.Database, migrations: readonly Migration[] = MIGRATIONS, opts: MigrateOptions = {}): number {
  const current = schemaVersion(db);
  if (current > migrations.length) throw new DatabaseTooNewError(current, migrations.length);
  const pending = migrations.slice(current);
  if (pending.length === 0) return 0;
  opts.beforeMigrate?.(current, migrations.length);
  const fkWasOn = db.pragma('foreign_keys', { simple: true }) === 1;
  db.pragma('foreign_keys = OFF');
  try {
    db.transaction(() => {
      const counters = sequences(db);
      for (const m of pending) {
        for (const stmt of m.sql.split('--> statement-breakpoint')) {
          if (stmt.trim() && !FK_PRAGMA.test(stmt)) db.exec(stmt);
        }
      }
      keepSequences(db, counters);
      const violations = db.pragma('foreign_key_check') as { table: string; rowid: number | null; parent: string }[];
      if (violations.length) throw new MigrationIntegrityError(violations);
      db.pragma(`user_version = ${migrations.length}`);
    }).immediate();
  } finally {
    if (fkWasOn) db.pragma('foreign_keys = ON');
  }
  return pending.length;
}
