// A year table written story by story holds one FTS5 segment per write; merging leaves one,
// and search answers the same before and after.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { useSqliteTestDatabase } from '../../testing/databases.ts';
import { createRubric, createStory, documentFromText } from '../../content/index.ts';
import { searchStories } from '../index.ts';
import { ftsTableName, liveGeneration } from './generations.ts';
import { mergeFtsSegments } from './merge-segments.sqlite.ts';

const NOW = new Date('2026-11-23T12:00:00.000Z');

const database = useSqliteTestDatabase();

async function segmentsOf(table: string): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(distinct segid) as n from ${sql.table(`${table}_idx`)}`.execute(database().db);
  return Number(rows[0]!.n);
}

test('merging a year table leaves one segment and the same answers', async () => {
  const context = { database: database(), languages: ['ru'], clock: () => NOW };
  const rubricId = (await createRubric(context, { key: 'economics', names: { ru: 'Экономика' } })).id;
  for (let i = 0; i < 12; i++) {
    const publishedAt = new Date(NOW.getTime() - (i + 1) * 3_600_000).toISOString();
    await createStory(context, { rubricId, versions: [{ language: 'ru', headline: `Экспорт зерна ${i}`, lede: 'Поставки.', body: documentFromText(['Экспорт вырос.']), status: 'published', publishedAt }] });
  }
  const table = ftsTableName((await liveGeneration(database().db))!, 2026);
  const search = async () => (await searchStories({ database: database(), clock: () => NOW }, { query: 'экспорт', language: 'ru', audience: 'public' })).results.map((r) => r.storyId);
  const before = await search();
  assert.equal(before.length, 12);
  assert.ok((await segmentsOf(table)) > 1, 'each story written in its own transaction adds a segment');

  const steps = await mergeFtsSegments(database().db, (await liveGeneration(database().db))!, 2026);
  assert.ok(steps >= 2, 'at least one step that merged and one that found nothing left');
  assert.equal(await segmentsOf(table), 1);
  assert.deepEqual(await search(), before);
  // A second merge finds nothing to do.
  assert.equal(await mergeFtsSegments(database().db, (await liveGeneration(database().db))!, 2026), 1);
});
