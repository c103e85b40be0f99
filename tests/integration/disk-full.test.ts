import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyChain } from '../../db/audit-chain';
import { sampleApplication, snilsFrom } from '../support/applications';
import { createEnv, userWithRoles, type TestEnv } from './helpers';

let env: TestEnv;
let reception: string;
beforeEach(async () => {
  env = await createEnv();
  reception = await userWithRoles(env, 'priem', ['reception']);
});
afterEach(() => env.cleanup());

const count = (t: string) => (env.backend.db.$client.prepare(`select count(*) as n from ${t}`).get() as { n: number }).n;

describe('a full disk during a write', () => {
  it('leaves the last committed state and says so plainly', async () => {
    await env.backend.invoke(reception, 'cases.register', sampleApplication({ applicant: { snils: snilsFrom(1) } }));
    const before = { cases: count('cases'), persons: count('persons'), audit: count('audit_log') };
    const raw = env.backend.db.$client;
    raw.pragma('wal_checkpoint(TRUNCATE)');
    // The disk fills up: SQLite may not grow the file by a single page (SQLITE_FULL, as on a full disk).
    const pages = raw.pragma('page_count', { simple: true }) as number;
    raw.pragma(`max_page_count = ${pages}`);
    let failed: { code: string; message: string } | null = null;
    for (let i = 0; i < 200 && !failed; i++) {
      const r = await env.backend.call(reception, 'cases.register', sampleApplication({ applicant: { snils: snilsFrom(100 + i) } }));
      if (!r.envelope.ok) failed = r.envelope.error;
    }
    expect(failed).toEqual({ code: 'INTERNAL', message: expect.stringMatching(/^На диске сервера Socdesk нет места: запись не сохранена, данные не изменены/) });
    const after = { cases: count('cases'), persons: count('persons'), audit: count('audit_log') };
    // Whatever was committed before the disk filled stays; the failed registration left nothing behind.
    expect(after.cases - before.cases).toBe(after.persons - before.persons);
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(verifyChain(raw).ok).toBe(true);
    // Space again: the office goes on.
    raw.pragma('max_page_count = 1073741823');
    await env.backend.invoke(reception, 'cases.register', sampleApplication({ applicant: { snils: snilsFrom(999) } }));
    expect(count('cases')).toBe(after.cases + 1);
  });
});
