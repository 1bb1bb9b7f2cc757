// PostgreSQL: the due job is selected FOR UPDATE SKIP LOCKED in a transaction, so concurrent
// runners each take a different row without waiting for one another, then it is leased.

import type { Kysely } from 'kysely';
import type { Schema } from '../db/schema.ts';
import type { ClaimJob } from './claimed-job.ts';

export function postgresClaimJob(db: Kysely<Schema>): ClaimJob {
  return ({ workerId, now, lockedUntil }) =>
    db.transaction().execute(async (trx) => {
      const due = await trx
        .selectFrom('jobs')
        .select('id')
        .where('done_at', 'is', null)
        .where('failed_at', 'is', null)
        .where('run_at', '<=', now)
        .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now)]))
        .orderBy('run_at')
        .orderBy('id')
        .limit(1)
        .forUpdate()
        .skipLocked()
        .executeTakeFirst();
      if (!due) return undefined;
      return trx
        .updateTable('jobs')
        .set((eb) => ({ locked_by: workerId, locked_until: lockedUntil, attempts: eb('attempts', '+', 1) }))
        .where('id', '=', due.id)
        .returningAll()
        .executeTakeFirstOrThrow();
    });
}
