// `dispatch search reindex`: rebuilds the index without taking search offline. A new generation
// is created in state 'building' and filled in batches of stories, each batch one transaction;
// meanwhile readers keep using the live generation and every command writes both (see
// generations.ts). Then one transaction makes the new generation live, and the old one's rows
// and tables are dropped. The story data comes from the content domain through `source`, so the
// search domain needs no knowledge of the story model.

import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import type { Schema } from '../db/schema.ts';
import { createProgress } from '../lib/progress.ts';
import { ftsTableName, liveIndex } from './index-store/generations.ts';
import { planDocument, type SearchDocumentInput } from './index-store/search-document.ts';
import { deleteStoriesFrom, dialectOf, insertDocuments } from './index-store/write-documents.ts';
import type { BulkInsert } from './index-store/bulk-insert.sqlite.ts';

export interface ReindexSource {
  /** Story ids after `afterId` in id order, at most `limit`. */
  listStoryIds(db: Kysely<Schema>, afterId: number, limit: number): Promise<number[]>;
  /** The search documents of every language version of these stories. */
  loadDocuments(db: Kysely<Schema>, storyIds: readonly number[]): Promise<SearchDocumentInput[]>;
  countStories(db: Kysely<Schema>): Promise<number>;
}

export interface ReindexResult {
  generation: number;
  stories: number;
  documents: number;
  milliseconds: number;
}

/** Stories per batch (one transaction): larger batches make fewer, larger FTS5 segments. */
const BATCH_STORIES = 5000;

async function dropGeneration(db: Kysely<Schema>, generation: number): Promise<void> {
  const dialect = dialectOf(db);
  if (dialect === 'sqlite') {
    const years = await db.selectFrom('search_years').select('year').where('generation', '=', generation).execute();
    for (const { year } of years) await sql.raw(`drop table if exists ${ftsTableName(generation, year)}`).execute(db);
  }
  await db.deleteFrom('search_years').where('generation', '=', generation).execute();
  await db.deleteFrom('search_documents').where('generation', '=', generation).execute();
}

/** Whether stories exist that the live index has never seen (a database indexed for the first time). */
export async function isSearchIndexEmpty(db: Kysely<Schema>): Promise<boolean> {
  const story = await db.selectFrom('stories').select('id').limit(1).executeTakeFirst();
  if (!story) return false;
  const document = await db.selectFrom('search_documents').select('story_id').limit(1).executeTakeFirst();
  return !document;
}

/** Whether the live index lacks stories: never built on this database, or a first build did not finish. */
export async function needsSearchIndex(db: Kysely<Schema>): Promise<boolean> {
  const live = await liveIndex(db);
  return (live !== undefined && !live.isComplete) || (await isSearchIndexEmpty(db));
}

/** SQLite reports a write conflict between processes as SQLITE_BUSY*: the batch is tried again. */
async function withRetry<T>(work: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      const code = String((error as { code?: string }).code ?? '');
      if (attempt >= 5 || !code.startsWith('SQLITE_BUSY')) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
    }
  }
}

/** SQLite writes through prepared statements; PostgreSQL through the same inserts commands use. */
async function bulkInsertFor(database: Database, generation: number): Promise<BulkInsert> {
  if (database.dialect !== 'sqlite') return (trx, documents) => insertDocuments(trx, 'postgres', generation, documents);
  const { sqliteBulkInsert } = await import('./index-store/bulk-insert.sqlite.ts');
  return sqliteBulkInsert(sqliteOf(database), generation);
}

const sqliteOf = (database: Database) => (database as import('../db/database.sqlite.ts').SqliteDatabase).sqlite;

/**
 * Runs the rebuild with the writing connection's memory map off (SQLite): the rebuild reads
 * every story once, and through the map each page read would stay mapped into the process, its
 * resident memory growing with the archive (to the size of the file); through SQLite's page
 * cache it stays at the cache's size. Readers keep their own connection and its map.
 */
