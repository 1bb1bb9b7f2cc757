// `dispatch serve` runs the job runner: a version scheduled while the server was down is published
// as soon as it starts (catch-up), one scheduled for a moment later is published at its time, and
// the server still stops cleanly on SIGTERM. A story published through the newsroom's API reaches
// the wire's webhooks: the app and the job runner share one "story changed" bus.

import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli, startServer, freePort } from '../testing/cli.ts';
import { openDatabase } from '../db/database.ts';
import { draftStory, movableWorkflowContext, newsroom } from '../newsroom/workflow/workflow-fixtures.ts';
import { scheduleVersion } from '../newsroom/index.ts';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSubscriber } from '../publishing/index.ts';
import { userWithSession } from '../testing/newsroom.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'dispatch-serve-jobs-'));
after(() => rmSync(dir, { recursive: true, force: true }));

async function waitFor(check: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return false;
}

test('the server publishes scheduled versions: missed ones at start, the next one at its time', async () => {
  const file = path.join(dir, 'dispatch.db');
  const env = { DATABASE_URL: file, DISPATCH_DEMO: 'false' };
  const migrated = await runCli(['db', 'migrate'], { env });
  assert.equal(migrated.code, 0, migrated.stderr);

  const database = await openDatabase({ kind: 'sqlite', file });
  const missedAt = new Date(Date.now() - 3_600_000);
  const { context, setNow } = movableWorkflowContext(() => database, new Date(missedAt.getTime() - 60_000).toISOString());
  const people = await newsroom(context);
  const missed = await draftStory(context, people.rubric.id, people.reporter, 'Missed', ['en']);
  await scheduleVersion(context, { actor: people.editor, storyId: missed, language: 'en', at: missedAt.toISOString() });
  setNow(new Date().toISOString());
  const soonAt = new Date(Date.now() + 4_000);
  const soon = await draftStory(context, people.rubric.id, people.reporter, 'Soon', ['en']);
  await scheduleVersion(context, { actor: people.editor, storyId: soon, language: 'en', at: soonAt.toISOString() });
  const statusOf = async (storyId: number) =>
    (await database.db.selectFrom('story_versions').select('status').where('story_id', '=', storyId).executeTakeFirstOrThrow()).status;

  const server = await startServer({ env, port: await freePort() });
  try {
    assert.ok(await waitFor(async () => (await statusOf(missed)) === 'published', 10_000), 'the missed version is caught up');
    if (Date.now() < soonAt.getTime() - 500) assert.equal(await statusOf(soon), 'scheduled', 'the next one waits for its time');
    assert.ok(await waitFor(async () => (await statusOf(soon)) === 'published', 15_000), 'the next version goes out at its time');
    const published = await database.db.selectFrom('story_versions').select('published_at').where('story_id', '=', soon).executeTakeFirstOrThrow();
    assert.ok(Date.parse(published.published_at!) >= soonAt.getTime(), 'not before its time');
  } finally {
    const stopped = await server.stop();
    assert.equal(stopped.code, 0, stopped.stderr);
    await database.close();
  }
});

test('a story published in the newsroom is pushed to a subscriber\'s webhook by the running server', async () => {
  const file = path.join(dir, 'webhook.db');
  const hooks: { headers: IncomingHttpHeaders; body: string }[] = [];
  const hookServer = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      hooks.push({ headers: request.headers, body });
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => hookServer.listen(0, '127.0.0.1', resolve));
  const hookUrl = `http://127.0.0.1:${(hookServer.address() as AddressInfo).port}/hook`;
  const port = await freePort();
  const publicUrl = `http://127.0.0.1:${port}`;
  const env = { DATABASE_URL: file, DISPATCH_DEMO: 'false', PUBLIC_URL: publicUrl, WIRE_WEBHOOK_ALLOW_HOSTS: '127.0.0.1' };
  const migrated = await runCli(['db', 'migrate'], { env });
  assert.equal(migrated.code, 0, migrated.stderr);

  const database = await openDatabase({ kind: 'sqlite', file });
  const { context } = movableWorkflowContext(() => database, new Date().toISOString());
  const people = await newsroom(context);
  const storyId = await draftStory(context, people.rubric.id, people.reporter, 'Potash exports grow', ['en']);
  await createSubscriber({ db: database.db, fields: { name: 'Daily Courier', languages: ['en'], rubricIds: [], webhookUrl: hookUrl }, now: new Date() });
  const editor = await userWithSession(database, { login: 'desk-editor', role: 'editor' });

  const server = await startServer({ env, port });
  try {
    const response = await fetch(`${publicUrl}/api/newsroom/stories/${storyId}/en/actions/publish`, {
      method: 'POST',
      headers: { cookie: editor.cookie, 'x-csrf-token': editor.csrfToken, origin: publicUrl, 'content-type': 'application/json' },
      body: '{}',
    });
    assert.equal(response.status, 200, await response.text());
    assert.ok(await waitFor(async () => hooks.length > 0, 15_000), 'the webhook is delivered');
    const delivered = JSON.parse(hooks[0]!.body) as { item?: { headline?: string } } & Record<string, unknown>;
    assert.match(JSON.stringify(delivered), /Potash exports grow/);
    assert.ok(Object.keys(hooks[0]!.headers).some((name) => name.includes('signature')), 'the delivery is signed');
  } finally {
    const stopped = await server.stop();
    assert.equal(stopped.code, 0, stopped.stderr);
    await database.close();
    hookServer.close();
  }
});
