/**
 * Replacing the database file with a stored backup, with nothing else
 * holding it open (the Backend closes its connection first; the command line
 * runs with the host stopped). Order: the backup is decrypted and verified
 * into a temporary file (a damaged one changes nothing); the current
 * database is saved — as a verified backup when it is sound, as a raw copy
 * of the file when it is damaged; only then the files are swapped.
 */
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ownerOnlyFile } from '../../../db/connection';
import { createBackup, extractBackup, type BackupManifest } from './backups';

export interface RestoreResult {
  restored: BackupManifest;
  /** The current database saved as a backup, or null when it was damaged and copied raw. */
  saved: BackupManifest | null;
  /** Where a damaged current database was copied. */
  damagedCopy: string | null;
}

function soundDatabase(file: string): boolean {
  if (!existsSync(file)) return false;
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      return db.pragma('quick_check', { simple: true }) === 'ok';
    } finally {
      db.close();
    }
  } catch {
    return false;
  }
}

export async function restoreDatabaseFile(opts: { dbFile: string; folder: string; file: string; passphrase: string; now?: Date }): Promise<RestoreResult> {
  const dir = dirname(opts.dbFile);
  const now = opts.now ?? new Date();
  const tmp = join(dir, `.restore-${now.getTime()}.sqlite`);
  const restored = await extractBackup(opts.folder, opts.file, opts.passphrase, tmp);
  let saved: BackupManifest | null = null;
  let damagedCopy: string | null = null;
  try {
    if (soundDatabase(opts.dbFile)) {
      saved = await createBackup({ dbFile: opts.dbFile, folder: opts.folder, passphrase: opts.passphrase, kind: 'before-restore', now });
    } else if (existsSync(opts.dbFile)) {
      damagedCopy = join(dir, `damaged-${now.toISOString().replace(/[:.]/g, '-')}.sqlite`);
      copyFileSync(opts.dbFile, damagedCopy);
      ownerOnlyFile(damagedCopy);
    }
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
  for (const f of [`${opts.dbFile}-wal`, `${opts.dbFile}-shm`]) rmSync(f, { force: true });
  renameSync(tmp, opts.dbFile);
  ownerOnlyFile(opts.dbFile);
  return { restored, saved, damagedCopy };
}
