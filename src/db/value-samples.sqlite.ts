// SQLite's ANALYZE, in better-sqlite3's build (SQLITE_ENABLE_STAT4), stores samples of index values
// (sqlite_stat4) besides each index's averages (sqlite_stat1). Once samples exist, the planner
// weighs the values bound to a statement, so every run with new values prepares the statement
// again: on the archive of 100,000 stories a story's tags and byline took 44 µs instead of 14, the
// bare lookup of a story's tag ids 5.7 µs instead of 1.9. Dispatch's hot reads are written for
// their plan and need only the averages; so after every ANALYZE the samples are dropped and the
// connection reloads its statistics (connections opened later read them without samples).

import type BetterSqlite3 from 'better-sqlite3';

export function forgetValueSamples(sqlite: BetterSqlite3.Database): void {
  const hasTable = sqlite.prepare("select 1 from sqlite_schema where type = 'table' and name = 'sqlite_stat4'").get();
  if (!hasTable || !sqlite.prepare('select 1 from sqlite_stat4 limit 1').get()) return;
  sqlite.exec('delete from sqlite_stat4; analyze sqlite_schema');
}
