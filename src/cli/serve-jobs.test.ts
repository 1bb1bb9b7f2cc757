// `dispatch serve` runs the job runner: a version scheduled while the server was down is published
// as soon as it starts (catch-up), one scheduled for a moment later is published at its time, and
// the server still stops cleanly on SIGTERM.

import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli, startServer, freePort } from '../testing/cli.ts';
import { openDatabase } from '../db/database.ts';
import { draftStory, movableWorkflowContext, newsroom } from '../newsroom/workflow/workflow-fixtures.ts';
import { scheduleVersion } from '../newsroom/index.ts';

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
