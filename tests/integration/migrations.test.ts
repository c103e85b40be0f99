import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/connection';
import { DatabaseTooNewError, LATEST_SCHEMA_VERSION, migrate, MigrationIntegrityError, schemaVersion } from '../../db/migrate';
import { verifyChain } from '../../db/audit-chain';
import { expectedLoss, populatedDatabaseAt, rebuildMigration, snapshotRows, ROWS_PER_TABLE } from '../support/migration-harness';
import { MIGRATIONS } from '../../db/migrations.gen';
import { renderMigrationsModule } from '../../scripts/bundle-migrations';
import { tempDir } from './helpers';
import { readdirSync, rmSync, statSync } from 'node:fs';

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

  // Every earlier schema version, populated (cases, persons, acts, decisions, sessions, audit …), upgrades with every row and reference intact.
  for (let version = 1; version < LATEST_SCHEMA_VERSION; version++) {
    it(`a populated database at version ${version} upgrades to ${LATEST_SCHEMA_VERSION} intact`, () => {
      const file = dbPath();
      populatedDatabaseAt(file, MIGRATIONS, version);
      const before = new Database(file);
      const old = snapshotRows(before);
      before.close();

      const db = openDatabase(file).$client;
      expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
      expect(db.pragma('foreign_key_check')).toEqual([]);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const now = snapshotRows(db);
      for (const [table, rows] of Object.entries(old)) {
        expect(rows.length, table).toBe(ROWS_PER_TABLE);
        if (expectedLoss(version, table)) continue;
        // Every old column of every old row is still there with the same value (new columns may be added).
        expect(now[table]!.map((r) => Object.fromEntries(Object.keys(rows[0]!).map((k) => [k, r[k]]))), table).toEqual(rows);
      }
      // The audit rows written before the chain existed are chained now.
      expect(verifyChain(db)).toMatchObject({ ok: true, count: ROWS_PER_TABLE });
      // A fresh owner-only copy was made before the upgrade.
      const copies = readdirSync(join(file, '..', 'pre-migration'));
      expect(copies).toHaveLength(1);
      expect(copies[0]).toMatch(new RegExp(`^socdesk-v${version}-to-v${LATEST_SCHEMA_VERSION}-`));
      if (process.platform !== 'win32') expect(statSync(join(file, '..', 'pre-migration', copies[0]!)).mode & 0o777).toBe(0o600);
      db.close();
    });
  }

  it('a migration rebuilding a referenced table (users) passes on populated data', () => {
    const file = dbPath();
    populatedDatabaseAt(file, MIGRATIONS, LATEST_SCHEMA_VERSION);
    const db = new Database(file);
    db.pragma('foreign_keys = ON');
    const old = snapshotRows(db);
    const rebuild = rebuildMigration(db, 'users', '9999_rebuild_users');
    expect(migrate(db, [...MIGRATIONS, rebuild])).toBe(1);
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION + 1);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    const now = snapshotRows(db);
    for (const [table, rows] of Object.entries(old)) {
      expect(now[table]!.map((r) => Object.fromEntries(Object.keys(rows[0]!).map((k) => [k, r[k]]))), table).toEqual(rows);
    }
    expect(db.prepare('select count(*) as n from sessions s join users u on u.id = s.user_id').get()).toEqual({ n: ROWS_PER_TABLE });
    db.close();
  });

  it('a migration that would leave dangling references is rolled back whole', () => {
    const file = dbPath();
    populatedDatabaseAt(file, MIGRATIONS, LATEST_SCHEMA_VERSION);
    const db = new Database(file);
    db.pragma('foreign_keys = ON');
    const bad = { tag: '9999_bad', sql: 'CREATE TABLE extra (id integer);\n--> statement-breakpoint\nDELETE FROM users WHERE id = 2;' };
    expect(() => migrate(db, [...MIGRATIONS, bad])).toThrow(MigrationIntegrityError);
    expect(() => migrate(db, [...MIGRATIONS, bad])).toThrow(/База данных не изменена/);
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    expect(db.prepare('select count(*) as n from users').get()).toEqual({ n: ROWS_PER_TABLE });
    expect(db.prepare("select count(*) as n from sqlite_master where name = 'extra'").get()).toEqual({ n: 0 });
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });
});
