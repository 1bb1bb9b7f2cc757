// Merges each FTS5 table of a generation into one b-tree segment before it goes live. A reindex
// leaves each year table in dozens of segments (one per batch, partly merged), and every query
// seeks a term in each of them: on a 100,000-story table a missing word cost 300 µs before the
// merge and 10 µs after. The merge runs in bounded steps, each its own short write, so commands
// writing meanwhile wait for one step at most, never for a whole table's rewrite.

import { sql, type Kysely } from 'kysely';
import type { Schema } from '../../db/schema.ts';
import { ftsTableName } from './generations.ts';

/** Leaf pages one step writes (FTS5 'merge' with a negative count merges across levels). */
const PAGES_PER_STEP = 1000;
/** A bound on the loop: commands writing all the while cannot keep it going for ever. */
const MAX_STEPS = 10_000;

async function totalChanges(db: Kysely<Schema>): Promise<number> {
  const { rows } = await sql<{ n: number }>`select total_changes() as n`.execute(db);
  return Number(rows[0]!.n);
}

/** Merges one table's segments, step by step, until a step finds nothing left to merge. */
export async function mergeFtsSegments(db: Kysely<Schema>, generation: number, year: number): Promise<number> {
  const table = sql.table(ftsTableName(generation, year));
  for (let steps = 1; steps < MAX_STEPS; steps++) {
    const before = await totalChanges(db);
    await sql`insert into ${table} (${table}, rank) values ('merge', ${-PAGES_PER_STEP})`.execute(db);
    // FTS5 documents it so: a step that did any work changes at least two rows.
    if ((await totalChanges(db)) - before < 2) return steps;
  }
  return MAX_STEPS;
}
