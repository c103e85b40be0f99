/**
 * The backend's log: structured JSON lines through pino. It records events
 * and error kinds only: never inputs, names, СНИЛС, addresses or any other
 * personal data. Callers pass a fixed message and, at most, identifiers; as a
 * second line of defence, values under personal-data keys (ФИО, СНИЛС,
 * addresses, documents, contacts) are redacted by path (pino's `redact`, at
 * every level a logged object may have) before anything is written.
 *
 * Lines go to the console and, once `logToFolder` is called (the host and the
 * desktop app do), to `logs/socdesk.log` in the data folder, owner-only. The
 * destination is synchronous and in-process (no worker-thread transport, so
 * the bundled backend and Electron's utility process need nothing more): it
 * rotates the file by size (5 MB) and by the office day, and keeps the last
 * 10 rotated files, none older than 30 days. The recent warnings and errors,
 * as written, are kept in memory for the administrator's screen.
 */
import { closeSync, existsSync, fstatSync, openSync, readdirSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, join } from 'node:path';
import pino from 'pino';
import { todayIso } from '../../core/domain/dates';
import { onOwnerOnlyFailure, ownerOnlyDir, ownerOnlyFile, OWNER_FILE_MODE } from '../../db/connection';

/** A warning's or error's fields as the administrator's screen gets them. */
export type LogMeta = Record<string, string | number | boolean | null>;
export interface LogEntry {
  at: string;
  level: 'warn' | 'error';
  msg: string;
  meta: LogMeta;
}

let quiet = process.env.SOCDESK_LOG === 'silent';

export function setQuiet(q: boolean): void {
  quiet = q;
}

export const CENSOR = '[скрыто]';

/** Keys whose values are personal data, wherever they appear (camelCase as in the API, snake_case as in the database). */
const PERSONAL_KEYS = [
  'lastName', 'firstName', 'middleName', 'fullName', 'fio', 'name', 'applicant', 'representative', 'person', 'snils', 'birthDate',
  'address', 'regAddress', 'actualAddress', 'postalAddress', 'idDoc', 'document', 'documents', 'series', 'number', 'phone', 'email',
  'username', 'issuedTo', 'text', 'note', 'password',
];
/** How deep a logged object may go: deeper values are cut, so that the redaction paths below reach every key. */
const MAX_DEPTH = 3;
const snake = (k: string) => k.replace(/[A-Z]/g, (c) => '_' + c.toLowerCase());
const keyVariants = [...new Set(PERSONAL_KEYS.flatMap((k) => [k, snake(k), k.toLowerCase()]))];
export const REDACT_PATHS = keyVariants.flatMap((k) => Array.from({ length: MAX_DEPTH }, (_, depth) => '*.'.repeat(depth) + k));

/** Plain data only, at most MAX_DEPTH levels deep; anything else (class instances, buffers, deeper objects) is cut. */
function clip(v: unknown, depth: number): unknown {
  if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v === undefined) return null;
  if (v instanceof Date) return v.toISOString();
  const plain = Array.isArray(v) || (typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype);
  if (!plain || depth >= MAX_DEPTH) return CENSOR;
  if (Array.isArray(v)) return v.slice(0, 50).map((x) => clip(x, depth + 1));
  return Object.fromEntries(Object.entries(v as Record<string, unknown>).map(([k, x]) => [k, clip(x, depth + 1)]));
}

export const LOG_FILE = 'socdesk.log';
const ROTATED = /^socdesk-.+\.log$/;
const RECENT_KEPT = 500;

export interface LogFileLimits {
  /** A file larger than this is rotated. */
  maxBytes: number;
  /** Rotated files kept. */
  keepFiles: number;
  /** Rotated files older than this are deleted. */
  maxAgeDays: number;
}
export const DEFAULT_LOG_LIMITS: LogFileLimits = { maxBytes: 5 * 1024 * 1024, keepFiles: 10, maxAgeDays: 30 };

/** The open log file: appended synchronously, rotated by size and by the office day. */
let file: { dir: string; fd: number; bytes: number; day: string; limits: LogFileLimits } | null = null;
const recent: LogEntry[] = [];

function openLogFile(dir: string, limits: LogFileLimits): NonNullable<typeof file> {
  const path = join(dir, LOG_FILE);
  const fd = openSync(path, 'a', OWNER_FILE_MODE);
  ownerOnlyFile(path);
  const st = fstatSync(fd);
  return { dir, fd, bytes: st.size, day: st.size ? todayIso(st.mtime) : todayIso(), limits };
}

