/**
 * Runs verify.ts's snapshot and check in a worker thread, so that the full
 * `integrity_check` of a large copy (seconds for a 1.3 GB register) runs on
 * the second core while the main thread encrypts the same copy, and the
 * event loop stays free for requests. When no worker can be started (a
 * packaging without the worker file), the same steps run on this thread.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { log } from '../logger';
import { BackupError, snapshotDatabase, verifyPlainCopy, type Snapshot, type VerifiedCopy } from './verify';

export interface WorkerJob {
  /** Set for a backup: the live database to snapshot into `plain` first. */
  dbFile?: string;
  plain: string;
  expected?: Snapshot;
}

export type WorkerMessage =
  | { kind: 'ready' }
  | { kind: 'snapshot'; snapshot: Snapshot }
  | { kind: 'verified'; result: VerifiedCopy }
  | { kind: 'failed'; backupError: boolean; name: string; message: string };

export interface OffThreadJob {
  /** Resolves when the copy is written (at once for a check-only job). */
  snapshot: Promise<Snapshot | undefined>;
  /** Resolves when the copy has passed the check. Settles after `snapshot`. */
  verified: Promise<VerifiedCopy>;
}

/** The bundled worker (electron-vite puts it in out/main, next to the chunk or one folder up) or, from sources, the TypeScript file through tsx. */
function spawn(job: WorkerJob): Worker {
  for (const f of [join(__dirname, 'backup-verify.js'), join(__dirname, '..', 'backup-verify.js')]) {
    if (existsSync(f)) return new Worker(f, { workerData: job });
  }
  const source = join(__dirname, 'verify-worker.ts');
  const tsx = createRequire(source).resolve('tsx/cjs/api');
  return new Worker(`require(${JSON.stringify(tsx)}).register(); require(${JSON.stringify(source)});`, { eval: true, workerData: job });
}

function inThread(job: WorkerJob): OffThreadJob {
  const snapshot = job.dbFile ? snapshotDatabase(job.dbFile, job.plain) : Promise.resolve(undefined);
  const verified = snapshot.then((s) => verifyPlainCopy(job.plain, s ?? job.expected));
  verified.catch(() => undefined);
  return { snapshot, verified };
}

export function runOffThread(job: WorkerJob): OffThreadJob {
  let worker: Worker;
  try {
    worker = spawn(job);
  } catch (e) {
    log.warn('backup worker unavailable, checking on the main thread', { error: e instanceof Error ? e.name : typeof e });
    return inThread(job);
  }
  let started = false;
  let resolveSnapshot!: (s: Snapshot | undefined) => void;
  let rejectSnapshot!: (e: Error) => void;
  let resolveVerified!: (v: VerifiedCopy) => void;
  let rejectVerified!: (e: Error) => void;
  const snapshot = new Promise<Snapshot | undefined>((res, rej) => ((resolveSnapshot = res), (rejectSnapshot = rej)));
  const verified = new Promise<VerifiedCopy>((res, rej) => ((resolveVerified = res), (rejectVerified = rej)));
  // Either may be awaited alone; the other's rejection must not go unhandled.
  snapshot.catch(() => undefined);
  verified.catch(() => undefined);
  let settled = false;
  const fail = (e: Error) => {
    if (settled) return;
    settled = true;
    rejectSnapshot(e);
    rejectVerified(e);
  };
  worker.on('message', (m: WorkerMessage) => {
    if (m.kind === 'ready') started = true;
    else if (m.kind === 'snapshot') resolveSnapshot(m.snapshot);
    else if (m.kind === 'verified') {
      settled = true;
      resolveSnapshot(undefined);
      resolveVerified(m.result);
    } else {
      const e = m.backupError ? new BackupError(m.message) : Object.assign(new Error(m.message), { name: m.name });
      fail(e);
    }
  });
  const fallBack = (e: unknown) => {
    if (settled) return;
    if (started) return fail(e instanceof Error ? e : new Error(String(e)));
    // The worker never ran (no worker file, no tsx): the same steps here.
    settled = true;
    log.warn('backup worker did not start, checking on the main thread', { error: e instanceof Error ? e.name : typeof e });
    const here = inThread(job);
    here.snapshot.then(resolveSnapshot, rejectSnapshot);
    here.verified.then(resolveVerified, rejectVerified);
  };
  worker.on('error', fallBack);
  worker.on('exit', (code) => fallBack(new Error(`backup worker exited with code ${code}`)));
  return { snapshot, verified };
}
