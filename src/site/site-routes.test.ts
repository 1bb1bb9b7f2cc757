// The public site as a reader and a crawler meet it, on both databases: the language redirect,
// the story page at its stable address with its dateline, structured data and language switch,
// 301s from former slugs and wrong rubrics, 410 for a killed story, 404 for what readers may not
// see, listings with keyset pagination, the date archive, static pages, RSS, bad addresses, and
// health, readiness and metrics.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { describeEachDatabase } from '../testing/databases.ts';
import { buildTestApp } from '../testing/app.ts';
import {
  changeSlug, createAuthor, createRubric, createStory, createTag, documentFromText, registerImage, writePage, writeSetting,
  type ContentContext,
} from '../content/index.ts';

const NOW = new Date('2026-07-27T11:23:00.000Z'); // 14:23 in Minsk
const MINUTE = 60_000;

/** The visible text of an HTML fragment, for assertions that should not depend on markup details. */
function textOf(html: string): string {
  return html.replace(/<[^>]+>/g, ' ').replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/\s+/g, ' ').trim();
}

function section(html: string, startPattern: RegExp, endTag: string): string {
  const start = html.search(startPattern);
  assert.ok(start >= 0, `no ${startPattern} in the page`);
  return html.slice(start, html.indexOf(endTag, start) + endTag.length);
}

function jsonLd(html: string): Array<Record<string, unknown>> {
  return [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1]!) as Record<string, unknown>);
}

