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
import { createHash } from 'node:crypto';

export const GENESIS = '0'.repeat(64);

export type AuditColumns = [id: number, at: string, userId: number | null, username: string | null, action: string, entity: string, entityId: string | null, before: string | null, after: string | null];

export function auditHash(prev: string, row: AuditColumns): string {
  return createHash('sha256').update(prev).update('\n').update(JSON.stringify(row)).digest('hex');
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

/** Walks the whole chain; reports the first row whose content or link is broken. */
export function verifyChain(db: BetterSqlite3.Database): ChainVerdict {
  let prev = GENESIS;
  let checked = 0;
  let lastId = 0;
  const it = db.prepare(`select ${COLS}, hash from audit_log order by id`).raw().iterate() as IterableIterator<[...AuditColumns, string | null]>;
  for (const r of it) {
    const stored = r[9];
    if (stored == null) {
      it.return?.();
      return { ok: false, count: countRows(db), brokenId: r[0], reason: 'missing', checked };
    }
    const expected = auditHash(prev, r.slice(0, 9) as AuditColumns);
    if (expected !== stored) {
      it.return?.();
      return { ok: false, count: countRows(db), brokenId: r[0], reason: 'content', checked };
    }
    prev = stored;
    lastId = r[0];
    checked++;
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
