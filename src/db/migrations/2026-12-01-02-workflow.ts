// The editorial workflow: the correction note and text revision on each language version, the
// revisions themselves, per-user autosaves, the audit log, and the durable jobs the runner executes
// (scheduled publishing, embargo ends). Never edit a landed migration; add a new one.

import { sql, type Kysely, type Migration } from 'kysely';
import { columnTypes, type Dialect } from './column-types.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export function workflow(dialect: Dialect): Migration {
  const { addId, instant } = columnTypes(dialect);
  return {
    async up(db: AnyDb) {
      // On the version row, so the story page shows a correction without another query.
      await db.schema.alterTable('story_versions').addColumn('correction_note', 'text').execute();
      await db.schema.alterTable('story_versions').addColumn('corrected_at', instant).execute();
      // The number of the latest revision of the text; 0 while the text is as it was created.
      await db.schema.alterTable('story_versions').addColumn('revision', 'integer', (c) => c.notNull().defaultTo(0)).execute();

      await addId(db.schema.createTable('story_revisions'))
        .addColumn('version_id', 'integer', (c) => c.notNull().references('story_versions.id').onDelete('cascade'))
        .addColumn('revision', 'integer', (c) => c.notNull())
        .addColumn('headline', 'text', (c) => c.notNull())
        .addColumn('lede', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('slug', 'text', (c) => c.notNull())
        .addColumn('seo_title', 'text')
        .addColumn('seo_description', 'text')
        .addColumn('author_user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('created_at', instant, (c) => c.notNull())
        .addUniqueConstraint('story_revisions_version_revision_unique', ['version_id', 'revision'])
        .execute();

      await db.schema
        .createTable('autosaves')
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('version_id', 'integer', (c) => c.notNull().references('story_versions.id').onDelete('cascade'))
        .addColumn('base_revision', 'integer', (c) => c.notNull())
        .addColumn('fields', 'text', (c) => c.notNull())
        .addColumn('saved_at', instant, (c) => c.notNull())
        .addPrimaryKeyConstraint('autosaves_pk', ['user_id', 'version_id'])
        .execute();

      // A historical record: no foreign keys, so it outlives the users and stories it names.
      await addId(db.schema.createTable('audit_log'))
        .addColumn('at', instant, (c) => c.notNull())
        .addColumn('actor_user_id', 'integer')
        .addColumn('actor_role', 'text', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('story_id', 'integer')
        .addColumn('version_id', 'integer')
        .addColumn('language', 'text')
        .addColumn('from_status', 'text')
        .addColumn('to_status', 'text')
        .addColumn('details', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('audit_log_at').on('audit_log').columns(['at', 'id']).execute();
      await db.schema.createIndex('audit_log_story').on('audit_log').columns(['story_id', 'id']).execute();

      await addId(db.schema.createTable('jobs'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('payload', 'text', (c) => c.notNull())
        .addColumn('unique_key', 'text', (c) => c.unique())
        .addColumn('run_at', instant, (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('max_attempts', 'integer', (c) => c.notNull().defaultTo(10))
        .addColumn('last_error', 'text')
        .addColumn('locked_by', 'text')
        .addColumn('locked_until', instant)
        .addColumn('done_at', instant)
        .addColumn('failed_at', instant)
        .addColumn('created_at', instant, (c) => c.notNull())
        .execute();
      // The runner's scan: due jobs not finished, oldest first.
      await sql`create index jobs_due on jobs (run_at, id) where done_at is null and failed_at is null`.execute(db);
    },

    async down(db: AnyDb) {
      for (const table of ['jobs', 'audit_log', 'autosaves', 'story_revisions']) await db.schema.dropTable(table).execute();
      for (const column of ['revision', 'corrected_at', 'correction_note']) await db.schema.alterTable('story_versions').dropColumn(column).execute();
    },
  };
}
