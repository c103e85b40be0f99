/**
 * Commands run on the host computer itself, by whoever can open its data
 * folder (the server's administrator): the way in that nobody on the network
 * can block.
 */
import { eq } from 'drizzle-orm';
import { auditLog, users } from '../../db/schema';
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
      db.insert(auditLog)
        .values({ at: new Date().toISOString(), userId: null, username: null, action: 'unlock', entity: 'user', entityId: String(u.id), after: { via: 'host console' } })
        .run();
      return `Блокировка входа для «${u.username}» снята на всех рабочих местах.`;
    })
    .immediate();
}
