/**
 * Exchange benchmark: push and pull of 10,000 events against the portal
 * emulator on loopback (seconds, events/s, bytes on the wire), and package
 * export / import of 10,000 events. Target: ≥ 2,000 events/s each way, i.e.
 * 10,000 events in ≤ 5 s. Metrics are for n events (10,000 by default).
 *
 * Inbound apply against a raw insert, measured in the same run (exchangeApplyBench):
 * - exchange.pull_events_per_s: N portal → office events of a realistic mix
 *   (online applications, contract statuses, services delivered), in wire form
 *   as the portal sends them, applied on a fresh database through the real
 *   inbox code path (applyInboundBatch, one transaction per page of 500 with
 *   the cursor, as syncOnce does);
 * - exchange.pull_raw_ratio: that time over a raw better-sqlite3 insert of the
 *   same rows (the tables and columns the apply writes, the JSON text made in
 *   the timed part, one transaction, prepared statements) into another fresh
 *   database; target ≤ 4.
 * Run inside `npm run bench` or alone: `npx tsx bench/exchange.ts [--events N]`.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dueAfter, TERMS } from '../core/domain/deadlines';
import { SCHEMA_VERSION, type ExchangeEvent } from '../core/exchange/protocol';
import { Backend } from '../main/backend/backend';
import { PortalClient } from '../main/backend/exchange/client';
import { applyInboundBatch } from '../main/backend/exchange/inbox';
import { emitOutbound } from '../main/backend/exchange/outbox';
import { exportPackage, importPackage } from '../main/backend/exchange/packages';
import { saveExchangeSettings } from '../main/backend/exchange/state';
import { backendSyncDeps, syncOnce } from '../main/backend/exchange/sync';
import { setQuiet } from '../main/backend/logger';
import { setSetting, OFFICE_SETTING } from '../main/backend/views';
import { applicationSubmitted, contractStatus, servicesDelivered } from '../tools/portal-emulator/samples';
import { startEmulator } from '../tools/portal-emulator/server';
import { report, time, type Metric } from './lib';

const OFFICE = 'surgut';
const SECRET = 'bench-secret';

function office(dbFile: string): Backend {
  const b = new Backend({ dbFile });
  b.db.$client.transaction(() => {
    setSetting(b.db, OFFICE_SETTING, OFFICE);
    saveExchangeSettings(b.db, { officeSecret: SECRET });
  })();
  return b;
}

export async function exchangeBench(dir: string, n = 10_000): Promise<Metric[]> {
  const target = n / 2000;
  const emu = await startEmulator({ dbFile: join(dir, 'exchange-emulator.sqlite'), offices: { [OFFICE]: SECRET } });
  const a = office(join(dir, 'exchange-a.sqlite'));
  const b = office(join(dir, 'exchange-b.sqlite'));
  try {
    a.db.$client.transaction(() => {
      for (let i = 1; i <= n; i++) {
        emitOutbound(a.db, 'application.status', { caseId: i, journalNumber: `${i}/2026`, portalId: null, status: 'В работе', date: '2026-11-25', at: new Date().toISOString() });
      }
    })();
    emu.db.transaction(() => {
      for (let i = 1; i <= n; i++) emu.createInbound(OFFICE, 'application.submitted', applicationSubmitted({ seed: i, portalId: `EPGU-B-${i}` }));
    })();

    // Package export (office side) and import (a second office database).
    const [exportMs, pkg] = await time(() => exportPackage(a.db));
    const portalPkg = emu.exportPackage(OFFICE);
    const [importMs, imported] = await time(() => importPackage(b.db, () => b.services.calendar(), portalPkg));
    if (imported.applied !== n) throw new Error(`package import applied ${imported.applied} of ${n}`);

    // HTTP push from office A, pull into office A.
    const client = new PortalClient({ baseUrl: emu.url, officeCode: OFFICE, secret: SECRET, timeoutMs: 30_000 });
    const deps = { ...backendSyncDeps(a), client, pushBatch: 1000, pullLimit: 1000 };
    const [pushMs, pushed] = await time(() => syncOnce(deps));
    if (!pushed.ok || pushed.pushed !== n || pushed.applied !== n) throw new Error(`sync failed: ${pushed.errors.join('; ')}`);
    client.close();

    // Then each direction on its own: the portal forgets what it received, the office what it pulled.
    const c3 = new PortalClient({ baseUrl: emu.url, officeCode: OFFICE, secret: SECRET, timeoutMs: 30_000 });
    a.db.$client.prepare('update exchange_outbox set acked_at = null').run();
    emu.db.prepare('delete from received').run();
    emu.db.prepare('update offices set ack_seq = 0').run();
    // Push only: nothing new to pull (cursor at the end).
    const [pMs, pr] = await time(() => syncOnce({ ...backendSyncDeps(a), client: c3, pushBatch: 1000, pullLimit: 1000 }));
    const pushBytes = c3.bytesSent + c3.bytesReceived;
    c3.close();
    if (pr.pushed !== n) throw new Error('push failed');

    const c4 = new PortalClient({ baseUrl: emu.url, officeCode: OFFICE, secret: SECRET, timeoutMs: 30_000 });
    a.db.$client.prepare('delete from exchange_inbox').run();
    a.db.$client.prepare('delete from portal_applications').run();
    a.db.$client.prepare("delete from exchange_state where key = 'inbound_cursor'").run();
    emu.db.prepare('update offices set inbound_acked = null').run();
    // Pull only: nothing pending to push.
    const [lMs, lr] = await time(() => syncOnce({ ...backendSyncDeps(a), client: c4, pushBatch: 1000, pullLimit: 1000 }));
    const pullBytes = c4.bytesSent + c4.bytesReceived;
    c4.close();
    if (lr.applied !== n) throw new Error('pull failed');

    const s = (ms: number) => ms / 1000;
    return [
      { metric: 'exchange.push_http', value: s(pMs), unit: 's', target },
      { metric: 'exchange.push_rate', value: n / s(pMs), unit: 'events/s', target: null },
      { metric: 'exchange.push_wire', value: pushBytes / 1024, unit: 'KiB', target: null },
      { metric: 'exchange.pull_apply_http', value: s(lMs), unit: 's', target },
      { metric: 'exchange.pull_rate', value: n / s(lMs), unit: 'events/s', target: null },
      { metric: 'exchange.pull_wire', value: pullBytes / 1024, unit: 'KiB', target: null },
      { metric: 'exchange.first_session_push_and_pull', value: s(pushMs), unit: 's', target: 2 * target },
      { metric: 'exchange.package_export', value: s(exportMs), unit: 's', target },
      { metric: 'exchange.package_size', value: Buffer.byteLength(pkg.text) / 1024, unit: 'KiB', target: null },
      { metric: 'exchange.package_import', value: s(importMs), unit: 's', target },
    ];
  } finally {
    a.close();
    b.close();
    await emu.close();
  }
}

const PAGE = 500;

/** 60 % online applications, 25 % contract statuses, 15 % services delivered (two items each). */
function inboundEvents(n: number): ExchangeEvent[] {
  const statuses = ['Выбран поставщик', 'На заключении', 'На подписании', 'Подписан'];
  const out: ExchangeEvent[] = [];
  for (let i = 1; i <= n; i++) {
    const k = i % 20;
    const ippsu = `${1000 + (i % 3000)}-ИП`;
    const [type, payload] =
      k < 12
        ? ['application.submitted', applicationSubmitted({ seed: i, portalId: `EPGU-A-${i}` })]
        : k < 17
          ? ['contract.status', contractStatus({ ippsu, status: statuses[i % 4], contract: `Д-${i}`, from: '2026-12-01', until: '2027-11-30' })]
          : ['services.delivered', servicesDelivered({ ippsu })];
    out.push({ id: randomUUID(), seq: i, type, schemaVersion: SCHEMA_VERSION, occurredAt: '2026-11-25T04:30:00.000Z', payload });
  }
  // As received: the JSON the portal sent, parsed.
  return JSON.parse(JSON.stringify(out)) as ExchangeEvent[];
}

