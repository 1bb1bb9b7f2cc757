// Index generations: readers use the live one; while `dispatch search reindex` fills the next
// one, writers keep both up to date, so the swap loses no change made during the rebuild.

import type { Kysely } from 'kysely';
import type { Schema } from '../../db/schema.ts';

export async function liveGeneration(db: Kysely<Schema>): Promise<number | undefined> {
  return (await liveIndex(db))?.generation;
}

/** The live generation and whether it holds every story (not while a first build is under way). */
export async function liveIndex(db: Kysely<Schema>): Promise<{ generation: number; isComplete: boolean } | undefined> {
  const row = await db.selectFrom('search_generations').select(['generation', 'is_complete']).where('state', '=', 'live').executeTakeFirst();
  return row ? { generation: row.generation, isComplete: row.is_complete === 1 } : undefined;
}

/** Search answers "being built" until a reindex replaces the live generation with a complete one. */
export async function markLiveIndexIncomplete(db: Kysely<Schema>): Promise<void> {
  await db.updateTable('search_generations').set({ is_complete: 0 }).where('state', '=', 'live').execute();
}

/**
 * Every generation writers must keep current: the live one and any being built. On PostgreSQL
 * the rows are read FOR SHARE: a reindex batch locks its generation FOR UPDATE, so a command and
 * a batch touching the same story never interleave (SQLite serializes writers by itself).
 */
export async function writableGenerations(db: Kysely<Schema>, dialect: 'sqlite' | 'postgres'): Promise<number[]> {
  let query = db.selectFrom('search_generations').select('generation').orderBy('generation');
  if (dialect === 'postgres') query = query.forShare();
  return (await query.execute()).map((row) => row.generation);
}

/** The name of the FTS5 table of one generation and year (integers only, so safe to splice). */
export function ftsTableName(generation: number, year: number): string {
  if (!Number.isInteger(generation) || !Number.isInteger(year)) throw new Error('bad search table name');
  return `search_fts_${generation}_${year}`;
}

/** FTS5 stores the pre-stemmed terms; unicode61 without diacritic removal keeps й and ў apart. */
export function createFtsTableSql(generation: number, year: number): string {
  return `create virtual table if not exists ${ftsTableName(generation, year)} using fts5(headline, body, facets, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0')`;
}
