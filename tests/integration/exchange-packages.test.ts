/** Exchange by package file: export → import round trip; the same package twice; damaged packages refused whole. */
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../db/connection';
import { exchangeInbox, exchangeLog, portalApplications } from '../../db/schema-exchange';
import { emitOutbound, pendingCount } from '../../main/backend/exchange/outbox';
import { exportPackage, importPackage, PackageError } from '../../main/backend/exchange/packages';
import { checkPackage } from '../../core/exchange/protocol';
import { saveExchangeSettings } from '../../main/backend/exchange/state';
import { applicationSubmitted, referenceProviders } from '../../tools/portal-emulator/samples';
import { startEmulator, type Emulator } from '../../tools/portal-emulator/server';
import { createEnv, type TestEnv } from './helpers';

const OFFICE = 'khanty-mansiysk';
const SECRET = 'package-secret-7';

let env: TestEnv;
let emu: Emulator;
let db: Db;

beforeEach(async () => {
  env = await createEnv();
  db = env.backend.db;
  emu = await startEmulator({ dbFile: join(env.dir, 'emulator.sqlite'), offices: { [OFFICE]: SECRET, surgut: 'surgut-secret' } });
  db.$client.transaction(() => saveExchangeSettings(db, { officeSecret: SECRET }))();
});
afterEach(async () => {
  await emu.close();
  env.cleanup();
});

const calendar = () => env.backend.services.calendar();
const importIt = (text: string) => importPackage(db, calendar, text);

function emitStatuses(n: number) {
  db.$client.transaction(() => {
    for (let i = 1; i <= n; i++) {
      emitOutbound(db, 'application.status', { caseId: i, journalNumber: `${i}/2026`, portalId: null, status: 'Принято', date: '2026-11-25', at: new Date().toISOString() });
    }
  })();
}

function portalPackage(n = 3): string {
  for (let i = 1; i <= n; i++) emu.createInbound(OFFICE, 'application.submitted', applicationSubmitted({ seed: 500 + i, portalId: `RPGU-${i}` }));
  emu.createInbound(OFFICE, 'reference.providers', referenceProviders());
  return emu.exportPackage(OFFICE);
}

/** Applied nothing: no inbox rows, no applications; the refusal is in the log. */
function expectNothingApplied(reason: RegExp) {
  expect(db.select().from(exchangeInbox).all()).toHaveLength(0);
  expect(db.select().from(portalApplications).all()).toHaveLength(0);
  expect(db.select().from(exchangeLog).all().at(-1)).toMatchObject({ kind: 'import', outcome: 'error' });
  expect(db.select().from(exchangeLog).all().at(-1)!.error).toMatch(reason);
}

function refusal(text: string): string {
  try {
    importIt(text);
  } catch (e) {
    expect(e).toBeInstanceOf(PackageError);
    return (e as Error).message;
  }
  throw new Error('the package was accepted');
}

