// SQLite: claiming is one UPDATE ... RETURNING in autocommit mode, that is one writer transaction;
// SQLite runs one writer at a time, so two runners (even in two processes) cannot claim one job.

import { sql, type Kysely } from 'kysely';
import type { Schema } from '../db/schema.ts';
import type { ClaimJob, JobRow } from './claimed-job.ts';

export function sqliteClaimJob(db: Kysely<Schema>): ClaimJob {
  return async ({ workerId, now, lockedUntil }) => {
    const result = await sql<JobRow>`
      update jobs set locked_by = ${workerId}, locked_until = ${lockedUntil}, attempts = attempts + 1
      where id = (
        select id from jobs
        where done_at is null and failed_at is null and run_at <= ${now}
          and (locked_until is null or locked_until <= ${now})
        order by run_at, id limit 1
      )
      returning *`.execute(db);
    return result.rows[0];
  };
}
