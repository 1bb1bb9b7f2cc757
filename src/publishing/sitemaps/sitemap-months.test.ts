// The month counts behind the sitemap index (sitemap_months, kept by triggers on story_versions):
// on both databases they stay equal to a count of the archive through publishing, correcting,
// unpublishing, republishing, killing, spiking, a changed publication time or language and a
// deleted story; the index leaves out what is under embargo or dated later, so it names no empty
// file; and it reads the counts instead of counting the archive month by month, so
// its statements do not grow with the archive's age (checked with SQLite's query plans).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { LogEvent } from 'kysely';
import { describeEachDatabase } from '../../testing/databases.ts';
import { buildTestApp } from '../../testing/app.ts';
import { openSqlite } from '../../db/database.sqlite.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import type { Database } from '../../db/database.ts';
import { movableWorkflowContext, newsroom, draftStory } from '../../newsroom/workflow/workflow-fixtures.ts';
import { correctVersion, killVersion, publishVersion, republishVersion, spikeVersion, unpublishVersion } from '../../newsroom/index.ts';
import { createRubric, createStory, documentFromText, PUBLIC_STATUSES } from '../../content/index.ts';

const NOW = '2026-07-27T11:00:00.000Z';

/** language → month → public versions, counted from story_versions itself. */
async function countArchive(database: Database): Promise<Record<string, Record<string, number>>> {
  const rows = await database.db.selectFrom('story_versions').select(['language', 'published_at'])
    .where('status', 'in', [...PUBLIC_STATUSES]).where('published_at', 'is not', null).execute();
  const counts: Record<string, Record<string, number>> = {};
  for (const row of rows) {
    const month = new Date(row.published_at!).toISOString().slice(0, 7);
    const language = (counts[row.language] ??= {});
    language[month] = (language[month] ?? 0) + 1;
  }
  return counts;
}

async function keptCounts(database: Database): Promise<Record<string, Record<string, number>>> {
  const rows = await database.db.selectFrom('sitemap_months').select(['language', 'month', 'versions']).execute();
  const counts: Record<string, Record<string, number>> = {};
  for (const row of rows) {
    assert.ok(Number(row.versions) >= 0, `${row.language} ${row.month}: ${row.versions}`);
    if (Number(row.versions) > 0) (counts[row.language] ??= {})[row.month] = Number(row.versions);
  }
  return counts;
}

