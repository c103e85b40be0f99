/**
 * What every handler receives: the database, the signed-in user (resolved
 * from the session on each call, so deactivation and role changes apply at
 * once), the clock, and helpers for transactions and the audit log.
 */
import type { Role } from '../../core/api/schemas';
import type { Db } from '../../db/connection';
import type { CallSource, SessionStore } from './sessions';
import type { Services } from './services';

export interface CurrentUser {
  id: number;
  username: string;
  fullName: string;
  position: string;
  roles: Role[];
}

export interface AuditRecord {
  action: string;
  entity: string;
  entityId?: string | number | null;
  before?: unknown;
  after?: unknown;
  /** Who acted, when not the session's user (sign-in, where there is no session yet). */
  actor?: { id: number | null; username: string | null };
}

export interface SessionControl {
  /** Opens a session for the user; the transport delivers the token (cookie or IPC map). */
  start(userId: number): void;
  end(): void;
  /** The caller's own session id, or null when signed out. */
  readonly id: number | null;
  /** Where this call comes from (the workstation). */
  readonly from: CallSource;
  /** Every session on the host: end a user's others, one workstation's, list them. */
  readonly store: SessionStore;
}

export interface Ctx {
  db: Db;
  user: CurrentUser | null;
  services: Services;
  session: SessionControl;
  now(): Date;
  /** Runs fn in one SQLite transaction (BEGIN IMMEDIATE); on throw nothing stays written. */
  tx<T>(fn: () => T): T;
  /** Appends to the audit log; call inside ctx.tx together with the change. */
  audit(rec: AuditRecord): void;
  /**
   * Runs slow work that reads and writes nothing shared (hashing a password,
   * a sign-in delay, the portal) outside the host's write queue; the write
   * queues again when it returns. Outside a write it simply runs fn.
   */
  outside<T>(fn: () => Promise<T>): Promise<T>;
}

export interface UserCtx extends Ctx {
  user: CurrentUser;
}
