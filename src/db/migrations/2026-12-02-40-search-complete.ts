// Whether a search index generation holds every story. A generation filled by a reindex does; the
// first generation of a database that already had stories (an upgrade, a bulk load) does not
// until `dispatch serve` has built the index in the background. Meanwhile search says the archive
// index is being built instead of answering from a partial index.

import { sql, type Kysely, type Migration } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export function searchComplete(): Migration {
  return {
    async up(db: AnyDb) {
      await db.schema.alterTable('search_generations').addColumn('is_complete', 'integer', (c) => c.notNull().defaultTo(1)).execute();
      await sql`update search_generations set is_complete = 0
        where state = 'live' and exists (select 1 from stories) and not exists (select 1 from search_documents)`.execute(db);
    },

    async down(db: AnyDb) {
      await db.schema.alterTable('search_generations').dropColumn('is_complete').execute();
    },
  };
}
