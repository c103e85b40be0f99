/**
 * Builds a populated database at any earlier schema version: every table the
 * version has among the register's own (users, persons, cases, acts,
 * decisions, events, sessions, audit, settings, reference data, complaints,
 * exchange …) gets rows, every NOT NULL column a value, every foreign key a
 * real parent row, every enumeration a value its CHECK constraint (at the
 * latest version) accepts. Values are read from the schema itself (PRAGMA
 * table_info / foreign_key_list, the CHECKs in sqlite_master), so the harness
 * follows the migrations without being edited for each one.
 */
import Database from 'better-sqlite3';
import { auditHash, GENESIS, type AuditColumns } from '../../db/audit-chain';
import { migrate } from '../../db/migrate';
import type { Migration } from '../../db/migrations.gen';

/** Parents first. Tables absent at a version are skipped. */
export const POPULATED_TABLES = [
  'settings',
  'users',
  'ref_items',
  'calendar_years',
  'calendar_days',
  'services',
  'providers',
  'deadline_terms',
  'persons',
  'cases',
  'journal_counters',
  'case_acts',
  'case_decisions',
  'case_events',
  'case_documents',
  'interagency_requests',
  'print_log',
  'drafts',
  'sessions',
  'admin_login_locks',
  'audit_log',
  'complaints',
  'notifications',
  'case_assignments',
  'circumstance_changes',
  'exchange_outbox',
  'exchange_inbox',
  'exchange_log',
  'portal_applications',
  'portal_contracts',
] as const;

export const ROWS_PER_TABLE = 3;

type Row = Record<string, unknown>;
interface Column { name: string; type: string; notnull: number; dflt_value: string | null; pk: number }
interface ForeignKey { table: string; from: string; to: string | null }

export function tableNames(db: Database.Database): string[] {
  return (db.prepare("select name from sqlite_master where type='table' and name not like 'sqlite_%' order by name").all() as { name: string }[]).map((r) => r.name);
}

/**
 * A value each CHECKed column accepts at the latest version, by "table.column":
 * the first of an `in (…)` list, or a one-element JSON array for a checked
 * array (db/schema.ts oneOf / jsonArrayOf). Read from the latest schema, so
 * rows written at any earlier version hold what the upgrade will check.
 */
