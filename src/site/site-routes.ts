// The public site as far as the foundation goes: the root sends readers to their language, each
// language has a news feed, and every story has a stable address /<lang>/<rubric>/<id>-<slug>.
// A former slug or a wrong rubric in the address answers 301 to the current one; a killed story 410.

import type { FastifyInstance, FastifyReply } from 'fastify';
import type { AppDependencies } from '../http/app.ts';
import { escapeHtml, findImagesForPage, findStoryIdBySlug, findVersionForPage, type ImageForPage, listLatestStories, listVisibleTranslations, type PageVersion, readSettings, renderDocumentHtml, type SiteSettings, type StoryDocument } from '../content/index.ts';
import { renderPage, type SwitchTarget } from './layout.ts';
import { negotiateLanguage } from './language-negotiation.ts';
import { formatDateline, isoWithOffset } from './dateline.ts';
import { uiStrings } from './ui-strings.ts';
import { storyPath } from './paths.ts';

const STORY_SEGMENT = /^(\d{1,10})(?:-([a-z0-9]+(?:-[a-z0-9]+)*))?$/;
const SLUG_SEGMENT = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export async function registerStoryRoutes(app: FastifyInstance, deps: AppDependencies): Promise<void> {
  const { config, database, clock } = deps;
  const languages = config.languages;
  const codes = languages.map((language) => language.code);
  const localeOf = new Map(languages.map((language) => [language.code, language.locale]));
  let settings: SiteSettings = await readSettings(database.db);
  const siteName = (language: string) => settings.siteName[language] ?? settings.siteName.en ?? 'Dispatch';

  const homeSwitch = (): SwitchTarget[] => languages.map((language) => ({ language, href: `/${language.code}/` }));

  function sendHtml(reply: FastifyReply, status: number, html: string) {
    return reply.code(status).header('content-type', 'text/html; charset=utf-8').send(html);
  }

  function errorPage(reply: FastifyReply, language: string, status: 404 | 410) {
    const strings = uiStrings(language);
    const [title, text] = status === 410 ? [strings.goneTitle, strings.goneText] : [strings.notFoundTitle, strings.notFoundText];
    return sendHtml(reply, status, renderPage({
      language,
      title: `${title} — ${siteName(language)}`,
      siteName: siteName(language),
      switchTargets: homeSwitch(),
      content: `<h1>${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p><p><a href="/${language}/">${escapeHtml(strings.home)}</a></p>`,
    }));
  }

  app.setNotFoundHandler((request, reply) => {
    const first = request.url.split('/')[1] ?? '';
    return errorPage(reply, codes.includes(first) ? first : config.defaultLanguage, 404);
  });

  app.get('/', async (request, reply) => {
    const language = negotiateLanguage(request.headers['accept-language'], codes, config.defaultLanguage);
    return reply.code(302).header('vary', 'Accept-Language').header('cache-control', 'no-cache').redirect(`/${language}/`);
  });

  app.get<{ Params: { lang: string } }>('/:lang/', async (request, reply) => {
    const { lang } = request.params;
    if (!codes.includes(lang)) return errorPage(reply, config.defaultLanguage, 404);
    const now = clock();
    const items = await listLatestStories(database.db, { language: lang, limit: 30, now });
    const locale = localeOf.get(lang)!;
    const list = items
      .map((item) => `<li><time datetime="${isoWithOffset(item.publishedAt, settings.timeZone)}">${escapeHtml(formatDateline(item.publishedAt, locale, settings.timeZone, now))}</time> <a href="${escapeHtml(storyPath(lang, item.rubricSlug, item.storyId, item.slug))}">${escapeHtml(item.headline)}</a></li>`)
      .join('\n');
    const strings = uiStrings(lang);
    return sendHtml(reply, 200, renderPage({
      language: lang,
      title: siteName(lang),
      siteName: siteName(lang),
      switchTargets: homeSwitch(),
      canonical: `${config.publicUrl}/${lang}/`,
      content: `<h1>${escapeHtml(strings.latestNews)}</h1>\n<ul class="feed">\n${list}\n</ul>`,
    }));
  });

  app.get<{ Params: { lang: string; rubric: string; story: string } }>('/:lang/:rubric/:story', async (request, reply) => {
    const { lang, rubric, story } = request.params;
    if (!codes.includes(lang)) return errorPage(reply, config.defaultLanguage, 404);
    const match = STORY_SEGMENT.exec(story);
    if (!match) {
      // An address of the form /<lang>/<rubric>/<slug> without an id: a former slug, perhaps.
      if (!SLUG_SEGMENT.test(story)) return errorPage(reply, lang, 404);
      const storyId = await findStoryIdBySlug(database.db, lang, story);
      if (storyId === undefined) return errorPage(reply, lang, 404);
      const found = await findVersionForPage(database.db, lang, storyId, clock());
      if (found.kind !== 'visible') return errorPage(reply, lang, found.kind === 'killed' ? 410 : 404);
      return reply.redirect(storyPath(lang, found.version.rubricSlug, storyId, found.version.slug), 301);
    }
    const storyId = Number(match[1]);
    const now = clock();
    const found = await findVersionForPage(database.db, lang, storyId, now);
    if (found.kind === 'killed') return errorPage(reply, lang, 410);
    if (found.kind === 'missing') return errorPage(reply, lang, 404);
    const version = found.version;
    if (match[2] !== version.slug || rubric !== version.rubricSlug) {
      return reply.redirect(storyPath(lang, version.rubricSlug, storyId, version.slug), 301);
    }
    return sendHtml(reply, 200, await renderArticle(version, now));
  });

  async function renderArticle(version: PageVersion, now: Date): Promise<string> {
    const lang = version.language;
    // Bodies are validated when written; the renderer still emits only its fixed set of elements.
    const body = JSON.parse(version.body) as StoryDocument;
    const imageIds = collectImageIds(body);
    if (version.leadImageId !== null) imageIds.push(version.leadImageId);
    const images = await findImagesForPage({ database }, imageIds, lang);
    const translations = await listVisibleTranslations(database.db, version.storyId, now);
    const byLanguage = new Map(translations.map((t) => [t.language, t]));
    const switchTargets = languages.map((language) => {
      const translation = byLanguage.get(language.code);
      return { language, href: translation ? storyPath(language.code, translation.rubricSlug, version.storyId, translation.slug) : `/${language.code}/` };
    });
    const locale = localeOf.get(lang)!;
    const lead = version.leadImageId === null ? undefined : images.get(version.leadImageId);
    const published = version.publishedAt!;
    const content = [
      '<article>',
      version.rubricSlug ? `<p class="rubric"><a href="/${lang}/${escapeHtml(version.rubricSlug)}/">${escapeHtml(version.rubricName ?? '')}</a></p>` : '',
      `<h1>${escapeHtml(version.headline)}</h1>`,
      `<p class="dateline"><time datetime="${isoWithOffset(published, settings.timeZone)}">${escapeHtml(formatDateline(published, locale, settings.timeZone, now))}</time></p>`,
      lead ? renderLeadImage(lead) : '',
      `<p class="lede"><strong>${escapeHtml(version.lede)}</strong></p>`,
      renderDocumentHtml(body, {
        resolveImage: (id) => {
          const image = images.get(id);
          return image ? { src: mediaPath(image), width: image.width, height: image.height } : undefined;
        },
      }),
      '</article>',
    ].join('\n');
    return renderPage({
      language: lang,
      title: `${version.headline} — ${siteName(lang)}`,
      siteName: siteName(lang),
      switchTargets,
      canonical: `${config.publicUrl}${storyPath(lang, version.rubricSlug, version.storyId, version.slug)}`,
      content,
    });
  }

  /** Lets the newsroom (and tests) make the site pick up changed settings. */
  app.decorate('reloadSiteSettings', async () => {
    settings = await readSettings(database.db);
  });
}

function mediaPath(image: ImageForPage): string {
  return `/media/${image.storageKey}`;
}

function renderLeadImage(image: ImageForPage): string {
  const caption = [image.caption ? escapeHtml(image.caption) : '', image.credit ? `<span class="credit">${escapeHtml(image.credit)}</span>` : '']
    .filter(Boolean)
    .join(' ');
  return `<figure class="lead-image"><img src="${escapeHtml(mediaPath(image))}" width="${image.width}" height="${image.height}" alt="${escapeHtml(image.alt ?? '')}">${caption ? `<figcaption>${caption}</figcaption>` : ''}</figure>`;
}

function collectImageIds(doc: StoryDocument): number[] {
  const ids: number[] = [];
  for (const block of doc.content) if (block.type === 'image') ids.push(block.attrs.imageId);
  return ids;
}
