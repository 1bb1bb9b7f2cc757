// The archive search index. `search_documents` has one row per language version and index
// generation: the filters public search needs (language, status, rubric, the moment the version
// became visible as `key`) and, on PostgreSQL, the pre-stemmed text as a tsvector under a GIN
// index. On SQLite the text lives in FTS5 tables, one per generation and year, created by the
// search domain when a year first appears (`search_years` lists them). `search_generations`
// says which generation readers use; `dispatch search reindex` builds the next one beside it
// and swaps. Terms are stemmed in JavaScript for both databases, so both index the same terms.

import { sql, type Kysely, type Migration } from 'kysely';
import { columnTypes, type Dialect } from './column-types.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export function search(dialect: Dialect): Migration {
  const { instant } = columnTypes(dialect);
  const bigint = dialect === 'sqlite' ? 'integer' : 'bigint';
  return {
    async up(db: AnyDb) {
      await db.schema
        .createTable('search_generations')
        .addColumn('generation', 'integer', (c) => c.primaryKey())
        .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('live', 'building')`))
        .addColumn('created_at', instant, (c) => c.notNull())
        .execute();

      let table = db.schema
        .createTable('search_documents')
        .addColumn('generation', 'integer', (c) => c.notNull())
        .addColumn('version_id', 'integer', (c) => c.notNull())
        .addColumn('story_id', 'integer', (c) => c.notNull())
        .addColumn('language', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('is_public', 'integer', (c) => c.notNull())
        .addColumn('rubric_id', 'integer', (c) => c.notNull())
        // Unix milliseconds of the moment the version is (or was) visible × 16 + a slot: time-ordered
        // and unique per generation; on SQLite it is the FTS5 rowid.
        .addColumn('key', bigint, (c) => c.notNull())
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('published_at', instant);
      if (dialect === 'postgres') table = table.addColumn('terms', sql`tsvector`, (c) => c.notNull());
      await table.addPrimaryKeyConstraint('search_documents_pk', ['generation', 'version_id']).execute();
      await db.schema.createIndex('search_documents_key').unique().on('search_documents').columns(['generation', 'key']).execute();
      await db.schema.createIndex('search_documents_story').on('search_documents').columns(['generation', 'story_id']).execute();
      if (dialect === 'postgres') {
        await sql`create index search_documents_terms on search_documents using gin (terms)`.execute(db);
      }

      await db.schema
        .createTable('search_years')
        .addColumn('generation', 'integer', (c) => c.notNull())
        .addColumn('year', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('search_years_pk', ['generation', 'year'])
        .execute();

      // Generation 1 starts empty; a database that already holds stories is indexed by
      // `dispatch search reindex`, which `dispatch serve` runs by itself when the index is empty.
      await db.insertInto('search_generations').values({ generation: 1, state: 'live', created_at: new Date().toISOString() }).execute();
    },

    async down(db: AnyDb) {
      for (const table of ['search_years', 'search_documents', 'search_generations']) await db.schema.dropTable(table).execute();
    },
  };
}
