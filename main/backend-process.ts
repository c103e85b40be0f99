/**
 * The backend in Electron's utility process (as Actual Budget runs its
 * server): the database, handlers and DOCX builds run here, never on the
 * window's main thread. The main process forwards each call over the parent
 * port. When this computer also keeps the register for the office, the same
 * process serves the other workstations over HTTPS.
 */
import { join } from 'node:path';
import { DB_FILE_NAME } from '../db/connection';
import type { ChangeMessage } from '../core/api/changes';
import { Backend } from './backend/backend';
import { logToFolder } from './backend/logger';
import { LOCAL_SOURCE } from './backend/sessions';
import { startHost, type RunningHost } from './host/host';
import { DEFAULT_PORT } from './host/network';

export type ToBackend =
  | { type: 'init'; dataDir: string; network: boolean; staticDir: string }
  | { type: 'call'; id: number; token: string | null; method: string; input: unknown }
  | { type: 'subscribe'; sid: number; token: string | null; after: number | null }
  | { type: 'unsubscribe'; sid: number }
  | { type: 'stop' };

export type FromBackend =
  | { type: 'ready'; hostUrls: string[]; certificateCode: string | null }
  | { type: 'failed'; message: string }
  | { type: 'result'; id: number; result: Awaited<ReturnType<Backend['call']>> }
  | { type: 'change'; sid: number; message: ChangeMessage }
  | { type: 'changesEnd'; sid: number; why: 'unauthenticated' | 'network' };

let backend: Backend | null = null;
/** Open change streams of the windows, by subscription id. */
const streams = new Map<number, () => void>();
let host: RunningHost | null = null;
const port = process.parentPort;
const send = (m: FromBackend) => port.postMessage(m);

port.on('message', (e) => {
  const msg = e.data as ToBackend;
  if (msg.type === 'init') {
    void (async () => {
      try {
        logToFolder(msg.dataDir);
        backend = new Backend({ dbFile: join(msg.dataDir, DB_FILE_NAME) });
        if (msg.network) {
          host = await startHost({ dataDir: msg.dataDir, listen: { host: '0.0.0.0', port: DEFAULT_PORT }, tls: 'on', backend, staticDir: msg.staticDir });
        }
        backend.startExchange();
        backend.startBackups();
        const info = host?.info();
        send({ type: 'ready', hostUrls: info?.urls ?? [], certificateCode: info?.certificate?.code ?? null });
      } catch (err) {
        send({ type: 'failed', message: err instanceof Error ? err.message : String(err) });
      }
    })();
  } else if (msg.type === 'call') {
    if (!backend) {
      send({ type: 'result', id: msg.id, result: { envelope: { ok: false, error: { code: 'INTERNAL', message: 'База данных ещё не открыта.' } } } });
      return;
    }
    void backend.call(msg.token, msg.method, msg.input, LOCAL_SOURCE).then((result) => send({ type: 'result', id: msg.id, result }));
  } else if (msg.type === 'subscribe') {
    if (!backend || !backend.userForToken(msg.token)) {
      send({ type: 'changesEnd', sid: msg.sid, why: 'unauthenticated' });
      return;
    }
    const b = backend;
    const sid = msg.sid;
    const token = msg.token;
    // Re-check the session now and then: a session that ended ends its stream too.
    const check = setInterval(() => {
      if (!b.userForToken(token)) stopStream(sid, 'unauthenticated');
    }, 15_000);
    const stop = b.changes.open(msg.after, {
      send: (message) => send({ type: 'change', sid, message }),
      end: () => stopStream(sid, 'network'),
    });
    streams.set(sid, () => {
      clearInterval(check);
      stop();
    });
  } else if (msg.type === 'unsubscribe') {
    streams.get(msg.sid)?.();
    streams.delete(msg.sid);
  } else if (msg.type === 'stop') {
    void (async () => {
      await host?.close();
      await backend?.shutdown();
      process.exit(0);
    })();
  }
});

function stopStream(sid: number, why: 'unauthenticated' | 'network'): void {
  const stop = streams.get(sid);
  if (!stop) return;
  streams.delete(sid);
  stop();
  send({ type: 'changesEnd', sid, why });
}
