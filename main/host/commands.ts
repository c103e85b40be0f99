/**
 * Commands run on the host computer itself, by whoever can open its data
 * folder (the server's administrator): the way in that nobody on the network
 * can block.
 */
import { eq } from 'drizzle-orm';
import { appendAudit } from '../../db/audit-chain';
import { users } from '../../db/schema';
import type { Backend } from '../backend/backend';
import { clearLoginLocks } from '../backend/handlers/auth';

/** `unlock <username>`: clears every sign-in lock of the user, on every workstation; recorded in the audit log. */
export function unlockUser(backend: Backend, username: string): string {
  const db = backend.db;
  return db.$client
    .transaction(() => {
      const u = db.select().from(users).where(eq(users.username, username.trim().toLowerCase())).get();
      if (!u) return `Пользователь «${username}» не найден.`;
      clearLoginLocks({ db }, u.id);
      appendAudit(db.$client, [new Date().toISOString(), null, null, 'unlock', 'user', String(u.id), null, JSON.stringify({ via: 'host console' })]);
      return `Блокировка входа для «${u.username}» снята на всех рабочих местах.`;
    })
    .immediate();
}
