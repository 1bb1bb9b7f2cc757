// The feed addresses: every format (rss.xml, atom.xml, feed.json, yandex.xml) for a language
// (/<lang>/rss.xml), a rubric (/<lang>/<rubric>/rss.xml) and a tag (/<lang>/tags/<tag>/rss.xml).
// A rubric's or tag's former slug answers 301 to the same format at its current slug.
// route → find the scope → build the feed → conditional GET → render.

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { findTagBySlug, type FeedScope } from '../../content/index.ts';
import type { Database } from '../../db/database.ts';
import type { Clock } from '../../lib/clock.ts';
import { buildFeed, type FeedLinks } from './build-feed.ts';
import { feedValidators, isNotModified } from './conditional-get.ts';
import { FEED_CONTENT_TYPES, FEED_FILES, FEED_FORMATS, type FeedFormat } from './feed-model.ts';
import { feedAddress } from './feed-address.ts';
import { renderAtom } from './render-atom.ts';
import { renderJsonFeed } from './render-json-feed.ts';
import { renderRss } from './render-rss.ts';

/** What the feed routes need from the site: names, addresses, the time zone, its 404 page. */
export interface FeedSite extends FeedLinks {
  database: Database;
  clock: Clock;
  hubs: readonly string[];
  isLanguage(code: string): boolean;
  siteName(language: string): string;
  timeZone(): string;
  rubricBySlug(language: string, slug: string): { id: number; name: string } | undefined;
  /** The slug now used by the rubric or tag that had `formerSlug` in `language` (renamed or merged). */
  currentRubricSlug(language: string, formerSlug: string): Promise<string | undefined>;
  currentTagSlug(language: string, formerSlug: string): Promise<string | undefined>;
  homePath(language: string): string;
  rubricPath(language: string, slug: string): string;
  tagPath(language: string, slug: string): string;
  sendNotFound(reply: FastifyReply, language: string): Promise<unknown>;
}

interface Resolved {
  scope: FeedScope;
  title: string;
  pagePath: string;
  addressOf(format: FeedFormat): string;
}

async function sendFeed(site: FeedSite, request: FastifyRequest, reply: FastifyReply, language: string, format: FeedFormat, found: Resolved) {
  const now = site.clock();
  let validators: ReturnType<typeof feedValidators> | undefined;
  const { feed, isCurrent } = await buildFeed(site.database, site, {
    language,
    scope: found.scope,
    title: found.title,
    pagePath: found.pagePath,
    selfPath: found.addressOf(format),
    hubs: site.hubs,
    timeZone: site.timeZone(),
    now,
  }, (light) => isNotModified(request.headers as Record<string, string | undefined>, (validators = feedValidators(light, format))));
  validators ??= feedValidators(feed, format);
  reply.header('etag', validators.etag).header('cache-control', 'public, max-age=60');
  if (validators.lastModified) reply.header('last-modified', validators.lastModified);
  if (site.hubs.length > 0) reply.header('link', [...site.hubs.map((hub) => `<${hub}>; rel="hub"`), `<${feed.selfUrl}>; rel="self"`]);
  if (isCurrent) return reply.code(304).send();
  const body = format === 'atom' ? renderAtom(feed, now)
    : format === 'json' ? renderJsonFeed(feed)
    : renderRss(feed, { yandex: format === 'yandex' });
  return reply.header('content-type', FEED_CONTENT_TYPES[format]).send(body);
}

const TAG_SLUG = /^[a-z0-9-]{1,120}$/;

export function registerFeedRoutes(app: FastifyInstance, site: FeedSite): void {
  for (const format of FEED_FORMATS) {
    const file = FEED_FILES[format];
    app.get<{ Params: { lang: string } }>(`/:lang/${file}`, async (request, reply) => {
      const { lang } = request.params;
      if (!site.isLanguage(lang)) return site.sendNotFound(reply, lang);
      return sendFeed(site, request, reply, lang, format, {
        scope: { kind: 'all' },
        title: site.siteName(lang),
        pagePath: site.homePath(lang),
        addressOf: (f) => feedAddress(lang, f),
      });
    });
    app.get<{ Params: { lang: string; rubric: string } }>(`/:lang/:rubric/${file}`, async (request, reply) => {
      const { lang, rubric: slug } = request.params;
      if (!site.isLanguage(lang)) return site.sendNotFound(reply, lang);
      const rubric = site.rubricBySlug(lang, slug);
      if (!rubric) {
        const current = await site.currentRubricSlug(lang, slug);
        return current ? reply.redirect(feedAddress(lang, format, { rubricSlug: current }), 301) : site.sendNotFound(reply, lang);
      }
      return sendFeed(site, request, reply, lang, format, {
        scope: { kind: 'rubric', rubricId: rubric.id },
        title: `${site.siteName(lang)}: ${rubric.name}`,
        pagePath: site.rubricPath(lang, slug),
        addressOf: (f) => feedAddress(lang, f, { rubricSlug: slug }),
      });
    });
    app.get<{ Params: { lang: string; tag: string } }>(`/:lang/tags/:tag/${file}`, async (request, reply) => {
      const { lang, tag: slug } = request.params;
      if (!site.isLanguage(lang)) return site.sendNotFound(reply, lang);
      if (!TAG_SLUG.test(slug)) return site.sendNotFound(reply, lang);
      const tag = await findTagBySlug(site, lang, slug);
      const name = tag?.names[lang]?.name;
      if (!tag) {
        const current = await site.currentTagSlug(lang, slug);
        return current ? reply.redirect(feedAddress(lang, format, { tagSlug: current }), 301) : site.sendNotFound(reply, lang);
      }
      if (!name) return site.sendNotFound(reply, lang);
      return sendFeed(site, request, reply, lang, format, {
        scope: { kind: 'tag', tagId: tag.id },
        title: `${site.siteName(lang)}: ${name}`,
        pagePath: site.tagPath(lang, slug),
        addressOf: (f) => feedAddress(lang, f, { tagSlug: slug }),
      });
    });
  }
}
