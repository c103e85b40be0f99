/**
 * The tamper-evident audit chain. Each audit row carries
 *   hash = SHA-256(previous row's hash + "\n" + canonical content)
 * where the canonical content is the JSON array of the row's columns as
 * stored (id, at, user_id, username, action, entity, entity_id, before,
 * after). The first row's "previous hash" is GENESIS. Editing any row in
 * the file breaks its own hash; recomputing it breaks the next row's link.
 * Triggers (migration 0008) refuse UPDATE and DELETE on the table.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { hash } from 'node:crypto';

export const GENESIS = '0'.repeat(64);

export type AuditColumns = [id: number, at: string, userId: number | null, username: string | null, action: string, entity: string, entityId: string | null, before: string | null, after: string | null];

export function auditHash(prev: string, row: AuditColumns): string {
  return hash('sha256', `${prev}\n${JSON.stringify(row)}`);
}

const COLS = 'id, at, user_id, username, action, entity, entity_id, before, after';

export interface ChainHead {
  /** Number of rows in the chain. */
  count: number;
  /** The last row's id, 0 when empty. */
  lastId: number;
  /** The last row's hash, GENESIS when empty. */
  head: string;
}

/** The chain's head as stored (no verification): for manifests and pushes. */
export function chainHead(db: BetterSqlite3.Database): ChainHead {
  const last = db.prepare('select id, hash from audit_log order by id desc limit 1').get() as { id: number; hash: string | null } | undefined;
  const count = (db.prepare('select count(*) as n from audit_log').get() as { n: number }).n;
  return { count, lastId: last?.id ?? 0, head: last?.hash ?? GENESIS };
}

/**
 * Chains rows written before the chain existed (hash NULL), in id order.
 * Runs when the database opens; returns how many rows it chained.
 */
export function chainBacklog(db: BetterSqlite3.Database): number {
  const first = db.prepare('select id from audit_log where hash is null order by id limit 1').get() as { id: number } | undefined;
  if (!first) return 0;
  let n = 0;
  db.transaction(() => {
    const prevRow = db.prepare('select hash from audit_log where id < ? order by id desc limit 1').get(first.id) as { hash: string | null } | undefined;
    let prev = prevRow?.hash ?? GENESIS;
    const set = db.prepare('update audit_log set hash = ? where id = ?');
    const rows = db.prepare(`select ${COLS} from audit_log where id >= ? order by id`).raw().all(first.id) as AuditColumns[];
    for (const r of rows) {
      prev = auditHash(prev, r);
      set.run(prev, r[0]);
      n++;
    }
  }).immediate();
  return n;
}

export type ChainVerdict =
  | { ok: true; count: number; head: string; lastId: number }
  | { ok: false; count: number; brokenId: number; reason: 'content' | 'missing'; checked: number };

/** Rows read per query while walking the chain. */
const WALK_CHUNK = 5000;

/**
 * Walks the whole chain; reports the first row whose content or link is broken.
 *
 * For speed SQLite itself writes each row's canonical content (`json_array`
 * of the columns) and hands over a few thousand rows as one string, so the
 * walk is a hash per row. A row whose hash does not match is checked again
 * with the content made the way `appendAudit` made it (JSON.stringify): a
 * difference in how the two write JSON is not a broken chain. The link
 * needs only the stored hashes, so a match proves the row as stored.
 * Separators 0x1E and 0x1F cannot occur inside: json_array escapes control
 * characters, and ids and hashes are digits.
 */
export function verifyChain(db: BetterSqlite3.Database): ChainVerdict {
  const chunk = db
    .prepare(
      `select max(id), group_concat(coalesce(hash, '') || char(31) || id || char(31) || json_array(${COLS}), char(30))
       from (select * from audit_log where id > ? order by id limit ${WALK_CHUNK})`,
    )
    .raw();
  const one = db.prepare(`select ${COLS} from audit_log where id = ?`).raw();
  let prev = GENESIS;
  let checked = 0;
  let lastId = 0;
  for (;;) {
    const [maxId, text] = chunk.get(lastId) as [number | null, string | null];
    if (maxId == null || text == null) break;
    for (const rec of text.split('\x1e')) {
      const a = rec.indexOf('\x1f');
      const b = rec.indexOf('\x1f', a + 1);
      const stored = rec.slice(0, a);
      const id = Number(rec.slice(a + 1, b));
      if (stored === '') return { ok: false, count: countRows(db), brokenId: id, reason: 'missing', checked };
      if (hash('sha256', `${prev}\n${rec.slice(b + 1)}`) !== stored && auditHash(prev, one.get(id) as AuditColumns) !== stored) {
        return { ok: false, count: countRows(db), brokenId: id, reason: 'content', checked };
      }
      prev = stored;
      checked++;
    }
    lastId = maxId;
  }
  return { ok: true, count: checked, head: prev, lastId };
}

function countRows(db: BetterSqlite3.Database): number {
  return (db.prepare('select count(*) as n from audit_log').get() as { n: number }).n;
}

/** Appends one row to the chain; call inside the write's transaction. */
export function appendAudit(db: BetterSqlite3.Database, row: AuditColumns extends [number, ...infer R] ? R : never): number {
  let st = statements.get(db);
  if (!st) {
    st = {
      last: db.prepare('select id, hash from audit_log order by id desc limit 1'),
      insert: db.prepare(`insert into audit_log (${COLS}, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    };
    statements.set(db, st);
  }
  const last = st.last.get() as { id: number; hash: string | null } | undefined;
  const cols: AuditColumns = [(last?.id ?? 0) + 1, ...row];
  st.insert.run(...cols, auditHash(last?.hash ?? GENESIS, cols));
  return cols[0];
}

const statements = new WeakMap<BetterSqlite3.Database, { last: BetterSqlite3.Statement; insert: BetterSqlite3.Statement }>();
