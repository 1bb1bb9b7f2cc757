// The durable job runner. It polls for due jobs, claims one at a time under a lease (see the
// claim-job pair), runs its handler, and marks it done; a failure is retried with exponential
// backoff until max_attempts. Jobs are rows, so a restart loses nothing, and everything whose time
// passed while no runner was up is caught up, oldest first, on the next pass.

import { randomBytes } from 'node:crypto';
import type { Kysely, Updateable } from 'kysely';
import type { Database } from '../db/database.ts';
import type { Schema } from '../db/schema.ts';
import { toInstant, type Clock } from '../lib/clock.ts';
import type { ClaimJob, JobRow } from './claimed-job.ts';
import { sqliteClaimJob } from './claim-job.sqlite.ts';
import { postgresClaimJob } from './claim-job.postgres.ts';

export interface RunningJob {
  id: number;
  kind: string;
  payload: unknown;
  /** 1 on the first try. */
  attempt: number;
  runAt: string;
}

export type JobHandler = (job: RunningJob) => Promise<void>;

export interface JobRunnerOptions {
  database: Database;
  clock: Clock;
  handlers: Record<string, JobHandler>;
  /** Names this runner in locked_by; random when absent. */
  workerId?: string;
  /** How long a claimed job stays this runner's (default 5 minutes). */
  leaseMs?: number;
  /** Time between polls when there is nothing due (default 2 s). */
  pollIntervalMs?: number;
  /** Delay before the next try after the n-th failure (default 10 s × 2^(n-1), at most an hour). */
  backoffMs?: (attempt: number) => number;
  onError?: (error: unknown, job: RunningJob) => void;
}

export interface JobRunner {
  readonly workerId: string;
  /** Runs every job that is due now, one after another; returns how many ran (done or failed). */
  runDueJobs(): Promise<number>;
  /** Starts polling. */
  start(): void;
  /** Stops polling and waits for the job in hand to finish. */
  stop(): Promise<void>;
}

export const defaultBackoff = (attempt: number): number => Math.min(10_000 * 2 ** (attempt - 1), 3_600_000);

function claimFor(database: Database): ClaimJob {
  return database.dialect === 'sqlite' ? sqliteClaimJob(database.db) : postgresClaimJob(database.db);
}

async function finish(db: Kysely<Schema>, job: JobRow, workerId: string, changes: Updateable<Schema['jobs']>): Promise<void> {
  await db
    .updateTable('jobs')
    .set({ ...changes, locked_by: null, locked_until: null })
    .where('id', '=', job.id)
    .where('locked_by', '=', workerId)
    .execute();
}

export function createJobRunner(options: JobRunnerOptions): JobRunner {
  const workerId = options.workerId ?? `runner-${process.pid}-${randomBytes(3).toString('hex')}`;
  const leaseMs = options.leaseMs ?? 300_000;
  const pollIntervalMs = options.pollIntervalMs ?? 2_000;
  const backoff = options.backoffMs ?? defaultBackoff;
  const claim = claimFor(options.database);
  const db = options.database.db;
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  let pass: Promise<number> | undefined;

  async function runOne(): Promise<boolean> {
    const now = options.clock();
    const row = await claim({ workerId, now: toInstant(now), lockedUntil: toInstant(new Date(now.getTime() + leaseMs)) });
    if (!row) return false;
    const job: RunningJob = { id: row.id, kind: row.kind, payload: JSON.parse(row.payload), attempt: row.attempts, runAt: row.run_at };
    try {
      const handler = options.handlers[row.kind];
      if (!handler) throw new Error(`no handler for jobs of kind "${row.kind}"`);
      await handler(job);
      await finish(db, row, workerId, { done_at: toInstant(options.clock()), last_error: null });
    } catch (error) {
      options.onError?.(error, job);
      const message = error instanceof Error ? error.message : String(error);
      const failedNow = options.clock();
      if (row.attempts >= row.max_attempts) {
        await finish(db, row, workerId, { failed_at: toInstant(failedNow), last_error: message });
      } else {
        await finish(db, row, workerId, { run_at: toInstant(new Date(failedNow.getTime() + backoff(row.attempts))), last_error: message });
      }
    }
    return true;
  }

  async function runDueJobs(): Promise<number> {
    let count = 0;
    while (await runOne()) count += 1;
    return count;
  }

  /** One polling pass; a failure to reach the database is reported and the next poll tries again. */
  function poll(): Promise<number> {
    return runDueJobs()
      .catch((error: unknown) => {
        options.onError?.(error, { id: 0, kind: 'poll', payload: null, attempt: 0, runAt: '' });
        return 0;
      })
      .finally(schedule);
  }

  function schedule(): void {
    if (!running) return;
    timer = setTimeout(() => {
      pass = poll();
    }, pollIntervalMs);
  }

  return {
    workerId,
    runDueJobs,
    start() {
      if (running) return;
      running = true;
      pass = poll();
    },
    async stop() {
      running = false;
      if (timer) clearTimeout(timer);
      await pass;
    },
  };
}
