// The preview of a language version as readers will see it: the site's own story page, rendered
// by the site's templates from the saved text, whatever the version's status. Only for those who
// may read the text in the newsroom; never cached, never indexed.

import type { FastifyInstance } from 'fastify';
import { AppError } from '../../lib/errors.ts';
import { requireActor } from '../access/require-actor.ts';
import { readVersionText, type WorkflowContext } from '../workflow/index.ts';
import { APP_CSP } from './app-routes.ts';
import { readVersionParams, type VersionParams } from './story-input.ts';

export function registerPreviewRoute(app: FastifyInstance, context: WorkflowContext, renderPreview: (storyId: number, language: string) => Promise<string | undefined>): void {
  app.get<{ Params: VersionParams }>('/newsroom/app/preview/:storyId/:language', { preHandler: requireActor('story.read') }, async (request, reply) => {
    const { storyId, language } = readVersionParams(request.params);
    const actor = request.actor!;
    await readVersionText(context, { actor: { userId: actor.userId, role: actor.role }, storyId, language });
    const html = await renderPreview(storyId, language);
    if (html === undefined) throw new AppError('story_not_found', `Story ${storyId} has no ${language} version`, { details: { storyId, language } });
    return reply
      .header('content-security-policy', APP_CSP)
      .header('x-robots-tag', 'noindex, nofollow')
      .header('cache-control', 'no-store')
      .type('text/html; charset=utf-8')
      .send(html);
  });
}
