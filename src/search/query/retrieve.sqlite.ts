// Retrieval on SQLite: FTS5, one table per year, newest year first. Inside a year FTS5 hands the
// matches newest first (rowid order, no sorting) with their BM25 (headline terms weigh 4, body 1,
// the facet column nothing); each is scored with freshness here, and the read stops at the first
// row whose best possible score cannot beat the current last place (see candidates.ts). So BM25's
// per-row work (reading each row's length) is paid only for the rows read, and its per-query
// work (counting each term's matches, for its IDF) once per year table. FTS5's BM25 counts every
// match of a term in the table it reads, which is why one huge table is slow for common words and
// yearly tables are not (../../shared/design/limits.md). Reads run on the read-only connection.

import { CompiledQuery } from 'kysely';
import type { Database } from '../../db/database.ts';
import { directIteratorFor, directReaderFor } from '../../db/direct-reads.ts';
import { ftsTableName } from '../index-store/generations.ts';
import { keyOfTime, KEY_SLOTS, timeOfKey } from '../index-store/search-document.ts';
import { FRESHNESS_DAYS, RELEVANCE_CEILING, TopCandidates, type Candidate, type Retrieval, type RetrievalPlan } from './candidates.ts';

const FRESHNESS_KEYS = FRESHNESS_DAYS * 86_400_000 * KEY_SLOTS;

async function read<Row>(database: Database, text: string, parameters: unknown[]): Promise<Row[]> {
  const direct = directReaderFor(database.db);
  if (direct) return direct(text, parameters) as Row[];
  return (await database.db.executeQuery<Row>(CompiledQuery.raw(text, parameters))).rows as Row[];
}

type Row = { key: number; b: number };

const yearSql = (table: string) =>
  `select rowid as key, -bm25(${table}, 4.0, 1.0, 0.0) as b from ${table} where ${table} match ? and rowid between ? and ? order by rowid desc`;

const ceilingAt = (plan: RetrievalPlan, key: number, multiplier: number) => (multiplier * RELEVANCE_CEILING) / (1 + Math.max(0, plan.nowKey - key) / FRESHNESS_KEYS);

/** What every row must be; rubric and tag are conditions in the match (they are selective). */
export interface SqliteFilters {
  language: string;
  isPublicOnly: boolean;
  statuses: readonly string[] | undefined;
}

/** The facts of several rows at once: one statement per batch, not one per row read. */
const FACTS_SQL = 'select key, language, is_public, status from search_documents where generation = ? and key in (select value from json_each(?))';
/** Rows read that could enter the top wait for their facts in batches of this many. */
const FACTS_BATCH = 32;

type Facts = { key: number; language: string; is_public: number; status: string };

/**
 * `multiplier` scales every score (the headline pass); rows that cannot beat `minBar` (the last
 * place of an earlier pass) are not wanted, so the read stops where none can.
 */
export async function retrieveSqlite(database: Database, plan: RetrievalPlan, match: string, filters: SqliteFilters, scoring: { multiplier: number; minBar: number } = { multiplier: 1, minBar: 0 }): Promise<Retrieval> {
  const { multiplier, minBar } = scoring;
  // Language, visibility and status hold for most rows, so they are checked for the rows read
  // rather than in the match: a term in the match costs its whole posting list for BM25's IDF.
  const readFacts = directReaderFor(database.db);
  const statuses = filters.statuses ? new Set(filters.statuses) : undefined;
  const passes = (row: Facts | undefined) =>
    row !== undefined && row.language === filters.language && (!filters.isPublicOnly || row.is_public === 1) && (statuses === undefined || statuses.has(row.status));
  const lowYear = new Date(timeOfKey(Math.max(plan.lowKey, 0))).getUTCFullYear();
  const highYear = new Date(timeOfKey(Math.min(plan.highKey, keyOfTime(Date.UTC(9999, 0, 1))))).getUTCFullYear();
  const years = (await read<{ year: number }>(database, 'select year from search_years where generation = ? and year between ? and ? order by year desc', [plan.generation, lowYear, highYear])).map((r) => r.year);
  const best = new TopCandidates(plan.limit);
  /** The score a candidate must beat to enter the top `limit` (minBar until there are that many). */
  const bar = () => Math.max(minBar, best.bar());
  /** Rows that scored above the bar, waiting for their facts. */
  let pending: Candidate[] = [];
  const admit = (rows: Facts[]) => {
    const facts = new Map(rows.map((row) => [Number(row.key), row]));
    for (const candidate of pending) if (passes(facts.get(candidate.key))) best.offer(candidate);
    pending = [];
  };
  /** Synchronous on the read-only connection, so nothing awaits while a statement iterates; a promise on the fallback. */
  const checkPending = (): Promise<void> | undefined => {
    if (pending.length === 0) return undefined;
    const parameters = [plan.generation, JSON.stringify(pending.map((c) => c.key))];
    if (readFacts) return void admit(readFacts(FACTS_SQL, parameters) as Facts[]);
    return read<Facts>(database, FACTS_SQL, parameters).then(admit);
  };
  const finish = (isComplete: boolean) => ({ candidates: best.sorted(), isComplete });
  for (const year of years) {
    const high = Math.min(plan.highKey, keyOfTime(Date.UTC(year + 1, 0, 1)) - 1);
    const low = Math.max(plan.lowKey, keyOfTime(Date.UTC(year, 0, 1)));
    if (bar() > 0 && high <= plan.nowKey && ceilingAt(plan, high, multiplier) <= bar()) return finish(false);
    // Rows newest first. The iterator is made and drained with no await in between: the cached
    // statement is busy while it runs, and another request must not find it so. Without a
    // read-only connection (an in-memory database) the rows come all at once.
    const sql = yearSql(ftsTableName(plan.generation, year));
    const iterate = directIteratorFor(database.db);
    const rows: Iterable<Row> = iterate ? (iterate(sql, [match, low, high]) as IterableIterator<Row>) : await read<Row>(database, sql, [match, low, high]);
    let isStopped = false;
    for (const row of rows) {
      if (bar() > 0 && row.key <= plan.nowKey && ceilingAt(plan, row.key, multiplier) <= bar()) {
        // Rows come newest first: none after this one can enter the top (break closes the statement).
        isStopped = true;
        break;
      }
      const score = (multiplier * (1 + row.b / (row.b + 1))) / (1 + Math.abs(plan.nowKey - row.key) / FRESHNESS_KEYS);
      if (score <= bar()) continue;
      pending.push({ key: row.key, score });
      // The bar rises only as rows are admitted: the read goes on at most a batch past the
      // stop it would have found checking every row at once.
      if (pending.length >= FACTS_BATCH) {
        const waiting = checkPending();
        if (waiting) await waiting;
      }
    }
    await checkPending();
    if (isStopped) return finish(false);
  }
  return finish(true);
}
