// The foundation's public pages as a reader (or a crawler) meets them, on both databases: the
// language redirect, the news feed, the story page at its stable address, 301s from former
// slugs and wrong rubrics, 410 for a killed story, 404 for what readers may not see, health,
// readiness and metrics.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { describeEachDatabase } from '../testing/databases.ts';
import { buildTestApp } from '../testing/app.ts';
import { createRubric } from '../content/rubrics/rubrics.ts';
import { createStory } from '../content/stories/create-story.ts';
import { changeSlug } from '../content/stories/change-slug.ts';
import { registerImage } from '../content/images/images.ts';
import { writeSetting } from '../content/settings/settings.ts';
import { documentFromText } from '../content/document/index.ts';
import type { ContentContext } from '../content/content-context.ts';

const NOW = new Date('2026-07-27T11:23:00.000Z'); // 14:23 in Minsk

describeEachDatabase('public site', ({ database }) => {
  let app: FastifyInstance;
  let context: ContentContext;
  let storyId: number;
  let killedId: number;
  let draftId: number;
  let embargoedId: number;

  before(async () => {
    const built = await buildTestApp(database(), () => NOW);
    context = built.context;
    await writeSetting(database().db, 'timeZone', 'Europe/Minsk');
    await writeSetting(database().db, 'siteName', { ru: 'Демо-агентство', en: 'Demo Agency', be: 'Дэма-агенцтва' });
    app = built.app;
    await (app as unknown as { reloadSiteSettings(): Promise<void> }).reloadSiteSettings();
    mkdirSync(path.join(built.config.mediaDir, 'demo'), { recursive: true });
    writeFileSync(path.join(built.config.mediaDir, 'demo', 'pic.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');

    const economics = await createRubric(context, { key: 'economics', names: { ru: 'Экономика', en: 'Economics', be: 'Эканоміка' } });
    const image = await registerImage(context, {
      storageKey: 'demo/pic.svg', mimeType: 'image/svg+xml', width: 1200, height: 675, byteSize: 40, credit: 'Dispatch',
      texts: { en: { alt: 'A tractor in a field', caption: 'Harvest near Gomel' } },
    });
    const published = '2026-07-27T11:23:00.000Z';
    const make = (headline: string, extra: Partial<Parameters<typeof createStory>[1]> = {}, status: 'published' | 'killed' | 'draft' = 'published') =>
      createStory(context, {
        rubricId: economics.id,
        versions: [
          { language: 'en', headline, lede: `${headline}: the lede.`, body: documentFromText(['First paragraph & more.', '> We will go on — Anna, director']), status, publishedAt: status === 'draft' ? null : published },
          { language: 'ru', headline: `${headline} по-русски`, lede: 'Лид.', body: documentFromText(['Абзац.']), status, publishedAt: status === 'draft' ? null : published },
        ],
        ...extra,
      });
    storyId = (await make('Belarus to step up cooperation in IT', { leadImageId: image.id })).id;
    killedId = (await make('A withdrawn story', {}, 'killed')).id;
    draftId = (await make('A draft', {}, 'draft')).id;
    embargoedId = (await make('Embargoed results', { embargoUntil: '2026-07-28T06:00:00.000Z' })).id;
  });

  after(async () => {
    await app?.close();
  });

  test('the root sends readers to their language', async () => {
    const en = await app.inject({ url: '/', headers: { 'accept-language': 'en-US,en;q=0.9,ru;q=0.5' } });
    assert.equal(en.statusCode, 302);
    assert.equal(en.headers.location, '/en/');
    assert.equal(en.headers.vary, 'Accept-Language');
    const be = await app.inject({ url: '/', headers: { 'accept-language': 'be-BY' } });
    assert.equal(be.headers.location, '/be/');
    const other = await app.inject({ url: '/', headers: { 'accept-language': 'fr-FR' } });
    assert.equal(other.headers.location, '/ru/', 'the default language when none matches');
  });

  test('a story page at its stable address shows headline, dateline, lede, body and lead image', async () => {
    const response = await app.inject({ url: `/en/economics/${storyId}-belarus-to-step-up-cooperation-in-it` });
    assert.equal(response.statusCode, 200);
    assert.match(response.headers['content-type'] as string, /text\/html; charset=utf-8/);
    const html = response.body;
    assert.match(html, /<html lang="en">/);
    assert.match(html, /<h1>Belarus to step up cooperation in IT<\/h1>/);
    assert.match(html, /<time datetime="2026-07-27T14:23:00\+03:00">14:23, 27 July<\/time>/);
    assert.match(html, /<p>First paragraph &amp; more\.<\/p>/);
    assert.match(html, /<blockquote><p>We will go on<\/p><cite>Anna, director<\/cite><\/blockquote>/);
    assert.match(html, /<img src="\/media\/demo\/pic.svg" width="1200" height="675" alt="A tractor in a field">/);
    assert.match(html, /<a href="\/en\/economics\/">Economics<\/a>/);
    assert.match(html, /<link rel="canonical" href="https:\/\/news.example.by\/en\/economics\/\d+-belarus-to-step-up-cooperation-in-it">/);
  });

  test('the language switch leads to the translation, or to the language home when there is none', async () => {
    const html = (await app.inject({ url: `/en/economics/${storyId}-belarus-to-step-up-cooperation-in-it` })).body;
    assert.match(html, new RegExp(`<a href="/ru/ekonomika/${storyId}-belarus-to-step-up-cooperation-in-it-po-russki" hreflang="ru"`));
    assert.match(html, /<a href="\/be\/" hreflang="be"/);
    assert.match(html, /<span aria-current="true" lang="en">Eng<\/span>/);
    const ru = await app.inject({ url: `/ru/ekonomika/${storyId}-belarus-to-step-up-cooperation-in-it-po-russki` });
    assert.equal(ru.statusCode, 200);
    assert.match(ru.body, /<time datetime="2026-07-27T14:23:00\+03:00">14:23, 27 июля<\/time>/);
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
    const renamed = await createStory(context, {
      rubricId: (await database().db.selectFrom('rubrics').select('id').executeTakeFirstOrThrow()).id,
      versions: [{ language: 'en', headline: 'Old headline words', lede: 'Lede.', body: documentFromText(['Text.']), status: 'published', publishedAt: '2026-07-27T10:00:00.000Z' }],
    });
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

  test('drafts, embargoed stories and unknown addresses answer 404 in the page\'s language', async () => {
    for (const url of [`/en/economics/${draftId}-a-draft`, `/en/economics/${embargoedId}-embargoed-results`, '/en/economics/999999-nothing', '/be/nothing/here']) {
      const response = await app.inject({ url });
      assert.equal(response.statusCode, 404, url);
    }
    assert.match((await app.inject({ url: '/be/nothing/here' })).body, /Старонка не знойдзена/);
    assert.match((await app.inject({ url: '/xx/' })).body, /<html lang="ru">/);
  });

  test('the news feed lists visible stories only, newest first, with their times', async () => {
    const response = await app.inject({ url: '/en/' });
    assert.equal(response.statusCode, 200);
    assert.match(response.body, /Belarus to step up cooperation in IT/);
    assert.doesNotMatch(response.body, /A draft|Embargoed results|A withdrawn story/);
    assert.match(response.body, /<time datetime="2026-07-27T14:23:00\+03:00">14:23, 27 July<\/time>/);
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

  test('health, readiness and metrics', async () => {
    assert.deepEqual((await app.inject({ url: '/healthz' })).json(), { status: 'ok' });
    const ready = await app.inject({ url: '/readyz' });
    assert.equal(ready.statusCode, 200);
    assert.deepEqual(ready.json(), { status: 'ready' });
    await app.inject({ url: `/en/economics/${storyId}-belarus-to-step-up-cooperation-in-it` });
    const metrics = await app.inject({ url: '/metrics' });
    assert.equal(metrics.statusCode, 200);
    assert.match(metrics.body, /dispatch_http_requests_total\{route="\/:lang\/:rubric\/:story",method="GET",status="200"\} \d+/);
    assert.match(metrics.body, /dispatch_http_request_duration_seconds_bucket\{le="0.005",route="\/:lang\/:rubric\/:story",method="GET"\}/);
  });
});
