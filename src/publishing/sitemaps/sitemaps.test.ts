// Sitemaps as a search engine meets them, on both databases: robots.txt names the index, the index
// lists a file per language and month and the Google News files, the monthly files carry hreflang
// alternates for each visible translation, the news file the last 48 hours with publication name
// and language; files are validated offline with xmllint against the official sitemap XSDs (a
// month's files with their alternates, through W3C's XHTML 1.0 Strict schema); and a
// kill, an unpublish and an embargo make a story vanish from every sitemap at once.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { describeEachDatabase } from '../../testing/databases.ts';
import { buildTestApp } from '../../testing/app.ts';
import { movableWorkflowContext, newsroom } from '../../newsroom/workflow/workflow-fixtures.ts';
import { killVersion, setEmbargo, unpublishVersion } from '../../newsroom/index.ts';
import { createStory, documentFromText, writeSetting } from '../../content/index.ts';

const NOW = '2026-07-27T11:00:00.000Z';
const HOUR = 3600_000;
const BASE = 'https://news.example.by';
const SCHEMAS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'schema');
const SCHEMA = path.join(SCHEMAS, 'sitemap.xsd');
const INDEX_SCHEMA = path.join(SCHEMAS, 'siteindex.xsd');
const NEWS_SCHEMA = path.join(SCHEMAS, 'sitemap-with-news.xsd');
const ALTERNATES_SCHEMA = path.join(SCHEMAS, 'sitemap-with-xhtml.xsd');
const scratch = mkdtempSync(path.join(tmpdir(), 'dispatch-sitemaps-'));

/** xmllint's verdict, offline: undefined when valid, else its message. */
function xmllint(xml: string, schema?: string): string | undefined {
  const file = path.join(scratch, `doc-${Math.random().toString(36).slice(2)}.xml`);
  writeFileSync(file, xml);
  try {
    execFileSync('xmllint', ['--noout', '--nonet', ...(schema ? ['--schema', schema] : []), file], { stdio: 'pipe' });
    return undefined;
  } catch (error) {
    return String((error as { stderr?: Buffer }).stderr ?? error);
  }
}

function locs(xml: string): string[] {
  return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
}

