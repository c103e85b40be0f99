/**
 * Sessions on every workstation: opening, resolving a token (lifetime, the
 * office's idle limit, the user still active), activity, and ending them —
 * one, all of a user's but the caller's, or those from one workstation.
 */
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, lt, ne, or } from 'drizzle-orm';
import type { Db } from '../../db/connection';
import { sessions, users } from '../../db/schema';
import type { CurrentUser } from './context';
import { getSetting, setSetting } from './views';

export const IDLE_SETTING = 'session_idle_minutes';
export const DEFAULT_IDLE_MINUTES = 30;

/** Where a call comes from, as the transport knows it. */
export interface CallSource {
  /** The workstation's address ('local': this computer's own window). */
  source: string;
  /** The name the workstation's Socdesk reports, if any (informational). */
  workstation?: string | null;
}

export const LOCAL_SOURCE: CallSource = { source: 'local', workstation: null };

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export interface ResolvedSession {
  id: number;
  user: CurrentUser;
  lastActivityAt: string;
}

export class SessionStore {
  private idle: number | null = null;

  constructor(
    private readonly db: Db,
    private readonly now: () => Date,
    private readonly lifetimeHours: number,
    private readonly defaultIdle = DEFAULT_IDLE_MINUTES,
  ) {}

  idleMinutes(): number {
    if (this.idle == null) {
      const v = Number(getSetting(this.db, IDLE_SETTING));
      this.idle = Number.isInteger(v) && v > 0 ? v : this.defaultIdle;
    }
    return this.idle;
  }

  /** Stores the office's idle limit; call inside the caller's transaction. */
  setIdleMinutes(minutes: number): void {
    setSetting(this.db, IDLE_SETTING, String(minutes));
    this.idle = minutes;
  }

  /** Opens a session; returns the token (given to the transport, never stored) and its expiry. */
  start(userId: number, from: CallSource): { token: string; expiresAt: string; id: number } {
    const token = randomBytes(32).toString('base64url');
    const at = this.now();
    const expiresAt = new Date(at.getTime() + this.lifetimeHours * 3600_000).toISOString();
    const row = this.db
      .insert(sessions)
      .values({
        tokenHash: hashToken(token),
        userId,
        createdAt: at.toISOString(),
        expiresAt,
        lastActivityAt: at.toISOString(),
        source: from.source,
        workstation: from.workstation ?? null,
      })
      .returning({ id: sessions.id })
      .get();
    return { token, expiresAt, id: row.id };
  }

  /** The session behind a token, or null (and the row removed) when it has expired, gone idle or its user was deactivated. */
  resolve(token: string | null): ResolvedSession | null {
    if (!token) return null;
    const row = this.db
      .select({ user: users, id: sessions.id, expiresAt: sessions.expiresAt, lastActivityAt: sessions.lastActivityAt })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(eq(sessions.tokenHash, hashToken(token)))
      .get();
    if (!row) return null;
    const now = this.now();
    const idleSince = new Date(now.getTime() - this.idleMinutes() * 60_000).toISOString();
    if (row.expiresAt <= now.toISOString() || row.lastActivityAt <= idleSince || !row.user.active) {
      this.db.delete(sessions).where(eq(sessions.id, row.id)).run();
      return null;
    }
    const u = row.user;
    return {
      id: row.id,
      lastActivityAt: row.lastActivityAt,
      user: { id: u.id, username: u.username, fullName: u.fullName, position: u.position, roles: u.roles },
    };
  }

  /** The user is at the workstation: the idle limit counts from now. */
  touch(sessionId: number): string {
    const at = this.now().toISOString();
    this.db.update(sessions).set({ lastActivityAt: at }).where(eq(sessions.id, sessionId)).run();
    return at;
  }

  idleDeadline(lastActivityAt: string): string {
    return new Date(Date.parse(lastActivityAt) + this.idleMinutes() * 60_000).toISOString();
  }

  end(sessionId: number): void {
    this.db.delete(sessions).where(eq(sessions.id, sessionId)).run();
  }

  /** Ends every session of the user except `keep` (the caller's own, when they changed their own password). */
  endAllOf(userId: number, keep: number | null = null): number {
    const cond = keep == null ? eq(sessions.userId, userId) : and(eq(sessions.userId, userId), ne(sessions.id, keep));
    return this.db.delete(sessions).where(cond).run().changes;
  }

  /** Ends the user's sessions opened from one workstation. */
  endFrom(userId: number, source: string): number {
    return this.db.delete(sessions).where(and(eq(sessions.userId, userId), eq(sessions.source, source))).run().changes;
  }

  /** Removes expired and idle sessions (at start and from time to time). */
  sweep(): void {
    const now = this.now();
    const idleSince = new Date(now.getTime() - this.idleMinutes() * 60_000).toISOString();
    this.db.delete(sessions).where(or(lt(sessions.expiresAt, now.toISOString()), lt(sessions.lastActivityAt, idleSince))).run();
  }
}