async function withoutMemoryMap<T>(database: Database, work: () => Promise<T>): Promise<T> {
  if (database.dialect !== 'sqlite') return work();
  const sqlite = sqliteOf(database);
  const previous = sqlite.pragma('mmap_size', { simple: true }) as number;
  sqlite.pragma('mmap_size = 0');
  try {
    return await work();
  } finally {
    sqlite.pragma(`mmap_size = ${previous}`);
  }
}

export function rebuildSearchIndex(database: Database, source: ReindexSource, options: { progress: boolean; clock?: () => Date; signal?: AbortSignal }): Promise<ReindexResult> {
  return withoutMemoryMap(database, () => rebuild(database, source, options));
}

async function rebuild(database: Database, source: ReindexSource, options: { progress: boolean; clock?: () => Date; signal?: AbortSignal }): Promise<ReindexResult> {
  const started = Date.now();
  const db = database.db;
  const dialect = database.dialect;
  const now = (options.clock ?? (() => new Date()))().toISOString();

  // 1. A new generation beside the live one (an interrupted earlier rebuild is thrown away).
  const generation = await db.transaction().execute(async (trx) => {
    for (const { generation: stale } of await trx.selectFrom('search_generations').select('generation').where('state', '=', 'building').execute()) {
      await dropGeneration(trx, stale);
      await trx.deleteFrom('search_generations').where('generation', '=', stale).execute();
    }
    const row = await trx.selectFrom('search_generations').select((eb) => eb.fn.max('generation').as('g')).executeTakeFirst();
    const next = Number(row?.g ?? 0) + 1;
    await trx.insertInto('search_generations').values({ generation: next, state: 'building', created_at: now }).execute();
    return next;
  });

  // 2. Fill it, batch by batch; commands keep writing both generations meanwhile.
  const insert = await bulkInsertFor(database, generation);
  const total = await source.countStories(db);
  const progress = createProgress('search index', total, options.progress);
  let stories = 0;
  let documents = 0;
  let afterId = 0;
  for (;;) {
    // A stopping server ends the rebuild between batches; the next rebuild throws it away.
    options.signal?.throwIfAborted();
    const ids = await source.listStoryIds(db, afterId, BATCH_STORIES);
    if (ids.length === 0) break;
    documents += await withRetry(() =>
      db.transaction().execute(async (trx) => {
        if (dialect === 'postgres') await trx.selectFrom('search_generations').select('generation').where('generation', '=', generation).forUpdate().execute();
        await deleteStoriesFrom(trx, dialect, generation, ids);
        const planned = (await source.loadDocuments(trx, ids)).map(planDocument);
        await insert(trx, planned);
        return planned.length;
      }),
    );
    stories += ids.length;
    afterId = ids[ids.length - 1]!;
    progress.tick(Math.min(stories, total));
  }
  progress.finish();
  // Before readers see it, each FTS5 table is merged into one segment (SQLite).
  if (dialect === 'sqlite') {
    const { mergeFtsSegments } = await import('./index-store/merge-segments.sqlite.ts');
    for (const { year } of await db.selectFrom('search_years').select('year').where('generation', '=', generation).execute()) {
      options.signal?.throwIfAborted();
      await withRetry(() => mergeFtsSegments(db, generation, year));
    }
  }

  // 3. Swap: the new generation goes live in one transaction; then the old one is dropped.
  const old = await db.transaction().execute(async (trx) => {
    const live = await trx.selectFrom('search_generations').select('generation').where('state', '=', 'live').execute();
    await trx.deleteFrom('search_generations').where('state', '=', 'live').execute();
    await trx.updateTable('search_generations').set({ state: 'live' }).where('generation', '=', generation).execute();
    return live.map((row) => row.generation);
  });
  for (const stale of old) await db.transaction().execute((trx) => dropGeneration(trx, stale));
  await sql`analyze search_documents`.execute(db);
  if (database.dialect === 'sqlite') (await import('../db/value-samples.sqlite.ts')).forgetValueSamples(sqliteOf(database));
  return { generation, stories, documents, milliseconds: Date.now() - started };
}
