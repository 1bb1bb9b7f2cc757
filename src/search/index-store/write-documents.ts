// Replaces a story's rows in every writable generation of the index, inside the caller's
// transaction: the content domain calls it from refreshStoryListings, so a published, killed or
// corrected version is found (or gone) the moment the command commits. Small writes go through
// Kysely; the bulk path of the reindex (reindex.ts) shares the planning and key assignment.

import { sql, type Kysely } from 'kysely';
import { SqliteAdapter } from 'kysely';
import type { Schema } from '../../db/schema.ts';
import { createFtsTableSql, ftsTableName, writableGenerations } from './generations.ts';
import { assignKeys, candidateKeys, KEY_SLOTS, planDocument, tsvectorLiteral, type PlannedDocument, type SearchDocumentInput } from './search-document.ts';

const PROBE_WINDOW = 64 * KEY_SLOTS;

export type SearchDialect = 'sqlite' | 'postgres';

export function dialectOf(db: Kysely<Schema>): SearchDialect {
  return db.getExecutor().adapter instanceof SqliteAdapter ? 'sqlite' : 'postgres';
}

/** Keys of the generation that the documents' candidate keys would collide with. */
export async function takenKeys(db: Kysely<Schema>, generation: number, documents: readonly PlannedDocument[]): Promise<Set<number>> {
  const candidates = candidateKeys(documents);
  const taken = new Set<number>();
  if (candidates.length === 0) return taken;
  const exact = await db.selectFrom('search_documents').select('key').where('generation', '=', generation).where('key', 'in', candidates).execute();
  // A rare collision (same millisecond, same slot): the keys of the next few milliseconds are
  // read too, so probing past the candidate cannot land on a taken key (it moves the document
  // a few milliseconds later at most, never earlier).
  for (const { key } of exact) {
    const rows = await db.selectFrom('search_documents').select('key').where('generation', '=', generation)
      .where('key', '>=', key).where('key', '<', key + PROBE_WINDOW).execute();
    for (const row of rows) taken.add(row.key);
  }
  return taken;
}

export async function ensureFtsTables(db: Kysely<Schema>, generation: number, years: Iterable<number>): Promise<void> {
  for (const year of new Set(years)) {
    const known = await db.selectFrom('search_years').select('year').where('generation', '=', generation).where('year', '=', year).executeTakeFirst();
    if (known) continue;
    await sql.raw(createFtsTableSql(generation, year)).execute(db);
    await db.insertInto('search_years').values({ generation, year }).execute();
  }
}

export function documentRow(generation: number, document: PlannedDocument, key: number) {
  const input = document.input;
  return {
    generation,
    version_id: input.versionId,
    story_id: input.storyId,
    language: input.language,
    status: input.status,
    is_public: input.isPublic ? 1 : 0,
    rubric_id: input.rubricId,
    key,
    year: document.year,
    published_at: input.publishedAt,
  };
}

async function deleteStoryRows(db: Kysely<Schema>, dialect: SearchDialect, generation: number, storyId: number): Promise<void> {
  if (dialect === 'sqlite') {
    const old = await db.selectFrom('search_documents').select(['key', 'year']).where('generation', '=', generation).where('story_id', '=', storyId).execute();
    for (const row of old) await sql`delete from ${sql.table(ftsTableName(generation, row.year))} where rowid = ${row.key}`.execute(db);
  }
  await db.deleteFrom('search_documents').where('generation', '=', generation).where('story_id', '=', storyId).execute();
}

/** Rows per multi-row insert: under SQLite's limit of 32,766 bound values. */
const ROWS_PER_INSERT = 500;

function chunks<T>(list: readonly T[], size: number): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < list.length; start += size) result.push(list.slice(start, start + size));
  return result;
}

/** Writes planned documents (none of them in the generation yet) into one generation. */
export async function insertDocuments(db: Kysely<Schema>, dialect: SearchDialect, generation: number, documents: readonly PlannedDocument[]): Promise<void> {
  if (documents.length === 0) return;
  const keys = assignKeys(documents, await takenKeys(db, generation, documents));
  const keyed = documents.map((document, i) => ({ document, key: keys[i]! }));
  if (dialect === 'sqlite') {
    await ensureFtsTables(db, generation, documents.map((d) => d.year));
    for (const chunk of chunks(keyed, ROWS_PER_INSERT)) {
      await db.insertInto('search_documents').values(chunk.map(({ document, key }) => documentRow(generation, document, key))).execute();
    }
    const byYear = new Map<number, typeof keyed>();
    for (const entry of keyed) {
      let list = byYear.get(entry.document.year);
      if (!list) byYear.set(entry.document.year, (list = []));
      list.push(entry);
    }
    for (const [year, entries] of byYear) {
      for (const chunk of chunks(entries, ROWS_PER_INSERT)) {
        const values = chunk.map(({ document: d, key }) => sql`(${key}, ${d.headlineTerms.join(' ')}, ${d.bodyTerms.join(' ')}, ${d.facets})`);
        await sql`insert into ${sql.table(ftsTableName(generation, year))} (rowid, headline, body, facets) values ${sql.join(values)}`.execute(db);
      }
    }
    return;
  }
  for (const chunk of chunks(keyed, ROWS_PER_INSERT)) {
    await db
      .insertInto('search_documents')
      .values(chunk.map(({ document, key }) => ({ ...documentRow(generation, document, key), terms: sql<string>`${tsvectorLiteral(document)}::tsvector` })))
      .execute();
  }
}

/** Removes the rows of these stories from one generation (a reindex batch starts with it). */
export async function deleteStoriesFrom(db: Kysely<Schema>, dialect: SearchDialect, generation: number, storyIds: readonly number[]): Promise<void> {
  if (storyIds.length === 0) return;
  const present = await db.selectFrom('search_documents').select('story_id').distinct().where('generation', '=', generation).where('story_id', 'in', [...storyIds]).execute();
  for (const { story_id } of present) await deleteStoryRows(db, dialect, generation, story_id);
}

/**
 * Makes the index hold exactly `documents` for the story (all its language versions, whatever
 * their status: the newsroom searches drafts too; public search filters by visibility).
 */
export async function replaceSearchDocuments(trx: Kysely<Schema>, storyId: number, documents: readonly SearchDocumentInput[]): Promise<void> {
  const dialect = dialectOf(trx);
  const planned = documents.map(planDocument);
  for (const generation of await writableGenerations(trx, dialect)) {
    await deleteStoryRows(trx, dialect, generation, storyId);
    await insertDocuments(trx, dialect, generation, planned);
  }
}
