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

  // ---------------------------------------------------------------- enumerations (0011): CHECK constraints in the file itself

  /** Every CHECK of the latest schema: its name, table, column, and whether it is a JSON array or a list of integers. */
  function checks(db: Database.Database) {
    const out: { name: string; table: string; column: string; json: boolean; numeric: boolean }[] = [];
    for (const t of db.prepare("select name, sql from sqlite_master where type = 'table' and sql is not null").all() as { name: string; sql: string }[]) {
      for (const m of t.sql.matchAll(/CONSTRAINT "(\w+)" CHECK\((json_valid\()?(?:"\w+" is null or )?"(\w+)"( in \(\d)?/g)) {
        out.push({ name: m[1]!, table: t.name, column: m[3]!, json: Boolean(m[2]), numeric: Boolean(m[4]) });
      }
    }
    return out;
  }

  /** Inserts a copy of the table's first row with some columns changed (an integer primary key left to SQLite). */
  function insertCopy(db: Database.Database, table: string, changes: Record<string, unknown>) {
    const cols = (db.pragma(`table_info(${table})`) as { name: string; type: string; pk: number }[]).filter((c) => !(c.pk === 1 && c.type.toUpperCase() === 'INTEGER'));
    const names = cols.map((c) => `"${c.name}"`).join(', ');
    const values = cols.map((c) => (c.name in changes ? '?' : `"${c.name}"`)).join(', ');
    const args = cols.filter((c) => c.name in changes).map((c) => changes[c.name]);
    return db.prepare(`insert into ${table} (${names}) select ${values} from ${table} order by rowid limit 1`).run(...args);
  }

  it('the bundled SQLite adds CHECK constraints in place (ALTER TABLE ADD CONSTRAINT, SQLite 3.53), as 0011 does', () => {
    const db = new Database(':memory:');
    const [major, minor] = (db.prepare('select sqlite_version() as v').get() as { v: string }).v.split('.').map(Number);
    expect(major! * 1000 + minor!).toBeGreaterThanOrEqual(3053);
    db.close();
  });

  it('a case status, a role, a request channel, an act kind outside their lists are refused by the database itself', () => {
    const file = dbPath();
    populatedDatabaseAt(file, MIGRATIONS, LATEST_SCHEMA_VERSION);
    const db = new Database(file);
    db.pragma('foreign_keys = ON');
    const refused: [string, Record<string, unknown>, Record<string, unknown>, string][] = [
      ['cases', { status: 'closed', journal_seq: 1001 }, { status: 'issued', journal_seq: 1002 }, 'cases_status_check'],
      ['users', { roles: '["root"]', username: 'u1' }, { roles: '["admin","head"]', username: 'u2' }, 'users_roles_check'],
      ['users', { roles: '"admin"', username: 'u3' }, { roles: '["exchange"]', username: 'u4' }, 'users_roles_check'],
      ['interagency_requests', { channel: 'email' }, { channel: 'paper' }, 'interagency_requests_channel_check'],
      ['case_acts', { kind: 'appendix5', case_id: 2 }, { kind: 'appendix4', case_id: 3, variant: null }, 'case_acts_kind_check'],
      ['case_decisions', { status: 'approved', version: 7 }, { status: 'superseded', version: 8 }, 'case_decisions_status_check'],
      ['case_events', { to_status: 'done' }, { to_status: 'withdrawn' }, 'case_events_to_status_check'],
      ['complaints', { status: 'closed', seq: 1001 }, { status: 'answered', seq: 1002 }, 'complaints_status_check'],
      ['persons', { sex: 'm' }, { sex: 'female' }, 'persons_sex_check'],
    ];
    for (const [table, bad, good, constraint] of refused) {
      expect(() => insertCopy(db, table, bad), `${table} ${JSON.stringify(bad)}`).toThrow(new RegExp(`CHECK constraint failed: ${constraint}`));
      expect(insertCopy(db, table, good).changes, `${table} ${JSON.stringify(good)}`).toBe(1);
    }
    db.close();
  });

  it('every enumeration column has its CHECK, and each refuses a value outside its list while the rows upgraded from earlier versions pass', () => {
    const file = dbPath();
    populatedDatabaseAt(file, MIGRATIONS, LATEST_SCHEMA_VERSION - 1);
    const db = openDatabase(file).$client;
    const all = checks(db);
    const constrained = new Set(all.map((c) => `${c.table}.${c.column}`));
    for (const col of ['users.roles', 'cases.status', 'cases.channel', 'cases.subservice', 'case_events.from_status', 'case_events.to_status', 'case_documents.state',
      'interagency_requests.channel', 'case_acts.kind', 'case_acts.variant', 'case_decisions.kind', 'case_decisions.status', 'case_assignments.case_status',
      'complaints.status', 'complaints.subjects', 'notifications.kind', 'exchange_inbox.status', 'journal_counters.register', 'ref_items.kind', 'calendar_days.kind']) {
      expect(constrained, col).toContain(col);
    }
    for (const c of all) {
      const bad = c.json ? '["no_such_value"]' : c.numeric ? 99 : 'no_such_value';
      // The harness's rows (written at the version before, upgraded) hold valid values: an update to an invalid one is what fails.
      expect(() => db.prepare(`update ${c.table} set "${c.column}" = ? where rowid = (select min(rowid) from ${c.table})`).run(bad), c.name).toThrow(
        new RegExp(`CHECK constraint failed: ${c.name}`),
      );
      if (c.json) expect(() => db.prepare(`update ${c.table} set "${c.column}" = 'not json' where rowid = (select min(rowid) from ${c.table})`).run(), c.name).toThrow(/CHECK constraint failed/);
    }
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });

  it('an earlier database holding a value outside a list is not upgraded and is left as it was', () => {
    const file = dbPath();
    populatedDatabaseAt(file, MIGRATIONS, LATEST_SCHEMA_VERSION - 1);
    const raw = new Database(file);
    raw.prepare("update cases set status = 'closed' where id = 2").run();
    const before = snapshotRows(raw);
    raw.close();
    // ALTER TABLE ADD CONSTRAINT (0011) refuses a table with a row outside the list.
    expect(() => openDatabase(file)).toThrow(/constraint failed/);
    const after = new Database(file);
    expect(schemaVersion(after)).toBe(LATEST_SCHEMA_VERSION - 1);
    expect(snapshotRows(after)).toEqual(before);
    expect(after.prepare("select count(*) as n from sqlite_master where name like '__new_%'").get()).toEqual({ n: 0 });
    after.close();
  });

  it('a table rebuild never lowers an AUTOINCREMENT counter: the number of a deleted row is not given again', () => {
    const file = dbPath();
    populatedDatabaseAt(file, MIGRATIONS, LATEST_SCHEMA_VERSION);
    const db = new Database(file);
    db.pragma('foreign_keys = ON');
    db.prepare('delete from sessions where id = ?').run(ROWS_PER_TABLE);
    expect(migrate(db, [...MIGRATIONS, rebuildMigration(db, 'sessions', '9999_rebuild_sessions')])).toBe(1);
    const next = insertCopy(db, 'sessions', { token_hash: 'fresh' });
    expect(Number(next.lastInsertRowid)).toBe(ROWS_PER_TABLE + 1);
    db.close();
  });
});
