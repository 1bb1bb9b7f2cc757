// Former slugs of rubrics and tags: when a rubric's or a tag's slug changes, or a tag is merged
// into another, the old address keeps leading (301) to the rubric or tag that now owns it, and no
// other rubric or tag can take it. The audit log gets an index for the chief editor's filter by
// user, newest first (by story and by time it has one already).

import type { Kysely, Migration } from 'kysely';
import { columnTypes, type Dialect } from './column-types.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export function formerTaxonomySlugs(dialect: Dialect): Migration {
  const { instant } = columnTypes(dialect);
  return {
    async up(db: AnyDb) {
      await db.schema
        .createTable('former_taxonomy_slugs')
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('language', 'text', (c) => c.notNull())
        .addColumn('slug', 'text', (c) => c.notNull())
        .addColumn('target_id', 'integer', (c) => c.notNull())
        .addColumn('created_at', instant, (c) => c.notNull())
        .addPrimaryKeyConstraint('former_taxonomy_slugs_pk', ['kind', 'language', 'slug'])
        .execute();
      await db.schema.createIndex('audit_log_actor').on('audit_log').columns(['actor_user_id', 'id']).execute();
    },

    async down(db: AnyDb) {
      await db.schema.dropIndex('audit_log_actor').execute();
      await db.schema.dropTable('former_taxonomy_slugs').execute();
    },
  };
}