function rotate(f: NonNullable<typeof file>): void {
  closeSync(f.fd);
  // Named by time; a counter tells apart files rotated within one millisecond (and sorts them).
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  let n = 0;
  while (existsSync(join(f.dir, `socdesk-${stamp}-${String(n).padStart(3, '0')}.log`))) n++;
  renameSync(join(f.dir, LOG_FILE), join(f.dir, `socdesk-${stamp}-${String(n).padStart(3, '0')}.log`));
  const oldest = Date.now() - f.limits.maxAgeDays * 24 * 3600_000;
  const rotated = readdirSync(f.dir).filter((n) => ROTATED.test(n)).sort();
  rotated.forEach((n, i) => {
    if (i < rotated.length - f.limits.keepFiles || statSync(join(f.dir, n)).mtimeMs < oldest) rmSync(join(f.dir, n), { force: true });
  });
  file = openLogFile(f.dir, f.limits);
}

function toFile(line: string): void {
  if (!file) return;
  try {
    const bytes = Buffer.byteLength(line);
    const today = todayIso();
    if (file.bytes > 0 && (file.bytes + bytes > file.limits.maxBytes || file.day !== today)) rotate(file);
    writeSync(file.fd, line);
    file.bytes += bytes;
    file.day = today;
  } catch {
    // A full or unplugged disk must not stop the office; the console still has the line.
  }
}

/** A warning or error as written (already redacted), for the administrator's screen. */
function remember(line: string): void {
  const { t, level, msg, ...rest } = JSON.parse(line) as { t: string; level: 'warn' | 'error'; msg: string } & Record<string, unknown>;
  const meta: LogMeta = {};
  for (const [k, v] of Object.entries(rest)) meta[k] = v === null || typeof v !== 'object' ? (v as LogMeta[string]) : JSON.stringify(v);
  recent.push({ at: t, level, msg, meta });
  if (recent.length > RECENT_KEPT) recent.shift();
}

/** pino's destination: file, memory, console, all synchronous. pino sets `lastLevel` before each write. */
const destination = {
  [pino.symbols.needsMetadataGsym]: true,
  lastLevel: 0,
  write(line: string): void {
    toFile(line);
    if (this.lastLevel >= pino.levels.values.warn!) remember(line);
    if (quiet) return;
    if (this.lastLevel >= pino.levels.values.error!) console.error(line.trimEnd());
    else console.log(line.trimEnd());
  },
};

const logger = pino(
  {
    base: null,
    timestamp: () => `,"t":"${new Date().toISOString()}"`,
    formatters: { level: (label) => ({ level: label }) },
    redact: { paths: REDACT_PATHS, censor: CENSOR },
  },
  destination,
);

/** Starts writing the log to `<dataDir>/logs` (owner-only); returns that folder. */
export function logToFolder(dataDir: string, limits: LogFileLimits = DEFAULT_LOG_LIMITS): string {
  stopLogToFolder();
  const dir = join(dataDir, 'logs');
  ownerOnlyDir(dir);
  file = openLogFile(dir, limits);
  return dir;
}

export function stopLogToFolder(): void {
  if (file) closeSync(file.fd);
  file = null;
}

/** The recent warnings and errors, newest first. */
export function recentProblems(limit = 200): LogEntry[] {
  return recent.slice(-limit).reverse();
}

const fields = (meta: Record<string, unknown> | undefined) => (meta ? (clip(meta, 0) as Record<string, unknown>) : {});

export const log = {
  info: (msg: string, meta?: Record<string, unknown>) => logger.info(fields(meta), msg),
  warn: (msg: string, meta?: Record<string, unknown>) => logger.warn(fields(meta), msg),
  /** For unexpected errors: logs the error's class and stack, not its data. */
  error: (msg: string, err: unknown, meta?: Record<string, unknown>) =>
    logger.error(
      {
        ...fields(meta),
        error: err instanceof Error ? err.name : typeof err,
        stack: err instanceof Error && err.stack ? err.stack.split('\n').slice(1, 6).join(' | ') : null,
      },
      msg,
    ),
};

// Windows: a folder whose ACL could not be restricted (the path may hold the user's name: only its last part is logged).
onOwnerOnlyFailure((dir, err) =>
  log.warn('folder access could not be restricted to the current user', { folder: basename(dir), error: err instanceof Error ? err.name : typeof err, status: err instanceof Error && 'status' in err && typeof err.status === 'number' ? err.status : null }),
);
