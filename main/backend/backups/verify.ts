/**
 * The SQLite side of a backup, kept free of the rest of the backend so that
 * the verification worker (verify-worker.ts) loads only this: the snapshot
 * through SQLite's backup API and the check of a plain copy (it opens,
 * passes the full `integrity_check`, its row counts and audit chain match).
 */
import Database from 'better-sqlite3';
import { chainHead, verifyChain, type ChainHead } from '../../../db/audit-chain';
import { schemaVersion } from '../../../db/migrate';

/** The tables whose row counts a backup records and its verification compares. */
export const COUNTED_TABLES = ['users', 'persons', 'cases', 'case_acts', 'case_decisions', 'case_events', 'case_documents', 'interagency_requests', 'complaints', 'audit_log'] as const;

export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupError';
  }
}

export function tableCounts(db: Database.Database): Record<string, number> {
  const present = new Set((db.prepare("select name from sqlite_master where type='table'").all() as { name: string }[]).map((r) => r.name));
  const out: Record<string, number> = {};
  for (const t of COUNTED_TABLES) if (present.has(t)) out[t] = (db.prepare(`select count(*) as n from ${t}`).get() as { n: number }).n;
  return out;
}

export interface Snapshot {
  counts: Record<string, number>;
  audit: ChainHead;
}

export interface VerifiedCopy {
  counts: Record<string, number>;
  audit: ChainHead;
  schemaVersion: number;
}

/**
 * Copies the live database into `plain` through the backup API from one read
 * transaction: the counts and chain head returned and the pages copied are
 * the same snapshot, while the app goes on writing.
 */
export async function snapshotDatabase(dbFile: string, plain: string): Promise<Snapshot> {
  const src = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    src.exec('BEGIN');
    const counts = tableCounts(src);
    const audit = chainHead(src);
    // About 80 MB a step: few event-loop turns, none long.
    await src.backup(plain, { progress: () => 20_000 });
    src.exec('COMMIT');
    return { counts, audit };
  } finally {
    src.close();
  }
}

/** Checks a plain database copy; throws BackupError naming what is wrong. */
export function verifyPlainCopy(file: string, expected?: { counts: Record<string, number>; audit: { count: number; head: string } }): VerifiedCopy {
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch {
    throw new BackupError('Копия базы данных не открывается.');
  }
  try {
    let integrity: unknown;
    try {
      integrity = db.pragma('integrity_check', { simple: true });
    } catch {
      throw new BackupError('Копия базы данных повреждена: файл не является базой данных.');
    }
    if (integrity !== 'ok') throw new BackupError('Копия базы данных повреждена: проверка целостности не пройдена.');
    const counts = tableCounts(db);
    const chain = verifyChain(db);
    if (!chain.ok) throw new BackupError(`В копии нарушена цепочка журнала аудита (запись № ${chain.brokenId}).`);
    const audit = { count: chain.count, lastId: chain.lastId, head: chain.head };
    if (expected) {
      for (const [t, n] of Object.entries(expected.counts)) {
        if (counts[t] !== n) throw new BackupError(`В копии другое число записей (${t}: ${counts[t] ?? 0} вместо ${n}).`);
      }
      if (audit.count !== expected.audit.count || audit.head !== expected.audit.head) throw new BackupError('Журнал аудита в копии не совпадает с журналом базы данных.');
    }
    return { counts, audit, schemaVersion: schemaVersion(db) };
  } finally {
    db.close();
  }
}
