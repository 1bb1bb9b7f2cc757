// Retrieval on SQLite: FTS5, one table per year, newest year first. Each year's best `limit`
// come from FTS5 with BM25 (headline terms weigh 4, body 1, the facet column nothing) blended
// with freshness in the same statement; the loop stops before a year whose newest possible story
// cannot beat the current last place (see candidates.ts). FTS5's BM25 counts every match of a
// term in the table it reads, which is why one huge table is slow for common words and yearly
// tables are not (../../shared/design/limits.md). Reads run on the read-only connection.

import { CompiledQuery } from 'kysely';
import type { Database } from '../../db/database.ts';
import { directReaderFor } from '../../db/direct-reads.ts';
import { ftsTableName } from '../index-store/generations.ts';
import { keyOfTime, KEY_SLOTS, timeOfKey } from '../index-store/search-document.ts';
import { byScore, FRESHNESS_DAYS, RELEVANCE_CEILING, type Candidate, type Retrieval, type RetrievalPlan } from './candidates.ts';

const FRESHNESS_KEYS = FRESHNESS_DAYS * 86_400_000 * KEY_SLOTS;

async function read<Row>(database: Database, text: string, parameters: unknown[]): Promise<Row[]> {
  const direct = directReaderFor(database.db);
  if (direct) return direct(text, parameters) as Row[];
  return (await database.db.executeQuery<Row>(CompiledQuery.raw(text, parameters))).rows as Row[];
}

function yearSql(table: string): string {
  return `select key, (1.0 + b / (b + 1.0)) / (1.0 + abs(? - key) / ${FRESHNESS_KEYS}.0) as score
    from (select rowid as key, -bm25(${table}, 4.0, 1.0, 0.0) as b from ${table} where ${table} match ? and rowid between ? and ?)
    order by score desc, key desc limit ?`;
}

export async function retrieveSqlite(database: Database, plan: RetrievalPlan, match: string): Promise<Retrieval> {
  const lowYear = new Date(timeOfKey(Math.max(plan.lowKey, 0))).getUTCFullYear();
  const highYear = new Date(timeOfKey(plan.highKey)).getUTCFullYear();
  const years = (await read<{ year: number }>(database, 'select year from search_years where generation = ? and year between ? and ? order by year desc', [plan.generation, lowYear, highYear])).map((r) => r.year);
  let best: Candidate[] = [];
  let isComplete = true;
  for (const year of years) {
    const newestKey = Math.min(plan.highKey, keyOfTime(Date.UTC(year + 1, 0, 1)) - 1);
    const ageKeys = Math.max(0, plan.nowKey - newestKey);
    const ceiling = RELEVANCE_CEILING / (1 + ageKeys / FRESHNESS_KEYS);
    if (best.length >= plan.limit && best[plan.limit - 1]!.score >= ceiling) {
      isComplete = false;
      break;
    }
    const rows = await read<Candidate>(database, yearSql(ftsTableName(plan.generation, year)), [plan.nowKey, match, plan.lowKey, plan.highKey, plan.limit]);
    if (rows.length >= plan.limit) isComplete = false;
    best = [...best, ...rows].sort(byScore).slice(0, plan.limit);
  }
  return { candidates: best, isComplete };
}