describe('package files', () => {
  it('export → import round trip in both directions', async () => {
    emitStatuses(5);
    const out = exportPackage(db);
    expect(out.manifest).toMatchObject({ format: 'socdesk-exchange-package', version: 2, officeCode: OFFICE, direction: 'office-to-portal', count: 5, firstSeq: 1, lastSeq: 5 });
    expect(out.fileName).toMatch(/^socdesk-khanty-mansiysk-\d{8}-\d{6}\.sdx\.json$/);
    const res = emu.importPackage(OFFICE, out.text);
    expect(res).toMatchObject({ ackSeq: 5, rejected: [] });
    // The file carries no personal data in clear: the events are encrypted with a key from the office secret.
    expect(out.text).not.toMatch(/В работе|events/);
    const opened = checkPackage(out.text, SECRET, { officeCode: OFFICE, direction: 'office-to-portal' });
    expect(opened.ok).toBe(true);
    expect(emu.received(OFFICE).map((e) => e.id).sort()).toEqual((opened.ok ? (opened.events as { id: string }[]) : []).map((e) => e.id).sort());
    // Events stay pending until acknowledged over HTTP; importing the package again on the portal changes nothing.
    expect(pendingCount(db)).toBe(5);
    expect(emu.importPackage(OFFICE, out.text).ackSeq).toBe(5);
    expect(emu.received(OFFICE)).toHaveLength(5);

    const back = portalPackage(3);
    const r = importIt(back);
    expect(r).toMatchObject({ count: 4, applied: 4, duplicates: 0, quarantined: 0 });
    expect(db.select().from(portalApplications).all()).toHaveLength(3);
    expect(db.select().from(exchangeInbox).all().every((e) => e.via === 'package')).toBe(true);
  });

  it('the same package twice changes nothing', () => {
    const text = portalPackage(2);
    expect(importIt(text)).toMatchObject({ applied: 3 });
    const snapshot = JSON.stringify([db.select().from(exchangeInbox).all(), db.select().from(portalApplications).all()]);
    expect(importIt(text)).toMatchObject({ applied: 0, duplicates: 3 });
    expect(JSON.stringify([db.select().from(exchangeInbox).all(), db.select().from(portalApplications).all()])).toBe(snapshot);
  });

  it('a corrupted package is refused whole', () => {
    const text = portalPackage(3);
    expect(text).not.toContain('Иванова');
    // One byte of the encrypted events flipped: authentication fails, nothing is applied.
    const p = JSON.parse(text);
    const bytes = Buffer.from(p.ciphertext, 'base64');
    bytes[Math.floor(bytes.length / 2)]! ^= 0x01;
    expect(refusal(JSON.stringify({ ...p, ciphertext: bytes.toString('base64') }))).toBe('Файл повреждён: зашифрованные данные пакета изменены или обрезаны.');
    expectNothingApplied(/зашифрованные данные/);
    // The tag, or the ciphertext cut short: the same.
    expect(refusal(JSON.stringify({ ...p, tag: p.tag.replace(/^./, (c: string) => (c === '0' ? '1' : '0')) }))).toMatch(/зашифрованные данные/);
    expect(refusal(JSON.stringify({ ...p, ciphertext: p.ciphertext.slice(0, 40) }))).toMatch(/зашифрованные данные/);
    // The manifest edited (count): the signature catches it.
    expect(refusal(JSON.stringify({ ...p, manifest: { ...p.manifest, count: p.manifest.count - 1 } }))).toMatch(/Подпись пакета не совпадает/);
    expect(db.select().from(exchangeInbox).all()).toHaveLength(0);
  });

  it('a truncated package or another file is refused whole', () => {
    const text = portalPackage(3);
    for (const cut of [text.slice(0, Math.floor(text.length / 2)), text.slice(0, 10), '', 'PK\u0003\u0004 not json', '{"hello":"world"}']) {
      expect(refusal(cut)).toBe('Файл обрезан или не является пакетом обмена.');
    }
    expectNothingApplied(/обрезан/);
    const wrongVersion = JSON.parse(text);
    wrongVersion.manifest.version = 1;
    expect(refusal(JSON.stringify(wrongVersion))).toMatch(/Версия пакета 1 не поддерживается/);
  });

  it('a package for another office is refused whole, and so is one signed with another key', () => {
    emu.createInbound('surgut', 'application.submitted', applicationSubmitted({ seed: 900 }));
    expect(refusal(emu.exportPackage('surgut'))).toBe('Пакет предназначен другому управлению (код «surgut»).');
    expectNothingApplied(/другому управлению/);

    const text = portalPackage(1);
    db.$client.transaction(() => saveExchangeSettings(db, { officeSecret: 'another-key' }))();
    expect(refusal(text)).toMatch(/Подпись пакета не совпадает/);
    // The office's own export is not a portal package.
    db.$client.transaction(() => saveExchangeSettings(db, { officeSecret: SECRET }))();
    emitStatuses(1);
    expect(refusal(exportPackage(db).text)).toMatch(/пакет, выгруженный управлением/);
    expectNothingApplied(/выгруженный управлением/);
  });
});
