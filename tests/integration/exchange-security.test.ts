import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../core/exchange/protocol';
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
    expect(r2.status).toBe('quarantined');
    expect(r2.reason).toBe('Календарь 2031 года указывает дату 01.01.2031 дважды с разными значениями: календарь портала не применён');
    expect(r2.reason).not.toMatch(/UNIQUE|constraint/i);
  });
});
