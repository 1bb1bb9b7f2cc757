// RSS 2.0 of the latest stories of a language (/<lang>/rss.xml) and of a rubric
// (/<lang>/<rubric>/rss.xml), so the RSS links of every page lead somewhere real. The full feeds
// (Atom, JSON Feed, full text, tags, conditional GET, WebSub) belong to the distribution work.

import type { FastifyInstance, FastifyReply } from 'fastify';
import { escapeHtml, type FeedScope, listFeedPage } from '../../content/index.ts';
import { sendErrorPage, type Site } from '../site-deps.ts';
import { feedPath, homePath, rubricPath, storyPath } from '../paths.ts';
import { rubricIn } from '../story-items.ts';

const ITEMS = 50;

async function sendRss(site: Site, reply: FastifyReply, language: string, scope: FeedScope, title: string, pagePath: string, selfPath: string) {
  const now = site.clock();
  const { stories } = await listFeedPage(site.database.db, { language, scope, limit: ITEMS, now });
  const base = site.publicUrl;
  const items = stories
    .map((story) => {
      const rubric = rubricIn(site.directory, story.rubricId, language);
      const url = `${base}${storyPath(language, rubric?.slug ?? null, story.storyId, story.slug)}`;
      return `<item><title>${escapeHtml(story.headline)}</title><link>${escapeHtml(url)}</link><guid isPermaLink="true">${escapeHtml(url)}</guid><pubDate>${new Date(story.publishedAt).toUTCString()}</pubDate><description>${escapeHtml(story.lede)}</description>${rubric ? `<category>${escapeHtml(rubric.name)}</category>` : ''}</item>`;
    })
    .join('\n');
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
<title>${escapeHtml(title)}</title>
<link>${escapeHtml(`${base}${pagePath}`)}</link>
<description>${escapeHtml(title)}</description>
<language>${language}</language>
<atom:link href="${escapeHtml(`${base}${selfPath}`)}" rel="self" type="application/rss+xml"/>
${stories[0] ? `<lastBuildDate>${new Date(stories[0].publishedAt).toUTCString()}</lastBuildDate>\n` : ''}${items}
</channel>
</rss>
`;
  return reply.header('content-type', 'application/rss+xml; charset=utf-8').send(xml);
}

export function registerRssRoutes(app: FastifyInstance, site: Site): void {
  app.get<{ Params: { lang: string } }>('/:lang/rss.xml', async (request, reply) => {
    const { lang } = request.params;
    if (!site.directory.language(lang)) return sendErrorPage(site, reply, site.defaultLanguage, 404);
    return sendRss(site, reply, lang, { kind: 'all' }, site.directory.siteName(lang), homePath(lang), feedPath(lang));
  });
  app.get<{ Params: { lang: string; rubric: string } }>('/:lang/:rubric/rss.xml', async (request, reply) => {
    const { lang, rubric: slug } = request.params;
    if (!site.directory.language(lang)) return sendErrorPage(site, reply, site.defaultLanguage, 404);
    const rubric = site.directory.rubricBySlugIn(lang, slug);
    if (!rubric) return sendErrorPage(site, reply, lang, 404);
    const title = `${site.directory.siteName(lang)}: ${rubric.names[lang]!.name}`;
    return sendRss(site, reply, lang, { kind: 'rubric', rubricId: rubric.id }, title, rubricPath(lang, slug), feedPath(lang, slug));
  });
}
