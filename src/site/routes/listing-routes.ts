// The paginated listings: language homes (/<lang>/, with the main and top stories on the first
// page), rubric pages (/<lang>/<rubric>/), tag pages (/<lang>/tags/<tag>/) and author pages
// (/<lang>/authors/<author>/). Older pages are ?older=<cursor>; a malformed cursor is 400, a page
// past the end 404.

import type { FastifyInstance, FastifyReply } from 'fastify';
import { type FeedScope, findAuthorByKey, findImagesForPage, findMainStory, findTagBySlug, type ListedStory, listFeedPage } from '../../content/index.ts';
import { buildChrome, type ChromeInput } from '../chrome.ts';
import { parseOlder } from '../cursor.ts';
import { findCurrentRubricSlug, findCurrentTagSlug } from '../former-slugs.ts';
import { sendErrorPage, sendHtml, type Site } from '../site-deps.ts';
import { authorPath, feedPath, homePath, rubricPath, tagFeedPath, tagPath, withOlder } from '../paths.ts';
import { mediaPath, storyItem } from '../story-items.ts';
import { listRenditions, pictureSources } from '../../media/index.ts';
import { renderListingPage } from '../views/listing-page.ts';
import { organizationJsonLd, webSiteJsonLd, breadcrumbListJsonLd } from '../views/structured-data.ts';
import type { Link, ListingPageView } from '../views/view-models.ts';

const PAGE_SIZE = 30;
const TOP_STORIES = 4;
// How wide the home page shows its pictures (site.css): the main story two thirds of the page on
// wide screens, the top stories as 6.5rem thumbnails.
const MAIN_STORY_SIZES = '(min-width: 76rem) 48rem, (min-width: 64em) 62vw, calc(100vw - 2rem)';
const TOP_STORY_SIZES = '6.5rem';

type Query = { older?: string };

interface ListingSpec {
  language: string;
  scope: FeedScope;
  heading: string;
  chrome: Omit<ChromeInput, 'language' | 'path'>;
  path: string;
  breadcrumbs: Link[];
  withRubric: boolean;
  isHome?: boolean;
}

async function sendListing(site: Site, reply: FastifyReply, query: Query, spec: ListingSpec): Promise<FastifyReply> {
  const older = parseOlder(query.older);
  if (!older.ok) return sendErrorPage(site, reply, spec.language, 400);
  const language = site.directory.language(spec.language)!;
  const now = site.clock();
  const db = site.database.db;
  const isFirstPage = older.cursor === undefined;
  // Listings show headlines (only the main story, read apart, shows its lede).
  const page = await listFeedPage(db, { language: spec.language, scope: spec.scope, before: older.cursor, limit: PAGE_SIZE, now, withLede: false });
  if (!isFirstPage && page.stories.length === 0) return sendErrorPage(site, reply, spec.language, 404);

  let lead: ListingPageView['lead'];
  let feed: ListedStory[] = page.stories;
  if (spec.isHome && isFirstPage) {
    const main = await findMainStory(db, { language: spec.language, now });
    const top = page.stories.filter((story) => story.storyId !== main?.storyId && story.urgency <= 2).slice(0, TOP_STORIES);
    const imageIds = [main?.leadImageId, ...top.map((s) => s.leadImageId)].filter((id): id is number => id != null);
    const [images, renditions] = await Promise.all([findImagesForPage(site, imageIds, spec.language), listRenditions(db, imageIds)]);
    const picture = (id: number | null, sizes: string) => (id === null ? undefined : { sources: pictureSources(renditions.get(id), mediaPath), sizes });
    lead = {
      main: main ? storyItem(site.directory, main, language, now, { withRubric: true, withLede: true, image: main.leadImageId ? images.get(main.leadImageId) : undefined, picture: picture(main.leadImageId, MAIN_STORY_SIZES) }) : undefined,
      top: top.map((story) => storyItem(site.directory, story, language, now, { withRubric: true, image: story.leadImageId ? images.get(story.leadImageId) : undefined, picture: picture(story.leadImageId, TOP_STORY_SIZES) })),
    };
    const shown = new Set([main?.storyId, ...top.map((s) => s.storyId)]);
    feed = page.stories.filter((story) => !shown.has(story.storyId));
  }
  const strings = language.strings;
  const path = isFirstPage ? spec.path : withOlder(spec.path, older.cursor!);
  const view: ListingPageView = {
    chrome: buildChrome(site, { ...spec.chrome, language: spec.language, path, noindex: spec.chrome.noindex }),
    heading: spec.heading,
    breadcrumbs: spec.breadcrumbs,
    lead,
    feedHeading: lead ? strings.latestNews : undefined,
    items: feed.map((story) => storyItem(site.directory, story, language, now, { withRubric: spec.withRubric })),
    pagination: {
      older: page.older ? { text: strings.moreNews, href: withOlder(spec.path, page.older) } : undefined,
      newest: isFirstPage ? undefined : { text: strings.backToLatest, href: spec.path },
    },
    emptyText: page.stories.length === 0 ? strings.noStories : undefined,
  };
  return sendHtml(reply, 200, renderListingPage(view));
}

