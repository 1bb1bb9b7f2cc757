// Retrieval on SQLite: FTS5, one table per year, newest year first, and inside a year windows
// of time that double in length (3 days, 6, 12, ...) from the newest. Each window's best `limit`
// come from FTS5 with BM25 (headline terms weigh 4, body 1, the facet column nothing) blended
// with freshness in the same statement; the loop stops before a window whose newest possible
// story cannot beat the current last place (see candidates.ts). A window is a rowid range, which
// FTS5 seeks to, so BM25's per-row work (reading each row's length) is paid only for the rows
// of the windows read. FTS5's BM25 counts every match of a
// term in the table it reads, which is why one huge table is slow for common words and yearly
// tables are not (../../shared/design/limits.md). Reads run on the read-only connection.

import { CompiledQuery } from 'kysely';
import type { Database } from '../../db/database.ts';
import { directReaderFor } from '../../db/direct-reads.ts';
import { ftsTableName } from '../index-store/generations.ts';
import { keyOfTime, KEY_SLOTS, timeOfKey } from '../index-store/search-document.ts';
import { byScore, FRESHNESS_DAYS, RELEVANCE_CEILING, type Candidate, type Retrieval, type RetrievalPlan } from './candidates.ts';

const FRESHNESS_KEYS = FRESHNESS_DAYS * 86_400_000 * KEY_SLOTS;
const FIRST_WINDOW_KEYS = 3 * 86_400_000 * KEY_SLOTS;

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
    const sql = yearSql(ftsTableName(plan.generation, year));
    const yearLow = Math.max(plan.lowKey, keyOfTime(Date.UTC(year, 0, 1)));
    let high = Math.min(plan.highKey, keyOfTime(Date.UTC(year + 1, 0, 1)) - 1);
    let span = FIRST_WINDOW_KEYS;
    while (high >= yearLow) {
      const ceiling = RELEVANCE_CEILING / (1 + Math.max(0, plan.nowKey - high) / FRESHNESS_KEYS);
      if (best.length >= plan.limit && best[plan.limit - 1]!.score >= ceiling) return { candidates: best, isComplete: false };
      const low = Math.max(yearLow, high - span + 1);
      const rows = await read<Candidate>(database, sql, [plan.nowKey, match, low, high, plan.limit]);
      if (rows.length >= plan.limit) isComplete = false;
      if (rows.length > 0) best = [...best, ...rows].sort(byScore).slice(0, plan.limit);
      high = low - 1;
      span *= 2;
    }
  }
  return { candidates: best, isComplete };
}
