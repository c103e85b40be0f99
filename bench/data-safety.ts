/**
 * Data-safety benchmark:
 * - backup.200k: one backup of the 200,000-case register (snapshot through the
 *   backup API, integrity_check, counts, audit chain walk, AES-256-GCM, read-back
 *   authentication), seconds; target ≤ 20 s;
 * - audit.verify_1m: walking a chain of 1,000,000 audit rows, seconds; target ≤ 10 s.
 * Run inside `npm run bench` (on the reception benchmark's register) or alone:
 * `tsx bench/data-safety.ts [--cases N] [--register FILE]` (generates its own
 * register; with --register it is kept in FILE and reused when FILE exists,
 * so repeated runs measure the same register without regenerating it).
 */
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appendAudit, verifyChain } from '../db/audit-chain';
import { Backend } from '../main/backend/backend';
import { createBackup } from '../main/backend/backups/backups';
import { setQuiet } from '../main/backend/logger';
import { makeRegister } from './generate';
import { benchArg, report, time, type Metric } from './lib';

export async function dataSafetyBench(dir: string, registerFile: string, progress: (s: string) => void): Promise<Metric[]> {
  const steps: string[] = [];
  const cpu0 = process.cpuUsage();
  const [backupMs, m] = await time(() =>
    createBackup({ dbFile: registerFile, folder: join(dir, 'bench-backups'), passphrase: 'bench-passphrase', kind: 'manual', onStep: (s, ms) => steps.push(`${s} ${(ms / 1000).toFixed(1)} s`) }),
  );
  const cpu = process.cpuUsage(cpu0);
  progress(`backup of ${m.counts.cases} cases: ${(statSync(registerFile).size / 1e6).toFixed(0)} MB → ${(m.bytes / 1e6).toFixed(0)} MB encrypted in ${(backupMs / 1000).toFixed(1)} s`);
  progress(`  steps ended at: ${steps.join(', ')}; CPU of all threads ${(cpu.user / 1e6).toFixed(1)} s user + ${(cpu.system / 1e6).toFixed(1)} s system`);

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
  const cases = Number(benchArg('--cases') ?? 200_000);
  const kept = benchArg('--register');
  const dir = mkdtempSync(join(tmpdir(), 'socdesk-bench-ds-'));
  try {
    const log = (s: string) => console.error(s);
    const file = kept ?? join(dir, 'register.sqlite');
    if (!kept || !existsSync(kept)) await makeRegister(file, cases, log);
    report(await dataSafetyBench(dir, file, log), process.argv.includes('--json'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith('data-safety.ts')) void standalone();
