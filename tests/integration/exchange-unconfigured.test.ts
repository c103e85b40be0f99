/** A fresh install with no portal configured: the exchange stays quiet (no attempts, no error rows) and says so. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EXCHANGE_NOT_CONFIGURED } from '../../core/api/exchange';
import { exchangeLog } from '../../db/schema-exchange';
import { officeCodeOf } from '../../main/backend/exchange/state';
import { startEmulator, type Emulator } from '../../tools/portal-emulator/server';
import { join } from 'node:path';
import { createEnv, type TestEnv } from './helpers';

let env: TestEnv;
let emu: Emulator | null = null;

beforeEach(async () => {
  env = await createEnv();
});
afterEach(async () => {
  await env.backend.services.exchange?.stop();
  await emu?.close();
  emu = null;
  env.cleanup();
});

const logRows = () => env.backend.db.select().from(exchangeLog).all();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('exchange without a portal', () => {
  it('the scheduler makes no attempts and the status says not configured; «Обменяться сейчас» is refused calmly', async () => {
    const scheduler = env.backend.services.exchange!;
    scheduler.start(0);
    await sleep(200);
    expect(scheduler.running).toBe(false);
    expect(scheduler.nextRunAt).toBeNull();
    expect(logRows()).toEqual([]);

    const status = (await env.backend.invoke(env.adminToken, 'exchange.status', {})).data;
    expect(status).toMatchObject({ configured: false, portalUrl: null, secretSet: false, lastAttempt: null, nextRunAt: null, lastErrors: [], history: [] });

    await expect(env.backend.invoke(env.adminToken, 'exchange.syncNow', {})).rejects.toMatchObject({ code: 'CONFLICT', message: EXCHANGE_NOT_CONFIGURED });
    expect(logRows()).toEqual([]);

    // An address alone is not enough.
    await env.backend.invoke(env.adminToken, 'exchange.saveSettings', { portalUrl: 'http://127.0.0.1:9', officeSecret: '', intervalMinutes: 15 });
    expect(scheduler.nextRunAt).toBeNull();
    expect((await env.backend.invoke(env.adminToken, 'exchange.status', {})).data.configured).toBe(false);
  });

  it('once an address and the secret are saved, the idle scheduler plans a session and «Обменяться сейчас» works', async () => {
    const secret = 'test-secret-0123456789';
    const scheduler = env.backend.services.exchange!;
    scheduler.start(0);
    emu = await startEmulator({ dbFile: join(env.dir, 'emulator.sqlite'), offices: { [officeCodeOf(env.backend.db)]: secret } });
    await env.backend.invoke(env.adminToken, 'exchange.saveSettings', { portalUrl: emu.url, officeSecret: secret, intervalMinutes: 15 });
    expect(scheduler.nextRunAt!.getTime() - Date.now()).toBeGreaterThan(20_000);
    const status = (await env.backend.invoke(env.adminToken, 'exchange.status', {})).data;
    expect(status).toMatchObject({ configured: true, nextRunAt: scheduler.nextRunAt!.toISOString() });
    expect((await env.backend.invoke(env.adminToken, 'exchange.syncNow', {})).data.ok).toBe(true);
    expect(logRows().map((r) => r.outcome)).toEqual(['ok']);
  });
});
