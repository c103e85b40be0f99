/**
 * Data-safety benchmark:
 * - backup.200k: one backup of the 200,000-case register (snapshot through the
 *   backup API, integrity_check, counts, audit chain walk, AES-256-GCM, read-back
 *   authentication), seconds; target ≤ 20 s;
 * - audit.verify_1m: walking a chain of 1,000,000 audit rows, seconds; target ≤ 10 s.
 * Run inside `npm run bench` (on the reception benchmark's register) or alone:
 * `tsx bench/data-safety.ts [--cases N]` (generates its own register).
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { todayIso } from '../core/domain/dates';
import { appendAudit, verifyChain } from '../db/audit-chain';
import { Backend } from '../main/backend/backend';
import { createBackup } from '../main/backend/backups/backups';
import { setQuiet } from '../main/backend/logger';
import { fillDatabase } from './generate';
import { report, time, type Metric } from './lib';

export async function dataSafetyBench(dir: string, registerFile: string, progress: (s: string) => void): Promise<Metric[]> {
  const [backupMs, m] = await time(() => createBackup({ dbFile: registerFile, folder: join(dir, 'bench-backups'), passphrase: 'bench-passphrase', kind: 'manual' }));
  progress(`backup of ${m.counts.cases} cases: ${(statSync(registerFile).size / 1e6).toFixed(0)} MB → ${(m.bytes / 1e6).toFixed(0)} MB encrypted in ${(backupMs / 1000).toFixed(1)} s`);

  const auditFile = join(dir, 'audit-1m.sqlite');
  const b = new Backend({ dbFile: auditFile });
  const raw = b.db.$client;
  raw.transaction(() => {
    for (let i = 0; i < 1_000_000; i++) {
      appendAudit(raw, [new Date(1.7e12 + i * 1000).toISOString(), null, 'priem', 'update', 'case', String(i % 50_000), '{"status":"registered"}', '{"status":"in_work","rev":2}']);
    }
  })();
  const [verifyMs, v] = await time(() => verifyChain(raw));
  if (!v.ok || v.count !== 1_000_000) throw new Error('audit chain bench: chain not whole');
  b.close();
  return [
    { metric: 'backup.200k', value: backupMs / 1000, unit: 's', target: 20 },
    { metric: 'audit.verify_1m', value: verifyMs / 1000, unit: 's', target: 10 },
  ];
}

async function standalone(): Promise<void> {
  setQuiet(true);
  const i = process.argv.indexOf('--cases');
  const cases = i > 0 ? Number(process.argv[i + 1]) : 200_000;
  const dir = mkdtempSync(join(tmpdir(), 'socdesk-bench-ds-'));
  try {
    const file = join(dir, 'register.sqlite');
    const b = new Backend({ dbFile: file });
    await b.invoke(null, 'setup.init', { officeCode: 'surgut', username: 'admin', fullName: 'Админ', position: 'Администратор', password: 'bench-pass-1' });
    fillDatabase(b.db, b.services.calendar(), { persons: Math.round(cases * 1.5), cases, officeCode: 'surgut', userId: 1, userName: 'Админ', until: todayIso() });
    b.close();
    report(await dataSafetyBench(dir, file, (s) => console.error(s)), process.argv.includes('--json'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith('data-safety.ts')) void standalone();
