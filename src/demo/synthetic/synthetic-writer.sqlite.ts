// Bulk writer of synthetic stories for SQLite: prepared statements inside one transaction per
// batch, straight through better-sqlite3 (the query builder would cost more than the insert).

import type BetterSqlite3 from 'better-sqlite3';
import { SYNTHETIC_COLUMNS, type SyntheticBatch, type SyntheticTable, type SyntheticWriter } from './synthetic-batch.ts';

// Slug indexes take inserts in alphabetical, not time, order: a large page cache keeps them from
// turning every insert into a disk read once the file outgrows the default cache.
const BULK_CACHE_KIB = 1024 * 1024;

export function sqliteSyntheticWriter(sqlite: BetterSqlite3.Database): SyntheticWriter {
  const previousCache = sqlite.pragma('cache_size', { simple: true }) as number;
  sqlite.pragma(`cache_size = -${BULK_CACHE_KIB}`);
  const statements = Object.fromEntries(
    (Object.keys(SYNTHETIC_COLUMNS) as SyntheticTable[]).map((table) => {
      const columns = SYNTHETIC_COLUMNS[table];
      return [table, sqlite.prepare(`insert into ${table} (${columns.join(', ')}) values (${columns.map(() => '?').join(', ')})`)];
    }),
  ) as Record<SyntheticTable, BetterSqlite3.Statement>;
  const writeBatch = sqlite.transaction((batch: SyntheticBatch) => {
    for (const table of Object.keys(SYNTHETIC_COLUMNS) as SyntheticTable[]) {
      const statement = statements[table];
      for (const row of batch[table]) statement.run(row);
    }
  });
  return {
    async nextIds() {
      const story = sqlite.prepare('select coalesce(max(id), 0) + 1 as n from stories').get() as { n: number };
      const version = sqlite.prepare('select coalesce(max(id), 0) + 1 as n from story_versions').get() as { n: number };
      return { story: story.n, version: version.n };
    },
    async existingSlugs() {
      const result = new Map<string, Set<string>>();
      for (const row of sqlite.prepare('select language, slug from story_slugs').iterate() as Iterable<{ language: string; slug: string }>) {
        let set = result.get(row.language);
        if (!set) result.set(row.language, (set = new Set()));
        set.add(row.slug);
      }
      return result;
    },
    async write(batch) {
      writeBatch(batch);
    },
    async finish() {
      sqlite.pragma(`cache_size = ${previousCache}`);
      // A bulk load changes the shape of every index: give the planner fresh statistics.
      sqlite.exec('analyze');
    },
  };
}
