// What the public site needs beyond the story model: static pages (About, Contacts) per language,
// and listing tables that let a tag's or an author's page read its newest stories in one index
// scan, as the rubric feed does (a join through story_tags would sort every story of the tag).

import { sql, type Kysely, type Migration } from 'kysely';
import { columnTypes, type Dialect } from './column-types.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export function site(dialect: Dialect): Migration {
  const { instant } = columnTypes(dialect);
  return {
    async up(db: AnyDb) {
      await db.schema
        .createTable('pages')
        .addColumn('key', 'text', (c) => c.notNull())
        .addColumn('language', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('slug', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('updated_at', instant, (c) => c.notNull())
        .addPrimaryKeyConstraint('pages_pk', ['key', 'language'])
        .addUniqueConstraint('pages_slug_unique', ['language', 'slug'])
        .execute();

      // One row per tag (or author) and visible language version, kept by refreshStoryListings.
      await db.schema
        .createTable('tag_listings')
        .addColumn('tag_id', 'integer', (c) => c.notNull().references('tags.id').onDelete('cascade'))
        .addColumn('language', 'text', (c) => c.notNull())
        .addColumn('published_at', instant, (c) => c.notNull())
        .addColumn('story_id', 'integer', (c) => c.notNull().references('stories.id').onDelete('cascade'))
        .addPrimaryKeyConstraint('tag_listings_pk', ['tag_id', 'language', 'published_at', 'story_id'])
        .execute();
      await db.schema.createIndex('tag_listings_story').on('tag_listings').columns(['story_id']).execute();

      await db.schema
        .createTable('author_listings')
        .addColumn('author_id', 'integer', (c) => c.notNull().references('authors.id').onDelete('cascade'))
        .addColumn('language', 'text', (c) => c.notNull())
        .addColumn('published_at', instant, (c) => c.notNull())
        .addColumn('story_id', 'integer', (c) => c.notNull().references('stories.id').onDelete('cascade'))
        .addPrimaryKeyConstraint('author_listings_pk', ['author_id', 'language', 'published_at', 'story_id'])
        .execute();
      await db.schema.createIndex('author_listings_story').on('author_listings').columns(['story_id']).execute();

      // The main stories, newest first, for the language homes.
      await sql`create index stories_main on stories (id desc) where is_main = 1`.execute(db);

      // Fill the listings for stories that exist already.
      for (const [table, link, column] of [['tag_listings', 'story_tags', 'tag_id'], ['author_listings', 'story_authors', 'author_id']] as const) {
        await db
          .insertInto(table)
          .columns([column, 'language', 'published_at', 'story_id'])
          .expression(
            db
              .selectFrom(`${link} as l`)
              .innerJoin('story_versions as v', 'v.story_id', 'l.story_id')
              .select([`l.${column}`, 'v.language', 'v.published_at', 'v.story_id'])
              .where('v.status', 'in', ['published', 'corrected'])
              .where('v.published_at', 'is not', null),
          )
          .execute();
      }
    },

    async down(db: AnyDb) {
      for (const table of ['author_listings', 'tag_listings', 'pages']) await db.schema.dropTable(table).execute();
    },
  };
}
