/**
 * Portal → office events: each is applied at most once (idempotent by event
 * id). An event that fails validation or whose effect fails is stored as
 * 'quarantined' with its reason in Russian and the others go on. A batch is
 * applied in one transaction together with the inbound cursor, so after a
 * crash the office either has the events and the cursor past them, or
 * neither.
 */
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { ProductionCalendar } from '../../../core/domain/calendar';
import { dueAfter, TERMS } from '../../../core/domain/deadlines';
import {
  parseEvent,
  type ExchangeEvent,
  type InboundPayload,
  type InboundType,
} from '../../../core/exchange/protocol';
import type { Statement } from 'better-sqlite3';
import type { Db } from '../../../db/connection';
import { calendarYears, providers, services } from '../../../db/schema';
import { exchangeInbox, type EXCHANGE_VIAS } from '../../../db/schema-exchange';
import shippedCalendar from '../../../resources/reference/calendar.json';
import { replaceCalendarYear } from '../refdata';
import { nextRevBySystem } from '../revisions';
import { setState, STATE_KEYS } from './state';
import { log } from '../logger';
import { formatRuDate } from '../../../core/domain/dates';

export type CalendarSource = ProductionCalendar | (() => ProductionCalendar);

export interface ApplyOptions {
  now?: Date;
  /** 'http' or 'package'. */
  via?: (typeof EXCHANGE_VIAS)[number];
  /** Called after a reference.calendar event changed the calendar (the backend drops its cached calendar). */
  onCalendarChanged?: () => void;
}

export type ApplyResult = { id: string; status: 'applied' | 'duplicate' } | { id: string; status: 'quarantined'; reason: string };

/** A reason shown to the administrator; other errors are reported as an internal failure. */
class InboundRejection extends Error {}

const calendarOf = (c: CalendarSource) => (typeof c === 'function' ? c() : c);

/** Prepared statements of the hot path (one inbound event after another), cached per connection. */
const statements = new WeakMap<Db, Map<string, Statement>>();
function stmt(db: Db, key: string, sqlText: string): Statement {
  let m = statements.get(db);
  if (!m) statements.set(db, (m = new Map()));
  let st = m.get(key);
  if (!st) m.set(key, (st = db.$client.prepare(sqlText)));
  return st;
}

const INSERT_INBOX = 'insert into exchange_inbox (id, portal_seq, type, payload, received_at, status, error, applied_at, via) values (?, ?, ?, ?, ?, ?, ?, ?, ?)';

/** SQLite ended the page's transaction itself (disk full, I/O error): the page fails whole, nothing is quarantined. */
class TransactionLost extends Error {}

/**
 * The effect and the inbox row of one event, in a savepoint (cached
 * statements: better-sqlite3's nested transaction costs more than the
 * writes), so a failing effect leaves nothing behind and the page goes on.
 */
function inSavepoint(db: Db, f: () => void): void {
  const raw = db.$client;
  if (!raw.inTransaction) {
    raw.transaction(f)();
    return;
  }
  stmt(db, 'savepoint', 'savepoint inbound_event').run();
  try {
    f();
  } catch (err) {
    if (!raw.inTransaction) throw new TransactionLost('transaction rolled back by SQLite', { cause: err });
    stmt(db, 'rollbackTo', 'rollback to inbound_event').run();
    stmt(db, 'release', 'release inbound_event').run();
    throw err;
  }
  stmt(db, 'release', 'release inbound_event').run();
}

