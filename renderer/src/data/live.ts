/**
 * Live updates and the connection to the host. While signed in, the
 * renderer holds the host's change stream (SSE in browser mode, IPC in
 * Electron): each notification marks the cached queries it touches stale
 * (invalidate.ts), so every screen shows other desks' changes without a
 * reload.
 *
 * When the stream drops, the connection is «lost»: the banner shows, reads
 * pause and keep showing what is cached (TanStack's onlineManager), writes
 * are refused with a message (they are never queued). The stream is retried
 * with backoff (1, 2, 4, 8, 15 s…); when it is back, it first replays what
 * was missed since the last notification seen, and the banner goes.
 */
import { onlineManager, type QueryClient } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';
import type { ChangeMessage, OpenChanges } from '../../../core/api/changes';
import { staleQueriesFor } from './invalidate';

export type Connection = { state: 'connecting' } | { state: 'online' } | { state: 'offline'; since: number; retryAt: number };

let connection: Connection = { state: 'connecting' };
const listeners = new Set<() => void>();

function setConnection(c: Connection): void {
  connection = c;
  listeners.forEach((l) => l());
}

/** The connection to the host, for the banner and for whoever must not try to write while it is lost. */
export function useConnection(): Connection {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => connection,
  );
}

/** Calls `fn` each time the connection comes back after being lost. */
export function onReconnect(fn: () => void): () => void {
  let was = connection.state;
  const l = () => {
    if (was === 'offline' && connection.state === 'online') fn();
    was = connection.state;
  };
  listeners.add(l);
  return () => listeners.delete(l);
}

/** Backoff between attempts: 1, 2, 4, 8, then every 15 seconds, with a little jitter so desks do not retry in step. */
export function retryDelay(attempt: number): number {
  return Math.min(15_000, 1000 * 2 ** attempt) * (1 + Math.random() * 0.2);
}

interface Live {
  stop(): void;
  /** Try to reconnect now (the banner's button; a call that failed to reach the host). */
  retryNow(): void;
}

let current: Live | null = null;

/** Re-checks the connection now: the banner's «Повторить сейчас», or a call that could not reach the host. */
export function retryConnectionNow(): void {
  current?.retryNow();
}

/**
 * Starts the live updates for a signed-in session; returns the function
 * that stops them (sign-out). `onUnauthenticated`: the host says the
 * session is gone.
 */
export function startLiveUpdates(qc: QueryClient, open: OpenChanges | undefined, onUnauthenticated: () => void): () => void {
  current?.stop();
  if (!open) {
    // A transport without notifications (an old shell): the cache still works, only not live.
    setConnection({ state: 'online' });
    return () => {};
  }
  let lastSeq: number | null = null;
  let attempt = 0;
  let stopped = false;
  let closeStream: (() => void) | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let openedAt = 0;

  // Reads pause while the host is away and resume (re-reading what is stale) when it is back.
  onlineManager.setEventListener(() => () => {});

  const goOffline = () => {
    onlineManager.setOnline(false);
    const since = connection.state === 'offline' ? connection.since : Date.now();
    const delay = retryDelay(attempt++);
    setConnection({ state: 'offline', since, retryAt: Date.now() + delay });
    timer = setTimeout(connect, delay);
  };

  const onMessage = (m: ChangeMessage) => {
    if (stopped) return;
    if (m.type === 'change') {
      lastSeq = m.change.seq;
      const filters = staleQueriesFor(m.change);
      if (filters === null) void qc.invalidateQueries();
      else for (const f of filters) void qc.invalidateQueries(f);
      return;
    }
    if (m.type === 'reset') {
      void qc.invalidateQueries();
    } else if (lastSeq === null) {
      // The first connection: what was read before the stream opened may have missed a change.
      void qc.invalidateQueries({ predicate: (q) => q.state.dataUpdatedAt < openedAt });
    }
    lastSeq = m.seq;
    attempt = 0;
    setConnection({ state: 'online' });
    onlineManager.setOnline(true);
  };

  function connect(): void {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    timer = null;
    closeStream?.();
    openedAt = Date.now();
    let closed = false;
    closeStream = open!(lastSeq, onMessage, (why) => {
      if (stopped || closed) return;
      closed = true;
      closeStream = null;
      if (why === 'unauthenticated') {
        stop();
        onUnauthenticated();
        return;
      }
      goOffline();
    });
  }

  function stop(): void {
    stopped = true;
    if (timer) clearTimeout(timer);
    closeStream?.();
    closeStream = null;
    if (current === live) current = null;
    onlineManager.setOnline(true);
    setConnection({ state: 'connecting' });
  }

  const live: Live = {
    stop,
    // Reconnecting keeps what was seen: the stream resumes after the last notification.
    retryNow: () => connect(),
  };
  current = live;
  connect();
  return stop;
}
