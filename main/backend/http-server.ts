/**
 * The network transport: the backend over HTTP(S) on Fastify, plus the built
 * renderer as static files. Calls are `POST /api/<method>` with a JSON body;
 * the answer is the same envelope IPC returns. The session travels in an
 * HttpOnly, SameSite=Strict cookie; cross-origin calls are refused.
 *
 * Hardened for the office network: a Host allow-list (defeats DNS
 * rebinding), body limit (413), caps on connections (in all and per
 * workstation), header, request and idle timeouts (slow connections are cut
 * off), and no request target, header or cookie can crash the process or
 * produce a 500. Plain HTTP is for loopback only: a connection from elsewhere
 * is dropped. Routes come in groups (`routes/`), one function each.
 *
 * Fastify's own logger is off: the backend's log records events and error
 * kinds only, never a URL, a body or any personal data.
 */
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { Socket } from 'node:net';
import type { ErrorCode } from '../../core/api/errors';
import { hostHeaderName, isLoopbackAddress, normalizeAddress } from '../host/network';
import type { Backend } from './backend';
import { log } from './logger';
import { ROUTE_GROUPS } from './routes';
import type { CallSource } from './sessions';

import { CONTENT_SECURITY_POLICY, SESSION_COOKIE, WORKSTATION_HEADER } from './http-constants';

export { CONTENT_SECURITY_POLICY, SESSION_COOKIE, WORKSTATION_HEADER };

export interface HttpLimits {
  /** Largest request body (bytes); beyond it, 413. */
  bodyBytes: number;
  /** The request's headers must arrive within this (ms). */
  headersTimeoutMs: number;
  /** The whole request, headers and body, must arrive within this (ms). */
  requestTimeoutMs: number;
  /** A connection with no traffic at all is closed after this (ms). */
  idleTimeoutMs: number;
  /** How long a kept-alive connection waits for its next request (ms). */
  keepAliveTimeoutMs: number;
  /** How often the timeouts above are checked (ms). */
  checkIntervalMs: number;
  /** Open connections in all, and from one address. */
  maxConnections: number;
  maxConnectionsPerAddress: number;
  /** Largest request head (bytes). */
  maxHeaderBytes: number;
}

export const DEFAULT_LIMITS: HttpLimits = {
  bodyBytes: 20 * 1024 * 1024,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 60_000,
  idleTimeoutMs: 120_000,
  keepAliveTimeoutMs: 10_000,
  checkIntervalMs: 1_000,
  maxConnections: 512,
  maxConnectionsPerAddress: 64,
  maxHeaderBytes: 16 * 1024,
};

export interface HttpServerOptions {
  backend: Backend;
  /** Folder with the built renderer (out/renderer); omit to serve the API only. */
  staticDir?: string;
  /** Serve HTTPS with this key and certificate (PEM). Without it, plain HTTP, for loopback only. */
  tls?: { key: string; cert: string };
  /** Host names (lower case) requests may be addressed to; loopback names are always allowed. */
  allowedHosts?: Iterable<string>;
  limits?: Partial<HttpLimits>;
}

/** What every route group receives. */
export interface RouteContext {
  backend: Backend;
  staticDir?: string;
  /** HTTPS (the cookie is then Secure). */
  secure: boolean;
  limits: HttpLimits;
  /** The session token the request's cookie carries, or null. */
  token(req: FastifyRequest): string | null;
  /** Which workstation the request comes from. */
  from(req: FastifyRequest): CallSource;
  /** Sends the API envelope of a failure. */
  fail(reply: FastifyReply, status: number, code: ErrorCode, message: string): FastifyReply;
  /** Adds a fallback for requests no route matched (the renderer's pages); the first that answers wins. */
  onNotFound(fallback: (req: FastifyRequest, reply: FastifyReply) => FastifyReply | null): void;
}

/** A group of routes (the API, the renderer's files, …): adding one is one line in routes/index.ts. */
export type RouteGroup = (app: FastifyInstance, ctx: RouteContext) => void | Promise<void>;

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{20,200}$/;

/** The session token from a Cookie header; anything malformed reads as no session. */
export function readSessionCookie(header: string | string[] | undefined): string | null {
  const raw = Array.isArray(header) ? header.join(';') : header;
  if (!raw) return null;
  for (const part of raw.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== SESSION_COOKIE) continue;
    const value = part.slice(eq + 1).trim();
    return TOKEN_SHAPE.test(value) ? value : null;
  }
  return null;
}

function callSource(req: FastifyRequest): CallSource {
  const source = normalizeAddress(req.socket.remoteAddress) || 'unknown';
  // The name travels percent-encoded (header values are bytes); anything malformed is simply not shown.
  const named = req.headers[WORKSTATION_HEADER];
  let workstation: string | null = null;
  if (typeof named === 'string' && named.length <= 400) {
    try {
      const v = decodeURIComponent(named);
      if (/^[\p{L}\p{N}._ -]{1,63}$/u.test(v)) workstation = v;
    } catch {
      workstation = null;
    }
  }
  return { source, workstation };
}

