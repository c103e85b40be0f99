/**
 * The backend's log. It records events and error kinds only: never inputs,
 * names, СНИЛС, addresses or any other personal data. Callers pass a fixed
 * message and, at most, identifiers; as a second line of defence, values
 * under personal-data keys (ФИО, СНИЛС, addresses, documents, contacts) are
 * redacted by path before anything is written.
 *
 * Lines (JSON) go to the console and, once `logToFolder` is called (the host
 * and the desktop app do), to `logs/socdesk.log` in the data folder,
 * owner-only, rotated by size (5 MB) and by the office day, the last 10
 * files kept. The recent warnings and errors are kept in memory for the
 * administrator's screen.
 */
import { appendFileSync, existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { todayIso } from '../../core/domain/dates';
import { ownerOnlyDir, OWNER_FILE_MODE } from '../../db/connection';

type Level = 'info' | 'warn' | 'error';
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

/** Keys whose values are personal data, wherever they appear. */
const PERSONAL = /^(lastName|firstName|middleName|fullName|name|applicant|representative|snils|birthDate|address|regAddress|actualAddress|postalAddress|idDoc|document|series|number|phone|email|username|issuedTo|text|note|password)$/i;

export function redact(meta: Record<string, unknown>): LogMeta {
  const out: LogMeta = {};
  for (const [k, v] of Object.entries(meta)) {
    if (PERSONAL.test(k)) out[k] = '[скрыто]';
    else if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') out[k] = v;
    else out[k] = '[скрыто]';
  }
  return out;
}

export const LOG_FILE = 'socdesk.log';
const MAX_BYTES = 5 * 1024 * 1024;
const KEEP_FILES = 10;
const RECENT_KEPT = 500;

let folder: string | null = null;
let fileDay: string | null = null;
const recent: LogEntry[] = [];

/** Starts writing the log to `<dataDir>/logs` (owner-only). */
export function logToFolder(dataDir: string): string {
  folder = join(dataDir, 'logs');
  ownerOnlyDir(folder);
  const f = join(folder, LOG_FILE);
  fileDay = existsSync(f) ? todayIso(statSync(f).mtime) : todayIso();
  return folder;
}

export function stopLogToFolder(): void {
  folder = null;
}

function rotate(dir: string): void {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  renameSync(join(dir, LOG_FILE), join(dir, `socdesk-${stamp}.log`));
  const old = readdirSync(dir)
    .filter((f) => /^socdesk-.+\.log$/.test(f))
    .sort();
  for (const f of old.slice(0, Math.max(0, old.length - (KEEP_FILES - 1)))) rmSync(join(dir, f), { force: true });
}

function toFile(line: string): void {
  if (!folder) return;
  try {
    const f = join(folder, LOG_FILE);
    const today = todayIso();
    if (existsSync(f) && (statSync(f).size > MAX_BYTES || fileDay !== today)) rotate(folder);
    fileDay = today;
    appendFileSync(f, line + '\n', { mode: OWNER_FILE_MODE });
  } catch {
    // A full or unplugged disk must not stop the office; the console still has the line.
  }
}

function write(level: Level, msg: string, meta: LogMeta = {}): void {
  const safe = redact(meta);
  const at = new Date().toISOString();
  if (level !== 'info') {
    recent.push({ at, level, msg, meta: safe });
    if (recent.length > RECENT_KEPT) recent.shift();
  }
  const line = JSON.stringify({ t: at, level, msg, ...safe });
  toFile(line);
  if (quiet) return;
  if (level === 'error') console.error(line);
  else console.log(line);
}

/** The recent warnings and errors, newest first. */
export function recentProblems(limit = 200): LogEntry[] {
  return recent.slice(-limit).reverse();
}

export const log = {
  info: (msg: string, meta?: LogMeta) => write('info', msg, meta),
  warn: (msg: string, meta?: LogMeta) => write('warn', msg, meta),
  /** For unexpected errors: logs the error's class and stack, not its data. */
  error: (msg: string, err: unknown, meta?: LogMeta) =>
    write('error', msg, {
      ...meta,
      error: err instanceof Error ? err.name : typeof err,
      stack: err instanceof Error && err.stack ? err.stack.split('\n').slice(1, 6).join(' | ') : null,
    }),
};
