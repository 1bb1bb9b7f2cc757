// The purge of an HTTP cache in front, against real Varnish (Debian's varnishd with the VCL in
// src/cache/varnish/): pages are cached by Varnish as Dispatch's headers say; a publication
// queues a BAN by surrogate key through the job runner, which drops exactly the pages showing or
// listing the story there too; with Varnish down the publication goes through and the purge
// waits to be retried.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDatabase } from '../testing/databases.ts';
import { buildTestApp } from '../testing/app.ts';
import { freePort } from '../testing/cli.ts';
import { startVarnish, type RunningVarnish } from '../testing/varnish.ts';
import { draftStory, movableWorkflowContext, newsroom } from '../newsroom/workflow/workflow-fixtures.ts';
import { publishVersion } from '../newsroom/index.ts';
import { createRubric } from '../content/index.ts';
import { createJobRunner } from '../jobs/index.ts';
import { HTTP_CACHE_PURGE_JOB, httpCachePurgeJobHandlers, type PageCache } from './index.ts';

describeEachDatabase('purging Varnish by surrogate key', ({ database }) => {
  const { context, setNow } = movableWorkflowContext(database, new Date().toISOString());
  let people: Awaited<ReturnType<typeof newsroom>>;
  let varnish: RunningVarnish | undefined;
  let app: Awaited<ReturnType<typeof buildTestApp>>['app'] & { pageCache: PageCache; site: { reload(): Promise<void> } };
  let purgeUrl: string;
  let otherRubric: string;

  const viaVarnish = async (path: string) => {
    const response = await fetch(`${varnish!.url}${path}`);
    const body = await response.text();
    // X-Varnish holds two transaction ids when the object came from Varnish's cache.
    return { status: response.status, body, isHit: (response.headers.get('x-varnish') ?? '').trim().split(/\s+/).length === 2 };
  };

  const queuedPurges = () =>
    database().db.selectFrom('jobs').select(['id', 'attempts', 'last_error', 'done_at']).where('kind', '=', HTTP_CACHE_PURGE_JOB).orderBy('id').execute();

  async function publishAndQueue(headline: string): Promise<void> {
    const before = (await queuedPurges()).length;
    const storyId = await draftStory(context, people.rubric.id, people.reporter, headline, ['en']);
    await publishVersion(context, { actor: people.editor, storyId, language: 'en' });
    await app.pageCache.whenServing();
    // The purge is queued just after the local drop; wait for its row.
    for (let i = 0; i < 200 && (await queuedPurges()).length === before; i++) await new Promise((resolve) => setTimeout(resolve, 10));
  }

  before(async () => {
    people = await newsroom(context);
    const rubric = await createRubric(context, { key: `culture-${Date.now()}`, names: { en: 'Culture' } });
    otherRubric = `/en/${rubric.names.en!.slug}/`;
    const appPort = await freePort();
    const varnishPort = await freePort();
    purgeUrl = `http://127.0.0.1:${varnishPort}/`;
    app = (await buildTestApp(database(), context.clock, { PAGE_CACHE_MAX_MB: '16', HTTP_CACHE_PURGE_URL: purgeUrl }, { events: context.events })).app as typeof app;
    await app.listen({ host: '127.0.0.1', port: appPort });
    // Varnish after its backend listens: a backend that refused a connection is held down a while.
    varnish = await startVarnish(appPort, varnishPort);
    await app.site.reload();
    await publishAndQueue('Opening of the season');
    // What the reload and the first publication queued (a ban of everything, then of the story) goes now.
    await createJobRunner({ database: database(), clock: context.clock, handlers: httpCachePurgeJobHandlers({ purgeUrl }) }).runDueJobs();
  });
  after(async () => {
    await varnish?.stop();
    await app?.close();
  });

  test('Varnish keeps the pages, and a publication bans exactly the ones that change', async () => {
    for (const path of ['/en/', otherRubric]) await viaVarnish(path);
    assert.ok((await viaVarnish('/en/')).isHit, 'the home page is cached in Varnish');
    assert.ok((await viaVarnish(otherRubric)).isHit);

    setNow(new Date(Date.now() + 1000).toISOString());
    await publishAndQueue('Theatre festival');
    assert.match((await app.inject({ url: '/en/' })).body, /Theatre festival en/, 'Dispatch itself shows it at once');
    const runner = createJobRunner({ database: database(), clock: context.clock, handlers: httpCachePurgeJobHandlers({ purgeUrl }) });
    assert.ok((await runner.runDueJobs()) >= 1);
    const purges = await queuedPurges();
    assert.ok(purges.every((job) => job.done_at !== null), 'every purge went through');

    const home = await viaVarnish('/en/');
    assert.equal(home.isHit, false, 'banned');
    assert.match(home.body, /Theatre festival en/);
    assert.ok((await viaVarnish(otherRubric)).isHit, 'a page the story is not on stays in Varnish');
  });

  test('with Varnish down, publishing goes through and the purge waits for a retry', async () => {
    await varnish!.stop();
    varnish = undefined;
    setNow(new Date(Date.now() + 2000).toISOString());
    await publishAndQueue('Concert cancelled');
    assert.match((await app.inject({ url: '/en/' })).body, /Concert cancelled en/);
    const runner = createJobRunner({ database: database(), clock: context.clock, handlers: httpCachePurgeJobHandlers({ purgeUrl }) });
    await runner.runDueJobs();
    const last = (await queuedPurges()).at(-1)!;
    assert.equal(last.done_at, null, 'not done');
    assert.equal(last.attempts, 1);
    assert.ok(last.last_error, 'the failure is recorded for the retry');
  });
});
