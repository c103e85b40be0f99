/**
 * Online, verified, encrypted backups of the office database.
 *
 * A backup is taken from a separate read-only connection holding one read
 * transaction: the counts and audit-chain head recorded in the manifest and
 * the pages copied by SQLite's backup API (better-sqlite3 `db.backup()`) come
 * from the same snapshot, while the app goes on writing. The plain copy is
 * then verified (opens, `integrity_check`, row counts and the audit chain
 * walked to the same head), encrypted (crypto-file.ts) into the target
 * folder with owner-only permissions, and the encrypted file is read back
 * and authenticated. Each backup `X.sdbk` has a manifest `X.json` next to it
 * (no personal data: dates, sizes, counts, the chain head).
 */
import Database from 'better-sqlite3';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { chainHead, verifyChain } from '../../../db/audit-chain';
import { ownerOnlyDir, ownerOnlyFile, OWNER_FILE_MODE } from '../../../db/connection';
import { schemaVersion } from '../../../db/migrate';
import { todayIso } from '../../../core/domain/dates';
import { decryptFile, encryptFile } from './crypto-file';

/** The tables whose row counts a backup records and its verification compares. */
export const COUNTED_TABLES = ['users', 'persons', 'cases', 'case_acts', 'case_decisions', 'case_events', 'case_documents', 'interagency_requests', 'complaints', 'audit_log'] as const;

export const BACKUP_EXT = '.sdbk';

export type BackupKind = 'scheduled' | 'manual' | 'before-restore' | 'command';

export interface BackupManifest {
  format: 1;
  file: string;
  kind: BackupKind;
  createdAt: string;
  /** Size of the encrypted file, bytes. */
  bytes: number;
  schemaVersion: number;
  counts: Record<string, number>;
  audit: { count: number; lastId: number; head: string };
  /** SHA-256 of the plain database inside. */
  plainSha256: string;
  verified: boolean;
  verifiedAt: string | null;
}

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

/** A database file with the WAL and shared-memory files a reader may have left next to it. */
function removeDbFiles(file: string): void {
  for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
}

function stamp(d: Date): string {
  return d.toISOString().replace(/[:.]/g, '-');
}

