// The feeds as a feed reader meets them, on both databases: every format of a language, a rubric
// and a tag, parsed back by two independent parsers (rss-parser and @rowanmanning/feed-parser) and
// compared field by field with the stored stories; JSON Feed against its spec's required fields;
// conditional GET; discovery links; and a kill, an unpublish and an embargo making a story vanish
// from every feed at once.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import RssParser from 'rss-parser';
import { parseFeed } from '@rowanmanning/feed-parser';
import { describeEachDatabase } from '../../testing/databases.ts';
import { buildTestApp } from '../../testing/app.ts';
import { movableWorkflowContext, newsroom } from '../../newsroom/workflow/workflow-fixtures.ts';
import { correctVersion, killVersion, setEmbargo, unpublishVersion } from '../../newsroom/index.ts';
import {
  createStory, createTag, documentFromText, registerImage, renderDocumentHtml, writeSetting, type StoryDocument,
} from '../../content/index.ts';

const NOW = '2026-07-27T11:00:00.000Z'; // 14:00 in Minsk
const MINUTE = 60_000;
const BASE = 'https://news.example.by';
const HUB = 'https://hub.example.org/';
const HEADLINE = '«Белавиа» & "партнёры" открыли рейс <Минск — Вена>';

const rssParser = new RssParser({ customFields: { item: ['content:encoded', 'yandex:full-text'] } });

/** What @rowanmanning/feed-parser makes of HTML content: entities of text decoded, trimmed. */
function asParsed(html: string): string {
  return html.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&').trim();
}

interface Stored {
  storyId: number;
  headline: string;
  lede: string;
  url: string;
  publishedAt: string;
  contentHtml: string;
}