function checkedValues(migrations: readonly Migration[]): Map<string, unknown> {
  const db = new Database(':memory:');
  migrate(db, migrations);
  const out = new Map<string, unknown>();
  const tables = db.prepare("select name, sql from sqlite_master where type = 'table' and sql is not null").all() as { name: string; sql: string }[];
  db.close();
  for (const { name, sql } of tables) {
    for (const m of sql.matchAll(/CHECK\((?:"\w+" is null or )?"(\w+)" in \((?:'((?:[^']|'')*)'|(\d+))/g)) out.set(`${name}.${m[1]}`, m[2] !== undefined ? m[2].replaceAll("''", "'") : Number(m[3]));
    for (const m of sql.matchAll(/replace\("(\w+)", ' ', ''\), '("[^"]*")'/g)) out.set(`${name}.${m[1]}`, JSON.stringify([JSON.parse(m[2]!)]));
  }
  return out;
}

function valueFor(table: string, col: Column, i: number, checked: Map<string, unknown>): unknown {
  const key = `${table}.${col.name}`;
  if (checked.has(key)) return checked.get(key);
  const t = col.type.toUpperCase();
  if (t.includes('INT')) return i;
  if (t.includes('BLOB')) return Buffer.from(`${table}.${col.name}.${i}`);
  // Valid JSON, so JSON columns and expression indexes over them (json_extract) accept it.
  return JSON.stringify({ v: `${table}.${col.name}.${i}` });
}

/** Creates a database at `version` (the first `version` migrations) filled with rows, the last one without its optional values. */
export function populatedDatabaseAt(file: string, migrations: readonly Migration[], version: number): void {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  migrate(db, migrations.slice(0, version));
  const present = new Set(tableNames(db));
  const checked = checkedValues(migrations);
  db.transaction(() => {
    // Some references point forward (cases.review_of_decision_id → case_decisions): checked at commit.
    db.pragma('defer_foreign_keys = ON');
    for (const table of POPULATED_TABLES) {
      if (!present.has(table)) continue;
      const cols = db.pragma(`table_info(${table})`) as Column[];
      const fks = db.pragma(`foreign_key_list(${table})`) as ForeignKey[];
      // From 0008 the audit rows are chained (a trigger requires the hash): each gets its true link.
      let prevHash = GENESIS;
      for (let i = 1; i <= ROWS_PER_TABLE; i++) {
        const row: Row = {};
        for (const c of cols) {
          const fk = fks.find((f) => f.from === c.name);
          // Each row points at the parent row with the same number (parents were filled first).
          if (fk) row[c.name] = i;
          else if (c.pk === 1 && c.type.toUpperCase() === 'INTEGER') row[c.name] = i;
          // The last row leaves every optional value out (nullable enumerations included), the others fill them.
          else if (i === ROWS_PER_TABLE && !c.notnull && !c.pk && c.dflt_value === null && !(table === 'audit_log' && c.name === 'hash')) row[c.name] = null;
          else row[c.name] = valueFor(table, c, i, checked);
        }
        if (table === 'audit_log' && 'hash' in row) {
          const r = row as Record<string, string | number | null>;
          const content = [r.id, r.at, r.user_id, r.username, r.action, r.entity, r.entity_id, r.before, r.after] as AuditColumns;
          prevHash = row.hash = auditHash(prevHash, content);
        }
        const names = Object.keys(row);
        db.prepare(`insert into ${table} (${names.map((n) => `"${n}"`).join(', ')}) values (${names.map(() => '?').join(', ')})`).run(...names.map((n) => row[n]));
      }
    }
  })();
  db.close();
}

/** Every row of the populated tables, keyed by table. */
export function snapshotRows(db: Database.Database): Record<string, Row[]> {
  const present = new Set(tableNames(db));
  const out: Record<string, Row[]> = {};
  for (const table of POPULATED_TABLES) {
    if (present.has(table)) out[table] = db.prepare(`select * from ${table} order by rowid`).all() as Row[];
  }
  return out;
}

/** The sessions table was rebuilt without its rows in 0006 (everyone signs in again): the one deliberate loss. */
export function expectedLoss(fromVersion: number, table: string): boolean {
  return table === 'sessions' && fromVersion <= 6;
}

/** A drizzle-kit style rebuild of `table` (new table, copy, drop, rename) adding one column: the case that failed in one transaction. */
export function rebuildMigration(db: Database.Database, table: string, tag: string): Migration {
  const create = (db.prepare("select sql from sqlite_master where type='table' and name=?").get(table) as { sql: string }).sql;
  const indexes = (db.prepare("select sql from sqlite_master where type='index' and tbl_name=? and sql is not null").all(table) as { sql: string }[]).map((r) => r.sql);
  const cols = (db.pragma(`table_info(${table})`) as Column[]).map((c) => `\`${c.name}\``).join(', ');
  const fresh = create.replace(/^CREATE TABLE [`"]?\w+[`"]?\s*\(/, `CREATE TABLE \`__new_${table}\` (\n\t\`rebuilt_note\` text,`);
  const sql = [
    'PRAGMA foreign_keys=OFF;',
    fresh + ';',
    `INSERT INTO \`__new_${table}\`(${cols}) SELECT ${cols} FROM \`${table}\`;`,
    `DROP TABLE \`${table}\`;`,
    `ALTER TABLE \`__new_${table}\` RENAME TO \`${table}\`;`,
    'PRAGMA foreign_keys=ON;',
    ...indexes.map((s) => s + ';'),
  ].join('\n--> statement-breakpoint\n');
  return { tag, sql };
}
