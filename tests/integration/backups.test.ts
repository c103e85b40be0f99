import Database from 'better-sqlite3';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BackupCryptoError } from '../../main/backend/backups/crypto-file';
import { applyRetention, BackupError, createBackup, listBackups } from '../../main/backend/backups/backups';
import { runOffThread } from '../../main/backend/backups/off-thread';
import { verifyPlainCopy } from '../../main/backend/backups/verify';
import { recentProblems } from '../../main/backend/logger';
import { sampleApplication, snilsFrom } from '../support/applications';
import { Backend } from '../../main/backend/backend';
import { backupCommand, listBackupsCommand, restoreCommand } from '../../main/host/data-commands';
import { createEnv, userWithRoles, type TestEnv } from './helpers';

let env: TestEnv;
let reception: string;
let clock: Date;
beforeEach(async () => {
  clock = new Date('2026-11-25T06:00:00Z');
  env = await createEnv({ now: () => clock });
  reception = await userWithRoles(env, 'priem', ['reception']);
  env.backend.backups.setPassphrase('Пароль копий 2026');
});
afterEach(() => env.cleanup());

const register = (i: number) =>
  env.backend.invoke(reception, 'cases.register', sampleApplication({ applicant: { lastName: `Иванова${'а'.repeat(i % 5)}`, snils: snilsFrom(1000 + i) } })).then((r) => r.data);
const count = (t: string) => (env.backend.db.$client.prepare(`select count(*) as n from ${t}`).get() as { n: number }).n;
const mode = (f: string) => statSync(f).mode & 0o777;