function fail(reply: FastifyReply, status: number, code: ErrorCode, message: string): FastifyReply {
  return reply
    .code(status)
    .header('Content-Type', 'application/json; charset=utf-8')
    .header('Cache-Control', 'no-store')
    .send({ ok: false, error: { code, message } });
}

/** Russian messages for the errors Fastify itself raises before a route runs. */
function frameworkFailure(reply: FastifyReply, err: FastifyError, limits: HttpLimits): FastifyReply {
  const status = err.statusCode && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 500;
  if (status === 413) return fail(reply, 413, 'VALIDATION', `Запрос слишком большой: не более ${Math.round(limits.bodyBytes / 1024 / 1024)} МБ.`);
  if (status === 415) return fail(reply, 415, 'VALIDATION', 'Ожидается JSON');
  if (status === 408) return fail(reply, 408, 'VALIDATION', 'Запрос не был получен вовремя.');
  if (status === 404) return fail(reply, 404, 'NOT_FOUND', 'Адрес не найден.');
  if (status < 500) return fail(reply, status, 'VALIDATION', 'Неверный формат запроса');
  log.error('http request failed', err, { code: err.code ?? null });
  return fail(reply, 500, 'INTERNAL', 'Внутренняя ошибка программы');
}

/** Counts connections per address and drops those over the caps, and plain-HTTP ones from beyond loopback. */
function guardConnections(app: FastifyInstance, secure: boolean, limits: HttpLimits): void {
  const perAddress = new Map<string, number>();
  app.server.maxConnections = limits.maxConnections;
  app.server.on('connection', (socket: Socket) => {
    const addr = normalizeAddress(socket.remoteAddress);
    if (!secure && !isLoopbackAddress(addr)) {
      socket.destroy();
      return;
    }
    const n = (perAddress.get(addr) ?? 0) + 1;
    if (n > limits.maxConnectionsPerAddress) {
      socket.destroy();
      return;
    }
    perAddress.set(addr, n);
    socket.once('close', () => {
      const left = (perAddress.get(addr) ?? 1) - 1;
      if (left <= 0) perAddress.delete(addr);
      else perAddress.set(addr, left);
    });
  });
}

export async function createHttpServer(opts: HttpServerOptions): Promise<FastifyInstance> {
  const limits: HttpLimits = { ...DEFAULT_LIMITS, ...opts.limits };
  const secure = Boolean(opts.tls);
  const nodeServerOptions = {
    headersTimeout: limits.headersTimeoutMs,
    requestTimeout: limits.requestTimeoutMs,
    connectionsCheckingInterval: limits.checkIntervalMs,
    maxHeaderSize: limits.maxHeaderBytes,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
  };
  const app = Fastify({
    logger: false,
    bodyLimit: limits.bodyBytes,
    connectionTimeout: limits.idleTimeoutMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    requestTimeout: limits.requestTimeoutMs,
    forceCloseConnections: true,
    return503OnClosing: true,
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    routerOptions: { maxParamLength: 200, ignoreDuplicateSlashes: false },
    ...(opts.tls ? { https: { key: opts.tls.key, cert: opts.tls.cert, minVersion: 'TLSv1.2' as const, ...nodeServerOptions } } : { http: nodeServerOptions }),
    frameworkErrors: (err, _req, reply) => {
      frameworkFailure(reply, err, limits);
    },
  });
  guardConnections(app, secure, limits);
  // JSON only: any other body type is answered 415.
  app.removeContentTypeParser('text/plain');

  const allowed = new Set(['localhost', '127.0.0.1', '::1', ...(opts.allowedHosts ?? [])]);
  app.addHook('onRequest', async (req, reply) => {
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'no-referrer');
    const name = hostHeaderName(req.headers.host);
    if (!name || !(allowed.has(name) || (name.startsWith('127.') && isLoopbackAddress(name)))) {
      // A page served from a foreign name (DNS rebinding) never reaches the register.
      return fail(reply, 421, 'FORBIDDEN', 'Запрос адресован не этому серверу Socdesk.');
    }
  });

  app.setErrorHandler((err: FastifyError, _req, reply) => frameworkFailure(reply, err, limits));
  const fallbacks: Parameters<RouteContext['onNotFound']>[0][] = [];
  app.setNotFoundHandler((req, reply) => {
    for (const f of fallbacks) {
      const answered = f(req, reply);
      if (answered) return answered;
    }
    return fail(reply, 404, 'NOT_FOUND', 'Адрес не найден.');
  });

  const ctx: RouteContext = {
    backend: opts.backend,
    staticDir: opts.staticDir,
    secure,
    limits,
    token: (req) => readSessionCookie(req.headers.cookie),
    from: callSource,
    fail,
    onNotFound: (f) => void fallbacks.push(f),
  };
  for (const group of ROUTE_GROUPS) await group(app, ctx);
  await app.ready();
  return app;
}
