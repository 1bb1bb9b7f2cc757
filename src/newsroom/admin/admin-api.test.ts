// The administration API on SQLite and PostgreSQL, as the newsroom's screens use it: rubrics and
// tags renamed and re-slugged (old addresses answer 301), reordered and merged; site settings
// validated field by field and shown by the site at once; the audit log filtered and paged.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { describeEachDatabase } from '../../testing/databases.ts';
import { buildTestApp } from '../../testing/app.ts';
import { asUser, userWithSession, type TestSession } from '../../testing/newsroom.ts';
import { createStory, documentFromText } from '../../content/index.ts';

const NOW = new Date('2026-12-02T09:00:00.000Z');

describeEachDatabase('newsroom administration API', ({ database }) => {
  let app: FastifyInstance;
  let editor: TestSession;
  let chief: TestSession;
  let rubricId = 0;
  let storyId = 0;
  const call = (who: TestSession, method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: unknown) =>
    asUser(app, who, { method, url, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) });

  test('an editor creates a rubric and renames it; a new slug keeps the old rubric and story addresses as 301s', async () => {
    app = (await buildTestApp(database(), () => NOW)).app;
    editor = await userWithSession(database(), { login: 'editor', role: 'editor', now: NOW });
    chief = await userWithSession(database(), { login: 'chief', role: 'chief_editor', now: NOW });
    const created = await call(editor, 'POST', '/api/newsroom/rubrics', { key: 'economy', names: { en: 'Economy', ru: 'Экономика' } });
    assert.equal(created.statusCode, 201, created.body);
    const rubric = created.json().rubric;
    rubricId = rubric.id;
    assert.deepEqual(rubric.names, { en: { name: 'Economy', slug: 'economy' }, ru: { name: 'Экономика', slug: 'ekonomika' } });
    storyId = (await createStory({ database: database(), languages: ['ru', 'en', 'be'], clock: () => NOW }, {
      rubricId,
      versions: [{ language: 'en', headline: 'Exports grew', lede: 'Exports grew in November.', body: documentFromText(['Text.']), status: 'published', publishedAt: '2026-12-02T08:00:00.000Z' }],
    })).id;
    assert.equal((await app.inject({ url: '/en/economy/' })).statusCode, 200);

    const renamed = await call(editor, 'PATCH', `/api/newsroom/rubrics/${rubricId}`, { names: { en: 'Economics' } });
    assert.deepEqual(renamed.json().rubric.names.en, { name: 'Economics', slug: 'economy' }, 'a new name leaves the address alone');
    assert.match((await app.inject({ url: '/en/economy/' })).body, /Economics/, 'the site shows the new name at once');

    const reslugged = await call(editor, 'PATCH', `/api/newsroom/rubrics/${rubricId}`, { slugs: { en: 'economics' } });
    assert.deepEqual(reslugged.json().rubric.names.en, { name: 'Economics', slug: 'economics' });
    const oldRubric = await app.inject({ url: '/en/economy/' });
    assert.deepEqual([oldRubric.statusCode, oldRubric.headers.location], [301, '/en/economics/']);
    const oldStory = await app.inject({ url: `/en/economy/${storyId}-exports-grew` });
    assert.deepEqual([oldStory.statusCode, oldStory.headers.location], [301, `/en/economics/${storyId}-exports-grew`]);
    assert.equal((await app.inject({ url: '/en/economics/' })).statusCode, 200);
  });

  test('a slug that is taken, former, reserved or malformed is refused next to its field', async () => {
    const other = await call(editor, 'POST', '/api/newsroom/rubrics', { key: 'politics', names: { en: 'Politics' } });
    const otherId = other.json().rubric.id;
    const taken = await call(editor, 'PATCH', `/api/newsroom/rubrics/${otherId}`, { slugs: { en: 'economics' } });
    assert.deepEqual([taken.statusCode, taken.json().error.code, taken.json().error.details.field], [409, 'slug_taken', 'slugs.en']);
    const former = await call(editor, 'PATCH', `/api/newsroom/rubrics/${otherId}`, { slugs: { en: 'economy' } });
    assert.deepEqual([former.statusCode, former.json().error.code], [409, 'slug_taken'], 'a former slug still leads to its rubric');
    const malformed = await call(editor, 'PATCH', `/api/newsroom/rubrics/${otherId}`, { slugs: { en: 'Not A Slug' } });
    assert.deepEqual([malformed.statusCode, malformed.json().error.code, malformed.json().error.details.field], [400, 'slug_invalid', 'slugs.en']);
    const reserved = await call(editor, 'PATCH', `/api/newsroom/rubrics/${otherId}`, { slugs: { en: 'tags' } });
    assert.equal(reserved.json().error.code, 'slug_taken');
    const badName = await call(editor, 'POST', '/api/newsroom/rubrics', { key: 'Bad Key', names: { en: ' ' } });
    assert.deepEqual([badName.statusCode, badName.json().error.details.field], [400, 'key']);
    const badLanguage = await call(editor, 'PATCH', `/api/newsroom/rubrics/${otherId}`, { names: { de: 'Politik' } });
    assert.deepEqual([badLanguage.statusCode, badLanguage.json().error.details.field], [400, 'names.de']);
    const missing = await call(editor, 'PATCH', '/api/newsroom/rubrics/999999', { names: { en: 'X' } });
    assert.deepEqual([missing.statusCode, missing.json().error.code], [404, 'rubric_not_found']);
    // Taking its own former slug back is allowed, and ends that redirect.
    const back = await call(editor, 'PATCH', `/api/newsroom/rubrics/${rubricId}`, { slugs: { en: 'economy' } });
    assert.equal(back.json().rubric.names.en.slug, 'economy');
    assert.equal((await app.inject({ url: '/en/economy/' })).statusCode, 200);
    assert.deepEqual((await app.inject({ url: '/en/economics/' })).headers.location, '/en/economy/');
  });

  test('a rename of a rubric or a tag with nothing to change, an unknown field or names that are not texts is refused by field', async () => {
    const tag = (await call(editor, 'POST', '/api/newsroom/tags', { key: 'weather', names: { en: 'Weather' } })).json().tag;
    for (const url of [`/api/newsroom/rubrics/${rubricId}`, `/api/newsroom/tags/${tag.id}`]) {
      const nothing = await call(editor, 'PATCH', url, {});
      assert.deepEqual([nothing.statusCode, nothing.json().error.code, nothing.json().error.details.field], [400, 'invalid_input', 'names'], `${url}: nothing to change`);
      const emptySlug = await call(editor, 'PATCH', url, { slugs: { en: ' ' } });
      assert.deepEqual([emptySlug.statusCode, emptySlug.json().error.details.field], [400, 'names'], `${url}: an empty slug changes nothing`);
      const unknown = await call(editor, 'PATCH', url, { names: { en: 'X' }, colour: 'red' });
      assert.deepEqual([unknown.statusCode, unknown.json().error.details.field], [400, 'colour'], `${url}: an unknown field`);
      const notText = await call(editor, 'PATCH', url, { names: { en: 5 } });
      assert.deepEqual([notText.statusCode, notText.json().error.details.field], [400, 'names.en'], `${url}: a name that is not text`);
      const notObject = await call(editor, 'PATCH', url, { slugs: 'economy' });
      assert.deepEqual([notObject.statusCode, notObject.json().error.details.field], [400, 'slugs'], `${url}: slugs that are not per language`);
    }
  });

  test('reordering lists every rubric once; the site navigation follows', async () => {
    const list = (await call(editor, 'GET', '/api/newsroom/rubrics')).json().rubrics.map((r: { id: number }) => r.id);
    const reversed = [...list].reverse();
    const reordered = await call(editor, 'PUT', '/api/newsroom/rubrics/order', { order: reversed });
    assert.deepEqual(reordered.json().rubrics.map((r: { id: number }) => r.id), reversed);
    assert.deepEqual((await call(editor, 'GET', '/api/newsroom/rubrics')).json().rubrics.map((r: { id: number }) => r.id), reversed);
    const page = (await app.inject({ url: '/en/' })).body;
    assert.ok(page.indexOf('>Politics<') < page.indexOf('>Economics<'), 'Politics now comes first in the navigation');
    const partial = await call(editor, 'PUT', '/api/newsroom/rubrics/order', { order: reversed.slice(1) });
    assert.deepEqual([partial.statusCode, partial.json().error.details.field], [400, 'order']);
  });

  test('tags: search, rename with a new slug (301), merge keeps the stories tagged', async () => {
    const energy = (await call(editor, 'POST', '/api/newsroom/tags', { key: 'energy', names: { en: 'Energy', ru: 'Энергетика' } })).json().tag;
    const power = (await call(editor, 'POST', '/api/newsroom/tags', { key: 'power', names: { en: 'Power' } })).json().tag;
    const tagged = await createStory({ database: database(), languages: ['ru', 'en', 'be'], clock: () => NOW }, {
      rubricId, tagIds: [power.id],
      versions: [{ language: 'en', headline: 'A new power plant', lede: 'It opened.', body: documentFromText(['Text.']), status: 'published', publishedAt: '2026-12-02T08:30:00.000Z' }],
    });
    const found = (await call(editor, 'GET', '/api/newsroom/tags/all?q=энерг')).json();
    assert.deepEqual(found.tags.map((t: { key: string }) => t.key), ['energy']);
    const renamed = await call(editor, 'PATCH', `/api/newsroom/tags/${energy.id}`, { names: { en: 'Energy sector' }, slugs: { en: 'energy-sector' } });
    assert.deepEqual(renamed.json().tag.names.en, { name: 'Energy sector', slug: 'energy-sector' });
    assert.deepEqual((await app.inject({ url: '/en/tags/energy/' })).headers.location, '/en/tags/energy-sector/');

    const merged = await call(editor, 'POST', `/api/newsroom/tags/${power.id}/merge`, { into: energy.id });
    assert.equal(merged.statusCode, 200, merged.body);
    assert.deepEqual(merged.json().storyIds, [tagged.id]);
    assert.equal(merged.json().tag.storyCount, 1);
    const storyTags = await database().db.selectFrom('story_tags').select('tag_id').where('story_id', '=', tagged.id).execute();
    assert.deepEqual(storyTags.map((row) => row.tag_id), [energy.id]);
    const oldTag = await app.inject({ url: '/en/tags/power/' });
    assert.deepEqual([oldTag.statusCode, oldTag.headers.location], [301, '/en/tags/energy-sector/']);
    assert.match((await app.inject({ url: '/en/tags/energy-sector/' })).body, /A new power plant/, 'the story is listed under the tag merged into');
    const gone = await call(editor, 'PATCH', `/api/newsroom/tags/${power.id}`, { names: { en: 'X' } });
    assert.deepEqual([gone.statusCode, gone.json().error.code], [404, 'tag_not_found']);
    const self = await call(editor, 'POST', `/api/newsroom/tags/${energy.id}/merge`, { into: energy.id });
    assert.deepEqual([self.statusCode, self.json().error.details.field], [400, 'into']);
    const nowhere = await call(editor, 'POST', `/api/newsroom/tags/${energy.id}/merge`, { into: 999999 });
    assert.deepEqual([nowhere.statusCode, nowhere.json().error.details.field], [404, 'into']);
  });

  test('the old feed addresses of a renamed rubric, a renamed tag and a merged tag answer 301 to the new ones in every format', async () => {
    // By now the rubric is back at economy (economics is former), energy became energy-sector and power was merged into it.
    const moved = [['/en/economics/', '/en/economy/'], ['/en/tags/energy/', '/en/tags/energy-sector/'], ['/en/tags/power/', '/en/tags/energy-sector/']];
    for (const file of ['rss.xml', 'atom.xml', 'feed.json', 'yandex.xml']) {
      for (const [from, to] of moved) {
        const old = await app.inject({ url: `${from}${file}` });
        assert.deepEqual([old.statusCode, old.headers.location], [301, `${to}${file}`], `${from}${file}`);
        const current = await app.inject({ url: old.headers.location as string });
        assert.equal(current.statusCode, 200, `${to}${file}`);
      }
    }
    assert.match((await app.inject({ url: '/en/tags/power/rss.xml' })).headers.location as string, /energy-sector/);
    for (const url of ['/en/no-such-rubric/rss.xml', '/en/tags/no-such-tag/atom.xml', '/en/tags/Not_A_Slug/feed.json', '/ru/economics/rss.xml']) {
      assert.equal((await app.inject({ url })).statusCode, 404, url);
    }
  });

  test('settings: every bad field is named and nothing is written; a good change shows on the site at once', async () => {
    const before = (await call(chief, 'GET', '/api/newsroom/settings')).json().settings;
    const bad = await call(chief, 'PATCH', '/api/newsroom/settings', {
      timeZone: 'Mars/Olympus', socialLinks: { vk: 'http://vk.com/x', myspace: 'https://myspace.com/x' }, siteName: { en: '' }, defaultLanguage: 'de',
    });
    assert.equal(bad.statusCode, 400);
    assert.deepEqual(Object.keys(bad.json().error.details.fields).sort(), ['defaultLanguage', 'siteName.en', 'socialLinks.vk', 'timeZone']);
    assert.deepEqual((await call(chief, 'GET', '/api/newsroom/settings')).json().settings, before);

    const good = await call(chief, 'PATCH', '/api/newsroom/settings', {
      siteName: { en: 'Minsk Wire', ru: 'Минский вестник' }, timeZone: 'Europe/Minsk', socialLinks: { telegram: 'https://t.me/minskwire', vk: '' }, defaultLanguage: 'en',
    });
    assert.equal(good.statusCode, 200, good.body);
    assert.deepEqual(good.json().settings, { siteName: { en: 'Minsk Wire', ru: 'Минский вестник' }, timeZone: 'Europe/Minsk', socialLinks: { telegram: 'https://t.me/minskwire' }, defaultLanguage: 'en' });
    const home = (await app.inject({ url: '/en/' })).body;
    assert.match(home, /<title>[^<]*Minsk Wire/);
    assert.match(home, /href="https:\/\/t\.me\/minskwire"/);
    assert.equal((await app.inject({ url: '/' })).headers.location, '/en/', 'the default language leads the bare address');
    const page = (await app.inject({ url: `/en/economy/${storyId}-exports-grew` })).body;
    assert.match(page, /11:00/, '08:00 UTC is written in Minsk time');
  });

  test('the audit log: admin changes are there, filtered by user, action and day, in keyset pages', async () => {
    const all = (await call(chief, 'GET', '/api/newsroom/audit')).json();
    assert.ok(all.actions.includes('rubric.create') && all.actions.includes('tag.merge') && all.actions.includes('settings.update'));
    const byEditor = (await call(chief, 'GET', `/api/newsroom/audit?user=${editor.userId}`)).json();
    assert.ok(byEditor.entries.length > 0 && byEditor.entries.every((e: { actorUserId: number; actorName: string }) => e.actorUserId === editor.userId && e.actorName));
    const creates = (await call(chief, 'GET', '/api/newsroom/audit?action=rubric.create')).json().entries;
    assert.deepEqual(creates.map((e: { details: { key: string } }) => e.details.key), ['politics', 'economy']);
    assert.equal((await call(chief, 'GET', '/api/newsroom/audit?from=2026-12-02&to=2026-12-02')).json().entries.length, all.entries.length);
    assert.equal((await call(chief, 'GET', '/api/newsroom/audit?from=2026-12-03')).json().entries.length, 0);
    const first = (await call(chief, 'GET', `/api/newsroom/audit?before=${all.entries[1].id}`)).json();
    assert.deepEqual(first.entries.map((e: { id: number }) => e.id), all.entries.slice(2).map((e: { id: number }) => e.id));
    const bad = await call(chief, 'GET', '/api/newsroom/audit?from=2026-13-01&user=abc');
    assert.equal(bad.statusCode, 400, bad.body);
    assert.deepEqual([bad.statusCode, Object.keys(bad.json().error.details.fields)], [400, ['user', 'from']]);
  });
});
