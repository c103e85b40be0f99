/** Exchange with the portal over real HTTP on loopback against the portal emulator, on real SQLite files. */
import { eq } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseEvent, sign, toRegisterInput, verify, type ApplicationSubmittedPayload } from '../../core/exchange/protocol';
import { providers } from '../../db/schema';
import { exchangeInbox, exchangeLog, exchangeOutbox, portalApplications, portalDeliveries } from '../../db/schema-exchange';
import { PortalClient } from '../../main/backend/exchange/client';
import { applyInboundBatch } from '../../main/backend/exchange/inbox';
import { getState, saveExchangeSettings, STATE_KEYS } from '../../main/backend/exchange/state';
import { backendSyncDeps, Scheduler, syncOnce } from '../../main/backend/exchange/sync';
import { applicationSubmitted, referenceProviders, servicesDelivered } from '../../tools/portal-emulator/samples';
import { startEmulator, type Emulator } from '../../tools/portal-emulator/server';
import { sampleApplication, snilsFrom } from '../support/applications';
import { createEnv, userWithRoles, type TestEnv } from './helpers';

const OFFICE = 'khanty-mansiysk';
const SECRET = 'test-secret-0123456789';

let env: TestEnv;
let emu: Emulator;
let priem: string;

beforeEach(async () => {
  env = await createEnv();
  priem = await userWithRoles(env, 'priem', ['reception']);
  emu = await startEmulator({ dbFile: join(env.dir, 'emulator.sqlite'), offices: { [OFFICE]: SECRET } });
  env.backend.db.$client.transaction(() => saveExchangeSettings(env.backend.db, { portalUrl: emu.url, officeSecret: SECRET, intervalMinutes: 15 }))();
});
afterEach(async () => {
  await emu.close();
  env.cleanup();
});

const sync = () => syncOnce({ ...backendSyncDeps(env.backend), timeoutMs: 3000 });

/** Registers a case; registration writes its outbox events in the same transaction. */
async function registerCase(seed: number, portalId?: string) {
  const r = await env.backend.invoke(priem, 'cases.register', sampleApplication({ applicant: { snils: snilsFrom(seed), lastName: `Тестова${'а'.repeat(seed % 5)}` }, portalId }));
  return r.data;
}

const outboxIds = () => env.backend.db.select({ id: exchangeOutbox.id }).from(exchangeOutbox).all().map((r) => r.id).sort();

describe('request signatures', () => {
  it('signs and verifies; a changed body, path or old timestamp fails', () => {
    const ts = String(Math.floor(Date.now() / 1000));
    const s = sign(SECRET, 'POST', '/v1/offices/x/outbound', ts, '{"events":[]}');
    expect(verify(SECRET, 'POST', '/v1/offices/x/outbound', ts, '{"events":[]}', s).ok).toBe(true);
    expect(verify(SECRET, 'POST', '/v1/offices/x/outbound', ts, '{"events":[1]}', s).ok).toBe(false);
    expect(verify(SECRET, 'POST', '/v1/offices/y/outbound', ts, '{"events":[]}', s).ok).toBe(false);
    expect(verify('other', 'POST', '/v1/offices/x/outbound', ts, '{"events":[]}', s).ok).toBe(false);
    const old = String(Math.floor(Date.now() / 1000) - 3600);
    expect(verify(SECRET, 'POST', '/p', old, '', sign(SECRET, 'POST', '/p', old, '')).ok).toBe(false);
  });

  it('the portal refuses a wrong secret with 401 and nothing is stored', async () => {
    await registerCase(1);
    env.backend.db.$client.transaction(() => saveExchangeSettings(env.backend.db, { officeSecret: 'wrong' }))();
    const r = await sync();
    expect(r.ok).toBe(false);
    expect(r.errors[0]).toMatch(/подпись/);
    expect(emu.received(OFFICE)).toHaveLength(0);
    expect(emu.stats.unauthorized).toBe(1);
  });
});

