// A story page reads its tags and its byline by the story's id. The primary keys (story, tag) and
// (story, author) find the rows but not their position, so each row was a second lookup in the
// table: with 100,000 stories that read cost more than the story's own text. These indexes carry
// the position and the other id, so both lists are read from the index alone.

import { sql, type Kysely, type Migration } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export function bylineTagsCover(): Migration {
  return {
    async up(db: AnyDb) {
      await sql`create index story_tags_story_cover on story_tags (story_id, position, tag_id)`.execute(db);
      await sql`create index story_authors_story_cover on story_authors (story_id, position, author_id)`.execute(db);
    },

    async down(db: AnyDb) {
      await sql`drop index story_tags_story_cover`.execute(db);
      await sql`drop index story_authors_story_cover`.execute(db);
    },
  };
}
