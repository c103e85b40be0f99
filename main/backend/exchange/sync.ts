/**
 * One exchange session (`syncOnce`) and the `Scheduler` that runs it every N
 * minutes and on demand. Delivery is at least once in both directions and
 * exactly-once in effect: the portal dedupes pushed events by id and acks the
 * highest contiguous seq; the office dedupes pulled events by id and stores
 * its cursor with the events it applied.
 */
import type { Db } from '../../../db/connection';
import { log } from '../logger';
import { chainHead } from '../../../db/audit-chain';
import { exchangeLog } from '../../../db/schema-exchange';
import { eq } from 'drizzle-orm';
import { ExchangeError, PortalClient } from './client';
import { applyInboundBatch, type CalendarSource } from './inbox';
import { pendingCount, pendingOutbound } from './outbox';
import { getExchangeSettings, getState, officeCodeOf, setState, STATE_KEYS } from './state';

export interface SyncDeps {
  db: Db;
  calendar: CalendarSource;
  onCalendarChanged?: () => void;
  /** A ready client (tests, bench); otherwise one is made from the settings and closed afterwards. */
  client?: PortalClient;
  pushBatch?: number;
  pullLimit?: number;
  timeoutMs?: number;
  now?: () => Date;
  /** Upper bound of requests per direction in one session. */
  maxRounds?: number;
}

export interface SyncReport {
  ok: boolean;
  startedAt: string;
  finishedAt: string;
  /** Outbound events the portal acknowledged in this session. */
  pushed: number;
  rejected: { id: string; reason: string }[];
  pulled: number;
  applied: number;
  duplicates: number;
  quarantined: number;
  /** Outbound events still waiting. */
  pendingOutbound: number;
  errors: string[];
}

/** Runs one exchange session: push everything pending, then pull everything new. Never throws. */
export async function syncOnce(deps: SyncDeps): Promise<SyncReport> {
  const { db } = deps;
  const now = deps.now ?? (() => new Date());
  const startedAt = now().toISOString();
  const report: SyncReport = {
    ok: false,
    startedAt,
    finishedAt: startedAt,
    pushed: 0,
    rejected: [],
    pulled: 0,
    applied: 0,
    duplicates: 0,
    quarantined: 0,
    pendingOutbound: 0,
    errors: [],
  };
  const logId = db.insert(exchangeLog).values({ kind: 'sync', startedAt, outcome: 'running' }).returning({ id: exchangeLog.id }).get().id;
  let client = deps.client;
  const ownClient = !client;
  try {
    if (!client) {
      const s = getExchangeSettings(db);
      if (!s.portalUrl || !s.officeSecret) throw new ExchangeError('protocol', 'Обмен не настроен: укажите адрес портала и ключ обмена управления');
      client = new PortalClient({ baseUrl: s.portalUrl, officeCode: officeCodeOf(db), secret: s.officeSecret, timeoutMs: deps.timeoutMs });
    }
    setState(db, STATE_KEYS.lastAttempt, startedAt);
    await pushAll(deps, client, report);
    await pullAll(deps, client, report);
    report.ok = true;
    setState(db, STATE_KEYS.lastSuccess, now().toISOString());
  } catch (e) {
    report.errors.push(e instanceof ExchangeError ? e.message : `Внутренняя ошибка обмена: ${e instanceof Error ? e.message : String(e)}`);
  } finally {
    if (ownClient) client?.close();
    report.pendingOutbound = pendingCount(db);
    report.finishedAt = now().toISOString();
    db.update(exchangeLog)
      .set({
        finishedAt: report.finishedAt,
        pushed: report.pushed,
        pulled: report.pulled,
        quarantined: report.quarantined,
        outcome: report.ok ? 'ok' : 'error',
        error: report.errors.join('; ') || null,
      })
      .where(eq(exchangeLog.id, logId))
      .run();
  }
  return report;
}

