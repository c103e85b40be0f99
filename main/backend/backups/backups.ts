/**
 * Online, verified, encrypted backups of the office database.
 *
 * A backup is taken from a separate read-only connection holding one read
 * transaction: the counts and audit-chain head recorded in the manifest and
 * the pages copied by SQLite's backup API (better-sqlite3 `db.backup()`) come
 * from the same snapshot, while the app goes on writing. The plain copy is
 * then verified (opens, `integrity_check`, row counts and the audit chain
 * walked to the same head) in a worker thread while this thread encrypts it
 * (crypto-file.ts) into the target folder with owner-only permissions and
 * reads the encrypted file back to authenticate it (verify.ts, off-thread.ts). Each backup `X.sdbk` has a manifest `X.json` next to it
 * (no personal data: dates, sizes, counts, the chain head).
 */
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ownerOnlyDir, ownerOnlyFile, OWNER_FILE_MODE } from '../../../db/connection';
import { todayIso } from '../../../core/domain/dates';
import { decryptFile, encryptFile } from './crypto-file';
import { runOffThread } from './off-thread';
import { BackupError } from './verify';

export { BackupError } from './verify';

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

/** A database file with the WAL and shared-memory files a reader may have left next to it. */
function removeDbFiles(file: string): void {
  for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
}

function stamp(d: Date): string {
  return d.toISOString().replace(/[:.]/g, '-');
}

export interface CreateBackupOptions {
  /** The live database file. */
  dbFile: string;
  folder: string;
  passphrase: string;
  kind: BackupKind;
  now?: Date;
  /** Told each step's end, milliseconds from the start (for the benchmark). */
  onStep?: (step: 'snapshot' | 'encrypted' | 'read back' | 'checked', ms: number) => void;
}

/** The first rejection of settled promises, in the order given; else their values. */
async function allOrFirstError<A, B>(a: Promise<A>, b: Promise<B>): Promise<[A, B]> {
  const [ra, rb] = await Promise.allSettled([a, b]);
  if (ra.status === 'rejected') throw ra.reason;
  if (rb.status === 'rejected') throw rb.reason;
  return [ra.value, rb.value];
}

/**
 * Takes, verifies and encrypts one backup; returns its manifest. The source keeps working throughout.
 * Three passes over the data: the snapshot writes the plain copy (worker thread); then at the
 * same time the worker checks the copy and this thread encrypts it (hashing the plain bytes on
 * the way) into the backup folder and reads the encrypted file back to authenticate it.
 */
export async function createBackup(opts: CreateBackupOptions): Promise<BackupManifest> {
  if (!opts.passphrase) throw new BackupError('Не задан пароль резервных копий.');
  const now = opts.now ?? new Date();
  ownerOnlyDir(opts.folder);
  const name = `socdesk-${stamp(now)}-${opts.kind}`;
  // The plain copy stays next to the live database (a local disk, owner-only): a backup folder on a
  // network share or removable media only gets the encrypted file, written once and read back once.
  const plain = join(dirname(resolve(opts.dbFile)), `.${name}.tmp`);
  const partial = join(opts.folder, `.${name}${BACKUP_EXT}.partial`);
  const final = join(opts.folder, name + BACKUP_EXT);
  const t0 = performance.now();
  const step = (s: Parameters<NonNullable<CreateBackupOptions['onStep']>>[0]) => opts.onStep?.(s, performance.now() - t0);
  const job = runOffThread({ dbFile: opts.dbFile, plain });
  try {
    const snapshot = (await job.snapshot)!;
    step('snapshot');
    ownerOnlyFile(plain);
    const written = (async () => {
      const plainSha256 = await encryptFile(plain, partial, opts.passphrase);
      step('encrypted');
      // Read back what was written: the tag must authenticate (which proves the content is what was encrypted).
      await decryptFile(partial, null, opts.passphrase);
      step('read back');
      return plainSha256;
    })();
    const checking = job.verified.then((v) => (step('checked'), v));
    // The check's verdict first: a damaged copy says more than a failed write.
    const [checked, plainSha256] = await allOrFirstError(checking, written);
    renameSync(partial, final);
    const manifest: BackupManifest = {
      format: 1,
      file: basename(final),
      kind: opts.kind,
      createdAt: now.toISOString(),
      bytes: statSync(final).size,
      schemaVersion: checked.schemaVersion,
      counts: snapshot.counts,
      audit: checked.audit,
      plainSha256,
      verified: true,
      verifiedAt: new Date().toISOString(),
    };
    writeFileSync(join(opts.folder, name + '.json'), JSON.stringify(manifest, null, 2), { mode: OWNER_FILE_MODE });
    return manifest;
  } finally {
    // Nothing may still read the copy when it goes (Windows refuses to delete an open file).
    await job.verified.catch(() => undefined);
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
    await runOffThread({ plain: tmp, expected: m.verified ? { counts: m.counts, audit: m.audit } : undefined }).verified;
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
    await runOffThread({ plain: target, expected: m.verified ? { counts: m.counts, audit: m.audit } : undefined }).verified;
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
