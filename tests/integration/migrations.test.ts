import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/connection';
import { DatabaseTooNewError, LATEST_SCHEMA_VERSION, migrate, schemaVersion } from '../../db/migrate';
import { MIGRATIONS } from '../../db/migrations.gen';
import { renderMigrationsModule } from '../../scripts/bundle-migrations';
import { tempDir } from './helpers';
import { rmSync } from 'node:fs';

const dirs: string[] = [];
function dbPath(): string {
  const d = tempDir();
  dirs.push(d);
  return join(d, 'socdesk.sqlite');
}
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

const tables = (db: Database.Database) =>
  (db.prepare("select name from sqlite_master where type='table' and name not like 'sqlite_%' order by name").all() as { name: string }[]).map((r) => r.name);

describe('migrations', () => {
  it('the bundled module matches the drizzle-kit files', () => {
    const root = join(__dirname, '..', '..');
    expect(readFileSync(join(root, 'db', 'migrations.gen.ts'), 'utf8')).toBe(renderMigrationsModule(join(root, 'db', 'migrations')));
  });

  it('a fresh database gets every migration, WAL and foreign keys', () => {
    const db = openDatabase(dbPath());
    const raw = db.$client;
    expect(schemaVersion(raw)).toBe(LATEST_SCHEMA_VERSION);
    expect(LATEST_SCHEMA_VERSION).toBe(MIGRATIONS.length);
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(raw.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(tables(raw)).toEqual(expect.arrayContaining(['users', 'sessions', 'audit_log', 'settings', 'ref_items', 'calendar_years', 'calendar_days']));
    raw.close();
  });

  it('upgrades an older database and keeps its data', () => {
    const file = dbPath();
    const old = new Database(file);
    migrate(old, MIGRATIONS.slice(0, 1));
    expect(schemaVersion(old)).toBe(1);
    old.prepare("insert into settings(key, value) values ('office_code', 'surgut')").run();
    old.close();

    const db = openDatabase(file);
    expect(schemaVersion(db.$client)).toBe(MIGRATIONS.length);
    expect(db.$client.prepare("select value from settings where key='office_code'").get()).toEqual({ value: 'surgut' });
    db.$client.close();
  });

  it('refuses a database written by a newer version and leaves it untouched', () => {
    const file = dbPath();
    openDatabase(file).$client.close();
    const raw = new Database(file);
    raw.pragma(`user_version = ${MIGRATIONS.length + 3}`);
    raw.close();
    expect(() => openDatabase(file)).toThrow(DatabaseTooNewError);
    expect(() => openDatabase(file)).toThrow(/более новой версией Socdesk/);
    const check = new Database(file);
    expect(schemaVersion(check)).toBe(MIGRATIONS.length + 3);
    check.close();
  });

  it('a failing migration leaves nothing half-applied', () => {
    const raw = new Database(dbPath());
    const broken = [...MIGRATIONS, { tag: '9999_broken', sql: 'CREATE TABLE extra (id integer);\n--> statement-breakpoint\nTHIS IS NOT SQL;' }];
    expect(() => migrate(raw, broken)).toThrow();
    expect(schemaVersion(raw)).toBe(0);
    expect(tables(raw)).toEqual([]);
    raw.close();
  });
});
