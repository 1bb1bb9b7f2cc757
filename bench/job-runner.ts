// How fast the job runner drains its queue on SQLite and PostgreSQL: no-op jobs with one runner and
// with two runners on two connections (the claim's cost), and scheduled versions published through
// the workflow (a realistic job). `node --import tsx bench/job-runner.ts [--jobs 2000] [--stories 300]`

import { createTestTarget, DIALECTS } from '../src/testing/databases.ts';
import { openDatabase, type Database } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { createJobRunner, enqueueJob } from '../src/jobs/index.ts';
import { draftStory, movableWorkflowContext, newsroom } from '../src/newsroom/workflow/workflow-fixtures.ts';
import { scheduleVersion, workflowJobHandlers } from '../src/newsroom/index.ts';

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
}

const JOBS = option('jobs', 2000);
const STORIES = option('stories', 300);
const T0 = new Date('2026-11-23T08:00:00.000Z');

async function enqueueNoops(database: Database, count: number): Promise<void> {
  await database.db.transaction().execute(async (trx) => {
    for (let i = 0; i < count; i++) await enqueueJob(trx, { kind: 'noop', payload: { i }, runAt: T0 }, T0);
  });
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

const rate = (count: number, ms: number) => `${Math.round((count / ms) * 1000).toLocaleString('en')} jobs/s`;

for (const dialect of DIALECTS) {
  const target = await createTestTarget(dialect);
  const first = await openDatabase(target.target);
  await migrateToLatest(first);
  const second = await openDatabase(target.target);
  const clock = () => new Date(T0.getTime() + 1000);
  try {
    const handlers = { noop: async () => {} };
    await enqueueNoops(first, JOBS);
    const one = await timed(() => createJobRunner({ database: first, clock, handlers }).runDueJobs());
    await enqueueNoops(first, JOBS);
    const two = await timed(() => Promise.all([
      createJobRunner({ database: first, clock, handlers }).runDueJobs(),
      createJobRunner({ database: second, clock, handlers }).runDueJobs(),
    ]));

    const { context, setNow } = movableWorkflowContext(() => first, T0.toISOString());
    const people = await newsroom(context);
    for (let i = 0; i < STORIES; i++) {
      const storyId = await draftStory(context, people.rubric.id, people.reporter, `Story ${i}`, ['en']);
      await scheduleVersion(context, { actor: people.editor, storyId, language: 'en', at: new Date(T0.getTime() + 60_000).toISOString() });
    }
    setNow(new Date(T0.getTime() + 120_000).toISOString());
    const publish = await timed(() => createJobRunner({ database: first, clock: context.clock, handlers: workflowJobHandlers(context) }).runDueJobs());
    console.log(`${dialect.padEnd(8)} no-op, 1 runner: ${rate(JOBS, one)} | no-op, 2 runners: ${rate(JOBS, two)} | scheduled publish, 1 runner: ${rate(STORIES, publish)} (${(publish / STORIES).toFixed(2)} ms each)`);
  } finally {
    await second.close();
    await first.close();
    await target.dispose();
  }
}
