/**
 * The change feed as server-sent events over HTTP (browser mode and LAN
 * clients): `GET /api/changes` with the session cookie. A client that
 * reconnects sends the last sequence it saw (`?after=<seq>`, or the
 * standard `Last-Event-ID` header) and first gets what it missed.
 *
 * Transport-neutral: it takes node's request and response, so the HTTP
 * server mounts it in one line (with Fastify: `reply.hijack()` and pass
 * `request.raw`, `reply.raw`).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ChangeMessage } from '../../core/api/changes';
import type { CurrentUser } from './context';
import type { ChangeFeed } from './notifications';

export interface ChangeStreamHost {
  readonly changes: ChangeFeed;
  userForToken(token: string | null): CurrentUser | null;
}

export interface ChangeStreamOptions {
  /** How often to send a keep-alive comment and re-check the session (ms). */
  heartbeatMs?: number;
  /** A client that does not take its messages (this many bytes queued) is cut off; it reconnects and catches up. */
  maxBufferedBytes?: number;
}

/** One SSE frame. The id is the feed's sequence, so `Last-Event-ID` carries it on reconnection. */
export function sseFrame(m: ChangeMessage): string {
  const seq = m.type === 'change' ? m.change.seq : m.seq;
  const data = m.type === 'change' ? m.change : { seq: m.seq };
  return `id: ${seq}\nevent: ${m.type}\ndata: ${JSON.stringify(data)}\n\n`;
}

function parseSeq(v: string | string[] | null | undefined): number | null {
  const s = Array.isArray(v) ? v[0] : v;
  if (s == null || !/^\d{1,15}$/.test(s)) return null;
  return Number(s);
}

export function serveChangeStream(host: ChangeStreamHost, req: IncomingMessage, res: ServerResponse, token: string | null, opts: ChangeStreamOptions = {}): void {
  const json = (status: number, code: string, message: string) => {
    res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
    res.end(JSON.stringify({ ok: false, error: { code, message } }));
  };
  if (req.method !== 'GET') return json(405, 'UNKNOWN_METHOD', 'Метод не поддерживается');
  if (!host.userForToken(token)) return json(401, 'UNAUTHENTICATED', 'Сеанс завершён. Войдите в систему снова.');

  let query: URLSearchParams;
  try {
    query = new URL(req.url ?? '/', 'http://localhost').searchParams;
  } catch {
    query = new URLSearchParams();
  }
  const after = parseSeq(query.get('after')) ?? parseSeq(req.headers['last-event-id']);
  const maxBuffered = opts.maxBufferedBytes ?? 1024 * 1024;

  res.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'X-Accel-Buffering': 'no',
  });
  res.flushHeaders();
  // Ask EventSource clients to reconnect after 2 s (the renderer does its own backoff).
  res.write('retry: 2000\n\n');

  let open = true;
  let stop: () => void = () => {};
  const heartbeat = setInterval(() => {
    // A session that ended (signed out, expired, user deactivated) ends its stream too.
    if (!host.userForToken(token)) finish('event: end\ndata: {}\n\n');
    else res.write(': ping\n\n');
  }, opts.heartbeatMs ?? 15_000);
  heartbeat.unref?.();
  const finish = (frame?: string) => {
    if (!open) return;
    open = false;
    stop();
    clearInterval(heartbeat);
    res.end(frame);
  };
  stop = host.changes.open(after, {
    send: (m) => {
      if (!open) return;
      res.write(sseFrame(m));
      if (res.writableLength > maxBuffered) finish();
    },
    end: () => finish(),
  });
  if (!open) return stop();
  req.on('close', () => finish());
  res.on('error', () => finish());
}
