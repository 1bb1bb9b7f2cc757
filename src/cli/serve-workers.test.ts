// Several serving processes stay coherent. Under `--workers 2` on SQLite: a settings change that
// one worker is told of (SIGHUP) shows at once in the other (relayed through the primary), a worker
// that dies is replaced, and SIGTERM stops everything. Two independent `dispatch serve` processes
// on PostgreSQL: a settings change announced through one shows at once on the other (LISTEN/NOTIFY),
// a story published through one is on the other's home page, and its webhook is enqueued once.

import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { runCli, startServer, freePort, type RunningServer } from '../testing/cli.ts';
import { openDatabase, type Database } from '../db/database.ts';
import { createPostgresTarget, testPostgresUrl } from '../testing/databases.ts';
import { writeSetting } from '../content/index.ts';
import { draftStory, movableWorkflowContext, newsroom } from '../newsroom/workflow/workflow-fixtures.ts';
import { createSubscriber } from '../publishing/index.ts';
import { userWithSession } from '../testing/newsroom.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'dispatch-serve-workers-'));
after(() => rmSync(dir, { recursive: true, force: true }));

async function waitFor(check: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return check();
}

/** The English home page's title, on a new connection each time (so the cluster deals them round). */
async function homeTitles(url: string, times: number): Promise<string[]> {
  const titles: string[] = [];
  for (let i = 0; i < times; i += 1) {
    const response = await fetch(`${url}/en/`, { headers: { connection: 'close' } });
    const html = await response.text();
    titles.push(/<title>([^<]*)<\/title>/.exec(html)?.[1] ?? `status ${response.status}`);
  }
  return titles;
}

const allName = (titles: string[], name: string) => titles.every((title) => title.includes(name));

function servingPids(server: RunningServer): number[] {
  return server.output().stdout.split('\n')
    .filter((line) => line.includes('"a worker is serving"'))
    .map((line) => (JSON.parse(line) as { pid: number }).pid);
}

/** The primary's log of its workers' starts, in order: "starting 1", "serving 1"... */
function startSteps(server: RunningServer): string[] {
  const steps: Record<string, string> = { 'starting a worker': 'starting', 'a worker is serving': 'serving' };
  return server.output().stdout.split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as { msg: string; worker?: number })
    .filter((entry) => entry.msg in steps && entry.worker !== undefined)
    .map((entry) => `${steps[entry.msg]} ${entry.worker}`);
}

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function renameSite(database: Database, name: string): Promise<void> {
  await writeSetting(database.db, 'siteName', { ru: name, en: name, be: name });
}

test('--workers 2 on SQLite: a settings change reaches both workers, a dead worker is replaced, SIGTERM stops all', async () => {
  const file = path.join(dir, 'workers.db');
  const env = { DATABASE_URL: file, LOG_LEVEL: 'info' };
  const server = await startServer({ env, port: await freePort(), workers: 2 });
  const database = await openDatabase({ kind: 'sqlite', file });
  try {
    const workers = servingPids(server);
    assert.equal(workers.length, 2, 'two workers serve');
    for (const pid of workers) {
      const environment = readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0');
      assert.ok(environment.includes('MALLOC_MMAP_THRESHOLD_=16384'), 'workers map large blocks on their own, so freed pages go back to the system');
    }
    assert.equal((server.output().stderr.match(/password: /g) ?? []).length, 1, 'the first start is prepared once, by the primary');
    assert.deepEqual(startSteps(server), ['starting 1', 'serving 1', 'starting 2', 'serving 2'],
      'the first worker starts at once (and waits for the migrations), the second once the first serves');

    await renameSite(database, 'Pripyat Courier');
    assert.ok(!(await homeTitles(server.url, 4)).some((title) => title.includes('Pripyat Courier')), 'until told, the workers keep the settings they read');
    process.kill(server.pid, 'SIGHUP');
    assert.ok(await waitFor(async () => allName(await homeTitles(server.url, 6), 'Pripyat Courier'), 10_000), 'both workers show the new name');

    process.kill(workers[0]!, 'SIGKILL');
    assert.ok(await waitFor(async () => servingPids(server).length === 3, 170_000), `a new worker is started: ${server.output().stdout}`);
    assert.match(server.output().stdout, /a worker stopped unexpectedly; starting another/);
    assert.ok(allName(await homeTitles(server.url, 4), 'Pripyat Courier'));
  } finally {
    await database.close();
    const stopped = await server.stop();
    assert.equal(stopped.code, 0, stopped.stderr);
    for (const pid of servingPids(server)) assert.equal(isAlive(pid), false, `worker ${pid} has stopped`);
  }
});