/** The rows the apply writes, inserted directly. */
function rawInsert(b: Backend, events: ExchangeEvent[], now: Date): void {
  const raw = b.db.$client;
  const cal = b.services.calendar();
  const nowIso = now.toISOString();
  const inbox = raw.prepare("insert into exchange_inbox (id, portal_seq, type, payload, received_at, status, error, applied_at, via) values (?, ?, ?, ?, ?, 'applied', null, ?, 'http')");
  const app = raw.prepare('insert into portal_applications (portal_id, event_id, channel, applicant_name, payload, received_at, due_registration) values (?, ?, ?, ?, ?, ?, ?)');
  const contract = raw.prepare(
    'insert into portal_contracts (event_id, case_id, ippsu_number, contract_number, provider, status, date, term_from, term_until, received_at) values (?, null, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const delivery = raw.prepare(
    'insert into portal_deliveries (event_id, case_id, ippsu_number, contract_number, service_code, service_name, quantity, unit, period_from, period_until) values (?, null, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const cursor = raw.prepare("insert into exchange_state (key, value) values ('inbound_cursor', ?) on conflict(key) do update set value = excluded.value");
  raw.transaction(() => {
    for (const e of events) {
      const json = JSON.stringify(e.payload);
      inbox.run(e.id, e.seq, e.type, json, nowIso, nowIso);
      const p = e.payload as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
      if (e.type === 'application.submitted') {
        const a = p.applicant;
        app.run(p.portalId, e.id, p.channel, [a.lastName, a.firstName, a.middleName].filter(Boolean).join(' '), json, p.receivedAt, dueAfter(cal, p.receivedAt.slice(0, 10), TERMS.registration));
      } else if (e.type === 'contract.status') {
        contract.run(e.id, p.ippsuNumber, p.contractNumber ?? null, p.provider.name, p.status, p.date, p.term?.from ?? null, p.term?.until ?? null, nowIso);
      } else {
        for (const it of p.items) delivery.run(e.id, p.ippsuNumber, p.contractNumber ?? null, it.serviceCode ?? null, it.serviceName, it.quantity, it.unit ?? null, p.period.from, p.period.until);
      }
    }
    cursor.run(String(events[events.length - 1].seq));
  })();
}

export async function exchangeApplyBench(dir: string, n = 20_000): Promise<Metric[]> {
  const events = inboundEvents(n);
  const now = new Date();
  const a = new Backend({ dbFile: join(dir, 'apply-inbox.sqlite') });
  const r = new Backend({ dbFile: join(dir, 'apply-raw.sqlite') });
  try {
    const calendar = () => a.services.calendar();
    const [applyMs, applied] = await time(() => {
      let count = 0;
      for (let i = 0; i < events.length; i += PAGE) {
        const page = events.slice(i, i + PAGE);
        count += applyInboundBatch(a.db, calendar, page, String(page[page.length - 1].seq), { now }).filter((x) => x.status === 'applied').length;
      }
      return count;
    });
    if (applied !== n) throw new Error(`inbound apply: ${applied} of ${n} applied`);
    const [rawMs] = await time(() => rawInsert(r, events, now));
    const count = (b: Backend, t: string) => (b.db.$client.prepare(`select count(*) as n from ${t}`).get() as { n: number }).n;
    for (const t of ['exchange_inbox', 'portal_applications', 'portal_contracts', 'portal_deliveries']) {
      if (count(a, t) !== count(r, t)) throw new Error(`raw insert wrote ${count(r, t)} rows of ${t}, the apply ${count(a, t)}`);
    }
    return [
      { metric: 'exchange.pull_apply', value: applyMs / 1000, unit: 's', target: null },
      { metric: 'exchange.pull_events_per_s', value: n / (applyMs / 1000), unit: 'events/s', target: null },
      { metric: 'exchange.pull_raw_insert', value: rawMs / 1000, unit: 's', target: null },
      { metric: 'exchange.pull_raw_ratio', value: applyMs / rawMs, unit: '×', target: 4 },
    ];
  } finally {
    a.close();
    r.close();
  }
}

if (process.argv[1]?.endsWith('exchange.ts')) {
  setQuiet(true);
  const i = process.argv.indexOf('--events');
  const n = i > 0 ? Number(process.argv[i + 1]) : undefined;
  const dir = mkdtempSync(join(tmpdir(), 'socdesk-bench-'));
  exchangeBench(dir)
    .then(async (m) => report([...m, ...(await exchangeApplyBench(dir, n))], false))
    .finally(() => rmSync(dir, { recursive: true, force: true }));
}
