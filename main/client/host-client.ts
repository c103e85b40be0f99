/**
 * A workstation's connection to the office host over HTTPS, with the host's
 * certificate pinned: the SHA-256 the administrator confirmed (by comparing
 * the short code with the host's screen) on first connection. A certificate
 * that differs is refused before a single byte of a request is sent, with a
 * message in Russian. Used by the desktop shell (connecting to the office's
 * register), by tests and by the benchmark; plain Node, no Electron.
 */
import { Agent, request } from 'node:https';
import { connect, type ConnectionOptions, type TLSSocket } from 'node:tls';
import { hostname } from 'node:os';
import type { Duplex } from 'node:stream';
import type { Envelope } from '../../core/api/errors';
import type { CertificateView } from '../../core/api/sessions';
import { SESSION_COOKIE, WORKSTATION_HEADER } from '../backend/http-constants';
import { DEFAULT_PORT } from '../host/network';
import { describeCertificate } from '../host/tls';
import { CHANGES_PATH, ChangeStreamParser, type ChangeMessage } from '../../core/api/changes';

export class ConnectionError extends Error {
  constructor(
    message: string,
    readonly kind: 'address' | 'unreachable' | 'certificate_changed' | 'protocol',
  ) {
    super(message);
    this.name = 'ConnectionError';
  }
}

