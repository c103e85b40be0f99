/**
 * Live updates: the change notifications the host pushes to every connected
 * client (main/backend/notifications.ts), over server-sent events in browser
 * mode and over IPC in Electron. A notification says which record changed
 * and its revision, never what it now holds: no personal data travels here.
 */

/** What changed. Records of a case (its acts, requests, decisions) carry the case's id. */
export const CHANGE_KINDS = [
  'case',
  'person',
  'act',
  'request',
  'decision',
  'user',
  'office',
  'ref',
  'calendar',
  'service',
  'provider',
  'exchange',
  /** Anything else (a kind this build does not know): the client refreshes everything. */
  'other',
] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

export interface Change {
  /** Position in the host's change feed: increasing, never reused. */
  seq: number;
  kind: ChangeKind;
  /** The record's id (for reference records 'kind:code'), or null when the change has none. */
  id: string | null;
  /** The record's revision after the change; null for records without one. */
  rev: number | null;
  /** The case the record belongs to (a case, or its act, request, decision). */
  caseId: number | null;
}

/**
 * One message of the stream. After connecting, a client gets every change
 * after the sequence it asked for, then `ready` with the head of the feed,
 * then changes as they happen. `reset`: the client is too far behind (or
 * the feed went back, as after restoring a backup) — refresh everything and
 * go on from `seq`.
 */
export type ChangeMessage = { type: 'change'; change: Change } | { type: 'ready'; seq: number } | { type: 'reset'; seq: number };

/** Browser mode: GET this path (with the session cookie) for the stream; `?after=<seq>` or `Last-Event-ID` to catch up. */
export const CHANGES_PATH = '/api/changes';

/** Electron: the IPC channels of the stream (main/change-ipc.ts, preload). */
export const CHANGES_IPC = {
  subscribe: 'socdesk:changes:subscribe',
  unsubscribe: 'socdesk:changes:unsubscribe',
  message: 'socdesk:changes:message',
  /** The stream ended: 'unauthenticated' or 'network'. */
  closed: 'socdesk:changes:closed',
} as const;

/**
 * How a transport delivers the stream to the renderer: `open` starts it from
 * `after` (null: a client that has nothing yet), delivers messages, and calls `onClose` once when it ends —
 * 'unauthenticated' when the session is gone, 'network' otherwise. Returns a
 * function that stops it.
 */
export type OpenChanges = (after: number | null, onMessage: (m: ChangeMessage) => void, onClose: (why: 'unauthenticated' | 'network') => void) => () => void;

/** What the SSE stream can carry: the feed's messages, and `end` when the session ended. */
export type StreamFrame = ChangeMessage | { type: 'end' };

/**
 * Reads the SSE stream of CHANGES_PATH incrementally: feed it the text as
 * it arrives, get the complete frames (comments and `retry:` lines skipped).
 */
export class ChangeStreamParser {
  private buffer = '';

  push(chunk: string): StreamFrame[] {
    this.buffer += chunk.replace(/\r\n?/g, '\n');
    const out: StreamFrame[] = [];
    let cut: number;
    while ((cut = this.buffer.indexOf('\n\n')) >= 0) {
      const block = this.buffer.slice(0, cut);
      this.buffer = this.buffer.slice(cut + 2);
      let event = 'message';
      const data: string[] = [];
      for (const line of block.split('\n')) {
        if (line.startsWith('event:')) event = line.slice(6).trim();
        else if (line.startsWith('data:')) data.push(line.slice(5).trimStart());
      }
      if (!data.length) continue;
      let payload: unknown;
      try {
        payload = JSON.parse(data.join('\n'));
      } catch {
        continue;
      }
      const p = payload as { seq?: unknown };
      if (event === 'change') out.push({ type: 'change', change: payload as Change });
      else if ((event === 'ready' || event === 'reset') && typeof p.seq === 'number') out.push({ type: event, seq: p.seq });
      else if (event === 'end') out.push({ type: 'end' });
    }
    return out;
  }
}
