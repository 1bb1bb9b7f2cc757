// The stories API the newsroom app uses, on both databases: creating, opening, saving and
// autosaving a language version, an edit conflict that keeps both texts, revisions with diff and
// restore, workflow buttons up to publication (and the reader's page), the desk's filters,
// translation, and bad input answered with a stable code. Also the app shell and its assets.

import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { describeEachDatabase } from '../../testing/databases.ts';
import { buildTestApp } from '../../testing/app.ts';
import { asUser, userWithSession, type TestSession } from '../../testing/newsroom.ts';
import { createAuthor, createRubric, createTag } from '../../content/index.ts';
import { APP_CSP } from './app-routes.ts';

const body = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Prices rose ' }, { type: 'text', text: 'sharply', marks: [{ type: 'bold' }] }, { type: 'text', text: ' in November.' }] }] };

describeEachDatabase('stories API', ({ database }) => {
  let app: FastifyInstance;
  let reporter: TestSession;
  let otherReporter: TestSession;
  let editor: TestSession;
  let translator: TestSession;
  let rubricId: number;
  let storyId: number;

  const call = (who: TestSession | undefined, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
    asUser(app, who, { method, url, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) });

  before(async () => {
    const testApp = await buildTestApp(database());
    app = testApp.app;
    reporter = await userWithSession(database(), { login: 'reporter1', role: 'reporter' });
    otherReporter = await userWithSession(database(), { login: 'reporter2', role: 'reporter' });
    editor = await userWithSession(database(), { login: 'editor1', role: 'editor' });
    translator = await userWithSession(database(), { login: 'translator1', role: 'translator' });
    rubricId = (await createRubric(testApp.context, { key: 'economics', names: { ru: 'Экономика', en: 'Economics', be: 'Эканоміка' } })).id;
  });

  test('anonymous requests are refused with 401, and a change without the CSRF token with 403', async () => {
    assert.equal((await call(undefined, 'GET', '/api/newsroom/stories')).json().error.code, 'unauthenticated');
    const response = await app.inject({ method: 'POST', url: '/api/newsroom/stories', headers: { cookie: reporter.cookie }, payload: { rubricId, language: 'en', headline: 'x', lede: 'y' } });
    assert.equal(response.statusCode, 403);
    assert.equal(response.json().error.code, 'csrf_rejected');
  });

  test('a reporter creates a story and opens it in the editor', async () => {
    const created = await call(reporter, 'POST', '/api/newsroom/stories', { rubricId, language: 'en', headline: 'Prices rise', lede: 'Inflation is up.' });
    assert.equal(created.statusCode, 201, created.body);
    storyId = created.json().storyId;
    const opened = await call(reporter, 'GET', `/api/newsroom/stories/${storyId}/en`);
    assert.equal(opened.statusCode, 200);
    const version = opened.json();
    assert.equal(version.headline, 'Prices rise');
    assert.equal(version.status, 'draft');
    assert.equal(version.revision, 0);
    assert.equal(version.canEdit, true);
    assert.deepEqual(version.actions, ['submit']);
    assert.deepEqual(version.body, { type: 'doc', content: [] });
    assert.match(version.publicUrl, new RegExp(`^https://news\\.example\\.by/en/economics/${storyId}-prices-rise$`));
    assert.equal(version.autosave, null);
  });

  test('saving stores the document exactly as parseDocument does, and a bad document is a 400 naming its path', async () => {
    const saved = await call(reporter, 'PUT', `/api/newsroom/stories/${storyId}/en`, { expectedRevision: 0, fields: { headline: 'Prices rise again', body } });
    assert.equal(saved.statusCode, 200, saved.body);
    assert.equal(saved.json().revision, 1);
    const version = (await call(reporter, 'GET', `/api/newsroom/stories/${storyId}/en`)).json();
    assert.deepEqual(version.body, body);
    assert.equal(version.revision, 1);

    const bad = await call(reporter, 'PUT', `/api/newsroom/stories/${storyId}/en`, {
      expectedRevision: 1, fields: { body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] }] }] } },
    });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.json().error.code, /^invalid_(document|input)$/);
    assert.equal((await call(reporter, 'GET', `/api/newsroom/stories/${storyId}/en`)).json().revision, 1, 'nothing was stored');
  });

  test('an autosave is found again on reopening and cleared by the next save', async () => {
    const kept = await call(reporter, 'PUT', `/api/newsroom/stories/${storyId}/en/autosave`, { baseRevision: 1, fields: { headline: 'Half-typed headl' } });
    assert.equal(kept.statusCode, 200, kept.body);
    const reopened = (await call(reporter, 'GET', `/api/newsroom/stories/${storyId}/en`)).json();
    assert.deepEqual(reopened.autosave.fields, { headline: 'Half-typed headl' });
    assert.equal(reopened.autosave.baseRevision, 1);
    assert.equal(reopened.headline, 'Prices rise again', 'the saved text is unchanged by an autosave');
    assert.equal((await call(editor, 'GET', `/api/newsroom/stories/${storyId}/en`)).json().autosave, null, 'a working copy is its owner\'s only');
    await call(reporter, 'PUT', `/api/newsroom/stories/${storyId}/en`, { expectedRevision: 1, fields: { headline: 'Prices rise for a third month' } });
    assert.equal((await call(reporter, 'GET', `/api/newsroom/stories/${storyId}/en`)).json().autosave, null);
  });

  test('two people saving the same revision: the second gets 409 with both texts, and the first text stays', async () => {
    const first = await call(editor, 'PUT', `/api/newsroom/stories/${storyId}/en`, { expectedRevision: 2, fields: { lede: 'The editor\'s lede.' } });
    assert.equal(first.statusCode, 200, first.body);
    const second = await call(reporter, 'PUT', `/api/newsroom/stories/${storyId}/en`, { expectedRevision: 2, fields: { lede: 'The reporter\'s lede.' } });
    assert.equal(second.statusCode, 409);
    const error = second.json().error;
    assert.equal(error.code, 'edit_conflict');
    assert.equal(error.details.theirs.lede, 'The editor\'s lede.');
    assert.equal(error.details.yours.lede, 'The reporter\'s lede.');
    assert.equal(error.details.currentRevision, 3);
    assert.equal((await call(reporter, 'GET', `/api/newsroom/stories/${storyId}/en`)).json().lede, 'The editor\'s lede.');
  });

  test('the revision history lists every save, diffs two of them by words, and restores one as a new revision', async () => {
    const { revisions } = (await call(reporter, 'GET', `/api/newsroom/stories/${storyId}/en/revisions`)).json();
    assert.deepEqual(revisions.map((r: { revision: number }) => r.revision), [3, 2, 1, 0]);
    const diff = (await call(reporter, 'GET', `/api/newsroom/stories/${storyId}/en/diff?from=1&to=2`)).json();
    assert.ok(diff.headline.some((part: { kind: string; text: string }) => part.kind === 'added' && part.text.includes('third')));
    const restored = await call(reporter, 'POST', `/api/newsroom/stories/${storyId}/en/revisions/1/restore`, { expectedRevision: 3 });
    assert.equal(restored.statusCode, 200, restored.body);
    assert.equal(restored.json().revision, 4);
    assert.equal((await call(reporter, 'GET', `/api/newsroom/stories/${storyId}/en`)).json().headline, 'Prices rise again');
    const stale = await call(reporter, 'POST', `/api/newsroom/stories/${storyId}/en/revisions/0/restore`, { expectedRevision: 3 });
    assert.equal(stale.json().error.code, 'edit_conflict');
  });

  test('story details: rubric, urgency, main flag, tags found by autocomplete, byline', async () => {
    const context = { database: database(), languages: ['ru', 'en', 'be'], clock: () => new Date() };
    const tag = await createTag(context, { key: 'prices', names: { en: 'Prices', ru: 'Цены' } });
    await createTag(context, { key: 'politics', names: { en: 'Politics' } });
    const author = await createAuthor(context, { key: 'anna', names: { en: 'Anna Writer', ru: 'Анна Автор' } });
    const suggested = (await call(reporter, 'GET', '/api/newsroom/tags?language=en&q=pri')).json().tags;
    assert.deepEqual(suggested.map((t: { name: string }) => t.name), ['Prices']);
    assert.deepEqual((await call(reporter, 'GET', '/api/newsroom/tags?language=en&q=%25')).json().tags, [], 'a % is a character, not a wildcard');
    const authors = (await call(reporter, 'GET', '/api/newsroom/authors?language=ru')).json().authors;
    assert.ok(authors.some((a: { name: string }) => a.name === 'Анна Автор'));
    const saved = await call(reporter, 'PUT', `/api/newsroom/stories/${storyId}/en/details`, { urgency: 2, isMain: true, tagIds: [tag.id], authorIds: [author.id], rubricId });
    assert.equal(saved.statusCode, 200, saved.body);
    const version = (await call(reporter, 'GET', `/api/newsroom/stories/${storyId}/en`)).json();
    assert.equal(version.urgency, 2);
    assert.equal(version.isMain, true);
    assert.deepEqual(version.tags, [{ id: tag.id, name: 'Prices' }]);
    assert.deepEqual(version.authors, [{ id: author.id, name: 'Anna Writer' }]);
    for (const [payload, field] of [[{ urgency: 9 }, 'details.urgency'], [{ tagIds: [tag.id, tag.id] }, 'details.tagIds'], [{ tagIds: [987654] }, 'details.tagIds'], [{ colour: 'red' }, 'colour']] as const) {
      const bad = await call(reporter, 'PUT', `/api/newsroom/stories/${storyId}/en/details`, payload);
      assert.equal(bad.statusCode, 400, bad.body);
      assert.equal(bad.json().error.details.field, field);
    }
    assert.equal((await call(otherReporter, 'PUT', `/api/newsroom/stories/${storyId}/en/details`, { urgency: 5 })).statusCode, 403);
  });

  test('another reporter may not save someone else\'s story', async () => {
    const response = await call(otherReporter, 'PUT', `/api/newsroom/stories/${storyId}/en`, { expectedRevision: 4, fields: { headline: 'Mine now' } });
    assert.equal(response.statusCode, 403);
    assert.equal(response.json().error.code, 'forbidden');
  });

  test('the preview is the site\'s own page for the saved text, before publication, for those who may read it', async () => {
    const preview = await call(reporter, 'GET', `/newsroom/app/preview/${storyId}/en`);
    assert.equal(preview.statusCode, 200, preview.body.slice(0, 300));
    assert.match(preview.body, /<h1[^>]*>Prices rise again<\/h1>/);
    assert.match(preview.body, /Prices rose <strong>sharply<\/strong> in November\./);
    assert.equal(preview.headers['x-robots-tag'], 'noindex, nofollow');
    assert.equal(preview.headers['content-security-policy'], APP_CSP);
    const reader = await app.inject({ method: 'GET', url: new URL((await call(reporter, 'GET', `/api/newsroom/stories/${storyId}/en`)).json().publicUrl).pathname });
    assert.equal(reader.statusCode, 404, 'readers do not see the draft');
    assert.equal((await call(otherReporter, 'GET', `/newsroom/app/preview/${storyId}/en`)).statusCode, 403);
  });

  test('the reporter submits, may not publish; the editor publishes and readers see the page', async () => {
    assert.equal((await call(reporter, 'POST', `/api/newsroom/stories/${storyId}/en/actions/submit`)).statusCode, 200);
    const refused = await call(reporter, 'POST', `/api/newsroom/stories/${storyId}/en/actions/publish`);
    assert.equal(refused.statusCode, 403);
    assert.deepEqual((await call(editor, 'GET', `/api/newsroom/stories/${storyId}/en`)).json().actions, ['schedule', 'publish', 'spike']);
    const published = await call(editor, 'POST', `/api/newsroom/stories/${storyId}/en/actions/publish`);
    assert.equal(published.statusCode, 200, published.body);
    assert.equal(published.json().status, 'published');
    const again = await call(editor, 'POST', `/api/newsroom/stories/${storyId}/en/actions/publish`);
    assert.equal(again.statusCode, 409);
    assert.equal(again.json().error.code, 'transition_not_allowed');
    const { publicUrl } = (await call(editor, 'GET', `/api/newsroom/stories/${storyId}/en`)).json();
    const page = await app.inject({ method: 'GET', url: new URL(publicUrl).pathname });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Prices rise again/);
  });

  test('the desk filters by status, language, rubric and headline words and names the missing languages', async () => {
    const published = (await call(editor, 'GET', '/api/newsroom/stories?status=published&language=en')).json();
    const row = published.stories.find((story: { storyId: number }) => story.storyId === storyId);
    assert.ok(row, 'the published story is on the desk');
    assert.deepEqual(row.missingLanguages, ['ru', 'be']);
    assert.equal(row.rubric.en, 'Economics');
    assert.deepEqual(row.versions[0].actions, ['correct', 'unpublish', 'kill']);
    assert.equal((await call(editor, 'GET', '/api/newsroom/stories?status=draft')).json().stories.some((story: { storyId: number }) => story.storyId === storyId), false);
    assert.equal((await call(editor, 'GET', `/api/newsroom/stories?q=${encodeURIComponent('again')}`)).json().stories.length, 1);
    assert.equal((await call(editor, 'GET', '/api/newsroom/stories?q=nonexistentword')).json().stories.length, 0);
    assert.equal((await call(editor, 'GET', `/api/newsroom/stories?rubric=${rubricId}`)).json().stories.length, 1);
    const asReporter = await call(reporter, 'GET', '/api/newsroom/stories');
    assert.equal(asReporter.statusCode, 200, 'a reporter sees the desk');
    assert.deepEqual(asReporter.json().stories.find((story: { storyId: number }) => story.storyId === storyId).versions[0].actions, [], 'but no buttons for an editor\'s steps');
    const bad = await call(editor, 'GET', '/api/newsroom/stories?status=lost');
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().error.details.field, 'status');
  });

  test('a translator starts the Russian version from the English one; a second start is a conflict', async () => {
    const started = await call(translator, 'POST', `/api/newsroom/stories/${storyId}/translations`, { from: 'en', to: 'ru' });
    assert.equal(started.statusCode, 201, started.body);
    assert.equal(started.json().source.headline, 'Prices rise again');
    assert.equal(started.json().translation.status, 'draft');
    const opened = (await call(translator, 'GET', `/api/newsroom/stories/${storyId}/ru`)).json();
    assert.equal(opened.canEdit, true);
    assert.deepEqual(opened.languages, ['ru', 'en']);
    const again = await call(translator, 'POST', `/api/newsroom/stories/${storyId}/translations`, { from: 'en', to: 'ru' });
    assert.equal(again.statusCode, 409);
    assert.equal(again.json().error.code, 'translation_exists');
  });

  test('bad input gets a clear 400 or 404, never a 500', async () => {
    const cases: [string, 'GET' | 'POST' | 'PUT', string, unknown, number, string][] = [
      ['unknown field', 'PUT', `/api/newsroom/stories/${storyId}/ru`, { expectedRevision: 0, fields: { headline: 'x', colour: 'red' } }, 400, 'invalid_input'],
      ['no revision', 'PUT', `/api/newsroom/stories/${storyId}/ru`, { fields: { headline: 'x' } }, 400, 'invalid_input'],
      ['headline not text', 'PUT', `/api/newsroom/stories/${storyId}/ru`, { expectedRevision: 0, fields: { headline: 5 } }, 400, 'invalid_input'],
      ['empty headline', 'PUT', `/api/newsroom/stories/${storyId}/ru`, { expectedRevision: 0, fields: { headline: '   ' } }, 400, 'invalid_input'],
      ['bad story id', 'GET', '/api/newsroom/stories/abc/en', undefined, 400, 'invalid_input'],
      ['no such story', 'GET', '/api/newsroom/stories/99999/en', undefined, 404, 'story_not_found'],
      ['unknown language', 'GET', `/api/newsroom/stories/${storyId}/de`, undefined, 400, 'language_unknown'],
      ['unknown action', 'POST', `/api/newsroom/stories/${storyId}/en/actions/launch`, {}, 400, 'invalid_input'],
      ['schedule without time', 'POST', `/api/newsroom/stories/${storyId}/ru/actions/schedule`, {}, 400, 'invalid_input'],
      ['body not an object', 'PUT', `/api/newsroom/stories/${storyId}/ru/autosave`, [1, 2], 400, 'invalid_input'],
      ['unknown rubric', 'POST', '/api/newsroom/stories', { rubricId: 4242, language: 'en', headline: 'x', lede: 'y' }, 404, 'rubric_not_found'],
    ];
    for (const [name, method, url, payload, status, code] of cases) {
      const response = await call(editor, method, url, payload);
      assert.equal(response.statusCode, status, `${name}: ${response.body}`);
      assert.equal(response.json().error.code, code, name);
    }
  });

  test('the app shell is served to a logged-in user with a strict CSP and hashed, cacheable assets', async () => {
    const anonymous = await app.inject({ method: 'GET', url: '/newsroom/app' });
    assert.equal(anonymous.statusCode, 303);
    const shell = await call(editor, 'GET', '/newsroom/app/stories/1/en');
    assert.equal(shell.statusCode, 200);
    assert.equal(shell.headers['content-security-policy'], APP_CSP);
    assert.match(APP_CSP, /script-src 'self'(;|$)/);
    assert.doesNotMatch(shell.body, /<script>|<script [^>]*>[^<]/, 'no inline script');
    const script = /src="\/newsroom\/app\/assets\/(app-[A-Z0-9]+\.js)"/.exec(shell.body)?.[1];
    const style = /href="\/newsroom\/app\/assets\/(app-[A-Z0-9]+\.css)"/.exec(shell.body)?.[1];
    assert.ok(script && style, shell.body);
    const asset = await app.inject({ method: 'GET', url: `/newsroom/app/assets/${script}` });
    assert.equal(asset.statusCode, 200);
    assert.match(String(asset.headers['content-type']), /^text\/javascript/);
    assert.match(String(asset.headers['cache-control']), /immutable/);
    assert.ok(asset.body.length > 50_000, 'the bundle holds TipTap');
    assert.equal((await app.inject({ method: 'GET', url: '/newsroom/app/assets/nothing.js' })).statusCode, 404);
  });
});
