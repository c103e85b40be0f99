/**
 * The API of data safety (issue 11): audit-chain verification, backups
 * (status, settings, a backup now, re-verification, restore) and the
 * program's recent warnings and errors. Administrators only. Spread into
 * `methods` by contract.ts.
 */
import { z } from 'zod';
import type { MethodDef } from './contract';
import { text } from './schemas';

function method<I extends z.ZodType, O extends z.ZodType>(def: MethodDef<I, O>): MethodDef<I, O> {
  return def;
}

export const AuditVerifyView = z.object({
  ok: z.boolean(),
  /** Rows in the audit log. */
  count: z.number(),
  /** The last row's hash when the chain is whole. */
  head: z.string().nullable(),
  lastId: z.number().nullable(),
  /** The first broken row. */
  brokenId: z.number().nullable(),
});

export const BackupView = z.object({
  file: z.string(),
  kind: z.enum(['scheduled', 'manual', 'before-restore', 'command']),
  createdAt: z.string(),
  bytes: z.number(),
  verified: z.boolean(),
  verifiedAt: z.string().nullable(),
  counts: z.record(z.string(), z.number()),
  auditCount: z.number(),
  auditHead: z.string(),
});

export const BackupSettingsView = z.object({
  /** null: the data folder's backups/. */
  folder: z.string().nullable(),
  hour: z.number(),
  keepDaily: z.number(),
  keepMonthly: z.number(),
});

export const BackupStatusView = z.object({
  settings: BackupSettingsView,
  /** The folder in use. */
  folder: z.string(),
  passphraseSet: z.boolean(),
  backups: z.array(BackupView),
  lastVerified: BackupView.nullable(),
  /** No verified backup newer than 2 days. */
  stale: z.boolean(),
  running: z.boolean(),
  lastError: z.object({ at: z.string(), message: z.string() }).nullable(),
});

export const SaveBackupSettings = z.object({
  /** An absolute path (a relative one would depend on where the host was started). */
  folder: text(1000)
    .refine((f) => /^(\/|[A-Za-z]:[\\/]|\\\\)/.test(f), { error: 'Укажите полный путь к папке (например, /mnt/backup или D:\\Копии)' })
    .nullable(),
  hour: z.number().int().min(0).max(23),
  keepDaily: z.number().int().min(1).max(366),
  keepMonthly: z.number().int().min(0).max(120),
  /** A new passphrase (omitted: unchanged). */
  passphrase: z.string().min(10, 'не короче 10 знаков').max(200).optional(),
});

const backupFile = z.string().regex(/^socdesk-[0-9TZ-]+-[a-z-]+\.sdbk$/, 'не файл резервной копии').max(120);

export const LogEntryView = z.object({
  at: z.string(),
  level: z.enum(['warn', 'error']),
  msg: z.string(),
  /** Identifiers and error kinds only (never personal data). */
  meta: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
});

const admin = ['admin'] as const;

export const dataSafetyMethods = {
  'audit.verify': method({
    access: admin,
    write: false,
    summary: 'Walk the audit chain: OK with the count and head hash, or the first row whose content or link is broken.',
    input: z.object({}).strict(),
    output: AuditVerifyView,
  }),
  'backups.status': method({
    access: admin,
    write: false,
    summary: 'Backups: settings, the list (newest first), the last verified one, whether it is older than 2 days.',
    input: z.object({}).strict(),
    output: BackupStatusView,
  }),
  'backups.saveSettings': method({
    access: admin,
    write: true,
    summary: 'Set the backup folder, the daily hour, retention and (optionally) a new backup passphrase.',
    input: SaveBackupSettings,
    output: BackupStatusView,
  }),
  'backups.create': method({
    access: admin,
    write: false,
    summary: 'Take a verified, encrypted backup now (the office keeps working meanwhile).',
    input: z.object({}).strict(),
    output: BackupView,
  }),
  'backups.verify': method({
    access: admin,
    write: false,
    summary: 'Decrypt and check a stored backup again.',
    input: z.object({ file: backupFile }),
    output: BackupView,
  }),
  'backups.restore': method({
    access: admin,
    write: true,
    summary: 'Replace the database with a stored backup; the current one is saved first. Everyone signs in again.',
    input: z.object({ file: backupFile, confirm: z.literal(true) }),
    output: z.object({ restored: BackupView, saved: BackupView.nullable() }),
  }),
  'logs.report': method({
    access: 'user',
    write: false,
    summary: 'A screen failed (the renderer\'s error boundary): its error kind and component names go to the log, nothing typed.',
    input: z.object({ kind: text(100), where: text(2000) }),
    output: z.object({ ok: z.literal(true) }),
  }),
  'recovery.status': method({
    access: 'public',
    write: false,
    summary: 'Whether the database failed to open at start, and the last verified backup to restore it from.',
    input: z.object({}).strict(),
    output: z.object({ damaged: z.boolean(), reason: z.string().nullable(), lastVerified: BackupView.nullable() }),
  }),
  'recovery.restore': method({
    access: 'public',
    write: true,
    summary: 'Only while the database is damaged, only from the host computer itself: restore the last verified backup (the damaged file is kept).',
    input: z.object({ confirm: z.literal(true) }),
    output: z.object({ restored: BackupView }),
  }),
  'logs.recent': method({
    access: admin,
    write: false,
    summary: "The program's recent warnings and errors, newest first.",
    input: z.object({ limit: z.number().int().min(1).max(500).default(200) }),
    output: z.array(LogEntryView),
  }),
};
