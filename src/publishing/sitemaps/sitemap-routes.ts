// /robots.txt, the sitemap index /sitemap.xml, the monthly sitemaps /sitemaps/<lang>/<yyyy>-<mm>-<n>.xml
// and the Google News sitemaps /sitemaps/<lang>/news-<n>.xml. Every read is an index range over what
// readers may see now, so killed, unpublished, embargoed and scheduled stories never appear.

import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Database } from '../../db/database.ts';
import type { Clock } from '../../lib/clock.ts';
import { countPublishedIn, listHiddenVersionMonths, listSitemapMonths, listVersionsPublishedIn, listVisibleVersionsOf } from './sitemap-queries.ts';
import { renderNewsSitemap, renderSitemapIndex, renderUrlSet } from './render-sitemaps.ts';

/** URLs per monthly file (the protocol allows 50,000). */
export const SITEMAP_PAGE = 10_000;
/** Google News: at most 1,000 URLs per file, stories of the last 48 hours. */
export const NEWS_PAGE = 1_000;
export const NEWS_WINDOW_MS = 48 * 3600_000;

export interface SitemapSite {
  database: Database;
  clock: Clock;
  publicUrl: string;
  languages(): readonly string[];
  isLanguage(code: string): boolean;
  siteName(language: string): string;
  timeZone(): string;
  storyPath(language: string, rubricId: number, storyId: number, slug: string): string;
  sendNotFound(reply: FastifyReply, language: string): Promise<unknown>;
}

function monthStart(year: number, month: number): string {
  return new Date(Date.UTC(year, month - 1, 1)).toISOString();
}

function sendXml(reply: FastifyReply, xml: string): FastifyReply {
  return reply.header('content-type', 'application/xml; charset=utf-8').header('cache-control', 'public, max-age=300').send(xml);
}

const MONTH_FILE = /^(\d{4})-(\d{2})-([1-9]\d{0,4})\.xml$/;
const NEWS_FILE = /^news-([1-9]\d{0,2})\.xml$/;

export function registerSitemapRoutes(app: FastifyInstance, site: SitemapSite): void {
  app.get('/robots.txt', async (_request, reply) => {
    return reply.header('content-type', 'text/plain; charset=utf-8').send(
      `User-agent: *\nAllow: /\nDisallow: /newsroom\nDisallow: /api/\n\nSitemap: ${site.publicUrl}/sitemap.xml\n`,
    );
  });

  app.get('/sitemap.xml', async (_request, reply) => {
    const now = site.clock();
    const db = site.database.db;
    const languages = site.languages();
    const newsFrom = new Date(now.getTime() - NEWS_WINDOW_MS).toISOString();
    // The kept month counts, less what no file lists now (embargoed, dated later): exact, so no
    // month file named here answers 404.
    const [months, hidden] = await Promise.all([listSitemapMonths(db, now.toISOString().slice(0, 7)), listHiddenVersionMonths(db, languages, now)]);
    const listed = new Map(months.map((row) => [`${row.language} ${row.month}`, row.versions]));
    for (const { language, month } of hidden) {
      const key = `${language} ${month}`;
      if (listed.has(key)) listed.set(key, listed.get(key)! - 1);
    }
    const locations: string[] = [];
    for (const language of languages) {
      const newsCount = await countPublishedIn(db, { language, from: newsFrom, now });
      for (let page = 1; page <= Math.ceil(newsCount / NEWS_PAGE); page++) locations.push(`${site.publicUrl}/sitemaps/${language}/news-${page}.xml`);
      for (const { month } of months.filter((row) => row.language === language)) {
        const versions = listed.get(`${language} ${month}`)!;
        for (let page = 1; page <= Math.ceil(versions / SITEMAP_PAGE); page++) locations.push(`${site.publicUrl}/sitemaps/${language}/${month}-${page}.xml`);
      }
    }
    return sendXml(reply, renderSitemapIndex(locations));
  });

  app.get<{ Params: { lang: string; file: string } }>('/sitemaps/:lang/:file', async (request, reply) => {
    const { lang, file } = request.params;
    if (!site.isLanguage(lang)) return site.sendNotFound(reply, lang);
    const now = site.clock();
    const db = site.database.db;
    const absolute = (language: string, v: { rubricId: number; storyId: number; slug: string }) => `${site.publicUrl}${site.storyPath(language, v.rubricId, v.storyId, v.slug)}`;
    const news = NEWS_FILE.exec(file);
    if (news) {
      const page = Number(news[1]);
      const versions = await listVersionsPublishedIn(db, {
        language: lang, from: new Date(now.getTime() - NEWS_WINDOW_MS).toISOString(), now,
        offset: (page - 1) * NEWS_PAGE, limit: NEWS_PAGE, newestFirst: true,
      });
      if (versions.length === 0 && page > 1) return site.sendNotFound(reply, lang);
      return sendXml(reply, renderNewsSitemap(versions.map((v) => ({
        loc: absolute(lang, v),
        publicationName: site.siteName(lang),
        language: lang,
        publishedAt: new Date(v.publishedAt),
        title: v.headline,
      })), site.timeZone()));
    }
    const month = MONTH_FILE.exec(file);
    const year = Number(month?.[1]);
    const monthNumber = Number(month?.[2]);
    if (!month || monthNumber < 1 || monthNumber > 12 || year < 1970) return site.sendNotFound(reply, lang);
    const page = Number(month[3]);
    const versions = await listVersionsPublishedIn(db, {
      language: lang,
      from: monthStart(year, monthNumber),
      to: monthStart(monthNumber === 12 ? year + 1 : year, monthNumber === 12 ? 1 : monthNumber + 1),
      now,
      offset: (page - 1) * SITEMAP_PAGE,
      limit: SITEMAP_PAGE,
    });
    if (versions.length === 0) return site.sendNotFound(reply, lang);
    const translations = await listVisibleVersionsOf(db, versions.map((v) => v.storyId), now);
    return sendXml(reply, renderUrlSet(versions.map((v) => {
      const all = (translations.get(v.storyId) ?? []).sort((a, b) => a.language.localeCompare(b.language));
      return {
        loc: absolute(lang, v),
        lastmod: new Date(v.changedAt),
        alternates: all.length > 1 ? all.map((t) => ({ hreflang: t.language, href: absolute(t.language, t) })) : [],
      };
    }), site.timeZone()));
  });
}
