/**
 * `GET /api/changes`: the host's change notifications as server-sent events,
 * over the same TLS and session cookie as the API (main/backend/change-stream.ts
 * writes the stream; Fastify hands it the raw request and response).
 */
import { CHANGES_PATH } from '../../../core/api/changes';
import { serveChangeStream } from '../change-stream';
import type { RouteGroup } from '../http-server';
import { sameOrigin } from './api';

export const changeRoutes: RouteGroup = (app, ctx) => {
  app.get(CHANGES_PATH, (req, reply) => {
    if (!sameOrigin(ctx.secure, req.headers.origin, req.headers.host, req.headers['sec-fetch-site'])) {
      return ctx.fail(reply, 403, 'FORBIDDEN', 'Запрос с чужого сайта отклонён');
    }
    reply.hijack();
    serveChangeStream(ctx.backend, req.raw, reply.raw, ctx.token(req));
    return reply;
  });
};
