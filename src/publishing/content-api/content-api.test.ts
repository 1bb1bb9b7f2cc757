// The public content API on SQLite and PostgreSQL: lists by language, rubric and tag with a keyset
// cursor, one story with its text, rubrics and tags; only what the site shows (no draft, embargoed,
// unpublished or killed story); bad input 400 with stable codes; every answer valid against the
// OpenAPI document, and the document valid against the official OpenAPI 3.1 schema; /api/docs
// rendered from it.

import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { describeEachDatabase } from '../../testing/databases.ts';
import { buildTestApp } from '../../testing/app.ts';
import { openApiDocumentErrors, responseValidator } from '../../testing/openapi.ts';
import { createAuthor, createRubric, createStory, createTag, documentFromText } from '../../content/index.ts';
import { correctVersion, killVersion, publishVersion, setEmbargo, unpublishVersion } from '../../newsroom/index.ts';
import { addTestUser, movableWorkflowContext } from '../../newsroom/workflow/workflow-fixtures.ts';

const SITE = 'https://news.example.by';

describeEachDatabase('the public content API', ({ database }) => {
  const { context, advance } = movableWorkflowContext(database, '2026-11-23T08:00:00.000Z');
  let app: FastifyInstance;
  let editor: Awaited<ReturnType<typeof addTestUser>>;
  let economy: number;
  let energy: number;
  let check: ReturnType<typeof responseValidator>;
  const ids: Record<string, number> = {};

  /** GET `url`, checked against the OpenAPI description of `path` for whatever status it answers. */
  async function get(path: string, url: string) {
    const response = await app.inject({ method: 'GET', url });
    const body = response.json() as Record<string, unknown>;
    assert.deepEqual(check(path, 'get', response.statusCode, body), [], `${url} → ${response.statusCode} ${response.body}`);
    return { status: response.statusCode, body: body as Record<string, any>, headers: response.headers }; // eslint-disable-line @typescript-eslint/no-explicit-any
  }

  async function story(key: string, params: { languages?: string[]; tag?: boolean; publish?: boolean } = {}) {
    advance(60_000);
    const languages = params.languages ?? ['ru', 'en'];
    const { id } = await createStory(context, {
      rubricId: economy, createdBy: editor.userId, urgency: 2, ...(params.tag ? { tagIds: [energy] } : {}),
      versions: languages.map((language) => ({ language, headline: `${key} ${language}`, lede: `Lede ${key}`, body: documentFromText([`Body of ${key} & «quotes».`]) })),
    });
    if (params.publish !== false) for (const language of languages) await publishVersion(context, { actor: editor, storyId: id, language });
    ids[key] = id;
    return id;
  }

  before(async () => {
    editor = await addTestUser(database(), 'editor');
    economy = (await createRubric(context, { key: 'economics', names: { ru: 'Экономика', en: 'Economy', be: 'Эканоміка' } })).id;
    await createRubric(context, { key: 'sport', names: { ru: 'Спорт', en: 'Sport' } });
    energy = (await createTag(context, { key: 'energy', names: { ru: 'Энергетика', en: 'Energy' } })).id;
    const author = (await createAuthor(context, { key: 'olga', names: { ru: 'Ольга Петрова', en: 'Olga Petrova' } })).id;
    app = (await buildTestApp(database(), () => context.clock())).app;
    const document = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    check = responseValidator(document);
    for (let i = 1; i <= 5; i++) await story(`visible-${i}`, { tag: i % 2 === 1 });
    const withAuthor = await createStory(context, { rubricId: economy, createdBy: editor.userId, authorIds: [author], tagIds: [energy], versions: [{ language: 'ru', headline: 'Corrected ru', lede: 'Lede', body: documentFromText(['Old text.']) }] });
    ids.corrected = withAuthor.id;
    await publishVersion(context, { actor: editor, storyId: withAuthor.id, language: 'ru' });
    await correctVersion(context, { actor: editor, storyId: withAuthor.id, language: 'ru', note: 'A figure was wrong.', fields: { body: documentFromText(['New text.']) } });
    await story('draft', { publish: false });
    await story('killed', { tag: true });
    await killVersion(context, { actor: editor, storyId: ids.killed!, language: 'ru', reason: 'Legal' });
    await story('unpublished', { tag: true });
    await unpublishVersion(context, { actor: editor, storyId: ids.unpublished!, language: 'ru' });
    await story('embargoed', { tag: true });
    await setEmbargo(context, { actor: editor, storyId: ids.embargoed!, until: new Date(context.clock().getTime() + 3_600_000).toISOString() });
  });

  test('the OpenAPI document is valid OpenAPI 3.1 by the official schema, and the docs page is rendered from it', async () => {
    const document = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    assert.deepEqual(openApiDocumentErrors(document), []);
    assert.ok(openApiDocumentErrors({ ...document, info: { version: '1' } }).length > 0, 'the schema does refuse a document without a title');
    const docs = await app.inject({ method: 'GET', url: '/api/docs' });
    assert.equal(docs.statusCode, 200);
    assert.match(String(docs.headers['content-type']), /^text\/html/);
    for (const path of Object.keys(document.paths)) assert.ok(docs.body.includes(path), path);
    assert.ok(!/<script|https?:\/\/(?!news\.example\.by)[^"<\s]*\.(js|css)/.test(docs.body), 'no script, nothing from a CDN');
  });

  test('stories of a language, newest first, paged by cursor: only what readers may see, corrected text, no draft, kill, take-down or embargo', async () => {
    const seen: Array<Record<string, unknown>> = [];
    let cursor: string | null = null;
    do {
      const page = await get('/api/v1/stories', `/api/v1/stories?language=ru&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      assert.equal(page.status, 200);
      assert.ok(page.body.stories.length <= 2);
      seen.push(...page.body.stories);
      cursor = page.body.next;
    } while (cursor);
    assert.deepEqual(seen.map((s) => s.headline), ['Corrected ru', 'visible-5 ru', 'visible-4 ru', 'visible-3 ru', 'visible-2 ru', 'visible-1 ru']);
    const first = seen[1]!;
    assert.equal(first.url, `${SITE}/ru/ekonomika/${ids['visible-5']}-visible-5-ru`);
    assert.deepEqual(first.rubric, { key: 'economics', name: 'Экономика', slug: 'ekonomika' });
    const english = await get('/api/v1/stories', '/api/v1/stories?language=en&limit=50');
    assert.deepEqual(english.body.stories.map((s: { headline: string }) => s.headline),
      ['unpublished en', 'killed en', 'visible-5 en', 'visible-4 en', 'visible-3 en', 'visible-2 en', 'visible-1 en'],
      'a kill or take-down of the Russian version leaves the English one; the embargo holds back both');
  });

  test('stories of a rubric and of a tag', async () => {
    const tagged = await get('/api/v1/stories', '/api/v1/stories?language=ru&tag=energy');
    assert.deepEqual(tagged.body.stories.map((s: { headline: string }) => s.headline), ['Corrected ru', 'visible-5 ru', 'visible-3 ru', 'visible-1 ru']);
    const rubric = await get('/api/v1/stories', '/api/v1/stories?language=ru&rubric=economics&limit=1');
    assert.equal(rubric.body.stories.length, 1);
    assert.equal(typeof rubric.body.next, 'string');
    const sport = await get('/api/v1/stories', '/api/v1/stories?language=ru&rubric=sport');
    assert.deepEqual([sport.status, sport.body.stories, sport.body.next], [200, [], null]);
  });

  test('one story with its corrected text, correction note, tags, byline and translations; killed 410, the rest 404', async () => {
    const corrected = await get('/api/v1/stories/{id}', `/api/v1/stories/${ids.corrected}?language=ru`);
    assert.equal(corrected.status, 200);
    assert.equal(corrected.headers['access-control-allow-origin'], '*');
    assert.deepEqual([corrected.body.version, corrected.body.correction.note, corrected.body.bodyHtml], [2, 'A figure was wrong.', '<p>New text.</p>\n']);
    assert.deepEqual(corrected.body.tags, [{ name: 'Энергетика', slug: 'energetika' }]);
    assert.deepEqual(corrected.body.authors, [{ key: 'olga', name: 'Ольга Петрова' }]);
    const visible = await get('/api/v1/stories/{id}', `/api/v1/stories/${ids['visible-1']}?language=en`);
    assert.deepEqual(visible.body.translations, [{ language: 'ru', url: `${SITE}/ru/ekonomika/${ids['visible-1']}-visible-1-ru` }]);
    assert.equal(visible.body.bodyHtml, '<p>Body of visible-1 &amp; «quotes».</p>\n');
    assert.equal((await get('/api/v1/stories/{id}', `/api/v1/stories/${ids.killed}?language=ru`)).body.error.code, 'story_gone');
    for (const key of ['draft', 'unpublished', 'embargoed']) {
      const hidden = await get('/api/v1/stories/{id}', `/api/v1/stories/${ids[key]}?language=ru`);
      assert.deepEqual([hidden.status, hidden.body.error.code], [404, 'story_not_found'], key);
    }
    assert.equal((await get('/api/v1/stories/{id}', `/api/v1/stories/999999?language=ru`)).status, 404);
  });

  test('rubrics and tags named in the language', async () => {
    const rubrics = await get('/api/v1/rubrics', '/api/v1/rubrics?language=en');
    assert.deepEqual(rubrics.body.rubrics.map((r: { key: string }) => r.key), ['economics', 'sport']);
    assert.deepEqual((await get('/api/v1/rubrics', '/api/v1/rubrics?language=be')).body.rubrics.map((r: { key: string }) => r.key), ['economics'], 'sport has no Belarusian name');
    const tags = await get('/api/v1/tags', '/api/v1/tags?language=en');
    assert.deepEqual(tags.body.tags, [{ key: 'energy', name: 'Energy', slug: 'energy', url: `${SITE}/en/tags/energy/` }]);
  });

  test('bad input is a 400 JSON error with a stable code; unknown rubric or tag 404', async () => {
    const cases: Array<[string, string, number, string]> = [
      ['/api/v1/stories', '/api/v1/stories', 400, 'invalid_input'],
      ['/api/v1/stories', '/api/v1/stories?language=de', 400, 'language_unknown'],
      ['/api/v1/stories', '/api/v1/stories?language=ru&limit=0', 400, 'invalid_input'],
      ['/api/v1/stories', '/api/v1/stories?language=ru&limit=51', 400, 'invalid_input'],
      ['/api/v1/stories', '/api/v1/stories?language=ru&limit=ten', 400, 'invalid_input'],
      ['/api/v1/stories', '/api/v1/stories?language=ru&cursor=bogus', 400, 'api_cursor_invalid'],
      ['/api/v1/stories', '/api/v1/stories?language=ru&language=en', 400, 'language_unknown'],
      ['/api/v1/stories', '/api/v1/stories?language=ru&rubric=economics&tag=energy', 400, 'invalid_input'],
      ['/api/v1/stories', '/api/v1/stories?language=ru&rubric=nowhere', 404, 'rubric_not_found'],
      ['/api/v1/stories', '/api/v1/stories?language=ru&tag=nothing', 404, 'tag_not_found'],
      ['/api/v1/stories/{id}', '/api/v1/stories/abc?language=ru', 400, 'invalid_input'],
      ['/api/v1/stories/{id}', `/api/v1/stories/${ids['visible-1'] ?? 1}`, 400, 'invalid_input'],
      ['/api/v1/rubrics', '/api/v1/rubrics?language=xx', 400, 'language_unknown'],
      ['/api/v1/tags', '/api/v1/tags', 400, 'invalid_input'],
    ];
    for (const [path, url, status, code] of cases) {
      const answer = await get(path, url);
      assert.deepEqual([answer.status, answer.body.error.code], [status, code], url);
      assert.ok(answer.body.error.message.length > 0);
    }
  });
});
