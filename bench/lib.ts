/** Benchmark helpers: timing, percentiles, and the table / JSON-lines report. */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DB_FILE_NAME } from '../db/connection';

/**
 * Runs `fn` on a register file moved into `dataDir` (as the host's database,
 * with its WAL and SHM), and moves it back afterwards, so the next benchmark
 * finds it where it was.
 */
export async function withRegisterIn<T>(dataDir: string, registerFile: string, fn: () => Promise<T>): Promise<T> {
  mkdirSync(dataDir, { recursive: true });
  const moves = ['', '-wal', '-shm'].filter((ext) => existsSync(registerFile + ext)).map((ext) => [registerFile + ext, join(dataDir, DB_FILE_NAME + ext)] as const);
  for (const [from, to] of moves) renameSync(from, to);
  try {
    return await fn();
  } finally {
    for (const [from, to] of moves) if (existsSync(to)) renameSync(to, from);
  }
}

/** The value after a command-line option (`--cases 1000`), or undefined. */
export function benchArg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
}

export interface Metric {
  metric: string;
  value: number;
  unit: string;
  /** The target this machine should meet; null when informational. */
  target: number | null;
}

export function percentile(samples: number[], p: number): number {
  const s = [...samples].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
}

export async function time<T>(fn: () => T | Promise<T>): Promise<[number, T]> {
  const t0 = performance.now();
  const r = await fn();
  return [performance.now() - t0, r];
}

export async function sample(n: number, fn: (i: number) => unknown): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn(i);
    out.push(performance.now() - t0);
  }
  return out;
}

export const round = (v: number) => Math.round(v * 100) / 100;

export function report(metrics: Metric[], json: boolean): void {
  if (json) {
    for (const m of metrics) console.log(JSON.stringify({ metric: m.metric, value: round(m.value), unit: m.unit, target: m.target }));
    return;
  }
  const rows = metrics.map((m) => [
    m.metric,
    `${round(m.value)} ${m.unit}`,
    m.target == null ? '' : `≤ ${m.target} ${m.unit}`,
    m.target == null ? '' : m.value <= m.target ? 'ok' : 'MISSED',
  ]);
  const head = ['metric', 'value', 'target', ''];
  const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]) => '| ' + r.map((c, i) => c.padEnd(w[i])).join(' | ') + ' |';
  console.log(line(head));
  console.log('|' + w.map((n) => '-'.repeat(n + 2)).join('|') + '|');
  rows.forEach((r) => console.log(line(r)));
}

/** A host process (node with `args`, from the project's folder) and the address it printed; `stop` ends it. */
export async function spawnHost(args: string[]): Promise<{ url: string; stop: () => Promise<void> }> {
  const proc = spawn(process.execPath, args, {
    cwd: resolve(__dirname, '..'),
    env: { ...process.env, SOCDESK_LOG: 'silent' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let err = '';
  proc.stderr!.on('data', (d) => (err += d));
  const url = await new Promise<string>((ok, fail) => {
    let out = '';
    proc.stdout!.on('data', (d) => {
      out += d;
      const m = /"url":"([^"]+)"/.exec(out);
      if (m) ok(m[1]);
    });
    proc.on('exit', (code) => fail(new Error(`host exited with ${code}: ${err}`)));
  });
  return {
    url,
    stop: () =>
      new Promise((r) => {
        proc.once('exit', () => r());
        proc.kill('SIGTERM');
      }),
  };
}
