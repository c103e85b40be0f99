/**
 * Opens the office database: one SQLite file per installation, WAL mode,
 * foreign keys on, a busy timeout, migrations applied (with a fresh copy of
 * the file made first), the audit chain brought up to date. The data folder
 * is owner-only (0700) and the database files 0600 (SQLite gives its WAL and
 * shared-memory files the database's mode); on Windows the folder's ACL
 * leaves it to the current user, and the files inherit that.
 */
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { userInfo } from 'node:os';
import { dirname, join, resolve, sep } from 'node:path';
import { foldRu } from '../core/domain/russian-text';
import { chainBacklog } from './audit-chain';
import { migrate } from './migrate';
import * as coreSchema from './schema';
import * as controlSchema from './schema-control';
import * as exchangeSchema from './schema-exchange';

const schema = { ...coreSchema, ...exchangeSchema, ...controlSchema };

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export const DB_FILE_NAME = 'socdesk.sqlite';
/** Next to the database: the copies made before each upgrade (the last few are kept). */
export const PRE_MIGRATION_DIR = 'pre-migration';
const PRE_MIGRATION_KEPT = 5;

export const OWNER_DIR_MODE = 0o700;
export const OWNER_FILE_MODE = 0o600;

/**
 * Creates (or tightens) an owner-only folder: 0700 on Linux and macOS; on
 * Windows an ACL for the current user alone (restrictWindowsFolder).
 */
export function ownerOnlyDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: OWNER_DIR_MODE });
  if (process.platform === 'win32') restrictWindowsFolder(dir);
  else chmodSync(dir, OWNER_DIR_MODE);
}

/**
 * The icacls arguments that leave `dir` to `account` alone: the entries
 * inherited from above removed, full control granted to the account and
 * inherited by every file and subfolder (the database, its WAL, backups,
 * keys and logs within get the same).
 */
export function icaclsOwnerOnlyArgs(dir: string, account: string): string[] {
  return [dir, '/inheritance:r', '/grant:r', `${account}:(OI)(CI)F`];
}

/** The current Windows account as icacls names it: DOMAIN\user (a domain, or the computer for a local account), else the user name. */
export function windowsAccount(env: NodeJS.ProcessEnv = process.env, username: string = userInfo().username): string {
  return env.USERDOMAIN ? `${env.USERDOMAIN}\\${username}` : username;
}

/** Told when a folder's access could not be restricted (the logger reports it; db/ does not log). */
let reportAclFailure: (dir: string, err: unknown) => void = () => undefined;
export function onOwnerOnlyFailure(report: (dir: string, err: unknown) => void): void {
  reportAclFailure = report;
}

/** Folders this process restricted already; a folder below one of them inherits its ACL. */
const restrictedFolders = new Set<string>();

/**
 * Windows: restricts a folder to the current user with icacls, once per
 * process (and not below a folder already restricted). Best-effort: a drive
 * without ACLs (FAT, some network shares) or a missing icacls is reported,
 * never fatal.
 */
export function restrictWindowsFolder(dir: string, run: (args: string[]) => void = (args) => void execFileSync('icacls', args, { stdio: 'ignore', windowsHide: true })): void {
  const full = resolve(dir);
  const key = full.toLowerCase();
  for (const r of restrictedFolders) if (key === r || key.startsWith(r.endsWith(sep) ? r : r + sep)) return;
  // Tried once: a drive that refused is not asked again at every backup.
  restrictedFolders.add(key);
  try {
    run(icaclsOwnerOnlyArgs(full, windowsAccount()));
  } catch (e) {
    reportAclFailure(full, e);
  }
}

/** 0600 on Linux and macOS; on Windows a file inherits its owner-only folder's ACL. */
export function ownerOnlyFile(file: string): void {
  if (process.platform !== 'win32' && existsSync(file)) chmodSync(file, OWNER_FILE_MODE);
}

/** The database and its WAL / shared-memory files, owner-only. */
export function tightenDatabaseFiles(file: string): void {
  for (const f of [file, `${file}-wal`, `${file}-shm`]) ownerOnlyFile(f);
}

/** A consistent copy of the whole database (VACUUM INTO), owner-only, before an upgrade. */
function preMigrationCopy(sqlite: Database.Database, file: string, from: number, to: number): void {
  const dir = join(dirname(file), PRE_MIGRATION_DIR);
  ownerOnlyDir(dir);
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const target = join(dir, `socdesk-v${from}-to-v${to}-${stamp}.sqlite`);
  sqlite.prepare('VACUUM INTO ?').run(target);
  ownerOnlyFile(target);
  const copies = readdirSync(dir).filter((f) => f.endsWith('.sqlite')).sort();
  for (const old of copies.slice(0, Math.max(0, copies.length - PRE_MIGRATION_KEPT))) rmSync(join(dir, old), { force: true });
}

export function openDatabase(file: string): Db {
  const onDisk = file !== ':memory:';
  // The folder is the data folder, unless a tool opened a file in the working directory.
  if (onDisk) {
    if (resolve(dirname(file)) === process.cwd()) mkdirSync(dirname(file), { recursive: true });
    else ownerOnlyDir(dirname(file));
  }
  const sqlite = new Database(file);
  try {
    if (onDisk) ownerOnlyFile(file);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma('synchronous = NORMAL');
    if (onDisk) tightenDatabaseFiles(file);
    // SQLite's lower() folds ASCII only; searches use this instead (ё = е, any case).
    sqlite.function('fold_ru', { deterministic: true }, (s: unknown) => (typeof s === 'string' ? foldRu(s) : s));
    migrate(sqlite, undefined, { beforeMigrate: (from, to) => onDisk && from > 0 && preMigrationCopy(sqlite, file, from, to) });
    chainBacklog(sqlite);
    // Refresh the query planner's statistics where they are stale (cheap; SQLite's advice for long-lived connections).
    sqlite.pragma('optimize = 0x10002');
  } catch (e) {
    sqlite.close();
    throw e;
  }
  return drizzle(sqlite, { schema }) as Db;
}