describeEachDatabase('sitemaps', ({ database }) => {
  const { context, setNow } = movableWorkflowContext(database, NOW);
  let app: FastifyInstance;
  let people: Awaited<ReturnType<typeof newsroom>>;
  const ids: Record<string, number> = {};

  async function pathOf(storyId: number, language: string): Promise<string> {
    const { slug } = await database().db.selectFrom('story_versions').select('slug').where('story_id', '=', storyId).where('language', '=', language).executeTakeFirstOrThrow();
    return `${BASE}/${language}/${people.rubric.names[language]!.slug}/${storyId}-${slug}`;
  }

  before(async () => {
    app = (await buildTestApp(database(), context.clock)).app;
    await writeSetting(database().db, 'timeZone', 'Europe/Minsk');
    await writeSetting(database().db, 'siteName', { ru: 'Демо-агентство', en: 'Demo Agency', be: 'Дэма-агенцтва' });
    people = await newsroom(context);
    const at = (hoursAgo: number) => new Date(Date.parse(NOW) - hoursAgo * HOUR).toISOString();
    const story = async (key: string, hoursAgo: number, languages: string[], extra: { embargoUntil?: string; status?: 'draft' } = {}) => {
      const { id } = await createStory(context, {
        rubricId: people.rubric.id,
        ...(extra.embargoUntil ? { embargoUntil: extra.embargoUntil } : {}),
        versions: languages.map((language) => ({
          language, headline: `${key} «${language}» & co`, lede: 'Lede.', body: documentFromText(['Text.']),
          ...(extra.status ? {} : { status: 'published' as const, publishedAt: at(hoursAgo) }),
        })),
      });
      ids[key] = id;
    };
    await story('fresh', 2, ['ru', 'en']);
    await story('yesterday', 30, ['ru', 'en', 'be']);
    await story('old-news', 60, ['ru']);
    await story('june', 24 * 40, ['ru', 'en']);
    await story('english-june', 24 * 41, ['en']);
    await story('embargoed', 1, ['ru'], { embargoUntil: at(-24) });
    await story('draft', 1, ['ru'], { status: 'draft' });
    await (app as unknown as { site: { reload(): Promise<void> } }).site.reload();
  });
  after(async () => {
    await app?.close();
  });

  test('robots.txt names the sitemap index', async () => {
    const robots = await app.inject({ url: '/robots.txt' });
    assert.equal(robots.statusCode, 200);
    assert.match(robots.headers['content-type'] as string, /^text\/plain/);
    assert.match(robots.body, /^Sitemap: https:\/\/news\.example\.by\/sitemap\.xml$/m);
    assert.match(robots.body, /^Disallow: \/newsroom$/m);
  });

  test('the index lists a file per language and month with stories, and the news files', async () => {
    const index = await app.inject({ url: '/sitemap.xml' });
    assert.equal(index.statusCode, 200);
    assert.match(index.headers['content-type'] as string, /^application\/xml/);
    assert.equal(xmllint(index.body, INDEX_SCHEMA), undefined, 'valid against the official siteindex.xsd');
    assert.notEqual(xmllint(index.body.replace('<loc>', '<location>'), INDEX_SCHEMA), undefined, 'xmllint does refuse a broken index');
    assert.match(index.body, /<sitemapindex xmlns="http:\/\/www\.sitemaps\.org\/schemas\/sitemap\/0\.9">/);
    assert.deepEqual(locs(index.body), [
      `${BASE}/sitemaps/ru/news-1.xml`, `${BASE}/sitemaps/ru/2026-06-1.xml`, `${BASE}/sitemaps/ru/2026-07-1.xml`,
      `${BASE}/sitemaps/en/news-1.xml`, `${BASE}/sitemaps/en/2026-06-1.xml`, `${BASE}/sitemaps/en/2026-07-1.xml`,
      `${BASE}/sitemaps/be/news-1.xml`, `${BASE}/sitemaps/be/2026-07-1.xml`,
    ]);
    for (const loc of locs(index.body)) assert.equal((await app.inject({ url: loc.slice(BASE.length) })).statusCode, 200, loc);
  });

  test('a month lists its visible versions with an xhtml:link alternate for each visible translation', async () => {
    const july = (await app.inject({ url: '/sitemaps/ru/2026-07-1.xml' })).body;
    assert.match(july, /<xhtml:link /);
    assert.equal(xmllint(july, ALTERNATES_SCHEMA), undefined, 'valid with its alternates against the official sitemap and W3C XHTML 1.0 Strict schemas');
    assert.notEqual(xmllint(july.replace('<xhtml:link rel=', '<xhtml:link relation='), ALTERNATES_SCHEMA), undefined, 'xmllint does refuse an alternate with an attribute xhtml:link does not have');
    assert.notEqual(xmllint(july.replace('<xhtml:link ', '<xhtml:alternate '), ALTERNATES_SCHEMA), undefined, 'xmllint does refuse an element XHTML does not have');
    assert.deepEqual(locs(july), [await pathOf(ids['old-news']!, 'ru'), await pathOf(ids.yesterday!, 'ru'), await pathOf(ids.fresh!, 'ru')], 'oldest first, no embargoed, no draft');
    const yesterday = july.split('\n').find((line) => line.includes(`/${ids.yesterday}-`))!;
    for (const language of ['ru', 'en', 'be']) {
      assert.ok(yesterday.includes(`<xhtml:link rel="alternate" hreflang="${language}" href="${await pathOf(ids.yesterday!, language)}"/>`), language);
    }
    assert.match(yesterday, /<lastmod>2026-07-27T14:00:00\+03:00<\/lastmod>/, 'lastmod: the last change, with the agency offset');
    const old = july.split('\n').find((line) => line.includes(`/${ids['old-news']}-`))!;
    assert.doesNotMatch(old, /xhtml:link/, 'a story in one language has no alternates');
    const englishJune = (await app.inject({ url: '/sitemaps/en/2026-06-1.xml' })).body;
    assert.ok(locs(englishJune).includes(await pathOf(ids['english-june']!, 'en')));
    const russianJune = (await app.inject({ url: '/sitemaps/ru/2026-06-1.xml' })).body;
    assert.equal(xmllint(russianJune, ALTERNATES_SCHEMA), undefined);
  });

  test('a month of one language without translations validates against the official sitemap XSD', async () => {
    const be = (await app.inject({ url: '/sitemaps/be/2026-07-1.xml' })).body;
    assert.deepEqual(locs(be), [await pathOf(ids.yesterday!, 'be')]);
    // Its one story has translations, so it carries alternates; a month with none is plain urlset:
    const lonely = await createStory(context, { rubricId: people.rubric.id, versions: [{ language: 'be', headline: 'Адна', lede: 'Лід.', body: documentFromText(['Тэкст.']), status: 'published', publishedAt: '2026-05-10T08:00:00.000Z' }] });
    const may = (await app.inject({ url: '/sitemaps/be/2026-05-1.xml' })).body;
    assert.deepEqual(locs(may), [await pathOf(lonely.id, 'be')]);
    assert.equal(xmllint(may, SCHEMA), undefined);
  });

  test('the Google News sitemap: the last 48 hours, newest first, publication name and language', async () => {
    const news = (await app.inject({ url: '/sitemaps/ru/news-1.xml' })).body;
    assert.equal(xmllint(news, NEWS_SCHEMA), undefined, 'valid against the sitemap and Google News schemas');
    assert.notEqual(xmllint(news.replace(/<news:language>ru<\/news:language>/g, ''), NEWS_SCHEMA), undefined, 'xmllint does refuse a news entry without its language');
    assert.match(news, /xmlns:news="http:\/\/www\.google\.com\/schemas\/sitemap-news\/0\.9"/);
    assert.deepEqual(locs(news), [await pathOf(ids.fresh!, 'ru'), await pathOf(ids.yesterday!, 'ru')], 'old-news (60 h) is out');
    assert.ok(news.includes('<news:publication><news:name>Демо-агентство</news:name><news:language>ru</news:language></news:publication>'));
    assert.ok(news.includes('<news:publication_date>2026-07-27T12:00:00+03:00</news:publication_date>'));
    assert.ok(news.includes('<news:title>fresh «ru» &amp; co</news:title>'));
    assert.equal((await app.inject({ url: '/sitemaps/ru/news-2.xml' })).statusCode, 404);
  });

  test('bad sitemap addresses are 404 pages', async () => {
    for (const url of ['/sitemaps/xx/2026-07-1.xml', '/sitemaps/ru/2026-13-1.xml', '/sitemaps/ru/2026-07-0.xml', '/sitemaps/ru/july.xml', '/sitemaps/ru/2020-01-1.xml', '/sitemaps/ru/news-0.xml']) {
      assert.equal((await app.inject({ url })).statusCode, 404, url);
    }
  });

  test('a kill, an unpublish and an embargo make a story vanish from every sitemap at once', async () => {
    setNow('2026-07-27T11:30:00.000Z');
    const urls = ['/sitemaps/ru/news-1.xml', '/sitemaps/ru/2026-07-1.xml', '/sitemaps/en/news-1.xml', '/sitemaps/en/2026-07-1.xml', '/sitemaps/be/2026-07-1.xml', '/sitemaps/be/news-1.xml'];
    const everything = async () => (await Promise.all(urls.map(async (url) => (await app.inject({ url })).body))).join('\n');
    const fresh = await pathOf(ids.fresh!, 'ru');
    const yesterdayBe = await pathOf(ids.yesterday!, 'be');
    const oldNews = await pathOf(ids['old-news']!, 'ru');
    const beforeAll = await everything();
    for (const url of [fresh, yesterdayBe, oldNews]) assert.ok(beforeAll.includes(url));

    await killVersion(context, { actor: people.editor, storyId: ids.fresh!, language: 'ru', reason: 'Legal' });
    await unpublishVersion(context, { actor: people.editor, storyId: ids.yesterday!, language: 'be' });
    await setEmbargo(context, { actor: people.editor, storyId: ids['old-news']!, until: '2026-07-30T00:00:00.000Z' });
    const afterAll = await everything();
    for (const url of [fresh, yesterdayBe, oldNews]) assert.ok(!afterAll.includes(url), `${url} must be gone, also as an alternate`);
    assert.ok(afterAll.includes(await pathOf(ids.fresh!, 'en')), 'the English version of the killed Russian one stays');
    for (const url of urls.filter((u) => !u.includes('news'))) {
      const file = await app.inject({ url });
      if (file.statusCode === 200) assert.equal(xmllint(file.body, ALTERNATES_SCHEMA), undefined, `${url} stays valid with its alternates`);
    }
    const may = (await app.inject({ url: '/sitemaps/be/2026-05-1.xml' })).body;
    assert.equal(xmllint(may, SCHEMA), undefined);
  });
});