async function pushAll(deps: SyncDeps, client: PortalClient, report: SyncReport): Promise<void> {
  const { db } = deps;
  const now = deps.now ?? (() => new Date());
  const batchSize = deps.pushBatch ?? 500;
  const maxRounds = deps.maxRounds ?? 10_000;
  const raw = db.$client;
  const bump = raw.prepare('update exchange_outbox set attempts = attempts + 1 where seq between ? and ? and acked_at is null');
  const setError = raw.prepare('update exchange_outbox set last_error = ? where seq between ? and ? and acked_at is null');
  const ackUpTo = raw.prepare('update exchange_outbox set acked_at = ?, last_error = null where seq <= ? and acked_at is null');
  const reject = raw.prepare('update exchange_outbox set last_error = ? where id = ?');
  const requeue = raw.prepare('update exchange_outbox set acked_at = null where seq > ?');
  const maxSent = raw.prepare('select max(seq) as n from exchange_outbox');
  let requeued = false;
  for (let round = 0; round < maxRounds; round++) {
    const batch = pendingOutbound(db, batchSize);
    if (!batch.length) return;
    const first = batch[0].seq;
    const last = batch[batch.length - 1].seq;
    bump.run(first, last);
    let res;
    try {
      const head = chainHead(raw);
      res = await client.push(batch, { count: head.count, head: head.head });
    } catch (e) {
      setError.run(e instanceof Error ? e.message : String(e), first, last);
      throw e;
    }
    // v1.1: an acknowledgement past any event the office ever made (an earlier session's answer may have been lost, so not only this batch) is a portal that stores nothing it confirms.
    const everSent = (maxSent.get() as { n: number | null }).n ?? 0;
    if (res.ackSeq > everSent) {
      log.warn('exchange: portal acknowledged events never sent', { ackSeq: res.ackSeq, lastSent: everSent });
      throw new ExchangeError('protocol', `Портал подтвердил события до № ${res.ackSeq}, а управление передало только до № ${everSent}: ответ отклонён, ничего не отмечено. Сообщите администратору портала.`);
    }
    const done = raw
      .transaction(() => {
        for (const r of res.rejected) reject.run(`Отклонено порталом: ${r.reason}`, r.id);
        return ackUpTo.run(now().toISOString(), res.ackSeq).changes;
      })
      .immediate();
    report.pushed += done;
    report.rejected.push(...res.rejected);
    if (res.ackSeq < first - 1 && !requeued) {
      // The portal has lost events it once acknowledged (restored from a backup): send them again.
      requeue.run(res.ackSeq);
      requeued = true;
      continue;
    }
    if (res.ackSeq < first) throw new ExchangeError('protocol', `Портал не подтвердил события начиная с № ${first}: обмен приостановлен`);
  }
}

async function pullAll(deps: SyncDeps, client: PortalClient, report: SyncReport): Promise<void> {
  const { db } = deps;
  const limit = deps.pullLimit ?? 500;
  const maxRounds = deps.maxRounds ?? 10_000;
  let cursor = getState(db, STATE_KEYS.inboundCursor);
  for (let round = 0; round < maxRounds; round++) {
    const page = await client.pull(cursor, limit);
    if (!page.events.length) break;
    if (page.cursor === null || page.cursor === cursor) throw new ExchangeError('protocol', 'Портал вернул события без продвижения курсора');
    // v1.1: the cursor is the seq of the last event of the page; one that jumps past what was received is refused.
    const lastSeq = Math.max(...page.events.map((e) => (e && typeof e === 'object' && typeof (e as { seq?: unknown }).seq === 'number' ? (e as { seq: number }).seq : 0)));
    if (!/^\d{1,15}$/.test(page.cursor) || Number(page.cursor) !== lastSeq) {
      log.warn('exchange: portal cursor jumps past the events received', { cursor: page.cursor.slice(0, 20), lastSeq });
      throw new ExchangeError('protocol', `Портал сообщил позицию № ${page.cursor.slice(0, 20)}, а передал события только до № ${lastSeq}: ответ отклонён, ничего не применено. Сообщите администратору портала.`);
    }
    const results = applyInboundBatch(db, deps.calendar, page.events, page.cursor, { now: deps.now?.(), onCalendarChanged: deps.onCalendarChanged });
    cursor = page.cursor;
    report.pulled += page.events.length;
    for (const r of results) {
      if (r.status === 'applied') report.applied++;
      else if (r.status === 'duplicate') report.duplicates++;
      else report.quarantined++;
    }
    await client.ack(cursor);
    if (page.events.length < limit) return;
  }
  // Nothing new: confirm where the office stands (an ack lost in a previous session is repeated).
  if (cursor !== null) await client.ack(cursor);
}