test('two processes on PostgreSQL: settings and publications made through one show on the other as soon as it hears of them', async () => {
  const target = await createPostgresTarget();
  const url = `${testPostgresUrl()}${testPostgresUrl().includes('?') ? '&' : '?'}schema=${target.target.kind === 'postgres' ? target.target.schema : ''}`;
  const hooks: string[] = [];
  const hookServer = createServer((request, response) => {
    request.on('data', () => {});
    request.on('end', () => (hooks.push(request.url ?? ''), response.writeHead(204).end()));
  });
  await new Promise<void>((resolve) => hookServer.listen(0, '127.0.0.1', resolve));
  const [portA, portB] = [await freePort(), await freePort()];
  const publicUrl = `http://127.0.0.1:${portA}`;
  const env = { DATABASE_URL: url, DISPATCH_DEMO: 'false', PUBLIC_URL: publicUrl, WIRE_WEBHOOK_ALLOW_HOSTS: '127.0.0.1' };
  const migrated = await runCli(['db', 'migrate'], { env });
  assert.equal(migrated.code, 0, migrated.stderr);
  const database = await openDatabase(target.target);
  const { context } = movableWorkflowContext(() => database, new Date().toISOString());
  const people = await newsroom(context);
  const storyId = await draftStory(context, people.rubric.id, people.reporter, 'Flax harvest doubles', ['en']);
  await createSubscriber({ db: database.db, fields: { name: 'Daily Courier', languages: ['en'], rubricIds: [], webhookUrl: `http://127.0.0.1:${(hookServer.address() as AddressInfo).port}/hook` }, now: new Date() });
  const editor = await userWithSession(database, { login: 'desk-editor', role: 'editor' });
  const a = await startServer({ env, port: portA });
  const b = await startServer({ env, port: portB });
  try {
    await renameSite(database, 'Polesie Herald');
    assert.ok(!(await homeTitles(b.url, 1))[0]!.includes('Polesie Herald'), 'B keeps the settings it read until told');
    process.kill(a.pid, 'SIGHUP');
    assert.ok(await waitFor(async () => allName(await homeTitles(b.url, 1), 'Polesie Herald'), 10_000), 'B shows the name announced through A');

    const published = await fetch(`${publicUrl}/api/newsroom/stories/${storyId}/en/actions/publish`, {
      method: 'POST',
      headers: { cookie: editor.cookie, 'x-csrf-token': editor.csrfToken, origin: publicUrl, 'content-type': 'application/json' },
      body: '{}',
    });
    assert.equal(published.status, 200, await published.text());
    // B caches its pages: the publication reaches it by NOTIFY, a moment after A answered.
    assert.ok(await waitFor(async () => /Flax harvest doubles/.test(await (await fetch(`${b.url}/en/`)).text()), 5_000), 'the story is on B\'s home page as soon as B hears of it');
    // B heard the publication too (its settings follow A's next announcement, sent after it),
    // yet the subscriber's webhook was enqueued once, by A, and delivered once.
    await renameSite(database, 'Polesie Herald II');
    process.kill(a.pid, 'SIGHUP');
    assert.ok(await waitFor(async () => allName(await homeTitles(b.url, 1), 'Polesie Herald II'), 10_000));
    assert.ok(await waitFor(async () => hooks.length > 0, 15_000), 'the webhook is delivered');
    const deliveries = await database.db.selectFrom('webhook_deliveries').select('id').execute();
    assert.equal(deliveries.length, 1, 'one delivery for one publication, though two processes heard it');
  } finally {
    const stoppedA = await a.stop();
    const stoppedB = await b.stop();
    assert.equal(stoppedA.code, 0, stoppedA.stderr);
    assert.equal(stoppedB.code, 0, stoppedB.stderr);
    await database.close();
    hookServer.close();
    await target.dispose();
  }
});