describeEachDatabase('sitemap month counts', ({ database }) => {
  const { context, setNow } = movableWorkflowContext(database, NOW);

  test('stay equal to a count of the archive through every change of a version', async () => {
    const people = await newsroom(context);
    const { editor } = people;
    const expectSame = async (step: string) => assert.deepEqual(await keptCounts(database()), await countArchive(database()), step);
    const published = async (headline: string, languages: string[], at: string) => (await createStory(context, {
      rubricId: people.rubric.id,
      versions: languages.map((language) => ({ language, headline: `${headline} ${language}`, lede: 'Lede.', body: documentFromText(['Text.']), status: 'published' as const, publishedAt: at })),
    })).id;
    const june = await published('June', ['ru', 'en'], '2026-06-10T08:00:00.000Z');
    const july = await published('July', ['ru', 'en', 'be'], '2026-07-01T00:00:00.000Z');
    await published('Last of June', ['be'], '2026-06-30T23:59:59.999Z');
    await expectSame('stories written as published');
    assert.deepEqual((await keptCounts(database())).be, { '2026-06': 1, '2026-07': 1 }, 'the month is the UTC month');

    const draft = await draftStory(context, people.rubric.id, people.reporter, 'Draft', ['ru', 'en']);
    await expectSame('drafts are not counted');
    await publishVersion(context, { actor: editor, storyId: draft, language: 'ru' });
    await expectSame('a draft published');
    await correctVersion(context, { actor: editor, storyId: draft, language: 'ru', note: 'A name was misspelt.' });
    await expectSame('a correction');
    await unpublishVersion(context, { actor: editor, storyId: june, language: 'en' });
    await expectSame('an unpublished version');
    setNow('2026-08-02T09:00:00.000Z');
    await republishVersion(context, { actor: editor, storyId: june, language: 'en' });
    await expectSame('a republished version');
    await killVersion(context, { actor: editor, storyId: july, language: 'ru', reason: 'Legal' });
    await expectSame('a killed version');
    await spikeVersion(context, { actor: editor, storyId: draft, language: 'en' });
    await expectSame('a spiked draft');

    await database().db.updateTable('story_versions').set({ published_at: '2025-12-31T12:00:00.000Z' }).where('story_id', '=', july).where('language', '=', 'en').execute();
    await expectSame('a publication time moved to another month');
    await database().db.updateTable('story_versions').set({ published_at: '2025-12-05T12:00:00.000Z' }).where('story_id', '=', july).where('language', '=', 'en').execute();
    await expectSame('a publication time moved within its month');
    await database().db.updateTable('story_versions').set({ language: 'be' }).where('story_id', '=', june).where('language', '=', 'ru').execute();
    await expectSame('a version moved to another language');
    await database().db.deleteFrom('stories').where('id', '=', june).execute();
    await expectSame('a story deleted with its versions');
    assert.ok(Object.keys(await keptCounts(database())).length > 0);
  });

  test('the index names no month whose only versions are under embargo or dated later, and every file it names answers 200', async () => {
    setNow('2026-08-02T09:00:00.000Z');
    const { app } = await buildTestApp(database(), context.clock);
    try {
      const rubric = await createRubric(context, { key: 'hidden-months', names: { be: 'Схаваныя' } });
      const { id: embargoed } = await createStory(context, {
        rubricId: rubric.id, embargoUntil: '2026-08-10T00:00:00.000Z',
        versions: [{ language: 'be', headline: 'Пад эмбарга', lede: 'Лід.', body: documentFromText(['Тэкст.']), status: 'published', publishedAt: '2026-03-10T08:00:00.000Z' }],
      });
      await createStory(context, {
        rubricId: rubric.id,
        versions: [{ language: 'be', headline: 'Загадзя', lede: 'Лід.', body: documentFromText(['Тэкст.']), status: 'published', publishedAt: '2026-08-20T08:00:00.000Z' }],
      });
      const listed = async () => [...(await app.inject({ url: '/sitemap.xml' })).body.matchAll(/<loc>https:\/\/news\.example\.by([^<]+)<\/loc>/g)].map((match) => match[1]!);
      const before = await listed();
      assert.ok(!before.includes('/sitemaps/be/2026-03-1.xml'), 'a month with only an embargoed story is not named');
      assert.ok(!before.includes('/sitemaps/be/2026-08-1.xml'), 'nor a month with only a story dated later');
      for (const url of before) assert.equal((await app.inject({ url })).statusCode, 200, url);

      await database().db.updateTable('stories').set({ embargo_until: null }).where('id', '=', embargoed).execute();
      setNow('2026-08-21T09:00:00.000Z');
      const after = await listed();
      assert.ok(after.includes('/sitemaps/be/2026-03-1.xml'), 'named once the embargo is lifted');
      assert.ok(after.includes('/sitemaps/be/2026-08-1.xml'), 'named once its time has come');
      for (const url of after) assert.equal((await app.inject({ url })).statusCode, 200, url);
    } finally {
      await app.close();
    }
  });
});

test('the sitemap index reads the month counts: its statements do not grow with the archive, none counts a month', async () => {
  const queries: LogEvent['query'][] = [];
  const database = openSqlite(':memory:', { onQuery: (event) => queries.push(event.query) });
  try {
    await migrateToLatest(database);
    const clock = () => new Date(NOW);
    const context = { database, languages: ['ru', 'en', 'be'], clock };
    const rubric = await createRubric(context, { key: 'economics', names: { ru: 'Экономика', en: 'Economics', be: 'Эканоміка' } });
    // Two years of stories, one a month in every language.
    for (let months = 0; months < 24; months++) {
      const at = new Date(Date.UTC(2024, 7 + months, 15, 9)).toISOString();
      await createStory(context, {
        rubricId: rubric.id,
        versions: ['ru', 'en', 'be'].map((language) => ({ language, headline: `Month ${months} ${language}`, lede: 'Lede.', body: documentFromText(['Text.']), status: 'published' as const, publishedAt: at })),
      });
    }
    const { app } = await buildTestApp(database, clock);
    try {
      queries.length = 0;
      const index = await app.inject({ url: '/sitemap.xml' });
      assert.equal(index.statusCode, 200);
      const files = [...index.body.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]!);
      assert.equal(files.filter((loc) => /\/\d{4}-\d{2}-1\.xml$/.test(loc)).length, 24 * 3, 'a file per language and month');
      assert.ok(files.includes('https://news.example.by/sitemaps/be/2024-08-1.xml') && files.includes('https://news.example.by/sitemaps/ru/2026-07-1.xml'));
      const reads = queries.filter((query) => /^\s*select/i.test(query.sql));
      assert.ok(reads.length <= 3 + 3, `the month counts, what is hidden now, and a news count per language; not a count per month: ${reads.length} statements`);
      for (const query of reads) {
        const plan = (database.sqlite.prepare(`explain query plan ${query.sql}`).all(...(query.parameters as unknown[])) as Array<{ detail: string }>).map((row) => row.detail).join('\n');
        assert.doesNotMatch(plan, /SCAN (v|s|story_versions|stories)\b/, `a scan of the archive in:\n${query.sql}\n${plan}`);
      }
    } finally {
      await app.close();
    }
  } finally {
    await database.close();
  }
});