export function registerListingRoutes(app: FastifyInstance, site: Site): void {
  const known = (lang: string) => site.directory.language(lang) !== undefined;

  app.get<{ Params: { lang: string }; Querystring: Query }>('/:lang/', async (request, reply) => {
    const { lang } = request.params;
    if (!known(lang)) return sendErrorPage(site, reply, site.defaultLanguage, 404);
    const siteName = site.directory.siteName(lang);
    const strings = site.directory.language(lang)!.strings;
    const equivalents = Object.fromEntries(site.directory.codes.map((code) => [code, homePath(code)]));
    return sendListing(site, reply, request.query, {
      language: lang,
      scope: { kind: 'all' },
      heading: siteName,
      path: homePath(lang),
      breadcrumbs: [],
      withRubric: true,
      isHome: true,
      chrome: {
        equivalents,
        description: `${siteName}: ${strings.latestNews}`,
        structuredData: [
          webSiteJsonLd({ name: siteName, url: `${site.publicUrl}${homePath(lang)}`, language: lang }),
          organizationJsonLd({ name: siteName, url: `${site.publicUrl}${homePath(lang)}`, sameAs: Object.values(site.directory.settings.socialLinks).filter((v): v is string => !!v) }),
        ],
      },
    });
  });

  app.get<{ Params: { lang: string; rubric: string }; Querystring: Query }>('/:lang/:rubric/', async (request, reply) => {
    const { lang, rubric: slug } = request.params;
    if (!known(lang)) return sendErrorPage(site, reply, site.defaultLanguage, 404);
    const rubric = site.directory.rubricBySlugIn(lang, slug);
    if (!rubric) {
      const currentSlug = await findCurrentRubricSlug(site, lang, slug);
      return currentSlug ? reply.redirect(rubricPath(lang, currentSlug), 301) : sendErrorPage(site, reply, lang, 404);
    }
    const strings = site.directory.language(lang)!.strings;
    const name = rubric.names[lang]!.name;
    const path = rubricPath(lang, slug);
    const breadcrumbs = [{ text: strings.home, href: homePath(lang) }, { text: name, href: path }];
    return sendListing(site, reply, request.query, {
      language: lang,
      scope: { kind: 'rubric', rubricId: rubric.id },
      heading: name,
      path,
      breadcrumbs,
      withRubric: false,
      chrome: {
        title: name,
        description: strings.allOfRubric(name),
        equivalents: Object.fromEntries(Object.entries(rubric.names).map(([code, names]) => [code, rubricPath(code, names.slug)])),
        currentRubricId: rubric.id,
        feed: { text: strings.rssOf(name), href: feedPath(lang, slug) },
        structuredData: [breadcrumbListJsonLd(breadcrumbs.map((b) => ({ name: b.text, url: `${site.publicUrl}${b.href}` })))],
      },
    });
  });

  app.get<{ Params: { lang: string; tag: string }; Querystring: Query }>('/:lang/tags/:tag/', async (request, reply) => {
    const { lang, tag: slug } = request.params;
    if (!known(lang)) return sendErrorPage(site, reply, site.defaultLanguage, 404);
    const tag = /^[a-z0-9-]{1,120}$/.test(slug) ? await findTagBySlug(site, lang, slug) : undefined;
    if (!tag) {
      const currentSlug = /^[a-z0-9-]{1,120}$/.test(slug) ? await findCurrentTagSlug(site, lang, slug) : undefined;
      return currentSlug ? reply.redirect(tagPath(lang, currentSlug), 301) : sendErrorPage(site, reply, lang, 404);
    }
    const strings = site.directory.language(lang)!.strings;
    const heading = strings.tagHeading(tag.names[lang]!.name);
    const path = tagPath(lang, slug);
    return sendListing(site, reply, request.query, {
      language: lang,
      scope: { kind: 'tag', tagId: tag.id },
      heading,
      path,
      breadcrumbs: [{ text: strings.home, href: homePath(lang) }, { text: heading, href: path }],
      withRubric: true,
      chrome: {
        title: heading,
        equivalents: Object.fromEntries(Object.entries(tag.names).map(([code, names]) => [code, tagPath(code, names.slug)])),
        feed: { text: strings.rssOf(tag.names[lang]!.name), href: tagFeedPath(lang, slug) },
      },
    });
  });

  app.get<{ Params: { lang: string; author: string }; Querystring: Query }>('/:lang/authors/:author/', async (request, reply) => {
    const { lang, author: key } = request.params;
    if (!known(lang)) return sendErrorPage(site, reply, site.defaultLanguage, 404);
    const author = /^[a-z0-9-]{1,60}$/.test(key) ? await findAuthorByKey(site, key) : undefined;
    if (!author) return sendErrorPage(site, reply, lang, 404);
    const strings = site.directory.language(lang)!.strings;
    const heading = strings.authorHeading(author.names[lang] ?? author.key);
    const path = authorPath(lang, key);
    return sendListing(site, reply, request.query, {
      language: lang,
      scope: { kind: 'author', authorId: author.id },
      heading,
      path,
      breadcrumbs: [{ text: strings.home, href: homePath(lang) }, { text: heading, href: path }],
      withRubric: true,
      chrome: { title: heading, equivalents: Object.fromEntries(site.directory.codes.map((code) => [code, authorPath(code, key)])) },
    });
  });
}
