/** `POST /api/<method>`: one contract call per request, answered with the envelope. */
import type { ErrorCode } from '../../../core/api/errors';
import type { RouteGroup } from '../http-server';
import { SESSION_COOKIE } from '../http-server';

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

const METHOD_NAME = /^[a-z][A-Za-z]{0,40}\.[a-z][A-Za-z]{0,40}$/;

/** A browser sends Origin on POST: it must be this server, as addressed (blocks cross-site requests). */
export function sameOrigin(secure: boolean, origin: string | undefined, host: string | undefined, fetchSite: string | string[] | undefined): boolean {
  if (fetchSite !== undefined && fetchSite !== 'same-origin' && fetchSite !== 'none') return false;
  if (origin === undefined) return true;
  try {
    const u = new URL(origin);
    return u.host === host && u.protocol === (secure ? 'https:' : 'http:');
  } catch {
    return false;
  }
}

export const apiRoutes: RouteGroup = (app, ctx) => {
  app.post<{ Params: { method: string } }>('/api/:method', async (req, reply) => {
    if (!sameOrigin(ctx.secure, req.headers.origin, req.headers.host, req.headers['sec-fetch-site'])) {
      return ctx.fail(reply, 403, 'FORBIDDEN', 'Запрос с чужого сайта отклонён');
    }
    const method = req.params.method;
    if (!METHOD_NAME.test(method)) return ctx.fail(reply, 404, 'UNKNOWN_METHOD', 'Неизвестная операция');
    const result = await ctx.backend.call(ctx.token(req), method, req.body ?? {}, ctx.from(req));
    if (result.session) {
      const attrs = `Path=/; HttpOnly; SameSite=Strict${ctx.secure ? '; Secure' : ''}`;
      reply.header(
        'Set-Cookie',
        result.session.token
          ? `${SESSION_COOKIE}=${result.session.token}; ${attrs}; Expires=${new Date(result.session.expiresAt!).toUTCString()}`
          : `${SESSION_COOKIE}=; ${attrs}; Max-Age=0`,
      );
    }
    const status = result.envelope.ok ? 200 : (STATUS[result.envelope.error.code] ?? 400);
    return reply.code(status).header('Cache-Control', 'no-store').type('application/json; charset=utf-8').send(result.envelope);
  });

  app.all('/api/*', async (_req, reply) => ctx.fail(reply, 405, 'UNKNOWN_METHOD', 'Метод не поддерживается'));
};
