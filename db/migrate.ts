/**
 * Applies the bundled migrations. The schema version is SQLite's
 * `PRAGMA user_version` = the number of migrations applied. All pending
 * migrations run in one transaction: either the database moves to the new
 * version whole, or it stays as it was. A database written by a newer
 * Socdesk (user_version beyond what this build knows) is refused.
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

export function schemaVersion(db: BetterSqlite3.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export const LATEST_SCHEMA_VERSION = MIGRATIONS.length;

/** Returns the number of migrations applied now. */
export function migrate(db: BetterSqlite3.Database, migrations: readonly Migration[] = MIGRATIONS): number {
  const current = schemaVersion(db);
  if (current > migrations.length) throw new DatabaseTooNewError(current, migrations.length);
  const pending = migrations.slice(current);
  if (pending.length === 0) return 0;
  db.transaction(() => {
    for (const m of pending) {
      for (const stmt of m.sql.split('--> statement-breakpoint')) {
        if (stmt.trim()) db.exec(stmt);
      }
    }
    db.pragma(`user_version = ${migrations.length}`);
  }).immediate();
  return pending.length;
}
