// The newsroom's archive search API on both databases: the site's query language over drafts and
// every other status for those who may read every text, what readers see for reporters, the
// filters (status, rubric, language, dates), highlighted parts as text, links to the editor, and
// bad input answered with a stable code.

import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { describeEachDatabase } from '../../testing/databases.ts';
import { buildTestApp } from '../../testing/app.ts';
import { asUser, userWithSession, type TestSession } from '../../testing/newsroom.ts';
import { createRubric, createStory, documentFromText, type ContentContext } from '../../content/index.ts';

const NOW = new Date('2026-11-20T12:00:00.000Z');
const DAY = 86_400_000;

describeEachDatabase('newsroom search API', ({ database }) => {
  let app: FastifyInstance;
  let context: ContentContext;
  let reporter: TestSession;
  let editor: TestSession;
  const ids: Record<string, number> = {};

  const search = (who: TestSession | undefined, query: string) => asUser(app, who, { method: 'GET', url: `/api/newsroom/search?${query}` });
  const found = async (who: TestSession, query: string) => {
    const response = await search(who, query);
    assert.equal(response.statusCode, 200, response.body);
    return response.json() as { results: Array<{ storyId: number; status: string; language: string; editorUrl: string; headline: Array<{ text: string; isMatch: boolean }>; snippet: Array<{ text: string; isMatch: boolean }>; rubric: Record<string, string> }>; statuses: string[]; total: number; problem: string | null };
  };

  before(async () => {
    const built = await buildTestApp(database(), () => NOW);
    app = built.app;
    context = built.context;
    reporter = await userWithSession(database(), { login: 'search-reporter', role: 'reporter' });
    editor = await userWithSession(database(), { login: 'search-editor', role: 'editor' });
    const economics = await createRubric(context, { key: 'economics', names: { ru: 'Экономика', en: 'Economics' } });
    const society = await createRubric(context, { key: 'society', names: { ru: 'Общество', en: 'Society' } });
    const story = async (name: string, rubricId: number, status: string, daysAgo: number, headline: string, text: string) => {
      const at = new Date(NOW.getTime() - daysAgo * DAY).toISOString();
      ids[name] = (await createStory(context, {
        rubricId,
        versions: [{ language: 'ru', headline, lede: `${headline}.`, body: documentFromText([text]), status: status as 'draft', publishedAt: status === 'draft' ? null : at }],
      })).id;
    };
    await story('published', economics.id, 'published', 40, 'Экспорт молока вырос', 'Сотрудничество с <Китаем> растёт.');
    await story('draft', economics.id, 'draft', 0, 'Черновик о сотрудничестве', 'Текст ещё пишется.');
    await story('killed', society.id, 'killed', 2, 'Снятый материал о сотрудничестве', 'Снят по решению редакции.');
  });

  test('an editor finds drafts and killed versions by another word form, with parts to highlight and a link to the editor', async () => {
    const page = await found(editor, `q=${encodeURIComponent('сотрудничества')}&language=ru`);
    assert.deepEqual(page.results.map((r) => r.storyId).sort(), [ids.published, ids.draft, ids.killed].sort());
    assert.ok(page.statuses.includes('draft') && page.statuses.includes('killed'));
    const draft = page.results.find((r) => r.storyId === ids.draft)!;
    assert.equal(draft.status, 'draft');
    assert.equal(draft.editorUrl, `/newsroom/app/stories/${ids.draft}/ru`);
    assert.deepEqual(draft.headline, [{ text: 'Черновик о ', isMatch: false }, { text: 'сотрудничестве', isMatch: true }]);
    const published = page.results.find((r) => r.storyId === ids.published)!;
    assert.ok(published.snippet.some((part) => part.text.includes('<Китаем>') && !part.isMatch), 'the text comes back as text, unescaped');
    assert.equal(published.rubric.ru, 'Экономика');
  });

  test('a reporter finds only what readers may see, and is refused a draft filter', async () => {
    const page = await found(reporter, `q=${encodeURIComponent('сотрудничество')}&language=ru`);
    assert.deepEqual(page.results.map((r) => r.storyId), [ids.published]);
    assert.deepEqual(page.statuses, ['published', 'corrected']);
    const refused = await search(reporter, 'q=x&language=ru&status=draft');
    assert.equal(refused.statusCode, 403);
    assert.equal(refused.json().error.code, 'forbidden');
  });

  test('filters: status, rubric, language and dates', async () => {
    const q = `q=${encodeURIComponent('сотрудничество')}&language=ru`;
    assert.deepEqual((await found(editor, `${q}&status=killed`)).results.map((r) => r.storyId), [ids.killed]);
    const rubricId = (await found(editor, `${q}&status=published`)).results[0]!;
    assert.equal(rubricId.storyId, ids.published);
    const economicsOnly = await found(editor, `${q}&rubric=${(await context.database.db.selectFrom('rubrics').select('id').where('key', '=', 'society').executeTakeFirstOrThrow()).id}`);
    assert.deepEqual(economicsOnly.results.map((r) => r.storyId), [ids.killed]);
    const recent = await found(editor, `${q}&from=${new Date(NOW.getTime() - 10 * DAY).toISOString().slice(0, 10)}`);
    assert.ok(!recent.results.some((r) => r.storyId === ids.published), 'the story of 40 days ago is before the range');
    const old = await found(editor, `${q}&to=${new Date(NOW.getTime() - 30 * DAY).toISOString().slice(0, 10)}`);
    assert.deepEqual(old.results.map((r) => r.storyId), [ids.published]);
    assert.deepEqual((await found(editor, 'q=milk&language=en')).results, [], 'no English version');
  });

  test('bad input gets a stable code, and a query with nothing searchable an empty page with the reason', async () => {
    assert.equal((await found(editor, 'q=%21%21%21&language=ru')).problem, 'empty');
    assert.equal((await found(editor, `q=${'x'.repeat(10000)}&language=ru`)).total >= 0, true);
    const cases: Array<[string, number, string]> = [
      ['q=a&language=xx', 400, 'language_unknown'],
      ['q=a&language=ru&status=nope', 400, 'invalid_input'],
      ['q=a&language=ru&rubric=x', 400, 'invalid_input'],
      ['q=a&language=ru&page=51', 400, 'invalid_input'],
      ['q=a&language=ru&from=2026-13-45', 400, 'invalid_input'],
      ['q=a&q=b&language=ru', 400, 'invalid_input'],
    ];
    for (const [query, status, code] of cases) {
      const response = await search(editor, query);
      assert.equal(response.statusCode, status, query);
      assert.equal(response.json().error.code, code, query);
    }
    assert.equal((await search(undefined, 'q=a')).statusCode, 401);
  });

  test('while the index is first built the answer is 503 search_index_building', async () => {
    const live = () => database().db.updateTable('search_generations').where('state', '=', 'live');
    await live().set({ is_complete: 0 }).execute();
    try {
      const response = await search(editor, 'q=a&language=ru');
      assert.equal(response.statusCode, 503);
      assert.equal(response.json().error.code, 'search_index_building');
      assert.equal(response.headers['retry-after'], '60');
    } finally {
      await live().set({ is_complete: 1 }).execute();
    }
  });
});
