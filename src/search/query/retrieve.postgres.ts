// Retrieval on PostgreSQL: one GIN-indexed tsvector column over the same stemmed terms, ranked
// by ts_rank blended with freshness exactly as on SQLite (candidates.ts). GIN keeps no time
// order, so matches are ranked in windows of time, newest first, and the read stops where no
// older match could enter the top (limits.md: ranking every match of a common word in a
// million stories took seconds).

import { sql } from 'kysely';
import type { Database } from '../../db/database.ts';
import { KEY_SLOTS } from '../index-store/search-document.ts';
import { FRESHNESS_DAYS, RELEVANCE_CEILING, TopCandidates, type Retrieval, type RetrievalPlan } from './candidates.ts';

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

/** The first window reaches this far back from now; each next one, older, spans twice the last. */
const FIRST_WINDOW_DAYS = 7;
/** Past windows this wide the last one takes the rest of the archive. */
const WIDEST_WINDOW_DAYS = 224;
/** A window with fewer matches than this share of the top found the words rare: the rest follows at once. */
const SPARSE_SHARE = 0.25;
const DAY_KEYS = 86_400_000 * KEY_SLOTS;

/**
 * All matches best first, and which of them match in the headline (their score counts `boost`
 * times). Matches are ranked window by window of time, newest first, each window's best
 * `limit` in one statement; the read stops at the first window whose newest possible match
 * could not beat the last place of the top (relevance is below RELEVANCE_CEILING, so a story of
 * that age scores at most boost × ceiling × its freshness). The answer is the one ranking every
 * match would give: each of the best `limit` is among the best `limit` of its window.
 */
export async function retrievePostgres(
  database: Database, plan: RetrievalPlan, tsquery: string, headlineTsquery: string, boost: number, filters: PostgresFilters,
): Promise<{ all: Retrieval; headline: Retrieval }> {
  const conditions = [sql`generation = ${plan.generation}`, sql`language = ${filters.language}`];
  if (filters.isPublicOnly) conditions.push(sql`is_public = 1`);
  if (filters.statuses) conditions.push(sql`status in (${sql.join(filters.statuses.length > 0 ? filters.statuses : [''])})`);
  if (filters.rubricId !== undefined) conditions.push(sql`rubric_id = ${filters.rubricId}`);
  if (filters.tagId !== undefined) conditions.push(sql`story_id in (select story_id from story_tags where tag_id = ${filters.tagId})`);
  const best = new TopCandidates(plan.limit);
  const inHeadline = new Set<number>();
  let matches = 0;
  let isStopped = false;
  let high = plan.highKey;
  let span = FIRST_WINDOW_DAYS * DAY_KEYS;
  let low = Math.max(plan.lowKey, Math.min(high, plan.nowKey) - span);
  for (;;) {
    // A window of days reads its stories in key order and tests each (the GIN index of a common
    // word lists hundreds of thousands of rows, more than a window holds); the last window, the
    // rest of the archive, goes through the GIN index, which finds rare words at once.
    const isLast = low <= plan.lowKey;
    const match = isLast ? sql`terms @@ ${tsquery}::tsquery` : sql`coalesce(terms @@ ${tsquery}::tsquery, false)`;
    const { rows } = await sql<{ key: number; score: number; in_headline: boolean }>`
      select key, in_headline, (case when in_headline then ${boost}::float8 else 1.0 end) * (1.0 + r / (r + 1.0)) / (1.0 + abs(${plan.nowKey}::float8 - key) / ${FRESHNESS_KEYS}::float8) as score
      from (select key, terms @@ ${headlineTsquery}::tsquery as in_headline, ts_rank(terms, ${tsquery}::tsquery) * ${RANK_SCALE} as r
            from search_documents where ${sql.join([...conditions, match, sql`key between ${low} and ${high}`], sql` and `)}) d
      order by score desc, key desc limit ${plan.limit}`.execute(database.db);
    matches += rows.length;
    for (const row of rows) {
      const key = Number(row.key);
      best.offer({ key, score: Number(row.score) });
      if (row.in_headline) inHeadline.add(key);
    }
    if (isLast) break;
    const ceiling = (boost * RELEVANCE_CEILING) / (1 + Math.max(0, plan.nowKey - low) / FRESHNESS_KEYS);
    if (best.bar() > 0 && ceiling <= best.bar()) {
      isStopped = true;
      break;
    }
    const isSparse = rows.length < plan.limit * SPARSE_SHARE;
    high = low - 1;
    span *= 2;
    low = isSparse || span > WIDEST_WINDOW_DAYS * DAY_KEYS ? plan.lowKey : Math.max(plan.lowKey, high - span);
  }
  const candidates = best.sorted();
  // Exact when every match was ranked: no early stop, and no window had more than it returned.
  const isComplete = !isStopped && matches < plan.limit;
  return {
    all: { candidates, isComplete },
    headline: { candidates: candidates.filter((c) => inHeadline.has(c.key)), isComplete },
  };
}
