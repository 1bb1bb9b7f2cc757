// The language home, the error pages and the date archive list headlines from the whole feed of a
// language. Each of those 30 version rows (with its lede and body) was a random read; an index that
// also carries the rubric, headline and slug answers the list from the index alone, as the rubric
// index already does for rubric pages. It replaces the feed index, whose key it starts with.

import { sql, type Kysely, type Migration } from 'kysely';
import type { Dialect } from './column-types.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

const PUBLIC = sql.raw(`status in ('published', 'corrected')`);

export function feedCover(dialect: Dialect): Migration {
  return {
    async up(db: AnyDb) {
      // As in the rubric index: SQLite has no INCLUDE, so the carried columns end the key; the status
      // is carried because SQLite does not count a partial index's condition as the column it tests.
      await (dialect === 'postgres'
        ? sql`create index story_versions_feed_cover on story_versions (language, published_at desc, story_id desc)
            include (rubric_id, headline, slug, status) where ${PUBLIC}`
        : sql`create index story_versions_feed_cover on story_versions (language, published_at desc, story_id desc, rubric_id, headline, slug, status)
            where ${PUBLIC}`
      ).execute(db);
      await sql`drop index story_versions_feed`.execute(db);
    },

    async down(db: AnyDb) {
      await sql`create index story_versions_feed on story_versions (language, published_at desc, story_id desc)
        where ${PUBLIC}`.execute(db);
      await sql`drop index story_versions_feed_cover`.execute(db);
    },
  };
}
