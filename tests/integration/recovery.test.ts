import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Backend } from '../../main/backend/backend';
import { sampleApplication, snilsFrom } from '../support/applications';
import { createEnv, userWithRoles, type TestEnv } from './helpers';

let env: TestEnv;
let reopened: Backend | null = null;
beforeEach(async () => {
  env = await createEnv();
  env.backend.backups.setPassphrase('Пароль копий 2026');
});
afterEach(() => {
  reopened?.close();
  reopened = null;
  env.cleanup();
});

describe('a damaged database at start', () => {
  it('gets the recovery answer instead of a crash, and restores the last verified backup', async () => {
    const reception = await userWithRoles(env, 'priem', ['reception']);
    for (let i = 0; i < 3; i++) await env.backend.invoke(reception, 'cases.register', sampleApplication({ applicant: { snils: snilsFrom(20 + i) } }));
    await env.backend.backups.run('manual');
    env.backend.close();
    // The disk garbles the file.
    writeFileSync(env.dbFile, Buffer.alloc(64 * 1024, 0x5a));
    for (const f of [`${env.dbFile}-wal`, `${env.dbFile}-shm`]) if (existsSync(f)) writeFileSync(f, '');

    reopened = new Backend({ dbFile: env.dbFile });
    env.backend = reopened;
    const r = await reopened.call(null, 'setup.status', {});
    expect(r.envelope).toMatchObject({ ok: false, error: { code: 'DATABASE_DAMAGED', message: expect.stringMatching(/повреждён/) } });
    const st = await reopened.invoke(null, 'recovery.status', {});
    expect(st.data).toMatchObject({ damaged: true, lastVerified: { verified: true, counts: { cases: 3 } } });

    // Not from another workstation.
    const remote = await reopened.call(null, 'recovery.restore', { confirm: true }, { source: '192.168.1.20' });
    expect(remote.envelope).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    const done = await reopened.invoke(null, 'recovery.restore', { confirm: true });
    expect(done.data.restored.counts.cases).toBe(3);
    expect((reopened.db.$client.prepare('select count(*) as n from cases').get() as { n: number }).n).toBe(3);
    expect((await reopened.invoke(null, 'setup.status', {})).data).toMatchObject({ initialized: true });
    // The damaged file is kept for examination.
    expect(readdirSync(env.dir).some((f) => f.startsWith('damaged-'))).toBe(true);
    // Once sound, the recovery window restores nothing more.
    const again = await reopened.call(null, 'recovery.restore', { confirm: true });
    expect(again.envelope).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });
});
