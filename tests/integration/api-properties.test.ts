/**
 * Property-based test of the whole API on a real SQLite file: for every
 * method of the contract, fast-check generates inputs its zod schema accepts
 * (tests/support/zod-arbitrary.ts), and arbitrary JSON that it may not. No
 * call may end in INTERNAL (a 500), and every refusal must be a Russian
 * sentence: no Latin word except what the caller typed.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { methods, type MethodName } from '../../core/api/contract';
import type { Backend } from '../../main/backend/backend';
import { sampleApplication, snilsFrom } from '../support/applications';
import { arbitraryFor } from '../support/zod-arbitrary';
import { createEnv, type TestEnv } from './helpers';

/**
 * Methods that reach outside this machine, end the caller's own session, or write files wherever their input points
 * (the backup folder: a generated absolute path would put copies anywhere on the disk) are called only with fixed
 * inputs elsewhere (backups.test.ts).
 */
const SKIP: ReadonlySet<MethodName> = new Set(['exchange.syncNow', 'auth.logout', 'backups.saveSettings']);
const RUNS = Number(process.env.PROPERTY_RUNS ?? 12);

let env: TestEnv;
let token: string;
const PASSWORD = 'prop-pass-1';

async function signIn(backend: Backend): Promise<string> {
  const r = await backend.invoke(null, 'auth.login', { username: 'prop', password: PASSWORD });
  return r.session!.token!;
}

/**
 * A generated call may lock out, deactivate, strip or re-password the caller
 * (users.update, users.resetPassword on its id): put the test user back as
 * it was, directly in the file (test harness only), and sign in again.
 */
let propRow: { password_hash: string } | undefined;
async function ensureSignedIn(): Promise<void> {
  const s = await env.backend.call(token, 'auth.session', {});
  const roles = s.envelope.ok ? ((s.envelope.data as { user: { roles: string[] } } | null)?.user.roles ?? []) : [];
  if (roles.length < 4) {
    env.backend.db.$client
      .prepare("UPDATE users SET active = 1, roles = ?, failed_logins = 0, locked_until = NULL, password_hash = ? WHERE username = 'prop'")
      .run(JSON.stringify(['reception', 'specialist', 'head', 'admin']), propRow!.password_hash);
    token = await signIn(env.backend);
  }
}

/**
 * Strings typed into any call of this run may come back in a message (a
 * username, a number, an agency renamed by an earlier call): they are not the
 * program's words, so they are taken out before looking for Latin words.
 */
const typed = new Set<string>();
function remember(v: unknown): void {
  if (typeof v === 'string') {
    if (v.length > 0) typed.add(v);
  } else if (v && typeof v === 'object') for (const x of Object.values(v)) remember(x);
}

function latinWords(message: string, input: unknown): string[] {
  remember(input);
  let m = message;
  for (const s of [...typed].sort((a, b) => b.length - a.length)) if (m.includes(s)) m = m.split(s).join(' ');
  return m.match(/[A-Za-z]{2,}/g) ?? [];
}

beforeAll(async () => {
  env = await createEnv({ now: () => new Date() });
  await env.backend.invoke(env.adminToken, 'users.create', { username: 'prop', fullName: 'Проверочный Пользователь', position: 'Специалист', roles: ['reception', 'specialist', 'head', 'admin'], password: PASSWORD });
  token = await signIn(env.backend);
  propRow = env.backend.db.$client.prepare("SELECT password_hash FROM users WHERE username = 'prop'").get() as { password_hash: string };
  // A few rows for generated ids to find: cases with requests and an act.
  const receivedAt = new Date(Date.now() - 3600_000);
  for (let i = 0; i < 3; i++) {
    const at = `${receivedAt.toISOString().slice(0, 10)}T00:05`;
    const r = await env.backend.invoke(token, 'cases.register', sampleApplication({ receivedAt: at, applicant: { snils: snilsFrom(500 + i), lastName: `Проверкина${'а'.repeat(i)}` } }));
    const c = await env.backend.invoke(token, "cases.get", { id: r.data.id }).then((x) => x.data);
    const p = c.proposedRequests[0];
    if (p) await env.backend.invoke(token, 'requests.send', { caseId: c.id, agencyCode: p.agencyCode, documentKeys: p.documentKeys, subject: p.subject, channel: 'smev', outgoingNumber: `п-${i}`, sentDate: c.registeredAt.slice(0, 10) > at.slice(0, 10) ? c.registeredAt.slice(0, 10) : at.slice(0, 10) }).catch(() => {});
  }
});

