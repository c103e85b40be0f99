/**
 * The backup's SQLite work in a worker thread (see off-thread.ts): the
 * snapshot, then the full check of the copy, while the main thread encrypts
 * the copy and keeps serving requests. Built as its own entry
 * (out/main/backup-verify.js); from sources it runs through tsx.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { BackupError, snapshotDatabase, verifyPlainCopy } from './verify';
import type { WorkerJob, WorkerMessage } from './off-thread';

const job = workerData as WorkerJob;
const post = (m: WorkerMessage) => parentPort!.postMessage(m);

async function run(): Promise<void> {
  post({ kind: 'ready' });
  let expected = job.expected;
  if (job.dbFile) {
    const snapshot = await snapshotDatabase(job.dbFile, job.plain);
    post({ kind: 'snapshot', snapshot });
    expected = snapshot;
  }
  post({ kind: 'verified', result: verifyPlainCopy(job.plain, expected) });
}

run().catch((e: unknown) => post({ kind: 'failed', backupError: e instanceof BackupError, message: e instanceof Error ? e.message : String(e), name: e instanceof Error ? e.name : typeof e }));
