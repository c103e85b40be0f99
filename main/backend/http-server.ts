/**
 * Browser-mode transport: the backend over HTTP on loopback, plus the built
 * renderer as static files. Calls are `POST /api/<method>` with a JSON body;
 * the answer is the same envelope IPC returns. The session travels in an
 * HttpOnly, SameSite=Strict cookie; cross-origin calls are refused.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { ErrorCode } from '../../core/api/errors';
import type { Backend } from './backend';
import { log } from './logger';

export const SESSION_COOKIE = 'socdesk_sid';
const MAX_BODY = 20 * 1024 * 1024;

/** Same policy as the meta tag in renderer/index.html. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

const STATUS: Partial<Record<ErrorCode, number>> = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  BAD_CREDENTIALS: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  UNKNOWN_METHOD: 404,
  CONFLICT: 409,
  NOT_INITIALIZED: 409,
  LOCKED: 423,
  INTERNAL: 500,
};

export interface HttpServerOptions {
  backend: Backend;
  /** Folder with the built renderer (out/renderer); omit to serve the API only. */
  staticDir?: string;
}

function readCookie(req: IncomingMessage, name: string): string | null {
  const header = req.headers.cookie;
  if (!header) return null;
  for (const part of header.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return null;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new Error('body too large'));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolveBody(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string | string[]> = {}): void {
  const data = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...headers,
  });
  res.end(data);
}

function fail(res: ServerResponse, status: number, code: ErrorCode, message: string): void {
  sendJson(res, status, { ok: false, error: { code, message } });
}

/** A browser sends Origin on POST; it must be this server (blocks cross-site requests). */
function sameOrigin(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  if (!origin) return true;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

async function handleApi(opts: HttpServerOptions, req: IncomingMessage, res: ServerResponse, method: string): Promise<void> {
  if (req.method !== 'POST') return fail(res, 405, 'UNKNOWN_METHOD', 'Метод не поддерживается');
  if (!sameOrigin(req)) return fail(res, 403, 'FORBIDDEN', 'Запрос с чужого сайта отклонён');
  if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) {
    return fail(res, 415, 'VALIDATION', 'Ожидается JSON');
  }
  let input: unknown;
  try {
    const raw = await readBody(req);
    input = raw ? JSON.parse(raw) : {};
  } catch {
    return fail(res, 400, 'VALIDATION', 'Неверный формат запроса');
  }
  const result = await opts.backend.call(readCookie(req, SESSION_COOKIE), method, input);
  const headers: Record<string, string> = {};
  if (result.session) {
    const base = `${SESSION_COOKIE}=%VALUE%; Path=/; HttpOnly; SameSite=Strict`;
    headers['Set-Cookie'] = result.session.token
      ? base.replace('%VALUE%', result.session.token) + `; Expires=${new Date(result.session.expiresAt!).toUTCString()}`
      : base.replace('%VALUE%', '') + '; Max-Age=0';
  }
  const status = result.envelope.ok ? 200 : (STATUS[result.envelope.error.code] ?? 400);
  sendJson(res, status, result.envelope, headers);
}

async function handleStatic(staticDir: string, req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405).end();
    return;
  }
  const root = resolve(staticDir);
  let file = normalize(join(root, decodeURIComponent(pathname)));
  if (file !== root && !file.startsWith(root + sep)) {
    res.writeHead(403).end();
    return;
  }
  let st = await stat(file).catch(() => null);
  if (!st || st.isDirectory()) {
    // Single-page app: unknown paths get index.html.
    file = join(root, 'index.html');
    st = await stat(file).catch(() => null);
    if (!st) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Интерфейс не собран: выполните npm run build');
      return;
    }
  }
  const ext = extname(file);
  const body = await readFile(file);
  res.writeHead(200, {
    'Content-Type': MIME[ext] ?? 'application/octet-stream',
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': ext === '.html' ? 'no-cache' : 'public, max-age=31536000, immutable',
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}

export function createHttpServer(opts: HttpServerOptions): Server {
  return createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const apiPrefix = '/api/';
    const work = url.pathname.startsWith(apiPrefix)
      ? handleApi(opts, req, res, url.pathname.slice(apiPrefix.length))
      : opts.staticDir
        ? handleStatic(opts.staticDir, req, res, url.pathname)
        : Promise.resolve(void res.writeHead(404).end());
    work.catch((e) => {
      log.error('http request failed', e);
      if (!res.headersSent) fail(res, 500, 'INTERNAL', 'Внутренняя ошибка программы');
      else res.end();
    });
  });
}
