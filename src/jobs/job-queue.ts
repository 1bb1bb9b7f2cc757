// Puts work on the durable job queue, inside the caller's transaction, so a job exists exactly when
// the change that asked for it committed. A unique key makes enqueueing idempotent: enqueueing the
// same key again moves the one pending job (a rescheduled story) instead of adding a second.

import type { Kysely } from 'kysely';
import type { Schema } from '../db/schema.ts';
import { toInstant } from '../lib/clock.ts';

export interface JobRequest {
  kind: string;
  payload: unknown;
  runAt: Date;
  uniqueKey?: string;
  maxAttempts?: number;
}

export async function enqueueJob(trx: Kysely<Schema>, job: JobRequest, now: Date): Promise<void> {
  const values = {
    kind: job.kind,
    payload: JSON.stringify(job.payload ?? null),
    run_at: toInstant(job.runAt),
    attempts: 0,
    max_attempts: job.maxAttempts ?? 10,
    last_error: null,
    locked_by: null,
    locked_until: null,
    done_at: null,
    failed_at: null,
  };
  await trx
    .insertInto('jobs')
    .values({ ...values, unique_key: job.uniqueKey ?? null, created_at: toInstant(now) })
    .onConflict((conflict) => conflict.column('unique_key').doUpdateSet(values))
    .execute();
}

/** Removes the job with this key if it has not run yet (an unscheduled story, a lifted embargo). */
export async function cancelJob(trx: Kysely<Schema>, uniqueKey: string): Promise<void> {
  await trx.deleteFrom('jobs').where('unique_key', '=', uniqueKey).where('done_at', 'is', null).execute();
}

export interface JobState {
  id: number;
  kind: string;
  payload: unknown;
  runAt: string;
  attempts: number;
  lastError: string | null;
  doneAt: string | null;
  failedAt: string | null;
}

export async function findJob(db: Kysely<Schema>, uniqueKey: string): Promise<JobState | undefined> {
  const row = await db.selectFrom('jobs').selectAll().where('unique_key', '=', uniqueKey).executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.id,
    kind: row.kind,
    payload: JSON.parse(row.payload),
    runAt: row.run_at,
    attempts: row.attempts,
    lastError: row.last_error,
    doneAt: row.done_at,
    failedAt: row.failed_at,
  };
}
