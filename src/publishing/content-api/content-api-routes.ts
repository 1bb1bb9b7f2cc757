// The public content API: read-only JSON of what the site shows, under /api/v1/, described by
// /api/openapi.json and /api/docs. Lists come from the same listing query and indexes as the pages
// (listFeedPage), one story from the same lookup as its page (findVersionForPage), so drafts,
// embargoed, unpublished and killed stories stay out by the one rule.
// route → read the parameters → query → present.

import type { FastifyInstance, FastifyReply } from 'fastify';
import { findTagByKey, findVersionForPage, listFeedPage, listStoryAuthors, listStoryTags, listTagsIn, type FeedScope } from '../../content/index.ts';
import { AppError } from '../../lib/errors.ts';
import { decodeApiCursor, encodeApiCursor } from './api-cursor.ts';
import { renderApiDocsPage } from './api-docs-page.ts';
import { readApiLanguage, readApiLimit, readApiStoryId, readApiText } from './content-api-input.ts';
import { presentStory, presentStorySummary } from './content-api-presenter.ts';
import { findStoryUrgency } from './content-api-queries.ts';
import type { ContentApiSite } from './content-api-site.ts';
import { buildOpenApiDocument, CONTENT_API_PREFIX } from './openapi-document.ts';

const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 50;

type Query = Record<string, unknown>;

function publicJson(reply: FastifyReply): FastifyReply {
  return reply.header('cache-control', 'public, max-age=60').header('access-control-allow-origin', '*');
}

export function registerContentApi(app: FastifyInstance, site: ContentApiSite): void {
  const rubricByKey = (key: string) => site.rubrics().find((rubric) => rubric.key === key);
  const rubricById = (id: number) => site.rubrics().find((rubric) => rubric.id === id);
  const document = () => buildOpenApiDocument({ publicUrl: site.publicUrl, languages: site.languages() });

  app.get('/api/openapi.json', async (_request, reply) => publicJson(reply).header('content-type', 'application/json; charset=utf-8').send(JSON.stringify(document())));
  app.get('/api/docs', async (_request, reply) => publicJson(reply).header('content-type', 'text/html; charset=utf-8').send(renderApiDocsPage(document())));

  app.get<{ Querystring: Query }>(`${CONTENT_API_PREFIX}/stories`, async (request, reply) => {
    const q = request.query;
    const language = readApiLanguage(q.language, site.languages());
    const limit = readApiLimit(q.limit, DEFAULT_LIMIT, MAX_LIMIT);
    const cursor = readApiText(q.cursor, 'cursor');
    const before = cursor === undefined ? undefined : decodeApiCursor(cursor);
    const rubricKey = readApiText(q.rubric, 'rubric');
    const tagKey = readApiText(q.tag, 'tag');
    if (rubricKey !== undefined && tagKey !== undefined) throw new AppError('invalid_input', 'rubric, tag: give one or the other', { details: { field: 'tag' } });
    let scope: FeedScope = { kind: 'all' };
    if (rubricKey !== undefined) {
      const rubric = rubricByKey(rubricKey);
      if (!rubric?.names[language]) throw new AppError('rubric_not_found', `rubric: no rubric "${rubricKey}" in ${language}`, { details: { field: 'rubric' } });
      scope = { kind: 'rubric', rubricId: rubric.id };
    }
    if (tagKey !== undefined) {
      const tag = await findTagByKey(site.database.db, language, tagKey);
      if (!tag) throw new AppError('tag_not_found', `tag: no tag "${tagKey}" in ${language}`, { details: { field: 'tag' } });
      scope = { kind: 'tag', tagId: tag.id };
    }
    const page = await listFeedPage(site.database.db, { language, scope, before, limit, now: site.clock() });
    publicJson(reply);
    return {
      stories: page.stories.map((story) => presentStorySummary(site, story, language, rubricById(story.rubricId))),
      next: page.older ? encodeApiCursor(page.older) : null,
    };
  });

  app.get<{ Params: { id: string }; Querystring: Query }>(`${CONTENT_API_PREFIX}/stories/:id`, async (request, reply) => {
    const storyId = readApiStoryId(request.params.id);
    const language = readApiLanguage(request.query.language, site.languages());
    const found = await findVersionForPage(site.database.db, language, storyId, site.clock());
    if (found.kind === 'killed') throw new AppError('story_gone', 'This story was withdrawn.', { details: { id: storyId, language } });
    if (found.kind === 'missing') throw new AppError('story_not_found', `No story ${storyId} in ${language}.`, { details: { id: storyId, language } });
    const { version, translations } = found;
    const [urgency, tags, authors] = await Promise.all([
      findStoryUrgency(site.database.db, storyId),
      listStoryTags(site, storyId, language),
      listStoryAuthors(site, storyId, language),
    ]);
    publicJson(reply);
    return presentStory(site, { version, urgency, rubric: rubricByKey(version.rubricKey), translations, tags, authors });
  });

  app.get<{ Querystring: Query }>(`${CONTENT_API_PREFIX}/rubrics`, async (request, reply) => {
    const language = readApiLanguage(request.query.language, site.languages());
    publicJson(reply);
    return {
      rubrics: site.rubrics().flatMap((rubric) => {
        const named = rubric.names[language];
        return named ? [{ key: rubric.key, name: named.name, slug: named.slug, url: site.publicUrl + site.rubricPath(language, named.slug) }] : [];
      }),
    };
  });

  app.get<{ Querystring: Query }>(`${CONTENT_API_PREFIX}/tags`, async (request, reply) => {
    const language = readApiLanguage(request.query.language, site.languages());
    const tags = await listTagsIn(site.database.db, language);
    publicJson(reply);
    return { tags: tags.map((tag) => ({ key: tag.key, name: tag.name, slug: tag.slug, url: site.publicUrl + site.tagPath(language, tag.slug) })) };
  });
}
