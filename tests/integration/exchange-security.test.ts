import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emitOutbound } from '../../main/backend/exchange/outbox';
import { getState, saveExchangeSettings, STATE_KEYS } from '../../main/backend/exchange/state';
import { backendSyncDeps, syncOnce } from '../../main/backend/exchange/sync';
import { applicationSubmitted } from '../../tools/portal-emulator/samples';
import { startEmulator } from '../../tools/portal-emulator/server';
import { SCHEMA_VERSION } from '../../core/exchange/protocol';
import { chainHead } from '../../db/audit-chain';
import { PortalClient } from '../../main/backend/exchange/client';
import { applyInbound } from '../../main/backend/exchange/inbox';
import { createEnv, type TestEnv } from './helpers';

let env: TestEnv;
beforeEach(async () => {
  env = await createEnv();
});
afterEach(() => env.cleanup());

const calendarEvent = (days: { date: string; kind: 'holiday' | 'dayoff' | 'workday' }[], seq = 1) => ({
  id: randomUUID(),
  seq,
  type: 'reference.calendar',
  schemaVersion: SCHEMA_VERSION,
  occurredAt: '2026-11-25T06:00:00.000Z',
  payload: { year: 2031, source: 'Постановление Правительства РФ', confirmed: true, days },
});

describe('exchange security', () => {
  it('only https:// to the portal; plain http:// only to this computer', async () => {
    const save = (portalUrl: string) => env.backend.call(env.adminToken, 'exchange.saveSettings', { portalUrl, officeSecret: 'секрет-обмена', intervalMinutes: 15 });
    const refused = await save('http://portal.example.ru/');
    expect(refused.envelope).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { portalUrl: expect.stringMatching(/https:\/\//) } } });
    for (const ok of ['https://portal.example.ru/', 'http://127.0.0.1:8480/', 'http://localhost:8480', 'http://[::1]:8480/']) {
      expect((await save(ok)).envelope.ok, ok).toBe(true);
    }
    expect(() => new PortalClient({ baseUrl: 'http://10.0.0.5:8480/', officeCode: 'surgut', secret: 's' })).toThrow(/https:\/\//);
  });

  it('a calendar listing one date twice alike applies; twice differently is quarantined with a Russian sentence', () => {
    const day = { date: '2031-01-01', kind: 'holiday' as const };
    const r1 = applyInbound(env.backend.db, () => env.backend.services.calendar(), calendarEvent([day, day, { date: '2031-01-02', kind: 'holiday' }]));
    expect(r1).toMatchObject({ status: 'applied' });
    expect(env.backend.db.$client.prepare("select count(*) as n from calendar_days where year = 2031").get()).toEqual({ n: 2 });

    const r2 = applyInbound(env.backend.db, () => env.backend.services.calendar(), calendarEvent([day, { date: '2031-01-01', kind: 'workday' }], 2));
    expect(r2).toEqual({ id: expect.any(String), status: 'quarantined', reason: 'Календарь 2031 года указывает дату 01.01.2031 дважды с разными значениями: календарь портала не применён' });
  });

  it('the real (signing) portal exchanges, and holds the office\'s audit-chain head from the push', async () => {
    const emu = await startEmulator({ dbFile: join(env.dir, 'portal.sqlite'), offices: { 'khanty-mansiysk': 'секрет-42' } });
    try {
      const db = env.backend.db;
      db.$client.transaction(() => {
        saveExchangeSettings(db, { portalUrl: emu.url, officeSecret: 'секрет-42' });
        emitOutbound(db, 'application.status', { caseId: 1, journalNumber: '1/2026', portalId: null, status: 'В работе', date: '2026-11-25', at: new Date().toISOString() });
      })();
      emu.createInbound('khanty-mansiysk', 'application.submitted', applicationSubmitted({ seed: 77, portalId: 'EPGU-OK-1' }));
      const head = chainHead(db.$client);
      const r = await syncOnce({ ...backendSyncDeps(env.backend), timeoutMs: 2000 });
      expect(r).toMatchObject({ ok: true, pushed: 1, applied: 1 });
      expect(emu.auditHead('khanty-mansiysk')).toEqual({ count: head.count, head: head.head });
    } finally {
      await emu.close();
    }
  });

  // A fake portal on loopback: it does not sign, signs wrongly, or jumps the cursor / acknowledgement. Nothing changes.
  for (const fake of [{ replySigning: 'off' as const }, { replySigning: 'wrong' as const }, { cursorJump: 9_000_000 }]) {
    it(`a portal that ${fake.cursorJump ? 'jumps the cursor and the acknowledgement' : fake.replySigning === 'off' ? 'does not sign its replies' : 'signs its replies wrongly'} changes nothing`, async () => {
      const emu = await startEmulator({ dbFile: join(env.dir, 'fake-portal.sqlite'), offices: { 'khanty-mansiysk': 'секрет-42' }, ...fake });
      try {
        const db = env.backend.db;
        db.$client.transaction(() => {
          saveExchangeSettings(db, { portalUrl: emu.url, officeSecret: 'секрет-42' });
          for (let i = 1; i <= 4; i++) emitOutbound(db, 'application.status', { caseId: i, journalNumber: `${i}/2026`, portalId: null, status: 'В работе', date: '2026-11-25', at: new Date().toISOString() });
        })();
        for (let i = 1; i <= 3; i++) emu.createInbound('khanty-mansiysk', 'application.submitted', applicationSubmitted({ seed: 300 + i, portalId: `EPGU-S-${i}` }));
        const count = (sql: string) => (db.$client.prepare(sql).get() as { n: number }).n;
        const r = await syncOnce({ ...backendSyncDeps(env.backend), timeoutMs: 2000 });
        expect(r.ok).toBe(false);
        expect(r.errors.join(' ')).toMatch(fake.cursorJump ? /ответ отклонён, ничего не/ : fake.replySigning === 'off' ? /Ответ портала не подписан/ : /Подпись ответа портала неверна/);
        // Nothing acknowledged, nothing applied, the cursor where it was.
        expect(count('select count(*) as n from exchange_outbox where acked_at is not null')).toBe(0);
        expect(count('select count(*) as n from exchange_inbox')).toBe(0);
        expect(count('select count(*) as n from portal_applications')).toBe(0);
        expect(getState(db, STATE_KEYS.inboundCursor)).toBeNull();
      } finally {
        await emu.close();
      }
    });
  }
});
