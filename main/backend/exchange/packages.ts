/**
 * Exchange by file, for offices without a working connection: all pending
 * outbound events go into one package file (manifest + events + HMAC with the
 * office secret); a package from the portal is checked as a whole (format,
 * version, office, signature, checksum, count) and either applied or refused
 * whole with a message in Russian. Importing the same package twice changes
 * nothing (events are idempotent by id).
 */
import { buildPackage, checkPackage, type PackageManifest } from '../../../core/exchange/protocol';
import type { Db } from '../../../db/connection';
import { exchangeLog } from '../../../db/schema-exchange';
import { applyInboundBatch, type CalendarSource } from './inbox';
import { pendingOutbound } from './outbox';
import { getExchangeSettings, officeCodeOf } from './state';

export class PackageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PackageError';
  }
}

export interface PackageOptions {
  /** Defaults to the office secret in the exchange settings. */
  secret?: string;
  officeCode?: string;
  now?: Date;
}

function secretOf(db: Db, opts: PackageOptions): string {
  const s = opts.secret ?? getExchangeSettings(db).officeSecret;
  if (!s) throw new PackageError('Не задан ключ обмена управления: укажите его в настройках обмена.');
  return s;
}

export interface ExportedPackage {
  text: string;
  fileName: string;
  manifest: PackageManifest;
}

/**
 * Every pending outbound event in one package. The events stay pending: they
 * are marked delivered when the portal acknowledges them over HTTP (a later
 * push of the same events is a no-op on the portal).
 */
export function exportPackage(db: Db, opts: PackageOptions = {}): ExportedPackage {
  const secret = secretOf(db, opts);
  const officeCode = opts.officeCode ?? officeCodeOf(db);
  const now = opts.now ?? new Date();
  const events = pendingOutbound(db, Number.MAX_SAFE_INTEGER);
  const text = buildPackage(secret, { officeCode, direction: 'office-to-portal', createdAt: now.toISOString() }, events);
  const manifest = (JSON.parse(text) as { manifest: PackageManifest }).manifest;
  db.$client.transaction(() => {
    if (events.length) db.$client.prepare('update exchange_outbox set attempts = attempts + 1 where acked_at is null and seq between ? and ?').run(events[0].seq, events[events.length - 1].seq);
    db.insert(exchangeLog).values({ kind: 'export', startedAt: now.toISOString(), finishedAt: now.toISOString(), pushed: events.length, outcome: 'ok' }).run();
  })();
  const stamp = now.toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
  return { text, fileName: `socdesk-${officeCode}-${stamp}.sdx.json`, manifest };
}

export interface ImportReport {
  count: number;
  applied: number;
  duplicates: number;
  quarantined: number;
  quarantineReasons: string[];
}

/** Checks and applies a portal → office package; throws PackageError (nothing applied) when it fails a check. */
export function importPackage(db: Db, calendar: CalendarSource, text: string, opts: PackageOptions & { onCalendarChanged?: () => void } = {}): ImportReport {
  const now = opts.now ?? new Date();
  const check = checkPackage(text, secretOf(db, opts), { officeCode: opts.officeCode ?? officeCodeOf(db), direction: 'portal-to-office' });
  if (!check.ok) {
    db.insert(exchangeLog).values({ kind: 'import', startedAt: now.toISOString(), finishedAt: now.toISOString(), outcome: 'error', error: check.reason }).run();
    throw new PackageError(check.reason);
  }
  const results = applyInboundBatch(db, calendar, check.events, null, { now, via: 'package', onCalendarChanged: opts.onCalendarChanged });
  const report: ImportReport = { count: results.length, applied: 0, duplicates: 0, quarantined: 0, quarantineReasons: [] };
  for (const r of results) {
    if (r.status === 'applied') report.applied++;
    else if (r.status === 'duplicate') report.duplicates++;
    else if (r.status === 'quarantined') {
      report.quarantined++;
      report.quarantineReasons.push(r.reason);
    }
  }
  db.insert(exchangeLog)
    .values({ kind: 'import', startedAt: now.toISOString(), finishedAt: new Date().toISOString(), pulled: report.applied, quarantined: report.quarantined, outcome: 'ok' })
    .run();
  return report;
}
