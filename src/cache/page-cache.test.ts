// The page cache as readers meet it, on SQLite and PostgreSQL, through the app in-process with the
// newsroom's own bus: a page is rendered once and then served from memory in the coding the
// client takes, with its ETag, Cache-Control and Surrogate-Key; publishing, moving, correcting and
// killing a story drop exactly the pages that showed it or whose lists it enters, before the
// command returns; a stampede renders once; hostile headers and cookies poison nothing.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { describeEachDatabase } from '../testing/databases.ts';
import { buildTestApp } from '../testing/app.ts';
import { createRubric, createTag } from '../content/index.ts';
import { draftStory, movableWorkflowContext, newsroom } from '../newsroom/workflow/workflow-fixtures.ts';
import { correctVersion, killVersion, publishVersion, unpublishVersion, updateStoryDetails } from '../newsroom/index.ts';
import type { PageCache } from './index.ts';
import { CACHEABLE_ROUTES } from './index.ts';

/** A request over a real connection, its body as sent (fetch would decompress it). */
function requestRaw(url: string, options: { method?: string; headers?: Record<string, string> } = {}): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(url, { method: options.method ?? 'GET', headers: options.headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks) }));
    });
    outgoing.once('error', reject);
    outgoing.end();
  });
}

type App = Awaited<ReturnType<typeof buildTestApp>>['app'] & { pageCache: PageCache; site: { reload(): Promise<void> } };