describe('push and pull', () => {
  it('round trip: outbound events reach the portal, inbound ones are applied, both sides agree', async () => {
    await registerCase(1);
    await registerCase(2);
    const a1 = emu.createInbound(OFFICE, 'application.submitted', applicationSubmitted({ seed: 11, lastName: 'Петрова' }));
    emu.createInbound(OFFICE, 'application.submitted', applicationSubmitted({ seed: 12, channel: 'regional_portal' }));
    emu.createInbound(OFFICE, 'reference.providers', referenceProviders());

    const r = await sync();
    expect(r.errors).toEqual([]);
    expect(r).toMatchObject({ ok: true, pushed: 4, pulled: 3, applied: 3, quarantined: 0, pendingOutbound: 0 });

    const got = emu.received(OFFICE);
    expect(got.map((e) => e.id).sort()).toEqual(outboxIds());
    expect(got.map((e) => e.seq)).toEqual([1, 2, 3, 4]);
    expect(got.every((e) => e.status === 'applied')).toBe(true);
    expect(got.map((e) => e.type)).toEqual(['application.registered', 'application.status', 'application.registered', 'application.status']);
    expect((got[1].payload as { status: string }).status).toBe('Принято');
    expect(emu.ackSeq(OFFICE)).toBe(4);

    const db = env.backend.db;
    const queue = db.select().from(portalApplications).all();
    expect(queue.map((q) => q.applicantName)).toContain('Петрова Мария Ивановна');
    // p.35: 1 working day after receipt on Wed 25.11.2026 → Thu 26.11.2026.
    expect(queue[0].dueRegistration).toBe('2026-11-26');
    expect(db.select().from(providers).all().some((p) => p.name.includes('Сургутский'))).toBe(true);
    expect(getState(db, STATE_KEYS.inboundCursor)).toBe('3');
    expect(emu.inboundAcked(OFFICE)).toBe('3');
    expect(getState(db, STATE_KEYS.lastSuccess)).not.toBeNull();
    expect(db.select().from(exchangeLog).all().at(-1)).toMatchObject({ kind: 'sync', outcome: 'ok', pushed: 4, pulled: 3 });

    // The online application becomes the registration form; registering it links the queue row to the case.
    const input = toRegisterInput(a1.payload as ApplicationSubmittedPayload);
    expect(input).toMatchObject({ channel: 'epgu', portalId: (a1.payload as { portalId: string }).portalId });
    const reg = await env.backend.invoke(priem, 'cases.register', input);
    expect(db.select().from(portalApplications).where(eq(portalApplications.portalId, String(input.portalId))).get()!.caseId).toBe(reg.data.id);

    const r2 = await sync();
    expect(r2).toMatchObject({ ok: true, pushed: 2, pulled: 0 });
    const regEvent = emu.received(OFFICE).find((e) => e.type === 'application.registered' && (e.payload as { portalId: string | null }).portalId === input.portalId);
    expect(regEvent).toBeDefined();
  });

  it('re-pushing acknowledged events changes nothing on the portal', async () => {
    await registerCase(1);
    await registerCase(2);
    await sync();
    const before = emu.received(OFFICE);
    env.backend.db.$client.prepare('update exchange_outbox set acked_at = null').run();
    const r = await sync();
    expect(r).toMatchObject({ ok: true, pushed: 4, pendingOutbound: 0 });
    expect(emu.received(OFFICE)).toEqual(before);
    expect(emu.ackSeq(OFFICE)).toBe(4);
    // And the same batch pushed by hand twice: the same answer.
    const client = new PortalClient({ baseUrl: emu.url, officeCode: OFFICE, secret: SECRET });
    const events = env.backend.db.select().from(exchangeOutbox).all().map((o) => ({ id: o.id, seq: o.seq, type: o.type, schemaVersion: o.schemaVersion, occurredAt: o.createdAt, payload: o.payload }));
    const [x, y] = [await client.push(events), await client.push(events)];
    client.close();
    expect(x).toEqual(y);
    expect(x.ackSeq).toBe(4);
    expect(x.accepted.sort()).toEqual(outboxIds());
    expect(emu.received(OFFICE)).toEqual(before);
  });

  it('a bad inbound event is quarantined with its reason while the rest apply', async () => {
    const good1 = emu.createInbound(OFFICE, 'application.submitted', applicationSubmitted({ seed: 21 }));
    const bad = emu.createInbound(OFFICE, 'application.submitted', { ...applicationSubmitted({ seed: 22 }), applicant: { lastName: 'Без данных' } });
    const unknown = emu.createInbound(OFFICE, 'portal.weather', { sunny: true });
    const badVersion = emu.createInbound(OFFICE, 'reference.providers', referenceProviders(), { schemaVersion: 7 });
    const actWithoutDeliveries = emu.createInbound(OFFICE, 'services.act_signed', { ippsuNumber: '99/2026', signedAt: new Date().toISOString() });
    const good2 = emu.createInbound(OFFICE, 'reference.providers', referenceProviders());

    const r = await sync();
    expect(r).toMatchObject({ ok: true, pulled: 6, applied: 2, quarantined: 4 });
    const inbox = env.backend.db.select().from(exchangeInbox).all();
    const byId = new Map(inbox.map((i) => [i.id, i]));
    expect(byId.get(good1.id)!.status).toBe('applied');
    expect(byId.get(good2.id)!.status).toBe('applied');
    expect(byId.get(bad.id)).toMatchObject({ status: 'quarantined' });
    expect(byId.get(bad.id)!.error).toMatch(/applicant/);
    expect(byId.get(unknown.id)!.error).toBe('Неизвестный тип события «portal.weather»');
    expect(byId.get(badVersion.id)!.error).toMatch(/Версия схемы события 7/);
    expect(byId.get(actWithoutDeliveries.id)!.error).toMatch(/нет сведений об оказанных услугах/);
    expect(env.backend.db.select().from(portalApplications).all()).toHaveLength(1);
    expect(getState(env.backend.db, STATE_KEYS.inboundCursor)).toBe('6');
    // Quarantined events are not pulled again.
    expect(await sync()).toMatchObject({ ok: true, pulled: 0 });
  });

  it('an event whose effect fails half-way leaves none of its rows, and the events after it apply', async () => {
    const db = env.backend.db;
    const ev = (seq: number, type: string, payload: Record<string, unknown>) => ({ id: randomUUID(), seq, type, schemaVersion: 1, occurredAt: new Date().toISOString(), payload });
    const items = [
      { serviceName: 'Уборка жилых помещений', quantity: 4 },
      { serviceName: 'Сбой записи', quantity: 1 },
    ];
    const events = [ev(1, 'services.delivered', servicesDelivered({ ippsu: '7/2026', items })), ev(2, 'application.submitted', applicationSubmitted({ seed: 41 }))];
    // The second delivery row fails in the database after the first was written.
    db.$client.exec(`create trigger fail_delivery before insert on portal_deliveries when new.service_name = 'Сбой записи' begin select raise(abort, 'write failed'); end`);
    const results = applyInboundBatch(db, () => env.backend.services.calendar(), events, '2');
    expect(results.map((r) => r.status)).toEqual(['quarantined', 'applied']);
    expect(db.select().from(portalDeliveries).all()).toHaveLength(0);
    expect(db.select().from(portalApplications).all()).toHaveLength(1);
    expect(db.select().from(exchangeInbox).where(eq(exchangeInbox.id, events[0].id)).get()).toMatchObject({ status: 'quarantined', error: expect.stringMatching(/ошибки программы/) });
    expect(getState(db, STATE_KEYS.inboundCursor)).toBe('2');
    // Applied once: the same page again changes nothing.
    expect(applyInboundBatch(db, () => env.backend.services.calendar(), events, '2').map((r) => r.status)).toEqual(['duplicate', 'duplicate']);
    expect(db.select().from(portalApplications).all()).toHaveLength(1);
  });

  it('the cursor is saved in the same transaction as the events it covers', async () => {
    const db = env.backend.db;
    const e1 = emu.createInbound(OFFICE, 'application.submitted', applicationSubmitted({ seed: 31 }));
    const e2 = emu.createInbound(OFFICE, 'application.submitted', applicationSubmitted({ seed: 32 }));
    // Make saving the cursor fail: the events applied before it must roll back with it.
    db.$client.exec(`create trigger fail_cursor before insert on exchange_state when new.key = 'inbound_cursor' begin select raise(abort, 'disk full'); end`);
    expect(() => applyInboundBatch(db, () => env.backend.services.calendar(), [e1, e2], '2')).toThrow(/disk full/);
    expect(db.select().from(exchangeInbox).all()).toHaveLength(0);
    expect(db.select().from(portalApplications).all()).toHaveLength(0);
    expect(getState(db, STATE_KEYS.inboundCursor)).toBeNull();

    const failed = await sync();
    expect(failed.ok).toBe(false);
    expect(db.select().from(exchangeInbox).all()).toHaveLength(0);
    expect(emu.inboundAcked(OFFICE)).toBeNull();

    db.$client.exec('drop trigger fail_cursor');
    const r = await sync();
    expect(r).toMatchObject({ ok: true, applied: 2 });
    expect(getState(db, STATE_KEYS.inboundCursor)).toBe('2');
    expect(db.select().from(portalApplications).all()).toHaveLength(2);
  });

  it('outbound payloads built from real cases match the protocol', async () => {
    await registerCase(3);
    for (const o of env.backend.db.select().from(exchangeOutbox).all()) {
      const p = parseEvent({ id: o.id, seq: o.seq, type: o.type, schemaVersion: o.schemaVersion, occurredAt: o.createdAt, payload: o.payload }, 'outbound');
      expect(p.ok, p.ok ? '' : p.reason).toBe(true);
    }
  });
});