/** Applies one inbound event (inside a savepoint when called within a transaction). */
export function applyInbound(db: Db, calendar: CalendarSource, raw: unknown, opts: ApplyOptions = {}): ApplyResult {
  const now = opts.now ?? new Date();
  const nowIso = now.toISOString();
  const via = opts.via ?? 'http';
  const rawObj = (raw && typeof raw === 'object' ? raw : {}) as Partial<ExchangeEvent>;
  const id = typeof rawObj.id === 'string' ? rawObj.id : '';
  if (id && stmt(db, 'seen', 'select 1 from exchange_inbox where id = ?').get(id)) return { id, status: 'duplicate' };

  const quarantine = (reason: string): ApplyResult => {
    const qid = id || `invalid-${now.getTime()}-${Math.random().toString(36).slice(2, 10)}`;
    stmt(db, 'inbox', INSERT_INBOX).run(
      qid,
      typeof rawObj.seq === 'number' ? rawObj.seq : null,
      typeof rawObj.type === 'string' ? rawObj.type.slice(0, 60) : '?',
      rawObj.payload == null ? null : JSON.stringify(rawObj.payload),
      nowIso,
      'quarantined',
      reason,
      null,
      via,
    );
    return { id: qid, status: 'quarantined', reason };
  };

  const parsed = parseEvent(raw, 'inbound');
  if (!parsed.ok) return quarantine(parsed.reason);
  const e = parsed.event;
  // The payload as the portal sent it, serialised once for the inbox row and the application.
  const payloadJson = JSON.stringify(e.payload);
  try {
    inSavepoint(db, () => {
      applyEffect(db, calendar, e, payloadJson, parsed.type as InboundType, parsed.payload, now, opts);
      stmt(db, 'inbox', INSERT_INBOX).run(e.id, e.seq, e.type, payloadJson, nowIso, 'applied', null, nowIso, via);
    });
  } catch (err) {
    if (err instanceof TransactionLost) throw err.cause;
    if (err instanceof InboundRejection) return quarantine(err.message);
    // The internals go to the log, the clerk gets a sentence.
    log.error('exchange: inbound event not applied', err, { type: e.type, seq: e.seq });
    return quarantine('Сообщение портала не применено из-за ошибки программы. Подробности записаны в журнал программы; обратитесь к администратору.');
  }
  return { id: e.id, status: 'applied' };
}

/**
 * Applies a batch and, in the same transaction, stores the inbound cursor.
 * Returns the per-event results (duplicates included).
 */
export function applyInboundBatch(db: Db, calendar: CalendarSource, events: unknown[], cursor: string | null, opts: ApplyOptions = {}): ApplyResult[] {
  return db.$client
    .transaction(() => {
      const results = events.map((e) => applyInbound(db, calendar, e, opts));
      if (cursor !== null) setState(db, STATE_KEYS.inboundCursor, cursor);
      return results;
    })
    .immediate();
}

function ippsuCaseId(db: Db, ippsuNumber: string): number | null {
  const row = stmt(
    db,
    'ippsuCase',
    "select case_id as caseId from case_decisions where outgoing_number = ? and kind = 'ippsu' and status in ('signed', 'superseded') order by version desc limit 1",
  ).get(ippsuNumber) as { caseId: number } | undefined;
  return row?.caseId ?? null;
}

