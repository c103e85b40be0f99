/**
 * Exchange benchmark: push and pull of 10,000 events against the portal
 * emulator on loopback (seconds, events/s, bytes on the wire), and package
 * export / import of 10,000 events. Target: ≥ 2,000 events/s each way, i.e.
 * 10,000 events in ≤ 5 s. Metrics are for n events (10,000 by default).
 */
import { join } from 'node:path';
import { Backend } from '../main/backend/backend';
import { PortalClient } from '../main/backend/exchange/client';
import { emitOutbound } from '../main/backend/exchange/outbox';
import { exportPackage, importPackage } from '../main/backend/exchange/packages';
import { saveExchangeSettings } from '../main/backend/exchange/state';
import { backendSyncDeps, syncOnce } from '../main/backend/exchange/sync';
import { setSetting, OFFICE_SETTING } from '../main/backend/views';
import { applicationSubmitted } from '../tools/portal-emulator/samples';
import { startEmulator } from '../tools/portal-emulator/server';
import { time, type Metric } from './lib';

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