/** The dependencies of a running Backend (its database and its cached production calendar). */
export function backendSyncDeps(backend: { db: Db; services: { calendar(): import('../../../core/domain/calendar').ProductionCalendar; invalidateCalendar(): void } }): SyncDeps {
  return { db: backend.db, calendar: () => backend.services.calendar(), onCalendarChanged: () => backend.services.invalidateCalendar() };
}

// ------------------------------------------------------------------ scheduler

export interface SchedulerOptions {
  run: () => Promise<SyncReport>;
  /** The interval between successful sessions (read before each wait: the setting may change). */
  intervalMs: () => number;
  /** Whether a portal is configured (read before each scheduled session): while not, the scheduler waits quietly, with no attempts and nothing logged, until `settingsChanged()`. */
  configured?: () => boolean;
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  random?: () => number;
  onResult?: (r: SyncReport) => void;
}

/**
 * Runs sessions every interval and on demand, never two at once; after a
 * failure waits base·2^(n−1) (up to the maximum, never beyond the interval's
 * larger of the two) with jitter in [½, 1] of that. While no portal is
 * configured it makes no attempts at all (`settingsChanged()` wakes it).
 * `stop()` waits for a running session and cancels the timer.
 */
export class Scheduler {
  private timer: NodeJS.Timeout | null = null;
  private current: Promise<SyncReport> | null = null;
  private stopped = true;
  failures = 0;
  nextRunAt: Date | null = null;
  lastReport: SyncReport | null = null;

  constructor(private readonly opts: SchedulerOptions) {}

  private isConfigured(): boolean {
    return this.opts.configured?.() ?? true;
  }

  get running(): boolean {
    return this.current !== null;
  }

  start(initialDelayMs = 0): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.schedule(initialDelayMs);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.nextRunAt = null;
    if (this.current) await this.current.catch(() => undefined);
  }

  /** The settings were saved: an idle scheduler (not configured until now) starts exchanging, after the same wait as at start. */
  settingsChanged(firstDelayMs = 30_000): void {
    if (!this.stopped && !this.current && !this.timer) this.schedule(firstDelayMs);
  }

  /** Runs a session now (or joins the one running). */
  syncNow(): Promise<SyncReport> {
    if (this.current) return this.current;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const p = this.opts
      .run()
      .catch((e): SyncReport => {
        const t = new Date().toISOString();
        return { ok: false, startedAt: t, finishedAt: t, pushed: 0, rejected: [], pulled: 0, applied: 0, duplicates: 0, quarantined: 0, pendingOutbound: 0, errors: [String(e)] };
      })
      .then((r) => {
        this.current = null;
        this.lastReport = r;
        this.failures = r.ok ? 0 : this.failures + 1;
        this.opts.onResult?.(r);
        if (!this.stopped) this.schedule(this.delayAfter(r));
        return r;
      });
    this.current = p;
    return p;
  }

  /** The wait before the next session. */
  delayAfter(r: SyncReport): number {
    if (r.ok) return this.opts.intervalMs();
    const base = this.opts.backoffBaseMs ?? 30_000;
    const max = this.opts.backoffMaxMs ?? Math.max(this.opts.intervalMs(), base);
    const backoff = Math.min(max, base * 2 ** Math.min(this.failures - 1, 30));
    return Math.round(backoff * (0.5 + 0.5 * (this.opts.random ?? Math.random)()));
  }

  private schedule(ms: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.nextRunAt = null;
    if (!this.isConfigured()) return;
    this.nextRunAt = new Date(Date.now() + ms);
    this.timer = setTimeout(() => {
      this.timer = null;
      if (this.isConfigured()) void this.syncNow();
      else this.nextRunAt = null;
    }, ms);
    this.timer.unref?.();
  }
}
