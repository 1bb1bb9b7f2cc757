// «Other materials» under every story page lists the rubric's newest headlines. Reading each of those
// version rows (headline, lede, body, slug...) cost more than the rest of the page's queries together;
// an index that also carries the headline and slug answers the list from the index alone. It replaces
// the rubric feed index, whose key it starts with, so rubric pages keep the same index range.

import { sql, type Kysely, type Migration } from 'kysely';
import type { Dialect } from './column-types.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

const PUBLIC = sql.raw(`status in ('published', 'corrected')`);

export function rubricFeedCover(dialect: Dialect): Migration {
  return {
    async up(db: AnyDb) {
      // SQLite has no INCLUDE: the carried columns end the key, after the ones the range uses. The status
      // is carried too: SQLite does not count a partial index's condition as the column it tests.
      await (dialect === 'postgres'
        ? sql`create index story_versions_rubric_cover on story_versions (rubric_id, language, published_at desc, story_id desc)
            include (headline, slug, status) where ${PUBLIC}`
        : sql`create index story_versions_rubric_cover on story_versions (rubric_id, language, published_at desc, story_id desc, headline, slug, status)
            where ${PUBLIC}`
      ).execute(db);
      await sql`drop index story_versions_rubric_feed`.execute(db);
    },

    async down(db: AnyDb) {
      await sql`create index story_versions_rubric_feed on story_versions (rubric_id, language, published_at desc, story_id desc)
        where ${PUBLIC}`.execute(db);
      await sql`drop index story_versions_rubric_cover`.execute(db);
    },
  };
}