describe('scheduler', () => {
  it('runs on demand, never two at once, backs off after failures and stops', async () => {
    await registerCase(1);
    let runs = 0;
    let concurrent = 0;
    let maxConcurrent = 0;
    const s = new Scheduler({
      run: async () => {
        runs++;
        concurrent++;
        maxConcurrent = Math.max(maxConcurrent, concurrent);
        try {
          return await sync();
        } finally {
          concurrent--;
        }
      },
      intervalMs: () => 60_000,
      backoffBaseMs: 1000,
      backoffMaxMs: 8000,
      random: () => 1,
    });
    s.start(60_000);
    const [a, b] = await Promise.all([s.syncNow(), s.syncNow()]);
    expect(a).toBe(b);
    expect(runs).toBe(1);
    expect(maxConcurrent).toBe(1);
    expect(a.ok).toBe(true);

    await emu.close();
    const f1 = await s.syncNow();
    expect(f1.ok).toBe(false);
    expect(s.failures).toBe(1);
    expect(s.delayAfter(f1)).toBe(1000);
    await s.syncNow();
    await s.syncNow();
    expect(s.failures).toBe(3);
    expect(s.delayAfter(f1)).toBe(4000);
    s.failures = 10;
    expect(s.delayAfter(f1)).toBe(8000);
    await s.stop();
    expect(s.nextRunAt).toBeNull();
    emu = await startEmulator({ dbFile: join(env.dir, 'emulator.sqlite'), offices: { [OFFICE]: SECRET } });
  });
});
