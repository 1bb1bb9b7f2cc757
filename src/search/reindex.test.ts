// The rebuild of the index on both databases: the same answers after it, search answering from
// the old generation while the new one fills, and a change made during the rebuild kept.

import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDatabase } from '../testing/databases.ts';
import type { ContentContext } from '../content/content-context.ts';
import { createRubric, createStory, documentFromText, refreshStoryListings } from '../content/index.ts';
import { inTransaction } from '../db/transaction.ts';
import { contentSearchSource } from '../cli/search-index.ts';
import { rebuildSearchIndex, searchStories, isSearchIndexEmpty, markLiveIndexIncomplete, needsSearchIndex, type ReindexSource } from './index.ts';
import { hasErrorCode } from '../lib/errors.ts';

const NOW = new Date('2026-11-23T12:00:00.000Z');

describeEachDatabase('search reindex', ({ database, dialect }) => {
  const context = (): ContentContext => ({ database: database(), languages: ['ru', 'en'], clock: () => NOW });
  const search = (query: string) => searchStories({ database: database(), clock: () => NOW }, { query, language: 'ru', audience: 'public' });
  const ids: number[] = [];

  before(async () => {
    const rubricId = (await createRubric(context(), { key: 'economics', names: { ru: 'Экономика', en: 'Economics' } })).id;
    for (let i = 0; i < 5; i++) {
      const publishedAt = new Date(NOW.getTime() - (i + 1) * 200 * 86_400_000).toISOString();
      const { id } = await createStory(context(), {
        rubricId,
        versions: [{ language: 'ru', headline: `Экспорт молока вырос ${i}`, lede: 'Экспорт молочной продукции.', body: documentFromText(['Поставки выросли.']), status: 'published', publishedAt }],
      });
      ids.push(id);
    }
  });

  test('a rebuild gives the same answers and drops the old generation', async () => {
    const before = (await search('экспорт')).results.map((r) => r.storyId);
    assert.deepEqual(before, ids);
    const result = await rebuildSearchIndex(database(), contentSearchSource, { progress: false });
    assert.equal(result.stories, 5);
    assert.equal(result.documents, 5);
    assert.deepEqual((await search('экспорт')).results.map((r) => r.storyId), ids);
    const generations = await database().db.selectFrom('search_generations').selectAll().execute();
    assert.deepEqual(generations.map((g) => [g.generation, g.state]), [[result.generation, 'live']]);
    const old = await database().db.selectFrom('search_documents').select('generation').where('generation', '<>', result.generation).execute();
    assert.equal(old.length, 0);
    if (dialect === 'sqlite') {
      const tables = await database().db.selectFrom('search_years').select('generation').distinct().execute();
      assert.deepEqual(tables.map((t) => t.generation), [result.generation]);
    }
  });

  test('search keeps answering during a rebuild, and a change made meanwhile is kept', async () => {
    let calls = 0;
    const source: ReindexSource = {
      ...contentSearchSource,
      async listStoryIds(db, afterId, limit) {
        calls++;
        if (calls === 2) {
          // Mid-rebuild: readers still find everything, and an editor changes a headline.
          assert.deepEqual((await search('экспорт')).results.map((r) => r.storyId), ids);
          await inTransaction(database().db, async (trx) => {
            await trx.updateTable('story_versions').set({ headline: 'Импорт зерна' }).where('story_id', '=', ids[0]!).execute();
            await refreshStoryListings(trx, ids[0]!);
          });
          assert.deepEqual((await search('импорт')).results.map((r) => r.storyId), [ids[0]]);
        }
        return contentSearchSource.listStoryIds(db, afterId, calls === 1 ? 2 : limit);
      },
    };
    await rebuildSearchIndex(database(), source, { progress: false });
    assert.ok(calls >= 2);
    assert.deepEqual((await search('импорт')).results.map((r) => r.storyId), [ids[0]]);
    assert.deepEqual((await search('молока')).results.map((r) => r.storyId), ids.slice(1));
  });

  test('an index that never saw the stories is reported empty', async () => {
    assert.equal(await isSearchIndexEmpty(database().db), false);
    await database().db.deleteFrom('search_documents').execute();
    assert.equal(await isSearchIndexEmpty(database().db), true);
    await rebuildSearchIndex(database(), contentSearchSource, { progress: false });
    assert.equal(await isSearchIndexEmpty(database().db), false);
  });

  test('an index marked incomplete answers "being built" until a rebuild completes it', async () => {
    assert.equal(await needsSearchIndex(database().db), false);
    await markLiveIndexIncomplete(database().db);
    assert.equal(await needsSearchIndex(database().db), true);
    await assert.rejects(search('экспорт'), (error) => hasErrorCode(error, 'search_index_building'));
    await rebuildSearchIndex(database(), contentSearchSource, { progress: false });
    assert.equal(await needsSearchIndex(database().db), false);
    assert.equal((await search('экспорт')).results.length, 5);
  });

  test('a rebuild stopped between batches leaves the live index as it was', async () => {
    const controller = new AbortController();
    const source: ReindexSource = {
      ...contentSearchSource,
      async listStoryIds(db, afterId, limit) {
        controller.abort();
        return contentSearchSource.listStoryIds(db, afterId, Math.min(limit, 2));
      },
    };
    await assert.rejects(rebuildSearchIndex(database(), source, { progress: false, signal: controller.signal }), { name: 'AbortError' });
    assert.equal((await search('экспорт')).results.length, 5);
    const states = await database().db.selectFrom('search_generations').select('state').orderBy('generation').execute();
    assert.deepEqual(states.map((s) => s.state), ['live', 'building'], 'the unfinished generation waits to be thrown away');
  });
});
