// The site's one stylesheet, read once at start and served under a name carrying a hash of its
// content, so browsers may keep it for a year and a new version is fetched at once.

import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';

const SOURCE = new URL('./assets/site.css', import.meta.url);

export function registerStylesheet(app: FastifyInstance): string {
  const css = readFileSync(SOURCE);
  const hash = createHash('sha256').update(css).digest('hex').slice(0, 12);
  const href = `/assets/site-${hash}.css`;
  app.get(href, async (_request, reply) =>
    reply.header('content-type', 'text/css; charset=utf-8').header('cache-control', 'public, max-age=31536000, immutable').send(css),
  );
  return href;
}