describeEachDatabase('public site', ({ database }) => {
  let app: FastifyInstance & { site: { reload(): Promise<void> } };
  let context: ContentContext;
  let storyId: number;
  let killedId: number;
  let draftId: number;
  let embargoedId: number;
  let onlyEnglishId: number;
  let renamedId: number;
  const economicsStories: Array<{ id: number; headline: string; publishedAt: string }> = [];

  before(async () => {
    const built = await buildTestApp(database(), () => NOW);
    context = built.context;
    app = built.app as typeof app;
    const db = database().db;
    await writeSetting(db, 'timeZone', 'Europe/Minsk');
    await writeSetting(db, 'siteName', { ru: 'Демо-агентство', en: 'Demo Agency', be: 'Дэма-агенцтва' });
    await writeSetting(db, 'socialLinks', { telegram: 'https://t.me/demo', vk: 'https://vk.com/demo' });
    mkdirSync(path.join(built.config.mediaDir, 'demo'), { recursive: true });
    writeFileSync(path.join(built.config.mediaDir, 'demo', 'pic.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');

    const economics = await createRubric(context, { key: 'economics', position: 1, names: { ru: 'Экономика', en: 'Economics', be: 'Эканоміка' } });
    const politics = await createRubric(context, { key: 'politics', position: 0, names: { ru: 'Политика', en: 'Politics' } });
    const energy = await createTag(context, { key: 'energy', names: { ru: 'Энергетика', en: 'Energy' } });
    const anna = await createAuthor(context, { key: 'anna-kovalenko', names: { ru: 'Анна Коваленко', en: 'Anna Kovalenko' } });
    const image = await registerImage(context, {
      storageKey: 'demo/pic.svg', mimeType: 'image/svg+xml', width: 1200, height: 675, byteSize: 40, credit: 'Dispatch',
      texts: { en: { alt: 'A tractor in a field', caption: 'Harvest near Gomel' } },
    });
    await writePage(context, { key: 'about', language: 'en', title: 'About us', slug: 'about', body: documentFromText(['We are a **demo**.']) });
    await writePage(context, { key: 'about', language: 'ru', title: 'О нас', slug: 'o-nas', body: documentFromText(['Мы демо.']) });
    await app.site.reload();

    // Thirty-five older economics stories, a minute apart, for "Other materials" and pagination.
    for (let i = 35; i >= 1; i--) {
      const publishedAt = new Date(NOW.getTime() - (60 + i) * MINUTE).toISOString();
      const headline = `Economics story number ${i}`;
      const { id } = await createStory(context, {
        rubricId: economics.id,
        tagIds: [energy.id],
        versions: [
          { language: 'en', headline, lede: 'Lede.', body: documentFromText(['Text.']), status: 'published', publishedAt },
          { language: 'ru', headline: `Экономическая новость ${i}`, lede: 'Лид.', body: documentFromText(['Текст.']), status: 'published', publishedAt },
        ],
      });
      economicsStories.unshift({ id, headline, publishedAt });
    }
    const published = '2026-07-27T11:23:00.000Z';
    const make = (headline: string, extra: Record<string, unknown> = {}, status: 'published' | 'killed' | 'draft' = 'published', languages = ['en', 'ru']) =>
      createStory(context, {
        rubricId: economics.id,
        versions: languages.map((language) => ({
          language,
          headline: language === 'en' ? headline : `${headline} по-русски`,
          lede: language === 'en' ? `${headline}: the lede.` : 'Лид.',
          body: documentFromText(language === 'en' ? ['First paragraph & more.', '> We will go on — Anna, director'] : ['Абзац.']),
          status,
          publishedAt: status === 'draft' ? null : published,
        })),
        ...extra,
      });
    storyId = (await make('Belarus to step up cooperation in IT', { leadImageId: image.id, tagIds: [energy.id], authorIds: [anna.id], urgency: 2 })).id;
    killedId = (await make('A withdrawn story', {}, 'killed')).id;
    draftId = (await make('A draft', {}, 'draft')).id;
    embargoedId = (await make('Embargoed results', { embargoUntil: '2026-07-28T06:00:00.000Z' })).id;
    onlyEnglishId = (await make('Only in English', { rubricId: politics.id }, 'published', ['en'])).id;
    renamedId = (await createStory(context, {
      rubricId: economics.id,
      versions: [{ language: 'en', headline: 'Old headline words', lede: 'Lede.', body: documentFromText(['Text.']), status: 'published', publishedAt: '2026-07-27T10:00:30.000Z' }],
    })).id;
  });

  after(async () => {
    await app?.close();
  });

  test('the root sends readers to their language', async () => {
    const en = await app.inject({ url: '/', headers: { 'accept-language': 'en-US,en;q=0.9,ru;q=0.5' } });
    assert.equal(en.statusCode, 302);
    assert.equal(en.headers.location, '/en/');
    assert.equal(en.headers.vary, 'Accept-Language');
    assert.equal((await app.inject({ url: '/', headers: { 'accept-language': 'be-BY' } })).headers.location, '/be/');
    assert.equal((await app.inject({ url: '/', headers: { 'accept-language': 'fr-FR' } })).headers.location, '/ru/', 'the default language when none matches');
  });

  test('a story page shows rubric, headline, dateline, lede, lead image, body, tags and byline', async () => {
    const response = await app.inject({ url: `/en/economics/${storyId}-belarus-to-step-up-cooperation-in-it` });
    assert.equal(response.statusCode, 200);
    assert.match(response.headers['content-type'] as string, /text\/html; charset=utf-8/);
    const html = response.body;
    assert.match(html, /<html lang="en">/);
    assert.match(html, /<h1[^>]*>Belarus to step up cooperation in IT<\/h1>/);
    assert.match(html, /<time datetime="2026-07-27T14:23:00\+03:00">14:23, 27 July<\/time>/);
    assert.match(html, /<p>First paragraph &amp; more\.<\/p>/);
    assert.match(html, /<blockquote><p>We will go on<\/p><cite>Anna, director<\/cite><\/blockquote>/);
    assert.match(html, /<img src="\/media\/demo\/pic.svg" width="1200" height="675" alt="A tractor in a field"/);
    assert.match(html, /<a [^>]*href="\/en\/economics\/"[^>]*>Economics<\/a>/);
    assert.match(html, /<a href="\/en\/tags\/energy\/"[^>]*>Energy<\/a>/);
    assert.match(html, /<a href="\/en\/authors\/anna-kovalenko\/"[^>]*>Anna Kovalenko<\/a>/);
    assert.match(html, /<link rel="canonical" href="https:\/\/news.example.by\/en\/economics\/\d+-belarus-to-step-up-cooperation-in-it">/);
    assert.ok(Buffer.byteLength(html) < 40 * 1024, `the page is ${Buffer.byteLength(html)} bytes`);
  });

  test('structured data and Open Graph agree with the visible time', async () => {
    const html = (await app.inject({ url: `/en/economics/${storyId}-belarus-to-step-up-cooperation-in-it` })).body;
    const [article, breadcrumbs] = jsonLd(html);
    assert.equal(article?.['@type'], 'NewsArticle');
    assert.equal(article?.datePublished, '2026-07-27T14:23:00+03:00');
    assert.equal(article?.headline, 'Belarus to step up cooperation in IT');
    assert.equal(breadcrumbs?.['@type'], 'BreadcrumbList');
    assert.match(html, /<meta property="og:type" content="article">/);
    assert.match(html, /<meta property="article:published_time" content="2026-07-27T14:23:00\+03:00">/);
  });

  test('the language switch leads to the translation, or to the same rubric, and hreflang agrees with it', async () => {
    const html = (await app.inject({ url: `/en/economics/${storyId}-belarus-to-step-up-cooperation-in-it` })).body;
    const ruHref = `/ru/ekonomika/${storyId}-belarus-to-step-up-cooperation-in-it-po-russki`;
    assert.match(html, new RegExp(`<a href="${ruHref}" hreflang="ru"`));
    assert.match(html, /<a href="\/be\/ekanomika\/" hreflang="be"/, 'no Belarusian version: the switch leads to the rubric');
    assert.match(html, /<span aria-current="true" lang="en"[^>]*>Eng<\/span>/);
    assert.match(html, new RegExp(`<link rel="alternate" hreflang="ru" href="https://news.example.by${ruHref}">`));
    assert.doesNotMatch(html, /hreflang="be" href="https/, 'no alternate for a language the story does not have');
    const ru = await app.inject({ url: ruHref });
    assert.equal(ru.statusCode, 200);
    assert.match(ru.body, /<time datetime="2026-07-27T14:23:00\+03:00">14:23, 27 июля<\/time>/);
    // A story in English only, in a rubric without a Belarusian name: the switch falls back to the homes.
    const only = (await app.inject({ url: `/en/politics/${onlyEnglishId}-only-in-english` })).body;
    assert.match(only, /<a href="\/ru\/politika\/" hreflang="ru"/);
    assert.match(only, /<a href="\/be\/" hreflang="be"/);
  });

  test('"Other materials" lists the rubric\'s latest stories in the same language, newest first, without this one', async () => {
    const html = (await app.inject({ url: `/en/economics/${storyId}-belarus-to-step-up-cooperation-in-it` })).body;
    const other = section(html, /<section[^>]*other-materials/, '</section>');
    assert.match(textOf(other), /Other materials of «Economics»/);
    const headlines = [...other.matchAll(/class="headline"[^>]*>([^<]+)</g)].map((m) => m[1]);
    const expected = [...economicsStories].sort((a, b) => b.publishedAt.localeCompare(a.publishedAt)).slice(0, 12).map((s) => s.headline);
    assert.deepEqual(headlines, expected);
    assert.doesNotMatch(other, /Belarus to step up/);
    const firstTime = /<time datetime="([^"]+)">(.*?)<\/time>/.exec(other);
    assert.equal(firstTime?.[1], '2026-07-27T13:22:00+03:00');
    assert.equal(textOf(firstTime![2]!), '13:22', 'a time of today without the date');
  });

  test('a wrong slug, a wrong rubric or a bare id answers 301 to the current address', async () => {
    const current = `/en/economics/${storyId}-belarus-to-step-up-cooperation-in-it`;
    for (const url of [`/en/economics/${storyId}-old-words`, `/en/politics/${storyId}-belarus-to-step-up-cooperation-in-it`, `/en/economics/${storyId}`]) {
      const response = await app.inject({ url });
      assert.equal(response.statusCode, 301, url);
      assert.equal(response.headers.location, current, url);
    }
  });

  test('a former slug keeps leading to the story after the slug changes', async () => {
    const renamed = { id: renamedId };
    await changeSlug(context, { storyId: renamed.id, language: 'en', slug: 'new-headline-words' });
    const withId = await app.inject({ url: `/en/economics/${renamed.id}-old-headline-words` });
    assert.equal(withId.statusCode, 301);
    assert.equal(withId.headers.location, `/en/economics/${renamed.id}-new-headline-words`);
    const slugOnly = await app.inject({ url: '/en/economics/old-headline-words' });
    assert.equal(slugOnly.statusCode, 301);
    assert.equal(slugOnly.headers.location, `/en/economics/${renamed.id}-new-headline-words`);
  });

  test('a killed story answers 410 in the reader\'s language', async () => {
    const en = await app.inject({ url: `/en/economics/${killedId}-a-withdrawn-story` });
    assert.equal(en.statusCode, 410);
    assert.match(en.body, /Story withdrawn/);
    const ru = await app.inject({ url: `/ru/ekonomika/${killedId}-a-withdrawn-story-po-russki` });
    assert.equal(ru.statusCode, 410);
    assert.match(ru.body, /Материал удален/);
  });

  test('drafts, embargoed stories and unknown addresses answer 404 in the page\'s language, with the latest news', async () => {
    for (const url of [`/en/economics/${draftId}-a-draft`, `/en/economics/${embargoedId}-embargoed-results`, '/en/economics/999999-nothing', '/be/nothing/here', '/en/nowhere/']) {
      const response = await app.inject({ url });
      assert.equal(response.statusCode, 404, url);
      assert.match(response.body, /<meta name="robots" content="noindex/);
    }
    const be = (await app.inject({ url: '/be/nothing/here' })).body;
    assert.match(be, /<html lang="be">/);
    assert.match(be, /Старонка не знойдзена/);
    const en = (await app.inject({ url: '/en/nowhere/' })).body;
    assert.match(en, /Belarus to step up cooperation in IT/, 'the latest news under the error');
    assert.doesNotMatch(en, /A draft|Embargoed results/);
    assert.match((await app.inject({ url: '/xx/' })).body, /<html lang="ru">/, 'an unknown language gets the default language');
  });

  test('bad addresses get a 400 or 404 page in the reader\'s language, never a 500', async () => {
    const cases: Array<[string, number]> = [
      ['/en/%E0%A4%A', 400],
      ['/en/economics/%ZZ', 400],
      ['/en/?older=yesterday', 400],
      ['/en/economics/?older=1-1', 404],
      ['/en/economics/?older=99999999999999999999-1', 400],
      ['/en/economics/12abc', 404],
      [`/en/economics/${'a'.repeat(250)}`, 404],
      ['/en/economics/..%2F..%2Fetc%2Fpasswd', 404],
      ['/en/tags/..%2F..%2F/', 404],
      ['/en/archive/2026/02/30', 404],
      ['/en/archive/2099/01/01', 404],
      ['/en/archive/26/1/1', 404],
      ['/en/tags/%3Cscript%3E/', 404],
      ['/en/authors/..%2F/', 404],
    ];
    for (const [url, status] of cases) {
      const response = await app.inject({ url });
      assert.equal(response.statusCode, status, url);
      assert.match(response.headers['content-type'] as string, /text\/html/, url);
      assert.match(response.body, /<html lang="en">/, `${url}: ${response.body.slice(0, 200)}`);
      assert.doesNotMatch(response.body, /\bat .*\.ts:\d+/, `no stack trace: ${url}`);
    }
  });

  test('the home shows the main and top stories, then the feed, and "More news" pages back without gaps or repeats', async () => {
    const first = await app.inject({ url: '/en/' });
    assert.equal(first.statusCode, 200);
    assert.match(first.body, /Belarus to step up cooperation in IT/);
    assert.doesNotMatch(first.body, /A draft|Embargoed results|A withdrawn story/);
    const seen: string[] = [];
    // Walk the economics rubric page by page.
    let url: string | undefined = '/en/economics/';
    for (let pages = 0; url && pages < 5; pages++) {
      const page: { statusCode: number; body: string } = await app.inject({ url });
      assert.equal(page.statusCode, 200, url);
      seen.push(...[...page.body.matchAll(/class="headline"[^>]*>([^<]+)</g)].map((m) => m[1]!));
      url = /<a [^>]*href="([^"]+)"[^>]*>More news<\/a>/.exec(page.body)?.[1]?.replace(/&amp;/g, '&');
    }
    const expected = [
      { headline: 'Belarus to step up cooperation in IT', publishedAt: '2026-07-27T11:23:00.000Z' },
      { headline: 'Old headline words', publishedAt: '2026-07-27T10:00:30.000Z' },
      ...economicsStories,
    ].sort((a, b) => b.publishedAt.localeCompare(a.publishedAt)).map((s) => s.headline);
    assert.deepEqual(seen.filter((h) => expected.includes(h)), expected.filter((h) => seen.includes(h)));
    assert.equal(new Set(seen).size, seen.length, 'no story twice');
    assert.ok(expected.every((h) => seen.includes(h)), `every story once; missing: ${expected.filter((h) => !seen.includes(h)).join(', ')}`);
  });

  test('tag and author pages list their stories, with the switch to the same tag or author', async () => {
    const tag = await app.inject({ url: '/en/tags/energy/' });
    assert.equal(tag.statusCode, 200);
    assert.match(tag.body, /Tag: Energy/);
    assert.match(tag.body, /Economics story number 1</);
    assert.match(tag.body, /<a href="\/ru\/tags\/energetika\/" hreflang="ru"/);
    const author = await app.inject({ url: '/en/authors/anna-kovalenko/' });
    assert.equal(author.statusCode, 200);
    assert.match(author.body, /Anna Kovalenko/);
    assert.match(author.body, /Belarus to step up cooperation in IT/);
    assert.doesNotMatch(author.body, /Economics story number/);
  });

  test('the date archive lists a day\'s stories with a count and a calendar of the month', async () => {
    const response = await app.inject({ url: '/ru/archive/2026/07/27' });
    assert.equal(response.statusCode, 200);
    const text = textOf(response.body);
    assert.match(text, /Новости за 27 июля 2026/);
    assert.match(text, /\d+ материал(а|ов)?/);
    assert.match(response.body, /<table/);
    assert.match(response.body, /<a [^>]*href="\/ru\/archive\/2026\/07\/27"[^>]*aria-current="date"|aria-current="date"[^>]*>\s*<a [^>]*href="\/ru\/archive\/2026\/07\/27"/);
    assert.match(response.body, /href="\/ru\/archive\/2026\/06\/01"/, 'a link to the previous month');
    assert.doesNotMatch(response.body, /href="\/ru\/archive\/2026\/08\/01"/, 'no link into the future');
    const empty = await app.inject({ url: '/ru/archive/2026/07/01' });
    assert.equal(empty.statusCode, 200);
    assert.match(textOf(empty.body), /Здесь пока нет материалов/);
    const today = await app.inject({ url: '/en/archive/' });
    assert.equal(today.statusCode, 302);
    assert.equal(today.headers.location, '/en/archive/2026/07/27');
  });

  test('static pages in each language, with the switch between them', async () => {
    const about = await app.inject({ url: '/en/about' });
    assert.equal(about.statusCode, 200);
    assert.match(about.body, /<h1[^>]*>About us<\/h1>/);
    assert.match(about.body, /We are a <strong>demo<\/strong>\./);
    assert.match(about.body, /<a href="\/ru\/o-nas" hreflang="ru"/);
    assert.match((await app.inject({ url: '/en/' })).body, /<a href="\/en\/about">About us<\/a>/, 'the footer links the static pages');
  });

  test('the RSS of a language and of a rubric', async () => {
    const rss = await app.inject({ url: '/en/rss.xml' });
    assert.equal(rss.statusCode, 200);
    assert.match(rss.headers['content-type'] as string, /application\/rss\+xml/);
    assert.match(rss.body, /<atom:link href="https:\/\/news.example.by\/en\/rss.xml" rel="self"/);
    assert.match(rss.body, /<title>Belarus to step up cooperation in IT<\/title>/);
    assert.doesNotMatch(rss.body, /A draft|Embargoed results|A withdrawn story/);
    const rubric = await app.inject({ url: '/en/economics/rss.xml' });
    assert.equal(rubric.statusCode, 200);
    assert.doesNotMatch(rubric.body, /Only in English/);
    assert.match((await app.inject({ url: '/en/' })).body, /<link rel="alternate" type="application\/rss\+xml"[^>]*href="\/en\/rss.xml"/);
  });

  test('media is served by key and never outside the media folder', async () => {
    const image = await app.inject({ url: '/media/demo/pic.svg' });
    assert.equal(image.statusCode, 200);
    assert.equal(image.headers['content-type'], 'image/svg+xml');
    assert.match(image.headers['content-security-policy'] as string, /sandbox/);
    for (const url of ['/media/../package.json', '/media/%2e%2e/package.json', '/media/demo/missing.svg', '/media/demo/pic.exe']) {
      assert.equal((await app.inject({ url })).statusCode, 404, url);
    }
  });

  test('the stylesheet is served under a content hash, cacheable for a year', async () => {
    const html = (await app.inject({ url: '/en/' })).body;
    const href = /<link rel="stylesheet" href="([^"]+)">/.exec(html)?.[1];
    assert.match(href ?? '', /^\/assets\/site-[0-9a-f]{12}\.css$/);
    const css = await app.inject({ url: href! });
    assert.equal(css.statusCode, 200);
    assert.match(css.headers['cache-control'] as string, /immutable/);
    assert.ok(Buffer.byteLength(css.body) < 20 * 1024, `CSS is ${Buffer.byteLength(css.body)} bytes`);
  });

  test('health, readiness and metrics', async () => {
    assert.deepEqual((await app.inject({ url: '/healthz' })).json(), { status: 'ok' });
    const ready = await app.inject({ url: '/readyz' });
    assert.equal(ready.statusCode, 200);
    await app.inject({ url: `/en/economics/${storyId}-belarus-to-step-up-cooperation-in-it` });
    const metrics = await app.inject({ url: '/metrics' });
    assert.equal(metrics.statusCode, 200);
    assert.match(metrics.body, /dispatch_http_requests_total\{route="\/:lang\/:rubric\/:story",method="GET",status="200"\} \d+/);
  });
});
