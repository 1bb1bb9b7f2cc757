// Bulk writer of synthetic stories for PostgreSQL: one multi-row insert per table and chunk
// inside one transaction per batch; identity sequences are moved past the ids used at the end.

import type pg from 'pg';
import { SYNTHETIC_COLUMNS, type Row, type SyntheticTable, type SyntheticWriter } from './synthetic-batch.ts';

const MAX_PARAMETERS = 60000;

function insertStatement(table: SyntheticTable, rows: Row[]): { text: string; values: Row[number][] } {
  const columns = SYNTHETIC_COLUMNS[table];
  const values: Row[number][] = [];
  const tuples = rows.map((row) => {
    const placeholders = row.map((value) => {
      values.push(value);
      return `$${values.length}`;
    });
    return `(${placeholders.join(', ')})`;
  });
  return { text: `insert into ${table} (${columns.join(', ')}) values ${tuples.join(', ')}`, values };
}

export function postgresSyntheticWriter(pool: pg.Pool): SyntheticWriter {
  return {
    async nextIds() {
      const { rows } = await pool.query<{ story: number; version: number }>(
        'select (select coalesce(max(id), 0) + 1 from stories) as story, (select coalesce(max(id), 0) + 1 from story_versions) as version',
      );
      return { story: Number(rows[0]!.story), version: Number(rows[0]!.version) };
    },
    async takenSlugs(slugs) {
      const { rows } = await pool.query<{ language: string; slug: string }>(
        'select s.language, s.slug from story_slugs s join unnest($1::text[], $2::text[]) as c(language, slug) on s.language = c.language and s.slug = c.slug',
        [slugs.map(([language]) => language), slugs.map(([, slug]) => slug)],
      );
      return new Set(rows.map((row) => `${row.language}/${row.slug}`));
    },
    async write(batch) {
      const client = await pool.connect();
      try {
        await client.query('begin');
        for (const table of Object.keys(SYNTHETIC_COLUMNS) as SyntheticTable[]) {
          const rows = batch[table];
          const perChunk = Math.floor(MAX_PARAMETERS / SYNTHETIC_COLUMNS[table].length);
          for (let start = 0; start < rows.length; start += perChunk) {
            const { text, values } = insertStatement(table, rows.slice(start, start + perChunk));
            await client.query(text, values);
          }
        }
        await client.query('commit');
      } catch (error) {
        await client.query('rollback').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    async finish() {
      for (const table of ['stories', 'story_versions']) {
        await pool.query(`select setval(pg_get_serial_sequence('${table}', 'id'), (select coalesce(max(id), 1) from ${table}))`);
      }
      await pool.query('analyze');
    },
  };
}