afterAll(() => env?.cleanup());

const ref = (kind: string) =>
  (env.backend.db.$client.prepare('SELECT code FROM ref_items WHERE kind = ?').all(kind) as { code: string }[]).map((r) => r.code);

function hints() {
  const ids = [1, 2, 3, 4];
  return {
    byKey: {
      id: ids,
      caseId: ids,
      requestId: ids,
      decisionId: ids,
      personId: ids,
      userId: ids,
      officeCode: ref('office').slice(0, 3),
      mfcCode: ref('mfc').slice(0, 3),
      agencyCode: ref('agency'),
      subservice: ref('subservice'),
      code: [...ref('agency').slice(0, 2), ...ref('office').slice(0, 2)],
    },
  };
}

describe('every API method, on generated inputs', () => {
  const names = (Object.keys(methods) as MethodName[]).filter((m) => !SKIP.has(m));

  it.each(names)('%s: schema-valid input never gives an internal error', async (name) => {
    const schema = methods[name].input;
    const arb = arbitraryFor(schema, hints());
    await fc.assert(
      fc.asyncProperty(arb, async (input) => {
        if (process.env.PROPERTY_TRACE) console.error('GEN', name);
        fc.pre(schema.safeParse(input).success);
        remember(input);
        await ensureSignedIn();
        if (process.env.PROPERTY_TRACE) console.error('CALL', name, JSON.stringify(input).slice(0, 300));
        const r = await env.backend.call(token, name, input);
        if (process.env.PROPERTY_TRACE) console.error('DONE', name, JSON.stringify(r.envelope).slice(0, 200));
        if (!r.envelope.ok) {
          expect(r.envelope.error.code, r.envelope.error.message).not.toBe('INTERNAL');
          expect(latinWords(r.envelope.error.message, input), r.envelope.error.message).toEqual([]);
        }
      }),
      { numRuns: RUNS, endOnFailure: true },
    );
  }, 120_000);

  it.each(names)('%s: arbitrary JSON is refused in Russian, never with an internal error', async (name) => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue({ maxDepth: 4 }), async (input) => {
        await ensureSignedIn();
        const r = await env.backend.call(token, name, input);
        if (!r.envelope.ok) {
          expect(r.envelope.error.code, r.envelope.error.message).not.toBe('INTERNAL');
          expect(latinWords(r.envelope.error.message, input), r.envelope.error.message).toEqual([]);
        }
      }),
      { numRuns: 8, endOnFailure: true },
    );
  }, 60_000);
});

describe('the inputs that used to give 500', () => {
  it('refuses a draft of null, one nested 10,000 levels deep, and 100,000 document keys', async () => {
    let deep: unknown = {};
    for (let i = 0; i < 10_000; i++) deep = { a: deep };
    const cases: [MethodName, unknown][] = [
      ['drafts.save', { kind: 'intake', data: null }],
      ['drafts.save', { kind: 'intake', data: deep }],
      ['requests.send', { caseId: 1, agencyCode: 'mvd', documentKeys: Array.from({ length: 100_000 }, (_, i) => `k${i}`), subject: 'Сведения', channel: 'smev', outgoingNumber: '1', sentDate: '2026-11-25' }],
    ];
    for (const [m, input] of cases) {
      await ensureSignedIn();
      const r = await env.backend.call(token, m, input);
      expect(r.envelope.ok).toBe(false);
      if (!r.envelope.ok) {
        expect(r.envelope.error.code).toBe('VALIDATION');
        expect(r.envelope.error.message).toMatch(/^Проверьте данные\./);
      }
    }
  });
});
