/** Test helpers: a Backend on a real temporary SQLite file. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Role } from '../../core/api/schemas';
import { Backend, type BackendOptions } from '../../main/backend/backend';
import { setQuiet } from '../../main/backend/logger';

setQuiet(true);

export interface TestEnv {
  backend: Backend;
  dir: string;
  dbFile: string;
  /** The administrator's session token created by first-run setup. */
  adminToken: string;
  cleanup(): void;
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'socdesk-test-'));
}

export async function createEnv(opts: Partial<BackendOptions> = {}): Promise<TestEnv> {
  const dir = tempDir();
  const dbFile = join(dir, 'socdesk.sqlite');
  // Tests move the clock by days; the idle limit is tested on its own (sessions.test.ts).
  const backend = new Backend({ dbFile, loginPolicy: { delayMs: () => 0 }, idleMinutes: 365 * 24 * 60, ...opts });
  const r = await backend.invoke(null, 'setup.init', {
    officeCode: 'khanty-mansiysk',
    username: 'admin',
    fullName: 'Администраторова Анна Сергеевна',
    position: 'Главный специалист',
    password: 'admin-pass-1',
  });
  return {
    backend,
    dir,
    dbFile,
    adminToken: r.session!.token!,
    cleanup() {
      backend.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Creates a user with the given roles and returns a signed-in token. */
export async function userWithRoles(env: TestEnv, username: string, roles: Role[], password = 'user-pass-1'): Promise<string> {
  await env.backend.invoke(env.adminToken, 'users.create', {
    username,
    fullName: `Пользователь ${username}`,
    position: 'Специалист-эксперт',
    roles,
    password,
  });
  const r = await env.backend.invoke(null, 'auth.login', { username, password });
  return r.session!.token!;
}
