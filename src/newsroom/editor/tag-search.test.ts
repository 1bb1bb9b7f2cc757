// Tags found by name whatever the case, Cyrillic included, with the same answers on SQLite and
// PostgreSQL: the tag field's autocomplete (a name in one language starting with what was typed)
// and the tag administration's search (any part of a key or a name in any language). Ё and Ў fold
// to ё and ў, as PostgreSQL's lower() does, and ё stays apart from е.

import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { describeEachDatabase } from '../../testing/databases.ts';
import { buildTestApp } from '../../testing/app.ts';
import { asUser, userWithSession, type TestSession } from '../../testing/newsroom.ts';
import { createTag } from '../../content/index.ts';

describeEachDatabase('tag search by name', ({ database }) => {
  let app: FastifyInstance;
  let editor: TestSession;

  before(async () => {
    const testApp = await buildTestApp(database());
    app = testApp.app;
    editor = await userWithSession(database(), { login: 'editor-tags', role: 'editor' });
    const context = testApp.context;
    await createTag(context, { key: 'economy', names: { ru: 'экономика', be: 'эканоміка', en: 'Economy' } });
    await createTag(context, { key: 'ministry', names: { ru: 'Министерство ЭКОНОМИКИ' } });
    await createTag(context, { key: 'uplands', names: { be: 'Ўзвышша', ru: 'Возвышенность' } });
    await createTag(context, { key: 'fir-tree', names: { ru: 'Ёлка' } });
    await createTag(context, { key: 'spruce', names: { ru: 'Елка' } });
  });

  const suggest = async (language: string, typed: string) => {
    const answer = await asUser(app, editor, { method: 'GET', url: `/api/newsroom/tags?language=${language}&q=${encodeURIComponent(typed)}` });
    assert.equal(answer.statusCode, 200, answer.body);
    return answer.json().tags.map((tag: { name: string }) => tag.name);
  };
  const search = async (typed: string) => {
    const answer = await asUser(app, editor, { method: 'GET', url: `/api/newsroom/tags/all?q=${encodeURIComponent(typed)}` });
    assert.equal(answer.statusCode, 200, answer.body);
    return answer.json().tags.map((tag: { key: string }) => tag.key);
  };

  test('the autocomplete finds a Cyrillic name typed in capitals, lower case or mixed', async () => {
    assert.deepEqual(await suggest('ru', 'ЭКОН'), ['экономика']);
    assert.deepEqual(await suggest('ru', 'эКоН'), ['экономика']);
    assert.deepEqual(await suggest('ru', 'МИНИСТЕРСТВО эконом'), ['Министерство ЭКОНОМИКИ']);
    assert.deepEqual(await suggest('be', 'ЭКАН'), ['эканоміка']);
  });

  test('the autocomplete folds Ў to ў and Ё to ё, and keeps ё apart from е', async () => {
    assert.deepEqual(await suggest('be', 'ў'), ['Ўзвышша']);
    assert.deepEqual(await suggest('be', 'ЎЗВ'), ['Ўзвышша']);
    assert.deepEqual(await suggest('ru', 'ё'), ['Ёлка']);
    assert.deepEqual(await suggest('ru', 'ЁЛ'), ['Ёлка']);
    assert.deepEqual(await suggest('ru', 'е'), ['Елка']);
    assert.deepEqual(await suggest('ru', 'Ел'), ['Елка']);
  });

  test('the administration search finds any part of a name in any language, whatever the case', async () => {
    assert.deepEqual(await search('ЭКОН'), ['economy', 'ministry']);
    assert.deepEqual(await search('экономики'), ['ministry']);
    assert.deepEqual(await search('стерство эконом'), ['ministry'], 'a name in mixed case, typed in another');
    assert.deepEqual(await search('ЗВЫШ'), ['uplands']);
    assert.deepEqual(await search('ВЫШЕН'), ['uplands']);
    assert.deepEqual(await search('ёлк'), ['fir-tree']);
    assert.deepEqual(await search('ЕЛК'), ['spruce']);
    assert.deepEqual(await search('ECONOMY'), ['economy'], 'Latin letters as before');
    assert.deepEqual(await search('%'), [], 'a % is a character, not a wildcard');
  });
});