function applyEffect(db: Db, calendar: CalendarSource, e: ExchangeEvent, payloadJson: string, type: InboundType, payload: unknown, now: Date, opts: ApplyOptions): void {
  const nowIso = now.toISOString();
  switch (type) {
    case 'application.submitted': {
      const p = payload as InboundPayload<'application.submitted'>;
      const due = dueAfter(calendarOf(calendar), p.receivedAt.slice(0, 10), TERMS.registration);
      const applicantName = [p.applicant.lastName, p.applicant.firstName, p.applicant.middleName].filter(Boolean).join(' ');
      const existing = stmt(db, 'portalApp', 'select id, case_id as caseId from portal_applications where portal_id = ?').get(p.portalId) as
        | { id: number; caseId: number | null }
        | undefined;
      if (existing?.caseId) throw new InboundRejection(`Заявление портала № ${p.portalId} уже зарегистрировано (дело ${existing.caseId}); повторная подача не применена`);
      // The payload is kept as the portal sent it (the registration form is filled from it).
      const values = [p.portalId, e.id, p.channel, applicantName, payloadJson, p.receivedAt, due];
      if (existing) {
        stmt(db, 'portalAppUpdate', 'update portal_applications set portal_id = ?, event_id = ?, channel = ?, applicant_name = ?, payload = ?, received_at = ?, due_registration = ? where id = ?').run(...values, existing.id);
      } else {
        stmt(db, 'portalAppInsert', 'insert into portal_applications (portal_id, event_id, channel, applicant_name, payload, received_at, due_registration) values (?, ?, ?, ?, ?, ?, ?)').run(...values);
      }
      return;
    }
    case 'contract.status': {
      const p = payload as InboundPayload<'contract.status'>;
      stmt(
        db,
        'contract',
        'insert into portal_contracts (event_id, case_id, ippsu_number, contract_number, provider, status, date, term_from, term_until, received_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      ).run(e.id, ippsuCaseId(db, p.ippsuNumber), p.ippsuNumber, p.contractNumber ?? null, p.provider.name, p.status, p.date, p.term?.from ?? null, p.term?.until ?? null, nowIso);
      return;
    }
    case 'services.delivered': {
      const p = payload as InboundPayload<'services.delivered'>;
      const caseId = ippsuCaseId(db, p.ippsuNumber);
      const insert = stmt(
        db,
        'delivery',
        'insert into portal_deliveries (event_id, case_id, ippsu_number, contract_number, service_code, service_name, quantity, unit, period_from, period_until) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      );
      for (const it of p.items) {
        insert.run(e.id, caseId, p.ippsuNumber, p.contractNumber ?? null, it.serviceCode ?? null, it.serviceName, it.quantity, it.unit ?? null, p.period.from, p.period.until);
      }
      return;
    }
    case 'services.act_signed': {
      const p = payload as InboundPayload<'services.act_signed'>;
      const args: (string | number)[] = [p.signedAt, p.ippsuNumber];
      let where = 'ippsu_number = ?';
      if (p.period) {
        where += ' and period_from >= ? and period_until <= ?';
        args.push(p.period.from, p.period.until);
      }
      const r = db.$client.prepare(`update portal_deliveries set act_signed = 1, act_signed_at = ? where ${where}`).run(...args);
      if (r.changes === 0) throw new InboundRejection(`Акт по ИППСУ № ${p.ippsuNumber}: нет сведений об оказанных услугах за этот период`);
      return;
    }
    case 'reference.providers': {
      const p = payload as InboundPayload<'reference.providers'>;
      for (const pr of p.providers) {
        const values = { name: pr.name, address: pr.address, phone: pr.phone ?? null, email: pr.email ?? null, forms: pr.forms, serviceCodes: pr.serviceCodes, active: pr.active };
        const cur = db.select({ id: providers.id }).from(providers).where(eq(providers.name, pr.name)).get();
        if (cur) db.update(providers).set({ ...values, ...nextRevBySystem(now) }).where(eq(providers.id, cur.id)).run();
        else db.insert(providers).values(values).run();
      }
      return;
    }
    case 'reference.services': {
      const p = payload as InboundPayload<'reference.services'>;
      for (const s of p.services) {
        const cur = db.select({ locallyModified: services.locallyModified }).from(services).where(eq(services.code, s.code)).get();
        const values = { code: s.code, type: s.type, name: s.name, unit: s.unit, urgent: s.urgent ?? false, active: s.active ?? true };
        if (!cur) db.insert(services).values(values).run();
        else if (!cur.locallyModified) db.update(services).set({ ...values, ...nextRevBySystem(now) }).where(eq(services.code, s.code)).run();
      }
      return;
    }
    case 'reference.calendar': {
      const p = payload as InboundPayload<'reference.calendar'>;
      const cur = db.select().from(calendarYears).where(eq(calendarYears.year, p.year)).get();
      if (cur?.locallyModified) throw new InboundRejection(`Календарь ${p.year} года изменён администратором вручную: календарь портала не применён`);
      const byDate = new Map<string, (typeof p.days)[number]>();
      for (const d of p.days) {
        if (!d.date.startsWith(`${p.year}-`)) throw new InboundRejection(`Календарь ${p.year} года содержит дату другого года: ${formatRuDate(d.date)}`);
        const twice = byDate.get(d.date);
        // The same day listed twice alike is harmless; listed twice differently, the portal's calendar is not trusted.
        if (twice && JSON.stringify(twice) !== JSON.stringify(d)) throw new InboundRejection(`Календарь ${p.year} года указывает дату ${formatRuDate(d.date)} дважды с разными значениями: календарь портала не применён`);
        byDate.set(d.date, d);
      }
      const days = [...byDate.values()];
      // The shipped seed's hash is recorded as applied, so the next start does not put the seed back over the portal's calendar.
      replaceCalendarYear(db, { year: p.year, source: p.source, confirmed: p.confirmed, days, seedHash: shippedSeedHash(p.year), locallyModified: false }, nextRevBySystem(now));
      opts.onCalendarChanged?.();
      return;
    }
  }
}

/** The hash refdata.ts records for the shipped seed of a year (same formula). */
function shippedSeedHash(year: number): string | null {
  const y = (shippedCalendar as { years: { year: number }[] }).years.find((x) => x.year === year);
  return y ? createHash('sha256').update(JSON.stringify(y)).digest('hex').slice(0, 16) : null;
}

export function quarantined(db: Db) {
  return db.select().from(exchangeInbox).where(eq(exchangeInbox.status, 'quarantined')).all();
}
