// Retrieval on PostgreSQL: one GIN-indexed tsvector column over the same stemmed terms, ranked
// by ts_rank blended with freshness exactly as on SQLite (candidates.ts). GIN keeps neither
// positions nor time order, so every match is ranked: correct, and slower on common words
// (limits.md explains why no PostgreSQL layout tried reaches SQLite's figures).

import { sql } from 'kysely';
import type { Database } from '../../db/database.ts';
import { KEY_SLOTS } from '../index-store/search-document.ts';
import { FRESHNESS_DAYS, type Retrieval, type RetrievalPlan } from './candidates.ts';

const FRESHNESS_KEYS = FRESHNESS_DAYS * 86_400_000 * KEY_SLOTS;
/** ts_rank gives about a tenth of what BM25 gives for the same match; this brings them level. */
const RANK_SCALE = 10;

export interface PostgresFilters {
  language: string;
  isPublicOnly: boolean;
  statuses: readonly string[] | undefined;
  rubricId: number | undefined;
  tagId: number | undefined;
}

/** All matches, and which of them match in the headline (their score counts `boost` times). */
export async function retrievePostgres(
  database: Database, plan: RetrievalPlan, tsquery: string, headlineTsquery: string, boost: number, filters: PostgresFilters,
): Promise<{ all: Retrieval; headline: Retrieval }> {
  const conditions = [
    sql`generation = ${plan.generation}`,
    sql`terms @@ ${tsquery}::tsquery`,
    sql`language = ${filters.language}`,
    sql`key between ${plan.lowKey} and ${plan.highKey}`,
  ];
  if (filters.isPublicOnly) conditions.push(sql`is_public = 1`);
  if (filters.statuses) conditions.push(sql`status in (${sql.join(filters.statuses.length > 0 ? filters.statuses : [''])})`);
  if (filters.rubricId !== undefined) conditions.push(sql`rubric_id = ${filters.rubricId}`);
  if (filters.tagId !== undefined) conditions.push(sql`story_id in (select story_id from story_tags where tag_id = ${filters.tagId})`);
  const { rows } = await sql<{ key: number; score: number; in_headline: boolean }>`
    select key, in_headline, (case when in_headline then ${boost}::float8 else 1.0 end) * (1.0 + r / (r + 1.0)) / (1.0 + abs(${plan.nowKey}::float8 - key) / ${FRESHNESS_KEYS}::float8) as score
    from (select key, terms @@ ${headlineTsquery}::tsquery as in_headline, ts_rank(terms, ${tsquery}::tsquery) * ${RANK_SCALE} as r
          from search_documents where ${sql.join(conditions, sql` and `)}) d
    order by score desc, key desc limit ${plan.limit}`.execute(database.db);
  const candidates = rows.map((row) => ({ key: Number(row.key), score: Number(row.score), inHeadline: row.in_headline }));
  const isComplete = candidates.length < plan.limit;
  return {
    all: { candidates, isComplete },
    headline: { candidates: candidates.filter((c) => c.inHeadline), isComplete },
  };
}
