/**
 * The exchange under faults, over real HTTP on loopback: connections dropped
 * mid-batch, 500s, timeouts, duplicated and reordered requests and
 * deliveries, the office backend closed and reopened between sending and the
 * acknowledgement. Afterwards both sides hold exactly the same events: none
 * lost, none applied twice.
 */
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../db/connection';
import { exchangeInbox, exchangeOutbox, portalApplications } from '../../db/schema-exchange';
import { Backend } from '../../main/backend/backend';
import { PortalClient } from '../../main/backend/exchange/client';
import { emitOutbound, pendingOutbound } from '../../main/backend/exchange/outbox';
import { getState, saveExchangeSettings, STATE_KEYS } from '../../main/backend/exchange/state';
import { backendSyncDeps, syncOnce, type SyncReport } from '../../main/backend/exchange/sync';
import { applicationSubmitted } from '../../tools/portal-emulator/samples';
import { startEmulator, type Emulator } from '../../tools/portal-emulator/server';
import { createEnv, type TestEnv } from './helpers';

const OFFICE = 'khanty-mansiysk';
const SECRET = 'fault-secret-42';
const CLIENT_TIMEOUT = 400;

let env: TestEnv;
let emu: Emulator;

beforeEach(async () => {
  env = await createEnv();
  emu = await startEmulator({ dbFile: join(env.dir, 'emulator.sqlite'), offices: { [OFFICE]: SECRET } });
  configure(env.backend.db);
});
afterEach(async () => {
  await emu.close();
  env.cleanup();
});

function configure(db: Db) {
  db.$client.transaction(() => saveExchangeSettings(db, { portalUrl: emu.url, officeSecret: SECRET }))();
}

const sync = (b: Backend = env.backend): Promise<SyncReport> => syncOnce({ ...backendSyncDeps(b), timeoutMs: CLIENT_TIMEOUT, pushBatch: 7, pullLimit: 7 });

function emitStatuses(db: Db, n: number, from = 1) {
  db.$client.transaction(() => {
    for (let i = from; i < from + n; i++) {
      emitOutbound(db, 'application.status', { caseId: i, journalNumber: `${i}/2026`, portalId: null, status: 'В работе', date: '2026-11-25', at: new Date().toISOString() });
    }
  })();
}

function addInbound(n: number, from = 1) {
  for (let i = from; i < from + n; i++) emu.createInbound(OFFICE, 'application.submitted', applicationSubmitted({ seed: 1000 + i, portalId: `EPGU-F-${i}` }));
}

/** Syncs until a session succeeds with nothing left; bounded. */
async function syncUntilClean(b: Backend = env.backend, maxSessions = 30): Promise<number> {
  for (let i = 1; i <= maxSessions; i++) {
    const r = await sync(b);
    if (r.ok && r.pendingOutbound === 0) {
      const again = await sync(b);
      if (again.ok && again.pulled === 0 && again.pushed === 0) return i;
    }
  }
  throw new Error('the exchange did not settle');
}

/** Both sides hold exactly the same events, each once, all applied. */
function expectConsistent(db: Db, outCount: number, inCount: number) {
  const out = db.select().from(exchangeOutbox).all();
  const got = emu.received(OFFICE);
  expect(out).toHaveLength(outCount);
  expect(got).toHaveLength(outCount);
  expect(new Set(got.map((e) => e.id))).toEqual(new Set(out.map((o) => o.id)));
  expect(got.map((e) => e.seq)).toEqual(out.map((o) => o.seq));
  expect(got.every((e) => e.status === 'applied')).toBe(true);
  expect(out.every((o) => o.ackedAt !== null)).toBe(true);
  expect(emu.ackSeq(OFFICE)).toBe(outCount);

  const inbox = db.select().from(exchangeInbox).all();
  const sent = emu.db.prepare('select id from inbound where office = ?').all(OFFICE) as { id: string }[];
  expect(inbox).toHaveLength(inCount);
  expect(sent).toHaveLength(inCount);
  expect(new Set(inbox.map((e) => e.id))).toEqual(new Set(sent.map((e) => e.id)));
  expect(inbox.every((e) => e.status === 'applied')).toBe(true);
  expect(db.select().from(portalApplications).all()).toHaveLength(inCount);
  expect(getState(db, STATE_KEYS.inboundCursor)).toBe(inCount ? String(inCount) : null);
  expect(emu.inboundAcked(OFFICE)).toBe(inCount ? String(inCount) : null);
}