describe('backups', () => {
  it('a backup taken while writes go on verifies and restores with identical counts', async () => {
    for (let i = 0; i < 5; i++) await register(i);
    // Registrations keep coming while the backup runs.
    const writes = Promise.all(Array.from({ length: 20 }, (_, i) => register(100 + i)));
    const manifest = await env.backend.backups.run('manual');
    await writes;
    expect(manifest.verified).toBe(true);
    expect(manifest.counts.cases).toBeGreaterThanOrEqual(5);
    expect(manifest.counts.cases).toBeLessThanOrEqual(25);
    expect(manifest.audit.count).toBe(manifest.counts.audit_log);
    expect(count('cases')).toBe(25);

    await env.backend.restoreFrom(manifest.file);
    expect(count('cases')).toBe(manifest.counts.cases);
    expect(count('persons')).toBe(manifest.counts.persons);
    expect(count('audit_log')).toBe(manifest.counts.audit_log);
    expect(env.backend.db.$client.pragma('integrity_check', { simple: true })).toBe('ok');
    // The restored register works: a new registration continues the journal.
    const admin = (await env.backend.invoke(null, 'auth.login', { username: 'priem', password: 'user-pass-1' })).session!.token!;
    await env.backend.invoke(admin, 'cases.register', sampleApplication({ applicant: { snils: snilsFrom(5000) } }));
    expect(count('cases')).toBe(manifest.counts.cases! + 1);
  });

  it('a restore keeps the previous database as a verified backup', async () => {
    await register(1);
    const first = await env.backend.backups.run('manual');
    clock = new Date(clock.getTime() + 60_000);
    await register(2);
    await register(3);
    const { saved } = await env.backend.restoreFrom(first.file);
    expect(saved!.kind).toBe('before-restore');
    expect(saved!.verified).toBe(true);
    expect(saved!.counts.cases).toBe(3);
    expect(count('cases')).toBe(1);
    // And going back to it brings the three cases back.
    await env.backend.restoreFrom(saved!.file);
    expect(count('cases')).toBe(3);
  });

  it('a corrupted backup is detected and restores nothing', async () => {
    await register(1);
    const m = await env.backend.backups.run('manual');
    const file = join(env.backend.backups.folder(), m.file);
    const bytes = readFileSync(file);
    bytes[Math.floor(bytes.length / 2)]! ^= 0x01;
    writeFileSync(file, bytes);
    await expect(env.backend.backups.verify(m.file)).rejects.toThrow(BackupCryptoError);
    await register(2);
    await expect(env.backend.restoreFrom(m.file)).rejects.toThrow(/повреждена/);
    expect(count('cases')).toBe(2);
    // A wrong passphrase is refused the same way.
    const m2 = await env.backend.backups.run('manual');
    env.backend.backups.setPassphrase('другой пароль');
    await expect(env.backend.backups.verify(m2.file)).rejects.toThrow(BackupCryptoError);
  });

  it('a damaged plain copy fails verification with a Russian message, in the worker thread as on this one', async () => {
    const bad = join(env.dir, 'bad.sqlite');
    writeFileSync(bad, Buffer.alloc(8192, 7));
    expect(() => verifyPlainCopy(bad)).toThrow(BackupError);
    expect(() => verifyPlainCopy(bad)).toThrow(/повреждена|не открывается/);
    const offThread = runOffThread({ plain: bad }).verified;
    await expect(offThread).rejects.toThrow(BackupError);
    await expect(offThread).rejects.toThrow(/повреждена|не открывается/);
    // The worker ran: it did not fall back to this thread.
    expect(recentProblems().filter((p) => p.msg.startsWith('backup worker'))).toEqual([]);
  });

  it('a backup holds no personal data in clear and its files are owner-only', async () => {
    await register(1);
    const m = await env.backend.backups.run('manual');
    const folder = env.backend.backups.folder();
    const enc = readFileSync(join(folder, m.file));
    expect(enc.includes(Buffer.from('Семёнова'))).toBe(false);
    expect(enc.includes(Buffer.from('SQLite format'))).toBe(false);
    if (process.platform === 'win32') return;
    expect(mode(folder)).toBe(0o700);
    for (const f of readdirSync(folder)) expect(mode(join(folder, f)), f).toBe(0o600);
    expect(mode(env.dir)).toBe(0o700);
    expect(mode(env.dbFile)).toBe(0o600);
    expect(mode(`${env.dbFile}-wal`)).toBe(0o600);
    expect(mode(`${env.dbFile}-shm`)).toBe(0o600);
    expect(mode(join(env.dir, 'keys'))).toBe(0o700);
    expect(mode(join(env.dir, 'keys', 'backup-passphrase'))).toBe(0o600);
  });

  it('retention keeps the last backup of each recent day and month', async () => {
    const folder = join(env.dir, 'retention');
    const days = ['2026-01-10', '2026-01-20', '2026-02-05', '2026-03-01', '2026-03-02', '2026-03-02'];
    for (const [i, d] of days.entries()) {
      await createBackup({ dbFile: env.dbFile, folder, passphrase: 'p', kind: 'manual', now: new Date(`${d}T0${i}:00:00Z`) });
    }
    const removed = applyRetention(folder, { daily: 2, monthly: 2 });
    const left = listBackups(folder).map((b) => b.createdAt.slice(0, 13));
    // Days kept: 2026-03-02 (the later one) and 2026-03-01; months: March (same) and February.
    expect(left).toEqual(['2026-03-02T05', '2026-03-01T03', '2026-02-05T02']);
    expect(removed).toHaveLength(3);
  });

  it('the schedule: due at the first start of the day and at the quiet hour', async () => {
    const b = env.backend.backups;
    expect(b.due()).toBe(true);
    await b.run('scheduled');
    expect(b.due()).toBe(false);
    // 13:00 office time (UTC+5) is 08:00 UTC.
    clock = new Date('2026-11-25T08:01:00Z');
    expect(b.due()).toBe(true);
    await b.run('scheduled');
    expect(b.due()).toBe(false);
    clock = new Date('2026-11-26T03:00:00Z');
    expect(b.due()).toBe(true);
    expect(b.status().stale).toBe(false);
    clock = new Date('2026-11-28T09:00:00Z');
    expect(b.status().stale).toBe(true);
  });

  it('an opened backup is a plain SQLite file only after decryption', async () => {
    const m = await env.backend.backups.run('manual');
    expect(() => new Database(join(env.backend.backups.folder(), m.file), { readonly: true }).pragma('integrity_check')).toThrow();
  });

  it('the command line: backup, list and restore with the host stopped', async () => {
    await register(1);
    const out: string[] = [];
    const print = (l: string) => out.push(l);
    const passFile = join(env.dir, 'pass.txt');
    writeFileSync(passFile, 'Пароль копий 2026\n');
    const folder = join(env.dir, 'usb');
    expect(await backupCommand({ dataDir: env.dir, folder, passphraseFile: passFile, print })).toBe(0);
    expect(out[0]).toMatch(/^Резервная копия записана и проверена: /);
    const file = listBackups(folder)[0]!.file;
    await register(2);
    env.backend.close();
    expect(await restoreCommand({ dataDir: env.dir, folder, passphraseFile: passFile, file, yes: false, print })).toBe(1);
    expect(await restoreCommand({ dataDir: env.dir, folder, passphraseFile: passFile, file, yes: true, print })).toBe(0);
    expect(out.some((l) => l.startsWith('Текущая база данных сохранена: '))).toBe(true);
    expect(out.at(-1)).toMatch(/^База данных восстановлена из копии от .*: обращений 1, /);
    expect(listBackupsCommand({ dataDir: env.dir, folder, print })).toBe(0);
    expect(out.filter((l) => l.includes('.sdbk')).length).toBeGreaterThanOrEqual(2);
    const db = new Database(env.dbFile, { readonly: true });
    expect((db.prepare('select count(*) as n from cases').get() as { n: number }).n).toBe(1);
    db.close();
    // Reopened for the cleanup (which closes it).
    env.backend = new Backend({ dbFile: env.dbFile });
  });
});
