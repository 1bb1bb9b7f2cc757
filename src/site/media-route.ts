// Serves stored images at /media/<key>. Only keys of the media library's form are looked up, so a
// request can never reach a file outside the media folder.

import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';

const KEY = /^[a-z0-9][a-z0-9_-]*(\/[a-z0-9][a-z0-9_-]*)*\.(jpg|jpeg|png|webp|avif|gif|svg)$/;
const TYPES: Record<string, string> = {
  jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp', avif: 'image/avif', gif: 'image/gif', svg: 'image/svg+xml',
};

export function registerMediaRoute(app: FastifyInstance, mediaDir: string): void {
  app.get<{ Params: { '*': string } }>('/media/*', async (request, reply) => {
    const key = request.params['*'];
    const match = KEY.exec(key);
    if (!match) return reply.callNotFound();
    const file = path.join(mediaDir, key);
    const info = await stat(file).catch(() => undefined);
    if (!info?.isFile()) return reply.callNotFound();
    reply
      .header('content-type', TYPES[match[2]!]!)
      .header('content-length', info.size)
      .header('cache-control', 'public, max-age=31536000, immutable')
      .header('x-content-type-options', 'nosniff');
    // SVG can carry script: never let it run in the site's origin.
    if (match[2] === 'svg') reply.header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; sandbox");
    return reply.send(createReadStream(file));
  });
}
