// Bulk writer of synthetic stories for SQLite: prepared statements inside one transaction per
// batch, straight through better-sqlite3 (the query builder would cost more than the insert).

import type BetterSqlite3 from 'better-sqlite3';
import { forgetValueSamples } from '../../db/value-samples.sqlite.ts';
import { SYNTHETIC_COLUMNS, type SyntheticBatch, type SyntheticTable, type SyntheticWriter } from './synthetic-batch.ts';

// Slug indexes take inserts in alphabetical, not time, order: a large page cache keeps them from
// turning every insert into a disk read once the file outgrows the default cache.
const BULK_CACHE_KIB = 1024 * 1024;

export function sqliteSyntheticWriter(sqlite: BetterSqlite3.Database): SyntheticWriter {
  const previousCache = sqlite.pragma('cache_size', { simple: true }) as number;
  sqlite.pragma(`cache_size = -${BULK_CACHE_KIB}`);
  // The final ANALYZE reads every table and index: through the memory map, each page read
  // would stay mapped into this process (resident memory as large as the file, 5.7 GB at
  // 1,000,000 stories); through the page cache it stays at the cache's size.
  const previousMap = sqlite.pragma('mmap_size', { simple: true }) as number;
  sqlite.pragma('mmap_size = 0');
  const statements = Object.fromEntries(
    (Object.keys(SYNTHETIC_COLUMNS) as SyntheticTable[]).map((table) => {
      const columns = SYNTHETIC_COLUMNS[table];
      return [table, sqlite.prepare(`insert into ${table} (${columns.join(', ')}) values (${columns.map(() => '?').join(', ')})`)];
    }),
  ) as Record<SyntheticTable, BetterSqlite3.Statement>;
  const isSlugTaken = sqlite.prepare('select 1 from story_slugs where language = ? and slug = ?').pluck();
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
    async takenSlugs(slugs) {
      const taken = new Set<string>();
      for (const [language, slug] of slugs) if (isSlugTaken.get(language, slug)) taken.add(`${language}/${slug}`);
      return taken;
    },
    async write(batch) {
      writeBatch(batch);
    },
    async finish() {
      sqlite.pragma(`cache_size = ${previousCache}`);
      // A bulk load changes the shape of every index: give the planner fresh statistics.
      sqlite.exec('analyze');
      forgetValueSamples(sqlite);
      sqlite.pragma(`mmap_size = ${previousMap}`);
      // The smaller cache size does not by itself give back the gigabyte of pages the load used.
      sqlite.pragma('shrink_memory');
    },
  };
}
