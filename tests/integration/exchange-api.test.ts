/** The exchange through the API as the «Обмен» screen uses it, against the portal emulator over loopback HTTP. */
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RegisterInput } from '../../core/api/reception';
import { APPLICATION_159N } from '../../core/domain/application-159n';
import { SAMPLE_APPLICATION_159N, applicationSubmitted, contractStatus, servicesDelivered } from '../../tools/portal-emulator/samples';
import { startEmulator, type Emulator } from '../../tools/portal-emulator/server';
import { linesAfter, paragraphs, readDocx } from '../helpers/docx-xml';
import { createEnv, userWithRoles, type TestEnv } from './helpers';

const OFFICE = 'khanty-mansiysk';
const SECRET = 'api-test-secret-0123456789';
let env: TestEnv;
let emu: Emulator;
let priem: string;

beforeEach(async () => {
  env = await createEnv();
  priem = await userWithRoles(env, 'priem', ['reception']);
  emu = await startEmulator({ dbFile: join(env.dir, 'emulator.sqlite'), offices: { [OFFICE]: SECRET } });
});
afterEach(async () => {
  await emu.close();
  env.cleanup();
});

const api = async (token: string, method: string, input: unknown = {}) => {
  const r = await env.backend.call(token, method, input);
  if (!r.envelope.ok) throw new Error(`${r.envelope.error.code}: ${r.envelope.error.message}`);
  return r.envelope.data as never;
};

