// The durable job runner on SQLite and PostgreSQL, with a clock the test moves: due jobs run in
// order and nothing early, failures are retried with backoff and give up at max_attempts, a job
// held by a dead runner is taken over after its lease, jobs missed while no runner was up are
// caught up, and two runners on two connections never run the same job twice.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestTarget, DIALECTS, type TestDatabase } from '../testing/databases.ts';
import { openDatabase, type Database } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { enqueueJob, findJob } from './job-queue.ts';
import { createJobRunner, type RunningJob } from './job-runner.ts';

const T0 = new Date('2026-11-23T08:00:00.000Z');
const SECOND = 1000;

for (const dialect of DIALECTS) {
  describe(`job runner [${dialect}]`, () => {
    let target: TestDatabase;
    let first: Database;
    let second: Database;
    let now = T0;
    const clock = () => now;
    let keyCounter = 0;
    const key = (name: string) => `${name}-${++keyCounter}`;

    before(async () => {
      target = await createTestTarget(dialect);
      first = await openDatabase(target.target);
      await migrateToLatest(first);
      second = await openDatabase(target.target);
    });
    after(async () => {
      await second?.close();
      await first?.close();
      await target?.dispose();
    });

    async function clearJobs() {
      await first.db.deleteFrom('jobs').execute();
    }

    test('runs due jobs oldest first, and nothing before its time', async () => {
      await clearJobs();
      now = T0;
      const ran: string[] = [];
      const runner = createJobRunner({ database: first, clock, handlers: { note: async (job) => void ran.push((job.payload as { name: string }).name) } });
      await enqueueJob(first.db, { kind: 'note', payload: { name: 'later' }, runAt: new Date(T0.getTime() + 60 * SECOND), uniqueKey: key('later') }, now);
      await enqueueJob(first.db, { kind: 'note', payload: { name: 'second' }, runAt: new Date(T0.getTime() - 10 * SECOND) }, now);
      await enqueueJob(first.db, { kind: 'note', payload: { name: 'first' }, runAt: new Date(T0.getTime() - 20 * SECOND) }, now);
      assert.equal(await runner.runDueJobs(), 2);
      assert.deepEqual(ran, ['first', 'second']);
      assert.equal(await runner.runDueJobs(), 0, 'done jobs do not run again');
      now = new Date(T0.getTime() + 60 * SECOND);
      assert.equal(await runner.runDueJobs(), 1);
      assert.deepEqual(ran, ['first', 'second', 'later']);
    });

    test('enqueueing the same unique key again moves the one pending job', async () => {
      await clearJobs();
      now = T0;
      const k = key('publish');
      await enqueueJob(first.db, { kind: 'note', payload: { at: 1 }, runAt: new Date(T0.getTime() + SECOND), uniqueKey: k }, now);
      await enqueueJob(first.db, { kind: 'note', payload: { at: 2 }, runAt: new Date(T0.getTime() + 2 * SECOND), uniqueKey: k }, now);
      const rows = await first.db.selectFrom('jobs').selectAll().execute();
      assert.equal(rows.length, 1);
      assert.equal(rows[0]!.run_at, new Date(T0.getTime() + 2 * SECOND).toISOString());
      assert.deepEqual(JSON.parse(rows[0]!.payload), { at: 2 });
    });

    test('a failing job is retried with growing delays and marked failed after max_attempts', async () => {
      await clearJobs();
      now = T0;
      const attempts: number[] = [];
      const runner = createJobRunner({
        database: first, clock, backoffMs: (attempt) => attempt * 60 * SECOND,
        handlers: { flaky: async (job: RunningJob) => { attempts.push(job.attempt); throw new Error(`boom ${job.attempt}`); } },
      });
      const k = key('flaky');
      await enqueueJob(first.db, { kind: 'flaky', payload: {}, runAt: T0, uniqueKey: k, maxAttempts: 3 }, now);
      assert.equal(await runner.runDueJobs(), 1);
      let state = await findJob(first.db, k);
      assert.equal(state!.lastError, 'boom 1');
      assert.equal(state!.runAt, new Date(T0.getTime() + 60 * SECOND).toISOString(), 'retried after the first delay');
      now = new Date(T0.getTime() + 59 * SECOND);
      assert.equal(await runner.runDueJobs(), 0, 'not before the delay');
      now = new Date(T0.getTime() + 60 * SECOND);
      await runner.runDueJobs();
      state = await findJob(first.db, k);
      assert.equal(state!.runAt, new Date(now.getTime() + 120 * SECOND).toISOString(), 'the second delay is longer');
      now = new Date(now.getTime() + 120 * SECOND);
      await runner.runDueJobs();
      state = await findJob(first.db, k);
      assert.deepEqual(attempts, [1, 2, 3]);
      assert.equal(state!.failedAt, now.toISOString());
      assert.equal(state!.lastError, 'boom 3');
      now = new Date(now.getTime() + 3600 * SECOND);
      assert.equal(await runner.runDueJobs(), 0, 'a failed job stays failed');
    });

    test('a job with no handler fails with a clear error instead of vanishing', async () => {
      await clearJobs();
      now = T0;
      const k = key('unknown');
      await enqueueJob(first.db, { kind: 'unknown_kind', payload: {}, runAt: T0, uniqueKey: k, maxAttempts: 1 }, now);
      await createJobRunner({ database: first, clock, handlers: {} }).runDueJobs();
      const state = await findJob(first.db, k);
      assert.match(state!.lastError ?? '', /no handler for jobs of kind "unknown_kind"/);
      assert.ok(state!.failedAt);
    });

    test('a job locked by a runner that died is picked up once its lease has passed', async () => {
      await clearJobs();
      now = T0;
      const k = key('lease');
      await enqueueJob(first.db, { kind: 'note', payload: {}, runAt: T0, uniqueKey: k }, now);
      // The dead runner claimed it and never came back.
      await first.db.updateTable('jobs').set({ locked_by: 'dead-runner', locked_until: new Date(T0.getTime() + 300 * SECOND).toISOString(), attempts: 1 }).execute();
      const ran: number[] = [];
      const runner = createJobRunner({ database: second, clock, handlers: { note: async (job) => void ran.push(job.attempt) } });
      now = new Date(T0.getTime() + 299 * SECOND);
      assert.equal(await runner.runDueJobs(), 0, 'still leased');
      now = new Date(T0.getTime() + 300 * SECOND);
      assert.equal(await runner.runDueJobs(), 1);
      assert.deepEqual(ran, [2]);
      assert.ok((await findJob(first.db, k))!.doneAt);
    });

    test('a runner started after its jobs were due catches all of them up', async () => {
      await clearJobs();
      now = T0;
      for (let i = 0; i < 5; i++) await enqueueJob(first.db, { kind: 'note', payload: { i }, runAt: new Date(T0.getTime() + i * 3600 * SECOND) }, now);
      // Down for a day.
      now = new Date(T0.getTime() + 24 * 3600 * SECOND);
      const ran: number[] = [];
      const runner = createJobRunner({ database: second, clock, pollIntervalMs: 10, handlers: { note: async (job) => void ran.push((job.payload as { i: number }).i) } });
      runner.start();
      const deadline = Date.now() + 5000;
      while (ran.length < 5 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
      await runner.stop();
      assert.deepEqual(ran, [0, 1, 2, 3, 4]);
    });

    test('two runners on two connections never run the same job twice', async () => {
      await clearJobs();
      now = T0;
      const jobs = 40;
      for (let i = 0; i < jobs; i++) await enqueueJob(first.db, { kind: 'count', payload: { i }, runAt: T0 }, now);
      const runs = new Map<number, string[]>();
      const handler = (worker: string) => async (job: RunningJob) => {
        runs.set(job.id, [...(runs.get(job.id) ?? []), worker]);
        await new Promise((resolve) => setTimeout(resolve, 1));
      };
      const a = createJobRunner({ database: first, clock, workerId: 'a', handlers: { count: handler('a') } });
      const b = createJobRunner({ database: second, clock, workerId: 'b', handlers: { count: handler('b') } });
      const [ranA, ranB] = await Promise.all([a.runDueJobs(), b.runDueJobs()]);
      assert.equal(ranA + ranB, jobs);
      assert.equal(runs.size, jobs);
      for (const [id, workers] of runs) assert.equal(workers.length, 1, `job ${id} ran ${workers.length} times`);
      const done = await first.db.selectFrom('jobs').select(['done_at', 'locked_by']).execute();
      assert.ok(done.every((row) => row.done_at !== null && row.locked_by === null));
    });

    test('stop waits for the job in hand and then polls no more', async () => {
      await clearJobs();
      now = T0;
      let finished = false;
      let started!: () => void;
      const running = new Promise<void>((resolve) => (started = resolve));
      await enqueueJob(first.db, { kind: 'slow', payload: {}, runAt: T0 }, now);
      const runner = createJobRunner({
        database: first, clock, pollIntervalMs: 5,
        handlers: { slow: async () => { started(); await new Promise((resolve) => setTimeout(resolve, 100)); finished = true; } },
      });
      runner.start();
      await running;
      await runner.stop();
      assert.equal(finished, true);
      await enqueueJob(first.db, { kind: 'slow', payload: {}, runAt: T0 }, now);
      await new Promise((resolve) => setTimeout(resolve, 50));
      const pending = await first.db.selectFrom('jobs').select('id').where('done_at', 'is', null).execute();
      assert.equal(pending.length, 1, 'a stopped runner takes no new job');
    });
  });
}
