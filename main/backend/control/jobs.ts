/**
 * Long exports as jobs: a call starts the job and returns at once; the job
 * builds its file in chunks (yielding to other calls between them) and
 * reports progress; the UI polls the job's status and downloads the file
 * when it is done. A job belongs to the user who started it; a finished job
 * is kept for JOB_TTL_MS or until downloaded.
 */
import { randomUUID } from 'node:crypto';
import { ApiError } from '../../../core/api/errors';
import { log } from '../logger';

export const JOB_TTL_MS = 15 * 60_000;
export const MAX_RUNNING_PER_USER = 3;

export interface JobFile {
  fileName: string;
  mime: string;
  buf: Buffer;
}

interface Job {
  id: string;
  userId: number;
  kind: string;
  state: 'running' | 'done' | 'failed';
  done: number;
  total: number;
  file: JobFile | null;
  error: string | null;
  startedAt: number;
  finishedAt: number | null;
}

export interface JobProgress {
  /** Rows (or steps) done so far. */
  set(done: number): void;
}

export class JobRegistry {
  private readonly jobs = new Map<string, Job>();

  constructor(private readonly clock: () => number = Date.now) {}

  start(userId: number, kind: string, total: number, run: (p: JobProgress) => Promise<JobFile>): { jobId: string; total: number } {
    this.sweep();
    const running = [...this.jobs.values()].filter((j) => j.userId === userId && j.state === 'running').length;
    if (running >= MAX_RUNNING_PER_USER) throw new ApiError('CONFLICT', 'Уже формируются три файла: дождитесь их готовности.');
    const job: Job = { id: randomUUID(), userId, kind, state: 'running', done: 0, total, file: null, error: null, startedAt: this.clock(), finishedAt: null };
    this.jobs.set(job.id, job);
    // Started on the next turn, so the caller gets the job id before any work is done.
    setImmediate(() => {
      run({ set: (d) => (job.done = Math.min(d, job.total)) })
        .then((f) => {
          job.file = f;
          job.done = job.total;
          job.state = 'done';
        })
        .catch((e: unknown) => {
          job.state = 'failed';
          job.error = e instanceof ApiError ? e.message : 'Не удалось сформировать файл. Повторите действие или обратитесь к администратору.';
          if (!(e instanceof ApiError)) log.error('export job failed', e, { kind });
        })
        .finally(() => (job.finishedAt = this.clock()));
    });
    return { jobId: job.id, total };
  }

  private own(userId: number, id: string): Job {
    const j = this.jobs.get(id);
    if (!j || j.userId !== userId) throw new ApiError('NOT_FOUND', 'Файл не найден: сформируйте его заново.');
    return j;
  }

  status(userId: number, id: string) {
    const j = this.own(userId, id);
    return {
      jobId: j.id,
      kind: j.kind,
      state: j.state,
      done: j.done,
      total: j.total,
      /** 0…1 */
      progress: j.total ? j.done / j.total : j.state === 'done' ? 1 : 0,
      fileName: j.file?.fileName ?? null,
      error: j.error,
    };
  }

  /** The finished file; the job is dropped. */
  take(userId: number, id: string): JobFile {
    const j = this.own(userId, id);
    if (j.state === 'failed') throw new ApiError('CONFLICT', j.error ?? 'Файл не сформирован.');
    if (j.state !== 'done' || !j.file) throw new ApiError('CONFLICT', 'Файл ещё формируется.');
    this.jobs.delete(id);
    return j.file;
  }

  /** Waits until a job is no longer running (tests and tools). */
  async settle(id: string): Promise<void> {
    while (this.jobs.get(id)?.state === 'running') await new Promise((r) => setTimeout(r, 5));
  }

  private sweep(): void {
    const now = this.clock();
    for (const [id, j] of this.jobs) if (j.finishedAt !== null && now - j.finishedAt > JOB_TTL_MS) this.jobs.delete(id);
  }
}

const registries = new WeakMap<object, JobRegistry>();

/** The job registry of a backend (keyed by its services object). */
export function jobsOf(owner: object): JobRegistry {
  let r = registries.get(owner);
  if (!r) {
    r = new JobRegistry();
    registries.set(owner, r);
  }
  return r;
}