describeEachDatabase('the page cache', ({ database }) => {
  const { context, setNow } = movableWorkflowContext(database, '2026-11-23T08:00:00.000Z');
  let people: Awaited<ReturnType<typeof newsroom>>;
  let app: App;
  let routes: Array<{ method: string; url: string }>;
  let economics: string;
  let politics: { id: number; slug: string; ruSlug: string };
  let firstId: number;
  let tag: { id: number; slug: string; ruSlug: string };

  async function pathOf(storyId: number, language = 'en'): Promise<string> {
    const row = await database().db
      .selectFrom('story_versions as v')
      .innerJoin('rubric_names as r', (join) => join.onRef('r.rubric_id', '=', 'v.rubric_id').onRef('r.language', '=', 'v.language'))
      .select(['v.slug', 'r.slug as rubric'])
      .where('v.story_id', '=', storyId)
      .where('v.language', '=', language)
      .executeTakeFirstOrThrow();
    return `/${language}/${row.rubric}/${storyId}-${row.slug}`;
  }

  /** Requests `url` once the cache is serving again (a page made during a change is not stored). */
  async function warm(url: string): Promise<void> {
    await app.pageCache.whenServing();
    await app.inject({ url });
  }

  /** Whether `url` was answered from memory: the render count does not move. */
  async function isServedFromCache(url: string): Promise<boolean> {
    await app.pageCache.whenServing();
    const renders = app.pageCache.stats().renders;
    const response = await app.inject({ url });
    assert.equal(response.statusCode, 200, url);
    return app.pageCache.stats().renders === renders;
  }

  async function publish(headline: string, rubricId: number, extra: { tagIds?: number[] } = {}): Promise<number> {
    const storyId = await draftStory(context, rubricId, people.reporter, headline, ['en', 'ru'], extra);
    await publishVersion(context, { actor: people.editor, storyId, language: 'en' });
    await publishVersion(context, { actor: people.editor, storyId, language: 'ru' });
    return storyId;
  }

  before(async () => {
    people = await newsroom(context);
    economics = people.rubric.names.en!.slug;
    const rubric = await createRubric(context, { key: `politics-${Date.now()}`, names: { en: 'Politics', ru: 'Политика' } });
    politics = { id: rubric.id, slug: rubric.names.en!.slug, ruSlug: rubric.names.ru!.slug };
    const created = await createTag(context, { key: `minsk-${Date.now()}`, names: { en: 'Minsk', ru: 'Минск' } });
    tag = { id: created.id, slug: created.names.en!.slug, ruSlug: created.names.ru!.slug };
    const built = await buildTestApp(database(), context.clock, { PAGE_CACHE_MAX_MB: '16' }, { events: context.events });
    app = built.app as App;
    routes = built.routes;
    await app.site.reload();
    firstId = await publish('Potash exports grow', people.rubric.id, { tagIds: [tag.id] });
    setNow('2026-11-23T08:10:00.000Z');
  });
  after(async () => {
    await app?.close();
  });

  test('every cacheable route pattern is one the app has', () => {
    const registered = new Set(routes.filter((route) => route.method === 'GET').map((route) => route.url));
    for (const pattern of CACHEABLE_ROUTES) assert.ok(registered.has(pattern), `${pattern} is not a route`);
  });

  test('a story page is rendered once, then served from memory with its validators and keys', async () => {
    const path = await pathOf(firstId);
    await app.pageCache.whenServing();
    const first = await app.inject({ url: path });
    assert.equal(first.statusCode, 200);
    assert.ok(await isServedFromCache(path));
    const again = await app.inject({ url: path });
    assert.equal(again.body, first.body);
    assert.match(String(again.headers.etag), /^"[A-Za-z0-9_-]+"$/, 'a strong ETag');
    assert.equal(again.headers.vary, 'Accept-Encoding');
    const cacheControl = String(again.headers['cache-control']);
    for (const directive of ['public', 's-maxage=300', 'stale-while-revalidate=', 'stale-if-error=']) assert.ok(cacheControl.includes(directive), cacheControl);
    const keys = String(again.headers['surrogate-key']).split(' ');
    for (const key of ['site', `story:${firstId}`, `rubric:en:${economics}`, `story:${firstId}:ru`]) assert.ok(keys.includes(key), `${key} in ${keys.join(' ')}`);

    const notModified = await app.inject({ url: path, headers: { 'if-none-match': String(again.headers.etag) } });
    assert.equal(notModified.statusCode, 304);
    assert.equal(notModified.body, '');
    const stale = await app.inject({ url: path, headers: { 'if-none-match': '"something-else"' } });
    assert.equal(stale.statusCode, 200);
  });

  test('over a real connection, a fresh stored page is answered before the framework, with the same headers and bytes', async () => {
    const path = await pathOf(firstId);
    await warm(path);
    const base = await app.listen({ host: '127.0.0.1', port: 0 });
    const compared = ['content-type', 'etag', 'vary', 'cache-control', 'surrogate-key', 'content-encoding', 'content-length'];
    for (const acceptEncoding of ['identity', 'gzip', 'br']) {
      const viaHooks = await app.inject({ url: path, headers: { 'accept-encoding': acceptEncoding } });
      const { hits, directHits, renders } = app.pageCache.stats();
      const direct = await requestRaw(`${base}${path}`, { headers: { 'accept-encoding': acceptEncoding } });
      assert.equal(direct.status, 200);
      assert.equal(app.pageCache.stats().renders, renders, 'no render');
      assert.equal(app.pageCache.stats().hits, hits + 1, 'counted as a hit');
      assert.equal(app.pageCache.stats().directHits, directHits + 1, 'answered before the framework');
      for (const header of compared) assert.equal(direct.headers[header], viaHooks.headers[header]?.toString(), `${acceptEncoding}: ${header}`);
      assert.ok(direct.body.equals(viaHooks.rawPayload), `${acceptEncoding}: the stored bytes`);
    }
    const etag = (await requestRaw(`${base}${path}`)).headers.etag!;
    const notModified = await requestRaw(`${base}${path}`, { headers: { 'if-none-match': etag } });
    assert.equal(notModified.status, 304);
    assert.equal(notModified.headers.etag, etag);
    assert.equal(notModified.body.length, 0);

    const metrics = (await requestRaw(`${base}/metrics`)).body.toString();
    assert.match(metrics, /dispatch_http_requests_total\{route="\/:lang\/:rubric\/:story",method="GET",status="304"\} [1-9]/, 'direct answers are in the metrics');

    // A dropped page is not answered from memory: the route renders it again.
    app.pageCache.drop([`story:${firstId}`]);
    const renders = app.pageCache.stats().renders;
    assert.equal((await requestRaw(`${base}${path}`)).status, 200);
    assert.equal(app.pageCache.stats().renders, renders + 1);
    // Neither is a request for something else at a stored address: HEAD, or another method.
    for (const method of ['HEAD', 'POST']) {
      const before = app.pageCache.stats().directHits;
      await requestRaw(`${base}${path}`, { method });
      assert.equal(app.pageCache.stats().directHits, before, method);
    }
    // Nor while a change is being worked out: the hold covers direct answers too.
    await warm(path);
    let release!: () => void;
    const held = app.pageCache.holdWhile(new Promise<void>((resolve) => (release = resolve)));
    const before = app.pageCache.stats().directHits;
    assert.equal((await requestRaw(`${base}${path}`)).status, 200);
    assert.equal(app.pageCache.stats().directHits, before, 'held');
    release();
    await held;
  });

  test('brotli and gzip forms hold the same page; refused or garbled codings get the plain bytes', async () => {
    const path = await pathOf(firstId);
    const plain = (await app.inject({ url: path })).body;
    const br = await app.inject({ url: path, headers: { 'accept-encoding': 'gzip, deflate, br' } });
    assert.equal(br.headers['content-encoding'], 'br');
    assert.equal(brotliDecompressSync(br.rawPayload).toString('utf8'), plain);
    const gzip = await app.inject({ url: path, headers: { 'accept-encoding': 'br;q=0, gzip' } });
    assert.equal(gzip.headers['content-encoding'], 'gzip');
    assert.equal(gunzipSync(gzip.rawPayload).toString('utf8'), plain);
    assert.notEqual(gzip.headers.etag, br.headers.etag, 'each form has its own ETag');
    for (const header of ['br;q=oops', ';;;,,', 'x'.repeat(600), 'gzip;q=0, br;q=0', '*;q=0']) {
      const response = await app.inject({ url: path, headers: { 'accept-encoding': header } });
      assert.equal(response.headers['content-encoding'], undefined, header);
      assert.equal(response.body, plain, header);
    }
  });

  test('a hostile Host header or a cookie does not change or poison the page others get', async () => {
    const path = await pathOf(firstId);
    await app.pageCache.whenServing();
    app.pageCache.drop([`story:${firstId}`]);
    const hostile = await app.inject({ url: path, headers: { host: 'evil.example', cookie: 'session=attacker; lang=xx' } });
    assert.equal(hostile.statusCode, 200);
    assert.doesNotMatch(hostile.body, /evil\.example/);
    assert.equal(await isServedFromCache(path), false, 'what a request with cookies got was not stored');
    assert.ok(await isServedFromCache(path));
    const next = await app.inject({ url: `${path}?utm_source=evil&x=<script>`, headers: { host: 'evil.example' } });
    assert.doesNotMatch(next.body, /evil|<script>/);
  });

  test('a stampede of 1,000 requests for an uncached page renders it once', async () => {
    const path = `/en/${economics}/`;
    await app.pageCache.whenServing();
    app.pageCache.drop([`rubric:en:${economics}`]);
    const renders = app.pageCache.stats().renders;
    const responses = await Promise.all(Array.from({ length: 1000 }, () => app.inject({ url: path })));
    assert.equal(app.pageCache.stats().renders - renders, 1);
    assert.ok(responses.every((response) => response.statusCode === 200 && response.body === responses[0]!.body));
  });

  test('publishing drops the lists the story enters and the pages beside it, and nothing else, before it returns', async () => {
    const firstPath = await pathOf(firstId);
    const watched = [firstPath, '/en/', `/en/${economics}/`, '/en/rss.xml', `/en/${economics}/rss.xml`, `/en/${politics.slug}/`, '/ru/'];
    for (const url of watched) await warm(url);
    for (const url of watched) assert.ok(await isServedFromCache(url), url);

    setNow('2026-11-23T08:11:00.000Z');
    const storyId = await draftStory(context, people.rubric.id, people.reporter, 'Harvest record', ['en']);
    await publishVersion(context, { actor: people.editor, storyId, language: 'en' });
    // No waiting: the very next request must show the story.
    for (const url of [firstPath, '/en/', `/en/${economics}/`, '/en/rss.xml', `/en/${economics}/rss.xml`]) {
      const response = await app.inject({ url });
      assert.match(response.body, /Harvest record en/, `${url} shows the new story`);
    }
    assert.ok(await isServedFromCache(`/en/${politics.slug}/`), 'another rubric stays cached');
    assert.ok(await isServedFromCache('/ru/'), 'another language stays cached');
  });

  test('a story moved to another rubric leaves the old rubric page and enters the new one', async () => {
    // The Russian version stays published while the English one is taken down to be edited.
    const storyId = await publish('Grain deal', people.rubric.id);
    const oldRubric = `/ru/${people.rubric.names.ru!.slug}/`;
    const newRubric = `/ru/${politics.ruSlug}/`;
    await unpublishVersion(context, { actor: people.editor, storyId, language: 'en' });
    for (const url of [oldRubric, newRubric]) await warm(url);
    assert.match((await app.inject({ url: oldRubric })).body, /Grain deal ru/);
    assert.ok(await isServedFromCache(newRubric));

    await updateStoryDetails(context, { actor: people.editor, storyId, language: 'en', details: { rubricId: politics.id } });
    assert.doesNotMatch((await app.inject({ url: oldRubric })).body, /Grain deal ru/);
    assert.match((await app.inject({ url: newRubric })).body, /Grain deal ru/);
  });

  test('a tag added to a published story puts it on the tag page at once', async () => {
    const storyId = await publish('Metro extended', politics.id);
    await unpublishVersion(context, { actor: people.editor, storyId, language: 'en' });
    const tagPage = `/ru/tags/${tag.ruSlug}/`;
    await warm(tagPage);
    assert.ok(await isServedFromCache(tagPage));
    assert.doesNotMatch((await app.inject({ url: tagPage })).body, /Metro extended ru/);
    await updateStoryDetails(context, { actor: people.editor, storyId, language: 'en', details: { tagIds: [tag.id] } });
    assert.match((await app.inject({ url: tagPage })).body, /Metro extended ru/);
  });

  test('a correction shows on every page that showed the story; a kill takes it off them', async () => {
    const storyId = await publish('Bridge opens', people.rubric.id);
    const path = await pathOf(storyId);
    for (const url of [path, '/en/', `/en/${economics}/`]) await warm(url);
    await correctVersion(context, { actor: people.editor, storyId, language: 'en', note: 'The date was wrong.', fields: { headline: 'Bridge opens on Friday' } });
    for (const url of [path, '/en/', `/en/${economics}/`]) assert.match((await app.inject({ url })).body, /Bridge opens on Friday/, url);
    await killVersion(context, { actor: people.editor, storyId, language: 'en', reason: 'Legal' });
    assert.equal((await app.inject({ url: path })).statusCode, 410);
    for (const url of ['/en/', `/en/${economics}/`, '/en/rss.xml']) assert.doesNotMatch((await app.inject({ url })).body, /Bridge opens/, url);
  });

  test('a site reload (settings, rubrics, static pages) drops every page', async () => {
    for (const url of ['/en/', '/ru/']) await warm(url);
    assert.ok(await isServedFromCache('/en/'));
    await app.site.reload();
    assert.equal(app.pageCache.stats().pages, 0);
  });

  test('the newsroom, the API, search and error pages are never stored', async () => {
    for (const url of ['/en/search?q=potash', '/api/newsroom/me', '/healthz', '/newsroom/login']) {
      const renders = app.pageCache.stats().renders;
      await app.inject({ url });
      assert.equal(app.pageCache.stats().renders, renders, `${url} does not pass through the cache`);
    }
    await app.inject({ url: '/en/no-such-rubric/' });
    const renders = app.pageCache.stats().renders;
    const missing = await app.inject({ url: '/en/no-such-rubric/' });
    assert.equal(missing.statusCode, 404);
    assert.equal(app.pageCache.stats().renders, renders + 1, 'a 404 is made again each time');
    assert.equal(missing.headers['surrogate-key'], undefined);
  });
});
