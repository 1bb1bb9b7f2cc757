// Scheduled publishing and embargoes through the job runner and the public site, on SQLite and
// PostgreSQL, with a clock the test moves: a scheduled version goes out at its time and not before,
// a runner that was down catches up, a rescheduled or spiked version is not published by a stale
// job, and an embargoed story is on no page or feed until the embargo ends, then everywhere.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { describeEachDatabase } from '../../testing/databases.ts';
import { buildTestApp } from '../../testing/app.ts';
import { rejectsWith } from '../../testing/assertions.ts';
import { createAuthor, createTag } from '../../content/index.ts';
import { createJobRunner, findJob } from '../../jobs/index.ts';
import { draftStory, movableWorkflowContext, newsroom } from './workflow-fixtures.ts';
import { scheduleVersion } from './schedule-version.ts';
import { publishVersion } from './publish-version.ts';
import { spikeVersion } from './spike-version.ts';
import { liftEmbargo, setEmbargo } from './embargo.ts';
import { listAuditLog } from './audit-log.ts';
import { workflowJobHandlers } from './job-handlers.ts';
import { embargoJobKey, publishJobKey } from './job-kinds.ts';

const START = '2026-11-23T08:00:00.000Z';
const MINUTE = 60_000;

describeEachDatabase('scheduling and embargo', ({ database }) => {
  const { context, events, setNow, advance } = movableWorkflowContext(database, START);
  let people: Awaited<ReturnType<typeof newsroom>>;
  let app: FastifyInstance;
  let rubricSlug: string;
  let tagSlug: string;
  let tagId: number;
  let authorId: number;

  before(async () => {
    people = await newsroom(context);
    app = (await buildTestApp(database(), context.clock)).app;
    await (app as unknown as { site: { reload(): Promise<void> } }).site.reload();
    rubricSlug = people.rubric.names.en!.slug;
    const tag = await createTag(context, { key: 'embargo-tag', names: { en: 'Results', ru: 'Итоги' } });
    tagId = tag.id;
    tagSlug = tag.names.en!.slug;
    authorId = (await createAuthor(context, { key: 'olga', names: { en: 'Olga', ru: 'Ольга' } })).id;
  });
  after(async () => {
    await app?.close();
  });

  const runnerFor = (workerId: string) => createJobRunner({ database: database(), clock: context.clock, workerId, handlers: workflowJobHandlers(context) });

  async function versionOf(storyId: number, language = 'en') {
    return database().db.selectFrom('story_versions').selectAll().where('story_id', '=', storyId).where('language', '=', language).executeTakeFirstOrThrow();
  }

  async function pageStatus(storyId: number, language = 'en'): Promise<number> {
    const version = await versionOf(storyId, language);
    return (await app.inject({ url: `/${language}/${rubricSlug}/${storyId}-${version.slug}` })).statusCode;
  }

  async function listed(storyId: number): Promise<Record<string, boolean>> {
    const version = await versionOf(storyId);
    const pages = { home: '/en/', rubric: `/en/${rubricSlug}/`, tag: `/en/tags/${tagSlug}/`, author: '/en/authors/olga/', rss: '/en/rss.xml', rubricRss: `/en/${rubricSlug}/rss.xml` };
    const result: Record<string, boolean> = {};
    for (const [name, url] of Object.entries(pages)) {
      const response = await app.inject({ url });
      result[name] = response.statusCode === 200 && response.body.includes(`/${storyId}-${version.slug}`);
    }
    return result;
  }

  test('a scheduled version goes out at its time, not before, published by the job runner', async () => {
    setNow(START);
    const storyId = await draftStory(context, people.rubric.id, people.reporter, 'Scheduled', ['en']);
    await rejectsWith(scheduleVersion(context, { actor: people.editor, storyId, language: 'en', at: '2026-11-23T07:59:00Z' }), 'invalid_input', 'at');
    await scheduleVersion(context, { actor: people.editor, storyId, language: 'en', at: '2026-11-23T09:00:00+00:00' });
    assert.equal((await versionOf(storyId)).status, 'scheduled');
    assert.equal(await pageStatus(storyId), 404, 'a scheduled story is not on the site');
    const runner = runnerFor('scheduler');
    setNow('2026-11-23T08:59:59.000Z');
    assert.equal(await runner.runDueJobs(), 0);
    assert.equal(await pageStatus(storyId), 404);
    setNow('2026-11-23T09:00:00.000Z');
    const before = events.length;
    assert.equal(await runner.runDueJobs(), 1);
    const version = await versionOf(storyId);
    assert.equal(version.status, 'published');
    assert.equal(version.published_at, '2026-11-23T09:00:00.000Z');
    assert.equal(await pageStatus(storyId), 200);
    assert.deepEqual(events.slice(before), [{ storyId, languages: ['en'], action: 'publish' }]);
    const { entries } = await listAuditLog(context, { actor: people.chief, storyId });
    assert.equal(entries[0]!.action, 'publish');
    assert.equal(entries[0]!.actorRole, 'system');
    assert.equal(entries[0]!.actorUserId, null);
    assert.ok((await findJob(database().db, publishJobKey(version.id)))!.doneAt);
  });

  test('a runner restarted after a missed time catches up', async () => {
    setNow(START);
    const storyId = await draftStory(context, people.rubric.id, people.reporter, 'Missed while down', ['en']);
    await scheduleVersion(context, { actor: people.editor, storyId, language: 'en', at: '2026-11-23T08:30:00.000Z' });
    // A runner claims the job at 08:30 and dies before finishing.
    setNow('2026-11-23T08:30:00.000Z');
    await database().db.updateTable('jobs').set({ locked_by: 'crashed', locked_until: '2026-11-23T08:35:00.000Z', attempts: 1 })
      .where('unique_key', '=', publishJobKey((await versionOf(storyId)).id)).execute();
    // The process comes back at 10:00.
    setNow('2026-11-23T10:00:00.000Z');
    assert.equal(await runnerFor('restarted').runDueJobs(), 1);
    assert.equal((await versionOf(storyId)).status, 'published');
    assert.equal(await pageStatus(storyId), 200);
  });

  test('rescheduling moves the job; a published or spiked version is left alone by a stale job', async () => {
    setNow(START);
    const storyId = await draftStory(context, people.rubric.id, people.reporter, 'Moved', ['en', 'ru']);
    await scheduleVersion(context, { actor: people.editor, storyId, language: 'en', at: '2026-11-23T09:00:00.000Z' });
    await scheduleVersion(context, { actor: people.editor, storyId, language: 'en', at: '2026-11-23T11:00:00.000Z' });
    const jobs = await database().db.selectFrom('jobs').selectAll().where('unique_key', '=', publishJobKey((await versionOf(storyId)).id)).execute();
    assert.equal(jobs.length, 1);
    assert.equal(jobs[0]!.run_at, '2026-11-23T11:00:00.000Z');
    setNow('2026-11-23T10:00:00.000Z');
    await runnerFor('r').runDueJobs();
    assert.equal((await versionOf(storyId)).status, 'scheduled', 'not at the old time');

    // Published by hand before its time: the job is gone, nothing is published twice.
    await publishVersion(context, { actor: people.editor, storyId, language: 'en' });
    assert.equal(await findJob(database().db, publishJobKey((await versionOf(storyId)).id)), undefined);

    await scheduleVersion(context, { actor: people.editor, storyId, language: 'ru', at: '2026-11-23T12:00:00.000Z' });
    await spikeVersion(context, { actor: people.editor, storyId, language: 'ru' });
    setNow('2026-11-23T12:30:00.000Z');
    await runnerFor('r').runDueJobs();
    assert.equal((await versionOf(storyId, 'ru')).status, 'spiked');
  });

  test('an embargoed story is on no page, feed or listing until its time, whatever its status, then on all of them', async () => {
    setNow(START);
    const storyId = await draftStory(context, people.rubric.id, people.reporter, 'Election results', ['en'], { tagIds: [tagId], authorIds: [authorId] });
    await rejectsWith(setEmbargo(context, { actor: people.reporter, storyId, until: '2026-11-23T12:00:00Z' }), 'forbidden');
    await rejectsWith(setEmbargo(context, { actor: people.editor, storyId, until: '2026-11-23T07:00:00Z' }), 'invalid_input', 'until');
    await setEmbargo(context, { actor: people.editor, storyId, until: '2026-11-23T12:00:00Z' });
    await publishVersion(context, { actor: people.editor, storyId, language: 'en' });
    assert.equal((await versionOf(storyId)).status, 'published');
    setNow('2026-11-23T11:59:00.000Z');
    assert.equal(await pageStatus(storyId), 404, 'published but embargoed: 404');
    assert.deepEqual(await listed(storyId), { home: false, rubric: false, tag: false, author: false, rss: false, rubricRss: false });

    const runner = runnerFor('embargo');
    assert.equal(await runner.runDueJobs(), 0);
    setNow('2026-11-23T12:00:00.000Z');
    const before = events.length;
    assert.equal(await runner.runDueJobs(), 1, 'the embargo end is a job');
    assert.deepEqual(events.slice(before), [{ storyId, languages: ['en'], action: 'embargo_end' }], 'caches hear that the story changed');
    assert.equal(await pageStatus(storyId), 200);
    assert.deepEqual(await listed(storyId), { home: true, rubric: true, tag: true, author: true, rss: true, rubricRss: true });
  });

  test('lifting an embargo shows the story at once and cancels its job; a moved embargo ignores the old time', async () => {
    setNow(START);
    const storyId = await draftStory(context, people.rubric.id, people.reporter, 'Lifted', ['en'], { tagIds: [tagId] });
    await setEmbargo(context, { actor: people.editor, storyId, until: '2026-11-23T12:00:00Z' });
    await publishVersion(context, { actor: people.editor, storyId, language: 'en' });
    advance(MINUTE);
    assert.equal(await pageStatus(storyId), 404);
    const before = events.length;
    await liftEmbargo(context, { actor: people.chief, storyId });
    assert.deepEqual(events.slice(before).map((e) => e.action), ['lift_embargo']);
    assert.equal(await findJob(database().db, embargoJobKey(storyId)), undefined);
    assert.equal(await pageStatus(storyId), 200);

    await setEmbargo(context, { actor: people.editor, storyId, until: '2026-11-23T13:00:00Z' });
    assert.equal(await pageStatus(storyId), 404, 'an embargo set on a published story hides it again');
    await setEmbargo(context, { actor: people.editor, storyId, until: '2026-11-23T15:00:00Z' });
    setNow('2026-11-23T13:30:00.000Z');
    const quiet = events.length;
    assert.equal(await runnerFor('e').runDueJobs(), 0, 'one job per story, moved to the new time');
    assert.equal(events.length, quiet);
    assert.equal(await pageStatus(storyId), 404);
  });
});
