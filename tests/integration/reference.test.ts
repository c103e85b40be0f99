import { and, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../core/api/errors';
import { refItems, calendarYears } from '../../db/schema';
import { seedReferenceData } from '../../main/backend/refdata';
import { createEnv, userWithRoles, type TestEnv } from './helpers';

let env: TestEnv;
beforeEach(async () => {
  env = await createEnv();
});
afterEach(() => env.cleanup());

describe('reference data', () => {
  it('is loaded on first run', async () => {
    const t = await userWithRoles(env, 'reception1', ['reception']);
    const count = async (kind: 'office' | 'mfc' | 'agency' | 'subservice') => (await env.backend.invoke(t, 'ref.list', { kind })).data.length;
    expect(await count('office')).toBe(15);
    expect(await count('mfc')).toBe(21);
    expect(await count('subservice')).toBe(5);
    expect(await count('agency')).toBeGreaterThan(3);
    const years = (await env.backend.invoke(t, 'calendar.years', {})).data;
    expect(years.map((y) => y.year)).toEqual(Array.from({ length: 13 }, (_, i) => 2015 + i));
    expect(years.find((y) => y.year === 2025)?.workingDays).toBe(247);
    expect(years.find((y) => y.year === 2026)?.workingDays).toBe(247);
  });

  it('a fresh install lists a starter set of providers, marked unconfirmed and editable; a register the administrator edited is not refilled', async () => {
    const t = await userWithRoles(env, 'reception1', ['reception']);
    const list = (await env.backend.invoke(t, 'providers.list', {})).data;
    expect(list.length).toBe(3);
    for (const p of list) {
      expect(p.name).toMatch(/\(не подтверждено\)$/);
      expect(p.forms.length).toBeGreaterThan(0);
      expect(p.active).toBe(true);
    }
    expect(list.flatMap((p) => p.forms).sort()).toEqual(['home', 'semi-stationary', 'semi-stationary', 'stationary']);
    const first = list[0];
    const saved = (
      await env.backend.invoke(env.adminToken, 'providers.save', { id: first.id, rev: first.rev, name: 'КЦСОН «Радуга»', address: 'г. Сургут, ул. Мира, 1', forms: ['home'], serviceCodes: first.serviceCodes })
    ).data;
    expect(saved.name).toBe('КЦСОН «Радуга»');
    seedReferenceData(env.backend.db);
    const again = (await env.backend.invoke(t, 'providers.list', {})).data;
    expect(again.length).toBe(3);
    expect(again.filter((p) => p.name.endsWith('(не подтверждено)')).length).toBe(2);
  });

  it('a second start changes nothing', () => {
    expect(seedReferenceData(env.backend.db)).toEqual({ inserted: 0, updated: 0, keptLocal: 0 });
  });

  it('an upgrade refreshes untouched records and keeps local edits', async () => {
    const mfc = (await env.backend.invoke(env.adminToken, 'ref.list', { kind: 'mfc' })).data;
    const [edited, untouched] = mfc;
    await env.backend.invoke(env.adminToken, 'ref.update', {
      kind: 'mfc',
      code: edited.code,
      rev: edited.rev,
      name: edited.name,
      address: edited.address ?? undefined,
      phone: '8 (3467) 00-00-00',
      email: edited.email ?? undefined,
      active: true,
    });
    // Simulate an older seed: both records carry a stale hash and stale text.
    for (const code of [edited.code, untouched.code]) {
      env.backend.db
        .update(refItems)
        .set({ seedHash: 'old', address: 'старый адрес' })
        .where(and(eq(refItems.kind, 'mfc'), eq(refItems.code, code)))
        .run();
    }
    const report = seedReferenceData(env.backend.db);
    expect(report).toMatchObject({ updated: 1, keptLocal: 1 });
    const after = (await env.backend.invoke(env.adminToken, 'ref.list', { kind: 'mfc' })).data;
    expect(after.find((r) => r.code === untouched.code)?.address).toBe(untouched.address);
    const kept = after.find((r) => r.code === edited.code)!;
    expect(kept.phone).toBe('8 (3467) 00-00-00');
    expect(kept.locallyModified).toBe(true);
  });

  it('only an administrator edits reference data', async () => {
    const t = await userWithRoles(env, 'spec', ['specialist']);
    await expect(
      env.backend.invoke(t, 'ref.update', { kind: 'mfc', code: 'mfc-01', rev: 1, name: 'X', active: true }),
    ).rejects.toThrow(ApiError);
  });
});

describe('production calendar administration', () => {
  it('adds the next year from its decree', async () => {
    const r = await env.backend.invoke(env.adminToken, 'calendar.saveYear', {
      year: 2028,
      rev: 0,
      source: 'ПП РФ (тестовое)',
      days: [
        { date: '2028-01-03', kind: 'holiday' },
        { date: '2028-03-08', kind: 'holiday' },
        { date: '2028-03-11', kind: 'workday', note: 'перенос' },
      ],
    });
    expect(r.data.year).toBe(2028);
    // 2028: 260 weekdays; minus two weekday holidays, plus a working Saturday.
    expect(r.data.workingDays).toBe(259);
    expect(env.backend.services.calendar().isWorkingDay('2028-03-11')).toBe(true);
    const y = (await env.backend.invoke(env.adminToken, 'calendar.year', { year: 2028 })).data;
    expect(y.days).toHaveLength(3);
    // The administrator's year survives the next reference load.
    seedReferenceData(env.backend.db);
    expect(env.backend.db.select().from(calendarYears).where(eq(calendarYears.year, 2028)).get()?.locallyModified).toBe(true);
  });

  it('rejects impossible days and changes nothing', async () => {
    const before = (await env.backend.invoke(env.adminToken, 'calendar.year', { year: 2026 })).data;
    const r = await env.backend.call(env.adminToken, 'calendar.saveYear', {
      year: 2026,
      rev: before.year.rev,
      source: 'ошибка',
      days: [
        { date: '2026-03-10', kind: 'workday' },
        { date: '2027-01-01', kind: 'holiday' },
      ],
    });
    expect(r.envelope).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { 'days.0.kind': expect.any(String), 'days.1.date': expect.any(String) } } });
    expect((await env.backend.invoke(env.adminToken, 'calendar.year', { year: 2026 })).data).toEqual(before);
  });
});