describe('exchange under faults', () => {
  it('dropped connections, 500s, timeouts and duplicated deliveries: nothing lost, nothing twice', async () => {
    emitStatuses(env.backend.db, 40);
    addInbound(30);
    emu.faults.push(
      { kind: 'drop-after', route: 'push', times: 2 },
      { kind: 'drop-before', route: 'push', times: 1 },
      { kind: 'error-500', route: 'push', times: 1 },
      { kind: 'delay', route: 'push', times: 1, delayMs: CLIENT_TIMEOUT + 300 },
      { kind: 'duplicate-request', route: 'push', times: 2 },
      { kind: 'drop-after', route: 'pull', times: 2 },
      { kind: 'error-500', route: 'pull', times: 1 },
      { kind: 'delay', route: 'pull', times: 1, delayMs: CLIENT_TIMEOUT + 300 },
      { kind: 'duplicate-events', route: 'pull', times: 2 },
      { kind: 'reorder-events', route: 'pull', times: 2 },
      { kind: 'drop-after', route: 'ack', times: 2 },
      { kind: 'error-500', route: 'ack', times: 1 },
    );
    const sessions = await syncUntilClean();
    expect(sessions).toBeGreaterThan(1);
    expect(emu.faults.every((f) => f.times === 0)).toBe(true);
    // Let the delayed requests finish on the portal side before comparing.
    await new Promise((r) => setTimeout(r, 400));
    expectConsistent(env.backend.db, 40, 30);
    const attempts = env.backend.db.select({ a: exchangeOutbox.attempts }).from(exchangeOutbox).all();
    expect(Math.max(...attempts.map((x) => x.a))).toBeGreaterThan(1);

    // More events after the storm go through cleanly.
    emitStatuses(env.backend.db, 5, 41);
    addInbound(3, 31);
    expect(await sync()).toMatchObject({ ok: true, pushed: 5, applied: 3, duplicates: 0 });
    expectConsistent(env.backend.db, 45, 33);
  });

  it('reordered and concurrent duplicated pushes: the portal applies in seq order, once', async () => {
    emitStatuses(env.backend.db, 12);
    const events = pendingOutbound(env.backend.db, 100);
    const client = new PortalClient({ baseUrl: emu.url, officeCode: OFFICE, secret: SECRET, timeoutMs: 2000 });
    try {
      const late = await client.push(events.slice(6));
      expect(late.ackSeq).toBe(0);
      expect(late.accepted).toHaveLength(6);
      expect(emu.received(OFFICE).filter((e) => e.status === 'pending')).toHaveLength(6);
      const [x, y] = await Promise.all([client.push(events.slice(0, 6)), client.push(events.slice(0, 6))]);
      expect([x.ackSeq, y.ackSeq]).toContain(12);
      expect(x.rejected.concat(y.rejected)).toEqual([]);
    } finally {
      client.close();
    }
    // The office did not see those answers: its next session re-sends and settles.
    expect(await sync()).toMatchObject({ ok: true, pushed: 12 });
    expectConsistent(env.backend.db, 12, 0);
  });

  it('the office closed and reopened between sending and the acknowledgement', async () => {
    emitStatuses(env.backend.db, 10);
    addInbound(8);
    // The portal stores the batch but the answer is lost; then the office shuts down.
    emu.faults.push({ kind: 'drop-after', route: 'push', times: 1 });
    const r1 = await sync();
    expect(r1.ok).toBe(false);
    expect(emu.received(OFFICE)).toHaveLength(7);
    env.backend.close();
    env.backend = new Backend({ dbFile: env.dbFile });
    expect(pendingOutbound(env.backend.db, 100)).toHaveLength(10);

    // Inbound: applied and cursor stored, but the ack is lost; the office shuts down again.
    emu.faults.push({ kind: 'drop-before', route: 'ack', times: 1 });
    const r2 = await sync();
    expect(r2.ok).toBe(false);
    expect(r2.applied).toBe(7);
    expect(emu.inboundAcked(OFFICE)).toBeNull();
    env.backend.close();
    env.backend = new Backend({ dbFile: env.dbFile });

    // A pull answer cut in the middle applies nothing.
    emu.faults.push({ kind: 'drop-after', route: 'pull', times: 1 });
    const r3 = await sync();
    expect(r3.ok).toBe(false);
    expect(r3.applied).toBe(0);
    expect(env.backend.db.select().from(exchangeInbox).all()).toHaveLength(7);

    await syncUntilClean();
    expectConsistent(env.backend.db, 10, 8);
  });

  it('a portal restored from a backup gets the events it lost again', async () => {
    emitStatuses(env.backend.db, 6);
    expect(await sync()).toMatchObject({ ok: true, pushed: 6 });
    emu.db.prepare("delete from received where office = ? and seq > 3").run(OFFICE);
    emu.db.prepare('update offices set ack_seq = 3 where code = ?').run(OFFICE);
    emitStatuses(env.backend.db, 2, 7);
    const r = await sync();
    expect(r.ok).toBe(true);
    expectConsistent(env.backend.db, 8, 0);
  });
});
