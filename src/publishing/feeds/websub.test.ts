// WebSub against a small hub on loopback, on both databases: publishing, correcting and killing
// enqueue a ping per configured hub (the command returns before any hub is asked), the durable job
// runner posts hub.mode=publish with every feed of the story, a hub that fails is asked again after
// the backoff, and nothing is queued without hubs or for changes that leave the feeds alone.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describeEachDatabase } from '../../testing/databases.ts';
import { draftStory, movableWorkflowContext, newsroom } from '../../newsroom/workflow/workflow-fixtures.ts';
import { correctVersion, killVersion, publishVersion, submitVersion } from '../../newsroom/index.ts';
import { createTag } from '../../content/index.ts';
import { createJobRunner } from '../../jobs/index.ts';
import { subscribeWebSubPings, websubJobHandlers, WEBSUB_PING_JOB } from './websub.ts';

const BASE = 'https://news.example.by';

interface Ping {
  contentType: string | undefined;
  form: URLSearchParams;
}

describeEachDatabase('WebSub pings', ({ database }) => {
  const { context, advance } = movableWorkflowContext(database, '2026-11-23T08:00:00.000Z');
  let hub: Server;
  let hubUrl: string;
  const pings: Ping[] = [];
  let failuresToGive = 0;
  let people: Awaited<ReturnType<typeof newsroom>>;
  let unsubscribe: () => void;

  before(async () => {
    hub = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      request.on('end', () => {
        if (failuresToGive > 0) {
          failuresToGive -= 1;
          response.writeHead(503).end();
          return;
        }
        pings.push({ contentType: request.headers['content-type'], form: new URLSearchParams(body) });
        response.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => hub.listen(0, '127.0.0.1', resolve));
    hubUrl = `http://127.0.0.1:${(hub.address() as AddressInfo).port}/hub`;
    people = await newsroom(context);
    unsubscribe = subscribeWebSubPings(context.events, { database: database(), clock: context.clock, publicUrl: BASE, hubs: [hubUrl] });
  });
  after(async () => {
    unsubscribe?.();
    await new Promise<void>((resolve) => hub.close(() => resolve()));
  });

  const runner = () => createJobRunner({ database: database(), clock: context.clock, handlers: websubJobHandlers({ database: database(), publicUrl: BASE }) });

  async function queued(): Promise<number> {
    const rows = await database().db.selectFrom('jobs').select('id').where('kind', '=', WEBSUB_PING_JOB).where('done_at', 'is', null).where('failed_at', 'is', null).execute();
    return rows.length;
  }

  /** The event listener enqueues just after the commit; give its transaction a moment. */
  async function settle(): Promise<void> {
    for (let i = 0; i < 50 && (await queued()) === 0; i++) await new Promise((resolve) => setTimeout(resolve, 10));
  }

  test('publishing pings the hub with every feed of the story, from the job runner', async () => {
    const tag = await createTag(context, { key: 'energy-websub', names: { ru: 'Энергия', en: 'Energy' } });
    const storyId = await draftStory(context, people.rubric.id, people.reporter, 'Новая ГЭС', ['ru'], { tagIds: [tag.id] });
    await submitVersion(context, { actor: people.reporter, storyId, language: 'ru' });
    await settle();
    assert.equal(await queued(), 0, 'a submission changes no feed');

    await publishVersion(context, { actor: people.editor, storyId, language: 'ru' });
    assert.equal(pings.length, 0, 'the publish returned without waiting for the hub');
    await settle();
    assert.equal(await queued(), 1);
    assert.equal(await runner().runDueJobs(), 1);
    assert.equal(pings.length, 1);
    const ping = pings[0]!;
    assert.equal(ping.contentType, 'application/x-www-form-urlencoded');
    assert.equal(ping.form.get('hub.mode'), 'publish');
    const topics = ping.form.getAll('hub.url');
    const rubricSlug = people.rubric.names.ru!.slug;
    for (const file of ['rss.xml', 'atom.xml', 'feed.json', 'yandex.xml']) {
      assert.ok(topics.includes(`${BASE}/ru/${file}`), file);
      assert.ok(topics.includes(`${BASE}/ru/${rubricSlug}/${file}`), `rubric ${file}`);
      assert.ok(topics.includes(`${BASE}/ru/tags/${tag.names.ru!.slug}/${file}`), `tag ${file}`);
    }
    assert.ok(!topics.some((topic) => topic.includes('/en/')), 'only the language that changed');
  });

  test('a hub that fails is asked again after the backoff; correcting and killing ping too', async () => {
    pings.length = 0;
    const storyId = await draftStory(context, people.rubric.id, people.reporter, 'Тарифы', ['en']);
    await publishVersion(context, { actor: people.editor, storyId, language: 'en' });
    await settle();
    await runner().runDueJobs();
    assert.equal(pings.length, 1);

    failuresToGive = 1;
    await correctVersion(context, { actor: people.editor, storyId, language: 'en', note: 'Fixed the figure.' });
    await settle();
    assert.equal(await runner().runDueJobs(), 1, 'the first attempt ran and failed');
    assert.equal(pings.length, 1);
    assert.equal(await runner().runDueJobs(), 0, 'not again before the backoff');
    advance(11_000);
    assert.equal(await runner().runDueJobs(), 1);
    assert.equal(pings.length, 2, 'the retry reached the hub');
    assert.ok(pings[1]!.form.getAll('hub.url').includes(`${BASE}/en/atom.xml`));

    await killVersion(context, { actor: people.editor, storyId, language: 'en', reason: 'Legal' });
    await settle();
    await runner().runDueJobs();
    assert.equal(pings.length, 3);
  });

  test('without hubs nothing is queued', async () => {
    const stop = subscribeWebSubPings(context.events, { database: database(), clock: context.clock, publicUrl: BASE, hubs: [] });
    unsubscribe();
    try {
      const storyId = await draftStory(context, people.rubric.id, people.reporter, 'Тишина', ['en']);
      await publishVersion(context, { actor: people.editor, storyId, language: 'en' });
      await new Promise((resolve) => setTimeout(resolve, 100));
      assert.equal(await queued(), 0);
    } finally {
      stop();
    }
  });
});
