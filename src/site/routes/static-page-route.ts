// Static pages (About, Contacts) at /<lang>/<slug>.

import type { FastifyInstance } from 'fastify';
import { findPageBySlug, listPageVersions, renderDocumentHtml } from '../../content/index.ts';
import { buildChrome } from '../chrome.ts';
import { sendErrorPage, sendHtml, type Site } from '../site-deps.ts';
import { homePath, staticPagePath } from '../paths.ts';
import { renderStaticPage } from '../views/static-page.ts';

export function registerStaticPageRoute(app: FastifyInstance, site: Site): void {
  app.get<{ Params: { lang: string; page: string } }>('/:lang/:page', async (request, reply) => {
    const { lang, page: slug } = request.params;
    if (!site.directory.language(lang)) return sendErrorPage(site, reply, site.defaultLanguage, 404);
    const page = /^[a-z0-9-]{1,120}$/.test(slug) ? await findPageBySlug(site.database.db, lang, slug) : undefined;
    if (!page) return sendErrorPage(site, reply, lang, 404);
    const versions = await listPageVersions(site.database.db, page.key);
    const strings = site.directory.language(lang)!.strings;
    const path = staticPagePath(lang, slug);
    return sendHtml(reply, 200, renderStaticPage({
      chrome: buildChrome(site, {
        language: lang,
        title: page.title,
        path,
        equivalents: Object.fromEntries(versions.map((version) => [version.language, staticPagePath(version.language, version.slug)])),
      }),
      breadcrumbs: [{ text: strings.home, href: homePath(lang) }, { text: page.title, href: path }],
      heading: page.title,
      bodyHtml: renderDocumentHtml(page.body),
    }));
  });
}
