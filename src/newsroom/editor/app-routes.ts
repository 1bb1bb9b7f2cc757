// Serves the newsroom browser app: one HTML shell for every address under /newsroom/app (the
// app routes inside the page) and the bundled assets under /newsroom/app/assets/. The shell
// carries a strict Content-Security-Policy: scripts and styles only from this origin, no inline
// script or style, no frames, no plugins, so text typed by anyone cannot become active content.

import type { FastifyInstance, FastifyReply } from 'fastify';
import { requireActor } from '../access/require-actor.ts';
import { AppError } from '../../lib/errors.ts';
import { webBundle } from './web-bundle.ts';

export const APP_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "frame-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'self'",
  "object-src 'none'",
].join('; ');

function secure(reply: FastifyReply): FastifyReply {
  return reply
    .header('content-security-policy', APP_CSP)
    .header('x-content-type-options', 'nosniff')
    .header('referrer-policy', 'same-origin')
    .header('x-frame-options', 'SAMEORIGIN');
}

function shell(script: string, style: string, language: string): string {
  return `<!doctype html>
<html lang="${language === 'ru' ? 'ru' : 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Dispatch newsroom</title>
<link rel="stylesheet" href="/newsroom/app/assets/${style}">
<script type="module" src="/newsroom/app/assets/${script}"></script>
</head>
<body><main id="app" aria-live="polite"></main></body>
</html>
`;
}

export function registerAppRoutes(app: FastifyInstance): void {
  // Once the server listens (not before: the public site does not need the app), read the built
  // bundle or start bundling in memory, so the first page view of the newsroom does not wait.
  app.addHook('onListen', async () => {
    webBundle().catch((error: unknown) => app.log.error({ err: error }, 'bundling the newsroom app failed'));
  });

  const page = async (request: import('fastify').FastifyRequest, reply: FastifyReply) => {
    const bundle = await webBundle();
    return secure(reply).header('cache-control', 'no-store').type('text/html; charset=utf-8').send(shell(bundle.script, bundle.style, request.actor?.language ?? 'en'));
  };
  app.get('/newsroom/app', { preHandler: requireActor('newsroom.enter') }, page);
  app.get('/newsroom/app/*', { preHandler: requireActor('newsroom.enter') }, page);

  app.get<{ Params: { file: string } }>('/newsroom/app/assets/:file', async (request, reply) => {
    const asset = (await webBundle()).assets.get(request.params.file);
    if (!asset) throw new AppError('not_found', 'No such asset of the newsroom app');
    return secure(reply).header('cache-control', 'public, max-age=31536000, immutable').type(asset.contentType).send(asset.body);
  });
}
