/** The built renderer as static files, with the CSP; any other page path gets index.html (a single-page app). */
import fastifyStatic from '@fastify/static';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { RouteGroup } from '../http-server';
import { CONTENT_SECURITY_POLICY } from '../http-server';

function pageHeaders(res: { setHeader(name: string, value: string): unknown }, path: string): void {
  res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Cache-Control', path.endsWith('.html') ? 'no-cache' : 'public, max-age=31536000, immutable');
}

export const staticRoutes: RouteGroup = async (app, ctx) => {
  if (!ctx.staticDir) return;
  const root = resolve(ctx.staticDir);
  await app.register(fastifyStatic, { root, cacheControl: false, serveDotFiles: false, list: false, setHeaders: pageHeaders });
  ctx.onNotFound((req, reply) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || req.url.startsWith('/api/')) return null;
    if (!existsSync(join(root, 'index.html'))) {
      return reply.code(404).type('text/plain; charset=utf-8').send('Интерфейс не собран: выполните npm run build');
    }
    reply.header('Content-Security-Policy', CONTENT_SECURITY_POLICY).header('X-Frame-Options', 'DENY').header('Cache-Control', 'no-cache');
    return reply.sendFile('index.html');
  });
};
