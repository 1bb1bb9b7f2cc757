// The reader-facing listings must read the newest stories straight from an index, whatever the
// size of the archive: no table scan and no sort of all matches. Checked with SQLite's query plan.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { LogEvent } from 'kysely';
import { openSqlite, type SqliteDatabase } from '../../db/database.sqlite.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import { findVersionForPage, listVisibleTranslations } from './story-queries.ts';
import { listFeedPage, listRubricHeadlines, findMainStory, hasStoriesIn } from './listing-queries.ts';

test('feed, rubric feed, story page and translations use indexes and never sort the archive', async () => {
  const queries: LogEvent['query'][] = [];
  const database: SqliteDatabase = openSqlite(':memory:', { onQuery: (event) => queries.push(event.query) });
  try {
    await migrateToLatest(database);
    queries.length = 0;
    const now = new Date();
    await findVersionForPage(database.db, 'en', 1, now);
    await listVisibleTranslations(database.db, 1, now);
    const before = { publishedAt: '2026-11-01T10:00:00.000Z', storyId: 500 };
    for (const scope of [
      { kind: 'all' }, { kind: 'rubric', rubricId: 2 }, { kind: 'tag', tagId: 3 }, { kind: 'author', authorId: 4 },
      { kind: 'period', from: '2026-11-01T21:00:00.000Z', to: '2026-11-02T21:00:00.000Z' },
    ] as const) {
      await listFeedPage(database.db, { language: 'ru', scope, limit: 20, now });
      await listFeedPage(database.db, { language: 'ru', scope, before, limit: 20, now });
    }
    await findMainStory(database.db, { language: 'en', now });
    await hasStoriesIn(database.db, { language: 'en', from: '2026-11-01T21:00:00.000Z', to: '2026-11-02T21:00:00.000Z', now });
    await listRubricHeadlines(database.db, { language: 'ru', rubricId: 2, limit: 12, now });
    assert.equal(queries.length, 15);
    const headlines = queries.at(-1)!;
    const headlinesPlan = (database.sqlite.prepare(`explain query plan ${headlines.sql}`).all(...(headlines.parameters as unknown[])) as Array<{ detail: string }>)[0]!.detail;
    assert.match(headlinesPlan, /SEARCH v USING COVERING INDEX story_versions_rubric_cover/, `«Other materials» reads no version row:\n${headlinesPlan}`);
    const cursorQueries = queries.filter((query) => query.sql.includes('< ('));
    assert.equal(cursorQueries.length, 5, 'one query with a cursor per scope');
    for (const query of cursorQueries) {
      const plan = (database.sqlite.prepare(`explain query plan ${query.sql}`).all(...(query.parameters as unknown[])) as Array<{ detail: string }>)[0]!.detail;
      assert.match(plan, /\(published_at,story_id\)<\(\?,\?\)/, `the cursor is the index range, not a filter:\n${query.sql}\n${plan}`);
    }
    for (const query of queries) {
      const plan = (database.sqlite.prepare(`explain query plan ${query.sql}`).all(...(query.parameters as unknown[])) as Array<{ detail: string }>)
        .map((row) => row.detail)
        .join('\n');
      assert.doesNotMatch(plan, /SCAN (v|s|l)\b/, `a table scan in:\n${query.sql}\n${plan}`);
      assert.doesNotMatch(plan, /TEMP B-TREE/, `a sort in:\n${query.sql}\n${plan}`);
    }
  } finally {
    await database.close();
  }
});

test('lists of headlines (no lede) of the feed, a rubric and a day read no version row', async () => {
  const queries: LogEvent['query'][] = [];
  const database: SqliteDatabase = openSqlite(':memory:', { onQuery: (event) => queries.push(event.query) });
  try {
    await migrateToLatest(database);
    const now = new Date();
    const before = { publishedAt: '2026-11-01T10:00:00.000Z', storyId: 500 };
    const scopes = [{ kind: 'all' }, { kind: 'rubric', rubricId: 2 }, { kind: 'period', from: '2026-11-01T21:00:00.000Z', to: '2026-11-02T21:00:00.000Z' }] as const;
    for (const scope of scopes) {
      for (const cursor of [undefined, before]) {
        queries.length = 0;
        await listFeedPage(database.db, { language: 'ru', scope, before: cursor, limit: 30, now, withLede: false });
        const [query] = queries;
        assert.doesNotMatch(query!.sql, /lede/);
        const plan = (database.sqlite.prepare(`explain query plan ${query!.sql}`).all(...(query!.parameters as unknown[])) as Array<{ detail: string }>).map((row) => row.detail).join('\n');
        assert.match(plan, /SEARCH v USING COVERING INDEX story_versions_(feed|rubric)_cover/, `${scope.kind}, cursor ${cursor !== undefined}:\n${plan}`);
        assert.doesNotMatch(plan, /TEMP B-TREE/, plan);
      }
    }
  } finally {
    await database.close();
  }
});
