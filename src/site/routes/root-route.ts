// The site's root sends readers to the home of their language (Accept-Language), or of the
// default language.

import type { FastifyInstance } from 'fastify';
import { negotiateLanguage } from '../language-negotiation.ts';
import { homePath } from '../paths.ts';
import type { Site } from '../site-deps.ts';

export function registerRootRoute(app: FastifyInstance, site: Site): void {
  app.get('/', async (request, reply) => {
    const language = negotiateLanguage(request.headers['accept-language'], site.directory.codes, site.defaultLanguage);
    return reply.code(302).header('vary', 'Accept-Language').header('cache-control', 'no-cache').redirect(homePath(language));
  });
}