describe('exchange API', () => {
  it('settings are admin-only and the secret is never shown', async () => {
    await expect(api(priem, 'exchange.saveSettings', { portalUrl: emu.url, officeSecret: SECRET, intervalMinutes: 5 })).rejects.toThrow(/FORBIDDEN/);
    await api(env.adminToken, 'exchange.saveSettings', { portalUrl: emu.url, officeSecret: SECRET, intervalMinutes: 5 });
    const s = await api(priem, 'exchange.status');
    expect(s).toMatchObject({ portalUrl: emu.url, secretSet: true, intervalMinutes: 5 });
    expect(JSON.stringify(s)).not.toContain(SECRET);
    const audit = JSON.stringify((await env.backend.invoke(env.adminToken, 'audit.list', { entity: 'exchange.settings' })).data);
    expect(audit).not.toContain(SECRET);
    await expect(api(env.adminToken, 'exchange.saveSettings', { portalUrl: 'ftp://x', intervalMinutes: 5 })).rejects.toThrow(/Адрес портала/);
  });

  it('an online application arrives, is registered from the queue, and «Принято» reaches the portal; a contract shows on the case', async () => {
    await api(env.adminToken, 'exchange.saveSettings', { portalUrl: emu.url, officeSecret: SECRET, intervalMinutes: 15 });
    emu.createInbound(OFFICE, 'application.submitted', applicationSubmitted({ seed: 7, lastName: 'Онлайнова' }));
    const r1 = (await api(priem, 'exchange.syncNow')) as { ok: boolean; pulled: number };
    expect(r1).toMatchObject({ ok: true, pulled: 1 });
    const queue = (await api(priem, 'portal.applications', {})) as { id: number; applicantName: string; dueRegistration: string }[];
    expect(queue).toHaveLength(1);
    expect(queue[0].applicantName).toMatch(/Онлайнова/);

    const form = (await api(priem, 'portal.prefill', { id: queue[0].id })) as RegisterInput;
    expect(form.portalId).toBeTruthy();
    const c = (await api(priem, 'cases.register', { ...form, receivedAt: form.receivedAt })) as { id: number; journalNumber: string };
    expect((await api(priem, 'portal.applications', {})) as unknown[]).toEqual([]);

    await api(priem, 'exchange.syncNow');
    const statuses = emu.received(OFFICE).filter((e) => e.type === 'application.status').map((e) => (e.payload as { status: string }).status);
    expect(statuses).toContain('Принято');

    // The portal reports a contract and deliveries against the case's ИППСУ number: stored on the case by number.
    const db = env.backend.db.$client;
    const ippsu = { services: [{ type: 1, serviceCode: 'sb-15', name: 'Уборка жилых помещений', volume: '8 услуг', periodicity: '2 раза в месяц', term: 'до 31.12.2027' }] };
    db.prepare("insert into case_decisions(case_id, version, kind, data, status, created_at, created_by, outgoing_number) values (?, 1, 'ippsu', ?, 'signed', '2026-11-25T00:00:00Z', 1, '1/2026')").run(c.id, JSON.stringify(ippsu));
    emu.createInbound(OFFICE, 'contract.status', contractStatus({ ippsu: '1/2026', status: 'Подписан' }));
    emu.createInbound(OFFICE, 'services.delivered', servicesDelivered({ ippsu: '1/2026', items: [{ serviceCode: 'sb-15', serviceName: 'Уборка жилых помещений', quantity: 2, unit: 'услуга' }] }));
    emu.createInbound(OFFICE, 'services.delivered', servicesDelivered({ ippsu: '1/2026', from: '2026-12-01', until: '2026-12-31', items: [{ serviceCode: 'sb-15', serviceName: 'Уборка жилых помещений', quantity: 3, unit: 'услуга' }] }));
    await api(priem, 'exchange.syncNow');
    const portal = (await api(priem, 'portal.caseData', { caseId: c.id })) as { contracts: { status: string }[]; deliveries: unknown[] };
    expect(portal.contracts.map((x) => x.status)).toContain('Подписан');
    expect(portal.deliveries.length).toBeGreaterThan(0);
    // Planned vs delivered for each service of the ИППСУ.
    expect((portal as unknown as { plan: unknown[] }).plan).toEqual([{ name: 'Уборка жилых помещений', volume: '8 услуг', periodicity: '2 раза в месяц', delivered: 5, unit: 'услуга' }]);
  });

  it('an online application with the 159н fields: registered from the queue, the case keeps them and its application prints them; one without prints blank lines', async () => {
    await api(env.adminToken, 'exchange.saveSettings', { portalUrl: emu.url, officeSecret: SECRET, intervalMinutes: 15 });
    // Blank strings count as absent, as at the intake.
    const sent = { ...SAMPLE_APPLICATION_159N, household: '   ' };
    emu.createInbound(OFFICE, 'application.submitted', applicationSubmitted({ seed: 8, lastName: 'Порталова', application: sent }));
    emu.createInbound(OFFICE, 'application.submitted', applicationSubmitted({ seed: 9, lastName: 'Безполейная', application: null }));
    // Validated by the intake's schema: one whose fields break it is quarantined, not queued.
    emu.createInbound(OFFICE, 'application.submitted', applicationSubmitted({ seed: 10, lastName: 'Неверная', application: { desiredServices: 'х'.repeat(2001) } }));
    expect(await api(priem, 'exchange.syncNow')).toMatchObject({ ok: true, pulled: 3, quarantined: 1 });
    const queue = (await api(priem, 'portal.applications', {})) as { id: number; applicantName: string }[];
    const withFields = queue.find((q) => q.applicantName.startsWith('Порталова'))!;
    const without = queue.find((q) => q.applicantName.startsWith('Безполейная'))!;
    expect(queue.map((q) => q.applicantName).filter((n) => n.startsWith('Неверная'))).toEqual([]);

    // The registration form carries them; reception registers it as pre-filled.
    const form = (await api(priem, 'portal.prefill', { id: withFields.id })) as RegisterInput;
    const { household: _blank, ...kept } = SAMPLE_APPLICATION_159N;
    expect(form.application).toEqual(kept);
    const c = (await api(priem, 'cases.register', form)) as { id: number; application: unknown };
    expect(c.application).toEqual(kept);
    expect(((await api(priem, 'cases.get', { id: c.id })) as { application: unknown }).application).toEqual(kept);

    // The printed application shows each field after its label, as for one entered at the desk.
    const file = (await api(priem, 'cases.application', { id: c.id })) as { base64: string };
    const doc = readDocx(Buffer.from(file.base64, 'base64'));
    const text = paragraphs(doc).join(' ').replace(/\s+/g, ' ');
    for (const [label, value] of [
      [APPLICATION_159N.request.providers, kept.desiredProviders],
      [APPLICATION_159N.request.services, kept.desiredServices],
      [APPLICATION_159N.living.conditions, kept.livingConditions],
    ]) {
      expect(text, label).toContain(`${label}: ${value}`.replace(/\s+/g, ' '));
    }
    // The household was blank on the portal: its lines are left to complete by hand.
    expect(linesAfter(doc, `${APPLICATION_159N.living.household}:`).lines).toBeGreaterThan(0);

    // An application from a portal that sends no 159н fields registers as before, its application with blank lines.
    const plainForm = (await api(priem, 'portal.prefill', { id: without.id })) as RegisterInput;
    expect(plainForm.application).toBeUndefined();
    const plain = (await api(priem, 'cases.register', plainForm)) as { id: number; application: unknown };
    expect(plain.application).toBeNull();
    const plainDoc = readDocx(Buffer.from(((await api(priem, 'cases.application', { id: plain.id })) as { base64: string }).base64, 'base64'));
    expect(linesAfter(plainDoc, `${APPLICATION_159N.request.providers}:`).lines).toBeGreaterThan(0);
  });

  it('exports pending events; a truncated package is rejected whole with a Russian message', async () => {
    await api(env.adminToken, 'exchange.saveSettings', { portalUrl: emu.url, officeSecret: SECRET, intervalMinutes: 15 });
    // Package files carry personal data: only an administrator or a user with the «Обмен» permission moves them.
    await expect(api(priem, 'exchange.exportPackage')).rejects.toThrow(/FORBIDDEN: /);
    await expect(api(priem, 'exchange.importPackage', { fileName: 'x.json', text: '{}' })).rejects.toThrow(/FORBIDDEN: /);
    const obmen = await userWithRoles(env, 'obmen', ['reception', 'exchange']);
    const exported = (await api(obmen, 'exchange.exportPackage')) as { text: string; count: number };
    expect(exported.count).toBeGreaterThanOrEqual(0);
    await expect(api(obmen, 'exchange.importPackage', { fileName: 'x.json', text: '{"manifest":' })).rejects.toThrow(/VALIDATION: /);
  });
});
