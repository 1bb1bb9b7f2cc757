// Archive search on SQLite and PostgreSQL from one suite: morphology in ru, en and be, the query
// language, ranking (headline matches first, then relevance × freshness), filters, visibility
// (embargo, scheduled, unpublished, killed, corrected: shown at once), the newsroom audience,
// hostile queries and pagination. Both databases must give the same answers.

import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDatabase } from '../testing/databases.ts';
import type { Database } from '../db/database.ts';
import type { ContentContext } from '../content/content-context.ts';
import { createRubric, createTag, createStory, documentFromText, refreshStoryListings, type LanguageVersionInput } from '../content/index.ts';
import { inTransaction } from '../db/transaction.ts';
import { searchStories, MAX_PAGE, type SearchOptions } from './index.ts';
import { rejectsWith } from '../testing/assertions.ts';

const NOW = '2026-11-23T12:00:00.000Z';
const DAY = 86_400_000;
const ago = (days: number) => new Date(Date.parse(NOW) - days * DAY).toISOString();

function version(language: string, headline: string, body: string, publishedAt: string | null, extra: Partial<LanguageVersionInput> = {}): LanguageVersionInput {
  return { language, headline, lede: `${headline}.`, body: documentFromText([body]), status: publishedAt ? 'published' : 'draft', publishedAt, ...extra };
}

/** What a workflow command does to a version: change it, then refresh the listings. */
async function changeVersion(database: Database, storyId: number, language: string, change: { status?: string; headline?: string; published_at?: string }) {
  await inTransaction(database.db, async (trx) => {
    await trx.updateTable('story_versions').set({ ...change, updated_at: NOW }).where('story_id', '=', storyId).where('language', '=', language).execute();
    await refreshStoryListings(trx, storyId);
  });
}

