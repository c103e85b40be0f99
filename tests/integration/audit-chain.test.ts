import Database from 'better-sqlite3';
import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendAudit, chainHead, verifyChain } from '../../db/audit-chain';
import { auditVerifyCommand } from '../../main/host/data-commands';
import { sampleApplication, snilsFrom } from '../support/applications';
import { createEnv, userWithRoles, type TestEnv } from './helpers';

let env: TestEnv;
beforeEach(async () => {
  env = await createEnv();
  const reception = await userWithRoles(env, 'priem', ['reception']);
  for (let i = 0; i < 3; i++) await env.backend.invoke(reception, 'cases.register', sampleApplication({ applicant: { snils: snilsFrom(10 + i) } }));
});
afterEach(() => env.cleanup());

const root = join(__dirname, '..', '..');
const lines = () => {
  const out: string[] = [];
  return { out, print: (l: string) => out.push(l) };
};

describe('the audit chain', () => {
  it('every write extends the chain; verification reports the count and head', async () => {
    const raw = env.backend.db.$client;
    const v = verifyChain(raw);
    const n = (raw.prepare('select count(*) as n from audit_log').get() as { n: number }).n;
    expect(v).toEqual({ ok: true, count: n, head: chainHead(raw).head, lastId: chainHead(raw).lastId });
    expect(n).toBeGreaterThan(4);
    const r = await env.backend.invoke(env.adminToken, 'audit.verify', {});
    expect(r.data).toMatchObject({ ok: true, count: n, head: chainHead(raw).head, brokenId: null });
  });

  it('UPDATE and DELETE on the audit table fail in the file itself; a row without its hash is refused', () => {
    const raw = new Database(env.dbFile);
    expect(() => raw.prepare("update audit_log set action = 'x' where id = 2").run()).toThrow(/append-only/);
    expect(() => raw.prepare('update audit_log set hash = null where id = 2').run()).toThrow(/append-only/);
    expect(() => raw.prepare('delete from audit_log where id = 2').run()).toThrow(/append-only/);
    expect(() => raw.prepare('delete from audit_log').run()).toThrow(/append-only/);
    expect(() => raw.prepare("insert into audit_log(at, action, entity) values ('2026-01-01', 'x', 'y')").run()).toThrow(/hash required/);
    raw.close();
    expect(verifyChain(env.backend.db.$client).ok).toBe(true);
  });

  it('a row edited with the sqlite3 command line is named by audit:verify', () => {
    const ok = lines();
    expect(auditVerifyCommand({ dataDir: env.dir, print: ok.print })).toBe(0);
    expect(ok.out[0]).toMatch(/^Журнал аудита цел: \d+ записей/);
    // Someone with the file drops the trigger and rewrites history.
    execFileSync('sqlite3', [env.dbFile, "DROP TRIGGER audit_log_no_update; UPDATE audit_log SET after = '{\"note\":\"подделка\"}' WHERE id = 4;"]);
    const res = spawnSync(process.execPath, [join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(root, 'main', 'server.ts'), 'audit-verify', '--data-dir', env.dir], { encoding: 'utf8' });
    expect(res.status).toBe(2);
    expect(res.stdout).toMatch(/Журнал аудита нарушен: запись № 4 /);
  });

  it('a deleted row breaks the link of the next one', () => {
    execFileSync('sqlite3', [env.dbFile, 'DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE id = 3;']);
    const v = lines();
    expect(auditVerifyCommand({ dataDir: env.dir, print: v.print })).toBe(2);
    expect(v.out[0]).toMatch(/запись № 4 /);
  });

  it('verifies rows of any content across many read chunks, and still names one edited far down the chain', () => {
    const raw = env.backend.db.$client;
    // Text that JSON writers escape differently: control characters, line separators, quotes, backslashes, emoji.
    const awkward = ['\u0007\b\f\u001f', 'строка\u2028абзац\u2029', 'кавычка " и \\ обратная', '😀 эмодзи', '</script>', ''];
    raw.transaction(() => {
      for (let i = 0; i < 12_000; i++) {
        const note = awkward[i % awkward.length];
        appendAudit(raw, [new Date(1.7e12 + i * 1000).toISOString(), i % 3 ? 1 : null, i % 5 ? note : null, 'update', 'case', String(i), JSON.stringify({ note }), note]);
      }
    })();
    const n = (raw.prepare('select count(*) as n from audit_log').get() as { n: number }).n;
    expect(verifyChain(raw)).toEqual({ ok: true, count: n, head: chainHead(raw).head, lastId: chainHead(raw).lastId });

    const victim = n - 4000;
    execFileSync('sqlite3', [env.dbFile, `DROP TRIGGER audit_log_no_update; UPDATE audit_log SET entity_id = 'подмена' WHERE id = ${victim};`]);
    expect(verifyChain(raw)).toMatchObject({ ok: false, brokenId: victim, reason: 'content', checked: victim - 1 });
  });

  it('a failed sign-in with an unknown name keeps no typed name', async () => {
    const typed = 'Секретный-Пароль-в-поле-имени-7';
    await expect(env.backend.invoke(null, 'auth.login', { username: typed, password: 'x' })).rejects.toThrow();
    const rows = env.backend.db.$client.prepare('select * from audit_log').all();
    expect(JSON.stringify(rows)).not.toContain('Секретный');
    const last = env.backend.db.$client.prepare("select username, after from audit_log where action = 'auth.login_failed' order by id desc limit 1").get() as { username: string | null; after: string };
    expect(last.username).toBeNull();
    expect(JSON.parse(last.after)).toMatchObject({ reason: 'unknown_user' });
  });
});
