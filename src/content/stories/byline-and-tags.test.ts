import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { LogEvent } from 'kysely';
import { describeEachDatabase } from '../../testing/databases.ts';
import type { ContentContext } from '../content-context.ts';
import { openSqlite } from '../../db/database.sqlite.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import { createRubric } from '../rubrics/rubrics.ts';
import { createTag } from '../tags/tags.ts';
import { createAuthor } from '../authors/authors.ts';
import { createStory } from './create-story.ts';
import { documentFromText } from '../document/index.ts';
import { listBylineAndTags } from './byline-and-tags.ts';

describeEachDatabase('a story page\'s byline and tags', ({ database }) => {
  const context = (): ContentContext => ({ database: database(), languages: ['ru', 'en', 'be'], clock: () => new Date('2026-11-23T08:23:00.000Z') });

  test('come in the newsroom\'s order, named in the language', async () => {
    const rubric = await createRubric(context(), { key: 'economics', position: 1, names: { en: 'Economics', ru: 'Экономика' } });
    const energy = await createTag(context(), { key: 'energy', names: { en: 'Energy', ru: 'Энергетика' } });
    const grain = await createTag(context(), { key: 'grain', names: { en: 'Grain', ru: 'Зерно' } });
    const onlyRussian = await createTag(context(), { key: 'potash', names: { ru: 'Калий' } });
    const ivanova = await createAuthor(context(), { key: 'ivanova', names: { en: 'Anna Ivanova', ru: 'Анна Иванова' } });
    const petrov = await createAuthor(context(), { key: 'petrov', names: { ru: 'Пётр Петров' } });
    const story = await createStory(context(), {
      rubricId: rubric.id,
      tagIds: [grain.id, onlyRussian.id, energy.id],
      authorIds: [petrov.id, ivanova.id],
      versions: [{ language: 'en', headline: 'Harvest', lede: 'Lede.', body: documentFromText(['Text.']), status: 'published', publishedAt: '2026-11-23T08:00:00.000Z' }],
    });
    const other = await createStory(context(), {
      rubricId: rubric.id, tagIds: [energy.id], authorIds: [ivanova.id],
      versions: [{ language: 'en', headline: 'Other', lede: 'Lede.', body: documentFromText(['Text.']), status: 'published', publishedAt: '2026-11-23T08:00:00.000Z' }],
    });

    assert.deepEqual(await listBylineAndTags(context(), story.id, 'en'), {
      tags: [{ name: 'Grain', slug: 'grain' }, { name: 'Energy', slug: 'energy' }],
      // An author without a name in the language is shown by key.
      authors: [{ key: 'petrov', name: 'petrov' }, { key: 'ivanova', name: 'Anna Ivanova' }],
    });
    assert.deepEqual(await listBylineAndTags(context(), story.id, 'ru'), {
      tags: [{ name: 'Зерно', slug: 'zerno' }, { name: 'Калий', slug: 'kaliy' }, { name: 'Энергетика', slug: 'energetika' }],
      authors: [{ key: 'petrov', name: 'Пётр Петров' }, { key: 'ivanova', name: 'Анна Иванова' }],
    });
    assert.deepEqual(await listBylineAndTags(context(), other.id, 'en'), { tags: [{ name: 'Energy', slug: 'energy' }], authors: [{ key: 'ivanova', name: 'Anna Ivanova' }] });
    assert.deepEqual(await listBylineAndTags(context(), 999_999, 'en'), { tags: [], authors: [] });
  });
});

test('the byline and tags read through indexes, with no scan and no sort', async () => {
  const queries: LogEvent['query'][] = [];
  const database = openSqlite(':memory:', { onQuery: (event) => queries.push(event.query) });
  try {
    await migrateToLatest(database);
    queries.length = 0;
    await listBylineAndTags({ database }, 1, 'en');
    assert.equal(queries.length, 1);
    const plan = (database.sqlite.prepare(`explain query plan ${queries[0]!.sql}`).all(...(queries[0]!.parameters as unknown[])) as Array<{ detail: string }>)
      .map((row) => row.detail)
      .join('\n');
    assert.match(plan, /SEARCH st USING COVERING INDEX story_tags_story_cover \(story_id=\?\)/, plan);
    assert.match(plan, /SEARCH sa USING COVERING INDEX story_authors_story_cover \(story_id=\?\)/, plan);
    assert.doesNotMatch(plan, /\bSCAN\b/, plan);
    assert.doesNotMatch(plan, /TEMP B-TREE/, plan);
  } finally {
    await database.close();
  }
});
