// The first schema: settings, users, the story model (stories and their language versions,
// rubrics, tags, authors, images) and slug history. Never edit a landed migration; add a new one.

import { sql, type Kysely, type Migration } from 'kysely';
import { columnTypes, type Dialect } from './column-types.ts';

// A new migration must not depend on the application's types: the schema it sees is the one of its day.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export function foundation(dialect: Dialect): Migration {
  const { addId, instant } = columnTypes(dialect);
  return {
    async up(db: AnyDb) {
      await db.schema
        .createTable('settings')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('value', 'text', (c) => c.notNull())
        .execute();

      await addId(db.schema.createTable('users'))
        .addColumn('login', 'text', (c) => c.notNull().unique())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('email', 'text')
        .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('reporter', 'translator', 'editor', 'chief_editor')`))
        .addColumn('password_hash', 'text', (c) => c.notNull())
        .addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', instant, (c) => c.notNull())
        .addColumn('updated_at', instant, (c) => c.notNull())
        .addColumn('disabled_at', instant)
        .execute();

      await addId(db.schema.createTable('authors'))
        .addColumn('key', 'text', (c) => c.notNull().unique())
        .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('created_at', instant, (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('author_names')
        .addColumn('author_id', 'integer', (c) => c.notNull().references('authors.id').onDelete('cascade'))
        .addColumn('language', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('author_names_pk', ['author_id', 'language'])
        .execute();

      await addId(db.schema.createTable('rubrics'))
        .addColumn('key', 'text', (c) => c.notNull().unique())
        .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', instant, (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('rubric_names')
        .addColumn('rubric_id', 'integer', (c) => c.notNull().references('rubrics.id').onDelete('cascade'))
        .addColumn('language', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('slug', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('rubric_names_pk', ['rubric_id', 'language'])
        .addUniqueConstraint('rubric_names_slug_unique', ['language', 'slug'])
        .execute();

      await addId(db.schema.createTable('tags'))
        .addColumn('key', 'text', (c) => c.notNull().unique())
        .addColumn('created_at', instant, (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('tag_names')
        .addColumn('tag_id', 'integer', (c) => c.notNull().references('tags.id').onDelete('cascade'))
        .addColumn('language', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('slug', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('tag_names_pk', ['tag_id', 'language'])
        .addUniqueConstraint('tag_names_slug_unique', ['language', 'slug'])
        .execute();

      await addId(db.schema.createTable('images'))
        .addColumn('storage_key', 'text', (c) => c.notNull().unique())
        .addColumn('mime_type', 'text', (c) => c.notNull())
        .addColumn('width', 'integer', (c) => c.notNull())
        .addColumn('height', 'integer', (c) => c.notNull())
        .addColumn('byte_size', 'integer', (c) => c.notNull())
        .addColumn('credit', 'text')
        .addColumn('created_at', instant, (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('image_texts')
        .addColumn('image_id', 'integer', (c) => c.notNull().references('images.id').onDelete('cascade'))
        .addColumn('language', 'text', (c) => c.notNull())
        .addColumn('alt', 'text', (c) => c.notNull())
        .addColumn('caption', 'text')
        .addPrimaryKeyConstraint('image_texts_pk', ['image_id', 'language'])
        .execute();

      await addId(db.schema.createTable('stories'))
        .addColumn('rubric_id', 'integer', (c) => c.notNull().references('rubrics.id'))
        .addColumn('urgency', 'integer', (c) => c.notNull().defaultTo(3).check(sql`urgency between 1 and 5`))
        .addColumn('is_main', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('embargo_until', instant)
        .addColumn('lead_image_id', 'integer', (c) => c.references('images.id').onDelete('set null'))
        .addColumn('follows_story_id', 'integer', (c) => c.references('stories.id').onDelete('set null'))
        .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('created_at', instant, (c) => c.notNull())
        .addColumn('updated_at', instant, (c) => c.notNull())
        .execute();

      await addId(db.schema.createTable('story_versions'))
        .addColumn('story_id', 'integer', (c) => c.notNull().references('stories.id').onDelete('cascade'))
        .addColumn('language', 'text', (c) => c.notNull())
        .addColumn('rubric_id', 'integer', (c) => c.notNull().references('rubrics.id'))
        .addColumn('headline', 'text', (c) => c.notNull())
        .addColumn('lede', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('slug', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) =>
          c.notNull().check(sql`status in ('draft', 'submitted', 'scheduled', 'published', 'corrected', 'killed', 'unpublished', 'spiked')`),
        )
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('published_at', instant)
        .addColumn('first_published_at', instant)
        .addColumn('seo_title', 'text')
        .addColumn('seo_description', 'text')
        .addColumn('created_at', instant, (c) => c.notNull())
        .addColumn('updated_at', instant, (c) => c.notNull())
        .addUniqueConstraint('story_versions_story_language_unique', ['story_id', 'language'])
        .addUniqueConstraint('story_versions_slug_unique', ['language', 'slug'])
        .execute();

      // Every slug a story has had in a language, current or former: old URLs resolve through it,
      // and no other story may take a slug that once led somewhere else.
      await db.schema
        .createTable('story_slugs')
        .addColumn('language', 'text', (c) => c.notNull())
        .addColumn('slug', 'text', (c) => c.notNull())
        .addColumn('story_id', 'integer', (c) => c.notNull().references('stories.id').onDelete('cascade'))
        .addColumn('created_at', instant, (c) => c.notNull())
        .addPrimaryKeyConstraint('story_slugs_pk', ['language', 'slug'])
        .execute();

      await db.schema
        .createTable('story_authors')
        .addColumn('story_id', 'integer', (c) => c.notNull().references('stories.id').onDelete('cascade'))
        .addColumn('author_id', 'integer', (c) => c.notNull().references('authors.id'))
        .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
        .addPrimaryKeyConstraint('story_authors_pk', ['story_id', 'author_id'])
        .execute();
      await db.schema
        .createTable('story_tags')
        .addColumn('story_id', 'integer', (c) => c.notNull().references('stories.id').onDelete('cascade'))
        .addColumn('tag_id', 'integer', (c) => c.notNull().references('tags.id'))
        .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
        .addPrimaryKeyConstraint('story_tags_pk', ['story_id', 'tag_id'])
        .execute();

      // Public listings read only what readers may see, newest first: the news feed per language and
      // a rubric's stories per language. Partial indexes keep drafts out of them.
      await sql`create index story_versions_feed on story_versions (language, published_at desc, story_id desc)
        where status in ('published', 'corrected')`.execute(db);
      await sql`create index story_versions_rubric_feed on story_versions (rubric_id, language, published_at desc, story_id desc)
        where status in ('published', 'corrected')`.execute(db);
      await db.schema.createIndex('story_versions_status').on('story_versions').columns(['status', 'updated_at']).execute();
      await db.schema.createIndex('story_tags_tag').on('story_tags').columns(['tag_id', 'story_id']).execute();
      await db.schema.createIndex('story_authors_author').on('story_authors').columns(['author_id', 'story_id']).execute();
      await db.schema.createIndex('story_slugs_story').on('story_slugs').columns(['story_id']).execute();
      await db.schema.createIndex('stories_rubric').on('stories').columns(['rubric_id']).execute();
      await db.schema.createIndex('stories_follows').on('stories').columns(['follows_story_id']).execute();
      await db.schema.createIndex('stories_lead_image').on('stories').columns(['lead_image_id']).execute();
    },

    async down(db: AnyDb) {
      for (const table of [
        'story_tags', 'story_authors', 'story_slugs', 'story_versions', 'stories', 'image_texts', 'images',
        'tag_names', 'tags', 'rubric_names', 'rubrics', 'author_names', 'authors', 'users', 'settings',
      ]) {
        await db.schema.dropTable(table).execute();
      }
    },
  };
}