/** Checks a plain database copy; throws BackupError naming what is wrong. */
export function verifyPlainCopy(file: string, expected?: { counts: Record<string, number>; audit: { count: number; head: string } }): { counts: Record<string, number>; audit: { count: number; lastId: number; head: string }; schemaVersion: number } {
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

export interface CreateBackupOptions {
  /** The live database file. */
  dbFile: string;
  folder: string;
  passphrase: string;
  kind: BackupKind;
  now?: Date;
}

/** Takes, verifies and encrypts one backup; returns its manifest. The source keeps working throughout. */
export async function createBackup(opts: CreateBackupOptions): Promise<BackupManifest> {
  if (!opts.passphrase) throw new BackupError('Не задан пароль резервных копий.');
  const now = opts.now ?? new Date();
  ownerOnlyDir(opts.folder);
  const name = `socdesk-${stamp(now)}-${opts.kind}`;
  const plain = join(opts.folder, `.${name}.tmp`);
  const partial = join(opts.folder, `.${name}${BACKUP_EXT}.partial`);
  const final = join(opts.folder, name + BACKUP_EXT);
  const src = new Database(opts.dbFile, { readonly: true, fileMustExist: true });
  try {
    // One read transaction: the counts, the chain head and the copied pages are the same snapshot.
    src.exec('BEGIN');
    const counts = tableCounts(src);
    const head = chainHead(src);
    // About 80 MB a step: few event-loop turns, none long.
    await src.backup(plain, { progress: () => 20_000 });
    src.exec('COMMIT');
    src.close();
    ownerOnlyFile(plain);
    const checked = verifyPlainCopy(plain, { counts, audit: head });
    const plainSha256 = await encryptFile(plain, partial, opts.passphrase);
    // Read back what was written: the tag must authenticate and the content be the same.
    if ((await decryptFile(partial, null, opts.passphrase)) !== plainSha256) throw new BackupError('Записанная копия не совпадает с исходной.');
    renameSync(partial, final);
    const manifest: BackupManifest = {
      format: 1,
      file: basename(final),
      kind: opts.kind,
      createdAt: now.toISOString(),
      bytes: statSync(final).size,
      schemaVersion: checked.schemaVersion,
      counts,
      audit: checked.audit,
      plainSha256,
      verified: true,
      verifiedAt: new Date().toISOString(),
    };
    writeFileSync(join(opts.folder, name + '.json'), JSON.stringify(manifest, null, 2), { mode: OWNER_FILE_MODE });
    return manifest;
  } finally {
    if (src.open) src.close();
    removeDbFiles(plain);
    rmSync(partial, { force: true });
  }
}

/** The backups in a folder, newest first (manifests; a backup without one is listed unverified). */
export function listBackups(folder: string): BackupManifest[] {
  if (!existsSync(folder)) return [];
  const files = readdirSync(folder);
  const out: BackupManifest[] = [];
  for (const f of files) {
    if (!f.endsWith(BACKUP_EXT) || f.startsWith('.')) continue;
    const manifestFile = join(folder, f.slice(0, -BACKUP_EXT.length) + '.json');
    try {
      const m = JSON.parse(readFileSync(manifestFile, 'utf8')) as BackupManifest;
      out.push({ ...m, bytes: statSync(join(folder, f)).size });
    } catch {
      const st = statSync(join(folder, f));
      out.push({ format: 1, file: f, kind: 'manual', createdAt: st.mtime.toISOString(), bytes: st.size, schemaVersion: 0, counts: {}, audit: { count: 0, lastId: 0, head: '' }, plainSha256: '', verified: false, verifiedAt: null });
    }
  }
  return out.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/** Checks a stored backup again: decrypts it to a temporary file next to it and verifies that. */
export async function verifyBackup(folder: string, file: string, passphrase: string): Promise<BackupManifest> {
  const m = listBackups(folder).find((b) => b.file === file);
  if (!m) throw new BackupError('Резервная копия не найдена.');
  const tmp = join(folder, `.${file}.verify.tmp`);
  try {
    const sha = await decryptFile(join(folder, file), tmp, passphrase);
    if (m.plainSha256 && sha !== m.plainSha256) throw new BackupError('Содержимое копии не совпадает с её описанием.');
    verifyPlainCopy(tmp, m.verified ? { counts: m.counts, audit: m.audit } : undefined);
    return m;
  } finally {
    removeDbFiles(tmp);
  }
}

/**
 * Decrypts and verifies a backup into `target` (a plain database file, owner-only),
 * ready to take the live database's place. Throws on any damage, leaving no target.
 */
export async function extractBackup(folder: string, file: string, passphrase: string, target: string): Promise<BackupManifest> {
  const m = listBackups(folder).find((b) => b.file === file);
  if (!m) throw new BackupError('Резервная копия не найдена.');
  try {
    const sha = await decryptFile(join(folder, file), target, passphrase);
    if (m.plainSha256 && sha !== m.plainSha256) throw new BackupError('Содержимое копии не совпадает с её описанием.');
    verifyPlainCopy(target, m.verified ? { counts: m.counts, audit: m.audit } : undefined);
    // What the check's reader left next to the file; the database proper stays.
    for (const f of [`${target}-wal`, `${target}-shm`]) rmSync(f, { force: true });
    return m;
  } catch (e) {
    removeDbFiles(target);
    throw e;
  }
}

export interface RetentionPolicy {
  /** Days with their last backup kept. */
  daily: number;
  /** Months with their last backup kept. */
  monthly: number;
}

export const DEFAULT_RETENTION: RetentionPolicy = { daily: 14, monthly: 12 };

/**
 * Keeps the newest backup of each of the last `daily` days and of each of the
 * last `monthly` months (office dates); deletes the rest. Returns the files deleted.
 */
export function applyRetention(folder: string, policy: RetentionPolicy = DEFAULT_RETENTION): string[] {
  const all = listBackups(folder);
  const keep = new Set<string>();
  const days = new Map<string, string>();
  const months = new Map<string, string>();
  for (const b of all) {
    const day = todayIso(new Date(b.createdAt));
    if (!days.has(day)) days.set(day, b.file);
    if (!months.has(day.slice(0, 7))) months.set(day.slice(0, 7), b.file);
  }
  [...days.values()].slice(0, policy.daily).forEach((f) => keep.add(f));
  [...months.values()].slice(0, policy.monthly).forEach((f) => keep.add(f));
  const removed: string[] = [];
  for (const b of all) {
    if (keep.has(b.file)) continue;
    rmSync(join(folder, b.file), { force: true });
    rmSync(join(folder, b.file.slice(0, -BACKUP_EXT.length) + '.json'), { force: true });
    removed.push(b.file);
  }
  return removed;
}