describeEachDatabase('archive search', ({ database }) => {
  let now = new Date(NOW);
  const context = (): ContentContext => ({ database: database(), languages: ['ru', 'en', 'be'], clock: () => now });
  const search = (options: Partial<SearchOptions> & { query: string }) =>
    searchStories({ database: database(), clock: () => now }, { language: 'ru', audience: 'public', ...options });
  const ids: Record<string, number> = {};
  let economics = 0;
  let society = 0;
  let exportTag = 0;

  before(async () => {
    economics = (await createRubric(context(), { key: 'economics', names: { ru: 'Экономика', en: 'Economics', be: 'Эканоміка' } })).id;
    society = (await createRubric(context(), { key: 'society', names: { ru: 'Общество', en: 'Society', be: 'Грамадства' } })).id;
    exportTag = (await createTag(context(), { key: 'export', names: { ru: 'Экспорт', en: 'Export', be: 'Экспарт' } })).id;
    const story = async (name: string, rubricId: number, versions: LanguageVersionInput[], extra: { tagIds?: number[]; embargoUntil?: string } = {}) => {
      ids[name] = (await createStory(context(), { rubricId, versions, ...extra })).id;
    };
    await story('cooperation', economics, [
      version('ru', 'Беларусь и Китай расширят сотрудничество', 'Стороны обсудили сотрудничество в сфере IT и торговли.', ago(1)),
      version('en', 'Belarus and China to expand cooperation', 'The sides discussed cooperating in IT and trade.', ago(1)),
      version('be', 'Беларусь і Кітай пашыраць супрацоўніцтва', 'Бакі абмеркавалі супрацоўніцтва ў сферы IT.', ago(1)),
    ], { tagIds: [exportTag] });
    await story('oldCooperation', economics, [
      version('ru', 'Итоги года в промышленности', 'Благодаря сотрудничеству с партнерами производство выросло.', ago(400)),
    ]);
    await story('bodyOnly', society, [
      version('ru', 'Новости регионов', 'В Гродно отметили развитие сотрудничества между школами.', ago(2)),
    ]);
    await story('harvest', society, [
      version('ru', 'Уборочная кампания в Минске завершена', 'Аграрии Минской области собрали урожай.', ago(3)),
    ]);
    await story('embargoed', economics, [version('ru', 'Секретное сотрудничество банков', 'Сотрудничество банков под эмбарго.', ago(1))], { embargoUntil: new Date(Date.parse(NOW) + DAY).toISOString() });
    await story('scheduled', economics, [version('ru', 'Будущее сотрудничество заводов', 'Сотрудничество заводов начнется.', new Date(Date.parse(NOW) + DAY).toISOString(), { status: 'scheduled' })]);
    await story('draft', economics, [version('ru', 'Черновик о сотрудничестве', 'Сотрудничество в черновике.', null)]);
  });

  test('a Russian word finds its other forms, headline matches first', async () => {
    const page = await search({ query: 'сотрудничества' });
    assert.deepEqual(page.results.map((r) => r.storyId), [ids.cooperation, ids.bodyOnly, ids.oldCooperation]);
    assert.equal(page.results[0]!.isHeadlineMatch, true);
    assert.match(page.results[0]!.headlineHtml, /<mark>сотрудничество<\/mark>/);
    assert.match(page.results[2]!.snippetHtml, /<mark>сотрудничеству<\/mark>/);
    assert.equal(page.total, 3);
    assert.equal(page.isExact, true);
  });

  test('English and Belarusian stemming', async () => {
    assert.deepEqual((await search({ query: 'cooperating', language: 'en' })).results.map((r) => r.storyId), [ids.cooperation]);
    assert.deepEqual((await search({ query: 'супрацоўніцтву', language: 'be' })).results.map((r) => r.storyId), [ids.cooperation]);
    // ў is not у: a query spelt with у does not find the Belarusian word.
    assert.deepEqual((await search({ query: 'супрацоуніцтву', language: 'be' })).results, []);
  });

  test('phrases, exclusions, prefixes', async () => {
    assert.deepEqual((await search({ query: '"расширят сотрудничество"' })).results.map((r) => r.storyId), [ids.cooperation]);
    assert.deepEqual((await search({ query: '"сотрудничество расширят"' })).results, []);
    assert.deepEqual((await search({ query: 'сотрудничество -Китай' })).results.map((r) => r.storyId), [ids.bodyOnly, ids.oldCooperation]);
    assert.deepEqual((await search({ query: 'уборочн*' })).results.map((r) => r.storyId), [ids.harvest]);
    assert.deepEqual((await search({ query: 'Минск' })).results.map((r) => r.storyId), [ids.harvest]);
  });

  test('filters by rubric, tag and dates', async () => {
    assert.deepEqual((await search({ query: 'сотрудничество', rubricId: society })).results.map((r) => r.storyId), [ids.bodyOnly]);
    assert.deepEqual((await search({ query: 'сотрудничество', tagId: exportTag })).results.map((r) => r.storyId), [ids.cooperation]);
    assert.deepEqual((await search({ query: 'сотрудничество', to: ago(100) })).results.map((r) => r.storyId), [ids.oldCooperation]);
    assert.deepEqual((await search({ query: 'сотрудничество', from: ago(1.5) })).results.map((r) => r.storyId), [ids.cooperation]);
  });

  test('embargoed, scheduled and draft versions are never found on the site, until their time', async () => {
    const found = (await search({ query: 'сотрудничество' })).results.map((r) => r.storyId);
    for (const hidden of [ids.embargoed, ids.scheduled, ids.draft]) assert.ok(!found.includes(hidden!));
    now = new Date(Date.parse(NOW) + 2 * DAY);
    try {
      const later = (await search({ query: 'сотрудничество' })).results.map((r) => r.storyId);
      assert.ok(later.includes(ids.embargoed!), 'the embargo has passed');
      assert.ok(!later.includes(ids.scheduled!), 'a scheduled version waits for its publication');
      assert.ok(!later.includes(ids.draft!));
    } finally {
      now = new Date(NOW);
    }
  });

  test('the newsroom searches the statuses it may see', async () => {
    const newsroom = await search({ query: 'сотрудничество', audience: 'newsroom', statuses: ['draft', 'scheduled', 'published'] });
    const found = newsroom.results.map((r) => r.storyId);
    for (const id of [ids.draft, ids.scheduled, ids.embargoed, ids.cooperation]) assert.ok(found.includes(id!), `story ${id}`);
    const onlyDrafts = await search({ query: 'сотрудничество', audience: 'newsroom', statuses: ['draft'] });
    assert.deepEqual(onlyDrafts.results.map((r) => r.storyId), [ids.draft]);
    await rejectsWith(search({ query: 'x', audience: 'newsroom' }), 'invalid_input');
  });

  test('publish, unpublish, kill and correct show at once', async () => {
    await changeVersion(database(), ids.draft!, 'ru', { status: 'published', published_at: ago(0.5) });
    assert.equal((await search({ query: 'черновик' })).results[0]?.storyId, ids.draft);
    await changeVersion(database(), ids.draft!, 'ru', { status: 'unpublished' });
    assert.deepEqual((await search({ query: 'черновик' })).results, []);
    await changeVersion(database(), ids.harvest!, 'ru', { status: 'killed' });
    assert.deepEqual((await search({ query: 'уборочная' })).results, []);
    await changeVersion(database(), ids.bodyOnly!, 'ru', { status: 'corrected', headline: 'Новости регионов: исправлено' });
    const corrected = await search({ query: 'исправлено' });
    assert.deepEqual(corrected.results.map((r) => r.storyId), [ids.bodyOnly]);
    assert.match(corrected.results[0]!.headlineHtml, /<mark>исправлено<\/mark>/);
    assert.deepEqual((await search({ query: '"новости регионов" школами' })).results.map((r) => r.storyId), [ids.bodyOnly]);
  });

  test('hostile queries give safe results or an empty page with a reason', async () => {
    for (const query of ['x'.repeat(10000), '"', '*', ':', '^', 'NEAR(', 'headline:сотрудничество', '"unbalanced сотрудничество', '\u0000сотрудничество', '🙂 сотрудничество', "' OR 1=1 --", '{headline}: x', 'Минск Minsk']) {
      const page = await search({ query });
      assert.ok(Array.isArray(page.results), query.slice(0, 20));
    }
    assert.equal((await search({ query: '!!!' })).problem, 'empty');
    assert.equal((await search({ query: '-сотрудничество' })).problem, 'only_excluded');
    assert.equal((await search({ query: '"unbalanced сотрудничество' })).results.length, 0);
    assert.ok((await search({ query: 'headline:сотрудничество' })).results.length === 0);
    assert.ok((await search({ query: '\u0000сотрудничество' })).results.length >= 1);
    assert.equal((await search({ query: 'x'.repeat(10000) })).truncated, true);
  });

  test('a headline match beats a fresher mention in the text, but not for ever', async () => {
    const story = async (headline: string, body: string, days: number) =>
      (await createStory(context(), { rubricId: society, versions: [version('ru', headline, body, ago(days))] })).id;
    const inHeadline = await story('Металлурги отчитались о рекорде', 'Итоги полугодия.', 10);
    const mentioned = await story('Новости промышленности', 'Металлурги и энергетики подвели итоги.', 1);
    const oldHeadline = await story('Металлурги открыли музей', 'Экспозиция о заводе.', 400);
    const page = await search({ query: 'металлурги' });
    assert.deepEqual(page.results.map((r) => r.storyId), [inHeadline, mentioned, oldHeadline]);
    assert.deepEqual(page.results.map((r) => r.isHeadlineMatch), [true, false, true]);
  });

  test('bad options are invalid_input', async () => {
    await rejectsWith(search({ query: 'a', page: MAX_PAGE + 1 }), 'invalid_input');
    await rejectsWith(search({ query: 'a', page: 0 }), 'invalid_input');
    await rejectsWith(search({ query: 'a', rubricId: -1 }), 'invalid_input');
    await rejectsWith(search({ query: 'a', from: 'yesterday' }), 'invalid_input');
  });

  test('pages of twenty, newest first among equals, across year tables', async () => {
    const versions: number[] = [];
    for (let i = 0; i < 45; i++) {
      const { id } = await createStory(context(), { rubricId: society, versions: [version('ru', `Хоккейный матч номер ${i}`, 'Хоккей.', ago(10 + i * 20))] });
      versions.push(id);
    }
    const first = await search({ query: 'хоккей' });
    assert.deepEqual(first.results.map((r) => r.storyId), versions.slice(0, 20));
    assert.equal(first.hasNextPage, true);
    const third = await search({ query: 'хоккей', page: 3 });
    assert.deepEqual(third.results.map((r) => r.storyId), versions.slice(40));
    assert.equal(third.hasNextPage, false);
    assert.equal(third.total, 45);
  });
});
