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
      for (const m of pending) {
        for (const stmt of m.sql.split('--> statement-breakpoint')) {
          if (stmt.trim() && !FK_PRAGMA.test(stmt)) db.exec(stmt);
        }
      }
      const violations = db.pragma('foreign_key_check') as { table: string; rowid: number | null; parent: string }[];
      if (violations.length) throw new MigrationIntegrityError(violations);
      db.pragma(`user_version = ${migrations.length}`);
    }).immediate();
  } finally {
    if (fkWasOn) db.pragma('foreign_keys = ON');
  }
  return pending.length;
}
