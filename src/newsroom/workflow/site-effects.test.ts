// What readers see of the workflow, through the public site in-process, on SQLite and PostgreSQL:
// a correction shows its stored note and time, JSON-LD dateModified follows it, the address stays;
// a killed story answers 410 and leaves the feeds; an unpublished one is 404 until republished.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { describeEachDatabase } from '../../testing/databases.ts';
import { buildTestApp } from '../../testing/app.ts';
import { draftStory, movableWorkflowContext, newsroom } from './workflow-fixtures.ts';
import { publishVersion } from './publish-version.ts';
import { correctVersion } from './correct-version.ts';
import { killVersion, republishVersion, unpublishVersion } from './take-down.ts';

function jsonLd(html: string): Array<Record<string, unknown>> {
  return [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1]!) as Record<string, unknown>);
}

describeEachDatabase('the workflow on the site', ({ database }) => {
  const { context, setNow } = movableWorkflowContext(database, '2026-11-23T08:00:00.000Z');
  let people: Awaited<ReturnType<typeof newsroom>>;
  let app: FastifyInstance;
  let rubricSlug: string;

  before(async () => {
    people = await newsroom(context);
    app = (await buildTestApp(database(), context.clock)).app;
    await (app as unknown as { site: { reload(): Promise<void> } }).site.reload();
    rubricSlug = people.rubric.names.en!.slug;
  });
  after(async () => {
    await app?.close();
  });

  async function pathOf(storyId: number): Promise<string> {
    const { slug } = await database().db.selectFrom('story_versions').select('slug').where('story_id', '=', storyId).where('language', '=', 'en').executeTakeFirstOrThrow();
    return `/en/${rubricSlug}/${storyId}-${slug}`;
  }

  test('a correction shows its note under the headline, and dateModified follows it', async () => {
    setNow('2026-11-23T08:00:00.000Z');
    const storyId = await draftStory(context, people.rubric.id, people.reporter, 'Contract signed', ['en']);
    await publishVersion(context, { actor: people.editor, storyId, language: 'en' });
    const path = await pathOf(storyId);
    const before = await app.inject({ url: path });
    assert.equal(before.statusCode, 200);
    assert.doesNotMatch(before.body, /class="correction"/);
    assert.equal(jsonLd(before.body).find((d) => d['@type'] === 'NewsArticle')!.dateModified, undefined);

    setNow('2026-11-23T10:30:00.000Z');
    await correctVersion(context, { actor: people.editor, storyId, language: 'en', note: 'The contract is worth $12 million, not $21 million <b>really</b>.', fields: { lede: 'Worth $12 million.' } });
    setNow('2026-11-23T10:31:00.000Z');
    assert.equal(await pathOf(storyId), path, 'the same address');
    const page = await app.inject({ url: path });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /The contract is worth \$12 million, not \$21 million &lt;b&gt;really&lt;\/b&gt;\./, 'the stored note, as text');
    assert.match(page.body, /Worth \$12 million\./);
    const article = jsonLd(page.body).find((d) => d['@type'] === 'NewsArticle')!;
    assert.equal(Date.parse(article.dateModified as string), Date.parse('2026-11-23T10:30:00.000Z'));
    assert.equal(Date.parse(article.datePublished as string), Date.parse('2026-11-23T08:00:00.000Z'));
    const correctionTime = /<div class="correction"[^>]*><p class="correction-time"><time datetime="([^"]+)"/.exec(page.body)?.[1];
    assert.equal(Date.parse(correctionTime!), Date.parse('2026-11-23T10:30:00.000Z'));
  });

  test('a killed story is 410 and leaves the feeds; an unpublished one is 404 until republished', async () => {
    setNow('2026-11-23T11:00:00.000Z');
    const killed = await draftStory(context, people.rubric.id, people.reporter, 'Withdrawn claim', ['en']);
    const paused = await draftStory(context, people.rubric.id, people.reporter, 'Paused story', ['en']);
    await publishVersion(context, { actor: people.editor, storyId: killed, language: 'en' });
    await publishVersion(context, { actor: people.editor, storyId: paused, language: 'en' });
    setNow('2026-11-23T11:01:00.000Z');
    const inFeed = async (storyId: number) => (await app.inject({ url: '/en/rss.xml' })).body.includes(`/${storyId}-`);
    assert.ok(await inFeed(killed));
    await killVersion(context, { actor: people.editor, storyId: killed, language: 'en', reason: 'Court order' });
    assert.equal((await app.inject({ url: await pathOf(killed) })).statusCode, 410);
    assert.equal(await inFeed(killed), false);

    await unpublishVersion(context, { actor: people.editor, storyId: paused, language: 'en' });
    assert.equal((await app.inject({ url: await pathOf(paused) })).statusCode, 404);
    assert.equal(await inFeed(paused), false);
    await republishVersion(context, { actor: people.editor, storyId: paused, language: 'en' });
    assert.equal((await app.inject({ url: await pathOf(paused) })).statusCode, 200);
    assert.ok(await inFeed(paused));
  });
});
