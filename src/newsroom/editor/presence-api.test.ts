// "Who is editing what", on both databases: the editor's heartbeat marks a user present on a
// language version; the other people on it and the desk see them, per language; a missed heartbeat
// makes them stale, and leaving removes them at once. Two apps on one database agree.

import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { describeEachDatabase } from '../../testing/databases.ts';
import { buildTestApp } from '../../testing/app.ts';
import { asUser, userWithSession, type TestSession } from '../../testing/newsroom.ts';
import { createRubric } from '../../content/index.ts';
import { PRESENCE_STALE_SECONDS } from '../workflow/index.ts';

describeEachDatabase('presence on the desk and in the editor', ({ database }) => {
  let now = new Date();
  const clock = () => now;
  let app: FastifyInstance;
  let otherProcess: FastifyInstance;
  let reporter: TestSession;
  let editor: TestSession;
  let otherReporter: TestSession;
  let storyId: number;

  const call = (on: FastifyInstance, who: TestSession, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown) =>
    asUser(on, who, { method, url, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) });
  const openBy = async (who: TestSession, language: string) => {
    const desk = await call(app, who, 'GET', '/api/newsroom/stories');
    const story = desk.json().stories.find((s: { storyId: number }) => s.storyId === storyId);
    return story.versions.find((v: { language: string }) => v.language === language).openBy.map((u: { name: string }) => u.name);
  };

  before(async () => {
    const built = await buildTestApp(database(), clock);
    app = built.app;
    otherProcess = (await buildTestApp(database(), clock)).app;
    reporter = await userWithSession(database(), { login: 'presence-reporter', role: 'reporter' });
    editor = await userWithSession(database(), { login: 'presence-editor', role: 'editor' });
    otherReporter = await userWithSession(database(), { login: 'presence-other', role: 'reporter' });
    const rubricId = (await createRubric(built.context, { key: 'presence', names: { ru: 'Присутствие', en: 'Presence', be: 'Прысутнасць' } })).id;
    const created = await call(app, reporter, 'POST', '/api/newsroom/stories', { rubricId, language: 'ru', headline: 'Кто здесь', lede: 'Лид.' });
    storyId = created.json().storyId;
    await call(app, editor, 'POST', `/api/newsroom/stories/${storyId}/translations`, { from: 'ru', to: 'en' });
  });

  test('a heartbeat shows the user to the others on the same version and on the desk, per language', async () => {
    const first = await call(app, reporter, 'PUT', `/api/newsroom/stories/${storyId}/ru/presence`);
    assert.equal(first.statusCode, 200, first.body);
    assert.deepEqual(first.json().others, [], 'nobody else has it open');
    assert.ok(first.json().heartbeatSeconds < PRESENCE_STALE_SECONDS, 'a heartbeat comes before the presence goes stale');

    now = new Date(now.getTime() + 5000);
    const second = await call(otherProcess, editor, 'PUT', `/api/newsroom/stories/${storyId}/ru/presence`);
    assert.deepEqual(second.json().others.map((u: { name: string }) => u.name), ['Test presence-reporter'], 'another app process sees the reporter');
    assert.deepEqual(await openBy(editor, 'ru'), ['Test presence-reporter', 'Test presence-editor']);
    assert.deepEqual(await openBy(editor, 'en'), [], 'the English version is open by nobody');
  });

  test('a missed heartbeat makes a presence stale; a new heartbeat brings it back', async () => {
    now = new Date(now.getTime() + (PRESENCE_STALE_SECONDS - 10) * 1000);
    await call(app, editor, 'PUT', `/api/newsroom/stories/${storyId}/ru/presence`);
    now = new Date(now.getTime() + 15_000);
    assert.deepEqual(await openBy(editor, 'ru'), ['Test presence-editor'], 'the reporter stopped sending heartbeats');
    const back = await call(app, reporter, 'PUT', `/api/newsroom/stories/${storyId}/ru/presence`);
    assert.deepEqual(back.json().others.map((u: { name: string }) => u.name), ['Test presence-editor']);
    assert.deepEqual(await openBy(editor, 'ru'), ['Test presence-editor', 'Test presence-reporter'], 'back, as having opened it just now');
  });

  test('leaving removes the presence at once', async () => {
    const left = await call(app, editor, 'DELETE', `/api/newsroom/stories/${storyId}/ru/presence`);
    assert.equal(left.statusCode, 204);
    assert.deepEqual(await openBy(reporter, 'ru'), ['Test presence-reporter']);
  });

  test('only those who may read the text can announce themselves on it', async () => {
    const refused = await call(app, otherReporter, 'PUT', `/api/newsroom/stories/${storyId}/ru/presence`);
    assert.equal(refused.statusCode, 403);
    assert.equal(refused.json().error.code, 'forbidden');
    const missing = await call(app, reporter, 'PUT', `/api/newsroom/stories/${storyId}/be/presence`);
    assert.equal(missing.statusCode, 404);
    assert.equal(missing.json().error.code, 'story_not_found');
    assert.deepEqual(await openBy(editor, 'ru'), ['Test presence-reporter']);
  });
});
