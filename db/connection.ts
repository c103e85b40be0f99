/**
 * Opens the office database: one SQLite file per installation, WAL mode,
 * foreign keys on, a busy timeout, migrations applied.
 */
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { foldRu } from '../core/domain/russian-text';
import { migrate } from './migrate';
import * as coreSchema from './schema';
import * as controlSchema from './schema-control';
import * as exchangeSchema from './schema-exchange';

const schema = { ...coreSchema, ...exchangeSchema, ...controlSchema };

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export const DB_FILE_NAME = 'socdesk.sqlite';

export function openDatabase(file: string): Db {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const sqlite = new Database(file);
  try {
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma('synchronous = NORMAL');
    // SQLite's lower() folds ASCII only; searches use this instead (ё = е, any case).
    sqlite.function('fold_ru', { deterministic: true }, (s: unknown) => (typeof s === 'string' ? foldRu(s) : s));
    migrate(sqlite);
    // Refresh the query planner's statistics where they are stale (cheap; SQLite's advice for long-lived connections).
    sqlite.pragma('optimize = 0x10002');
  } catch (e) {
    sqlite.close();
    throw e;
  }
  return drizzle(sqlite, { schema }) as Db;
}
