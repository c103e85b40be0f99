/**
 * HTTP client of protocol v1: signs every request (HMAC-SHA256, headers
 * X-Socdesk-Office / -Timestamp / -Signature), keeps connections alive,
 * gives up after a timeout, checks the answers against the protocol schemas.
 */
import http from 'node:http';
import https from 'node:https';
import { portalUrlAllowed } from '../../../core/api/exchange';
import { log } from '../logger';
import {
  HEADER_OFFICE,
  HEADER_SIGNATURE,
  HEADER_TIMESTAMP,
  PullResponse,
  PushResponse,
  issueText,
  sign,
  verifyReply,
  type ExchangeEvent,
} from '../../../core/exchange/protocol';
import type { z } from 'zod';

export type ExchangeErrorKind = 'network' | 'timeout' | 'http' | 'auth' | 'protocol';

export class ExchangeError extends Error {
  constructor(
    readonly kind: ExchangeErrorKind,
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'ExchangeError';
  }
}

export interface ClientOptions {
  baseUrl: string;
  officeCode: string;
  secret: string;
  /** Per request, from sending to the whole answer read (default 15 s). */
  timeoutMs?: number;
  now?: () => number;
}

export class PortalClient {
  bytesSent = 0;
  bytesReceived = 0;
  requests = 0;
  private readonly base: URL;
  private readonly agent: http.Agent;
  private readonly timeoutMs: number;

  constructor(private readonly opts: ClientOptions) {
    if (!portalUrlAllowed(opts.baseUrl)) throw new ExchangeError('protocol', 'Адрес портала должен начинаться с https:// (http:// допускается только для проверки на этом компьютере)');
    this.base = new URL(opts.baseUrl.replace(/\/+$/, '') + '/');
    const isHttps = this.base.protocol === 'https:';
    this.agent = isHttps ? new https.Agent({ keepAlive: true, maxSockets: 4 }) : new http.Agent({ keepAlive: true, maxSockets: 4 });
    this.timeoutMs = opts.timeoutMs ?? 15_000;
  }

  close(): void {
    this.agent.destroy();
  }

  private officePath(suffix: string): string {
    const prefix = this.base.pathname.replace(/\/$/, '');
    return `${prefix}/v1/offices/${encodeURIComponent(this.opts.officeCode)}/${suffix}`;
  }

  async push(events: ExchangeEvent[], auditHead?: { count: number; head: string }): Promise<PushResponse> {
    return this.request('POST', this.officePath('outbound'), JSON.stringify(auditHead ? { events, auditHead } : { events }), PushResponse);
  }

  async pull(after: string | null, limit: number): Promise<PullResponse> {
    const q = new URLSearchParams();
    if (after !== null) q.set('after', after);
    q.set('limit', String(limit));
    return this.request('GET', `${this.officePath('inbound')}?${q.toString()}`, '', PullResponse);
  }

  async ack(cursor: string): Promise<void> {
    await this.request('POST', this.officePath('inbound/ack'), JSON.stringify({ cursor }), null);
  }

  private request<T>(method: string, path: string, body: string, schema: z.ZodType<T> | null): Promise<T> {
    const payload = Buffer.from(body, 'utf8');
    const timestamp = String(Math.floor((this.opts.now?.() ?? Date.now()) / 1000));
    const signature = sign(this.opts.secret, method, path, timestamp, payload);
    const mod = this.base.protocol === 'https:' ? https : http;
    this.requests++;
    return new Promise<T>((resolve, reject) => {
      let settled = false;
      const fail = (e: ExchangeError) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        req.destroy();
        reject(e);
      };
      const req = mod.request(
        {
          protocol: this.base.protocol,
          hostname: this.base.hostname,
          port: this.base.port,
          method,
          path,
          agent: this.agent,
          headers: {
            'content-type': 'application/json; charset=utf-8',
            'content-length': payload.length,
            [HEADER_OFFICE]: this.opts.officeCode,
            [HEADER_TIMESTAMP]: timestamp,
            [HEADER_SIGNATURE]: signature,
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('aborted', () => fail(new ExchangeError('network', 'Соединение с порталом прервано во время ответа')));
          res.on('error', () => fail(new ExchangeError('network', 'Соединение с порталом прервано во время ответа')));
          res.on('end', () => {
            if (settled) return;
            const text = Buffer.concat(chunks).toString('utf8');
            this.bytesReceived += Buffer.byteLength(text);
            const status = res.statusCode ?? 0;
            if (!res.complete) return fail(new ExchangeError('network', 'Соединение с порталом прервано во время ответа'));
            if (status === 401 || status === 403) return fail(new ExchangeError('auth', `Портал не принял подпись управления (${status}): проверьте код управления, ключ обмена и часы компьютера`, status));
            if (status < 200 || status >= 300) return fail(new ExchangeError('http', `Портал ответил ошибкой ${status}${errText(text)}`, status));
            // v1.1: a reply without the portal's signature, or with a wrong one, is refused before anything is read from it.
            const replyTs = String(res.headers[HEADER_TIMESTAMP] ?? '');
            const replySig = String(res.headers[HEADER_SIGNATURE] ?? '');
            if (!replySig) return fail(new ExchangeError('auth', 'Ответ портала не подписан: он отклонён, ничего не применено. Возможно, адрес портала указан неверно.'));
            const rv = verifyReply(this.opts.secret, path, signature, replyTs, Buffer.concat(chunks), replySig, this.opts.now?.() ?? Date.now());
            if (!rv.ok) {
              log.warn('exchange: portal reply signature refused', { path: path.split('?')[0] ?? '' });
              return fail(new ExchangeError('auth', 'Подпись ответа портала неверна: ответ отклонён, ничего не применено. Проверьте адрес портала и ключ обмена.'));
            }
            if (!schema) {
              settled = true;
              clearTimeout(timer);
              return resolve(undefined as T);
            }
            let json: unknown;
            try {
              json = JSON.parse(text);
            } catch {
              return fail(new ExchangeError('protocol', 'Ответ портала обрезан или не является JSON'));
            }
            const p = schema.safeParse(json);
            if (!p.success) return fail(new ExchangeError('protocol', `Ответ портала не соответствует протоколу: ${issueText(p.error)}`));
            settled = true;
            clearTimeout(timer);
            resolve(p.data);
          });
        },
      );
      const timer = setTimeout(() => fail(new ExchangeError('timeout', `Портал не ответил за ${Math.round(this.timeoutMs / 1000)} с`)), this.timeoutMs);
      req.on('error', (e) => fail(new ExchangeError('network', `Нет связи с порталом: ${(e as NodeJS.ErrnoException).code ?? e.message}`)));
      this.bytesSent += payload.length;
      req.end(payload);
    });
  }
}

function errText(text: string): string {
  try {
    const j = JSON.parse(text) as { message?: unknown };
    return typeof j.message === 'string' ? `: ${j.message}` : '';
  } catch {
    return '';
  }
}