describeEachDatabase('feeds', ({ database }) => {
  const { context, setNow } = movableWorkflowContext(database, NOW);
  let app: FastifyInstance;
  let people: Awaited<ReturnType<typeof newsroom>>;
  let rubricSlug: string;
  let tagSlug: string;
  const visible: Stored[] = [];
  let lead: Stored;
  let hiddenHeadlines: string[];

  async function stored(storyId: number): Promise<Stored> {
    const row = await database().db.selectFrom('story_versions').selectAll().where('story_id', '=', storyId).where('language', '=', 'ru').executeTakeFirstOrThrow();
    return {
      storyId,
      headline: row.headline,
      lede: row.lede,
      url: `${BASE}/ru/${rubricSlug}/${storyId}-${row.slug}`,
      publishedAt: row.published_at!,
      contentHtml: renderDocumentHtml(JSON.parse(row.body) as StoryDocument),
    };
  }

  before(async () => {
    app = (await buildTestApp(database(), context.clock, { WEBSUB_HUBS: HUB })).app;
    const db = database().db;
    await writeSetting(db, 'timeZone', 'Europe/Minsk');
    await writeSetting(db, 'siteName', { ru: 'Демо-агентство', en: 'Demo Agency', be: 'Дэма-агенцтва' });
    people = await newsroom(context);
    const tag = await createTag(context, { key: 'aviation', names: { ru: 'Авиация', en: 'Aviation' } });
    tagSlug = tag.names.ru!.slug;
    rubricSlug = people.rubric.names.ru!.slug;
    const image = await registerImage(context, {
      storageKey: 'demo/plane.jpg', mimeType: 'image/jpeg', width: 1200, height: 675, byteSize: 48_213, credit: 'Dispatch',
      texts: { ru: { alt: 'Самолёт', caption: 'В аэропорту' } },
    });
    const at = (minutesAgo: number) => new Date(Date.parse(NOW) - minutesAgo * MINUTE).toISOString();
    const published = (headline: string, minutesAgo: number, extra: { tagIds?: number[]; leadImageId?: number; embargoUntil?: string } = {}) =>
      createStory(context, {
        rubricId: people.rubric.id,
        ...extra,
        versions: [{
          language: 'ru', headline, lede: `Лид: ${headline} — «кавычки» & 'апостроф'`,
          body: documentFromText([`Первый абзац «${headline}» & ещё.`, 'Второй абзац с **жирным** текстом.']),
          status: 'published', publishedAt: at(minutesAgo),
        }],
      });
    const first = await published(HEADLINE, 30, { tagIds: [tag.id], leadImageId: image.id });
    const second = await published('Курс рубля на торгах', 90, { tagIds: [tag.id] });
    const third = await published('Урожай в Гомельской области', 120);
    await published('Эмбарго до завтра', 10, { embargoUntil: at(-24 * 60) });
    await createStory(context, { rubricId: people.rubric.id, versions: [{ language: 'ru', headline: 'Запланировано на вечер', lede: 'Лид.', body: documentFromText(['Текст.']), status: 'scheduled', publishedAt: at(-120) }] });
    await createStory(context, { rubricId: people.rubric.id, versions: [{ language: 'ru', headline: 'Черновик редактора', lede: 'Лид.', body: documentFromText(['Текст.']) }] });
    await (app as unknown as { site: { reload(): Promise<void> } }).site.reload();
    for (const { id } of [first, second, third]) visible.push(await stored(id));
    lead = visible[0]!;
    hiddenHeadlines = ['Эмбарго до завтра', 'Запланировано на вечер', 'Черновик редактора'];
  });
  after(async () => {
    await app?.close();
  });

  async function get(url: string, headers: Record<string, string> = {}) {
    return app.inject({ url, headers });
  }

  test('RSS 2.0 reads back through both parsers as the stored stories, with full text, enclosure and the Minsk offset', async () => {
    const response = await get('/ru/rss.xml');
    assert.equal(response.statusCode, 200);
    assert.match(response.headers['content-type'] as string, /^application\/rss\+xml; charset=utf-8/);
    assert.match(response.body, /<pubDate>Mon, 27 Jul 2026 13:30:00 \+0300<\/pubDate>/, 'RFC 822 with the agency offset');
    assert.match(response.body, /<atom:link href="https:\/\/news.example.by\/ru\/rss.xml" rel="self" type="application\/rss\+xml"\/>/);
    assert.match(response.body, /<atom:link href="https:\/\/hub.example.org\/" rel="hub"\/>/);

    const one = await rssParser.parseString(response.body);
    const two = parseFeed(response.body);
    assert.equal(one.title, 'Демо-агентство');
    assert.equal(two.title, 'Демо-агентство');
    assert.equal(two.self, `${BASE}/ru/rss.xml`);
    assert.deepEqual(one.items.map((item) => item.title), visible.map((s) => s.headline), 'newest first, only what readers may see');
    assert.deepEqual(two.items.map((item) => item.title), visible.map((s) => s.headline));
    visible.forEach((story, i) => {
      const a = one.items[i]!;
      const b = two.items[i]!;
      assert.equal(a.link, story.url);
      assert.equal(b.url, story.url);
      assert.equal(a.guid, story.url);
      assert.equal(Date.parse(a.pubDate!), Date.parse(story.publishedAt));
      assert.equal(b.published?.getTime(), Date.parse(story.publishedAt));
      assert.equal(a['content:encoded'], story.contentHtml);
      assert.equal(b.content, asParsed(story.contentHtml), '@rowanmanning/feed-parser decodes and trims');
      assert.equal(b.description, story.lede);
    });
    assert.deepEqual({ ...one.items[0]!.enclosure }, { url: `${BASE}/media/demo/plane.jpg`, length: '48213', type: 'image/jpeg' });
    assert.deepEqual(two.items[0]!.media.map((m) => [m.url, m.length, m.mimeType]), [[`${BASE}/media/demo/plane.jpg`, 48213, 'image/jpeg']]);
    assert.equal(one.items[1]!.enclosure, undefined, 'no image, no enclosure');
    for (const hidden of hiddenHeadlines) assert.ok(!response.body.includes(hidden), `${hidden} must not be in the feed`);
  });

  test('Atom 1.0 reads back through both parsers the same way, with RFC 3339 dates', async () => {
    const response = await get('/ru/atom.xml');
    assert.equal(response.statusCode, 200);
    assert.match(response.headers['content-type'] as string, /^application\/atom\+xml/);
    assert.match(response.body, /<published>2026-07-27T13:30:00\+03:00<\/published>/);
    assert.match(response.body, /<link rel="hub" href="https:\/\/hub.example.org\/"\/>/);
    const one = await rssParser.parseString(response.body);
    const two = parseFeed(response.body);
    assert.equal(two.self, `${BASE}/ru/atom.xml`);
    assert.deepEqual(one.items.map((item) => item.title), visible.map((s) => s.headline));
    visible.forEach((story, i) => {
      const a = one.items[i]!;
      const b = two.items[i]!;
      assert.equal(a.link, story.url);
      assert.equal(b.url, story.url);
      assert.equal(b.title, story.headline);
      assert.equal(Date.parse(a.isoDate!), Date.parse(story.publishedAt));
      assert.equal(b.published?.getTime(), Date.parse(story.publishedAt));
      assert.equal(a.content, story.contentHtml);
      assert.equal(b.content, asParsed(story.contentHtml), '@rowanmanning/feed-parser decodes and trims');
    });
    assert.deepEqual(two.items[0]!.media.map((m) => [m.url, m.length, m.mimeType]), [[`${BASE}/media/demo/plane.jpg`, 48213, 'image/jpeg']]);
  });

  test('JSON Feed 1.1 has the spec\'s required fields and the same items', async () => {
    const response = await get('/ru/feed.json');
    assert.equal(response.statusCode, 200);
    assert.match(response.headers['content-type'] as string, /^application\/feed\+json/);
    const feed = JSON.parse(response.body) as Record<string, any>;
    assert.equal(feed.version, 'https://jsonfeed.org/version/1.1');
    assert.equal(typeof feed.title, 'string');
    assert.equal(feed.feed_url, `${BASE}/ru/feed.json`);
    assert.equal(feed.home_page_url, `${BASE}/ru/`);
    assert.deepEqual(feed.hubs, [{ type: 'WebSub', url: HUB }]);
    assert.ok(Array.isArray(feed.items));
    visible.forEach((story, i) => {
      const item = feed.items[i];
      assert.equal(typeof item.id, 'string', 'id is required');
      assert.ok(typeof item.content_html === 'string' || typeof item.content_text === 'string', 'content_html or content_text is required');
      assert.equal(item.url, story.url);
      assert.equal(item.title, story.headline);
      assert.equal(item.content_html, story.contentHtml);
      assert.match(item.date_published, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+03:00$/);
      assert.equal(Date.parse(item.date_published), Date.parse(story.publishedAt));
    });
    assert.deepEqual(feed.items[0].attachments, [{ url: `${BASE}/media/demo/plane.jpg`, mime_type: 'image/jpeg', size_in_bytes: 48213 }]);
    assert.equal(feed.items.length, visible.length);
  });

  test('the Yandex variant carries the full text as yandex:full-text', async () => {
    const response = await get('/ru/yandex.xml');
    assert.equal(response.statusCode, 200);
    assert.match(response.body, /xmlns:yandex="http:\/\/news.yandex.ru"/);
    const one = await rssParser.parseString(response.body);
    const two = parseFeed(response.body);
    assert.deepEqual(two.items.map((item) => item.title), visible.map((s) => s.headline));
    const fullText = one.items[0]!['yandex:full-text'] as string;
    assert.equal(fullText, `Первый абзац «${HEADLINE}» & ещё.\nВторой абзац с жирным текстом.`);
  });

  test('escaping: Cyrillic and « » stay as they are, & < > " are escaped, and the raw XML is well formed for both parsers', async () => {
    const body = (await get('/ru/rss.xml')).body;
    assert.ok(body.includes('<title>«Белавиа» &amp; &quot;партнёры&quot; открыли рейс &lt;Минск — Вена&gt;</title>'));
    const atom = (await get('/ru/atom.xml')).body;
    assert.equal(parseFeed(atom).items[0]!.title, HEADLINE);
  });

  test('rubric and tag feeds hold their own stories and name their own address', async () => {
    const tagFeed = await get(`/ru/tags/${tagSlug}/rss.xml`);
    assert.equal(tagFeed.statusCode, 200);
    const parsed = await rssParser.parseString(tagFeed.body);
    assert.deepEqual(parsed.items.map((item) => item.title), visible.slice(0, 2).map((s) => s.headline));
    assert.equal(parseFeed(tagFeed.body).self, `${BASE}/ru/tags/${tagSlug}/rss.xml`);
    assert.equal(parsed.title, 'Демо-агентство: Авиация');
    for (const file of ['rss.xml', 'atom.xml', 'feed.json', 'yandex.xml']) {
      const rubric = await get(`/ru/${rubricSlug}/${file}`);
      assert.equal(rubric.statusCode, 200, file);
      assert.ok(rubric.body.includes(`${BASE}/ru/${rubricSlug}/${file}`), `${file} names itself`);
      assert.equal((await get(`/ru/tags/${tagSlug}/${file}`)).statusCode, 200);
    }
    const en = await rssParser.parseString((await get('/en/rss.xml')).body);
    assert.deepEqual(en.items, [], 'no English versions, an empty but valid feed');
  });

  test('unknown languages, rubrics and tags are 404 pages, never 500', async () => {
    for (const url of ['/xx/rss.xml', '/ru/no-such-rubric/atom.xml', '/ru/tags/no-such-tag/feed.json', '/ru/tags/BAD%20TAG/rss.xml']) {
      assert.equal((await get(url)).statusCode, 404, url);
    }
  });

  test('conditional GET: 304 on a matching ETag or a later If-Modified-Since, 200 with a new ETag after a correction', async () => {
    const first = await get('/ru/atom.xml');
    const etag = first.headers.etag as string;
    const lastModified = first.headers['last-modified'] as string;
    assert.ok(etag);
    assert.equal(Date.parse(lastModified), Date.parse(NOW), 'the newest change: the stories were written at NOW');
    assert.equal((await get('/ru/atom.xml', { 'if-none-match': etag })).statusCode, 304);
    assert.equal((await get('/ru/atom.xml', { 'if-modified-since': lastModified })).statusCode, 304);
    assert.equal((await get('/ru/atom.xml', { 'if-modified-since': new Date(Date.parse(NOW) - 1000).toUTCString() })).statusCode, 200);
    assert.equal((await get('/ru/atom.xml', { 'if-none-match': '"something-else"' })).statusCode, 200);
    assert.notEqual((await get('/ru/rss.xml')).headers.etag, etag, 'each format has its own ETag');

    setNow('2026-07-27T11:20:00.000Z');
    await correctVersion(context, { actor: people.editor, storyId: lead.storyId, language: 'ru', note: 'Исправлено время вылета.' });
    const after = await get('/ru/atom.xml', { 'if-none-match': etag, 'if-modified-since': lastModified });
    assert.equal(after.statusCode, 200);
    assert.notEqual(after.headers.etag, etag);
    assert.equal(Date.parse(after.headers['last-modified'] as string), Date.parse('2026-07-27T11:20:00.000Z'));
    const entry = parseFeed(after.body).items[0]!;
    assert.equal(entry.updated?.getTime(), Date.parse('2026-07-27T11:20:00.000Z'), 'the correction is the entry\'s update');
    assert.equal(entry.published?.getTime(), Date.parse(lead.publishedAt));
  });

  test('every page names its feeds; a rubric or tag page names that rubric\'s or tag\'s, and the header RSS link follows', async () => {
    const home = (await get('/ru/')).body;
    for (const [type, file] of [['application/rss+xml', 'rss.xml'], ['application/atom+xml', 'atom.xml'], ['application/feed+json', 'feed.json']] as const) {
      assert.match(home, new RegExp(`<link rel="alternate" type="${type.replace('+', '\\+')}"[^>]*href="/ru/${file}"`));
    }
    const rubricPage = (await get(`/ru/${rubricSlug}/`)).body;
    assert.match(rubricPage, new RegExp(`<link rel="alternate" type="application/atom\\+xml"[^>]*href="/ru/${rubricSlug}/atom.xml"`));
    assert.match(rubricPage, new RegExp(`class="feed-link" href="/ru/${rubricSlug}/rss.xml"`));
    const tagPage = (await get(`/ru/tags/${tagSlug}/`)).body;
    assert.match(tagPage, new RegExp(`<link rel="alternate" type="application/feed\\+json"[^>]*href="/ru/tags/${tagSlug}/feed.json"`));
    assert.match(tagPage, new RegExp(`class="feed-link" href="/ru/tags/${tagSlug}/rss.xml"`));
  });

  test('a kill, an unpublish and an embargo make a story vanish from every feed at once', async () => {
    const urls = ['rss.xml', 'atom.xml', 'feed.json', 'yandex.xml'].flatMap((file) => [`/ru/${file}`, `/ru/${rubricSlug}/${file}`, `/ru/tags/${tagSlug}/${file}`]);
    const [killed, unpublished] = [visible[0]!, visible[1]!];
    setNow('2026-07-27T11:30:00.000Z');
    for (const url of urls) {
      const body = (await get(url)).body;
      assert.ok(body.includes(killed.url), `${url} lists the story before`);
    }
    await killVersion(context, { actor: people.editor, storyId: killed.storyId, language: 'ru', reason: 'Иск о клевете' });
    await unpublishVersion(context, { actor: people.editor, storyId: unpublished.storyId, language: 'ru' });
    const embargoed = visible[2]!;
    await setEmbargo(context, { actor: people.editor, storyId: embargoed.storyId, until: '2026-07-28T00:00:00.000Z' });
    for (const url of urls) {
      const response = await get(url);
      assert.equal(response.statusCode, 200, url);
      for (const gone of [killed, unpublished, embargoed]) assert.ok(!response.body.includes(gone.url), `${url} must not list ${gone.headline}`);
    }
  });
});