/** 'server', '192.168.1.10:8470', 'https://server:8470/' → 'https://server:8470/'. Plain http:// is refused. */
export function normalizeHostUrl(address: string): string {
  const a = address.trim();
  if (/^http:\/\//i.test(a)) {
    throw new ConnectionError('Подключение без шифрования не допускается: укажите адрес сервера Socdesk без «http://» (будет использован HTTPS).', 'address');
  }
  let u: URL;
  try {
    u = new URL(/^https:\/\//i.test(a) ? a : `https://${a}`);
  } catch {
    throw new ConnectionError('Неверный адрес сервера. Пример: 192.168.1.10 или socdesk-server:8470.', 'address');
  }
  if (!u.hostname || u.username || u.password || (u.pathname !== '/' && u.pathname !== '')) {
    throw new ConnectionError('Неверный адрес сервера. Пример: 192.168.1.10 или socdesk-server:8470.', 'address');
  }
  return `https://${u.hostname}:${u.port || DEFAULT_PORT}/`;
}

function target(url: string): { host: string; port: number; servername?: string } {
  const u = new URL(url);
  const host = u.hostname.replace(/^\[|\]$/g, '');
  return { host, port: Number(u.port || DEFAULT_PORT), servername: /^[\d.]+$|:/.test(host) ? undefined : host };
}

function changedMessage(url: string): string {
  return (
    `Сертификат сервера Socdesk по адресу ${url} изменился: подключение отклонено. ` +
    'Если сертификат заменил администратор, подключитесь к серверу заново и сверьте новый код. Иначе сообщите администратору: возможна подмена сервера.'
  );
}

function unreachable(url: string): ConnectionError {
  return new ConnectionError(`Нет связи с сервером Socdesk по адресу ${url}. Проверьте адрес, сеть и что сервер запущен.`, 'unreachable');
}

/** Reads the certificate the host presents, without trusting it yet: for the administrator to compare its code. */
export function probeHost(url: string, timeoutMs = 10_000): Promise<CertificateView> {
  return new Promise((resolve, reject) => {
    const socket = connect({ ...target(url), rejectUnauthorized: false, timeout: timeoutMs });
    socket.once('secureConnect', () => {
      const cert = socket.getPeerCertificate(true);
      socket.end();
      if (!cert?.raw) return reject(new ConnectionError('Сервер не предъявил сертификат.', 'protocol'));
      const pem = `-----BEGIN CERTIFICATE-----\n${cert.raw.toString('base64').replace(/.{64}/g, '$&\n')}\n-----END CERTIFICATE-----\n`;
      resolve(describeCertificate(pem));
    });
    socket.once('timeout', () => {
      socket.destroy();
      reject(unreachable(url));
    });
    socket.once('error', () => reject(unreachable(url)));
  });
}

/** An HTTPS agent that hands out a connection only after the host's certificate matched the pin. */
class PinnedAgent extends Agent {
  constructor(
    private readonly pin: string,
    private readonly url: string,
  ) {
    super({ keepAlive: true, maxSockets: 8 });
  }

  override createConnection(options: ConnectionOptions, callback?: (err: Error | null, socket: Duplex) => void): Duplex | undefined {
    const socket: TLSSocket = connect({ ...options, rejectUnauthorized: false });
    let done = false;
    const finish = (err: Error | null) => {
      if (done) return;
      done = true;
      callback?.(err, socket);
    };
    socket.once('secureConnect', () => {
      const cert = socket.getPeerCertificate(true);
      if (!cert?.raw || cert.fingerprint256 !== this.pin) {
        socket.destroy();
        finish(new ConnectionError(changedMessage(this.url), 'certificate_changed'));
      } else finish(null);
    });
    socket.once('error', (e) => finish(e));
    return undefined;
  }
}

export interface HostCallResult {
  envelope: Envelope<unknown>;
  /** Set when the call opened (token) or closed (null) a session. */
  session?: { token: string | null };
}

export interface HostClientOptions {
  /** 'https://host:8470/' */
  url: string;
  /** The pinned SHA-256 (as `CertificateView.sha256`). */
  pin: string;
  /** This workstation's name, shown to the administrator (default: the computer's name). */
  workstation?: string;
  timeoutMs?: number;
}

export class HostClient {
  readonly url: string;
  private readonly agent: PinnedAgent;
  private readonly workstation: string;
  private readonly timeoutMs: number;

  constructor(opts: HostClientOptions) {
    this.url = normalizeHostUrl(opts.url);
    this.agent = new PinnedAgent(opts.pin, this.url);
    this.workstation = (opts.workstation ?? hostname()).replace(/[^\p{L}\p{N}._ -]/gu, '').slice(0, 63);
    this.timeoutMs = opts.timeoutMs ?? 120_000;
  }

  /** One API call with the given session token; never throws: failures come back as envelopes. */
  call(token: string | null, method: string, input: unknown): Promise<HostCallResult> {
    const body = JSON.stringify(input ?? {});
    const t = target(this.url);
    return new Promise((resolve) => {
      const fail = (e: unknown) =>
        resolve({
          envelope: { ok: false, error: { code: 'CONNECTION', message: e instanceof ConnectionError ? e.message : unreachable(this.url).message } },
        });
      const req = request(
        {
          host: t.host,
          port: t.port,
          servername: t.servername,
          method: 'POST',
          path: `/api/${encodeURIComponent(method)}`,
          agent: this.agent,
          timeout: this.timeoutMs,
          headers: {
            'Content-Type': 'application/json',
            'Content-Length': Buffer.byteLength(body),
            [WORKSTATION_HEADER]: encodeURIComponent(this.workstation || 'workstation'),
            ...(token ? { Cookie: `${SESSION_COOKIE}=${token}` } : {}),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('error', fail);
          res.on('end', () => {
            let envelope: Envelope<unknown>;
            try {
              envelope = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Envelope<unknown>;
            } catch {
              return fail(new ConnectionError(`Сервер Socdesk ответил ошибкой ${res.statusCode}.`, 'protocol'));
            }
            const setCookie = res.headers['set-cookie']?.find((c) => c.startsWith(`${SESSION_COOKIE}=`));
            const value = setCookie?.slice(SESSION_COOKIE.length + 1).split(';')[0];
            resolve({ envelope, session: setCookie === undefined ? undefined : { token: value ? value : null } });
          });
        },
      );
      req.on('timeout', () => req.destroy(unreachable(this.url)));
      req.on('error', fail);
      req.end(body);
    });
  }

  /**
   * The host's change notifications (GET /api/changes, server-sent events)
   * with the given session, from the sequence after `after`. Calls `onEnd`
   * once when the stream ends: 'unauthenticated' when the session is gone,
   * 'network' otherwise. Returns a function that stops it.
   */
  openChanges(token: string | null, after: number | null, onMessage: (m: ChangeMessage) => void, onEnd: (why: 'unauthenticated' | 'network') => void): () => void {
    const t = target(this.url);
    let ended = false;
    const end = (why: 'unauthenticated' | 'network') => {
      if (ended) return;
      ended = true;
      onEnd(why);
    };
    const req = request(
      {
        host: t.host,
        port: t.port,
        servername: t.servername,
        method: 'GET',
        path: `${CHANGES_PATH}${after === null ? '' : `?after=${after}`}`,
        agent: this.agent,
        headers: {
          Accept: 'text/event-stream',
          [WORKSTATION_HEADER]: encodeURIComponent(this.workstation || 'workstation'),
          ...(token ? { Cookie: `${SESSION_COOKIE}=${token}` } : {}),
        },
      },
      (res) => {
        if (res.statusCode !== 200) {
          res.resume();
          return end(res.statusCode === 401 ? 'unauthenticated' : 'network');
        }
        const parser = new ChangeStreamParser();
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          for (const frame of parser.push(chunk)) {
            if (frame.type === 'end') end('unauthenticated');
            else onMessage(frame);
          }
        });
        res.on('end', () => end('network'));
        res.on('error', () => end('network'));
      },
    );
    req.on('error', () => end('network'));
    req.end();
    return () => {
      ended = true;
      req.destroy();
    };
  }

  close(): void {
    this.agent.destroy();
  }
}

