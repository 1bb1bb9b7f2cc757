// «Other materials» kept in memory, on both databases: read once per rubric and language, each
// story's own headline left out, read again after a change is announced (clear), after its
// maximum age or when the clock goes back, and a read that began before a change is not kept.

import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDatabase } from '../testing/databases.ts';
import { createRubric, createStory, documentFromText, type ContentContext } from '../content/index.ts';
import { RubricHeadlines } from './rubric-headlines.ts';

describeEachDatabase('rubric headlines kept in memory', ({ database }) => {
  let context: ContentContext;
  let rubricId: number;
  const ids: number[] = [];
  const at = (minute: number) => new Date(Date.UTC(2026, 10, 23, 8, minute));

  async function publishAt(minute: number, headline: string): Promise<number> {
    const { id } = await createStory(context, {
      rubricId,
      versions: [{ language: 'en', headline, lede: 'Lede.', body: documentFromText(['Text.']), status: 'published', publishedAt: at(minute).toISOString() }],
    });
    return id;
  }

  before(async () => {
    context = { database: database(), languages: ['en', 'ru'], clock: () => at(30) };
    rubricId = (await createRubric(context, { key: `economy-${Date.now()}`, names: { en: 'Economy', ru: 'Экономика' } })).id;
    for (let minute = 0; minute < 5; minute++) ids.push(await publishAt(minute, `Story ${minute}`));
  });

  const headlinesOf = (list: Array<{ headline: string }>) => list.map((item) => item.headline);

  test('the newest headlines, newest first, without the story itself; kept until cleared', async () => {
    const kept = new RubricHeadlines(database().db);
    const ask = (exceptStoryId: number, now = at(30)) => kept.latest({ language: 'en', rubricId, exceptStoryId, limit: 3, now });
    assert.deepEqual(headlinesOf(await ask(ids[4]!)), ['Story 3', 'Story 2', 'Story 1']);
    assert.deepEqual(headlinesOf(await ask(ids[0]!)), ['Story 4', 'Story 3', 'Story 2']);
    const later = await publishAt(10, 'Story 10');
    assert.deepEqual(headlinesOf(await ask(ids[0]!)), ['Story 4', 'Story 3', 'Story 2'], 'kept: no change was announced');
    kept.clear();
    assert.deepEqual(headlinesOf(await ask(ids[0]!)), ['Story 10', 'Story 4', 'Story 3'], 'read again after the change');
    assert.deepEqual(headlinesOf(await ask(later)), ['Story 4', 'Story 3', 'Story 2']);
  });

  test('read again after thirty seconds, or when the clock goes back', async () => {
    const kept = new RubricHeadlines(database().db);
    const ask = (now: Date) => kept.latest({ language: 'en', rubricId, exceptStoryId: 0, limit: 2, now });
    const first = headlinesOf(await ask(at(40)));
    const newer = await publishAt(20, 'Story 20');
    assert.deepEqual(headlinesOf(await ask(new Date(at(40).getTime() + 29_000))), first);
    assert.deepEqual(headlinesOf(await ask(new Date(at(40).getTime() + 30_000))), ['Story 20', first[0]!]);
    kept.clear();
    await ask(at(40));
    await database().db.deleteFrom('story_versions').where('story_id', '=', newer).execute();
    await database().db.deleteFrom('stories').where('id', '=', newer).execute();
    assert.deepEqual(headlinesOf(await ask(at(39))), first, 'an earlier clock reads again');
  });

  test('a read that began before a change is not kept', async () => {
    const kept = new RubricHeadlines(database().db);
    const ask = () => kept.latest({ language: 'en', rubricId, exceptStoryId: 0, limit: 2, now: at(50) });
    const pending = ask();
    kept.clear();
    const before = headlinesOf(await pending);
    await publishAt(45, 'Story 45');
    assert.notDeepEqual(headlinesOf(await ask()), before, 'the read in flight during the change was dropped');
    assert.equal(headlinesOf(await ask())[0], 'Story 45');
  });
});
